"""Compare stores: what two runs wrote, minus the clock (used by tests and the benchmark)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def is_timestamp(column: str) -> bool:
    """``at``, ``ingested_at``, ``merged_at``...: when a row was written, not what it says."""
    return column == "at" or column.endswith("_at")


def store_contents(db: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (FTS shadow tables excepted, timestamps dropped), sorted."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%_fts%' ORDER BY name")]
        out: dict[str, list[tuple[Any, ...]]] = {}
        for name in names:
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")') if not is_timestamp(r[1])]
            select = ", ".join(f'"{c}"' for c in cols)
            out[name] = sorted(conn.execute(f'SELECT {select} FROM "{name}"').fetchall(), key=repr)
        return out
    finally:
        conn.close()


def differing_tables(a: str | Path, b: str | Path) -> list[str]:
    """Names of the tables whose contents differ between stores ``a`` and ``b`` (empty: identical)."""
    ca, cb = store_contents(a), store_contents(b)
    return sorted(k for k in ca.keys() | cb.keys() if ca.get(k) != cb.get(k))
