"""Indirect quotations: reported speech without quotation marks (``X said (that) ...``)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.analyse.attribution import _inside, _subject, cue_lemmas, mention_span, resolve_name
from newsgraph.model import Entity, Quote, Speaker
from newsgraph.model import Span as CharSpan


def find_indirect_quotes(doc: Doc, direct: list[CharSpan], people: list[Entity]) -> list[Quote]:
    """``X said (that) ...``: the clausal complement of a cue verb with a subject."""
    out = []
    cues = cue_lemmas()
    for tok in doc:
        if tok.lemma_.lower() not in cues or tok.pos_ != "VERB" or _inside(tok.idx, direct):
            continue
        subj = _subject(tok)
        comp = next((c for c in tok.children if c.dep_ in ("ccomp",)), None)
        if subj is None or comp is None:
            continue
        toks = [t for t in comp.subtree if not (t.dep_ == "mark" and t.lower_ == "that")]
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if any(ds <= s < de or ds < e <= de for ds, de in direct) or e - s < 10:
            continue
        name, descriptor = resolve_name(doc, subj, people, s)
        out.append(
            Quote(
                [(s, e)],
                "indirect",
                Speaker(name, mention_span(subj), descriptor),
                (tok.idx, tok.idx + len(tok.text)),
                tok.lemma_.lower(),
            )
        )
    return out
