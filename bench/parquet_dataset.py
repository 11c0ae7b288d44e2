"""The Dask engine into a Parquet dataset beside the same into a SQLite store (issue 19, item 4).

    .venv/bin/python bench/parquet_dataset.py --limit 200      # the first 200 BBC files (ls order)

Runs ``newsgraph ingest FILES --engine dask --workers N`` once with ``--parquet-dataset`` and once
with ``--db``, each in a fresh folder, and prints their wall and CPU time (the whole process tree),
the sizes on disk, whether the dataset holds the store's rows (run/verify.py), and the time of
each of the README's DuckDB queries on the dataset (first and best of 5, in process); with
``--spark``, the same in a local SparkSession (the README's Spark block and the queries in
``spark.sql``; pyspark and Java 17+ needed).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from newsgraph.run.verify import differing_dataset_tables  # noqa: E402
from tests.test_parquet_dataset import readme_queries  # noqa: E402  (the README's statements, as the test reads them)


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and every process it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def size(path: Path) -> tuple[int, int]:
    """(bytes, files) under ``path`` (or of the file and its SQLite siblings)."""
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else list(path.parent.glob(path.name + "*"))
    return sum(p.stat().st_size for p in files), len(files)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "bbc"))
    ap.add_argument("--limit", type=int, default=200, help="first N files (0: all)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", default="/tmp/newsgraph-parquet-bench")
    ap.add_argument("--spark", action="store_true", help="also time the README's Spark code and queries in Spark")
    args = ap.parse_args()
    import duckdb

    files = sorted(str(p) for p in Path(args.corpus).glob("*/*.txt"))
    files = files[:args.limit] if args.limit else files
    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    ds, db = out / "ds", out / "news.db"
    ingest = [sys.executable, "-m", "newsgraph", "ingest", *files, "--engine", "dask", "--workers", str(args.workers),
              "--quiet"]
    with open("/proc/loadavg", encoding="ascii") as fh:
        print(f"{len(files)} files, {args.workers} workers, load average {fh.read().split()[0]} at the start")
    for label, extra, path in (("dataset", ["--parquet-dataset", str(ds)], ds), ("store", ["--db", str(db)], db)):
        wall, cpu = timed(ingest + extra)
        nbytes, nfiles = size(path)
        print(f"{label:8} {wall:7.1f} s wall {cpu:7.1f} s CPU {nbytes / 1e6:7.2f} MB in {nfiles} files")
    print("dataset tables differing from the store:", differing_dataset_tables(ds, db) or "none")
    queries = readme_queries()
    con = duckdb.connect()
    con.execute(queries["views"].replace("'ds/", f"'{ds}/"))
    for name, sql in queries.items():
        if name != "views":
            best_of_5("duckdb", name, lambda sql=sql: len(con.execute(sql).fetchall()))
    if args.spark:
        time_spark(ds, queries)


def best_of_5(engine: str, name: str, rows: Callable[[], int]) -> None:
    """Prints the first and the best of 5 runs of ``rows`` (which runs a query and counts its rows)."""
    times, n = [], 0
    for _ in range(5):
        started = time.perf_counter()
        n = rows()
        times.append(time.perf_counter() - started)
    print(f"{engine:6} {name:11} {n:5} rows  first {times[0] * 1000:7.1f} ms  best {min(times) * 1000:7.1f} ms")


def time_spark(ds: Path, queries: dict[str, str]) -> None:
    """The README's Spark block (its views and DataFrames) and the README's queries in spark.sql."""
    from tests.test_parquet_spark import local_spark, run_readme_spark_code

    started = time.perf_counter()
    spark = local_spark()
    print(f"spark  session started in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    frames = run_readme_spark_code(ds, "Tony Blair")
    print(f"spark  the README's block (views, most_quoted.show()) in {time.perf_counter() - started:.1f} s")
    for name in ("most_quoted", "person", "per_month"):
        best_of_5("spark", name, lambda df=frames[name]: len(df.collect()))
    for name, sql in queries.items():
        if name != "views":
            best_of_5("spark", name, lambda sql=sql: len(spark.sql(sql).collect()))
    spark.stop()


if __name__ == "__main__":
    main()
