"""Extraction on a Dask cluster: workers write Parquet shards, the parent loads them into the store.

Each batch becomes one task; the worker analyses it with a model it loaded once (a
worker plugin loads it when the worker joins) and writes one Parquet shard, one row per
article (key columns, the article's JSON for people and DuckDB, and the exact pickled
Article for the store) or per failed input. The parent loads the
shards in input order, one transaction each, so the store is identical to a local run.
A shard left by an interrupted run is reused instead of recomputed. With a remote
scheduler the shard folder must be on a file system the workers and this machine share.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from distributed.diagnostics.plugin import WorkerPlugin

from newsgraph.model import Article
from newsgraph.read import RawArticle, ReadError
from newsgraph.run.workers import (
    THREAD_ENV,
    WINDOW_PER_WORKER,
    BatchResult,
    EngineError,
    analyse_batch,
    ordered_window,
    prepare_process,
)

T = TypeVar("T")

SHARD_COLUMNS = ("source", "document", "hash", "article", "exact", "problem", "hint")
"""``article`` is the readable JSON of ``Article.to_dict`` (rounds confidences, omits some fields);
``exact`` is the pickled Article the parent loads, so the store equals a local run's."""


class LoadModel(WorkerPlugin):
    """Dask worker plugin: load the spaCy pipeline once, when the worker starts."""

    name = "newsgraph-model"

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        for var in THREAD_ENV:
            os.environ.setdefault(var, "1")
        prepare_process(self.model)


def shard_name(batch: list[RawArticle], model: str | None) -> str:
    """Same inputs and model, same name: a rerun finds the shard a killed run left behind."""
    h = hashlib.sha256((model or "").encode())
    for raw in batch:
        h.update(f"\0{raw.source}\0{raw.document}\0".encode("utf-8", "surrogatepass"))
        h.update(raw.text.encode("utf-8", "surrogatepass"))
    return f"batch-{h.hexdigest()[:24]}.parquet"


def write_shard(result: BatchResult, path: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: dict[str, list[str | bytes | None]] = {c: [] for c in SHARD_COLUMNS}
    for art in result.articles:
        for key, val in (("source", art.source), ("document", art.document), ("hash", art.hash),
                         ("article", json.dumps(art.to_dict(with_text=True), ensure_ascii=False)),
                         ("exact", pickle.dumps(art, protocol=pickle.HIGHEST_PROTOCOL)),
                         ("problem", None), ("hint", None)):
            rows[key].append(val)
    for err in result.errors:
        for key, val in (("source", err.source), ("document", None), ("hash", None), ("article", None),
                         ("exact", None), ("problem", err.problem), ("hint", err.hint)):
            rows[key].append(val)
    table = pa.table({c: pa.array(v, type=pa.binary() if c == "exact" else pa.string()) for c, v in rows.items()})
    tmp = f"{path}.tmp-{os.getpid()}"
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)  # a shard is whole or absent


def read_shard(path: str | Path, inputs: int) -> BatchResult:
    import pyarrow.parquet as pq

    result = BatchResult(inputs)
    for row in pq.read_table(path).to_pylist():
        if row["exact"] is not None:  # written by our own workers into our own shard folder
            art = pickle.loads(row["exact"])  # noqa: S301
            if not isinstance(art, Article):
                raise EngineError(f"{path}: not a newsgraph shard")
            result.articles.append(art)
        else:
            result.errors.append(ReadError(row["source"], row["problem"] or "", row["hint"] or ""))
    return result


def extract_to_shard(batch: list[RawArticle], model: str | None, path: str) -> str:
    """The task a Dask worker runs."""
    write_shard(analyse_batch(batch, model), path)
    return path


def done_future(value: T) -> Future[T]:
    """A future already holding ``value`` (a batch a killed run finished: not submitted again)."""
    fut: Future[T] = Future()
    fut.set_result(value)
    return fut


@contextmanager
def dask_client(scheduler: str | None, workers: int, model: str) -> Iterator[tuple[Any, int]]:
    """(client, number of workers) of the cluster at ``scheduler``, or of a LocalCluster of ``workers``
    processes started here (and stopped on exit); every worker loads ``model`` once."""
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
    except OSError as exc:
        raise EngineError(f"cannot reach the Dask scheduler {scheduler!r} ({exc})") from exc
    try:
        client.register_plugin(LoadModel(model))
        yield client, max(1, len(client.scheduler_info().get("workers", {}))) if scheduler else workers
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_on_dask(
    batches: Iterable[list[RawArticle]],
    model: str | None,
    *,
    shard_dir: str | Path,
    scheduler: str | None = None,
    workers: int = 2,
) -> Iterator[BatchResult]:
    """Analyse on the cluster at ``scheduler`` (or a LocalCluster of ``workers`` processes)."""
    from newsgraph.analyse.model_choice import default_model

    model = model or default_model()
    shard_dir = Path(shard_dir)
    shard_dir.mkdir(parents=True, exist_ok=True)
    with dask_client(scheduler, workers, model) as (client, n):
        queued: deque[int] = deque()  # batch sizes in submission order, as results come back

        def submit(batch: list[RawArticle]) -> Future[str]:
            path = str(shard_dir / shard_name(batch, model))
            queued.append(len(batch))
            if os.path.exists(path):
                return done_future(path)
            return client.submit(extract_to_shard, batch, model, path, pure=False)  # a distributed Future has the concurrent.futures interface used (done, result)

        for path in ordered_window(submit, batches, WINDOW_PER_WORKER * n):
            yield read_shard(path, queued.popleft())
            os.remove(path)  # the parent has committed it by now
    for stale in shard_dir.glob("batch-*.parquet*"):  # left by a run over other inputs
        stale.unlink()
    try:
        shard_dir.rmdir()
    except OSError:
        pass
