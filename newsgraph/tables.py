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
    state = []
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
                return hit[1]  # type: ignore[no-any-return]
    value = build(conn)
    if version is not None:
        with _lock:
            _cache[key] = (version[1], value)
    return value


def select_rows(rows: list[dict[str, Any]], sort: str, desc: bool, sorts: tuple[str, ...],
                limit: int, offset: int) -> list[dict[str, Any]]:
    """``rows`` ordered by ``sort`` (one of ``sorts``; ties by name) and sliced to one page."""
    if sort not in sorts:
        raise ValueError(f"unknown sort {sort!r} (choose from {', '.join(sorts)})")
    if sort == "name":
        ordered = sorted(rows, key=lambda r: str(r["name"]).casefold(), reverse=desc)
    else:
        ordered = sorted(rows, key=lambda r: (-(r[sort] or 0) if desc else (r[sort] or 0), str(r["name"]).casefold()))
    return ordered[offset:offset + limit]
