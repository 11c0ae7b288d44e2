"""Paths, directories and globs to a stream of articles (or errors), in a stable order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.read.base import MAX_BYTES, RawArticle, ReadError, decode_bytes
from newsgraph.read.html import read_html
from newsgraph.read.jsonl import read_jsonl
from newsgraph.read.text import read_text

SUFFIXES = {".txt", ".text", ".md", ".jsonl", ".ndjson", ".html", ".htm", ""}


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | ReadError]:
    """Expand directories (recursively, sorted) and globs; missing paths become errors."""
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith(".") and Path(f).suffix.lower() in SUFFIXES:
                        yield os.path.join(root, f)
        elif os.path.exists(p):
            yield p
        elif any(c in p for c in "*?["):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield ReadError(p, "pattern matches no file", "check the path")
            for m in matches:
                yield from iter_paths([m])
        else:
            yield ReadError(p, "no such file or directory", "check the path")


def read_file(path: str) -> Iterator[RawArticle | ReadError]:
    """One file: text, JSONL or HTML by suffix (HTML also sniffed from the content)."""
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            yield ReadError(path, f"file too large ({size // 1_048_576} MiB > {MAX_BYTES // 1_048_576} MiB)",
                            "split it into articles (JSONL, one per line)")
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield ReadError(path, f"cannot read ({exc.strerror or exc})", "check permissions")
        return
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        text = decode_bytes(data, path)
        if isinstance(text, ReadError):
            yield text
        else:
            yield from read_jsonl(text, path, os.path.basename(path))
        return
    text = decode_bytes(data, path)
    if isinstance(text, ReadError):
        yield text
        return
    name = os.path.basename(path)
    if suffix in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        yield read_html(text, name, path)
    else:
        yield read_text(text, name, path)


def iter_articles(paths: Iterable[str | os.PathLike[str]]) -> Iterator[RawArticle | ReadError]:
    for p in iter_paths(paths):
        if isinstance(p, ReadError):
            yield p
        else:
            yield from read_file(p)
