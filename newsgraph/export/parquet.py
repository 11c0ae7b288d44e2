"""Parquet: one ``<table>.parquet`` per table with typed columns (for DuckDB, Spark, pandas)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsgraph.export.selection import Selection, output_dir
from newsgraph.export.tables import COLUMNS

BATCH_ROWS = 10_000


def arrow_schema(columns: list[tuple[str, str]]):
    """The Arrow schema of a table layout of ``export.tables`` (the export's and the Dask dataset's)."""
    import pyarrow as pa

    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(),
             "spans": pa.list_(pa.list_(pa.int64(), 2)), "strs": pa.list_(pa.string())}
    return pa.schema([pa.field(name, types[kind]) for name, kind in columns])


def write(conn: sqlite3.Connection, selection: Selection, out: Path | None, *, force: bool = False) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    assert out is not None
    folder = output_dir(out)
    counts = []
    for table in COLUMNS:
        schema = arrow_schema(COLUMNS[table])
        n = 0
        with pq.ParquetWriter(folder / f"{table}.parquet", schema, compression="zstd") as writer:
            batch: list[dict] = []
            for row in selection.rows(conn, table):
                batch.append(row)
                if len(batch) >= BATCH_ROWS:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    n += len(batch)
                    batch = []
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
        counts.append(f"{n} {table}")
    return f"{', '.join(counts)} → {folder}/*.parquet"
