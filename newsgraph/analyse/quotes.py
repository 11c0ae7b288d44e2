"""Quotations: find quoted spans, tell quotations from titles and scare quotes, attribute them.

Finding works on characters (quotation marks paired within a paragraph, news-style
continuation across paragraphs); deciding and attributing use the parse.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.analyse.attribution import attribute_speaker
from newsgraph.analyse.indirect import find_indirect_quotes
from newsgraph.clean import Layout
from newsgraph.model import Quote, Span

OPENING = "“„«"
CLOSING = "”»"
AMBIGUOUS = '"'


@dataclass
class QuotedSpan:
    """A stretch between quotation marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None: ran to the paragraph end (continued)


def _is_opening(text: str, i: int, para_start: int) -> bool:
    ch = text[i]
    if ch in OPENING:
        return True
    if ch in CLOSING:
        return False
    prev = text[i - 1] if i > para_start else " "
    return prev.isspace() or prev in "([{—–-/:"


def find_quoted_spans(text: str, start: int, end: int) -> list[QuotedSpan]:
    """Double-quoted spans in ``text[start:end]``; an unclosed one runs to ``end``."""
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in OPENING + CLOSING + AMBIGUOUS:
            continue
        if open_at is None:
            if _is_opening(text, i, start):
                open_at = i
        elif not _is_opening(text, i, start) or ch in CLOSING or ch == AMBIGUOUS:
            if i > open_at + 1:
                spans.append(QuotedSpan(open_at + 1, i, open_at, i))
            open_at = None
    if open_at is not None and end - open_at > 1:
        spans.append(QuotedSpan(open_at + 1, end, open_at, None))
    return spans


def candidate_spans(text: str, layout: Layout) -> list[QuotedSpan]:
    out: list[QuotedSpan] = []
    for p in layout.paragraphs:
        out.extend(find_quoted_spans(text, p.start, p.end))
    return out


def is_title_like(content: str) -> bool:
    """Short and capitalised with no sentence punctuation: a title, name or scare quote."""
    words = content.split()
    if not words:
        return True
    if content.rstrip()[-1:] in ".,?!…:;—–-":
        return False
    if len(words) <= 3:
        return True
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps >= 0.7 * len(words)


def _strip(text: str, s: int, e: int) -> Span:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def extract_quotes(doc: Doc) -> list[Quote]:
    text = doc.text
    layout: Layout = doc._.layout
    quotes: list[Quote] = []
    people = [e for e in (doc._.entities or []) if e.type == "PERSON"]
    last: Quote | None = None
    for qs in candidate_spans(text, layout):
        s, e = _strip(text, qs.start, qs.end)
        if s >= e:
            continue
        content = text[s:e]
        speaker, cue, lemma = attribute_speaker(doc, (s, e), people, last)
        para = next((p for p in layout.paragraphs if p.start <= s < p.end), None)
        whole_para = para is not None and qs.open_mark == para.start
        if is_title_like(content) and cue is None:
            continue
        ends_sentence = content[-1] in ".,?!…" or whole_para
        if not ends_sentence and cue is None:
            continue
        kind = "direct" if ends_sentence else "mixed"
        q = Quote([(s, e)], kind, speaker, cue, lemma)
        quotes.append(q)
        last = q
    quotes.extend(find_indirect_quotes(doc, [q.content_spans[0] for q in quotes], people))
    quotes.sort(key=lambda q: q.start)
    return quotes


@Language.component("newsgraph_quotes")
def find_quotes(doc: Doc) -> Doc:
    doc._.quotes = extract_quotes(doc)
    return doc
