"""Ingest many inputs into the store: streaming, batched, resumable, never stopped by one bad file."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from newsgraph import extract_many
from newsgraph.model import Article
from newsgraph.read import RawArticle, ReadError, iter_articles
from newsgraph.store import connect, store_articles
from newsgraph.store.db import known_sources, record_failure


@dataclass
class IngestReport:
    stored: int = 0
    already: int = 0  # same text already in the store
    skipped: int = 0  # source already ingested by an earlier run
    errors: list[ReadError] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.stored} articles stored, {self.already} already present, "
                f"{self.skipped} inputs skipped (done before), {len(self.errors)} failed")


def _batched(it: Iterable[RawArticle], n: int) -> Iterator[list[RawArticle]]:
    it = iter(it)
    while batch := list(islice(it, n)):
        yield batch


def analyse_batch(batch: list[RawArticle], model: str | None) -> tuple[list[Article], list[ReadError]]:
    """Analyse a batch; if the batch fails, retry one by one so only the culprit fails."""
    try:
        return list(extract_many(batch, model=model, batch_size=len(batch))), []
    except Exception:  # noqa: BLE001 - isolate the failing article, report it
        arts, errs = [], []
        for raw in batch:
            try:
                arts.extend(extract_many([raw], model=model))
            except Exception as exc:  # noqa: BLE001
                errs.append(ReadError(raw.source or raw.document, f"analysis failed ({type(exc).__name__}: {exc})",
                                      "report this as a bug with the file attached"))
        return arts, errs


def ingest(
    paths: Iterable[str | Path],
    db: str | Path = "newsgraph.db",
    *,
    model: str | None = None,
    batch_size: int = 32,
    resume: bool = True,
    progress: bool = False,
    on_error: Callable[[ReadError], None] | None = None,
) -> IngestReport:
    """Read, analyse and store ``paths``; returns what happened. Errors are recorded in the store."""
    report = IngestReport()
    conn = connect(db)
    done = known_sources(conn) if resume else set()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)

    def fail(err: ReadError) -> None:
        report.errors.append(err)
        record_failure(conn, err.source, err.problem, err.hint)
        if on_error:
            on_error(err)

    def todo() -> Iterator[RawArticle]:
        for item in iter_articles(paths):
            if isinstance(item, ReadError):
                fail(item)
            elif item.source in done:
                report.skipped += 1
            else:
                yield item

    try:
        for batch in _batched(todo(), batch_size):
            articles, errors = analyse_batch(batch, model)
            for err in errors:
                fail(err)
            stored, already = store_articles(conn, articles)
            report.stored += stored
            report.already += already
            if bar is not None:
                bar.update(len(batch))
                bar.set_postfix(errors=len(report.errors))
    finally:
        if bar is not None:
            bar.close()
        conn.close()
    return report
