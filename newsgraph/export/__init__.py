"""Exports of the store into the formats other tools read.

One module per format, each with ``write(conn, selection, out) -> str`` (a one-line
summary); all read the store only through `newsgraph.query`. ``export`` is the library
entry point the CLI calls.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from newsgraph.export.selection import ExportError, Selection, select

# format -> (module, writes a directory rather than one file)
FORMATS: dict[str, tuple[str, bool]] = {
    "jsonl": ("newsgraph.export.jsonl", False),
    "csv": ("newsgraph.export.csv", True),
    "parquet": ("newsgraph.export.parquet", True),
    "graphml": ("newsgraph.export.graphml", False),
    "jsonld": ("newsgraph.export.jsonld", False),
    "brat": ("newsgraph.export.brat", True),
    "datasette": ("newsgraph.export.datasette", False),
}


def export(
    db: str | Path,
    fmt: str,
    out: str | Path | None = None,
    *,
    articles: list[str] | None = None,
    speaker: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    force: bool = False,
) -> str:
    """Write the store ``db`` (or the filtered part of it) as ``fmt`` to ``out``; returns a summary.

    ``out`` None means standard output for single-file formats; directory formats need it.
    """
    from newsgraph.store import connect

    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    module, is_dir = FORMATS[fmt]
    if is_dir and out is None:
        raise ExportError(f"--format {fmt} writes one file per table or article: give --out DIR")
    conn = connect(db, readonly=True)
    try:
        selection = select(conn, articles=articles, speaker=speaker, date_from=date_from, date_to=date_to)
        writer = importlib.import_module(module)
        return str(writer.write(conn, selection, Path(out) if out is not None else None, force=force))
    finally:
        conn.close()


__all__ = ["FORMATS", "ExportError", "Selection", "export", "select"]
