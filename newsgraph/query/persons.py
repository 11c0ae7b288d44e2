"""People across articles (issue 4): identities, profiles, co-mentions, the latest articles naming someone."""

from __future__ import annotations

import heapq
import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from newsgraph.identity import Identity, built_identities, identities, identities_of, lookup
from newsgraph.model import (
    PLACE_TYPES,
)
from newsgraph.query.common import contains, dict_rows, placeholders
from newsgraph.query.quotations import quotes
from newsgraph.tables import Table, per_store

PEOPLE_SORTS = ("quotes", "mentions", "articles", "name")


def people(conn: sqlite3.Connection, *, name: str | None = None, sort: str = "quotes", desc: bool = True,
           limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """People (one row per identity, merged names included) with their quotations, mentions and
    articles: the counts every page shows. ``name``: part of any of their names, any case."""
    return _people_source(conn, name, sort, desc, limit, offset).page(name=name, sort=sort, desc=desc, limit=limit,
                                                                      offset=offset)[0]


def count_people(conn: sqlite3.Connection, *, name: str | None = None) -> int:
    if name is None and built_identities(conn) is None:
        return int(conn.execute("SELECT count(*) FROM person_totals WHERE entities > 0").fetchone()[0])
    return per_store(conn, people_table).page(name=name, sort="quotes", desc=True, limit=0, offset=0)[1]


def _people_source(conn: sqlite3.Connection, name: str | None, sort: str, desc: bool, limit: int, offset: int) -> Table:
    """Every person's row (``people_table``), or, when this process has not built the identities (a CLI
    command) and the page is the top of a count, only the people up to the page's last row and those
    tied with it (the whole table's order begins with theirs), read from the totals by that count."""
    if name is not None or sort not in ("quotes", "mentions", "articles") or limit < 0 or built_identities(conn):
        return per_store(conn, people_table)
    edge = conn.execute(f"SELECT {sort} FROM person_totals WHERE entities > 0 ORDER BY {sort} {'DESC' if desc else ''}"
                        " LIMIT 1 OFFSET ?", (offset + limit - 1,)).fetchone() if offset + limit > 0 else None
    cond = f" AND {sort} {'>=' if desc else '<='} ?" if edge else ""
    top = identities_of(conn, f"SELECT key FROM person_totals WHERE entities > 0{cond}", [edge[0]] if edge else [])
    return Table([p.row() for p in top], PEOPLE_SORTS, names="names")


def people_table(conn: sqlite3.Connection) -> Table:
    """Every person (not other speakers) as a row, for lists that sort and page in memory."""
    return Table([p.row() for p in identities(conn).all if p.kind == "person"], PEOPLE_SORTS, names="names")


def person_names(conn: sqlite3.Connection, name: str) -> list[str]:
    """The names one person goes by in the store (newsgraph/identity.py): the display name first,
    then the names merged with it; ``[name]`` when no one is known by it."""
    who = lookup(conn, name)
    if who is None:
        return [name]
    return [who.name] + sorted(set(who.names) - {who.name})


def find_identity(conn: sqlite3.Connection, name: str) -> Identity | None:
    """The person (or other speaker) ``name`` means, any of their names, any case (identity.Identities.find)."""
    return lookup(conn, name)


def suggest_people(conn: sqlite3.Connection, name: str, n: int = 5) -> list[str]:
    """Names near ``name`` for a "did you mean …" when it names no one."""
    return identities(conn).suggest(name, n)


def person_profile(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    """A person's names, aliases, roles and counts (the same as in every list); None when no one
    is known by ``name`` (in any case). Aliases and roles: of the ``LATEST_ARTICLES`` latest-ingested
    articles naming them (their entities, through the index by global id), the most frequent first."""
    who = lookup(conn, name)
    if who is None:
        return None
    cond, args = who.entity_condition("e")
    aliases: dict[str, int] = {}
    roles: dict[str, int] = {}
    for e in conn.execute(f"SELECT aliases, roles, count(*) AS n FROM (SELECT aliases, roles FROM entities e WHERE {cond}"
                          " ORDER BY e.id DESC LIMIT ?) GROUP BY 1, 2", [*args, LATEST_ARTICLES]):
        for a in json.loads(e["aliases"]):  # the same lists recur article after article: each read once
            aliases[a] = aliases.get(a, 0) + e["n"]
        for r in json.loads(e["roles"]):
            roles[r] = roles.get(r, 0) + e["n"]
    by_count = lambda d: sorted(d, key=lambda k: (-d[k], k))  # noqa: E731
    names = person_names(conn, who.name)
    return {**who.row(), "names": names, "aliases": [a for a in by_count(aliases) if a not in names],
            "roles": by_count(roles)}


def person_quotes(conn: sqlite3.Connection, name: str, *, act: str | None = None, limit: int = 200,
                  offset: int = 0) -> list[dict[str, Any]]:
    """The person's quotations (any of their names; of one ``act``, or every one), newest article first."""
    return quotes(conn, person=name, act=act, limit=limit, offset=offset)


def co_mentioned(conn: sqlite3.Connection, name: str, *, limit: int = 30, since: int | None = None) -> list[dict[str, Any]]:
    """People named in the same articles as the person, with how many articles they share;
    ``since``: in the articles from that id on (``latest_articles_since``)."""
    return _co_occurring(conn, name, ("PERSON",), limit, since)


LATEST_ARTICLES = 200
"""A person's page, and a person's or place's timeline page, read the ``LATEST_ARTICLES`` latest-ingested
articles naming them (and say so) for their co-mentions and timeline: what a page shows of someone
named in thousands of articles costs what it does for someone named in a few hundred."""


def latest_articles_since(conn: sqlite3.Connection, *, person: str | None = None, place: str | None = None,
                          n: int | None = None) -> int | None:
    """The id of the ``n``-th latest-ingested article (``LATEST_ARTICLES``) naming the person (any of
    their names) or the place; None when fewer name them (then every article counts). Read backwards
    through the index of entities by global id or name, whose rows follow ingest order. Another
    speaker (an organisation, a group): the articles quoting it or with an entity of one of its
    names (of any type, as its timeline reads them)."""
    n = LATEST_ARTICLES if n is None else n
    if person:
        who = lookup(conn, person)
        if who is None:
            return None
        if who.kind != "person":
            return _nth_latest(n, conn.execute("SELECT article_id FROM speaker_articles WHERE key = ?"
                                               " ORDER BY article_id DESC", (who.key,)),
                               *(conn.execute("SELECT article_id FROM entities WHERE name = ? ORDER BY id DESC",
                                              (name,)) for name in person_names(conn, who.name)))
        cond, args = who.entity_condition("e")
    elif place:
        cond, args = f"e.name = ? AND +e.type IN ({placeholders(list(PLACE_TYPES))})", [place, *PLACE_TYPES]
    else:
        return None
    row = conn.execute(f"SELECT e.article_id FROM entities e WHERE {cond} ORDER BY e.id DESC LIMIT 1 OFFSET ?",
                       [*args, n - 1]).fetchone()
    return int(row[0]) if row else None


def _nth_latest(n: int, *newest_first: Iterable[Any]) -> int | None:
    """The ``n``-th latest of the articles the cursors give, each newest first (the cursors of
    indexes in ingest order, read only as far as needed); None when they give fewer."""
    seen: set[int] = set()
    for article_id in heapq.merge(*((r[0] for r in rows) for rows in newest_first), reverse=True):
        seen.add(article_id)
        if len(seen) == n:
            return int(article_id)
    return None


def first_rows_from(conn: sqlite3.Connection, article_id: int) -> tuple[int, int]:
    """The first entity and quotation ids of the articles from ``article_id`` on (rows are stored
    article after article, so their ids follow the articles'); past the end when there are none."""
    first = [conn.execute(f"SELECT id FROM {table} WHERE article_id >= ? ORDER BY article_id, id LIMIT 1",
                          (article_id,)).fetchone() for table in ("entities", "quotes")]
    return (int(first[0][0]) if first[0] else 1 << 62), (int(first[1][0]) if first[1] else 1 << 62)


def _co_occurring(conn: sqlite3.Connection, name: str, types: tuple[str, ...], limit: int,
                  since: int | None = None) -> list[dict[str, Any]]:
    """Entities of ``types`` in the articles naming the person (the person's own names left out),
    from article ``since`` on when given.

    CROSS JOIN and the unary ``+`` keep SQLite from driving the join by the (type, name) index,
    which made this a scan of every entity of that type on a large store."""
    who = lookup(conn, name)
    if who is None:
        return []
    names = person_names(conn, name)
    cond, args = who.entity_condition("p")
    if since is not None:
        cond, args = f"{cond} AND p.id >= ?", [*args, first_rows_from(conn, since)[0]]
    return dict_rows(conn.execute(
        f"SELECT o.name AS name, count(DISTINCT o.article_id) AS articles, max(o.country) AS country"
        f" FROM entities p CROSS JOIN entities o ON o.article_id = p.article_id"
        f" AND +o.type IN ({placeholders(list(types))}) AND o.name NOT IN ({placeholders(names)})"
        f" WHERE {cond}"
        f" GROUP BY o.name ORDER BY articles DESC, o.name LIMIT ?", [*types, *names, *args, limit]))


def top_speakers(conn: sqlite3.Connection, *, limit: int = 10) -> list[dict[str, Any]]:
    """Most-quoted speakers (people and others), counted as on their own pages."""
    return [{"name": p.name, "quotes": p.quotes, "articles": p.articles, "kind": p.kind}
            for p in sorted(identities(conn).all, key=lambda p: (-p.quotes, p.name))[:limit] if p.quotes]


def find_person(conn: sqlite3.Connection, text: str) -> str | None:
    """The stored person a user means by ``text``: an exact name, else the best-known person
    whose name or alias contains it (most articles first)."""
    if " " in text.strip():  # a full name as stored; a lone "Clinton" goes to the best-known Clinton
        row = conn.execute("SELECT name FROM entities WHERE type = 'PERSON' AND name = ? LIMIT 1",
                           (text,)).fetchone()
        if row:
            return str(row[0])
    like = contains(text)
    row = conn.execute(
        "SELECT e.name, count(DISTINCT o.article_id) AS n, count(DISTINCT e.id) AS k FROM entities e"
        " LEFT JOIN entities o ON o.global_id = e.global_id"
        " WHERE e.type = 'PERSON' AND (e.name LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\')"
        " GROUP BY e.name ORDER BY (instr(e.name, ' ') > 0) DESC, n DESC, k DESC,"
        " (SELECT count(*) FROM mentions m JOIN entities x ON x.id = m.entity_id"
        "  WHERE x.name = e.name AND x.type = 'PERSON') DESC, length(e.name), e.name LIMIT 1",
        (like, like)).fetchone()
    return str(row[0]) if row else None


def person_places(conn: sqlite3.Connection, name: str, *, limit: int = 20, since: int | None = None) -> list[dict[str, Any]]:
    """Places named in the articles that name the person, with how many articles they share
    (``since``: as ``co_mentioned``)."""
    return _co_occurring(conn, name, ("GPE", "LOC"), limit, since)


def merge_list(conn: sqlite3.Connection, *, name: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Global entities joining entities of several articles, with their names and merge rules."""
    from newsgraph.store.merge import merges

    return merges(conn, name=name, limit=limit)
