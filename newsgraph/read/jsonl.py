"""JSONL: one article per line, ``text`` plus optional title/published/url/outlet/id."""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsgraph.read.base import RawArticle, ReadError


def read_jsonl(data: str, path: str, base: str) -> Iterator[RawArticle | ReadError]:
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"broken JSON line ({exc.msg})", "fix or remove that line")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield ReadError(where, "no non-empty \"text\" field", 'each line needs {"text": "..."}')
            continue
        ident = obj.get("id") or obj.get("document") or f"{base}#{lineno}"
        yield RawArticle(
            text=obj["text"],
            document=str(ident),
            title=_str(obj.get("title")),
            published=_str(obj.get("published") or obj.get("date")),
            source=where,
            url=_str(obj.get("url")),
            outlet=_str(obj.get("outlet")),
            author=_str(obj.get("author")),
        )


def _str(x: object) -> str | None:
    return None if x is None else str(x)
