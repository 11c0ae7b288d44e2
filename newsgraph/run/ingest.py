"""Ingest many inputs into the store: streaming, batched, parallel, resumable, never stopped by one bad file.

Inputs stream through in batches; each batch is analysed (here, in worker processes or
on a Dask cluster) and written by this process in ONE transaction that also marks its
inputs done in the ``sources`` table. A run killed at any point therefore leaves whole
batches or nothing, and the same command run again skips what is stored and does the
rest. Memory is bounded by the batch size times the batches in flight, not the corpus.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from newsgraph.quote_groups import group_new_quotations
from newsgraph.read import RawArticle, ReadError, iter_articles
from newsgraph.read.base import AlreadyDone
from newsgraph.read.metadata import Metadata, load_metadata, with_metadata
from newsgraph.read.sources import iter_paths
from newsgraph.read.warc import is_warc
from newsgraph.run.workers import BatchResult, EngineError, run_in_process, run_in_processes
from newsgraph.store import connect, store_articles
from newsgraph.store.db import forget_failures, input_file, record_failure
from newsgraph.store.merge import merge_new_entities

ENGINES = ("local", "dask")
RESUME_CHUNK = 512
"""Inputs checked against the ``sources`` table per query (no set of every source in memory)."""


@dataclass
class IngestReport:
    stored: int = 0
    already: int = 0  # same text already in the store
    skipped: int = 0  # source already ingested by an earlier run
    errors: list[ReadError] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # e.g. metadata rows ignored
    records_skipped: Counter[str] = field(default_factory=Counter)  # WARC records not HTML pages, by reason

    @property
    def analysed(self) -> int:
        return self.stored + self.already

    def summary(self) -> str:
        rate = f" in {self.seconds:.1f} s ({self.analysed / self.seconds:.1f} articles/s)" if self.seconds else ""
        records = sum(self.records_skipped.values())
        other = f", {records} WARC records not HTML pages" if records else ""
        return (f"{self.stored} articles stored, {self.already} already present, "
                f"{self.skipped} inputs skipped (done before){other}, {len(self.errors)} failed{rate}")


BATCH_CHARS = 64_000
"""Most characters per analysis batch (~29 BBC articles): a worker's peak memory follows its longest batch, so a
run of long articles is split rather than parsed 32 at a time (one longer article goes alone)."""


def batched(it: Iterable[Any], n: int) -> Iterator[list[Any]]:
    it = iter(it)
    while batch := list(islice(it, n)):
        yield batch


def batched_by_size(items: Iterable[RawArticle], n: int, max_chars: int = BATCH_CHARS) -> Iterator[list[RawArticle]]:
    """Batches of at most ``n`` articles and ``max_chars`` characters, whichever comes first."""
    batch: list[RawArticle] = []
    chars = 0
    for item in items:
        if batch and (len(batch) >= n or chars + len(item.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item.text)
    if batch:
        yield batch


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """Number of inputs when cheap to know (files only: a JSONL or WARC file holds an unknown number)."""
    n = 0
    for p in iter_paths(paths):
        if isinstance(p, str) and (p.lower().endswith((".jsonl", ".ndjson")) or is_warc(p)):
            return None
        n += 1
    return n


def _done_sources(conn: sqlite3.Connection, sources: list[str]) -> set[str]:
    marks = ",".join("?" * len(sources))
    return {r[0] for r in conn.execute(f"SELECT source FROM sources WHERE source IN ({marks})", sources)}


def _engine(engine: str, workers: int, scheduler: str | None, model: str | None, db: Path,
            shard_dir: str | Path | None) -> Callable[[Iterable[list[RawArticle]]], Iterator[BatchResult]]:
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if engine == "dask":
        from newsgraph.run.dask_engine import run_on_dask

        shards = shard_dir or db.with_name(db.name + ".shards")
        return lambda batches: run_on_dask(batches, model, shard_dir=shards, scheduler=scheduler,
                                           workers=max(1, workers))
    if scheduler:
        raise ValueError("--scheduler needs --engine dask")
    if workers > 1:
        return lambda batches: run_in_processes(batches, model, workers)
    return lambda batches: run_in_process(batches, model)


def ingest(
    paths: Iterable[str | Path],
    db: str | Path = "newsgraph.db",
    *,
    model: str | None = None,
    batch_size: int = 32,
    resume: bool = True,
    progress: bool = False,
    on_error: Callable[[ReadError], None] | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    shard_dir: str | Path | None = None,
    metadata: str | Path | Metadata | None = None,
) -> IngestReport:
    """Read, analyse and store ``paths``; returns what happened. Errors are recorded in the store.

    ``workers`` > 1 analyses in that many processes (the model loaded once in each);
    ``engine="dask"`` analyses on the Dask cluster at ``scheduler`` (a LocalCluster of
    ``workers`` processes when None), through Parquet shards in ``shard_dir``. ``metadata``:
    a CSV/TSV sidecar of dates, titles, authors per file (read/metadata.py; ``MetadataError``
    if it cannot be used).
    """
    if batch_size < 1 or workers < 1:
        raise ValueError("batch_size and workers must be at least 1")
    paths = list(paths)
    run_engine = _engine(engine, workers, scheduler, model, Path(db), shard_dir)
    report = IngestReport()
    meta = metadata if isinstance(metadata, Metadata) or metadata is None else load_metadata(metadata)
    if meta is not None:
        report.warnings.extend(meta.warnings)
    started = time.perf_counter()
    conn = connect(db)
    bar = progress_bar(paths) if progress else None

    def fail(err: ReadError) -> None:
        report.errors.append(err)
        record_failure(conn, err.source, err.problem, err.hint)
        if on_error and bar is not None:
            with bar.external_write_mode():  # the message above the bar, not through it
                on_error(err)
        elif on_error:
            on_error(err)

    reading = [""]  # the file being read: its inputs come one after another

    def todo() -> Iterator[RawArticle]:
        def stored(source: str) -> bool:
            return conn.execute("SELECT 1 FROM sources WHERE source = ?", (source,)).fetchone() is not None

        items = iter_articles(paths, report.records_skipped, stored if resume else None)
        for chunk in batched(with_metadata(items, meta) if meta is not None else items, RESUME_CHUNK):
            raws = [item for item in chunk if isinstance(item, RawArticle)]
            done = _done_sources(conn, [r.source for r in raws if r.source]) if resume and raws else set()
            for item in chunk:
                if item.source and (file := input_file(item.source)) != reading[0]:
                    reading[0] = file
                    forget_failures(conn, file)  # read again: what still fails is recorded again
                if isinstance(item, ReadError):
                    fail(item)
                    tick(bar, report)
                elif isinstance(item, AlreadyDone) or item.source in done:
                    report.skipped += 1
                    tick(bar, report)
                else:
                    yield item

    try:
        # A run killed between a batch's commit and its merge left entities unjoined: join them
        # first, exactly as that run would have, so a resumed store equals an uninterrupted one.
        merge_new_entities(conn)
        group_new_quotations(conn)
        for result in run_engine(batched_by_size(todo(), batch_size)):
            for err in result.errors:
                fail(err)
            stored, already = store_articles(conn, result.articles)  # one transaction per batch
            merge_new_entities(conn)  # people (issue 4): join the batch's entities across articles
            group_new_quotations(conn)  # issue 19: the batch's quotations joined to the same words elsewhere
            report.stored += stored
            report.already += already
            tick(bar, report, result.inputs)
        _optimize(conn)
    finally:
        report.seconds = time.perf_counter() - started
        if bar is not None:
            bar.close()
        conn.close()
    return report


def _optimize(conn: sqlite3.Connection) -> None:
    """Refresh the query planner's statistics where the run changed them (SQLite's advice for
    long-lived stores); skipped without complaint if another writer holds the lock."""
    try:
        conn.execute("PRAGMA optimize")
    except sqlite3.OperationalError:
        pass


def progress_bar(paths: list[str | Path]) -> Any:
    from tqdm import tqdm

    return tqdm(total=count_inputs(paths), unit=" articles", file=sys.stderr, dynamic_ncols=True,
                smoothing=0.1, desc="ingest")


def tick(bar: Any, report: IngestReport, n: int = 1) -> None:
    if bar is not None:
        bar.update(n)
        bar.set_postfix(errors=len(report.errors), refresh=False)


__all__ = ["ENGINES", "EngineError", "IngestReport", "batched_by_size", "count_inputs", "ingest", "progress_bar", "tick"]
