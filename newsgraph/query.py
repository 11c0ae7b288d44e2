"""The read API over the store, shared by the CLI, the web app and exports.

Nothing else runs SQL against the store for reading; every function takes an open
connection and returns plain dicts.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from newsgraph.model import Article, Entity, Event, Paragraph, Quote, Speaker, TimeExpression


def _rows(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    return [dict(r) for r in cur.fetchall()]


def fts_query(words: str) -> str:
    """User words to a safe FTS5 query: each word a quoted term (prefix match on the last)."""
    terms = re.findall(r"\w+", words)
    if not terms:
        return '""'
    quoted = [f'"{t}"' for t in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    one = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "people": one("SELECT count(DISTINCT coalesce(global_id, name)) FROM entities WHERE type='PERSON'"),
        "places": one("SELECT count(DISTINCT name) FROM entities WHERE type IN ('GPE','LOC')"),
        "failures": one("SELECT count(*) FROM failures"),
    }


def quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    search: str | None = None,
    article_id: int | None = None,
    kind: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotations, newest article first; ``search`` is full-text (FTS5) with highlights."""
    where, args = [], []
    select = "q.*, a.document, a.title, a.published"
    frm = "quotes q JOIN articles a ON a.id = q.article_id"
    if search:
        frm += " JOIN quotes_fts f ON f.rowid = q.id"
        where.append("quotes_fts MATCH ?")
        args.append(fts_query(search))
        select += ", highlight(quotes_fts, 0, '[[', ']]') AS highlighted"
    if speaker:
        where.append("q.speaker LIKE ?")
        args.append(f"%{speaker}%")
    if article_id is not None:
        where.append("q.article_id = ?")
        args.append(article_id)
    if kind:
        where.append("q.kind = ?")
        args.append(kind)
    if date_from:
        where.append("a.published >= ?")
        args.append(date_from)
    if date_to:
        where.append("a.published <= ?")
        args.append(date_to)
    sql = f"SELECT {select} FROM {frm}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY a.published DESC, q.article_id, q.start LIMIT ? OFFSET ?"
    return _rows(conn.execute(sql, [*args, limit, offset]))


def people(conn: sqlite3.Connection, *, limit: int = 100, name: str | None = None) -> list[dict[str, Any]]:
    """People with how often they are mentioned, quoted, and in how many articles."""
    args: list[Any] = []
    cond = ""
    if name:
        cond = "AND e.name LIKE ?"
        args.append(f"%{name}%")
    sql = f"""
        SELECT e.name AS name, count(DISTINCT e.article_id) AS articles,
               (SELECT count(*) FROM mentions m JOIN entities e2 ON e2.id = m.entity_id
                 WHERE e2.name = e.name AND e2.type = 'PERSON') AS mentions,
               (SELECT count(*) FROM quotes q WHERE q.speaker = e.name) AS quotes
        FROM entities e WHERE e.type = 'PERSON' {cond}
        GROUP BY e.name ORDER BY quotes DESC, mentions DESC, name LIMIT ?"""
    return _rows(conn.execute(sql, [*args, limit]))


def find_article_id(conn: sqlite3.Connection, ref: str) -> int | None:
    """An article by id, document name, hash prefix or source path."""
    if ref.isdigit():
        row = conn.execute("SELECT id FROM articles WHERE id = ?", (int(ref),)).fetchone()
        if row:
            return int(row[0])
    for sql, arg in (
        ("SELECT id FROM articles WHERE document = ? ORDER BY id LIMIT 1", ref),
        ("SELECT article_id FROM sources WHERE source = ? LIMIT 1", ref),
        ("SELECT id FROM articles WHERE hash LIKE ? ORDER BY id LIMIT 1", ref + "%"),
    ):
        if len(ref) < 6 and "hash" in sql:
            continue
        row = conn.execute(sql, (arg,)).fetchone()
        if row:
            return int(row[0])
    return None


def articles(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    return _rows(conn.execute(
        "SELECT a.id, a.document, a.title, a.published, a.outlet, a.ingested_at,"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes"
        " FROM articles a ORDER BY a.id DESC LIMIT ? OFFSET ?", (limit, offset)))


def load_article(conn: sqlite3.Connection, article_id: int) -> Article | None:
    """Rebuild the full Article record from the store."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    art = Article(text=row["text"], document=row["document"], title=row["title"], published=row["published"],
                  source=row["source"], outlet=row["outlet"], url=row["url"])
    art.paragraphs = [Paragraph(r["start"], r["end"], r["kind"]) for r in conn.execute(
        'SELECT start, "end", kind FROM paragraphs WHERE article_id = ? ORDER BY start', (article_id,))]
    art.boilerplate = [(r[0], r[1]) for r in conn.execute(
        'SELECT start, "end" FROM boilerplate WHERE article_id = ? ORDER BY start', (article_id,))]
    for e in conn.execute("SELECT * FROM entities WHERE article_id = ? ORDER BY id", (article_id,)).fetchall():
        mentions = [(m[0], m[1]) for m in conn.execute(
            'SELECT start, "end" FROM mentions WHERE entity_id = ? ORDER BY start', (e["id"],))]
        geo = {"lat": e["lat"], "lon": e["lon"], "country": e["country"]} if e["lat"] is not None else None
        art.entities.append(Entity(e["name"], e["type"], mentions, json.loads(e["aliases"]),
                                   json.loads(e["roles"]), geo))
    for q in conn.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY start", (article_id,)).fetchall():
        mention = (q["speaker_start"], q["speaker_end"]) if q["speaker_start"] is not None else None
        cue = (q["cue_start"], q["cue_end"]) if q["cue_start"] is not None else None
        art.quotes.append(Quote([tuple(s) for s in json.loads(q["spans"])], q["kind"],  # type: ignore[misc]
                                Speaker(q["speaker"], mention, q["descriptor"]), cue, q["cue_lemma"],
                                q["confidence"]))
    art.times = [TimeExpression((r["start"], r["end"]), r["text"], r["value"], r["how"]) for r in conn.execute(
        "SELECT * FROM times WHERE article_id = ? ORDER BY start", (article_id,))]
    art.timeline = [Event(r["date"], r["text"], (r["start"], r["end"]), json.loads(r["participants"]),
                          json.loads(r["places"])) for r in conn.execute(
        "SELECT * FROM events WHERE article_id = ? ORDER BY date, start", (article_id,))]
    return art


def failures(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(conn.execute("SELECT * FROM failures ORDER BY at, source"))
