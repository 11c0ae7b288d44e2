"""Spark reads the Dask engine's Parquet dataset as DuckDB does, and the README's Spark code answers as the CLI.

One local SparkSession (1 core, small memory, no UI, loopback only) for the module, over the
dataset and store of conftest.py's session fixtures (one LocalCluster run shared with
tests/test_parquet_dataset.py). Skipped without pyspark or Java.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph import query
from newsgraph.export import export
from newsgraph.export.tables import COLUMNS
from newsgraph.run.parquet_dataset import DATASET_COLUMNS, FAILURE_COLUMNS, TABLES, UNDATED
from newsgraph.store import connect
from newsgraph.who_is_quoted import who_is_quoted
from tests.test_parquet_dataset import README, asker, assert_readme_queries_agree_with_the_cli, readme_queries

pytest.importorskip("pyspark", reason="needs pyspark (the dev extra) to read the dataset with Spark")
duckdb = pytest.importorskip("duckdb")
pytestmark = pytest.mark.slow

SPARK_TYPES = {"int": "bigint", "float": "double", "str": "string", "spans": "array<array<bigint>>",
               "strs": "array<string>"}
"""The Spark type of each column kind of ``export.tables`` (offsets int64, lists as arrays)."""
README_VIEWS = ("articles", "quotes", "entities", "events")


def java_major() -> int | None:
    """The major version of the ``java`` Spark would start (JAVA_HOME's, else the PATH's), None without one."""
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if java is None or not Path(java).exists():
        return None
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    found = re.search(r'version "(\d+)', out)
    return int(found.group(1)) if found else None


if (java_major() or 0) < 17:  # before the session fixtures run the ingest
    pytest.skip("needs Java 17 or later for Spark 4 (Debian: default-jre-headless)", allow_module_level=True)


def local_spark() -> Any:
    """A local SparkSession for small data: 1 core, 512 MB, no UI, on loopback only (no network)."""
    from pyspark.sql import SparkSession

    with pytest.MonkeyPatch.context() as env:
        env.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        session = (SparkSession.builder.master("local[1]").appName("newsgraph-tests")
                   .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                   .config("spark.driver.memory", "512m").config("spark.sql.shuffle.partitions", "1")
                   # tiny data: planning and JIT warm-up are the cost (AQE off, the quick compiler, one GC thread)
                   .config("spark.sql.adaptive.enabled", "false")
                   .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
                   .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                   .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    return session


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    session = local_spark()
    try:
        yield session
    finally:
        session.stop()


def readme_spark_code() -> str:
    """The README's Spark block (the ```python block after "Reading it with Spark")."""
    after = README.read_text(encoding="utf-8").split("**Reading it with Spark.**", 1)[1]
    return after.split("```python\n", 1)[1].split("```", 1)[0]


def run_readme_spark_code(root: Path, person: str) -> dict[str, Any]:
    """Runs the README's Spark block on the dataset at ``root`` (for "ds/"), asking for ``person``;
    returns its variables (it registers the tables as views of the running session)."""
    code = readme_spark_code()
    assert '"ds/' in code and "'Tony Blair'" in code
    names: dict[str, Any] = {}
    exec(code.replace('"ds/', f'"{root}/').replace("'Tony Blair'", repr(person)), names)
    return names


@pytest.fixture(scope="module")
def most_quoted_person(parquet_store: Path) -> str:
    conn = connect(parquet_store, readonly=True)
    try:
        return query.people(conn, limit=1)[0]["name"]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def readme_spark(spark: Any, parquet_dataset: Path, most_quoted_person: str) -> dict[str, Any]:
    return run_readme_spark_code(parquet_dataset, most_quoted_person)


def rows(df: Any) -> list[tuple]:
    return sorted((tuple(r) for r in df.collect()), key=repr)


def test_spark_reads_every_table_as_duckdb_does(spark: Any, parquet_dataset: Path) -> None:
    for table in (*TABLES, "failures"):
        df = spark.read.parquet(str(parquet_dataset / table))
        layout = DATASET_COLUMNS.get(table, FAILURE_COLUMNS)
        partition = [("year", "int")] if table in TABLES else []  # the year=YYYY folders, a column
        assert [(f.name, f.dataType.simpleString()) for f in df.schema] == [
            (name, SPARK_TYPES[kind]) for name, kind in layout] + partition, table
        same = duckdb.sql(f"FROM read_parquet('{parquet_dataset}/{table}/**/*.parquet', hive_partitioning = true)")
        assert same.columns == df.columns
        got = rows(df)
        assert got == sorted(same.fetchall(), key=repr), table  # every value, lists and NULLs included
        assert got, table


def test_spark_reads_the_stores_parquet_export_as_duckdb_does(spark: Any, parquet_store: Path, tmp_path: Path) -> None:
    export(parquet_store, "parquet", tmp_path / "tables")  # `newsgraph export --format parquet`: the same types
    for table, layout in COLUMNS.items():
        path = tmp_path / "tables" / f"{table}.parquet"
        df = spark.read.parquet(str(path))
        assert [(f.name, f.dataType.simpleString()) for f in df.schema] == [
            (name, SPARK_TYPES[kind]) for name, kind in layout], table
        got = rows(df)
        assert got == sorted(duckdb.sql(f"FROM '{path}'").fetchall(), key=repr), table
        assert got, table


def test_partition_years_offsets_and_spans(spark: Any, parquet_dataset: Path) -> None:
    articles = {r["id"]: r for r in spark.read.parquet(str(parquet_dataset / "articles")).collect()}
    assert {a["year"] for a in articles.values()} == {2019, 2021, None}
    for a in articles.values():
        assert a["year"] == (int(a["published"][:4]) if a["published"] else None)
    quotes = spark.read.parquet(str(parquet_dataset / "quotes")).where("year = 2019").collect()  # a partition only
    assert quotes and {articles[q["article_id"]]["year"] for q in quotes} == {2019}
    for q in spark.read.parquet(str(parquet_dataset / "quotes")).collect():
        text = articles[q["article_id"]]["text"]
        (start, end), *_ = q["spans"]  # a list of [start, end] pairs: offsets into the article text
        assert (q["start"], q["end"]) == (start, q["spans"][-1][1])
        assert text[start:end] in q["content"]
        if q["cue_start"] is not None:
            assert text[q["cue_start"]:q["cue_end"]] == q["cue_text"]
    mentions = spark.read.parquet(str(parquet_dataset / "mentions")).collect()
    assert all(articles[m["article_id"]]["text"][m["start"]:m["end"]] == m["text"] for m in mentions)


def test_readme_sql_runs_unchanged_in_spark(spark: Any, readme_spark: dict[str, Any], parquet_store: Path) -> None:
    queries = readme_queries()
    assert_readme_queries_agree_with_the_cli(
        asker(queries, lambda sql: [tuple(r) for r in spark.sql(sql).collect()]), parquet_store)


def test_readme_spark_code_answers_as_the_cli(spark: Any, readme_spark: dict[str, Any], parquet_store: Path,
                                              most_quoted_person: str) -> None:
    assert readme_spark["spark"] is spark  # the README's getOrCreate found the running session
    conn = connect(parquet_store, readonly=True)
    try:
        people = [(p["name"], p["quotes"]) for p in query.people(conn, limit=-1) if p["quotes"]]
        assert [tuple(r) for r in readme_spark["most_quoted"].collect()] == people
        person = [tuple(r) for r in readme_spark["person"].collect()]
        assert sorted(r[2] for r in person) == sorted(q["content"] for q in query.quotes(
            conn, person=most_quoted_person, act="speech", limit=1000))
        dates = [r[0] for r in person]
        dated = [d for d in dates if d is not None]
        assert person and dates == sorted(dated, reverse=True) + [None] * (len(dates) - len(dated))  # newest first
        assert [tuple(r) for r in readme_spark["per_month"].collect()] == [
            (m["value"], m["quotes"]) for m in who_is_quoted(conn, by="month")]
    finally:
        conn.close()


def test_year_is_an_integer_even_when_every_article_is_undated(spark: Any, readme_spark: dict[str, Any],
                                                               parquet_dataset: Path, most_quoted_person: str,
                                                               tmp_path: Path) -> None:
    for table in README_VIEWS:
        shutil.copytree(parquet_dataset / table / f"year={UNDATED}", tmp_path / table / f"year={UNDATED}")
    assert spark.read.parquet(str(tmp_path / "quotes")).schema["year"].dataType.simpleString() == "void"
    try:
        undated = run_readme_spark_code(tmp_path, most_quoted_person)
        assert undated["quotes"].schema["year"].dataType.simpleString() == "int"
        assert {r["year"] for r in undated["quotes"].select("year").collect()} == {None}
        assert undated["per_month"].collect()[-1]["month"] is None
    finally:
        run_readme_spark_code(parquet_dataset, most_quoted_person)  # the views the other tests read
