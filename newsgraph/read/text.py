"""Plain text: the whole file is the article; a title-like first line is its title."""

from __future__ import annotations

import re

from newsgraph.read.base import RawArticle

_TITLE_MAX = 160
_LINE_END = re.compile("\r\n|[\r\n\u2028\u2029]")
"""Line ends as cleaning sees them (``newsgraph.clean.LINE``), lone ``\\r`` included."""


def looks_like_title(line: str) -> bool:
    """A short line without final sentence punctuation (the BBC layout's line 1)."""
    s = line.strip()
    if not s or len(s) > _TITLE_MAX or re.fullmatch(r"[#\W]*", s):
        return False
    return not s.endswith((".", ",", ";", ":")) or s.endswith("...")


def read_text(text: str, document: str, source: str | None = None) -> RawArticle:
    first, *rest = _LINE_END.split(text, maxsplit=1)
    first = first.lstrip("\ufeff")  # a UTF-8 BOM stays in the text (offsets count it), not in the title
    title = first.strip() if looks_like_title(first) and rest and rest[0].strip() else None
    return RawArticle(text=text, document=document, title=title, source=source)
