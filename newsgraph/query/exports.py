"""Selections and whole tables, streamed for ``newsgraph export`` (issue 9)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from newsgraph.model import (
    Article,
)
from newsgraph.query.common import contains
from newsgraph.query.stored_articles import find_article_id, load_article

EXPORT_TABLES = ("articles", "quotes", "entities", "mentions", "events", "times")

_EXPORT_SQL = {
    "articles": "SELECT a.id, a.hash, a.document, a.title, a.published, a.outlet, a.url, a.source,"
                " a.ingested_at, length(a.text) AS length, a.text FROM articles a"
                " WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id",
    "quotes": "SELECT q.id, q.article_id, a.document, q.start, q.\"end\", q.spans, q.content, q.kind, q.speaker,"
              " q.speaker_type, q.affiliation, q.act, q.parent_id,"
              " (SELECT gm.group_id FROM quote_group_members gm WHERE gm.quote_id = q.id) AS quote_group_id,"
              " q.speaker_entity_id, e.global_id AS speaker_global_id, q.speaker_start, q.speaker_end,"
              " substr(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start) AS speaker_text,"
              " q.descriptor, q.cue_start, q.cue_end,"
              " substr(a.text, q.cue_start + 1, q.cue_end - q.cue_start) AS cue_text, q.cue_lemma, q.confidence"
              " FROM quotes q JOIN articles a ON a.id = q.article_id"
              " LEFT JOIN entities e ON e.id = q.speaker_entity_id"
              " WHERE q.article_id IN (SELECT value FROM json_each(?)) {speaker} ORDER BY q.article_id, q.start, q.id",
    "entities": "SELECT e.id, e.article_id, e.global_id, g.name AS global_name, e.name, e.type, e.aliases, e.roles,"
                " e.lat, e.lon, e.country, e.place_kind, e.gender,"
                " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions"
                " FROM entities e LEFT JOIN global_entities g ON g.id = e.global_id"
                " WHERE e.article_id IN (SELECT value FROM json_each(?)) ORDER BY e.article_id, e.id",
    "mentions": "SELECT m.entity_id, m.article_id, e.name, e.type, m.start, m.\"end\","
                " substr(a.text, m.start + 1, m.\"end\" - m.start) AS text"
                " FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id"
                " WHERE m.article_id IN (SELECT value FROM json_each(?)) ORDER BY m.article_id, m.start, m.entity_id",
    "events": "SELECT v.id, v.article_id, v.date, v.text, v.start, v.\"end\", v.participants, v.places,"
              " v.time_start, v.time_end, v.kind FROM events v WHERE v.article_id IN (SELECT value FROM json_each(?)) ORDER BY v.article_id, v.start",
    "times": "SELECT t.article_id, t.start, t.\"end\", t.text, t.value, t.how"
             " FROM times t WHERE t.article_id IN (SELECT value FROM json_each(?)) ORDER BY t.article_id, t.start",
}
_JSON_COLUMNS = {"spans", "aliases", "roles", "participants", "places"}


def export_article_ids(
    conn: sqlite3.Connection,
    *,
    articles: list[str] | None = None,
    speaker: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[int]:
    """Ids of the articles an export covers, oldest first.

    ``articles`` are references as `find_article_id` takes them (an unknown one raises
    LookupError naming it); ``speaker`` keeps articles with a quotation by a matching
    speaker; dates compare with ``published`` at the precision given ("2016" .. "2016-09-12").
    """
    where, args = [], []
    if articles:
        ids = []
        for ref in articles:
            aid = find_article_id(conn, ref)
            if aid is None:
                raise LookupError(ref)
            ids.append(aid)
        where.append("a.id IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(ids))
    if speaker:
        where.append("EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id AND q.speaker LIKE ? ESCAPE '\\')")
        args.append(contains(speaker))
    if date_from:
        where.append("substr(a.published, 1, length(?)) >= ?")
        args += [date_from, date_from]
    if date_to:
        where.append("substr(a.published, 1, length(?)) <= ?")
        args += [date_to, date_to]
    sql = "SELECT a.id FROM articles a" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.id"
    return [int(r[0]) for r in conn.execute(sql, args)]


def export_rows(
    conn: sqlite3.Connection, table: str, article_ids: list[int], *, speaker: str | None = None
) -> Iterator[dict[str, Any]]:
    """Rows of one of EXPORT_TABLES for these articles (JSON columns decoded to lists).

    ``speaker`` narrows the quotes table to quotations by a matching speaker (as `quotes`).
    """
    sql = _EXPORT_SQL[table]
    args: list[Any] = [json.dumps(article_ids)]
    if table == "quotes":
        sql = sql.format(speaker="AND q.speaker LIKE ? ESCAPE '\\'" if speaker else "")
        if speaker:
            args.append(contains(speaker))
    for row in conn.execute(sql, args):
        out = dict(row)
        for key in _JSON_COLUMNS & out.keys():
            out[key] = json.loads(out[key])
        yield out


def export_articles(
    conn: sqlite3.Connection, article_ids: list[int], *, speaker: str | None = None
) -> Iterator[tuple[int, Article]]:
    """(id, full Article) per article; ``speaker`` keeps only quotations by a matching speaker."""
    needle = (speaker or "").casefold()
    for aid in article_ids:
        art = load_article(conn, aid)
        if art is None:
            continue
        if speaker:
            art.quotes = [q for q in art.quotes if q.speaker.name and needle in q.speaker.name.casefold()]
        yield aid, art
