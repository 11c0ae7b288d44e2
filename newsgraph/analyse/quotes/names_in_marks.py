"""Words in quotation marks that name something rather than quote someone.

News puts titles, names and coined terms in quotation marks: a programme 'named "Open
Harbours"', a virus 'dubbed "Night Owl"', the film "Salt and Iron", a so-called "listening
tour". No one is reported as saying them, so they are not quotations, even when a reporting
verb elsewhere in the sentence would otherwise govern them as a fragment. What marks them is
the word just before the opening mark:

* a naming verb or phrase (named, dubbed, titled, entitled, nicknamed, known as, so-called,
  "calls itself"): always a name;
* "called" or "labelled", or a noun for a work or an undertaking ("the film", "the project"):
  a name when the quoted words are capitalised like a title ('called the plan "a disaster"'
  is a quoted judgement and stays).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyse.base.data import work_nouns

ALWAYS_NAMING = frozenset(
    {"named", "dubbed", "titled", "entitled", "nicknamed", "renamed", "codenamed", "so-called", "branded", "styled"}
)
"""Words after which quoted words are a name whatever they look like."""

NAMING_IF_TITLE = frozenset({"called", "labelled", "labeled", "call", "calls", "calling"})
"""Verbs that also quote a judgement ('called the plan "a disaster"'): a name only when title-like."""

WORK_NOUNS = work_nouns() | frozenset(
    """
    show programme program episode record memoir poem painting exhibition project operation campaign
    initiative scheme plan slogan motto brand website app band group party magazine newspaper column
    blog podcast hashtag term phrase word nickname title anthem hymn ballad
    """.split()
)
"""Nouns naming a work (the creative works of ``work_nouns()``) or an undertaking: 'the project "X"'."""

WRITTEN_WORKS = frozenset(
    "commentary column op-ed essay editorial article book novel memoir poem song album film movie documentary".split()
)
"""Works whose title in marks may read like a sentence ('the commentary, "Tell your story," is
thoughtful'): right after one of these nouns, quoted words are its title whatever their case."""

DOCUMENTS = frozenset(
    "study report paper survey thesis dissertation pamphlet booklet leaflet manifesto lecture review inquiry".split()
)
"""Documents whose title in marks may read like a sentence ('the study "Whose Job is It, Sir"'):
right after one (or after 'a study called'), quoted words opening with a capital are its title."""

NAMING_PARTICIPLES = frozenset({"call", "name", "label", "dub", "title", "entitle", "nickname", "brand", "term"})
"""Verbs whose past participle after a noun names it: 'links called "trackers"'."""


def named_by_participle(before: Token) -> bool:
    """``before`` (the word before the opening mark) is a naming participle modifying a noun
    (``a system called "trackers"``) or an agentless passive (``the plan is called "Go"``): the
    quoted words are a name. With an agent (``was called "a fraud" by X``) someone spoke."""
    if before.lemma_.lower() not in NAMING_PARTICIPLES or before.tag_ != "VBN":
        return False
    if before.dep_ == "acl":
        return True
    kids = list(before.children)
    return any(k.dep_ == "auxpass" for k in kids) and not any(k.dep_ == "agent" for k in kids)

TITLE_PREPOSITIONS = frozenset({"on", "during", "at", "in", "from", "to", "aboard", "via"})
"""Before a title-cased quotation: a show, event or publication ('appeared on "Face the Nation"')."""

_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "at", "by"})


def capitalised_like_a_title(content: str) -> bool:
    """Every word capitalised (or a number, or a small word): a title, programme, nickname or name."""
    words = [w for w in content.strip(" ,.:;!?").split() if w[:1].isalnum()]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words)


def _previous_words(text: str, open_mark: int, n: int = 3) -> list[str]:
    """The ``n`` words before ``open_mark`` in its line, lower-cased, nearest last."""
    line_start = text.rfind("\n", 0, open_mark) + 1
    return [w.lower().strip(",;:()") for w in text[line_start:open_mark].split()[-n:]]


def is_name_in_marks(text: str, open_mark: int, content: str) -> bool:
    """The quoted ``content`` (its opening mark at ``open_mark``) names something."""
    before = [w for w in _previous_words(text, open_mark) if w]
    if not before:
        return False
    last = before[-1]
    if last in WRITTEN_WORKS:
        return True  # 'the commentary, "Tell your story,"'
    titled = content.lstrip(" '‘")[:1].isupper() and not text[:open_mark].rstrip().endswith(":")
    # not 'Said the report: "This finding …"': words the report says
    if titled and (last in DOCUMENTS or len(before) >= 2 and last in NAMING_IF_TITLE and before[-2] in DOCUMENTS):
        return True  # 'for the study "Whose Job is It, Sir"', 'a report called "Why We Fail"'
    skip = {"a", "an", "the", "as", "itself", "themselves", "himself", "herself", "it", "them"}
    near = [w for w in before if w not in skip]
    if last in ALWAYS_NAMING or (near and near[-1] in ALWAYS_NAMING):
        return True
    if len(before) >= 2 and before[-2:] == ["known", "as"]:
        return True
    if last in ("itself", "themselves", "himself", "herself") and len(before) >= 2 and before[-2] in NAMING_IF_TITLE:
        return True  # "the group, which calls itself "the Night Riders""
    if not capitalised_like_a_title(content):
        return False
    if last.endswith(("'s", "’s")) or (bool(near) and near[-1] in TITLE_PREPOSITIONS):
        return True  # 'told MSNBC's "Morning Joe"', 'during a "Commander-in-Chief Forum"'
    return last in NAMING_IF_TITLE or last in WORK_NOUNS or (bool(near) and near[-1] in NAMING_IF_TITLE)
