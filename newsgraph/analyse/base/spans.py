"""Character-span helpers shared by the stages (spans are ``(start, end)`` offsets)."""

from __future__ import annotations

import bisect

from newsgraph.model import Span as CharSpan


def inside(i: int, spans: list[CharSpan]) -> bool:
    """``i`` in one of ``spans``, in any order and possibly overlapping (a linear scan)."""
    return any(s <= i < e for s, e in spans)


def inside_any(i: int, spans: list[CharSpan]) -> bool:
    """``i`` in one of ``spans`` (sorted by start, non-overlapping): a binary search."""
    k = bisect.bisect_right(spans, (i, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


def trails_words(text: str, is_punct: bool, is_space: bool) -> bool:
    """A token a span of reported words does not end on: punctuation or space, but not a "%"
    (spaCy counts it as punctuation, but "by 30%" cut to "by 30" changes the claim). Token
    attributes as plain values, so spaCy tokens and the token table both ask it."""
    return is_space or is_punct and text != "%"
