"""Quotation-mark pairing on characters (marks.py): properties over arbitrary text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.analyse.marks import CLOSING, OPENING, STRAIGHT, _marks, find_quoted_spans

TEXT = st.text(alphabet=st.sampled_from(list("ab .,!?-(\n'‘’") + list(OPENING + CLOSING + STRAIGHT)), max_size=60)


def _scan(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character-by-character reading of the marks: one for ``“”„«»"``, two for ``''``."""
    out = []
    i = start
    while i < end:
        if text[i] in OPENING + CLOSING + STRAIGHT:
            out.append((i, 1))
        elif text[i] == "'" and i + 1 < end and text[i + 1] == "'":
            out.append((i, 2))
            i += 1
        i += 1
    return out


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 60), st.integers(0, 60))
def test_marks_are_every_double_mark_in_the_range(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert _marks(text, start, end) == _scan(text, start, end)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_spans_stay_in_the_paragraph_in_order_and_exclude_their_marks(text: str) -> None:
    spans = find_quoted_spans(text, 0, len(text))
    assert [q.open_mark for q in spans] == sorted(q.open_mark for q in spans)
    for q in spans:
        assert 0 <= q.open_mark < q.start <= q.end <= len(text)
        assert q.close_mark is None or q.close_mark >= q.end


def test_doubled_apostrophes_and_curly_marks() -> None:
    text = "He said ''no way'' and “yes.”"
    assert [(text[q.start : q.end]) for q in find_quoted_spans(text, 0, len(text))] == ["no way", "yes."]
