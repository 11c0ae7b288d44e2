"""Opening, migrating and writing the SQLite store.

Writes happen one transaction per batch, so an interrupted ingest leaves whole
articles or nothing; an article whose text hash is already stored is skipped.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from newsgraph.model import Article

SCHEMA_VERSION = 1
APP_ID = 0x6E677268  # "ngrh": marks a file as a newsgraph store (PRAGMA application_id)
BUSY_TIMEOUT_S = 30.0


class StoreError(RuntimeError):
    """A database that cannot be used (foreign, corrupted, too new, locked)."""


def _schema_sql() -> str:
    return resources.files("newsgraph.store").joinpath("schema.sql").read_text("utf-8")


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (and create or migrate, unless read-only) a newsgraph store."""
    path = Path(path)
    if readonly:
        if not path.exists():
            raise StoreError(f"{path}: no such database (run `newsgraph ingest` first)")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    conn.row_factory = sqlite3.Row
    try:
        _check(conn, path, readonly)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a usable SQLite database ({exc}); it was not modified") from exc
    except StoreError:
        conn.close()
        raise
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _check(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id not in (0, APP_ID) or (app_id == 0 and tables and "articles" not in tables):
        raise StoreError(f"{path}: a SQLite database of another program; it was not modified "
                         "(give --db a new file name)")
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: made by a newer newsgraph (schema {version} > {SCHEMA_VERSION}); upgrade newsgraph")
    if readonly:
        if version < SCHEMA_VERSION:
            raise StoreError(f"{path}: schema {version} is older; run any `newsgraph ingest` to migrate it")
        return
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    migrate(conn, version)


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Bring a store up to ``SCHEMA_VERSION``, keeping all data.

    schema.sql is idempotent (CREATE ... IF NOT EXISTS), so new tables and indexes
    appear on every writable open; changes to existing tables go in version steps.
    """
    with conn:
        conn.executescript("BEGIN;" + _schema_sql() + f"PRAGMA application_id = {APP_ID};COMMIT;")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                     (str(SCHEMA_VERSION),))


def _retry(fn, *args, attempts: int = 5):  # type: ignore[no-untyped-def]
    for i in range(attempts):
        try:
            return fn(*args)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or i == attempts - 1:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise StoreError("the database is busy (another ingest is writing); try again") from exc
                raise
            time.sleep(0.5 * (i + 1))
    return None


def store_articles(conn: sqlite3.Connection, articles: Iterable[Article]) -> tuple[int, int]:
    """Store a batch in one transaction; returns (stored, already present)."""
    batch = list(articles)
    return _retry(_store_batch, conn, batch)  # type: ignore[no-any-return]


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


def _insert_article(conn: sqlite3.Connection, art: Article) -> int:
    cur = conn.execute(
        "INSERT INTO articles(hash, document, title, published, source, url, outlet, text) "
        "VALUES (?,?,?,?,?,?,?,?)",
        (art.hash, art.document, art.title, art.published, art.source, art.url, art.outlet, art.text),
    )
    aid = int(cur.lastrowid or 0)
    conn.executemany("INSERT INTO paragraphs(article_id, start, \"end\", kind) VALUES (?,?,?,?)",
                     [(aid, p.start, p.end, p.kind) for p in art.paragraphs])
    conn.executemany("INSERT INTO boilerplate(article_id, start, \"end\") VALUES (?,?,?)",
                     [(aid, s, e) for s, e in art.boilerplate])
    entity_ids: dict[tuple[int, int], int] = {}
    for ent in art.entities:
        geo = ent.geo or {}
        eid = int(conn.execute(
            "INSERT INTO entities(article_id, name, type, aliases, roles, lat, lon, country) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (aid, ent.name, ent.type, json.dumps(ent.aliases, ensure_ascii=False),
             json.dumps(ent.roles, ensure_ascii=False), geo.get("lat"), geo.get("lon"), geo.get("country")),
        ).lastrowid or 0)
        conn.executemany("INSERT INTO mentions(entity_id, article_id, start, \"end\") VALUES (?,?,?,?)",
                         [(eid, aid, s, e) for s, e in ent.mentions])
        for m in ent.mentions:
            entity_ids[tuple(m)] = eid  # type: ignore[index]
    person_by_name = {e.name: entity_ids.get(tuple(e.mentions[0])) for e in art.entities  # type: ignore[arg-type]
                      if e.type == "PERSON" and e.mentions}
    for q in art.quotes:
        spk = q.speaker
        conn.execute(
            "INSERT INTO quotes(article_id, start, \"end\", spans, content, kind, speaker, speaker_start, "
            "speaker_end, descriptor, speaker_entity_id, cue_start, cue_end, cue_lemma, confidence) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (aid, q.start, q.end, json.dumps(q.content_spans),
             " ".join(art.text[s:e] for s, e in q.content_spans), q.kind, spk.name,
             spk.mention[0] if spk.mention else None, spk.mention[1] if spk.mention else None,
             spk.descriptor, person_by_name.get(spk.name) if spk.name else None,
             q.cue[0] if q.cue else None, q.cue[1] if q.cue else None, q.cue_lemma, q.confidence),
        )
    conn.executemany("INSERT INTO times(article_id, start, \"end\", text, value, how) VALUES (?,?,?,?,?,?)",
                     [(aid, t.span[0], t.span[1], t.text, t.value, t.how) for t in art.times])
    conn.executemany(
        "INSERT INTO events(article_id, date, text, start, \"end\", participants, places) VALUES (?,?,?,?,?,?,?)",
        [(aid, ev.date, ev.text, ev.span[0], ev.span[1], json.dumps(ev.participants, ensure_ascii=False),
          json.dumps(ev.places, ensure_ascii=False)) for ev in art.timeline],
    )
    return aid


def record_failure(conn: sqlite3.Connection, source: str, problem: str, hint: str = "") -> None:
    def write() -> None:
        with conn:
            conn.execute("INSERT OR REPLACE INTO failures(source, problem, hint) VALUES (?,?,?)",
                         (source, problem, hint))
    _retry(write)


def known_sources(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT source FROM sources")}
