"""JSONL: one object per article, the schema of `newsgraph extract --format jsonl` (plus the text)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from newsgraph.export.selection import Selection, open_output, where


def write(conn: sqlite3.Connection, selection: Selection, out: Path | None, *, force: bool = False) -> str:
    n = 0
    with open_output(out) as fh:
        for _, art in selection.articles(conn):
            fh.write(json.dumps(art.to_dict(with_text=True), ensure_ascii=False) + "\n")
            n += 1
    return f"{n} articles → {where(out)}"
