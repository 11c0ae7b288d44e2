"""The two things a reader yields: an article to analyse, or an error to record."""

from __future__ import annotations

from dataclasses import dataclass

MAX_BYTES = 10 * 1024 * 1024
"""Largest input file read (10 MiB): bigger files are refused with a clear error."""


@dataclass
class RawArticle:
    text: str
    document: str  # base name of the file (or file#line for JSONL), the article's key
    title: str | None = None
    published: str | None = None
    source: str | None = None  # path or URL
    url: str | None = None
    outlet: str | None = None
    author: str | None = None


@dataclass
class ReadError:
    source: str  # path (with :line for JSONL)
    problem: str  # what is wrong, one line
    hint: str = ""  # what to do about it

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}" + (f" ({self.hint})" if self.hint else "")


def decode_bytes(data: bytes, source: str) -> str | ReadError:
    """Strict UTF-8 (a leading BOM is kept: offsets count it, as the scorer does)."""
    if not data.strip():
        return ReadError(source, "empty file", "nothing to analyse; remove it or add text")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ReadError(source, "binary file (NUL bytes)", "give newsgraph text, JSONL or HTML files")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ReadError(source, "UTF-16 text", "convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ReadError(
            source,
            f"not valid UTF-8 (byte {exc.start})",
            "convert it to UTF-8, e.g. iconv -f latin1 -t UTF-8",
        )
