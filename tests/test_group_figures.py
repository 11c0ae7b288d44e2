"""The quotation groups' figures the store keeps (schema 6: each group's size, its quotations per
wording and per speaker name as printed, its members' dates): after ingest, re-ingest, entity
merges and unmerges, detaching, ungrouping, regrouping and deletes they equal a computation from
scratch, the lists read from them give what a pass over every member gives, and a schema-5
store migrates to the same answers."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsgraph.quote_group_list import count_quotation_groups, quotation_group, quotation_groups
from newsgraph.quote_groups import detach_quotation, regroup, ungroup
from newsgraph.store import connect
from newsgraph.store.db import GROUP_FIGURES_TABLES
from newsgraph.store.merge import merge_new_entities, remerge, unmerge
from newsgraph.store.wording import wording
from tests.test_quote_groups import CHANGED, OTHER, TRIMMED, WIRE, article_quoting, ingest_batches, wire_articles
from tests.test_robust_store import drop_schema_6_group_figures, reopened_as_of_schema
from tests.test_totals import assert_totals_current


def assert_figures_current(conn: sqlite3.Connection) -> None:
    """The kept figures equal those computed from scratch, and each member's copied facts its quotation's."""
    assert_totals_current(conn, GROUP_FIGURES_TABLES)  # (an article's date changed: quote_tally's months are not)
    members = conn.execute("SELECT m.wording, m.published, m.article_id, m.speaker, q.content, a.published, a.id,"
                           " q.speaker FROM quote_group_members m JOIN quotes q ON q.id = m.quote_id"
                           " JOIN articles a ON a.id = q.article_id").fetchall()
    assert members and all((r[0], *r[1:4]) == (wording(r[4]), *r[5:]) for r in members)


def _by_a_pass(conn: sqlite3.Connection, group_id: int) -> dict:
    """A group as read before schema 6: every member with its article's date, in order."""
    rows = conn.execute("SELECT q.content FROM quote_group_members m JOIN quotes q ON q.id = m.quote_id"
                        " JOIN articles a ON a.id = q.article_id WHERE m.group_id = ?"
                        " ORDER BY a.published IS NULL, a.published, a.id, q.id", (group_id,)).fetchall()
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for (content,) in rows:
        counts[wording(content)] = counts.get(wording(content), 0) + 1
        shown.setdefault(wording(content), " ".join(content.split()))
    order = sorted(counts, key=lambda k: (-counts[k], -len(k.split())))
    return {"count": len(rows), "variants": [{"text": shown[k], "count": counts[k]} for k in order]}


def assert_lists_match_a_pass(conn: sqlite3.Connection) -> None:
    for shown in (None, 2):
        for g in quotation_groups(conn, min_occurrences=1, limit=-1, shown=shown):
            want = _by_a_pass(conn, g["id"])
            assert g["variants"] == want["variants"] and g["text"] == want["variants"][0]["text"]
            assert g.get("occurrence_count", len(g["occurrences"])) == want["count"]
    for name in ("Fielding", "Oakes", "Stone", "nobody"):
        by_pass = conn.execute("SELECT count(DISTINCT m.group_id) FROM quote_group_members m JOIN quotes q"
                               " ON q.id = m.quote_id JOIN quote_groups g ON g.id = m.group_id WHERE g.size >= 2"
                               " AND q.speaker LIKE ?", (f"%{name}%",)).fetchone()[0]
        assert count_quotation_groups(conn, speaker=name) == by_pass
        assert len(quotation_groups(conn, speaker=name, limit=-1)) == by_pass


@pytest.fixture
def store(tmp_path: Path) -> sqlite3.Connection:
    conn = connect(tmp_path / "f.db")
    extra = [article_quoting(f"late-{k}.txt", f"2024-02-2{k}", "Late", ("Jane Fielding", (WIRE, TRIMMED, CHANGED)[k % 3]),
                  ("Fielding", WIRE), ("Tom Oakes", OTHER)) for k in range(5)]
    ingest_batches(conn, [*wire_articles(), *extra], 3)
    return conn


def test_figures_stay_current_through_ingest_merges_undo_and_deletes(store: sqlite3.Connection) -> None:
    assert store.execute("SELECT max(size) FROM quote_groups").fetchone()[0] >= 8
    assert_figures_current(store)
    assert_lists_match_a_pass(store)
    ingest_batches(store, wire_articles(), 2)  # re-ingest: stored already, nothing changes
    assert_figures_current(store)
    person = store.execute("SELECT global_id FROM entities WHERE name = 'Jane Fielding'").fetchone()[0]
    unmerge(store, person)
    remerge(store)
    merge_new_entities(store)
    assert_figures_current(store)
    big = store.execute("SELECT id FROM quote_groups ORDER BY size DESC, id LIMIT 1").fetchone()[0]
    some = store.execute("SELECT quote_id FROM quote_group_members WHERE group_id = ? ORDER BY quote_id DESC",
                         (big,)).fetchone()[0]
    assert detach_quotation(store, some)
    assert_figures_current(store)
    assert_lists_match_a_pass(store)
    assert ungroup(store, big) > 1
    assert_figures_current(store)
    regroup(store)
    assert_figures_current(store)
    assert_lists_match_a_pass(store)
    with store:
        store.execute("DELETE FROM articles WHERE document IN ('reuters.txt', 'late-1.txt')")
        store.execute("UPDATE articles SET published = '2023-01-01' WHERE document = 'paper-d.txt'")
    assert_figures_current(store)
    assert_lists_match_a_pass(store)
    moved = store.execute("SELECT m.group_id FROM quote_group_members m JOIN quotes q ON q.id = m.quote_id JOIN"
                          " articles a ON a.id = q.article_id WHERE a.document = 'paper-d.txt'").fetchone()[0]
    assert quotation_group(store, moved, shown=1)["first_seen"]["document"] == "paper-d.txt"  # its new date first
    ingest_batches(store, [article_quoting("again.txt", "2024-04-01", "Again", ("Jane Fielding", WIRE))], 1)
    assert_figures_current(store)
    assert_lists_match_a_pass(store)


def test_a_schema_5_store_migrates_to_the_same_groups(store: sqlite3.Connection, tmp_path: Path) -> None:
    before = json.dumps([quotation_groups(store, min_occurrences=1, limit=-1, shown=s) for s in (None, 3)])
    drop_schema_6_group_figures(store)
    conn = reopened_as_of_schema(store, tmp_path / "f.db", 5)
    assert json.dumps([quotation_groups(conn, min_occurrences=1, limit=-1, shown=s) for s in (None, 3)]) == before
    assert_figures_current(conn)


def test_reading_one_printer_per_wording_lists_the_same_first_occurrences(store: sqlite3.Connection) -> None:
    """The API reads each wording's first printer only (``printers=1``): its groups are the page's."""
    for shown in (1, 2, 3):
        full = quotation_groups(store, min_occurrences=1, limit=-1, shown=shown)
        lean = quotation_groups(store, min_occurrences=1, limit=-1, shown=shown, printers=1)
        assert [{**g, "occurrences": g["occurrences"][:shown]} for g in full] == \
            [{**g, "occurrences": g["occurrences"][:shown]} for g in lean]
        assert any(len(g["variants"]) > 1 for g in full)
