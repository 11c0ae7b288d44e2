"""CSV: one ``<table>.csv`` per table (UTF-8, header row; list columns as JSON text)."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from newsgraph.export.selection import Selection, output_dir
from newsgraph.export.tables import COLUMNS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object, kind: str) -> object:
    """A CSV cell; text a spreadsheet would run as a formula gets a leading apostrophe (OWASP)."""
    if value is None:
        return ""
    if kind in ("spans", "strs"):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


def write(conn: sqlite3.Connection, selection: Selection, out: Path | None, *, force: bool = False) -> str:
    assert out is not None
    folder = output_dir(out)
    counts = []
    for table, columns in COLUMNS.items():
        n = 0
        with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([name for name, _ in columns])
            for row in selection.rows(conn, table):
                writer.writerow([cell(row[name], kind) for name, kind in columns])
                n += 1
        counts.append(f"{n} {table}")
    return f"{', '.join(counts)} → {folder}/*.csv"
