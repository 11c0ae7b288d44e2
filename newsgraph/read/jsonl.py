"""JSONL: one article per line, ``text`` plus optional title/published/url/outlet/id.

Lines are split on ``\\n`` only: JSON strings may hold raw U+2028, U+0085 or form feeds,
which ``str.splitlines`` would wrongly treat as line ends. Each line is decoded on its
own, so one bad line (invalid UTF-8, broken JSON, too long) is one error and the rest
of the file is still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from newsgraph.read.base import MAX_BYTES, RawArticle, ReadError, check_text, one_line, replace_surrogates

TOO_LONG = None
"""Stands for a line longer than ``MAX_BYTES`` in the stream of lines (it is not kept)."""


def read_jsonl(data: str, path: str, base: str) -> Iterator[RawArticle | ReadError]:
    """The articles of a JSONL document already in memory."""
    return read_jsonl_lines(data.split("\n"), path, base)


def read_jsonl_lines(lines: Iterable[bytes | str | None], path: str, base: str) -> Iterator[RawArticle | ReadError]:
    """The articles of a stream of lines (bytes are decoded per line; ``TOO_LONG`` marks a refused line)."""
    found = 0
    for lineno, line in enumerate(lines, 1):
        where = f"{path}:{lineno}"
        if line is TOO_LONG:
            yield ReadError(where, f"line longer than {MAX_BYTES // 1_048_576} MiB",
                            "split that article or remove the line")
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield ReadError(where, f"not valid UTF-8 (byte {exc.start} of the line)",
                                "convert the file to UTF-8, e.g. iconv -f latin1 -t UTF-8")
                continue
        if lineno == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        found += 1
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield ReadError(where, f"broken JSON line ({one_line(msg)})", "fix or remove that line")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield ReadError(where, "no non-empty \"text\" field", 'each line needs {"text": "..."}')
            continue
        text = replace_surrogates(obj["text"])
        refused = check_text(text, where)
        if refused:
            yield refused
            continue
        ident = _str(obj.get("id") or obj.get("document")) or f"{base}#{lineno}"
        yield RawArticle(
            text=text,
            document=ident,
            title=_str(obj.get("title")),
            published=_str(obj.get("published") or obj.get("date")),
            source=where,
            url=_str(obj.get("url")),
            outlet=_str(obj.get("outlet")),
            author=_str(obj.get("author")),
        )
    if not found:
        yield ReadError(path, "no articles (only blank lines)", 'each line needs {"text": "..."}')


def _str(x: object) -> str | None:
    return None if x is None else replace_surrogates(str(x))
