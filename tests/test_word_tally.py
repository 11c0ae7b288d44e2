"""A one-word search's attention over time from the counts ingest keeps (schema 8, ``word_tally``): after
ingest, re-ingest, merges, deletes and corrected dates, each word's articles and quotations per month
and year equal a count of its matches in the search indexes, a chart read from them equals the one
counted in the rows, other searches are still counted in the rows, and a schema-7 store migrates to
the same counts."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsgraph import attention as charts
from newsgraph.attention import PERIOD_SQL, attention, tallied_word
from newsgraph.search import parse
from newsgraph.store.db import WORD_TALLY_TABLES
from tests.test_robust_store import reopened_as_of_schema
from tests.test_totals import assert_totals_current, change_in_every_way, invented_store

Periods = dict[str, tuple[int, int]]
"""period ('' for undated) -> (articles, quotes)."""


def _in_index(conn: sqlite3.Connection, word: str, unit: str) -> Periods:
    """A word's matching articles and quotations per period, counted in the FTS5 indexes."""
    period = PERIOD_SQL[unit]
    out: dict[str, list[int]] = {}
    for column, sql, match in (
            (0, f"SELECT {period}, count(*) FROM articles_fts f JOIN articles a ON a.id = f.rowid"
                " WHERE articles_fts MATCH ? GROUP BY 1", f'"{word}"'),
            (1, f"SELECT {period}, count(*) FROM quotes_fts f JOIN quotes q ON q.id = f.rowid"
                " JOIN articles a ON a.id = q.article_id WHERE quotes_fts MATCH ? GROUP BY 1", f'content : "{word}"')):
        for p, n in conn.execute(sql, (match,)):
            out.setdefault(p or "", [0, 0])[column] += n
    return {p: (a, q) for p, (a, q) in out.items()}


def _charted(chart: dict[str, Any]) -> Periods:
    out = {p["period"]: (p["articles"], p["quotes"]) for p in chart["periods"] if p["articles"] or p["quotes"]}
    undated = chart["undated"]
    return {**out, "": (undated["articles"], undated["quotes"])} if undated["articles"] or undated["quotes"] else out


def _counted_in_rows(conn: sqlite3.Connection, search: str, unit: str, monkeypatch: pytest.MonkeyPatch
                     ) -> dict[str, Any]:
    """The chart as drawn without the tally (every search counted in the rows)."""
    with monkeypatch.context() as m:
        m.setattr(charts, "tallied_word", lambda query: None)
        return attention(conn, search=search, unit=unit)


def assert_words_counted(conn: sqlite3.Connection) -> None:
    """Every word's kept counts equal a count in the indexes and a computation from scratch; its chart
    reads them whole."""
    assert_totals_current(conn, WORD_TALLY_TABLES)
    words = [w for (w,) in conn.execute("SELECT DISTINCT word FROM word_tally")]
    assert len(words) > 20
    for unit in ("month", "year"):
        for word in words:
            chart = attention(conn, search=word, unit=unit)
            assert chart["sample"] is None
            assert _charted(chart) == _in_index(conn, word, unit), (word, unit)
    assert not conn.execute("SELECT count(*) FROM word_tally WHERE articles < 0 OR quotes < 0"
                            " OR (articles = 0 AND quotes = 0)").fetchone()[0]


@pytest.fixture
def store(tmp_path: Path) -> sqlite3.Connection:
    return invented_store(tmp_path / "w.db")


def test_word_counts_stay_those_of_the_index_through_ingest_deletes_and_dates(store: sqlite3.Connection) -> None:
    assert_words_counted(store)
    with store:  # dates corrected: another day of the same month, another month, none, a malformed one
        for published, article in (("2021-03-31T23:30:00-05:00", 3), ("2020-11-02", 4), (None, 6),
                                    ("spring 2021", 8), ("2019-12-30", 5), ("2021-01-02", 1)):
            store.execute("UPDATE articles SET published = ? WHERE id = ?", (published, article))
        store.execute("UPDATE articles SET title = 'Gulls over the pier', text = text || ' Gulls cried.' WHERE id = 9")
        store.execute("UPDATE quotes SET content = 'Gulls never sleep' WHERE id = (SELECT min(id) FROM quotes)")
    assert_words_counted(store)
    change_in_every_way(store, assert_words_counted)


def test_a_chart_of_one_word_is_the_one_counted_in_the_rows(store: sqlite3.Connection,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    for search in ("tide", "Tide", "harbour", "rained", "3", "soon", "nowhere"):
        assert tallied_word(parse(search)) == search.lower()
        for unit in ("month", "year"):
            assert attention(store, search=search, unit=unit) == _counted_in_rows(store, search, unit, monkeypatch)


@pytest.mark.parametrize("search", ["tid*", '"the tide"', "tide OR harbour", "tide harbour", "Pe\u00f1a"])
def test_other_searches_are_counted_in_the_rows(store: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch,
                                                search: str) -> None:
    assert tallied_word(parse(search)) is None
    assert attention(store, search=search) == _counted_in_rows(store, search, "month", monkeypatch)


def test_one_word_by_week_is_counted_in_the_rows(store: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tally has months; a chart by week is counted in the rows, as before."""
    assert attention(store, search="tide", unit="week") == _counted_in_rows(store, "tide", "week", monkeypatch)


def test_a_schema_7_store_migrates_to_the_same_word_counts(store: sqlite3.Connection, tmp_path: Path) -> None:
    before = sorted(map(tuple, store.execute("SELECT * FROM word_tally")))
    for (name,) in store.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'word_%'"
                                 ).fetchall():
        store.execute(f"DROP TRIGGER {name}")
    store.execute("DROP VIEW word_delta")
    for name in ("word_fts_scratch_terms", "word_fts_scratch", "word_tally"):
        store.execute(f"DROP TABLE {name}")
    conn = reopened_as_of_schema(store, tmp_path / "w.db", 7)
    assert sorted(map(tuple, conn.execute("SELECT * FROM word_tally"))) == before
    assert_words_counted(conn)
