"""The Dask engine's Parquet dataset: the store's content without a store, and the README's DuckDB queries on it.

One LocalCluster run (2 worker processes) over invented articles (some dated, two sharing a file
name, one text twice) plus an input that is not UTF-8, compared with a store ingested from the
same inputs (the session fixtures ``parquet_dataset``, ``parquet_store`` of conftest.py, which
tests/test_parquet_spark.py reads with Spark).
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsgraph import query
from newsgraph.cli import main
from newsgraph.run.parquet_dataset import TABLES, open_table
from newsgraph.run.verify import differing_dataset_tables
from newsgraph.store import connect
from newsgraph.who_is_quoted import who_is_quoted
from tests.conftest import ingest_parquet_dataset

duckdb = pytest.importorskip("duckdb")
pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parent / "fixtures" / "ingest_corpus"
README = Path(__file__).resolve().parent.parent / "README.md"


def read(dataset: Path, table: str) -> list[dict[str, Any]]:
    sql = f"FROM read_parquet('{dataset}/{table}/**/*.parquet', hive_partitioning = true)"
    rel = duckdb.sql(sql)
    return [dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()]


def store_tables(db: Path, table: str) -> list[dict[str, Any]]:
    conn = connect(db, readonly=True)
    try:
        return list(query.export_rows(conn, table, query.export_article_ids(conn)))
    finally:
        conn.close()


def test_dataset_has_the_stores_content(parquet_dataset: Path, parquet_store: Path) -> None:
    assert differing_dataset_tables(parquet_dataset, parquet_store) == []  # every row of every table, ids resolved
    articles = read(parquet_dataset, "articles")
    assert len(articles) == 7  # 8 readable inputs, one text twice
    documents = {a["document"] for a in articles}
    assert documents == {r["document"] for r in store_tables(parquet_store, "articles")}
    assert "003.txt" in documents and any(d.endswith("sub/003.txt") for d in documents)  # made unique
    assert {a["year"] for a in articles} == {2019, 2021, None}
    assert len(read(parquet_dataset, "quotes")) >= 16  # two quotations per article at least
    conn = connect(parquet_store, readonly=True)
    try:
        failed = {(f["source"], f["problem"]) for f in query.failures(conn)}
    finally:
        conn.close()
    assert {(f["source"], f["problem"]) for f in read(parquet_dataset, "failures")} == failed
    assert any("broken.txt" in source for source, _ in failed)


def test_ids_are_stable_and_unique(parquet_dataset: Path) -> None:
    for table in ("articles", "quotes", "entities", "events"):
        ids = [r["id"] for r in read(parquet_dataset, table)]
        assert len(ids) == len(set(ids)), table
    article = read(parquet_dataset, "articles")[0]
    assert article["id"] == article["hash"][:16]
    quote = next(q for q in read(parquet_dataset, "quotes") if q["speaker_entity_id"])
    assert re.fullmatch(r"[0-9a-f]{16}-q\d+", quote["id"])
    assert re.fullmatch(r"[0-9a-f]{16}-e\d+", quote["speaker_entity_id"])
    for table in TABLES:  # pyarrow reads each folder as one table too
        assert open_table(parquet_dataset, table).count_rows() == len(read(parquet_dataset, table))


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_rerun_and_resume_give_the_same_files(parquet_dataset: Path, parquet_inputs: tuple[Path, Path]) -> None:
    before = files(parquet_dataset)
    assert ingest_parquet_dataset(parquet_inputs, parquet_dataset) == 0  # everything done: no cluster, no analysis
    assert files(parquet_dataset) == before
    # an interrupted run: one batch without its marker and with one part missing, a half-written file
    marker = next((parquet_dataset / "_batches").glob("batch-*.json"))
    name = marker.name.removesuffix(".json")
    marker.unlink()
    next(parquet_dataset.glob(f"quotes/*/{name}.parquet")).unlink()
    (parquet_dataset / "quotes" / f".{name}.parquet.tmp-1").write_bytes(b"half")
    # and a batch of another run (other inputs): removed
    stale = parquet_dataset / "quotes" / "year=2019" / "batch-000000000000000000000000.parquet"
    shutil.copy(next(parquet_dataset.glob("quotes/*/batch-*.parquet")), stale)
    assert ingest_parquet_dataset(parquet_inputs, parquet_dataset) == 0
    assert files(parquet_dataset) == before
    quotes = read(parquet_dataset, "quotes")
    assert len(quotes) == len({q["id"] for q in quotes})


def readme_queries() -> dict[str, str]:
    """The README's DuckDB block: ``{"views": the CREATE VIEWs, "people": …, "person": …}`` by each
    query's leading ``-- name:`` comment."""
    block = README.read_text(encoding="utf-8").split("```sql\nCREATE VIEW", 1)[1].split("```", 1)[0]
    statements = [s.strip() for s in ("CREATE VIEW" + block).split(";\n") if s.strip()]
    out = {"views": ";\n".join(s for s in statements if s.startswith("CREATE VIEW"))}
    for s in statements:
        if s.startswith("--"):
            out[s[2:].split(":", 1)[0].strip()] = s.rstrip(";")
    return out


Ask = Callable[..., list[tuple]]
"""Runs the README's query of a name, with literals replaced (``ask("person", **{"'Tony Blair'": "'X'"})``)."""


def asker(queries: dict[str, str], run_sql: Callable[[str], list[tuple]]) -> Ask:
    def ask(name: str, **literals: str) -> list[tuple]:
        sql = queries[name]
        for old, new in literals.items():
            assert old in sql
            sql = sql.replace(old, new)
        return run_sql(sql)
    return ask


def assert_readme_queries_agree_with_the_cli(ask: Ask, store: Path) -> None:
    """Each README statement's rows are the CLI's answer on the store of the same input."""
    conn = connect(store, readonly=True)
    try:
        people = [(p["name"], p["quotes"], p["mentions"], p["articles"]) for p in query.people(conn, limit=50)]
        assert ask("people") == people
        assert people and people[0][1] > 0
        name = people[0][0]
        surname = name.split()[-1].lower()
        person = ask("person", **{"'Tony Blair'": f"'{name}'"})
        assert sorted(r[2] for r in person) == sorted(q["content"] for q in query.quotes(
            conn, person=name, act="speech", limit=1000))
        assert person
        speaker = ask("speaker", **{"'%blair%'": f"'%{surname}%'"})
        assert sorted(r[1] for r in speaker) == sorted(q["content"] for q in query.quotes(
            conn, speaker=surname, act="speech", limit=1000))
        places = ask("places")
        assert places == [(p["name"], p["mentions"], p["articles"], p["lat"], p["lon"], p["country"])
                          for p in query.place_counts(conn, limit=-1)]
        assert places
        months = Counter(e["date"][:7] for e in query.timeline(conn, limit=100_000)
                         if re.match(r"\d{4}-\d{2}", e["date"]))
        assert ask("timeline") == sorted(months.items())
        assert months
        assert ask("month") == [(m["value"], m["quotes"]) for m in who_is_quoted(conn, by="month")]
        assert len(ask("month")) >= 3  # two months and the undated
        found = ask("search", **{"'%election%'": "'%promises%'"})
        assert sorted(r[1] for r in found) == sorted(q["content"] for q in query.quotes(
            conn, search="promises", act="speech", limit=1000))
        assert found
    finally:
        conn.close()


def test_readme_duckdb_queries_agree_with_the_cli(parquet_dataset: Path, parquet_store: Path) -> None:
    queries = readme_queries()
    assert set(queries) == {"views", "people", "person", "speaker", "places", "timeline", "month", "search"}
    db = duckdb.connect()
    db.execute(queries["views"].replace("'ds/", f"'{parquet_dataset}/"))
    assert_readme_queries_agree_with_the_cli(asker(queries, lambda sql: db.execute(sql).fetchall()), parquet_store)


def test_refuses_without_dask_or_into_a_folder_of_other_files(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(CORPUS / "000.txt"), "--parquet-dataset", str(tmp_path / "ds")]) == 2
    assert "--parquet-dataset needs --engine dask" in capsys.readouterr().err
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    assert main(["ingest", str(CORPUS / "000.txt"), "--engine", "dask",
                 "--parquet-dataset", str(tmp_path / "mine")]) == 2
    assert "not a newsgraph dataset" in capsys.readouterr().err
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_rows_of_an_article_and_their_comparison() -> None:
    from newsgraph.model import Article, Entity, Quote, Speaker
    from newsgraph.run.parquet_dataset import DATASET_COLUMNS, article_rows, year_of
    from newsgraph.run.verify import comparable_rows

    text = "Ana Ruiz said the ferry would run. “It is late,” she added."
    art = Article(text=text, document="ferry.txt", published="2022-07-01",
                  entities=[Entity("Ana Ruiz", "PERSON", mentions=[(0, 8), (43, 46)])],
                  quotes=[Quote([(14, 34)], "indirect", Speaker("Ana Ruiz", (0, 8), type="PERSON"), cue=(9, 13)),
                          Quote([(35, 47)], "direct", Speaker("Ana Ruiz", (52, 55), type="PERSON"), parent=0)])
    rows = article_rows(art)
    assert [q["content"] for q in rows["quotes"]] == [text[14:34], text[35:47]]
    assert rows["quotes"][1]["parent_id"] == rows["quotes"][0]["id"] == f"{art.key}-q0"
    assert rows["quotes"][0]["speaker_entity_id"] == rows["entities"][0]["id"] == f"{art.key}-e0"
    assert rows["quotes"][0]["cue_text"] == "said" and rows["entities"][0]["mentions"] == 2
    assert [set(r) == {c for c, _ in DATASET_COLUMNS[t]} for t, rs in rows.items() for r in rs] == [True] * 6
    assert (year_of(art.published), year_of("around 2020"), year_of(None)) == ("2022", "__HIVE_DEFAULT_PARTITION__",
                                                                              "__HIVE_DEFAULT_PARTITION__")
    same = article_rows(art)
    assert comparable_rows(same, DATASET_COLUMNS) == comparable_rows(rows, DATASET_COLUMNS)
    same["quotes"][1]["speaker"] = "Someone Else"
    assert comparable_rows(same, DATASET_COLUMNS)["quotes"] != comparable_rows(rows, DATASET_COLUMNS)["quotes"]
