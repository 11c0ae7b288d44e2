"""Datasette metadata for a store: the packaged descriptions, keyed by this database's name.

Datasette names a database after its file (``news.db`` → ``news``) and looks metadata up by
that name, so the packaged ``store/datasette.json`` (written for ``newsgraph.db``) is re-keyed.
"""

from __future__ import annotations

import json
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.export.selection import Selection, open_output, where

PACKAGED_NAME = "newsgraph"


def metadata(database_name: str = PACKAGED_NAME) -> dict[str, Any]:
    meta = json.loads(resources.files("newsgraph.store").joinpath("datasette.json").read_text("utf-8"))
    meta["databases"] = {database_name: meta["databases"][PACKAGED_NAME]}
    return meta


def database_name(conn: sqlite3.Connection) -> str:
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    return Path(path).stem if path else PACKAGED_NAME


def write(conn: sqlite3.Connection, selection: Selection, out: Path | None, *, force: bool = False) -> str:
    name = database_name(conn)
    with open_output(out) as fh:
        json.dump(metadata(name), fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return f"Datasette metadata for database {name!r} → {where(out)}"
