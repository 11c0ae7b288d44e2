"""Which part of the store an export covers, and small helpers every format shares."""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsgraph import query


class ExportError(ValueError):
    """An export that cannot be written as asked (message names the path and the fix)."""


@dataclass(frozen=True)
class Selection:
    """Articles to export, and an optional speaker that also narrows their quotations."""

    article_ids: list[int]
    speaker: str | None = None

    def rows(self, conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
        return query.export_rows(conn, table, self.article_ids, speaker=self.speaker)

    def articles(self, conn: sqlite3.Connection) -> Iterator[tuple[int, Any]]:
        return query.export_articles(conn, self.article_ids, speaker=self.speaker)


def select(
    conn: sqlite3.Connection,
    *,
    articles: list[str] | None = None,
    speaker: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> Selection:
    try:
        ids = query.export_article_ids(conn, articles=articles, speaker=speaker, date_from=date_from,
                                       date_to=date_to)
    except LookupError as exc:
        raise ExportError(f"no article {exc.args[0]!r} in the store (list them with `newsgraph articles`)") from exc
    return Selection(ids, speaker or None)


@contextlib.contextmanager
def open_output(out: Path | None) -> Iterator[IO[str]]:
    """A text file at ``out`` (parents created), or standard output when ``out`` is None or '-'."""
    if out is None or str(out) == "-":
        yield sys.stdout
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        yield fh


def output_dir(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a directory (give --out a folder)")
    out.mkdir(parents=True, exist_ok=True)
    return out


def reported_elsewhere(conn: sqlite3.Connection, quotes: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """The quotation groups of 2+ (``quote_group_list.quotation_group``) that ``quotes`` belong to, by id.

    A group reaches beyond the selection: its occurrences, first appearance and wordings are the store's.
    """
    from newsgraph.quote_group_list import quotation_group

    ids = sorted({q["quote_group_id"] for q in quotes if q.get("quote_group_id") is not None})
    big = {r[0] for r in conn.execute(
        f"SELECT id FROM quote_groups WHERE size >= 2 AND id IN ({','.join('?' * len(ids))})", ids)} if ids else set()
    groups = {gid: quotation_group(conn, gid) for gid in ids if gid in big}
    return {gid: g for gid, g in groups.items() if g is not None}


def where(out: Path | None) -> str:
    return "standard output" if out is None or str(out) == "-" else str(out)
