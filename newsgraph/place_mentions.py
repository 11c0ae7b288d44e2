"""One place across the store: where it is, the articles that name it and the quotations that name it.

A companion of newsgraph.query for the place page (``/place/{name}``). A place is its stored name (the
gazetteer's name for countries, divisions and regions, so "US" and "America" are "United
States"), as on the places list, the map and the timeline filter.

Every lookup starts from the (type, name) index of ``entities`` and goes by entity and article
id, newest entity first (the articles most recently added to the store), one page at a time: in
a store of a million quotations the most named place ("United States", 23,000 articles) costs
about what a rare one does. What needs every mention of the place joined to the quotations of
its articles — the quotations naming it, the readings of its coordinates — is read over the
``WINDOW`` most recent articles naming it, and the page says so when a place has more.

"A quotation that names the place" is one whose words contain a mention of it ("We will
rebuild Mosul", she said): what a reader looking for what was said about a place expects,
rather than every quotation of every article that names it somewhere.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any

from newsgraph.model import PLACE_TYPES
from newsgraph.query import ARTICLE_KEY, add_cue_words

_TYPES = ",".join("?" * len(PLACE_TYPES))
PLACE = f"e.type IN ({_TYPES}) AND e.name = ?"  # the entities_type_name index
WINDOW = 2000  # most recent articles naming a place read for its quotations and readings
# the place's entities in the window, newest first (rowid order of the index: no row is read)
_RECENT = f"SELECT e.id AS id, e.article_id AS article_id FROM entities e WHERE {PLACE} ORDER BY e.id DESC LIMIT ?"


def _select(conn: sqlite3.Connection, sql: str, name: str, *more: Any) -> list[dict[str, Any]]:
    """Rows of ``sql`` whose ``PLACE`` condition is the place ``name`` (then ``more`` arguments)."""
    return [dict(r) for r in conn.execute(sql, (*PLACE_TYPES, name, *more))]  # the store's rows are sqlite3.Row


def _count(conn: sqlite3.Connection, sql: str, name: str, *more: Any) -> int:
    return int(conn.execute(sql, (*PLACE_TYPES, name, *more)).fetchone()[0])


def find_place(conn: sqlite3.Connection, name: str) -> str | None:
    """The stored name of the place ``name`` means: itself, else the same name in another case."""
    row = conn.execute(f"SELECT e.name FROM entities e WHERE {PLACE} LIMIT 1", (*PLACE_TYPES, name)).fetchone()
    if row is None:
        row = conn.execute(f"SELECT e.name FROM entities e WHERE lower(e.name) = lower(?) AND e.type IN ({_TYPES})"
                           " GROUP BY e.name ORDER BY count(*) DESC LIMIT 1", (name, *PLACE_TYPES)).fetchone()
    return str(row[0]) if row else None


def place_profile(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    """The place's coordinates, country and kind (the most common reading in the window;
    ``points`` lists every reading when articles put one name in several places), its other
    written forms, its counts, and ``window``: whether its quotations are counted in all its articles."""
    points = _select(conn, f"SELECT e.lat AS lat, e.lon AS lon, e.country AS country, e.place_kind AS kind,"
                           f" count(*) AS articles FROM entities e WHERE e.id IN (SELECT id FROM ({_RECENT}))"
                           f" GROUP BY e.lat, e.lon, e.country, e.place_kind ORDER BY e.lat IS NULL, articles DESC",
                     name, WINDOW)
    if not points:
        return None
    aliases: Counter[str] = Counter()
    for row in _select(conn, f"SELECT e.aliases FROM entities e WHERE {PLACE} AND e.aliases != '[]'"
                             f" ORDER BY e.id DESC LIMIT ?", name, WINDOW):
        aliases.update(a for a in json.loads(row["aliases"]) if a != name)
    first, articles = points[0], count_articles(conn, name)
    return {"name": name, "lat": first["lat"], "lon": first["lon"], "country": first["country"],
            "kind": first["kind"], "points": points, "aliases": [a for a, _ in aliases.most_common(20)],
            "mentions": count_mentions(conn, name), "articles": articles, "quotes": count_quotes(conn, name),
            "window": articles > WINDOW}


def articles(conn: sqlite3.Connection, name: str, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """The articles naming the place, most recently added first, with how often each names it."""
    rows = _select(conn, f"SELECT x.id AS entity_id, a.id AS id, {ARTICLE_KEY} AS key, a.document, a.title,"
                         f" a.published, a.outlet, (SELECT count(*) FROM mentions m WHERE m.entity_id = x.id) AS mentions"
                         f" FROM ({_RECENT} OFFSET ?) x JOIN articles a ON a.id = x.article_id ORDER BY x.id DESC",
                   name, limit, offset)
    for r in rows:
        del r["entity_id"]
    return rows


def count_mentions(conn: sqlite3.Connection, name: str) -> int:
    return _count(conn, f"SELECT count(*) FROM entities e JOIN mentions m ON m.entity_id = e.id WHERE {PLACE}", name)


def count_articles(conn: sqlite3.Connection, name: str) -> int:
    """Articles naming the place: its entities (one per article; the covering index only)."""
    return _count(conn, f"SELECT count(*) FROM entities e WHERE {PLACE}", name)


# what was said (speech) by a speaker found, as the search lists by default, of the window's articles
# with a mention of the place inside its words
_IN_QUOTE = (f"SELECT DISTINCT q.id FROM ({_RECENT}) w JOIN mentions m ON m.entity_id = w.id"
             f" JOIN quotes q ON q.article_id = m.article_id AND m.start >= q.start AND m.\"end\" <= q.\"end\""
             " WHERE q.act = 'speech' AND q.speaker IS NOT NULL")


def quotes(conn: sqlite3.Connection, name: str, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Quotations whose words name the place, in the ``WINDOW`` most recent articles naming it,
    most recently added article first (the rows ``query.quotes`` gives)."""
    rows = _select(conn, f"SELECT q.*, {ARTICLE_KEY} AS article_key, a.document, a.title, a.published FROM quotes q"
                         f" JOIN articles a ON a.id = q.article_id WHERE q.id IN ({_IN_QUOTE})"
                         f" ORDER BY q.article_id DESC, q.start LIMIT ? OFFSET ?", name, WINDOW, limit, offset)
    for r in rows:
        r["spans"] = json.loads(r["spans"])
    add_cue_words(conn, rows)
    return rows


def count_quotes(conn: sqlite3.Connection, name: str) -> int:
    """How many quotations ``quotes`` pages through."""
    return _count(conn, f"SELECT count(*) FROM ({_IN_QUOTE})", name, WINDOW)
