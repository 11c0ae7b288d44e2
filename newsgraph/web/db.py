"""Read-only, time-limited connections to the store for the web app.

Each request borrows one connection from a small pool; a progress handler aborts any
statement that runs past the request's time budget, so a heavy search answers with a
clear 503 instead of hanging the server. The store is opened read-only (``mode=ro``)
and ``query_only`` is set, so no endpoint can write.
"""

from __future__ import annotations

import gc
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import Request

from newsgraph.store import connect

PROGRESS_STEPS = 1000  # SQLite VM steps between deadline checks


class QueryTimeout(RuntimeError):
    """A query ran past the time budget and was interrupted."""


class Budget:
    """One request's time budget; ``fired`` tells afterwards that it stopped a statement."""

    __slots__ = ("deadline", "fired")

    def __init__(self, timeout_ms: int) -> None:
        self.deadline = time.monotonic() + timeout_ms / 1000
        self.fired = False

    def exceeded(self) -> int:
        if time.monotonic() > self.deadline:
            self.fired = True
            return 1
        return 0


class ReadOnlyStore:
    """A pool of read-only connections to one store, each statement limited to ``timeout_ms``."""

    def __init__(self, path: str | Path, *, timeout_ms: int = 3000, pool_size: int = 8) -> None:
        self.path = Path(path)
        self.timeout_ms = timeout_ms
        self._idle: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue(maxsize=pool_size)
        self._idle.put_nowait(self._open())  # fail now (missing, foreign, too new) rather than per request
        self._cache: dict[tuple, object] = {}
        self._cache_version: tuple = ()
        self._cache_lock = threading.Lock()

    def _open(self) -> sqlite3.Connection:
        conn = connect(self.path, readonly=True)
        conn.execute("PRAGMA query_only = ON")
        return conn

    @contextmanager
    def connection(self, budget: Budget | None = None) -> Iterator[sqlite3.Connection]:
        """A connection whose statements stop when ``budget`` runs out (raises QueryTimeout)."""
        budget = budget or Budget(self.timeout_ms)
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = self._open()
        conn.set_progress_handler(budget.exceeded, PROGRESS_STEPS)
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            if budget.fired:  # "interrupted", or e.g. "vtable constructor failed" when FTS5 was stopped
                raise QueryTimeout(f"the query took longer than {self.timeout_ms} ms and was stopped") from exc
            raise
        finally:
            conn.set_progress_handler(None, 0)
            try:
                self._idle.put_nowait(conn)
            except queue.Full:
                conn.close()

    def version(self) -> tuple:
        """Changes whenever the store is written (the database file or its WAL file changes)."""
        out: list[tuple[int, int] | None] = []
        for p in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                st = p.stat()
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def cached(self, conn: sqlite3.Connection, fn: Callable[..., object], **kwargs: object) -> object:
        """``fn(conn, **kwargs)``, remembered until the store changes: for whole-store aggregates
        (counts, most-quoted, most-mentioned) that every overview and map request would redo."""
        key = (fn.__module__, fn.__qualname__, *sorted(kwargs.items()))
        version = self.version()
        with self._cache_lock:
            if version != self._cache_version:
                self._cache, self._cache_version = {}, version
            if key in self._cache:
                return self._cache[key]
        value = fn(conn, **kwargs)
        with self._cache_lock:
            if len(self._cache) < 256 and self._cache_version == version:
                self._cache[key] = value
        return value

    def warm(self) -> None:
        """Build what the first requests would otherwise wait for: the store's people, places and
        inferred genders (the given-name lists take half a second to load) and the articles list's
        facets (a pass over every article), in the background at start."""
        def run() -> None:
            from newsgraph.identity import identities
            from newsgraph.query import article_facets, place_table
            from newsgraph.tables import per_store
            from newsgraph.who_is_quoted import genders

            try:
                with self.connection(Budget(60_000)) as conn:
                    identities(conn)
                    per_store(conn, place_table)
                    per_store(conn, genders)
                    self.cached(conn, article_facets, sample=None, search=None, outlet=None, date_from=None,
                                date_to=None)
            except (sqlite3.Error, QueryTimeout):  # a busy or changed store: the first request builds them
                pass
            # What was built stays for the life of the store: out of the collector's full passes, which
            # would otherwise walk it (a pause of tens of milliseconds on a large store's tables).
            gc.freeze()

        threading.Thread(target=run, name="newsgraph-warm", daemon=True).start()

    def close(self) -> None:
        while True:
            try:
                conn = self._idle.get_nowait()
            except queue.Empty:
                return
            conn.close()


def conn_dependency(request: Request) -> Iterator[sqlite3.Connection]:
    """FastAPI dependency: one pooled read-only connection per request, under the time budget."""
    store: ReadOnlyStore = request.app.state.store
    request.state.budget = budget = Budget(store.timeout_ms)
    with store.connection(budget) as conn:
        yield conn
