"""Who said it: the cue verb near a quotation, its subject, and that subject's full name."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Entity, Quote, Speaker
from newsgraph.model import Span as CharSpan

PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "i": "s", "we": "p"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    data = resources.files("newsgraph.analyse").joinpath("cues.tsv").read_text("utf-8")
    return frozenset(
        ln.split("\t")[0].strip() for ln in data.splitlines() if ln.strip() and not ln.startswith("#")
    )


def _inside(i: int, spans: list[CharSpan]) -> bool:
    return any(s <= i < e for s, e in spans)


def mention_span(tok: Token) -> CharSpan:
    """The subject's name with its compounds and titles ("film critic Lee Seung-min")."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "det", "poss") or child.ent_type_ == "PERSON":
            left = child if child.i < left.i else left
            break
    right = tok
    for child in tok.rights:
        if child.dep_ in ("compound", "flat") and child.i == right.i + 1:
            right = child
    first = min(left.i, tok.i)
    return tok.doc[first].idx, right.idx + len(right.text)


def resolve_name(doc: Doc, tok: Token, people: list[Entity], before: int) -> tuple[str | None, str | None]:
    """(full name, descriptor) for a subject token: names via entities, pronouns via recency."""
    for ent in people:
        for s, e in ent.mentions:
            if s <= tok.idx < e:
                return ent.name, None
    low = tok.lower_
    if low in PRONOUNS:
        best = None
        for ent in people:
            for s, _e in ent.mentions:
                if s < before and (best is None or s > best[0]):
                    best = (s, ent.name)
        return (best[1] if best else None), None
    if tok.ent_type_ == "PERSON":
        return tok.text, None
    return None, doc[tok.left_edge.i : tok.i + 1].text


def _cue_in(sent: Span, exclude: list[CharSpan]) -> Token | None:
    cues = cue_lemmas()
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in cues and not _inside(tok.idx, exclude):
            if any(c.dep_ in SUBJECT_DEPS for c in tok.children):
                return tok
    return None


def _subject(cue: Token) -> Token | None:
    for c in cue.children:
        if c.dep_ in SUBJECT_DEPS:
            return c
    return None


def attribute_speaker(
    doc: Doc, content: CharSpan, people: list[Entity], previous: Quote | None
) -> tuple[Speaker, CharSpan | None, str | None]:
    """Speaker, cue span and cue lemma for one quotation (an empty Speaker if none found)."""
    first = doc.char_span(content[0], content[1], alignment_mode="expand")
    if first is None:
        return Speaker(), None, None
    sents = [first[0].sent]
    if first[-1].sent != sents[0]:
        sents.append(first[-1].sent)
    # the quote's own sentence(s) first, then the following and preceding ones
    nxt = doc[sents[-1].end].sent if sents[-1].end < len(doc) else None
    prv = doc[sents[0].start - 1].sent if sents[0].start > 0 else None
    candidates = sents + [s for s in (nxt, prv) if s is not None]
    for sent in candidates:
        cue = _cue_in(sent, [content])
        if cue is None:
            continue
        subj = _subject(cue)
        if subj is None:
            continue
        name, descriptor = resolve_name(doc, subj, people, content[0])
        return (
            Speaker(name, mention_span(subj), descriptor),
            (cue.idx, cue.idx + len(cue.text)),
            cue.lemma_.lower(),
        )
    if previous is not None and previous.speaker.name:
        return Speaker(previous.speaker.name, None, None), None, None
    return Speaker(), None, None
