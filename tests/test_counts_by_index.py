"""Counts of quotations read in an index where they can (issue 19): a speaker's quotations per act
are counted in ``quotes_speaker_act`` without reading the quotations or their articles; the counts
are those of the lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.store import connect, store_articles
from newsgraph.store.merge import merge_new_entities
from tests.test_totals import invented_article


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "c.db"
    conn = connect(path)
    store_articles(conn, [invented_article(i) for i in range(20)])
    merge_new_entities(conn)
    conn.close()
    return path


@pytest.mark.parametrize("filters", [
    {"speaker": "quist"}, {"speaker": "quist", "act": "speech"}, {"speaker": "quist", "act": "speech", "unattributed": "hide"},
    {"speaker": "board", "act": "all", "unattributed": "include"}, {"speaker": "quist", "outlet": "Gazette"},
    {"speaker": "quist", "date_from": "2021-02"}, {"speaker": "nobody at all"}, {"act": "thought", "kind": "direct"},
])
def test_counts_are_those_of_the_lists(db: Path, filters: dict) -> None:
    conn = connect(db, readonly=True)
    assert query.count_quotes(conn, **filters) == len(query.quotes(conn, **filters, limit=-1))


def test_a_speakers_count_reads_the_index_alone(db: Path) -> None:
    conn = connect(db, readonly=True)
    plan = " ".join(str(r[3]) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM quotes q WHERE q.act = 'speech' AND q.speaker IN ('Quist')"))
    assert "COVERING INDEX quotes_speaker_act" in plan


def test_a_store_made_before_the_index_gets_it_when_opened(db: Path) -> None:
    conn = connect(db)
    with conn:
        conn.execute("DROP INDEX quotes_speaker_act")
        conn.execute("UPDATE meta SET value = 'an older schema.sql' WHERE key = 'schema_sql'")
    conn.close()
    conn = connect(db)
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'quotes_speaker_act'").fetchone()
    assert query.count_quotes(conn, speaker="quist", act="speech") == len(
        query.quotes(conn, speaker="quist", act="speech", limit=-1))
