"""Timelines (issue 5): dated events filtered by person, place, article and overlapping dates."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any, TypedDict

from newsgraph.identity import lookup
from newsgraph.model import (
    PLACE_TYPES,
)
from newsgraph.query.common import ARTICLE_KEY, dict_rows, placeholders
from newsgraph.query.persons import first_rows_from, person_names


def _event_filter(conn: sqlite3.Connection, person: str | None, place: str | None, article_id: int | None,
                  date_from: str | None, date_to: str | None, since: int | None = None) -> tuple[str, list[Any]]:
    """WHERE clause for events: a person/place is in an event when it is a listed participant/place
    or one of its mentions lies inside the event's clause; ``since``: in the articles from that id on.

    A listed name is an entity of the event's article or (participants) the speaker of one of its
    quotations (analyse/dates/events.py), so only the events of the articles naming it are read:
    one set of event ids from indexes, not a look into every event's list."""
    where: list[str] = []
    args: list[Any] = []
    for who, types, column in ((person, ("PERSON",), "participants"), (place, PLACE_TYPES, "places")):
        if not who:
            continue
        identity = lookup(conn, who) if types == ("PERSON",) else None
        names = person_names(conn, who) if identity else [who]
        ph = placeholders(names)
        cond, cargs = identity.entity_condition("en") if identity else (f"en.name IN ({ph})", names)
        # From article ``since`` on: from the first entity and quotation of that article on, a range of
        # the rowids the name indexes hold (no row read to learn its article).
        first_entity, first_quote = first_rows_from(conn, since) if since is not None else (None, None)
        later = " AND id >= ?" if since is not None else ""
        speakers = f" UNION SELECT article_id FROM quotes WHERE speaker IN ({ph}){later}" \
            if column == "participants" else ""
        where.append(
            f"ev.id IN (SELECT x.id FROM entities en JOIN mentions m ON m.entity_id = en.id"
            f" JOIN events x ON x.article_id = m.article_id AND m.start >= x.start AND m.\"end\" <= x.\"end\""
            f" WHERE {cond} AND en.type IN ({placeholders(list(types))}){later.replace('id', 'en.id')}"
            f" UNION SELECT y.id FROM events y WHERE y.article_id IN (SELECT article_id FROM entities WHERE name IN"
            f" ({ph}){later}{speakers}) AND EXISTS (SELECT 1 FROM json_each(y.{column}) j WHERE j.value IN ({ph})))")
        after = [first_entity] if since is not None else []
        args += [*cargs, *types, *after, *names, *after, *(names + ([first_quote] if later else []) if speakers else []),
                 *names]
    if article_id is not None:
        where.append("ev.article_id = ?")
        args.append(article_id)
    if date_from or date_to:  # by interval: "2016" overlaps --from 2016-09, "199X" sorts as 1990
        from newsgraph.analyse.dates import values as timevalues

        _time_functions(conn)
        if date_from:
            where.append("ng_day_hi(ev.date) >= ?")
            args.append(timevalues.bounds(date_from)[0])
        if date_to:
            where.append("ng_day_lo(ev.date) <= ?")
            args.append(timevalues.bounds(date_to)[1])
    return (" WHERE " + " AND ".join(where)) if where else "", args


class EventFilter(TypedDict):
    """The filters ``timeline_events``, ``count_events`` and ``timeline_counts`` take, as keyword arguments."""

    person: str | None
    place: str | None
    article_id: int | None
    date_from: str | None
    date_to: str | None


def timeline_events(conn: sqlite3.Connection, *, person: str | None = None, place: str | None = None,
                    article_id: int | None = None, date_from: str | None = None, date_to: str | None = None,
                    limit: int = 500, offset: int = 0) -> list[dict[str, Any]]:
    """Dated events (undated last), filtered by a person or place taking part and by date."""
    cond, args = _event_filter(conn, person, place, article_id, date_from, date_to)
    return _event_rows(conn, cond, args, limit, offset)


def _event_rows(conn: sqlite3.Connection, cond: str, args: list[Any], limit: int, offset: int) -> list[dict[str, Any]]:
    rows = dict_rows(conn.execute(
        f"SELECT ev.id, ev.article_id, ev.date, ev.text, ev.start, ev.\"end\", ev.participants, ev.places,"
        f" ev.time_start, ev.time_end, ev.kind,"
        f" {ARTICLE_KEY} AS article_key, a.document, a.title, a.published FROM events ev"
        f" JOIN articles a ON a.id = ev.article_id{cond}"
        f" ORDER BY ev.date IS NULL, ev.date, ev.article_id, ev.start LIMIT ? OFFSET ?", [*args, limit, offset]))
    for r in rows:
        r["participants"] = json.loads(r["participants"])
        r["places"] = json.loads(r["places"])
    return rows


def count_events(conn: sqlite3.Connection, *, person: str | None = None, place: str | None = None,
                 article_id: int | None = None, date_from: str | None = None, date_to: str | None = None) -> int:
    """How many events ``timeline_events`` pages through with the same filters."""
    cond, args = _event_filter(conn, person, place, article_id, date_from, date_to)
    return int(conn.execute(f"SELECT count(*) FROM events ev{cond}", args).fetchone()[0])


def timeline_counts(conn: sqlite3.Connection, *, person: str | None = None, place: str | None = None,
                    article_id: int | None = None, date_from: str | None = None,
                    date_to: str | None = None) -> list[dict[str, Any]]:
    """Events per year (dates that start with a four-digit year), for a chart."""
    if not (person or place or article_id is not None or date_from or date_to):
        return dict_rows(conn.execute("SELECT year, events FROM event_years ORDER BY year"))  # the store's totals
    cond, args = _event_filter(conn, person, place, article_id, date_from, date_to)
    cond += (" AND" if cond else " WHERE") + " substr(ev.date, 1, 4) GLOB '[0-9][0-9][0-9][0-9]'"
    return dict_rows(conn.execute(
        f"SELECT substr(ev.date, 1, 4) AS year, count(*) AS events FROM events ev{cond}"
        f" GROUP BY year ORDER BY year", args))


def timeline_view(conn: sqlite3.Connection, *, limit: int = 500, offset: int = 0, since: int | None = None,
                  **filters: Any) -> tuple[list[dict[str, Any]], int, list[dict[str, Any]]]:
    """(``timeline_events``, ``count_events``, ``timeline_counts``) of the same filters (``EventFilter``),
    what a timeline page shows. A filtered set of events is found once (the three would each find
    it again), then counted, charted and paged here, in the order of ``timeline_events``. ``since``:
    a person's or place's events in the articles from that id on (``latest_articles_since``)."""
    if not any(v is not None and v != "" for v in filters.values()):  # the store's index and totals
        return (timeline_events(conn, limit=limit, offset=offset), count_events(conn),
                timeline_counts(conn))
    cond, args = _event_filter(conn, filters.get("person"), filters.get("place"), filters.get("article_id"),
                               filters.get("date_from"), filters.get("date_to"), since)
    found = conn.execute(f"SELECT ev.id, ev.date, ev.article_id, ev.start FROM events ev{cond}", args).fetchall()
    found.sort(key=lambda r: (r[1] is None, r[1] or "", r[2], r[3]))  # UTF-8 order is code point order
    years: dict[str, int] = {}
    for r in found:
        if r[1] is not None and re.match(r"[0-9]{4}", r[1]):
            years[r[1][:4]] = years.get(r[1][:4], 0) + 1
    page = [r[0] for r in found[offset:offset + limit]] if limit >= 0 else [r[0] for r in found[offset:]]
    rows = _event_rows(conn, " WHERE ev.id IN (SELECT value FROM json_each(?))", [json.dumps(page)], -1, 0)
    return rows, len(found), [{"year": y, "events": n} for y, n in sorted(years.items())]


def _time_functions(conn: sqlite3.Connection) -> None:
    """SQL functions over time values (first/last day they cover), so "2016" overlaps "2016-09"."""
    from newsgraph.analyse.dates import values as timevalues

    conn.create_function("ng_day_lo", 1, timevalues.day_lo, deterministic=True)
    conn.create_function("ng_day_hi", 1, timevalues.day_hi, deterministic=True)


def timeline(conn: sqlite3.Connection, *, person: str | None = None, place: str | None = None,
             article_id: int | None = None, date_from: str | None = None, date_to: str | None = None,
             quotes: bool = True, limit: int = 500, offset: int = 0) -> list[dict[str, Any]]:
    """Dated events in chronological order, kept when their interval overlaps [date_from, date_to].

    ``kind`` of each row: "quote" for a quotation's event, else "event"; ``quotes=False`` leaves
    quotations out.  Dates are any time value ("2016", "2016-09", "2016-09-11", "199X"): an event dated "2016"
    is inside ``--from 2016-09``; a decade sorts at its first year.  ``ValueError`` on a bad date.
    """

    _time_functions(conn)
    cond, args = _event_filter(conn, person, place, article_id, date_from, date_to)
    where = [cond.removeprefix(" WHERE ")] if cond else []
    where.append("ev.date IS NOT NULL")
    if not quotes:
        where.append("ev.kind != 'quote'")
    rows = dict_rows(conn.execute(
        "SELECT ev.id, ev.article_id, ev.date, ev.text, ev.start, ev.\"end\", ev.participants, ev.places,"
        " ev.time_start, ev.time_end, ev.kind,"
        f" {ARTICLE_KEY} AS article_key, a.document, a.title, a.published FROM events ev"
        " JOIN articles a ON a.id = ev.article_id"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY ng_day_lo(ev.date), ng_day_hi(ev.date), ev.article_id, ev.start LIMIT ? OFFSET ?",
        [*args, limit, offset]))
    for r in rows:
        r["participants"] = json.loads(r["participants"])
        r["places"] = json.loads(r["places"])
    return rows


def time_expressions(conn: sqlite3.Connection, *, article_id: int | None = None, how: str | None = None,
                     limit: int = 1000) -> list[dict[str, Any]]:
    """Time expressions as found (value NULL when unresolved), by article and position."""
    where: list[str] = []
    args: list[Any] = []
    if article_id is not None:
        where.append("t.article_id = ?")
        args.append(article_id)
    if how:
        where.append("t.how = ?")
        args.append(how)
    sql = ("SELECT t.article_id, t.start, t.\"end\", t.text, t.value, t.how, a.document FROM times t"
           " JOIN articles a ON a.id = t.article_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    return dict_rows(conn.execute(sql + " ORDER BY t.article_id, t.start LIMIT ?", [*args, limit]))
