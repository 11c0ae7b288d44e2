"""The two things a reader yields: an article to analyse, or an error to record.

Size limits (documented in the README, "Bad input"):

- ``MAX_BYTES`` (10 MiB): the largest text or HTML file read (one file is one article),
  and the longest JSONL line. JSONL files themselves have no size limit: they are
  streamed line by line, so memory stays bounded by one line.
- ``MAX_CHARS`` (1,000,000 characters): the longest article text analysed. It is spaCy's
  own ``nlp.max_length``; the parser needs about 1 GB of memory per 250,000 characters
  (measured: 200,000 characters of one paragraph took 27 s and 1 GB), so longer texts are
  refused with a hint to split them rather than risk running the machine out of memory.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

MAX_BYTES = 10 * 1024 * 1024
"""Largest text/HTML file and longest JSONL line read (10 MiB): bigger is refused with a clear error."""

MAX_CHARS = 1_000_000
"""Longest article text analysed (spaCy's ``nlp.max_length``): longer is refused with a clear error."""

_SURROGATE = re.compile(r"[\ud800-\udfff]")


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
class AlreadyDone:
    """An input the caller said an earlier run stored (``done``), passed over without being read:
    a rerun over a large crawl skips its stored records without extracting their pages again."""

    source: str


@dataclass
class ReadError:
    source: str  # path (with :line for JSONL)
    problem: str  # what is wrong, one line
    hint: str = ""  # what to do about it

    def __str__(self) -> str:
        return one_line(f"{self.source}: {self.problem}" + (f" ({self.hint})" if self.hint else ""))


def one_line(message: str) -> str:
    """Control characters and newlines (e.g. from a file name or a parser message) as spaces."""
    return "".join(" " if not ch.isprintable() else ch for ch in message)


def check_text(text: str, source: str) -> ReadError | None:
    """The article text can be analysed: not blank, not longer than ``MAX_CHARS``."""
    if not text.strip():
        return ReadError(source, "no text", "nothing to analyse; remove it or add text")
    if len(text) > MAX_CHARS:
        return ReadError(source, f"article too long to analyse ({len(text):,} characters > {MAX_CHARS:,})",
                         "split it into several articles, e.g. JSONL with one article per line")
    return None


def replace_surrogates(text: str) -> str:
    """Lone surrogates (possible in JSON ``\\ud800`` escapes) become U+FFFD: same length, so
    offsets hold, and the text can be stored as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def sniff_bytes(head: bytes, source: str, *, complete: bool = True) -> ReadError | None:
    """Refuse what is not UTF-8 text from the first bytes of a file (empty, binary, UTF-16/32).

    ``complete``: ``head`` is the whole file, so blank means empty.
    """
    if complete and not head.strip():
        return ReadError(source, "empty file", "nothing to analyse; remove it or add text")
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return ReadError(source, "UTF-32 text", "convert it to UTF-8, e.g. iconv -f UTF-32 -t UTF-8")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ReadError(source, "UTF-16 text", "convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8")
    sample = head[:8192]
    if b"\x00" in sample:
        odd, even = sample[1::2], sample[0::2]
        if len(sample) >= 4 and (odd.count(0) > 0.9 * len(odd) or even.count(0) > 0.9 * len(even)):
            return ReadError(source, "UTF-16 text without a byte-order mark",
                             "convert it to UTF-8, e.g. iconv -f UTF-16LE -t UTF-8")
        return ReadError(source, "binary file (NUL bytes)", "give newsgraph text, JSONL or HTML files")
    return None


_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)


def decode_html_bytes(data: bytes, source: str) -> str | ReadError:
    """UTF-8, else the charset the page declares (``<meta charset=...>``, e.g. windows-1252):
    pages saved from the web often are not UTF-8, and their offsets are into the extracted text."""
    text = decode_bytes(data, source)
    if not isinstance(text, ReadError) or "UTF-8" not in text.problem:
        return text
    declared = _DECLARED_CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", "replace")
        try:
            return data.decode(codecs.lookup(name).name)
        except (LookupError, UnicodeDecodeError):
            return ReadError(source, f"not valid UTF-8 nor the declared charset {name!r}",
                             "convert it to UTF-8, e.g. iconv -f latin1 -t UTF-8")
    return text


def decode_bytes(data: bytes, source: str) -> str | ReadError:
    """Strict UTF-8 (a leading BOM is kept: offsets count it, as the scorer does)."""
    refused = sniff_bytes(data, source)
    if refused:
        return refused
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return ReadError(
            source,
            f"not valid UTF-8 (byte {exc.start}, line {line})",
            "convert it to UTF-8, e.g. iconv -f latin1 -t UTF-8",
        )
