"""Quotation marks, paired on characters within one paragraph.

Straight ``"`` and doubled ``''`` (older wire copy) open after a space or an opening
bracket and close otherwise (an open quotation meeting a mark that opens after a finished
sentence, ``"A. "B."``, ran unclosed to it: a continuation whose paragraph break was lost); curly marks say which they are, except that a stray ``“``
written for a closing one (``review“ of``) closes, and a ``”`` written for an opening one
(a space before, a word after, another mark later in the paragraph) opens. Curly single quotes pair only at
the top level and only around speech (content ending in sentence punctuation), since
they also serve for titles, headlines and nested quotations. An opening mark with no
close runs to the paragraph end and never further: a stray mark cannot swallow the
rest of the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newsgraph.analyse.base.spans import inside_any

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
OPEN_CONTEXT = "([{—–-/:"
SPEECH_END = ".,?!…"
SENTENCE_END = ".?!…"


ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "co", "no", "mt", "ft", "gen", "sen", "rep", "gov", "col", "lt", "sgt",
     "capt", "cpl", "maj", "adm", "inc", "ltd", "corp", "rev", "prof", "vs", "jan", "feb", "mar", "apr", "jun", "jul",
     "aug", "sep", "sept", "oct", "nov", "dec", "vol", "ave", "hon", "messrs", "del", "atty", "supt", "pres", "sec",
     "dept", "univ", "blvd", "rd", "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan",
     "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "vt",
     "va", "wash", "wis", "wyo"})
"""Capitalised words a full stop abbreviates in news text ("Mr.", "Gen.", "Dec. 5", "Del.", AP's state
abbreviations "Fla.", "Calif."), where the stop
ends no sentence; any other word before one ("… a rescue deal for May.", "… went to the DEC.") ends it."""


def ends_sentence(text: str, m: int) -> bool:
    """``text[m]`` ends a sentence: ``.?!…`` not closing an abbreviation ("Mr.", "U.S.", "J.",
    ``ABBREVIATIONS``)."""
    if text[m] not in SENTENCE_END:
        return False
    if text[m] == "." and m + 1 < len(text) and text[m + 1].isalnum():
        return False
    if text[m] == ".":
        w = m
        while w > 0 and not text[w - 1].isspace():
            w -= 1
        word = text[w:m].lstrip("\"“(‘'")
        if word[:1].isupper() and ("." in word or len(word) == 1 or word.lower() in ABBREVIATIONS):
            return False
    return True


def join_broken_paragraphs(text: str, paras: list[tuple[int, int]],
                           headings: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraphs with the breaks a copy lost words at mended: a paragraph ending mid-sentence
    (on a word or a comma) before one opening on a lower-case word is one paragraph ('"… I' |
    'was' | 'prime minister …," says X': a quotation cut by stray line breaks runs on)."""
    out: list[tuple[int, int]] = []
    for ps, pe in paras:
        if out and out[-1] not in headings and (ps, pe) not in headings and text[ps].islower() \
                and (text[out[-1][1] - 1].isalnum() or text[out[-1][1] - 1] == ","):
            out[-1] = (out[-1][0], pe)
            continue
        out.append((ps, pe))
    return out


@dataclass
class QuotedSpan:
    """A stretch between quotation marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None: ran to the paragraph end
    continued: bool = False  # ran to the paragraph end and the next paragraph opens a quote


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_MARK_RX = re.compile("[" + re.escape(OPENING + CLOSING + STRAIGHT) + "]|''")


def double_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(position, length) of every double quotation mark in ``text[start:end]``."""
    return [(m.start(), m.end() - m.start()) for m in _MARK_RX.finditer(text, start, end)]


def _opens(text: str, i: int, n: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + n] if i + n < hi else " "
    return (prev.isspace() or prev in OPEN_CONTEXT) and not nxt.isspace()


def _opens_a_word(text: str, i: int, n: int, lo: int, hi: int) -> bool:
    """After a space (or the paragraph start) and before a letter or digit."""
    return _opens(text, i, n, lo, hi) and i + n < hi and text[i + n].isalnum()


def _closes(text: str, i: int, n: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + n] if i + n < hi else " "
    return not prev.isspace() and not nxt.isalnum()


def _reopens(text: str, i: int, n: int, lo: int, hi: int, run_start: int) -> bool:
    """A straight mark after a finished sentence and a space, before a word: it opens again
    (a closing mark follows the words it closes, never a space); so does one after a colon
    that ends the journalist's attribution sentence inside the open run ('said: "A. In reply,
    Mr Lee said: "B'), where the run lost its closing mark."""
    if i - 2 < lo or text[i - 1] != " " or not _opens_a_word(text, i, n, lo, hi):
        return False
    return text[i - 2] in ".?!" or text[i - 2] == ":" and narration_start(text, run_start, i - 1) < i - 1


ATTRIBUTION_TAG = re.compile(
    r",\s+(?:[\w.'’-]+\s+){0,5}?(?:said|says|added|adds|told\s+[\w'’]+|explained|continued|insisted|argued|stressed)\.$")
"""A sentence closed by its attribution (", he said.", ", the committee added."): the journalist's."""


def narration_start(text: str, start: int, end: int) -> int:
    """Where the journalist's attribution sentence closing an unclosed run ``[start, end)``
    begins: a sentence ending in a colon ('… country. In reply, Mr Lee said:') or in an
    attribution tag ('… country. That was wrong, he said.'), after an earlier sentence of the
    run; ``end`` when the run's last sentence is no attribution."""
    run = text[start:end].rstrip()
    if not (run.endswith(":") or ATTRIBUTION_TAG.search(run)):
        return end
    stops = [m for m in range(start, start + len(run) - 1) if ends_sentence(text, m) and text[m + 1].isspace()]
    return stops[-1] + 1 if stops else end


def _closer_follows(text: str, marks: list[tuple[int, int]], k: int, lo: int, hi: int) -> bool:
    """The mark after the ``k``-th closes (a word before it) and cannot open."""
    if k + 1 >= len(marks):
        return False
    j, m = marks[k + 1]
    return _closes(text, j, m, lo, hi) and not _opens(text, j, m, lo, hi)


def find_quoted_spans(text: str, start: int, end: int) -> list[QuotedSpan]:
    """Double-quoted spans in ``text[start:end]`` (one paragraph), in order; an unclosed
    one runs to ``end``; then curly single-quoted speech outside them."""
    spans: list[QuotedSpan] = []
    open_at: tuple[int, int] | None = None
    marks = double_marks(text, start, end)
    for k, (i, n) in enumerate(marks):
        ch = text[i]
        if open_at is None:
            if ch in OPENING or ch not in CLOSING and _opens(text, i, n, start, end):
                open_at = (i, n)
            elif ch not in CLOSING and not _closes(text, i, n, start, end):
                open_at = (i, n)  # a mark between two words: best read as opening
            elif ch in CLOSING and _opens_a_word(text, i, n, start, end) and k + 1 < len(marks):
                open_at = (i, n)  # ”Mr. Trump embodies …”: a closing mark written for an opening one
            continue
        o, on = open_at
        if ch in OPENING and not _closes(text, i, n, start, end):
            open_at = (i, n)  # the earlier opening mark was stray
            continue
        if ch not in CLOSING and _reopens(text, i, n, start, end, o + on):
            # 'said: "A. "B."': a quotation continued with a new opening mark where a
            # paragraph break was lost; the first part ran unclosed to here, or to the
            # journalist's attribution sentence before the mark ('"A. Mr Lee said: "B."')
            s_, e_ = strip_span(text, o + on, narration_start(text, o + on, i - 1))
            if e_ > s_:
                spans.append(QuotedSpan(s_, e_, o, None))
            open_at = (i, n)
            continue
        if ch == STRAIGHT and _opens_a_word(text, i, n, start, end) and _closer_follows(text, marks, k, start, end):
            # 'the bill "very much had the feel of X, and urged … that "an obligation …" before':
            # a mark after a space opening a word, before a closing one, opens (closing marks
            # follow a word); the earlier quotation lost its close and ends at its last comma
            stop = max(text.rfind(",", o + on, i), text.rfind(";", o + on, i))
            s_, e_ = strip_span(text, o + on, stop if stop > o + on else i)
            if e_ > s_:
                spans.append(QuotedSpan(s_, e_, o, None))
            open_at = (i, n)
            continue
        if i > o + on:
            spans.append(QuotedSpan(o + on, i, o, i + n - 1))
        open_at = None
    if open_at is not None:
        o, on = open_at
        if end - (o + on) > 0:
            spans.append(QuotedSpan(o + on, end, o, None))
    spans.extend(_single_quoted_speech(text, start, end, spans))
    spans.sort(key=lambda q: q.open_mark)
    return spans


def _single_quoted_speech(text: str, start: int, end: int, doubles: list[QuotedSpan]) -> list[QuotedSpan]:
    """‘Speech in single curly marks’ outside double-quoted spans (linear: closers found by bisection)."""
    out: list[QuotedSpan] = []
    if text.find("‘", start, end) < 0:
        return out  # no opening mark: nothing to pair
    covered = sorted((q.open_mark, q.end) for q in doubles)
    closers = [j for j in range(start, end) if text[j] == "’" and (j + 1 >= end or not text[j + 1].isalnum())]
    i = start
    while i < end:
        i = text.find("‘", i, end)
        if i < 0:
            break
        if inside_any(i, covered) or (i > start and text[i - 1].isalnum()):
            i += 1
            continue
        k = bisect.bisect_right(closers, i)
        if k == len(closers):
            break  # no closing mark after this one, nor after any later opening
        j = closers[k]
        content = text[i + 1 : j].rstrip()
        if content[-1:] in SPEECH_END and len(content.split()) >= 3:
            out.append(QuotedSpan(i + 1, j, i, j))
        i = j + 1
    return out
