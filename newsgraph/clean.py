"""Cleaning that never moves a character: it only *classifies* spans of the text.

Separator lines (``###``), scraper leftovers (``Click Here:``) and the like become
boilerplate spans; short title-like lines become headings; the rest are paragraphs.
Analysis then runs on ``masked_text``: the original with boilerplate blanked out by
spaces, so every offset the language model produces is an offset into the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsgraph.model import Paragraph, Span

SEPARATOR = re.compile(r"(?:^|(?<=\s))#{3,}[ \t]*$", re.M)
"""A run of ``#`` ending a line (alone on it, or after a scraper leftover)."""

LINE = re.compile("[^\r\n\u2028\u2029]*(?:\r\n|[\r\n\u2028]|\u2029|$)")
"""A line and its end: ``\\r\\n``, ``\\n``, a lone ``\\r`` (old Mac files) or U+2028; U+2029
(the Unicode paragraph separator) also ends the paragraph."""
PARAGRAPH_SEPARATOR = "\u2029"
LIST_ITEM = re.compile(r"[-–—•*] +\w")
"""A line opening with a list marker and a word: a paragraph of its own."""

HEADING_MAX_WORDS = 10
QUOTE_MARKS = "\"'“”‘’«»„"


@lru_cache(maxsize=1)
def boilerplate_patterns() -> re.Pattern[str]:
    lines = resources.files("newsgraph").joinpath("boilerplate.txt").read_text("utf-8").splitlines()
    alts = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    return re.compile(r"(?:{})".format("|".join(alts)), re.I)


@dataclass
class Layout:
    paragraphs: list[Paragraph] = field(default_factory=list)
    boilerplate: list[Span] = field(default_factory=list)

    @property
    def headings(self) -> list[Span]:
        return [(p.start, p.end) for p in self.paragraphs if p.kind == "heading"]


def _strip(text: str, s: int, e: int) -> Span:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def looks_like_heading(line: str) -> bool:
    """Short, capitalised, no sentence-final punctuation, not a quotation with a speaker."""
    s = line.strip()
    bare = s.strip(QUOTE_MARKS + " ")
    if not bare or len(bare.split(maxsplit=HEADING_MAX_WORDS)) > HEADING_MAX_WORDS:  # a long paragraph: stop early
        return False
    if not (bare[0].isupper() or bare[0].isdigit()):
        return False
    if s[-1] in ".,;:!?…" or bare[-1] in ".,;:!?…-–—":
        return False
    if re.search(r"[.?!…][”\"’']", s):  # a sentence closed inside quotation marks ("…." ― Name): speech
        return False
    return not re.search(r"\b(said|says|told)\b", s)


def segment(text: str, title: str | None = None) -> Layout:
    """Paragraphs, headings and boilerplate of ``text``, as spans into it."""
    layout = Layout()
    pattern = boilerplate_patterns()
    lines: list[Span] = []
    for m in LINE.finditer(text):
        if m.start() == m.end():
            break
        lines.append((m.start(), m.end()))
    blocks: list[list[Span]] = [[]]
    has_separator = "###" in text  # SEPARATOR needs three; most articles have none: no search per line
    for ls, le in lines:
        s, e = _strip(text, ls, le)
        if s == e:  # blank line ends a paragraph
            blocks.append([])
            continue
        sep = SEPARATOR.search(text, s, e) if has_separator else None
        if sep and sep.start() < e:
            body_s, body_e = _strip(text, s, sep.start())
            layout.boilerplate.append(_strip(text, sep.start(), e))
            if body_s < body_e:
                # text before a separator on the same line: a leftover if it matches
                if pattern.fullmatch(text[body_s:body_e]):
                    layout.boilerplate.append((body_s, body_e))
                else:
                    blocks[-1].append((body_s, body_e))
            blocks.append([])
            continue
        if pattern.fullmatch(text[s:e]):
            layout.boilerplate.append((s, e))
            blocks.append([])
            continue
        if blocks[-1] and LIST_ITEM.match(text, s):
            blocks.append([])  # "- Rovers boss Ann Lee: …" on its own line: an item, not the line before's paragraph
        blocks[-1].append((s, e))
        if text[le - 1] == PARAGRAPH_SEPARATOR:
            blocks.append([])
    for block in blocks:
        if not block:
            continue
        start, end = block[0][0], block[-1][1]
        kind = "text"
        if len(block) == 1 and looks_like_heading(text[start:end]):
            kind = "heading"
        layout.paragraphs.append(Paragraph(start, end, kind))
    layout.boilerplate.sort()
    # The article's own title line is a heading, whatever its shape.
    first = layout.paragraphs[0] if layout.paragraphs else None
    if title and first and text[first.start : first.end].lstrip("\ufeff").strip() == title.strip():
        layout.paragraphs[0].kind = "heading"
    return layout


def masked_text(text: str, layout: Layout) -> str:
    """``text`` with boilerplate replaced by spaces (newlines kept): same length, same offsets."""
    if not layout.boilerplate:
        return text
    chars = list(text)
    for s, e in layout.boilerplate:
        for i in range(s, e):
            if chars[i] not in "\n\r":
                chars[i] = " "
    return "".join(chars)
