"""Property-based tests (hypothesis) for readers, cleaning, the quote finder and extract.

Inputs: arbitrary unicode, quotation marks of every kind (balanced or not), control characters,
every newline style (\\n, \\r\\n, \\r, U+2028/2029), separators and scraper leftovers, very long
and missing paragraphs. Properties: nothing crashes; every span lies inside the text; cleaning
moves nothing (masked text has the same length, paragraph text is unchanged); every quote lies
inside its article. Example counts are modest so the file runs in well under a minute; set
HYPOTHESIS_PROFILE=thorough for a long run.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.clean import masked_text, segment
from newsgraph.read import RawArticle, ReadError
from newsgraph.read.base import decode_bytes
from newsgraph.read.jsonl import read_jsonl
from newsgraph.read.sources import read_file
from newsgraph.read.text import read_text

settings.register_profile("default", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
SCALE = 25 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 1
"""Tests with their own (smaller) example counts run this many times more in the thorough profile."""

QUOTE_MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u201a",
               "\u2039", "\u203a", "``", "''", "\u300c", "\u300d"]
NEWLINES = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\n\n", "\r\n\r\n", "\x85", "\x0c"]
CONTROLS = [chr(c) for c in (0, 1, 7, 8, 11, 27, 127, 0x9B)] + ["\u200b", "\u200e", "\u202e", "\ufeff", "\ufffd"]
PIECES = ["###", "### ", "Click Here:", "Advertisement", "said", " said ", "Ann Lee", "the minister", ", ",
          ". ", "He told reporters", "  ", "\t", "\u00e9", "\U0001f600", "\u0928\u092e\u0938\u094d\u0924\u0947"]

fragment = st.one_of(
    st.text(min_size=1, max_size=12),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(NEWLINES),
    st.sampled_from(CONTROLS),
    st.sampled_from(PIECES),
    st.from_regex(r"[A-Z][a-z]{1,8}( [a-z]{1,8}){0,6}[.,]?", fullmatch=True),
)
articleish = st.lists(fragment, max_size=60).map("".join)
"""Text that looks enough like news (words, names, said, marks, newlines) to reach every branch."""

long_paragraph = st.integers(min_value=2_000, max_value=60_000).map(
    lambda n: ("\u201cWe will act,\u201d she said. " * (n // 30 + 1))[:n])


# --- readers -----------------------------------------------------------------------------------


@given(st.binary(max_size=3000))
def test_decode_bytes_never_raises_and_is_strict(data: bytes) -> None:
    out = decode_bytes(data, "f.txt")
    if isinstance(out, str):
        assert out == data.decode("utf-8")
    else:
        assert isinstance(out, ReadError) and "\n" not in str(out) and "f.txt" in str(out)


@given(st.text(max_size=2000))
def test_read_text_keeps_the_text_exactly(text: str) -> None:
    art = read_text(text, "a.txt", "a.txt")
    assert art.text == text
    if art.title is not None:
        assert art.title and art.title in text and "\n" not in art.title and "\r" not in art.title


@given(st.dictionaries(st.sampled_from(["text", "title", "id", "published", "url", "outlet", "author", "x"]),
                       st.one_of(st.text(max_size=300), st.integers(), st.none(), st.lists(st.integers(), max_size=3)),
                       max_size=8))
def test_jsonl_any_object_is_an_article_or_one_error(obj: dict) -> None:
    line = json.dumps(obj, ensure_ascii=bool(len(obj) % 2))  # raw and escaped non-ASCII alike
    items = list(read_jsonl(line + "\n", "f.jsonl", "f.jsonl"))
    assert len(items) == 1
    (item,) = items
    text = obj.get("text")
    if isinstance(text, str) and text.strip():
        assert isinstance(item, RawArticle)
        assert len(item.text) == len(text)  # lone surrogates become U+FFFD, nothing moves
        item.text.encode("utf-8")
    else:
        assert isinstance(item, ReadError) and item.source == "f.jsonl:1"


@given(st.lists(st.one_of(st.text(max_size=80), st.binary(max_size=80).map(lambda b: b.decode("latin-1"))),
                max_size=12))
def test_jsonl_garbage_lines_each_give_at_most_one_item(lines: list[str]) -> None:
    data = "\n".join(lines)
    items = list(read_jsonl(data, "f.jsonl", "f.jsonl"))
    sources = [i.source for i in items]
    assert len(sources) == len(set(sources)) or sources == ["f.jsonl"]
    for i in items:
        if isinstance(i, ReadError):
            assert "\n" not in str(i)


@settings(max_examples=60 * SCALE)
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".jsonl", ".html", ".md", ""]))
def test_read_file_on_any_bytes_yields_items_never_raises(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"in{suffix}"
        p.write_bytes(data)
        items = list(read_file(str(p)))
    assert items
    for i in items:
        assert isinstance(i, RawArticle | ReadError)
        if isinstance(i, ReadError):
            assert "\n" not in str(i) and "in" in i.source


# --- cleaning ----------------------------------------------------------------------------------


def _check_layout(text: str, title: str | None = None) -> None:
    layout = segment(text, title)
    masked = masked_text(text, layout)
    assert len(masked) == len(text)
    prev_end = 0
    for p in layout.paragraphs:
        assert 0 <= prev_end <= p.start < p.end <= len(text), (p, len(text))
        assert not text[p.start].isspace() and not text[p.end - 1].isspace()
        assert masked[p.start:p.end].strip(), "a paragraph blanked out"
        assert p.kind in ("text", "heading")
        prev_end = p.end
    blank = set()
    for s, e in layout.boilerplate:
        assert 0 <= s < e <= len(text)
        blank.update(range(s, e))
        for p in layout.paragraphs:
            assert e <= p.start or s >= p.end, "boilerplate inside a paragraph"
    for i, (a, b) in enumerate(zip(text, masked, strict=True)):
        assert a == b or (i in blank and b == " "), f"char {i} moved: {a!r} -> {b!r}"
    assert set(layout.headings) <= {(p.start, p.end) for p in layout.paragraphs}


@given(articleish, st.one_of(st.none(), st.text(max_size=30)))
def test_segment_moves_nothing_and_spans_stay_inside(text: str, title: str | None) -> None:
    _check_layout(text, title)


@given(st.text(max_size=500))
def test_segment_on_arbitrary_unicode(text: str) -> None:
    _check_layout(text)


@settings(max_examples=10 * SCALE)
@given(long_paragraph)
def test_segment_very_long_single_paragraph(text: str) -> None:
    layout = segment(text)
    assert len(layout.paragraphs) == 1
    _check_layout(text)


@settings(max_examples=60 * SCALE)
@given(st.lists(st.from_regex(r"[A-Z][a-z]{1,8}( [a-z]{1,8}){1,8}\.", fullmatch=True), min_size=1, max_size=6),
       st.sampled_from(["\n\n", "\r\n\r\n", "\r\r", "\u2029"]))
def test_paragraphs_do_not_depend_on_the_newline_style(paras: list[str], sep: str) -> None:
    unix = segment("\n\n".join(paras))
    other_text = sep.join(paras)
    other = segment(other_text)
    assert [other_text[p.start:p.end] for p in other.paragraphs] == paras
    assert [p.kind for p in other.paragraphs] == [p.kind for p in unix.paragraphs]


# --- the quote finder --------------------------------------------------------------------------


def _quote_finder():  # type: ignore[no-untyped-def]
    from newsgraph.analyse.quotes.marks import find_quoted_spans

    return find_quoted_spans


@given(articleish, st.data())
def test_quoted_spans_stay_inside_their_paragraph(text: str, data: st.DataObject) -> None:
    find = _quote_finder()
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    spans = find(text, lo, hi)
    for q in spans:
        assert lo <= q.open_mark < q.start <= q.end <= hi, (q, lo, hi)
        assert q.close_mark is None or q.end <= q.close_mark < hi
        assert q.start < q.end
    marks = [q.open_mark for q in spans]
    assert marks == sorted(marks)


@settings(max_examples=8 * SCALE)
@given(long_paragraph)
def test_quote_finder_on_a_very_long_paragraph(text: str) -> None:
    spans = _quote_finder()(text, 0, len(text))
    assert all(0 <= q.start < q.end <= len(text) for q in spans)


# --- the whole analysis on small inputs (spaCy loads once) ---------------------------------------


@settings(max_examples=40 * SCALE)
@given(articleish)
def test_extract_never_crashes_and_every_span_is_inside_the_article(text: str) -> None:
    import newsgraph

    art = newsgraph.extract(text)
    n = len(text)
    assert art.text == text
    assert [(p.start, p.end, p.kind) for p in art.paragraphs] == \
        [(p.start, p.end, p.kind) for p in segment(text).paragraphs]

    def inside(span) -> bool:  # type: ignore[no-untyped-def]
        return span is None or 0 <= span[0] <= span[1] <= n

    for q in art.quotes:
        assert q.content_spans and all(inside(s) and s[0] < s[1] for s in q.content_spans), q
        assert inside(q.cue) and inside(q.speaker.mention), q
        assert q.kind in ("direct", "mixed", "indirect")
    for e in art.entities:
        assert all(inside(m) for m in e.mentions), e
    for t in art.times:
        assert inside(t.span) and text[t.span[0]:t.span[1]] == t.text, t
    for ev in art.timeline:
        assert inside(ev.span), ev
    json.dumps(art.to_dict())  # serialisable whatever came in
