"""Paths, directories and globs to a stream of articles (or errors), in a stable order.

Nothing is skipped silently: a directory that cannot be listed, a broken link, a FIFO
or a device (which would block or never end) each become one ``ReadError``.
"""

from __future__ import annotations

import glob
import os
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, overload

from newsgraph.read.base import (
    MAX_BYTES,
    AlreadyDone,
    RawArticle,
    ReadError,
    check_text,
    decode_bytes,
    decode_html_bytes,
    sniff_bytes,
)
from newsgraph.read.html import read_html
from newsgraph.read.jsonl import TOO_LONG, read_jsonl_lines
from newsgraph.read.text import read_text
from newsgraph.read.warc import is_warc, read_warc

SUFFIXES = {".txt", ".text", ".md", ".jsonl", ".ndjson", ".html", ".htm", ""}
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | ReadError]:
    """Expand directories (recursively, sorted) and globs; missing paths become errors."""
    for p in iter_named_paths(paths):
        yield p if isinstance(p, ReadError) else p[0]


def iter_named_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, str] | ReadError]:
    """(path, name) of every input file: the name is the path below the folder given (``business/001.txt``
    for ``bbc/business/001.txt`` when ``bbc`` was given), or the file's own name when the file was
    given, so that two files of one folder never share a name."""
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            yield from ((f, os.path.relpath(f, p)) if isinstance(f, str) else f for f in _walk(p))
        elif os.path.exists(p):
            yield p, os.path.basename(p)
        elif os.path.lexists(p):
            yield ReadError(p, "broken symbolic link", "check where the link points")
        elif any(c in p for c in "*?["):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield ReadError(p, "pattern matches no file", "check the path")
            yield from iter_named_paths(matches)
        else:
            yield ReadError(p, "no such file or directory", "check the path")


def _walk(top: str) -> Iterator[str | ReadError]:
    """Files under ``top``, sorted; linked folders are followed, each real folder once (no loops)."""
    unlisted: list[OSError] = []
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(top, onerror=unlisted.append, followlinks=True):
        while unlisted:
            yield _os_error(unlisted.pop(0), "cannot list directory")
        try:
            st = os.stat(root)
        except OSError as exc:
            yield _os_error(exc, "cannot list directory", root)
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith(".") and (Path(f).suffix.lower() in SUFFIXES or is_warc(f)):
                yield os.path.join(root, f)
    for err in unlisted:
        yield _os_error(err, "cannot list directory")


def _os_error(exc: OSError, what: str, where: str | None = None) -> ReadError:
    source = where or exc.filename or "?"
    return ReadError(os.fspath(source), f"{what} ({exc.strerror or exc})", "check it exists and you may read it")


def read_file(path: str, skipped: Counter[str] | None = None, name: str | None = None,
              done: Callable[[str], bool] | None = None) -> Iterator[RawArticle | ReadError | AlreadyDone]:
    """One file: text, JSONL, HTML or WARC by suffix (HTML also sniffed from the content).
    ``skipped``: counts the WARC records that are not HTML pages, by reason. ``name``: the
    article's document name (default: the file's own name); a WARC page is named by its URL.
    ``done``: sources stored by an earlier run; their WARC records come as ``AlreadyDone``, unread."""
    name = name or os.path.basename(path)
    suffix = Path(path).suffix.lower()
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device or socket"
            yield ReadError(path, f"not a regular file ({kind})", "give newsgraph text, JSONL or HTML files")
            return
        if is_warc(path):
            yield from read_warc(path, skipped, done)
            return
        if suffix in JSONL_SUFFIXES:
            with open(path, "rb") as fh:
                yield from _read_jsonl_file(fh, path, name)
            return
        if st.st_size > MAX_BYTES:
            yield ReadError(path, f"file too large ({st.st_size / 1_048_576:.1f} MiB > "
                                  f"{MAX_BYTES // 1_048_576} MiB)", "split it into articles (JSONL, one per line)")
            return
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        yield _os_error(exc, "cannot read", path)
        return
    is_html = suffix in (".html", ".htm") or data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))
    text = decode_html_bytes(data, path) if is_html else decode_bytes(data, path)
    if isinstance(text, ReadError):
        yield text
        return
    item = read_html(text, name, path) if is_html else read_text(text, name, path)
    yield (check_text(item.text, path) or item) if isinstance(item, RawArticle) else item


def _read_jsonl_file(fh: BinaryIO, path: str, name: str) -> Iterator[RawArticle | ReadError]:
    head = fh.read(8192)
    refused = sniff_bytes(head, path, complete=len(head) < 8192)
    if refused:
        yield refused
        return
    fh.seek(0)
    yield from read_jsonl_lines(_lines(fh), path, name)


def _lines(fh: BinaryIO) -> Iterator[bytes | None]:
    """Lines of at most ``MAX_BYTES``; a longer one is skipped (memory stays bounded) as ``TOO_LONG``."""
    while line := fh.readline(MAX_BYTES + 1):
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield TOO_LONG
        else:
            yield line


def storable_name(name: str) -> str:
    """A file name as text that can be stored and shown safely, the same on every run: bytes that
    are not UTF-8 (kept by Python as surrogate escapes) become ``\\xNN``, and control or format
    characters (an escape sequence, a right-to-left override) become ``\\xNN``/``\\uNNNN`` so
    that listing a name cannot drive the terminal."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = os.fsencode(name).decode("utf-8", "backslashreplace")
    if name.isprintable():
        return name
    return "".join(ch if unicodedata.category(ch) not in _UNSHOWABLE else
                   f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}" for ch in name)


_UNSHOWABLE = frozenset({"Cc", "Cf", "Zl", "Zp"})


@overload
def iter_articles(paths: Iterable[str | os.PathLike[str]], skipped: Counter[str] | None = None,
                  done: None = None) -> Iterator[RawArticle | ReadError]: ...


@overload
def iter_articles(paths: Iterable[str | os.PathLike[str]], skipped: Counter[str] | None = None,
                  done: Callable[[str], bool] | None = None) -> Iterator[RawArticle | ReadError | AlreadyDone]: ...


def iter_articles(paths: Iterable[str | os.PathLike[str]], skipped: Counter[str] | None = None,
                  done: Callable[[str], bool] | None = None) -> Iterator[RawArticle | ReadError | AlreadyDone]:
    """Every article (or error) of ``paths``; ``skipped`` counts WARC records that are not pages;
    ``done`` (see ``read_file``) lets a rerun pass over stored WARC records without reading them."""
    for p in iter_named_paths(paths):
        for item in [p] if isinstance(p, ReadError) else read_file(p[0], skipped, p[1], done):
            item.source = storable_name(item.source) if item.source else item.source
            if isinstance(item, RawArticle):
                item.document = storable_name(item.document)
            yield item
