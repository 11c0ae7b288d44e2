"""Articles: finding one by key, id, name or source; lists, facets, counts; one article whole."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from newsgraph.model import (
    KEY_LENGTH,
    Article,
    Entity,
    Event,
    Paragraph,
    Quote,
    Speaker,
    TimeExpression,
)
from newsgraph.query.common import ARTICLE_KEY, FACET_SIZE, and_where, dict_rows, published_between
from newsgraph.query.sampling import fts_count
from newsgraph.search import exact_condition, fts_condition, marked, parse, snippet


def find_article_by_key(conn: sqlite3.Connection, key: str) -> int | None:
    """An article by its stable key or any prefix of its hash (6+ hex digits), through the hash's
    index: every hash starting with ``key`` lies between ``key`` and ``key + "g"``."""
    if not re.fullmatch(r"[0-9a-f]{6,64}", key):
        return None
    row = conn.execute("SELECT id FROM articles WHERE hash >= ? AND hash < ? ORDER BY hash LIMIT 1",
                       (key, key + "g")).fetchone()
    return int(row[0]) if row else None


def key_of(conn: sqlite3.Connection, article_id: int) -> str | None:
    """The stable key of the article with store id ``article_id``."""
    row = conn.execute(f"SELECT {ARTICLE_KEY} FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
    return str(row[0]) if row else None


def find_article_id(conn: sqlite3.Connection, ref: str) -> int | None:
    """An article by stable key, id, document name, source path or hash prefix (6+ hex digits)."""
    if len(ref) == KEY_LENGTH and (found := find_article_by_key(conn, ref)) is not None:
        return found
    if ref.isascii() and ref.isdigit() and len(ref) <= 18:
        row = conn.execute("SELECT id FROM articles WHERE id = ?", (int(ref),)).fetchone()
        if row:
            return int(row[0])
    lookups = [
        ("SELECT id FROM articles WHERE document = ? ORDER BY id LIMIT 1", ref),
        ("SELECT article_id FROM sources WHERE source = ? LIMIT 1", ref),
    ]
    for sql, arg in lookups:
        row = conn.execute(sql, (arg,)).fetchone()
        if row:
            return int(row[0])
    return find_article_by_key(conn, ref)


def _article_filter(search: str | None = None, outlet: str | None = None, date_from: str | None = None,
                    date_to: str | None = None, sample: int | None = None) -> tuple[str, list[Any]]:
    """WHERE (with arguments) shared by ``articles`` and ``count_articles``; ``sample``: among the
    search's ``sample`` latest-ingested matches only."""
    where: list[str] = []
    args: list[Any] = []
    if search:
        sq = parse(search)
        if not sq:
            where.append("0")
        else:
            sql, a = fts_condition(sq, "a.id", "articles_fts", "articles_fts_exact", latest=sample)
            where.append(sql)
            args += a
    if outlet:
        where.append("a.outlet = ?")
        args.append(outlet)
    published_between(where, args, date_from, date_to)
    return (" WHERE " + " AND ".join(where)) if where else "", args


def articles(conn: sqlite3.Connection, *, search: str | None = None, outlet: str | None = None,
             date_from: str | None = None, date_to: str | None = None,
             limit: int = 50, offset: int = 0, after: int | None = None) -> list[dict[str, Any]]:
    """Articles, latest ingested first. ``search`` (the syntax of newsgraph/search.py) matches the
    title or text; each hit then has ``snippet``: the sentence with the first match, its ``start``
    in the text and ``highlights`` relative to the sentence. ``after``: the id of the last article
    of the page before, read from instead of skipping ``offset`` (keyset pagination)."""
    sq = parse(search) if search else None
    before = "" if after is None else f" AND rowid < {int(after)}"
    offset = offset if after is None else 0
    if sq and not (outlet or date_from or date_to or sq.exact_checks()) and limit >= 0:
        # A search alone: the page read from the index in its own (rowid = id) order, not every match.
        where, args = (" WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
                       f"{before} ORDER BY rowid DESC LIMIT ? OFFSET ?)"), [sq.fts(), limit, offset]
        offset = 0
    else:
        where, args = and_where(*_article_filter(search, outlet, date_from, date_to), before)
    rows = dict_rows(conn.execute(
        f"SELECT a.id, {ARTICLE_KEY} AS key, a.document, a.title, a.published, a.outlet, a.author, a.url, a.ingested_at,"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes"
        f" FROM articles a{where} ORDER BY a.id DESC LIMIT ? OFFSET ?", [*args, limit, offset]))
    if sq:
        for r in rows:
            text = conn.execute("SELECT text FROM articles WHERE id = ?", (r["id"],)).fetchone()[0]
            r["snippet"] = snippet(text, sq) or snippet(r["title"] or "", sq)
            if r["snippet"]:
                r["snippet"]["highlighted"] = marked(r["snippet"]["text"], r["snippet"]["highlights"])
    return rows


def article_facets(conn: sqlite3.Connection, sample: int | None = None, **filters: Any) -> dict[str, list[dict[str, Any]]]:
    """Counts of the articles ``articles`` pages through with the same filters, by ``outlet`` (the
    ``FACET_SIZE`` largest) and ``year`` of publication (in order): ``{facet: [{"value", "count"}]}``;
    ``sample``: of the search's latest-ingested matches only (``article_sample``)."""
    where, args = _article_filter(**filters, sample=sample)
    outlets: dict[Any, int] = {}
    years: dict[Any, int] = {}
    for outlet, year, n in conn.execute(
            f"SELECT a.outlet, substr(a.published, 1, 4), count(*) FROM articles a{where} GROUP BY 1, 2", args):
        outlets[outlet] = outlets.get(outlet, 0) + n
        years[year] = years.get(year, 0) + n
    return {"outlet": [{"value": v, "count": n} for v, n in
                       sorted(outlets.items(), key=lambda kv: (-kv[1], str(kv[0])))[:FACET_SIZE]],
            "year": [{"value": v, "count": n} for v, n in
                     sorted(years.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))]}


def count_articles_about(conn: sqlite3.Connection, **filters: Any) -> tuple[int, bool]:
    """(``count_articles``, True), or for a search alone matching more than ``SAMPLE`` articles
    (an estimate, False) that costs what ``SAMPLE`` matches do (``sampling.fts_count``)."""
    sq = parse(filters.get("search"))
    if sq and not sq.exact_checks() and not any(v for k, v in filters.items() if k != "search"):
        return fts_count(conn, sq, "articles_fts")
    return count_articles(conn, **filters), True


def count_articles(conn: sqlite3.Connection, **filters: Any) -> int:
    """How many articles ``articles`` pages through with the same filters. A search alone is counted
    in its index (one row per article), without reading the articles."""
    sq = parse(filters.get("search"))
    if sq and not any(v for k, v in filters.items() if k != "search"):
        exact, exact_args = exact_condition(sq, "rowid", "articles_fts", "articles_fts_exact")
        return int(conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
                                + "".join(f" AND {c}" for c in exact), [sq.fts(), *exact_args]).fetchone()[0])
    where, args = _article_filter(**filters)
    return int(conn.execute(f"SELECT count(*) FROM articles a{where}", args).fetchone()[0])


def load_article(conn: sqlite3.Connection, article_id: int) -> Article | None:
    """Rebuild the full Article record from the store."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    art = Article(text=row["text"], document=row["document"], title=row["title"], published=row["published"],
                  source=row["source"], outlet=row["outlet"], url=row["url"],
                  author=row["author"] if "author" in row.keys() else None)
    art.paragraphs = [Paragraph(r["start"], r["end"], r["kind"]) for r in conn.execute(
        'SELECT start, "end", kind FROM paragraphs WHERE article_id = ? ORDER BY start', (article_id,))]
    art.boilerplate = [(r[0], r[1]) for r in conn.execute(
        'SELECT start, "end" FROM boilerplate WHERE article_id = ? ORDER BY start', (article_id,))]
    for e in conn.execute("SELECT * FROM entities WHERE article_id = ? ORDER BY id", (article_id,)).fetchall():
        mentions = [(m[0], m[1]) for m in conn.execute(
            'SELECT start, "end" FROM mentions WHERE entity_id = ? ORDER BY start', (e["id"],))]
        located = e["lat"] is not None or e["country"] is not None  # a country alone (e.g. "US") is kept too
        geo: dict[str, Any] | None = {"lat": e["lat"], "lon": e["lon"], "country": e["country"]} if located else None
        if geo is not None and e["place_kind"] is not None:
            geo["kind"] = e["place_kind"]
        art.entities.append(Entity(e["name"], e["type"], mentions, json.loads(e["aliases"]),
                                   json.loads(e["roles"]), geo, e["gender"], "text" if e["gender"] else None))
    rows = conn.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY start, id", (article_id,)).fetchall()
    index_of = {q["id"]: k for k, q in enumerate(rows)}
    for q in rows:
        mention = (q["speaker_start"], q["speaker_end"]) if q["speaker_start"] is not None else None
        cue = (q["cue_start"], q["cue_end"]) if q["cue_start"] is not None else None
        art.quotes.append(Quote([tuple(s) for s in json.loads(q["spans"])], q["kind"],
                                Speaker(q["speaker"], mention, q["descriptor"], q["speaker_type"], q["affiliation"]),
                                cue, q["cue_lemma"], q["confidence"],
                                q["act"] or ("speech" if q["kind"] != "indirect" else "other"),
                                index_of.get(q["parent_id"])))
    art.times = [TimeExpression((r["start"], r["end"]), r["text"], r["value"], r["how"]) for r in conn.execute(
        "SELECT * FROM times WHERE article_id = ? ORDER BY start", (article_id,))]
    art.timeline = [Event(r["date"], r["text"], (r["start"], r["end"]), json.loads(r["participants"]),
                          json.loads(r["places"]),
                          (r["time_start"], r["time_end"]) if r["time_start"] is not None else None, r["kind"])
                    for r in conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY id", (article_id,))]
    return art


def failures(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return dict_rows(conn.execute("SELECT * FROM failures ORDER BY at, source"))
