"""Where the analysis runs: in this process, or in N worker processes on this machine.

Both engines take a stream of batches and yield ``BatchResult`` in input order, with at
most a few batches in flight, so memory stays bounded whatever the corpus size. Only
the parent process writes to SQLite.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import ExitStack
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


ZONE_ARTICLES = 1000
"""Articles analysed in one spaCy memory zone. When a zone ends, spaCy forgets the strings
and words it added, so a long ingest does not grow its vocabulary without bound; but it also
empties the tokenizer's cache, so a zone per batch cost ~3 % of the analysis. Every thousand
articles keeps the vocabulary bounded for a tenth of a percent."""

HEAP_KEEP_BYTES = 512 * 1024 * 1024
"""Freed memory up to this much stays in the process for the next batch (glibc's trim and
mmap thresholds). Returning it after every batch (malloc_trim, or glibc unmapping every
large numpy array) made the kernel zero-fill ~600 fresh pages per article again: ~5 % of the
analysis spent in page faults, for the same peak memory (the largest batch sets it)."""


def analyse_batch(batch: list[RawArticle], model: str | None) -> BatchResult:
    """Analyse a batch in one ``nlp.pipe``; if it fails, retry one by one so only the culprit fails."""
    from newsgraph.analyse.pipeline import load_nlp

    with _one_batch_at_a_time:  # one pipeline per process: threads (a Dask worker's) take turns
        _zone.enter(load_nlp(model))  # articles are plain Python objects: they outlive the zone
        try:
            return _analyse(batch, model)
        finally:
            _zone.count(len(batch))


_one_batch_at_a_time = threading.Lock()


class _MemoryZone:
    """One spaCy memory zone spanning ``ZONE_ARTICLES`` articles of this process's batches."""

    def __init__(self) -> None:
        self._stack: ExitStack | None = None
        self._articles = 0

    def enter(self, nlp: Any) -> None:
        if self._stack is None:
            self._stack = ExitStack()
            self._stack.enter_context(nlp.memory_zone())
            self._articles = 0

    def count(self, articles: int) -> None:
        self._articles += articles
        if self._articles >= ZONE_ARTICLES:
            self.close()

    def close(self) -> None:
        if self._stack is not None:
            self._stack.close()
            self._stack = None
            _release_free_memory()  # after a zone, not a batch: RSS follows the live data at times


_zone = _MemoryZone()


def _keep_freed_memory() -> None:
    """glibc keeps up to ``HEAP_KEEP_BYTES`` of freed memory for reuse (see there)."""
    libc = _libc()
    if libc is not None:
        libc.mallopt(-1, HEAP_KEEP_BYTES)  # M_TRIM_THRESHOLD
        libc.mallopt(-3, HEAP_KEEP_BYTES)  # M_MMAP_THRESHOLD: big arrays from the reusable heap


def _release_free_memory() -> None:
    """Give freed heap pages back to the OS (glibc keeps them)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def _libc() -> Any:
    global _glibc
    if _glibc is None:
        try:
            import ctypes

            _glibc = ctypes.CDLL("libc.so.6")
            _glibc.malloc_trim  # noqa: B018 - glibc, not another C library
            _glibc.mallopt  # noqa: B018
        except (OSError, AttributeError):
            _glibc = False
    return _glibc or None


_glibc: Any = None


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
    prepare_process(model)  # fail early (ModelNotFound) before the first batch is read
    try:
        for batch in batches:
            yield analyse_batch(batch, model)
    finally:
        _zone.close()


def _init_worker(model: str | None) -> None:
    # The parent handles Ctrl-C and shuts the pool down; workers must not die mid-batch on it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for var in THREAD_ENV:
        os.environ.setdefault(var, "1")
    prepare_process(model)


def prepare_process(model: str | None) -> None:
    """Ready a process to analyse batches: the model loaded (once), then kept out of the garbage
    collector's sight, and freed memory kept for the next batch."""
    from newsgraph.analyse.pipeline import load_nlp

    load_nlp(model)
    _freeze_loaded_objects()
    _keep_freed_memory()


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

    from newsgraph.analyse.model_choice import default_model

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
