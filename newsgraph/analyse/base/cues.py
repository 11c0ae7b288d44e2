"""Cues: the words that report speech ("said", "according to"), learned from PolNeAR train.

The table is ``data/cues.tsv`` (lemma, kind, how often annotators marked it, and the share
of its occurrences they marked; ``scripts/learn_cues.py`` makes it). ``cue_subject`` finds
who a cue's clause is about: the quotation stages read it for the speaker, the people
stage for "X said" evidence.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.analyse.base.data import data_rows
from newsgraph.analyse.base.token_table import token_table

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
"""The dependency labels of a cue's own subject (a clausal subject is no speaker)."""
INHERIT_SUBJECT = {"conj", "advcl", "xcomp", "pcomp", "prep"}
"""A cue without its own subject takes its head's ("said X, adding ..."; "and added")."""
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


def relative_antecedent(tok: Token) -> Token | None:
    """What a relative pronoun subject stands for: the noun its clause hangs on ("Labour, which
    denies …"), or the noun right before "which"/"who" when the parser hung the clause on the
    verb ("turned to the fire service which reported …")."""
    if tok.lower_ not in RELATIVE_PRONOUNS:
        return None
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if tok.lower_ == "who" and prev is not None and prev.pos_ == "NOUN" and prev.tag_ == "NN":
        return prev  # "sued by a viewer who says": the noun right before, wherever the parser hung the clause
    if tok.head.dep_ == "relcl":
        return tok.head.head
    if tok.lower_ in ("which", "who") and prev is not None and prev.pos_ in ("NOUN", "PROPN"):
        return prev
    return None
"""A cue's subject that stands for the noun its clause describes ("Lenin, who said ...")."""
MIN_CUE_COUNT = 3
MIN_CUE_RATE = 0.2
"""A learned cue is used when annotators marked it at least this often and this share
of its occurrences in train (``cues.tsv`` columns ``count`` and ``rate``)."""


@lru_cache(maxsize=1)
def cue_table() -> dict[str, tuple[str, int, float]]:
    """lemma -> (kind, count, rate) from ``cues.tsv``."""
    table: dict[str, tuple[str, int, float]] = {}
    for cols in data_rows("cues.tsv"):
        kind = cols[1] if len(cols) > 1 else "verb"
        count = int(cols[2]) if len(cols) > 2 else MIN_CUE_COUNT
        rate = float(cols[3]) if len(cols) > 3 else 1.0
        table.setdefault(cols[0].strip(), (kind, count, rate))
    return table


@lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    """Reliable reporting verbs (and nouns): frequent cues with a high cue rate in train."""
    return frozenset(
        lem
        for lem, (kind, count, rate) in cue_table().items()
        if kind in ("verb", "noun") and count >= MIN_CUE_COUNT and rate >= MIN_CUE_RATE
    )


def is_cue(tok: Token) -> bool:
    """A learned reporting verb, or the "according" of "according to" (see ``cue_indices``)."""
    return tok.i in cue_positions(tok.doc)[1]


_CUES_KEY = "newsgraph_cue_indices"


def cue_indices(doc: Doc) -> list[int]:
    """Indices of the cue tokens, in order: learned reporting verbs (``cue_lemmas``) and the
    "according" of "according to"."""
    return cue_positions(doc)[0]


def cue_positions(doc: Doc) -> tuple[list[int], frozenset[int]]:
    """The cue indices as a list and a set, read off the token table (no Token objects)
    once per doc."""
    found = doc.user_data.get(_CUES_KEY)
    if found is None:
        t = token_table(doc)
        lower, pos, lemma, lemmas = t.lower, t.pos, t.lemma, cue_lemmas()
        cues = []
        for i in range(t.n):
            if lower[i] == "according":
                if i + 1 < t.n and lower[i + 1] == "to":
                    cues.append(i)
            elif pos[i] in ("VERB", "AUX") and lemma[i].lower() in lemmas:
                cues.append(i)
        found = doc.user_data[_CUES_KEY] = (cues, frozenset(cues))
    return found


def cue_subject(cue: Token) -> Token | None:
    """The cue's subject; "according to X": X; a subject-less cue inherits its head's."""
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        return obj
    tok: Token | None = cue
    for _ in range(4):
        if tok is None:
            return None
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)  # "was asked by X"
        if agent is not None and tok is cue:
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        for c in tok.children:
            if c.dep_ in SUBJECT_DEPS:
                return c
        if tok.dep_ in INHERIT_SUBJECT and tok.head != tok:
            head = tok.head
            if tok.tag_ == "VBG" and head.dep_ == "ccomp" and is_cue(head.head):
                head = head.head  # "X told Y that Z had ..., adding ...": X adds, not Z
            tok = head
        else:
            return None
    return None


def cue_span(cue: Token) -> tuple[int, int]:
    """The cue word's characters, with the "to" of "according to"."""
    end = cue
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].lower_ == "to":
        end = cue.doc[cue.i + 1]
    return cue.idx, end.idx + len(end.text)


def cue_lemma(cue: Token) -> str:
    """The cue as stored and scored: its lower-case lemma, or "according to"."""
    return "according to" if cue.lower_ == "according" else cue.lemma_.lower()
