"""Places with their counts, from the totals the store keeps."""

from __future__ import annotations

import sqlite3
from typing import Any

from newsgraph.query.common import dict_rows
from newsgraph.tables import Table, per_store


def place_counts(conn: sqlite3.Connection, *, limit: int = 50, name: str | None = None, sort: str = "mentions",
                 desc: bool = True, offset: int = 0) -> list[dict[str, Any]]:
    """Places by mentions (or ``sort``), with the articles naming them and coordinates when known
    (else null); ``name`` is part of the name, any case."""
    return _places(conn).page(name=name, sort=sort, desc=desc, limit=limit, offset=offset)[0]


def count_places(conn: sqlite3.Connection, *, name: str | None = None) -> int:
    return _places(conn).page(name=name, sort="mentions", desc=True, limit=0, offset=0)[1]


PLACE_SORTS = ("mentions", "articles", "name")


def _places(conn: sqlite3.Connection) -> Table:
    return per_store(conn, place_table)


def place_table(conn: sqlite3.Connection) -> Table:
    """Every place with its counts, from the totals the store keeps (lists sort and page it in memory)."""
    types: dict[str, list[str]] = {}
    for name, type_ in conn.execute("SELECT name, type FROM place_types ORDER BY name, type"):
        types.setdefault(name, []).append(type_)
    return Table([{**r, "types": ",".join(types.get(r["name"], []))} for r in dict_rows(conn.execute(
        "SELECT name, mentions, articles, lat, lon, country FROM place_totals"
        " ORDER BY mentions DESC, name"))], PLACE_SORTS)
