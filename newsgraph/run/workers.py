"""Where the analysis runs: in this process, or in N worker processes on this machine.

Both engines take a stream of batches and yield ``BatchResult`` in input order, with at
most a few batches in flight, so memory stays bounded whatever the corpus size. Only
the parent process writes to SQLite.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, TypeVar

from newsgraph.model import Article
from newsgraph.read import RawArticle, ReadError

T = TypeVar("T")
R = TypeVar("R")

THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")
"""One BLAS thread per worker: N workers on N cores, not N x cores threads fighting."""


WINDOW_PER_WORKER = 6
"""Batches in flight per worker. Results are written in input order, so a slow batch at the
head holds the others' results back; a deep window keeps every worker busy meanwhile.
Memory: workers x this x one batch of articles."""


class EngineError(RuntimeError):
    """The analysis engine failed as a whole (a worker died, the cluster went away)."""


@dataclass
class BatchResult:
    inputs: int  # how many inputs the batch had (the texts are not sent back)
    articles: list[Article] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)


def analyse_batch(batch: list[RawArticle], model: str | None) -> BatchResult:
    """Analyse a batch in one ``nlp.pipe``; if it fails, retry one by one so only the culprit fails."""
    from newsgraph.analyse.pipeline import load_nlp

    # spaCy frees the strings and lexemes a batch added when its memory zone ends: a long
    # ingest does not grow the vocabulary without bound. Articles are plain Python objects.
    with load_nlp(model).memory_zone():
        result = _analyse(batch, model)
    _release_free_memory()
    return result


def _release_free_memory() -> None:
    """Give freed heap pages back to the OS (glibc keeps them): RSS follows the live data,
    not the largest batch seen so far."""
    global _malloc_trim
    if _malloc_trim is None:
        try:
            import ctypes

            _malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


_malloc_trim: Any = None


def _analyse(batch: list[RawArticle], model: str | None) -> BatchResult:
    from newsgraph import extract_many

    try:
        return BatchResult(len(batch), list(extract_many(batch, model=model, batch_size=len(batch))))
    except Exception:  # noqa: BLE001 - isolate the failing article, report it
        result = BatchResult(len(batch))
        for raw in batch:
            try:
                result.articles.extend(extract_many([raw], model=model))
            except Exception as exc:  # noqa: BLE001
                result.errors.append(ReadError(raw.source or raw.document,
                                               f"analysis failed ({type(exc).__name__}: {exc})",
                                               "report this as a bug with the file attached"))
        return result


def ordered_window(
    submit: Callable[[T], Future[R]], items: Iterable[T], window: int
) -> Iterator[R]:
    """``submit`` each item, keeping at most ``window`` in flight; yield results in input order."""
    pending: deque[Future[R]] = deque()
    try:
        for item in items:
            pending.append(submit(item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for fut in pending:
            fut.cancel()


def run_in_process(batches: Iterable[list[RawArticle]], model: str | None) -> Iterator[BatchResult]:
    from newsgraph.analyse.pipeline import load_nlp

    load_nlp(model)  # fail early (ModelNotFound) before the first batch is read
    _freeze_loaded_objects()
    for batch in batches:
        yield analyse_batch(batch, model)


def _init_worker(model: str | None) -> None:
    # The parent handles Ctrl-C and shuts the pool down; workers must not die mid-batch on it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for var in THREAD_ENV:
        os.environ.setdefault(var, "1")
    from newsgraph.analyse.pipeline import load_nlp

    load_nlp(model)  # once per worker process
    _freeze_loaded_objects()


def _freeze_loaded_objects() -> None:
    """The model's ~130,000 objects live as long as the process: moved out of the garbage
    collector's sight, every full collection during the run no longer walks them (~1% CPU)."""
    import gc

    gc.collect()
    gc.freeze()


def run_in_processes(
    batches: Iterable[list[RawArticle]], model: str | None, workers: int
) -> Iterator[BatchResult]:
    """``workers`` spawned processes, each loading the model once; results in input order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from newsgraph.analyse.models import default_model

    model = model or default_model()
    ctx = multiprocessing.get_context("spawn")  # no fork of a parent holding SQLite and threads
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(model,))

    def submit(batch: list[RawArticle]) -> Future[BatchResult]:
        return pool.submit(analyse_batch, batch, model)

    try:
        yield from ordered_window(submit, batches, WINDOW_PER_WORKER * workers)
    except BrokenProcessPool as exc:
        pool.shutdown(wait=False, cancel_futures=True)
        raise EngineError("a worker process died (out of memory?); rerun the same command to resume") from exc
    except BaseException:  # Ctrl-C or an error in the parent: do not wait for running batches
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
