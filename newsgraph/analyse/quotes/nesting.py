"""Quotations inside quotations: linked when someone else speaks, folded when it is a repeat.

The finders work independently (direct words, then reported speech around and inside them),
so the same words can come back several times: a clause of a direct quotation read again as
reported speech, a reported clause inside a larger one by the same source. A reader should
meet each piece of speech once. Two cases are told apart by the speaker:

* another speaker's report inside a quotation (``"... influenced by Lenin, who said cinema
  is ..."``) is its own quotation, linked to the enclosing one by ``Quote.parent``;
* a quotation that only repeats part of a larger one by the same speaker (or by no named
  speaker) is folded into it: dropped, its words being already shown.
"""

from __future__ import annotations

from newsgraph.model import Quote, Span


def _inside(inner: list[Span], outer: list[Span]) -> bool:
    """Every span of ``inner`` lies within one span of ``outer``."""
    return all(any(s <= a and b <= e for s, e in outer) for a, b in inner)


def _size(q: Quote) -> int:
    return sum(e - s for s, e in q.content_spans)


def _same_speaker(inner: Quote, outer: Quote) -> bool:
    """The inner quotation repeats the outer one's source: the same resolved name, or no name of
    its own (a pronoun or clause the resolver could not name stands for the quotation's speaker,
    and a nameless repeat is no one else's speech)."""
    if inner.speaker.name is None:
        return True
    return inner.speaker.name == outer.speaker.name


def _clause_of(inner: Quote, outer: Quote) -> bool:
    """A nameless report whose cue and first words lie inside ``outer``'s words is a clause of it
    ("admitted the fear weighed on him before the final" read again via "weighed"), even where
    the extent mends cut ``outer`` short of its end."""
    if inner.speaker.name is not None or inner.cue is None or inner.kind != "indirect":
        return False
    within = [(s, e) for s, e in outer.content_spans if s <= inner.cue[0] and inner.cue[1] <= e]
    return any(s <= inner.start < e for s, e in within)


def link_nested(quotes: list[Quote]) -> list[Quote]:
    """``quotes`` in text order with repeats folded and ``parent`` set on nested reports.

    A larger quotation always wins over one inside it; between equal spans the surer one (direct
    before indirect, then the model's confidence) stays. ``parent`` indexes the returned list.
    Words in marks keep the order they were found in: their confidence rates the speaker, not
    whether the words are speech.
    """
    order = sorted(quotes, key=lambda q: (-_size(q), q.kind == "indirect", -q.confidence if q.kind == "indirect" else 0.0))
    kept: list[Quote] = []
    for q in order:
        outers = [o for o in kept if _inside(q.content_spans, o.content_spans)]
        if any(_same_speaker(q, o) for o in outers) or any(_clause_of(q, o) for o in quotes if o is not q):
            continue
        kept.append(q)
    kept.sort(key=lambda q: (q.start, -q.end))
    for i, q in enumerate(kept):
        q.parent = None
        enclosing = [j for j, o in enumerate(kept) if j != i and _inside(q.content_spans, o.content_spans)]
        if enclosing:
            q.parent = min(enclosing, key=lambda j: _size(kept[j]))
    return kept
