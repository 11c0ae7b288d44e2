"""One place across the store: where it is, the articles that name it and the quotations that name it.

A companion of query.py for the place page (``/place/{name}``). A place is its stored name (the
gazetteer's name for countries, divisions and regions, so "US" and "America" are "United
States"), as on the places list, the map and the timeline filter. Every lookup starts from the
(type, name) index of ``entities`` and then goes by article or entity id, one page at a time
(LIMIT/OFFSET), so a page costs the same in a store of a thousand articles or of a million
quotations, give or take the number of articles naming that one place.

"A quotation that mentions the place" is one whose words contain a mention of it ("We will
rebuild Mosul", she said): what a reader looking for what was said about a place expects,
rather than every quotation of every article that names it somewhere.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any

from newsgraph.model import PLACE_TYPES
from newsgraph.query import ARTICLE_KEY

_TYPES = ",".join("?" * len(PLACE_TYPES))
PLACE = f"e.type IN ({_TYPES}) AND e.name = ?"  # the entities_type_name index
ALIAS_ROWS = 2000  # entity rows read for a place's other written names (plenty to rank them)


def _select(conn: sqlite3.Connection, sql: str, name: str, *more: Any) -> list[dict[str, Any]]:
    """Rows of ``sql`` whose ``PLACE`` condition is the place ``name`` (then ``more`` arguments)."""
    return [dict(r) for r in conn.execute(sql, (*PLACE_TYPES, name, *more))]  # the store's rows are sqlite3.Row


def _count(conn: sqlite3.Connection, sql: str, name: str) -> int:
    return int(conn.execute(sql, (*PLACE_TYPES, name)).fetchone()[0])


def find_place(conn: sqlite3.Connection, name: str) -> str | None:
    """The stored name of the place ``name`` means: itself, else the same name in another case."""
    row = conn.execute(f"SELECT e.name FROM entities e WHERE {PLACE} LIMIT 1", (*PLACE_TYPES, name)).fetchone()
    if row is None:
        row = conn.execute(f"SELECT e.name FROM entities e WHERE lower(e.name) = lower(?) AND e.type IN ({_TYPES})"
                           " GROUP BY e.name ORDER BY count(*) DESC LIMIT 1", (name, *PLACE_TYPES)).fetchone()
    return str(row[0]) if row else None


def place_profile(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    """The place's coordinates, country and kind (the most common reading; ``points`` lists every
    reading when articles put one name in several places), other written names, and counts."""
    points = _select(conn, f"SELECT e.lat AS lat, e.lon AS lon, e.country AS country, e.place_kind AS kind,"
                           f" count(*) AS articles FROM entities e WHERE {PLACE}"
                           f" GROUP BY e.lat, e.lon, e.country, e.place_kind ORDER BY e.lat IS NULL, articles DESC",
                     name)
    if not points:
        return None
    aliases: Counter[str] = Counter()
    for row in _select(conn, f"SELECT e.aliases FROM entities e WHERE {PLACE} AND e.aliases != '[]' LIMIT ?",
                       name, ALIAS_ROWS):
        aliases.update(a for a in json.loads(row["aliases"]) if a != name)
    first = points[0]
    return {"name": name, "lat": first["lat"], "lon": first["lon"], "country": first["country"],
            "kind": first["kind"], "points": points, "aliases": [a for a, _ in aliases.most_common(20)],
            "mentions": count_mentions(conn, name), "articles": count_articles(conn, name),
            "quotes": count_quotes(conn, name)}


def articles(conn: sqlite3.Connection, name: str, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """The articles naming the place, newest first, with how often each names it."""
    rows = _select(conn, f"SELECT e.id AS entity_id, a.id AS id, {ARTICLE_KEY} AS key, a.document, a.title,"
                         f" a.published, a.outlet FROM entities e JOIN articles a ON a.id = e.article_id"
                         f" WHERE {PLACE} ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?", name, limit, offset)
    if rows:
        ids = [r["entity_id"] for r in rows]
        counts = dict(conn.execute(
            f"SELECT entity_id, count(*) FROM mentions WHERE entity_id IN ({','.join('?' * len(ids))})"
            " GROUP BY entity_id", ids).fetchall())
        for r in rows:
            r["mentions"] = counts.get(r.pop("entity_id"), 0)
    return rows


def count_mentions(conn: sqlite3.Connection, name: str) -> int:
    return _count(conn, f"SELECT count(*) FROM entities e JOIN mentions m ON m.entity_id = e.id WHERE {PLACE}", name)


def count_articles(conn: sqlite3.Connection, name: str) -> int:
    return _count(conn, f"SELECT count(DISTINCT e.article_id) FROM entities e WHERE {PLACE}", name)


_IN_QUOTE = (f"FROM entities e JOIN mentions m ON m.entity_id = e.id"
             f" JOIN quotes q ON q.article_id = m.article_id AND m.start >= q.start AND m.\"end\" <= q.\"end\""
             f" WHERE {PLACE}")


def quotes(conn: sqlite3.Connection, name: str, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Quotations whose words mention the place, newest article first (the rows ``query.quotes`` gives)."""
    rows = _select(conn, f"SELECT q.*, {ARTICLE_KEY} AS article_key, a.document, a.title, a.published FROM quotes q"
                         f" JOIN articles a ON a.id = q.article_id WHERE q.id IN (SELECT q.id {_IN_QUOTE})"
                         f" ORDER BY a.published DESC, q.article_id DESC, q.start LIMIT ? OFFSET ?", name, limit, offset)
    for r in rows:
        r["spans"] = json.loads(r["spans"])
    return rows


def count_quotes(conn: sqlite3.Connection, name: str) -> int:
    return _count(conn, f"SELECT count(DISTINCT q.id) {_IN_QUOTE}", name)
