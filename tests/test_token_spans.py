"""TokenSpans gives spaCy's char_span (expand), Span.root and Span.sent, as indices, on real articles."""

from __future__ import annotations

import random

import pytest
from spacy.tokens import Doc

from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.token_spans import TokenSpans
from newsgraph.analyse.pipeline import load_nlp, make_doc
from newsgraph.clean import segment


def parsed(text: str) -> Doc:
    nlp = load_nlp()
    return nlp(make_doc(nlp, text, segment(text, None), None))


@pytest.fixture(scope="module")
def seed_doc(seed_text: str) -> Doc:
    return parsed(seed_text)


def same_as_spacy(doc: Doc, tokens: TokenSpans, start: int, end: int) -> None:
    span = doc.char_span(start, end, alignment_mode="expand")
    found = tokens.char_span(start, end)
    if span is None:
        assert found is None, (start, end)
        return
    assert found == (span.start, span.end), (start, end)
    if span.start < len(doc):
        assert tokens.sent(span.start) == (span.sent.start, span.sent.end)
        assert tokens.root(*found) == span.root.i, (start, end, span.text)


def test_every_time_expression_and_quotation_cue_of_the_seed(seed_doc: Doc) -> None:
    tokens = TokenSpans(seed_doc)
    spans = [t.span for t in seed_doc._.times] + [q.cue for q in seed_doc._.quotes if q.cue]
    assert len(spans) > 10
    for start, end in spans:
        same_as_spacy(seed_doc, tokens, start, end)


def test_random_character_ranges_including_whitespace_and_the_edges(seed_doc: Doc) -> None:
    tokens = TokenSpans(seed_doc)
    n = len(doc_text(seed_doc))
    rnd = random.Random(11)
    ranges = [(0, 1), (0, n), (n - 1, n), (n, n + 1), (-1, 3), (5, 5)]
    for _ in range(1500):
        start = rnd.randrange(-2, n + 2)
        ranges.append((start, start + rnd.randrange(0, 40)))
    for start, end in ranges:
        same_as_spacy(seed_doc, tokens, start, end)


def test_roots_of_every_short_token_range(seed_doc: Doc) -> None:
    """Ranges without a sentence root exercise spaCy's nearest-to-the-root rule and its tie-break."""
    tokens = TokenSpans(seed_doc)
    for start in range(len(seed_doc)):
        for end in range(start + 1, min(start + 6, len(seed_doc)) + 1):
            assert tokens.root(start, end) == seed_doc[start:end].root.i, (start, end)


def test_whitespace_tokens_and_an_empty_doc() -> None:
    doc = parsed("Hello  there.\n\nShe  left on Monday .  ")
    tokens = TokenSpans(doc)
    for start in range(-1, len(doc.text) + 2):
        for end in range(start, len(doc.text) + 2):
            same_as_spacy(doc, tokens, start, end)
    empty = parsed("")
    assert TokenSpans(empty).char_span(0, 1) is None
