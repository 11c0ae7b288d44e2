"""Opening, migrating and writing the SQLite store.

Writes happen one transaction per batch, so an interrupted ingest leaves whole
articles or nothing; an article whose text hash is already stored is skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from newsgraph.model import Article, speaker_entity
from newsgraph.store import wording

SCHEMA_VERSION = 8
"""1: the foundation. 2: articles.author (the byline). 3: events.kind, time_start, time_end.
4: article document names unique (shared names renamed to their source path); quotes.speaker_type,
quotes.affiliation, entities.gender; search indexes keeping accents, and over the article text."""
APP_ID = 0x6E677268  # "ngrh": marks a file as a newsgraph store (PRAGMA application_id)
BUSY_TIMEOUT_S = 30.0
WRITER_CACHE_KIB = 64 * 1024
"""A writable connection's page cache (SQLite's default is 2 MB)."""
WRITER_WAL_PAGES = 8192
"""Pages the write-ahead log takes before a writer copies it into the store (SQLite's default is
1,000). A batch of 32 articles writes 3,000 to 4,000 pages, most of them again in the next batch
(index leaves, totals); a checkpoint at every batch wrote each of them into a 1.4 GB file, scattered,
and synced it: 1.2 s of 100 articles' ingest at a million quotations, against 0.1 s into a new store."""
QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024
"""A writable open checks the file's structure (``PRAGMA quick_check``, ~11 ms per MB) before
writing to it, up to this size; bigger stores are checked by their writes failing cleanly."""


class StoreError(RuntimeError):
    """A database that cannot be used (foreign, corrupted, too new, locked)."""


class _OlderSchema(Exception):
    """A read-only open found an older schema: migrate it with a writable open first."""

    def __init__(self, version: int) -> None:
        self.version = version


def busy_timeout() -> float:
    """Seconds a write waits for another writer (``NEWSGRAPH_BUSY_TIMEOUT``, default 30)."""
    try:
        return max(0.0, float(os.environ.get("NEWSGRAPH_BUSY_TIMEOUT", BUSY_TIMEOUT_S)))
    except ValueError:
        return BUSY_TIMEOUT_S


def _is_busy(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _busy(path: Path | str) -> StoreError:
    return StoreError(f"{path}: the database is busy (another newsgraph process is writing to it); "
                      "wait for it to finish and try again")


def _corrupt(path: Path | str, exc: sqlite3.Error) -> StoreError:
    return StoreError(f"{path}: the database file is damaged ({exc}); it was not modified "
                      f"(restore a backup, or try `sqlite3 {path} .recover | sqlite3 recovered.db`)")


def _package_sql(name: str) -> str:
    """A .sql file of this package, read beside this module (not through ``importlib.resources``,
    whose zip readers cost a store command a tenth of its start-up)."""
    return (Path(__file__).parent / name).read_text("utf-8")


def _schema_sql() -> str:
    return _package_sql("schema.sql")


MIGRATIONS: dict[int, str] = {1: "migrate_1_to_2.sql", 2: "migrate_2_to_3.sql", 3: "migrate_3_to_4.sql",
                              4: "migrate_4_to_5.sql", 5: "migrate_5_to_6.sql",
                              6: "migrate_6_to_7.sql", 7: "migrate_7_to_8.sql"}
"""Version steps that change existing tables: from version N, run the SQL file to reach N + 1."""
TOTALS_SINCE = 5
"""The schema that added the totals (schema.sql, end): an older store computes them once when migrated."""
TOTALS_TABLES = ("quote_tally", "speaker_articles", "person_totals", "person_names", "place_totals", "place_types",
                 "event_years", "speaker_names")


GROUP_FIGURES_SINCE = 6
"""The schema whose quotation groups keep their figures (schema.sql, quote_group_*)."""
GROUP_FIGURES_TABLES = ("quote_group_wordings", "quote_group_speakers")
ATTENTION_SINCE = 7
"""The schema that counts attention over time whole (schema.sql, attention_tally)."""
ATTENTION_TABLES = ("attention_tally",)
WORD_TALLY_SINCE = 8
"""The schema that counts each word's articles and quotations per month (schema.sql, word_tally)."""
WORD_TALLY_TABLES = ("word_tally",)


def rebuild_totals(conn: sqlite3.Connection) -> None:
    """Compute the totals tables, the quotation groups' figures and attention over time from scratch (inside
    the caller's transaction)."""
    for statement in _statements(_package_sql("totals_rebuild.sql")):
        conn.execute(statement)
    rebuild_group_figures(conn)
    rebuild_attention(conn)
    rebuild_word_tally(conn)


def rebuild_group_figures(conn: sqlite3.Connection) -> None:
    """Compute the quotation groups' sizes, wordings and speakers from their members (inside the caller's transaction)."""
    for statement in _statements(_package_sql("quote_group_figures.sql")):
        conn.execute(statement)


def rebuild_attention(conn: sqlite3.Connection) -> None:
    """Compute attention over time per person and place from the stored rows (inside the caller's transaction)."""
    for statement in _statements(_package_sql("attention_tally.sql")):
        conn.execute(statement)


def rebuild_word_tally(conn: sqlite3.Connection) -> None:
    """Count each word's articles and quotations per month from the stored rows (inside the caller's
    transaction): the texts of one month at a time through word_fts_scratch (word_tally.sql)."""
    conn.execute("DELETE FROM word_tally")
    conn.execute("INSERT INTO word_fts_scratch(word_fts_scratch) VALUES ('delete-all')")
    months: dict[str | None, list[int]] = {}
    for article_id, published in conn.execute("SELECT id, published FROM articles INDEXED BY articles_dates"):
        months.setdefault(None if published is None else str(published)[:7], []).append(article_id)
    statements = _statements(_package_sql("word_tally.sql"))
    for month, ids in months.items():
        for statement in statements:
            conn.execute(statement, {"month": month, "ids": json.dumps(ids)})


def connect(path: str | Path, *, readonly: bool = False, _complete: bool = True) -> sqlite3.Connection:
    """Open (and create or migrate, unless read-only) a newsgraph store.

    Refused with a ``StoreError`` (and left byte-identical): a file that is not SQLite, a
    database of another program, a damaged one, one made by a newer newsgraph. A store
    locked by a writer for longer than ``BUSY_TIMEOUT_S`` is reported as busy.
    """
    # SQLite answers "locked" at once, without waiting, to some races between processes opening
    # the same new file (two switching it to WAL): try again until the busy timeout is spent.
    deadline = time.monotonic() + busy_timeout()
    pause = 0.02
    while True:
        try:
            return _connect(path, readonly=readonly, complete=_complete)
        except StoreError as exc:
            if not isinstance(exc.__cause__, sqlite3.Error) or not _is_busy(exc.__cause__) \
                    or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def _connect(path: str | Path, *, readonly: bool, complete: bool) -> sqlite3.Connection:
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path}: is a directory (give --db a file name)")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: the folder {path.parent} does not exist (create it or give --db another path)")
    if readonly:
        if not path.exists():
            raise StoreError(f"{path}: no such database (run `newsgraph ingest` first)")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=busy_timeout(),
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(path, timeout=busy_timeout())
    conn.row_factory = sqlite3.Row
    try:
        _check(conn, path, readonly, complete)
    except _OlderSchema as old:
        conn.close()
        try:
            connect(path).close()  # an upgraded newsgraph reading an older store migrates it once
        except StoreError as exc:
            if old.version < SCHEMA_VERSION:
                raise StoreError(f"{path}: schema {old.version} is older and could not be migrated ({exc}); "
                                 "make the file writable and run any newsgraph command on it") from exc
            return connect(path, readonly=True, _complete=False)  # read-only media: read what is there
        return connect(path, readonly=True)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if _is_busy(exc):
            raise _busy(path) from exc
        if "malformed" in str(exc) or "corrupt" in str(exc):
            raise _corrupt(path, exc) from exc
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise StoreError(f"{path}: cannot write to the database ({exc}); check the file and folder "
                             "permissions, or give --db another file") from exc
        raise StoreError(f"{path}: not a usable SQLite database ({exc}); it was not modified") from exc
    except StoreError:
        conn.close()
        raise
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        # Per connection, not stored in the file: a store opened again (not created or migrated by this
        # open) would write with SQLite's default, an fsync per commit (0.5 s a batch at a million
        # quotations). In WAL mode NORMAL loses no committed batch to a crash or kill, only to a power
        # cut. The larger page cache keeps the upper levels of a big store's indexes between batches.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {WRITER_WAL_PAGES}")
    return conn


def _check(conn: sqlite3.Connection, path: Path, readonly: bool, complete: bool = True) -> None:
    """Refuse what is not a usable store; migrate (writable) or ask for it (``_OlderSchema``, read-only).
    ``complete``: a read-only open also wants the tables the current schema.sql adds."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id not in (0, APP_ID) or (app_id == 0 and tables and "articles" not in tables):
        raise StoreError(f"{path}: a SQLite database of another program; it was not modified "
                         "(give --db a new file name)")
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: made by a newer newsgraph (schema {version} > {SCHEMA_VERSION}); upgrade newsgraph")
    if readonly:
        if version < SCHEMA_VERSION or (complete and not _schema_applied(conn, tables)):
            raise _OlderSchema(version)
        return
    if tables and path.exists() and path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
        problems = [r[0] for r in conn.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise _corrupt(path, sqlite3.DatabaseError("malformed: " + "; ".join(problems).replace("\n", " ")))
    if version == SCHEMA_VERSION and _schema_applied(conn, tables):
        return  # nothing to write: a plain open takes no write lock
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    migrate(conn, version if tables else 0)


def _schema_fingerprint() -> str:
    return hashlib.sha256(_schema_sql().encode()).hexdigest()[:16]


def _schema_applied(conn: sqlite3.Connection, tables: set[str]) -> bool:
    """schema.sql (which others extend with new tables) ran on this file in its current form."""
    if "meta" not in tables:
        return False
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_sql'").fetchone()
    return bool(row) and row[0] == _schema_fingerprint()


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Bring a store up to ``SCHEMA_VERSION``, keeping all data, in one transaction.

    Version steps (``MIGRATIONS``) change existing tables; then schema.sql, idempotent
    (CREATE ... IF NOT EXISTS), adds new tables and indexes. The version is read again
    inside the write transaction, so two processes opening an old store migrate it once.
    ``from_version`` 0 is a new file.
    """
    wording.register(conn)  # migrate_5_to_6.sql's newsgraph_wording()
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version == 0 and from_version > 0:
            version = from_version
        if version > 0:
            for step in range(version, SCHEMA_VERSION):
                for statement in _statements(_package_sql(MIGRATIONS[step])):
                    conn.execute(statement)
        for statement in _statements(_schema_sql()):
            conn.execute(statement)
        if 0 < version < TOTALS_SINCE:
            rebuild_totals(conn)
        else:
            if 0 < version < GROUP_FIGURES_SINCE:
                rebuild_group_figures(conn)
            if 0 < version < ATTENTION_SINCE:
                rebuild_attention(conn)
            if 0 < version < WORD_TALLY_SINCE:
                rebuild_word_tally(conn)
        conn.execute(f"PRAGMA application_id = {APP_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                         [("schema_version", str(SCHEMA_VERSION)), ("schema_sql", _schema_fingerprint())])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    """A SQL script as single statements (triggers, with their inner ``;``, kept whole)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def run_write(conn: sqlite3.Connection, fn, *args, attempts: int = 5):
    """Run a write transaction, retrying while another process holds the lock (each try already
    waits ``BUSY_TIMEOUT_S``); a lock held longer, or a damaged file, becomes a one-line StoreError."""
    for i in range(attempts):
        try:
            return fn(*args)
        except sqlite3.DatabaseError as exc:
            if _is_busy(exc) and i < attempts - 1:
                time.sleep(min(0.5 * (i + 1), busy_timeout()))
                continue
            if _is_busy(exc):
                raise _busy(_db_path(conn)) from exc
            if "malformed" in str(exc) or "corrupt" in str(exc):
                raise _corrupt(_db_path(conn), exc) from exc
            if "full" in str(exc):
                raise StoreError(f"{_db_path(conn)}: {exc}; nothing of this batch was written (free some space "
                                 "and run the same command again: it resumes)") from exc
            raise
    return None


def _db_path(conn: sqlite3.Connection) -> str:
    try:
        return str(conn.execute("PRAGMA database_list").fetchone()[2]) or "the database"
    except sqlite3.Error:
        return "the database"


def store_articles(conn: sqlite3.Connection, articles: Iterable[Article]) -> tuple[int, int]:
    """Store a batch in one transaction; returns (stored, already present)."""
    batch = list(articles)
    return run_write(conn, _store_batch, conn, batch)


def _store_batch(conn: sqlite3.Connection, batch: list[Article]) -> tuple[int, int]:
    stored = skipped = 0
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        for art in batch:
            row = conn.execute("SELECT id FROM articles WHERE hash = ?", (art.hash,)).fetchone()
            if row:
                skipped += 1
                article_id = row[0]
            else:
                article_id = _insert_article(conn, art)
                stored += 1
            if art.source:
                conn.execute("INSERT OR REPLACE INTO sources(source, article_id) VALUES (?, ?)",
                             (art.source, article_id))
                conn.execute("DELETE FROM failures WHERE source IN (?, ?)", (art.source, input_file(art.source)))
    return stored, skipped


def input_file(source: str) -> str:
    """The file of a source: ``feed.jsonl:12`` is line 12 of ``feed.jsonl``; a failure recorded for the
    whole file (e.g. it was not UTF-8) is cleared when one of its lines is stored."""
    path, sep, line = source.rpartition(":")
    return path if sep and line.isdigit() and path else source


def unique_document(conn: sqlite3.Connection, document: str, source: str | None) -> str:
    """The name an article is stored under (`unique_name` among the store's articles)."""
    def taken(name: str) -> bool:
        return conn.execute("SELECT 1 FROM articles WHERE document = ?", (name,)).fetchone() is not None

    return unique_name(document, source, taken)


def unique_name(document: str, source: str | None, taken: Callable[[str], bool]) -> str:
    """An article's name: its own, unless another article has it; then its source (the path or URL
    as given), else the name with a number ("001.txt (2)"). People see and look up articles by
    this name, so two different articles never share one."""
    if not taken(document):
        return document
    if source and source != document and not taken(source):
        return source
    n = 2
    while taken(f"{document} ({n})"):
        n += 1
    return f"{document} ({n})"


def _insert_article(conn: sqlite3.Connection, art: Article) -> int:
    cur = conn.execute(
        "INSERT INTO articles(hash, document, title, published, source, url, outlet, text, author) "
        "VALUES (?,?,?,?,?,?,?,?,?)",
        (art.hash, unique_document(conn, art.document, art.source), art.title, art.published, art.source, art.url,
         art.outlet, art.text,
         getattr(art, "author", None)),
    )
    aid = int(cur.lastrowid or 0)
    conn.executemany("INSERT INTO paragraphs(article_id, start, \"end\", kind) VALUES (?,?,?,?)",
                     [(aid, p.start, p.end, p.kind) for p in art.paragraphs])
    conn.executemany("INSERT INTO boilerplate(article_id, start, \"end\") VALUES (?,?,?)",
                     [(aid, s, e) for s, e in art.boilerplate])
    ids_in_order: list[int] = []  # the article's entities' row ids, in ``art.entities`` order
    for ent in art.entities:
        geo = ent.geo or {}
        eid = int(conn.execute(
            "INSERT INTO entities(article_id, name, type, aliases, roles, lat, lon, country, gender, place_kind) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            (aid, ent.name, ent.type, json.dumps(ent.aliases, ensure_ascii=False),
             json.dumps(ent.roles, ensure_ascii=False), geo.get("lat"), geo.get("lon"), geo.get("country"),
             ent.said_gender, geo.get("kind")),
        ).lastrowid or 0)
        conn.executemany("INSERT INTO mentions(entity_id, article_id, start, \"end\") VALUES (?,?,?,?)",
                         [(eid, aid, s, e) for s, e in ent.mentions])
        ids_in_order.append(eid)
    quote_ids: list[int] = []  # row ids in ``art.quotes`` order: a parent is an earlier quotation
    for q in art.quotes:
        spk = q.speaker
        k = speaker_entity(spk, art.entities)
        parent = quote_ids[q.parent] if q.parent is not None and q.parent < len(quote_ids) else None
        quote_ids.append(int(conn.execute(
            "INSERT INTO quotes(article_id, start, \"end\", spans, content, kind, speaker, speaker_start, "
            "speaker_end, descriptor, speaker_entity_id, cue_start, cue_end, cue_lemma, confidence, "
            "speaker_type, affiliation, act, parent_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (aid, q.start, q.end, json.dumps(q.content_spans),
             q.content(art.text), q.kind, spk.name,
             spk.mention[0] if spk.mention else None, spk.mention[1] if spk.mention else None,
             spk.descriptor, ids_in_order[k] if k is not None else None,
             q.cue[0] if q.cue else None, q.cue[1] if q.cue else None, q.cue_lemma, q.confidence,
             spk.type, spk.affiliation, q.act, parent),
        ).lastrowid or 0))
    conn.executemany("INSERT INTO times(article_id, start, \"end\", text, value, how) VALUES (?,?,?,?,?,?)",
                     [(aid, t.span[0], t.span[1], t.text, t.value, t.how) for t in art.times])
    conn.executemany(
        "INSERT INTO events(article_id, date, text, start, \"end\", participants, places, time_start, time_end, kind)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(aid, ev.date, ev.text, ev.span[0], ev.span[1], json.dumps(ev.participants, ensure_ascii=False),
          json.dumps(ev.places, ensure_ascii=False), ev.time_span[0] if ev.time_span else None,
          ev.time_span[1] if ev.time_span else None, ev.kind) for ev in art.timeline],
    )
    return aid


def record_failure(conn: sqlite3.Connection, source: str, problem: str, hint: str = "") -> None:
    def write() -> None:
        with conn:
            conn.execute("INSERT OR REPLACE INTO failures(source, problem, hint) VALUES (?,?,?)",
                         (source, problem, hint))
    run_write(conn, write)


def forget_failures(conn: sqlite3.Connection, file: str) -> None:
    """Drop what earlier runs recorded as failing in ``file`` (the file, or any of its lines): it is
    being read again, and what still fails is recorded again. A line fixed by deleting it (so
    that no input of that name is ever stored again) no longer shows as failing."""
    where = "source = ? OR (source >= ? AND source < ?)"  # ``file:N`` by the primary key's order
    args = (file, file + ":", file + ";")
    if conn.execute(f"SELECT 1 FROM failures WHERE {where} LIMIT 1", args).fetchone() is None:
        return  # the usual case: a read, no write transaction per file

    def write() -> None:
        with conn:
            conn.execute(f"DELETE FROM failures WHERE {where}", args)
    run_write(conn, write)


def known_sources(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT source FROM sources")}
