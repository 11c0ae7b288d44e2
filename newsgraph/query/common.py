"""Helpers every part of the read API shares: rows as dicts, LIKE patterns, WHERE pieces, store counts."""

from __future__ import annotations

import sqlite3
from typing import Any

from newsgraph.model import (
    KEY_LENGTH,
)

ARTICLE_KEY = f"substr(a.hash, 1, {KEY_LENGTH})"
"""The stable key of article ``a`` in SQL (``model.article_key``)."""


def dict_rows(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    """A cursor's rows as plain dicts (what every read function returns)."""
    return [dict(r) for r in cur.fetchall()]


def contains(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, literally (use with ``ESCAPE '\\'``)."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """Counts of the store, from the totals it keeps (store/schema.sql, schema 5)."""
    one = lambda sql: int(conn.execute(sql).fetchone()[0] or 0)  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "quotes": one("SELECT sum(quotes) FROM quote_tally"),
        "people": one("SELECT count(*) FROM person_totals WHERE entities > 0"),
        "places": one("SELECT count(DISTINCT name) FROM place_types WHERE type IN ('GPE','LOC')"),
        "failures": one("SELECT count(*) FROM failures"),
    }


def and_where(where: str, args: list[Any], cond: str, more: list[Any] | None = None) -> tuple[str, list[Any]]:
    """A `` WHERE …`` clause (or "") with one more condition (``cond``: a bare one, or `` AND …``)."""
    cond = cond.removeprefix(" AND ").strip()
    if not cond:
        return where, args
    return (f"{where} AND {cond}" if where else f" WHERE {cond}"), [*args, *(more or [])]


def placeholders(names: list[str]) -> str:
    """``?,?,?`` for an ``IN (…)`` of ``names``."""
    return ",".join("?" * len(names))


FACET_SIZE = 12


def published_between(where: list[str], args: list[Any], date_from: str | None, date_to: str | None) -> None:
    """Articles published in [date_from, date_to], at the precision given: ``date_to`` "2021"
    keeps 2021-06-01; both bounds can use the index on published."""
    if date_from:
        where.append("a.published >= ?")
        args.append(date_from)
    if date_to:
        where.append("a.published < ?")  # anything starting with date_to sorts below date_to + U+FFFF
        args.append(date_to + "\uffff")
