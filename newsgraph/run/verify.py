"""Compare stores, and a store with a Parquet dataset: what two runs wrote, minus the clock and
row ids (used by tests and the benchmarks)."""

from __future__ import annotations

import sqlite3
from collections import Counter
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


def comparable_rows(tables: dict[str, list[dict[str, Any]]], columns: dict[str, list[tuple[str, str]]]
                    ) -> dict[str, Counter[str]]:
    """Rows of every table in ``columns`` with their ids replaced by what they point at (article hash,
    entity name and type, parent quotation's start), so a store's export rows (integer ids) and a
    Parquet dataset's (string ids) compare; the other columns as ``columns`` lists them."""
    from newsgraph.run.parquet_dataset import ID_COLUMNS

    hashes = {a["id"]: a["hash"] for a in tables["articles"]}
    entities = {e["id"]: (hashes[e["article_id"]], e["name"], e["type"]) for e in tables["entities"]}
    starts = {q["id"]: q["start"] for q in tables["quotes"]}
    out: dict[str, Counter[str]] = {}
    for table, cols in columns.items():
        rows: Counter[str] = Counter()
        for row in tables[table]:
            pointed = (hashes.get(row.get("article_id", row.get("id"))),
                       entities.get(row.get("entity_id") or row.get("speaker_entity_id")),
                       starts.get(row.get("parent_id")))
            rows[repr((pointed, [row[name] for name, _ in cols if name not in ID_COLUMNS]))] += 1
        out[table] = rows
    return out


def differing_dataset_tables(dataset: str | Path, db: str | Path) -> list[str]:
    """Tables of the Parquet dataset (run/parquet_dataset.py) whose rows differ from the store's
    export rows of the same table (empty: the same content, ids aside)."""
    from newsgraph import query
    from newsgraph.run.parquet_dataset import DATASET_COLUMNS, open_table
    from newsgraph.store import connect

    conn = connect(db, readonly=True)
    try:
        ids = query.export_article_ids(conn)
        theirs = comparable_rows({t: list(query.export_rows(conn, t, ids)) for t in DATASET_COLUMNS},
                                 DATASET_COLUMNS)
    finally:
        conn.close()
    mine = comparable_rows({t: open_table(dataset, t).to_table().to_pylist() for t in DATASET_COLUMNS},
                           DATASET_COLUMNS)
    return [t for t in DATASET_COLUMNS if mine[t] != theirs[t]]
