"""Read-only, time-limited connections to the store for the web app.

Each request borrows one connection from a small pool; a progress handler aborts any
statement that runs past the request's time budget, so a heavy search answers with a
clear 503 instead of hanging the server. The store is opened read-only (``mode=ro``)
and ``query_only`` is set, so no endpoint can write.
"""

from __future__ import annotations

import queue
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import Request

from newsgraph.store import connect

PROGRESS_STEPS = 1000  # SQLite VM steps between deadline checks


class QueryTimeout(RuntimeError):
    """A query ran past the time budget and was interrupted."""


class _Budget:
    __slots__ = ("deadline",)

    def __init__(self) -> None:
        self.deadline = float("inf")

    def exceeded(self) -> int:
        return 1 if time.monotonic() > self.deadline else 0


class ReadOnlyStore:
    """A pool of read-only connections to one store, each statement limited to ``timeout_ms``."""

    def __init__(self, path: str | Path, *, timeout_ms: int = 3000, pool_size: int = 8) -> None:
        self.path = Path(path)
        self.timeout_ms = timeout_ms
        self._idle: queue.LifoQueue[tuple[sqlite3.Connection, _Budget]] = queue.LifoQueue(maxsize=pool_size)
        self._idle.put_nowait(self._open())  # fail now (missing, foreign, too new) rather than per request

    def _open(self) -> tuple[sqlite3.Connection, _Budget]:
        conn = connect(self.path, readonly=True)
        conn.execute("PRAGMA query_only = ON")
        budget = _Budget()
        conn.set_progress_handler(budget.exceeded, PROGRESS_STEPS)
        return conn, budget

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A connection whose statements are interrupted after the budget (raises QueryTimeout)."""
        try:
            conn, budget = self._idle.get_nowait()
        except queue.Empty:
            conn, budget = self._open()
        budget.deadline = time.monotonic() + self.timeout_ms / 1000
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryTimeout(f"the query took longer than {self.timeout_ms} ms and was stopped") from exc
            raise
        finally:
            budget.deadline = float("inf")
            try:
                self._idle.put_nowait((conn, budget))
            except queue.Full:
                conn.close()

    def close(self) -> None:
        while True:
            try:
                conn, _ = self._idle.get_nowait()
            except queue.Empty:
                return
            conn.close()


def conn_dependency(request: Request) -> Iterator[sqlite3.Connection]:
    """FastAPI dependency: one pooled read-only connection per request, under the time budget."""
    with request.app.state.store.connection() as conn:
        yield conn
