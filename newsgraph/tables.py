"""Sorting and paging of small whole-store tables (people, places) held in memory.

Lists whose rows are aggregates over the whole store (a person's counts, a place's mentions) are
computed once per state of the store and then sorted and sliced in Python: a sort by any column
costs the same as the default order, and no page re-runs the aggregate query.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_cache: dict[tuple[str, str], tuple[tuple, Any]] = {}
_lock = threading.Lock()


def store_state(conn: sqlite3.Connection) -> tuple[str, tuple] | None:
    """The store file and its state (times and sizes of the file and its WAL), which any write
    changes; None for a store in memory (nothing is cached for it)."""
    row = conn.execute("PRAGMA database_list").fetchone()
    path = row[2] if row else ""
    if not path:
        return None
    state: list[tuple[int, int] | None] = []
    for p in (Path(path), Path(path + "-wal")):
        try:
            st = p.stat()
            state.append((st.st_mtime_ns, st.st_size))
        except OSError:
            state.append(None)
    return path, tuple(state)


def per_store(conn: sqlite3.Connection, build: Callable[[sqlite3.Connection], T]) -> T:
    """``build(conn)``, computed once per state of the store file (any process's write renews it)."""
    version = store_state(conn)
    key = (version[0] if version else "", f"{build.__module__}.{build.__qualname__}")
    if version is not None:
        with _lock:
            hit = _cache.get(key)
            if hit and hit[0] == version[1]:
                return hit[1]
    value = build(conn)
    if version is not None:
        with _lock:
            _cache[key] = (version[1], value)
    return value


class Table:
    """Rows of a whole-store aggregate, with each row's searchable names folded once, and each
    order asked for kept: a page of it is a filter, a cached sort and a slice."""

    def __init__(self, rows: list[dict[str, Any]], sorts: tuple[str, ...], names: str = "name") -> None:
        self.rows = rows
        self.sorts = sorts
        self._folded = [" \x1f ".join(r[names] if isinstance(r[names], list) else [r[names]]).casefold()
                        for r in rows]
        self._orders: dict[tuple[str, bool], list[int]] = {}

    def _order(self, sort: str, desc: bool) -> list[int]:
        if sort not in self.sorts:
            raise ValueError(f"unknown sort {sort!r} (choose from {', '.join(self.sorts)})")
        if (sort, desc) not in self._orders:
            order = sorted(range(len(self.rows)), key=lambda i: self.rows[i]["name"].casefold())
            if sort == "name":
                order = order[::-1] if desc else order
            else:  # stable: ties stay by name
                order.sort(key=lambda i: self.rows[i][sort] or 0, reverse=desc)
            self._orders[(sort, desc)] = order
        return self._orders[(sort, desc)]

    def page(self, *, name: str | None, sort: str, desc: bool, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        """(rows of one page, total) of the rows any of whose names contains ``name`` (any case);
        a negative ``limit`` is every row, as SQLite's LIMIT -1."""
        order = self._order(sort, desc)
        if name:
            needle = name.casefold()
            order = [i for i in order if needle in self._folded[i]]
        chosen = order[offset:] if limit < 0 else order[offset:offset + limit]
        return [self.rows[i] for i in chosen], len(order)
