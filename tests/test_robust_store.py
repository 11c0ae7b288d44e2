"""The store under faults: concurrent writers, a writer holding the lock, damaged and foreign
files (refused, byte-identical afterwards), and a store of the previous schema migrated with
every row kept (fixtures/old_schema_v1.sqlite, built by fixtures/make_old_schema.py)."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.model import Article, Entity, Paragraph, Quote, Speaker
from newsgraph.store import SCHEMA_VERSION, StoreError, connect, store_articles
from newsgraph.store import db as store_db
from newsgraph.store.db import GROUP_FIGURES_TABLES, TOTALS_TABLES, record_failure
from newsgraph.store.merge import merge_new_entities

FIX = Path(__file__).parent / "fixtures"
OLD_DB = FIX / "old_schema_v1.sqlite"
ROOT = Path(__file__).resolve().parent.parent


def make_article(tag: str, i: int) -> Article:
    """A small analysed article, built by hand (no spaCy): a heading, a quote, a person."""
    head = f"Story {tag}-{i}\n\n"
    quote = f"\u201cWe will rebuild bridge {tag} {i},\u201d "
    text = head + quote + "Mayor Ann Lee said on Monday. " + "More words follow here. " * 20
    qs = len(head) + 1
    name_at = text.index("Ann Lee")
    return Article(
        text=text, document=f"{tag}-{i}.txt", source=f"in/{tag}-{i}.txt",
        paragraphs=[Paragraph(0, len(head) - 2, "heading"), Paragraph(len(head), len(text), "text")],
        entities=[Entity("Ann Lee", "PERSON", [(name_at, name_at + 7)])],
        quotes=[Quote([(qs, qs + len(quote) - 4)], "direct", Speaker("Ann Lee", (name_at, name_at + 7)))],
    )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- concurrency ---------------------------------------------------------------------------------


def _writer(db: str, tag: str, batches: int, per_batch: int) -> None:
    conn = connect(db)
    for b in range(batches):
        store_articles(conn, [make_article(tag, b * per_batch + i) for i in range(per_batch)])
        record_failure(conn, f"in/{tag}-bad-{b}.txt", "broken", "fix it")
    conn.close()


def test_four_processes_writing_one_new_store_all_succeed(tmp_path: Path) -> None:
    """Four processes create and write the same new file at once: WAL + busy timeout + retries."""
    db = str(tmp_path / "shared.db")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(db, f"w{k}", 10, 5)) for k in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    conn = connect(db, readonly=True)
    assert query.stats(conn)["articles"] == 4 * 10 * 5
    assert conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'rebuild'").fetchone()[0] == 200
    assert len(query.failures(conn)) == 40
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _open_and_merge(db: str) -> str:
    try:
        conn = connect(db)
        merge_new_entities(conn)
        conn.close()
        return ""
    except StoreError as exc:
        return str(exc)


def test_processes_opening_one_new_file_at_once_all_succeed(tmp_path: Path) -> None:
    """SQLite answers "locked" without waiting when processes switch a new file to WAL at once
    (seen in CI as a busy error from a concurrent ingest); opening retries that race."""
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(6) as pool:
        for k in range(25):
            assert pool.map(_open_and_merge, [str(tmp_path / f"new{k}.db")] * 6) == [""] * 6


def _writer_merging(db: str, tag: str) -> None:
    conn = connect(db)
    for b in range(6):
        store_articles(conn, [make_article(tag, b * 3 + i) for i in range(3)])
        merge_new_entities(conn)
    conn.close()


def test_concurrent_merges_join_each_entity_once(tmp_path: Path) -> None:
    """The merge reads and writes in one write transaction: no entity is joined twice."""
    db = str(tmp_path / "shared.db")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer_merging, args=(db, f"m{k}")) for k in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    conn = connect(db, readonly=True)
    assert conn.execute("SELECT count(*) FROM entities WHERE global_id IS NULL").fetchone()[0] == 0
    per_entity = conn.execute("SELECT max(n) FROM (SELECT count(*) n FROM entity_merges "
                              "WHERE undone_at IS NULL GROUP BY entity_id)").fetchone()[0]
    assert per_entity == 1
    assert conn.execute("SELECT count(*) FROM global_entities WHERE type = 'PERSON'").fetchone()[0] == 1


def test_two_concurrent_cli_ingests_into_one_file_both_succeed(tmp_path: Path) -> None:
    """The real thing: two `newsgraph ingest` processes (spaCy and all) on one store."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for i in range(6):
        for part in "ab":
            (tmp_path / part / f"{part}{i}.txt").write_text(
                f"Report {part} {i}\n\n\u201cThe {part} plan number {i} is ready,\u201d minister Ann Lee said.\n")
    db = tmp_path / "news.db"
    cmd = [sys.executable, "-m", "newsgraph", "ingest", "--quiet", "--batch-size", "2", "--db", str(db)]
    inputs = [[tmp_path / "a"], [tmp_path / "b", tmp_path / "a"]]  # overlapping: both race to store a/
    procs = [subprocess.Popen([*cmd, *map(str, paths)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT) for paths in inputs]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err[-2000:]
    conn = connect(db, readonly=True)
    assert query.stats(conn)["articles"] == 12 and query.stats(conn)["failures"] == 0


def test_writer_holding_the_lock_gives_a_clear_busy_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "n.db"
    connect(db).close()
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")  # another ingest in the middle of a batch
    monkeypatch.setenv("NEWSGRAPH_BUSY_TIMEOUT", "0.1")
    monkeypatch.setattr(store_db.time, "sleep", lambda s: None)
    conn = connect(db)  # an up-to-date store opens without taking the write lock
    with pytest.raises(StoreError) as err:
        store_articles(conn, [make_article("x", 1)])
    msg = str(err.value)
    assert "busy" in msg and str(db) in msg and "try again" in msg and "\n" not in msg
    with pytest.raises(StoreError, match="busy"):
        record_failure(conn, "in/x.txt", "broken")
    holder.rollback()
    assert store_articles(conn, [make_article("x", 1)]) == (1, 0)  # lock gone: works


def test_cli_ingest_against_a_locked_store_says_busy(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    connect(db).close()
    good = tmp_path / "empty.txt"  # its failure must be recorded: a write, without loading the model
    good.write_text("")
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        env = {**os.environ, "NEWSGRAPH_BUSY_TIMEOUT": "0.2"}
        r = subprocess.run([sys.executable, "-m", "newsgraph", "ingest", "--quiet", str(good), "--db", str(db)],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    finally:
        holder.rollback()
        holder.close()
    assert r.returncode == 2, (r.stdout, r.stderr[-2000:])
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "busy" in lines[0] and "Traceback" not in r.stderr


# --- damaged and foreign files -------------------------------------------------------------------


def _good_store(path: Path, n: int = 200) -> Path:
    conn = connect(path)
    store_articles(conn, [make_article("g", i) for i in range(n)])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _damaged(kind: str, tmp_path: Path) -> Path:
    p = tmp_path / f"{kind}.db"
    if kind == "random_bytes":
        p.write_bytes(os.urandom(64 * 1024))
    elif kind == "text_file":
        p.write_text("id,name\n1,Ann\n" * 500)
    elif kind in ("foreign_sqlite", "foreign_app_id"):
        c = sqlite3.connect(p)
        c.execute("CREATE TABLE accounts(id INTEGER PRIMARY KEY, owner TEXT, balance REAL)")
        c.execute("INSERT INTO accounts VALUES (1, 'Ann', 10.5)")
        if kind == "foreign_app_id":
            c.execute("PRAGMA application_id = 1234")
        c.commit()
        c.close()
    elif kind == "newer_version":
        _good_store(p, 3)
        c = sqlite3.connect(p)
        c.execute("PRAGMA user_version = 99")
        c.commit()
        c.close()
    else:
        src = _good_store(tmp_path / "src.db")
        data = bytearray(src.read_bytes())
        if kind == "truncated":
            data = data[: len(data) // 2]
        elif kind == "header_page_zeroed":
            data[100:4096] = bytes(3996)
        elif kind == "damaged_middle":  # pages of the articles in the middle (read by showing them), whatever the layout
            c = sqlite3.connect(src)
            pages = [n for (n,) in c.execute("SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf'"
                                             " ORDER BY pageno")]
            c.close()
            middle = (pages[len(pages) // 2] - 1) * 4096
            data[middle : middle + 8192] = b"\xab" * 8192
        p.write_bytes(bytes(data))
    return p


DAMAGE = ["random_bytes", "text_file", "foreign_sqlite", "foreign_app_id", "newer_version", "truncated",
          "header_page_zeroed", "damaged_middle"]


@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_or_foreign_file_is_refused_and_left_byte_identical(kind: str, tmp_path: Path) -> None:
    p = _damaged(kind, tmp_path)
    before = sha(p)
    for readonly in (False, True):
        if kind == "damaged_middle" and readonly:
            continue  # a read-only open does not scan the file; writes are what must not happen
        with pytest.raises(StoreError) as err:
            connect(p, readonly=readonly)
        msg = str(err.value)
        assert str(p) in msg and "\n" not in msg
        assert any(w in msg for w in ("not modified", "upgrade newsgraph")), msg
        assert sha(p) == before, f"{kind}: file changed by a {'read-only' if readonly else 'writable'} open"
    assert not Path(f"{p}-wal").exists() or Path(f"{p}-wal").stat().st_size == 0


@pytest.mark.parametrize("kind", ["foreign_sqlite", "damaged_middle", "random_bytes"])
def test_cli_on_a_damaged_store_prints_one_line_and_changes_nothing(kind: str, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main

    p = _damaged(kind, tmp_path)
    before = sha(p)
    from newsgraph.run import ingest

    with pytest.raises(StoreError):
        ingest([FIX / "bad" / "good.txt"], p)
    assert main(["errors", "--db", str(p)]) == 2 or kind == "damaged_middle"
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert sha(p) == before


def test_database_path_that_is_a_directory_or_in_no_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        connect(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        connect(tmp_path / "no" / "such" / "n.db")
    assert not (tmp_path / "no").exists()


def test_disk_full_mid_batch_writes_nothing_and_a_rerun_works(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    _good_store(db, 5)
    conn = connect(db)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 3}")  # the disk fills up during the next batch
    with pytest.raises(StoreError) as err:
        store_articles(conn, [make_article("full", i) for i in range(100)])
    assert "full" in str(err.value) and "run the same command again" in str(err.value)
    assert query.stats(conn)["articles"] == 5  # the batch is all or nothing
    conn.close()
    conn = connect(db)  # space again
    assert store_articles(conn, [make_article("full", i) for i in range(100)]) == (100, 0)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- migration ------------------------------------------------------------------------------------

V1_TABLES = ["articles", "paragraphs", "boilerplate", "entities", "mentions", "quotes", "times", "events",
             "sources", "global_entities", "failures"]


def _rows(conn: sqlite3.Connection, table: str, columns: str = "*") -> list[tuple]:
    return [tuple(r) for r in conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid")]


def test_old_schema_store_is_migrated_keeping_all_data(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(OLD_DB, db)
    old = sqlite3.connect(db)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    v1_columns = {t: ", ".join(f'"{r[1]}"' for r in old.execute(f"PRAGMA table_info('{t}')")) for t in V1_TABLES}
    before = {t: _rows(old, t) for t in V1_TABLES}
    old.close()
    assert sum(len(v) for v in before.values()) >= 20

    conn = connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    for t in V1_TABLES:
        assert _rows(conn, t, v1_columns[t]) == before[t], t
    assert _rows(conn, "articles", "author") == [(None,), (None,)]  # the new column, empty for old rows
    # schema 3: events get their kind and dating span back, from the quotes and times already stored
    assert _rows(conn, "events", "kind, time_start, time_end") == [("event", 0, 3), ("event", 0, 3)]
    # the full-text index still answers; the store takes new articles with the new column
    assert [r["speaker"] for r in query.quotes(conn, search="ships")] == ["Ann Lee"]
    art = make_article("new", 1)
    art.author = "Maria Jones"
    assert store_articles(conn, [art]) == (1, 0)
    assert conn.execute("SELECT author FROM articles WHERE document = 'new-1.txt'").fetchone()[0] == "Maria Jones"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_migrated_store_has_the_same_tables_and_columns_as_a_new_one(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(OLD_DB, db)
    migrated, fresh = connect(db), connect(tmp_path / "new.db")

    def shape(c: sqlite3.Connection) -> dict[str, list[tuple]]:
        names = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type IN ('table','index','trigger') "
                                         "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {n: [tuple(r)[1:] for r in c.execute(f"PRAGMA table_xinfo('{n}')")] for n in names}

    assert shape(migrated) == shape(fresh)


def test_read_only_open_of_an_old_store_migrates_it_once(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(OLD_DB, db)
    conn = connect(db, readonly=True)  # e.g. `newsgraph quotes` or the web app after an upgrade
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert query.stats(conn)["articles"] == 2


def test_many_writers_opening_an_old_store_migrate_it_exactly_once(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(OLD_DB, db)
    errors: list[BaseException] = []

    def open_and_write(k: int) -> None:
        try:
            c = connect(db)
            store_articles(c, [make_article(f"t{k}", 0)])
            c.close()
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=open_and_write, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    conn = connect(db, readonly=True)
    assert query.stats(conn)["articles"] == 2 + 6
    assert len(query.failures(conn)) == 2


def test_up_to_date_store_opens_without_writing(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    _good_store(db, 5)
    before = sha(db)
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")  # a writer busy elsewhere does not block opening
    try:
        connect(db).close()
    finally:
        holder.rollback()
        holder.close()
    assert sha(db) == before


def test_cli_show_on_a_damaged_page_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main

    p = _damaged("damaged_middle", tmp_path)
    codes = [main(["show", str(i), "--no-colour", "--db", str(p)]) for i in range(1, 201)]
    assert 2 in codes and set(codes) <= {0, 2}
    assert "Traceback" not in capsys.readouterr().err


def test_read_only_open_adds_tables_a_newer_schema_sql_brings(tmp_path: Path) -> None:
    """Same schema version, but this newsgraph's schema.sql has a table the store lacks (a
    feature added since it was made): `newsgraph serve` or `quotes` on it gets the table."""
    db = tmp_path / "n.db"
    _good_store(db, 2)
    c = sqlite3.connect(db)
    c.execute("DROP TABLE entity_merges")
    c.execute("DELETE FROM meta WHERE key = 'schema_sql'")
    c.commit()
    c.close()
    conn = connect(db, readonly=True)
    assert conn.execute("SELECT count(*) FROM entity_merges").fetchone()[0] == 0
    assert query.stats(conn)["articles"] == 2


def reopened_as_of_schema(conn: sqlite3.Connection, db: Path, version: int) -> sqlite3.Connection:
    """Mark a store (already put in that version's shape) as written by schema ``version``, close it and
    open it again: the open migrates it."""
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("DELETE FROM meta WHERE key = 'schema_sql'")
    conn.commit()
    conn.close()
    conn = connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    return conn


def test_schema_2_store_gets_event_kinds_and_dating_spans_back(tmp_path: Path) -> None:
    """A store written before schema 3 (events without kind/time span) is migrated from what it has:
    an event spanning exactly a quotation with its speaker is that quotation's; the dating span is
    the time expression inside the event with the event's date."""
    from newsgraph.model import Event, TimeExpression

    db = tmp_path / "v2.db"
    art = make_article("m", 1)
    q = art.quotes[0]
    art.times = [TimeExpression((len(art.text) - 30, len(art.text) - 24), "Monday", "2019-05-06", "publication")]
    quote_event = Event("2019-05-08", "quote", (q.start, q.speaker.mention[1]), ["Ann Lee"], kind="quote")  # type: ignore[index]
    dated = Event("2019-05-06", "more words", (len(art.text) - 40, len(art.text)), [], time_span=art.times[0].span)
    art.timeline = [quote_event, dated]
    conn = connect(db)
    store_articles(conn, [art])
    for column in ("kind", "time_start", "time_end"):  # back to schema 2's shape
        conn.execute(f"ALTER TABLE events DROP COLUMN {column}")
    _drop_schema_4_columns(conn)
    conn = reopened_as_of_schema(conn, db, 2)
    assert _rows(conn, "events", "kind, time_start, time_end") == [("quote", None, None),
                                                                   ("event", *art.times[0].span)]
    loaded = query.load_article(conn, 1)
    assert loaded is not None and loaded.timeline == art.timeline


def drop_schema_7_attention(conn: sqlite3.Connection) -> None:
    """Back to schema 6: no attention over time kept (its triggers, views and table)."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'attention%'"
                                ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for name in ("attention_delta", "attention_article_parts"):
        conn.execute(f"DROP VIEW {name}")
    conn.execute("DROP TABLE attention_tally")


def drop_schema_6_group_figures(conn: sqlite3.Connection) -> None:
    """Back to schema 5: quotation groups without their kept figures (triggers, tables, indexes, columns),
    nor schema 7's."""
    drop_schema_7_attention(conn)
    for name in ("quote_group_members_ai", "quote_group_members_ad", "articles_published_au"):
        conn.execute(f"DROP TRIGGER {name}")
    for name in ("quote_group_members_order", "quote_group_members_wording", "quote_groups_most", "entities_unmerged"):
        conn.execute(f"DROP INDEX {name}")
    for name in GROUP_FIGURES_TABLES:
        conn.execute(f"DROP TABLE {name}")
    for column in ("wording", "published", "article_id", "speaker"):
        conn.execute(f"ALTER TABLE quote_group_members DROP COLUMN {column}")
    conn.execute("DROP INDEX speaker_articles_newest")
    conn.execute("ALTER TABLE speaker_articles DROP COLUMN published")


def drop_schema_5_totals(conn: sqlite3.Connection) -> None:
    """Back to schema 4: no totals (their triggers, view and tables), nor schema 6's."""
    drop_schema_6_group_figures(conn)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND"
                                " (name LIKE 'totals%' OR name LIKE 'speaker_articles%' OR name LIKE 'person_totals%')"
                                ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP VIEW person_totals_delta")
    conn.execute("DROP VIEW quote_facts")
    conn.execute("DROP VIEW person_title_flags")
    for name in TOTALS_TABLES:
        conn.execute(f"DROP TABLE {name}")


def _drop_schema_4_columns(conn: sqlite3.Connection) -> None:
    """Back to schema 3's columns: no speaker types, affiliations, genders, acts or parents."""
    drop_schema_5_totals(conn)
    conn.execute("DROP INDEX quotes_act")
    conn.execute("DROP INDEX quotes_speaker_act")  # schema 7+ (on speaker, act)
    for column in ("speaker_type", "affiliation", "act", "parent_id"):
        conn.execute(f"ALTER TABLE quotes DROP COLUMN {column}")
    conn.execute("ALTER TABLE entities DROP COLUMN gender")
    conn.execute("ALTER TABLE entities DROP COLUMN place_kind")


def test_schema_3_store_gets_speaker_types(tmp_path: Path) -> None:
    """A store written before schema 4 keeps its quotations; a named speaker linked to a person
    becomes a PERSON, the others stay untyped until re-ingested."""
    db = tmp_path / "v3.db"
    conn = connect(db)
    store_articles(conn, [make_article("m", 1)])
    conn.execute("DROP INDEX articles_document_unique")
    _drop_schema_4_columns(conn)
    conn = reopened_as_of_schema(conn, db, 3)
    rows = conn.execute("SELECT speaker, speaker_entity_id, speaker_type FROM quotes").fetchall()
    assert rows and all((t == "PERSON") == (e is not None) for _, e, t in rows)
    acts = conn.execute("SELECT kind, act, parent_id FROM quotes").fetchall()
    assert all(act == ("speech" if kind in ("direct", "mixed") else None) and p is None for kind, act, p in acts)
    assert query.load_article(conn, 1) is not None


def test_document_names_are_unique_in_a_store_and_schema_3_stores_are_renamed(tmp_path: Path) -> None:
    """Two different articles never share the name people see: a second "001.txt" is stored under its
    source path (else numbered); a schema-3 store where they do is migrated the same way."""
    from newsgraph.model import Article

    def art(text: str, source: str | None) -> Article:
        return Article(text=text, document="001.txt", source=source)

    db = tmp_path / "names.db"
    conn = connect(db)
    store_articles(conn, [art("One.", "bbc/001.txt"), art("Two.", "polnear/001.txt"), art("Three.", None),
                          art("Four.", "polnear/001.txt")])
    assert _rows(conn, "articles", "document") == [("001.txt",), ("polnear/001.txt",), ("001.txt (2)",),
                                                   ("001.txt (3)",)]
    conn.execute("DROP INDEX articles_document_unique")  # back to schema 3, where names could be shared
    conn.execute("UPDATE articles SET document = '001.txt'")
    _drop_schema_4_columns(conn)
    conn = reopened_as_of_schema(conn, db, 3)
    assert _rows(conn, "articles", "document") == [("bbc/001.txt",), ("001.txt",), ("001.txt (3)",),
                                                   ("001.txt (4)",)]  # a source shared by two is no name
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE articles SET document = 'x' WHERE id IN (1, 2)")


def test_schema_3_store_gets_accent_keeping_and_article_search_indexes(tmp_path: Path) -> None:
    """Schema 3 had one accent-free index, over quotations only: the migration builds the others
    from the stored rows, and a read-only open (the web app's) triggers it."""
    db = tmp_path / "v3.db"
    conn = connect(db)
    store_articles(conn, [make_article("m", 1)])
    for name in ("quotes_exact_ai", "quotes_exact_ad", "quotes_exact_au", "articles_fts_ai", "articles_fts_ad",
                 "articles_fts_au"):
        conn.execute(f"DROP TRIGGER {name}")
    for name in ("quotes_fts_exact", "articles_fts", "articles_fts_exact"):
        conn.execute(f"DROP TABLE {name}")
    conn.execute("DROP INDEX articles_document_unique")
    _drop_schema_4_columns(conn)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("DELETE FROM meta WHERE key = 'schema_sql'")
    conn.commit()
    conn.close()
    conn = connect(db, readonly=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    quote = query.quotes(conn)[0]["content"]
    word = quote.split()[0]
    assert query.count_quotes(conn, search=word) == 1
    text_word = conn.execute("SELECT text FROM articles").fetchone()[0].split()[0]
    assert query.count_articles(conn, search=text_word) == 1
    assert conn.execute("SELECT count(*) FROM quotes_fts_exact").fetchone()[0] == 1
