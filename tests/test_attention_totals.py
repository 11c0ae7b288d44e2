"""Attention over time kept by ingest (schema 7, ``attention_tally``): after ingest, re-ingest, merges,
unmerges, deletes and changed article dates, each person's and place's articles and quotations per
week, month and year equal a direct count over the rows, the charts read them whole, and a schema-6
store migrates to the same counts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.attention import KEPT_PERIOD_SQL, PERIOD_SQL, UNITS, attention
from newsgraph.identity import identities
from newsgraph.store import store_articles
from newsgraph.store.db import ATTENTION_TABLES
from tests.test_robust_store import drop_schema_7_attention, reopened_as_of_schema
from tests.test_totals import assert_totals_current, change_in_every_way, invented_article, invented_store

Counts = dict[tuple[str, str], tuple[int, int]]
"""(key, period) -> (articles, quotes); period '' for articles without a date."""


def _counted(conn: sqlite3.Connection, unit: str) -> Counts:
    """Each identity's and place's articles and quotations per period, counted in the rows."""
    period = PERIOD_SQL[unit]
    out: dict[tuple[str, str], list[int]] = {}
    for column, sql in (
            (0, f"""SELECT CASE WHEN e.global_id IS NULL THEN 'n' || e.name ELSE 'g' || e.global_id END, {period},
                       count(DISTINCT e.article_id) FROM entities e JOIN articles a ON a.id = e.article_id
                    WHERE e.type = 'PERSON' GROUP BY 1, 2"""),
            (1, f"""SELECT CASE WHEN x.global_id IS NOT NULL THEN 'g' || x.global_id ELSE 'n' || q.speaker END, {period},
                       count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
                    LEFT JOIN entities x ON x.id = q.speaker_entity_id AND x.type = 'PERSON'
                    WHERE q.speaker IS NOT NULL GROUP BY 1, 2"""),
            (0, f"""SELECT 'p' || e.name, {period}, count(DISTINCT a.id) FROM entities e JOIN articles a
                    ON a.id = e.article_id WHERE e.type IN ('GPE', 'LOC', 'FAC') GROUP BY 1, 2"""),
            (1, f"""SELECT 'p' || e.name, {period}, count(*) FROM (SELECT DISTINCT article_id, name FROM entities
                    WHERE type IN ('GPE', 'LOC', 'FAC')) e JOIN articles a ON a.id = e.article_id
                    JOIN quotes q ON q.article_id = a.id GROUP BY 1, 2""")):
        for key, p, n in conn.execute(sql):
            out.setdefault((key, p or ""), [0, 0])[column] += n
    return {k: (a, q) for k, (a, q) in out.items()}


def _kept(conn: sqlite3.Connection, unit: str) -> Counts:
    return {(key, p): (a, q) for key, p, a, q in conn.execute(
        f"SELECT key, {KEPT_PERIOD_SQL[unit]}, sum(articles), sum(quotes) FROM attention_tally GROUP BY 1, 2")}


def _charted(chart: dict) -> dict[str, tuple[int, int]]:
    out = {p["period"]: (p["articles"], p["quotes"]) for p in chart["periods"] if p["articles"] or p["quotes"]}
    undated = chart["undated"]
    return {**out, "": (undated["articles"], undated["quotes"])} if undated["articles"] or undated["quotes"] else out


def assert_attention_counted(conn: sqlite3.Connection) -> None:
    """The kept counts equal a direct count and a computation from scratch; charts of a person or place
    read them whole."""
    assert_totals_current(conn, ATTENTION_TABLES)
    people = identities(conn)
    for unit in UNITS:
        counted = _counted(conn, unit)
        assert _kept(conn, unit) == counted
        keys = [("person", p.name, p.key) for p in people.all if people.find(p.name) is p]
        keys += [("place", k[1:], k) for k in {key for key, _ in counted if key.startswith("p")}]
        assert len(keys) > 8
        for selector, name, key in keys:
            chart = attention(conn, unit=unit, **{selector: name})
            assert chart["sample"] is None
            assert _charted(chart) == {p: n for (k, p), n in counted.items() if k == key}


@pytest.fixture
def store(tmp_path: Path) -> sqlite3.Connection:
    return invented_store(tmp_path / "a.db")


def test_attention_stays_counted_through_ingest_merges_deletes_and_dates(store: sqlite3.Connection) -> None:
    assert_attention_counted(store)
    assert store_articles(store, [invented_article(i) for i in range(6)]) == (0, 6)  # re-ingest: nothing new
    assert_attention_counted(store)
    with store:  # dates corrected: another week of the same month, another month, none, a malformed one, a first
        for published, article in (("2021-03-31T23:30:00-05:00", 3), ("2020-11-02", 4), (None, 6),
                                   ("spring 2021", 8), ("2019-12-30", 5)):
            store.execute("UPDATE articles SET published = ? WHERE id = ?", (published, article))
    assert_attention_counted(store)
    change_in_every_way(store, assert_attention_counted)


def test_a_speaker_no_person_stands_for_is_charted_by_their_quotations(store: sqlite3.Connection) -> None:
    board = attention(store, person="the Harbour Board", unit="year")
    quoted = store.execute("SELECT count(*) FROM quotes WHERE speaker = 'the Harbour Board'").fetchone()[0]
    assert quoted and sum(p["quotes"] for p in board["periods"]) + board["undated"]["quotes"] == quoted
    assert attention(store, person="Nobody Here")["periods"] == []


def test_a_schema_6_store_migrates_to_the_same_attention(store: sqlite3.Connection, tmp_path: Path) -> None:
    before = {unit: _kept(store, unit) for unit in UNITS}
    drop_schema_7_attention(store)
    conn = reopened_as_of_schema(store, tmp_path / "a.db", 6)
    assert {unit: _kept(conn, unit) for unit in UNITS} == before
    assert_attention_counted(conn)
