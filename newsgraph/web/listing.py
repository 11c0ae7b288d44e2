"""Paging shared by the HTML tables and the /api lists: totals, "1–50 of N", next/previous links,
and a clear word past the last page (instead of an empty list that looks like "no matches")."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from fastapi.responses import StreamingResponse


def url(path: str, **params: Any) -> str:
    """``path`` with the non-empty ``params`` as a query string (a permalink of the view)."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


@dataclass
class Pager:
    """One page of a filtered list: ``params`` are the view's filters, kept in every link."""

    path: str
    total: int
    offset: int
    limit: int
    shown: int
    params: dict[str, Any] = field(default_factory=dict)
    api: str | None = None
    """The /api list of the same view, with its ``api_params`` (the same filters, API names)."""
    api_params: dict[str, Any] = field(default_factory=dict)
    exact: bool = True
    """False when ``total`` is an estimate (query.count_quotes_about, count_articles_about): shown as "about"."""
    after: str | int | None = None
    """The key of this page's last row (keyset pagination): the next link reads on from it."""

    def link(self, offset: int, path: str | None = None, **extra: Any) -> str:
        return url(path or self.path, **self.params, **extra, offset=offset or None)

    @property
    def next(self) -> str | None:
        more = self.offset + self.limit < self.total
        return self.link(self.offset + self.limit, after=self.after) if more else None

    @property
    def prev(self) -> str | None:
        return self.link(max(0, min(self.offset - self.limit, self.last_offset))) if self.offset else None

    @property
    def last_offset(self) -> int:
        return max(0, (self.total - 1) // self.limit * self.limit)

    @property
    def past_end(self) -> bool:
        """A page after the last one (an old link, or an edited offset) of a non-empty list."""
        return self.total > 0 and self.offset >= self.total

    @property
    def range_text(self) -> str:
        """"1–50 of 1,234" (what this page shows of the whole list)."""
        total = f"{self.total:,}" if self.exact else f"about {self.total:,}"
        if not self.shown:
            return f"0 of {total}"
        return f"{self.offset + 1:,}–{self.offset + self.shown:,} of {total}"

    def download(self, fmt: str) -> str | None:
        """This view (same filters, same order) from the API: ``csv`` every row, ``json`` pages of 1000."""
        if not self.api:
            return None
        if fmt == "csv":
            return url(self.api, **self.api_params, format="csv")
        return url(self.api, **self.api_params, limit=1000)


CSV_MAX = 100_000
"""Rows in a CSV download of a whole view (no ``limit`` given)."""


def envelope(request: Any, items: list[dict[str, Any]], total: int, limit: int, offset: int,
             exact: bool = True, after: str | int | None = None) -> dict[str, Any]:
    """The API's list shape: ``items``, ``total``, ``limit``, ``offset``, ``next`` (URL or None),
    and ``total_exact``: False when ``total`` is an estimate (the schema's default says True).
    ``after``: the last item's key, carried by ``next`` (keyset pagination)."""
    keyed = {} if after is None else {"after": after}
    nxt = str(request.url.include_query_params(offset=offset + limit, **keyed)) if offset + limit < total else None
    page = {"items": items, "total": total, "limit": limit, "offset": offset, "next": nxt}
    return page if exact else {**page, "total_exact": False}


def csv_cell(value: Any) -> Any:
    """Lists and objects as JSON in a cell; a snippet as its sentence."""
    if isinstance(value, dict) and "text" in value:
        return value["text"]
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_response(rows: list[dict[str, Any]], name: str) -> StreamingResponse:
    """Rows as a CSV download (UTF-8, a header of the first row's keys)."""
    columns = list(rows[0]) if rows else ["(no rows)"]

    def lines() -> Iterator[str]:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        for r in rows:
            writer.writerow([csv_cell(r.get(c)) for c in columns])
            if buf.tell() > 65536:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
