"""Names shaped like a person's that the sentence shows are a thing's: an example of works or
firms ("titles such as Fifa and Ann Lee"), a day or prize named after people ("Free Ann and Bo
Day"), a name the article also gives a work or a firm, an acronym spelt out after it.

Read by ``people.group_mentions`` (the sentence around one span) and ``people.keep_people``
(all of a grouped person's mentions), before anything is called a person: the evidence a reader
uses is the noun the name is an example of, the word that closes the name, and the lack of
anything only a person has (a title, a role, a pronoun, speech).
"""

from __future__ import annotations

import re

from newsgraph.analyse.base.data import work_nouns
from newsgraph.analyse.base.token_table import TokenTable
from newsgraph.analyse.entities import names
from newsgraph.analyse.entities.person import Person
from newsgraph.model import Entity

EXAMPLE_OPENERS = frozenset({"like", "including"})
"""Words that open examples of the noun before them ("groups like X", "games including X"; "such as")."""
THING_HEADS = frozenset({"title", "product", "console", "device", "gadget", "service", "programme",
                         "program", "show", "franchise", "format", "technology", "port", "brand"})
"""Nouns of things (besides works and organisations) whose examples are no people."""
EVENT_WORDS = frozenset({"Day", "Week", "Night", "Lecture", "Memorial", "Awards", "Prize", "Cup", "Trophy",
                         "Festival"})
"""Capitalised words that close the name of a day, an event or a prize ("Free Ann and Bo Day")."""
_EVENT_RUN = 6
"""Tokens after a name within which the closing event word is looked for."""


def example_of_things(t: TokenTable, i: int, j: int) -> str | None:
    """ "titles such as Fifa and Ann Lee", "movies such as Ann Lee", "groups like Ann Lee": the name
    (or a name it is coordinated with) is an example of a noun of works or organisations; the label
    that noun gives (WORK_OF_ART or ORG), else None. Not "stars like Ann Lee"."""
    k = j - 1
    while t.dep[k] == "conj" and t.head[k] < k:
        k = t.head[k]
    prep = t.head[k]
    if t.dep[k] != "pobj" or not (t.lower[prep] in EXAMPLE_OPENERS or t.lower[prep] == "as" and prep > 0
                                   and t.lower[prep - 1] == "such"):
        return None
    noun = t.head[prep]
    if t.lower[noun] == "such" and t.head[noun] != noun:
        noun = t.head[noun]
    if t.pos[noun] != "NOUN" or noun >= i:
        return None
    lemma = t.lemma[noun].lower()
    if lemma in work_nouns():
        return "WORK_OF_ART"
    if lemma in names.org_roles() or lemma in THING_HEADS:
        return "ORG"
    return None


def event_name_end(t: TokenTable, j: int) -> int | None:
    """ "as Free Ann and Bo Day", "the Ann Lee Memorial": the name runs on (over "and" and
    capitalised words no one is named by) to a word that closes a day's, an event's or a prize's
    name; the end of that longer name, else None."""
    for k in range(j, min(t.n, j + _EVENT_RUN)):
        word = t.text[k]
        if word in EVENT_WORDS and not t.sent_start[k]:
            return k + 1 if k > j or t.is_title[k] else None
        if t.ent_type[k] == "PERSON" or not (word in ("and", "&") or t.is_title[k] and t.is_alpha[k]):
            return None
    return None


def no_person_evidence(p: Person) -> bool:
    """Nothing in the text says person: no title, role, descriptor, gendered word or pronoun, no
    person's context ("who", an age, speech)."""
    return not p.evidence and not p.roles and not any(m.title or m.roles or m.gender != "-" for m in p.mentions)


def named_as_a_thing(text: str, p: Person, things: list[Entity]) -> bool:
    """A "person" with no person evidence whose name the article also gives a work, a firm or an
    event ("Maria Full" typed both), or each of whose mentions is cut from such a name ("Los
    Caballeros de Plan" + " G"), or an acronym the text spells out after it ("WEEE (Waste
    Electrical and Electronic Equipment)")."""
    if " " not in p.name and all(spelt_out(text, m.char_end, p.name) for m in p.mentions) \
            and not any(m.title or m.gender != "-" for m in p.mentions):
        return True  # a descriptor ("a directive, WEEE (...)") is no person's evidence here
    if not no_person_evidence(p):
        return False
    for thing in things:
        if thing.name == p.name or all(text.startswith(thing.name, m.char_start) and len(thing.name) > len(p.name)
                                       for m in p.mentions):
            return True
    return False


_BRACKETED = re.compile(r"\s*\(([^()]{3,80})\)")


def spelt_out(text: str, end: int, acronym: str) -> bool:
    """The words in brackets right after ``end`` have the acronym's letters as initials ("WEEE
    (Waste Electrical and Electronic Equipment)"); small words may be skipped."""
    if len(acronym) < 3 or not acronym.isupper() or not acronym.isalpha():
        return False
    m = _BRACKETED.match(text, end)
    if m is None:
        return False
    initials = "".join(w[0] for w in m[1].split() if w[:1].isupper())
    return initials == acronym
