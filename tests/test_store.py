"""The store: idempotent ingest, errors recorded, foreign files untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.run import ingest
from newsgraph.store import StoreError, connect

FIX = Path(__file__).parent / "fixtures"


def test_ingest_twice_stores_once(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    r1 = ingest([FIX / "moscow8.txt"], db)
    assert r1.stored == 1
    r2 = ingest([FIX / "moscow8.txt"], db, resume=False)
    assert r2.stored == 0 and r2.already == 1
    conn = connect(db, readonly=True)
    assert query.stats(conn)["articles"] == 1
    n_quotes = query.stats(conn)["quotes"]
    assert n_quotes >= 11
    assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == n_quotes


def test_store_roundtrip_equals_extract(tmp_path: Path, seed_article) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "n.db"
    ingest([FIX / "moscow8.txt"], db)
    conn = connect(db, readonly=True)
    art = query.load_article(conn, query.find_article_id(conn, "moscow8.txt"))
    a, b = art.to_dict(), seed_article.to_dict()
    for ent in b["entities"]:  # the store keeps the gender the text says, not one only the given name decided
        if ent["gender_basis"] == "name":
            ent["gender"] = ent["gender_basis"] = None
    assert set(a) == set(b)
    stored = conn.execute("SELECT act, parent_id FROM quotes ORDER BY start, id").fetchall()
    ids = [r[0] for r in conn.execute("SELECT id FROM quotes ORDER BY start, id")]
    assert [act for act, _ in stored] == [q["act"] for q in b["quotes"]]
    assert [None if p is None else ids.index(p) for _, p in stored] == [q["parent"] for q in b["quotes"]]
    for key in a:  # everything, the timeline's kinds and dating spans too (schema 3)
        if key not in ("source", "document"):
            assert a[key] == b[key], key


def test_fts_search_and_speaker_filter(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    ingest([FIX / "moscow8.txt"], db)
    conn = connect(db, readonly=True)
    rows = query.quotes(conn, search="heartache")
    assert rows and "[[heartache]]" in rows[0]["highlighted"]
    assert query.quotes(conn, search='") OR 1=1 --') == []


def test_bad_files_recorded_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "good.txt").write_text("Title\n\n\u201cIt works,\u201d Ann Lee said.")
    db = tmp_path / "n.db"
    rep = ingest([tmp_path / "in"], db)
    assert rep.stored == 1 and len(rep.errors) == 2
    conn = connect(db, readonly=True)
    assert {Path(r["source"]).name for r in query.failures(conn)} == {"bad.txt", "empty.txt"}


def test_foreign_database_is_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    c = sqlite3.connect(db)
    c.execute("CREATE TABLE accounts(id INTEGER, balance REAL)")
    c.commit()
    c.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        connect(db)
    assert db.read_bytes() == before


def test_corrupt_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite"):
        connect(db)
