"""Stages 1-3 of the people component (``people.group_entities``): which token spans name something.

spaCy's entities are collected and relabelled (``collect_spans``), repaired with the token-level
mechanisms of ``name_spans.py`` (``repair_spans``), and left at most one per token
(``resolve_overlaps``). Spans are (token start, token end, label, title before the name).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.analyse.base.cues import cue_lemmas
from newsgraph.analyse.base.token_table import token_table
from newsgraph.analyse.entities import names, places
from newsgraph.analyse.entities.name_spans import (
    GEO_LABELS,
    POSSESSIVE_TOKENS,
    Spans,
    cap,
    east_asian_candidates,
    extend,
    join_adjacent_names,
    particle_shaped,
    person_after_title,
    surname_tokens,
    trim,
    trim_to_known_names,
    unlabelled_full_names,
    unlabelled_places,
)

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
"""spaCy labels kept as entities (besides WORK_OF_ART, read for names in titles, and PRODUCT,
kept only when it is a person's name)."""


def collect_spans(doc: Doc) -> Spans:
    """spaCy's entities as (start, end, label, title) token spans, trimmed to the name words.

    The small model mistypes people ("Keith Lamont Scott, 43," ORG, "Justin Gatlin" PRODUCT)
    and cuts names short; later stages compare name words, so each span starts out as the
    name alone (no title, no possessive), with the label the name's shape and context say.
    """
    t = token_table(doc)
    spans: Spans = []
    for ent_start, ent_end, label in t.ents:
        if label not in ENTITY_TYPES and label not in ("WORK_OF_ART", "PRODUCT"):
            continue
        i, j, title = trim(doc, ent_start, ent_end)
        if i >= j or not any(t.is_alpha[i:j]):
            continue
        if label != "PERSON" and label not in GEO_LABELS and (
                person_after_title(doc, i) or particle_shaped(t.text[i:j]) or _person_typed_org(doc, i, j, label)) \
                and places.lookup(t.span_text(i, j)) is None and all(cap(t, k) or t.text[k] in names.particles()
                                                                     for k in range(i, j)):
            label = "PERSON"
            if i > 0 and t.is_title[i - 1] and not t.ent_type[i - 1] and t.text[i - 1] not in names.titles():
                i -= 1  # the given name left outside ("Renaud" + "Donnedieu de Vabres")
        elif label == "PRODUCT" and 2 <= j - i <= 3 and t.text[i] in names.given_names() \
                and names.looks_like_name(t.text[i:j]):
            label = "PERSON"  # "Justin Gatlin" typed PRODUCT
        if label == "PRODUCT":
            continue
        if label == "PERSON":
            i, j = extend(doc, i, j)
        spans.append((i, j, label, title))
    return spans


def repair_spans(doc: Doc, spans: Spans) -> Spans:
    """The names spaCy split, missed or over-reached, repaired at token level (``name_spans.py``).

    Grouping can only join mentions whose words are right: "Moon Jae" + "-in" must be one name,
    an unlabelled "Ho Ung Pae" or place must exist, a headline's stray capitalised word must go.
    The result may overlap; ``resolve_overlaps`` settles that.
    """
    spans = join_adjacent_names(doc, spans)
    spans += unlabelled_full_names(doc, spans)
    person_toks = {k for i, j, lab, _ in spans if lab == "PERSON" for k in range(i, j)}
    spans += [(i, j, "PERSON", None) for i, j in east_asian_candidates(doc, person_toks)]
    spans += unlabelled_places(doc, {k for i, j, _, _ in spans for k in range(i, j)})
    spans = trim_to_known_names(doc, spans)
    extra, spans = surname_tokens(doc, spans)
    return spans + [(k, k + 1, "PERSON", None) for k in extra]


def resolve_overlaps(spans: Spans) -> Spans:
    """At most one span per token, in text order: a person beats anything else it touches.

    spaCy and the repairs can both claim a token ("Han" NORP inside "Han Tae Yong" PERSON);
    the repairs that add people are the more specific. Between two non-persons, or two
    persons, the earlier (then longer) span stays.
    """
    person_toks = {k for i, j, lab, _ in spans if lab == "PERSON" for k in range(i, j)}
    kept: Spans = []
    for s in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if s[2] != "PERSON" and any(k in person_toks for k in range(s[0], s[1])):
            continue
        if kept and s[0] < kept[-1][1]:
            if s[2] == "PERSON" and kept[-1][2] == "PERSON":
                continue
            if kept[-1][2] != "PERSON" and s[2] == "PERSON":
                kept[-1] = s
            continue
        kept.append(s)
    return kept


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    return cue_lemmas() | names.person_verbs()


def person_context(doc: Doc, i: int, j: int, *, speech: bool = True) -> bool:
    """ "Lenin, who said", "Stalin deported", "Cruz's wife", "X, 45,": what only people do or have
    (``speech=False``: not the subject of a speech verb, which newspapers and firms also are).

    Here because relabelling a span needs it first; ``people`` reads it again as a mention's
    evidence."""
    t = token_table(doc)
    root = j - 1
    if speech and t.dep[root] in ("nsubj", "nsubjpass") and t.lemma[t.head[root]].lower() in _speech_lemmas():
        return True
    nxt = t.lower[j : j + 3]
    if nxt[:1] == ["who"] or nxt[:2] == [",", "who"]:
        return True
    if nxt[:1] and nxt[0] in POSSESSIVE_TOKENS and len(nxt) > 1 and nxt[1] in names.kinship_nouns():
        return True
    return len(nxt) == 3 and nxt[0] == "," and bool(t.like_num[j + 1]) and nxt[2] == ","


def _person_typed_org(doc: Doc, i: int, j: int, label: str) -> bool:
    """ "Keith Lamont Scott, 43, was killed" typed ORG: a known given name, two or three name
    words, and what only people do or have (an age, "who", subject of "said"), or the surname
    alone typed PERSON elsewhere in the article."""
    t = token_table(doc)
    text = t.text
    return label == "ORG" and 2 <= j - i <= 3 and names.known_given_name(text[i]) \
        and names.looks_like_name(text[i:j]) and (person_context(doc, i, j, speech=False) or any(
            label == "PERSON" and e - s == 1 and text[s] == text[j - 1] for s, e, label in t.ents))
        # ... or its surname alone is a person elsewhere ("Ireland's Alistair Cragg won ... said Cragg")
