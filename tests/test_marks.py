"""Quotation-mark pairing on characters (marks.py): properties over arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.analyse.quotes.marks import CLOSING, OPENING, STRAIGHT, double_marks, find_quoted_spans

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
    assert double_marks(text, start, end) == _scan(text, start, end)


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


def test_a_closing_mark_written_for_an_opening_one_opens() -> None:
    """``”Mr. Smith …”``: a right mark before a word, with another mark later, opens; a lone
    one, or one before a space, does not."""
    text = "”Mr. Smith embodies the problem.” ― Ann Lee"
    assert [text[q.start : q.end] for q in find_quoted_spans(text, 0, len(text))] == ["Mr. Smith embodies the problem."]
    assert find_quoted_spans("He left ”early today.", 0, 21) == []
    text = "“We won,” ” she said."
    assert [text[q.start : q.end] for q in find_quoted_spans(text, 0, len(text))] == ["We won,"]


def _context_by_steps(text: str, qs, para_start: int, para_end: int, quoted: list[tuple[int, int]]) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """quotes.quote_context read one character at a time (the reference for its jumps)."""
    from newsgraph.analyse.base.spans import inside_any
    from newsgraph.analyse.quotes.direct import ends_sentence

    i = j = qs.open_mark
    while j > para_start:
        if text[j - 1] == "\n" or ends_sentence(text, j - 1) and not inside_any(j - 1, quoted) and (
                j >= i or text[j].isspace()):
            break
        j -= 1
    k = (qs.close_mark + 1) if qs.close_mark is not None else para_end
    m = k
    while m < para_end and not (ends_sentence(text, m) and not inside_any(m, quoted)):
        if text[m] in "\"“”\n" or text[m : m + 2] == "''":
            break
        m += 1
    return text[j:i], text[k : min(para_end, m + 1)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("aB .?!…\n,'\"“”") + ["Mr.", "U.S."]), max_size=50).map("".join))
def test_quote_context_equals_the_character_walk(text: str) -> None:
    from newsgraph.analyse.quotes.direct import quote_context

    spans = find_quoted_spans(text, 0, len(text))
    quoted = sorted((q.open_mark, (q.close_mark + 1) if q.close_mark is not None else q.end) for q in spans)
    for q in spans:
        assert quote_context(text, q, 0, len(text), quoted) == _context_by_steps(text, q, 0, len(text), quoted)


def test_a_quotation_that_lost_its_close_ends_at_its_last_comma() -> None:
    text = ('The mayor said the scheme "had the look of a \'rough draft\', and urged the council to '
            'promise that "every tenant will be heard" before the vote.')
    spans = [text[q.start : q.end] for q in find_quoted_spans(text, 0, len(text))]
    assert spans == ["had the look of a 'rough draft'", "every tenant will be heard"]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ('The mayor said: "The plan is dead and buried. Asked about the harbour, Ms Lee said: "We will build it. '
         '"It is a promise."', "The plan is dead and buried."),
        ('He said: "The plan is dead. It was never a good plan, he said. "We will build a new one."', "The plan is dead."),
    ],
)
def test_an_unclosed_quotation_ends_before_the_attribution_sentence(text: str, first: str) -> None:
    spans = [text[q.start : q.end] for q in find_quoted_spans(text, 0, len(text))]
    assert spans[0] == first and not any("said" in s for s in spans), spans
