"""The Dask engine writing a partitioned Parquet dataset instead of a SQLite store.

For corpora that outgrow one SQLite file: each Dask worker writes its batch's part files
itself (nothing goes back through this process, no pickles), and DuckDB, Spark or
pyarrow.dataset read each table folder as one table::

    DIR/articles/year=2016/batch-<hash>.parquet     one file per batch and year
    DIR/quotes/…  DIR/entities/…  DIR/mentions/…  DIR/events/…  DIR/times/…
    DIR/failures/batch-<hash>.parquet               inputs whose analysis failed; read.parquet: unreadable inputs
    DIR/_batches/batch-<hash>.json                  written last: the batch is complete

Partitioned by the publication year (hive style, ``year=__HIVE_DEFAULT_PARTITION__`` when
undated, which readers see as NULL): the queries people ask of news — a timeline, a
period, a year's speakers — skip the other years' folders, a year can be compacted, copied
or archived as one folder, and every row of an article (its quotations, entities, mentions,
events) sits under the same year so joins stay within a folder. Within a year, one file
per batch keeps each file written by one worker only (a partitioning by batch alone would
give no reader anything to skip).

Columns are the export's (``export.tables.COLUMNS``, the same names and types) except that
the ids are stable strings that need no store: an article's id is its key (the start of
its content hash), a quotation's ``KEY-q3``, an entity's ``KEY-e0``, an event's ``KEY-v2``
(the index in the article); and the columns only a store knows (people joined across
articles, quotation groups, ingestion time) are left out. The same inputs therefore give
byte-identical files. A batch's files are named by the hash of its inputs and the model,
each written whole (temporary file, then rename), and its ``_batches`` marker last: a rerun
after an interruption skips complete batches and rewrites the others over their leftovers,
so no row is written twice. At the end of a run, files of batches not in this run
(another input set, other batch sizes) are removed: the dataset is what the command's inputs give.
This process only reads the inputs, batches them and keeps, to drop repeated texts and names, an
8-byte hash and the name of each article (~100 bytes an article: 100 MB for a million).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from newsgraph.export.parquet import arrow_schema
from newsgraph.export.tables import COLUMNS
from newsgraph.model import Article, content_hash, speaker_entity
from newsgraph.read import RawArticle, ReadError, iter_articles
from newsgraph.read.metadata import Metadata, load_metadata, with_metadata
from newsgraph.run.ingest import IngestReport, batched_by_size, progress_bar, tick
from newsgraph.run.workers import WINDOW_PER_WORKER, BatchResult, analyse_batch, ordered_window
from newsgraph.store.db import unique_name

DATASET_FORMAT = 1
MARKER = "_newsgraph_dataset.json"
"""In DIR: says the folder is a newsgraph dataset (so a run never clears files of another kind)."""
TABLES = tuple(COLUMNS)
STORE_ONLY = {"articles": {"ingested_at"}, "quotes": {"quote_group_id", "speaker_global_id"},
              "entities": {"global_id", "global_name"}}
"""Columns only a store can fill: the time of ingestion, and what joins articles (people, quotation groups)."""
ID_COLUMNS = {"id", "article_id", "parent_id", "speaker_entity_id", "entity_id"}
DATASET_COLUMNS: dict[str, list[tuple[str, str]]] = {
    table: [(name, "str" if name in ID_COLUMNS else kind) for name, kind in columns
            if name not in STORE_ONLY.get(table, set())]
    for table, columns in COLUMNS.items()
}
FAILURE_COLUMNS = [("source", "str"), ("problem", "str"), ("hint", "str")]
UNDATED = "__HIVE_DEFAULT_PARTITION__"
"""The partition of articles without a publication year: Hive's, Spark's, DuckDB's and Arrow's NULL."""


class DatasetError(ValueError):
    """The dataset folder cannot be used (message names it and the fix)."""


def year_of(published: str | None) -> str:
    """The partition value: the four-digit year ``published`` starts with, else ``UNDATED``."""
    year = (published or "")[:4]
    return year if len(year) == 4 and year.isdigit() else UNDATED


def article_rows(art: Article) -> dict[str, list[dict[str, Any]]]:
    """The article as rows of every table, in ``DATASET_COLUMNS`` layout (as the store's export has them)."""
    key, text = art.key, art.text

    def cut(span: tuple[int, int] | None) -> str | None:
        return text[span[0]:span[1]] if span else None

    entity_ids = [f"{key}-e{i}" for i in range(len(art.entities))]
    quote_ids = [f"{key}-q{i}" for i in range(len(art.quotes))]
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    rows["articles"].append({"id": key, "hash": art.hash, "document": art.document, "title": art.title,
                             "published": art.published, "outlet": art.outlet, "url": art.url,
                             "source": art.source, "length": len(text), "text": text})
    for i, q in enumerate(art.quotes):
        spk = q.speaker
        k = speaker_entity(spk, art.entities)
        rows["quotes"].append({
            "id": quote_ids[i], "article_id": key, "document": art.document, "start": q.start, "end": q.end,
            "spans": [list(s) for s in q.content_spans], "content": q.content(text), "kind": q.kind,
            "speaker": spk.name, "speaker_type": spk.type, "affiliation": spk.affiliation, "act": q.act,
            "parent_id": quote_ids[q.parent] if q.parent is not None and q.parent < i else None,
            "speaker_entity_id": entity_ids[k] if k is not None else None,
            "speaker_start": spk.mention[0] if spk.mention else None,
            "speaker_end": spk.mention[1] if spk.mention else None, "speaker_text": cut(spk.mention),
            "descriptor": spk.descriptor, "cue_start": q.cue[0] if q.cue else None,
            "cue_end": q.cue[1] if q.cue else None, "cue_text": cut(q.cue), "cue_lemma": q.cue_lemma,
            "confidence": q.confidence})
    for i, ent in enumerate(art.entities):
        geo = ent.geo or {}
        rows["entities"].append({
            "id": entity_ids[i], "article_id": key, "name": ent.name, "type": ent.type, "aliases": ent.aliases,
            "roles": ent.roles, "lat": geo.get("lat"), "lon": geo.get("lon"), "country": geo.get("country"),
            "place_kind": geo.get("kind"), "gender": ent.said_gender, "mentions": len(ent.mentions)})
        rows["mentions"].extend({"entity_id": entity_ids[i], "article_id": key, "name": ent.name, "type": ent.type,
                                 "start": s, "end": e, "text": text[s:e]} for s, e in ent.mentions)
    for i, ev in enumerate(art.timeline):
        rows["events"].append({
            "id": f"{key}-v{i}", "article_id": key, "date": ev.date, "text": ev.text, "start": ev.span[0],
            "end": ev.span[1], "participants": ev.participants, "places": ev.places,
            "time_start": ev.time_span[0] if ev.time_span else None,
            "time_end": ev.time_span[1] if ev.time_span else None, "kind": ev.kind})
    rows["times"].extend({"article_id": key, "start": t.span[0], "end": t.span[1], "text": t.text, "value": t.value,
                          "how": t.how} for t in art.times)
    return rows


def write_part(rows: list[dict[str, Any]], columns: list[tuple[str, str]], path: Path) -> None:
    """One Parquet part file, whole or absent (written aside, then renamed)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    schema = arrow_schema(columns)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")  # hidden: readers skip it
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp, compression="zstd")
    os.replace(tmp, path)


def write_batch_parts(result: BatchResult, root: Path, name: str) -> dict[str, Any]:
    """Write one analysed batch into the dataset at ``root``; returns the summary its marker holds."""
    for folder in root.glob("*/year=*"):  # parts an interrupted run of this batch left (a few folders, no file listed)
        (folder / f"{name}.parquet").unlink(missing_ok=True)
    by_year: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for art in result.articles:
        parts = by_year.setdefault(year_of(art.published), {t: [] for t in TABLES})
        for table, rows in article_rows(art).items():
            parts[table].extend(rows)
    for year, parts in by_year.items():
        for table, rows in parts.items():
            if rows:
                write_part(rows, DATASET_COLUMNS[table], root / table / f"year={year}" / f"{name}.parquet")
    failures = [{"source": e.source, "problem": e.problem, "hint": e.hint} for e in result.errors]
    if failures:
        write_part(failures, FAILURE_COLUMNS, root / "failures" / f"{name}.parquet")
    summary = {"inputs": result.inputs, "articles": len(result.articles),
               "failures": [[e.source, e.problem, e.hint] for e in result.errors]}
    marker = root / "_batches" / f"{name}.json"
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = marker.with_name(f".{marker.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(summary, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, marker)
    return summary


def analyse_to_parts(batch: list[RawArticle], model: str | None, root: str, name: str) -> dict[str, Any]:
    """The task a Dask worker runs: analyse the batch and write its part files."""
    return write_batch_parts(analyse_batch(batch, model), Path(root), name)


def batch_name(batch: list[RawArticle], model: str) -> str:
    """Same inputs (names included), model and dataset format: same name (the shards' hash)."""
    from newsgraph.run.dask_engine import shard_name  # Dask only when it runs

    return shard_name(batch, f"{model}\0dataset {DATASET_FORMAT}").removesuffix(".parquet")


def open_dataset(root: Path, model: str) -> None:
    """Make ``root`` a dataset folder, or check that it is one (never clear a folder of other files)."""
    if root.exists() and not root.is_dir():
        raise DatasetError(f"{root}: exists and is not a folder (give --parquet-dataset a folder)")
    if root.exists() and any(root.iterdir()) and not (root / MARKER).exists():
        raise DatasetError(f"{root}: a folder of other files, not a newsgraph dataset (give an empty or new folder)")
    root.mkdir(parents=True, exist_ok=True)
    (root / MARKER).write_text(json.dumps({"format": DATASET_FORMAT, "model": model, "tables": list(TABLES)})
                               + "\n", encoding="utf-8")


def finish_dataset(root: Path, names: set[str], read_errors: list[ReadError]) -> None:
    """After a whole run: the unreadable inputs recorded, files of batches not in this run removed,
    and an empty part where a table got no rows at all (so every table can be read)."""
    for path in [*root.glob("*/*/batch-*.parquet"), *root.glob("failures/batch-*.parquet"),
                 *root.glob("_batches/batch-*.json")]:
        if path.name.split(".")[0] not in names:
            path.unlink()
    for leftover in root.glob("**/.*.tmp-*"):  # a worker killed while writing
        leftover.unlink()
    for folder in root.glob("*/year=*"):
        if not any(folder.iterdir()):
            folder.rmdir()
    read_failures = root / "failures" / "read.parquet"
    if read_errors:
        write_part([{"source": e.source, "problem": e.problem, "hint": e.hint} for e in read_errors],
                   FAILURE_COLUMNS, read_failures)
    elif read_failures.exists():
        read_failures.unlink()
    for table in TABLES:
        empty = root / table / f"year={UNDATED}" / "empty.parquet"
        parts = [p for p in root.glob(f"{table}/*/*.parquet") if p != empty]
        if not parts:
            write_part([], DATASET_COLUMNS[table], empty)
        elif empty.exists():
            empty.unlink()
            if not any(empty.parent.iterdir()):
                empty.parent.rmdir()
    if not (root / "failures").exists():
        write_part([], FAILURE_COLUMNS, read_failures)  # the table exists, empty


def open_table(root: str | Path, table: str) -> Any:
    """One table of the dataset at ``root`` as a ``pyarrow.dataset.Dataset`` (``year`` an int32 column,
    NULL when undated: pyarrow cannot infer its type when every article is undated)."""
    import pyarrow as pa
    import pyarrow.dataset

    year = pyarrow.dataset.partitioning(pa.schema([("year", pa.int32())]), flavor="hive")
    return pyarrow.dataset.dataset(Path(root) / table, partitioning=year)


def ingest_to_dataset(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    model: str | None = None,
    batch_size: int = 32,
    workers: int = 2,
    scheduler: str | None = None,
    metadata: str | Path | Metadata | None = None,
    progress: bool = False,
    on_error: Callable[[ReadError], None] | None = None,
) -> IngestReport:
    """Analyse ``paths`` on the Dask cluster at ``scheduler`` (a LocalCluster of ``workers`` processes
    when None) into the Parquet dataset ``out``; with a remote cluster ``out`` must be a folder the
    workers share with this machine. Same text twice: one article (``already``), as in a store;
    an article whose name another has takes its source or a number, as in a store."""
    from newsgraph.analyse.model_choice import default_model
    from newsgraph.run.dask_engine import dask_client, done_future

    if batch_size < 1 or workers < 1:
        raise ValueError("batch_size and workers must be at least 1")
    paths = list(paths)
    model = model or default_model()
    root = Path(out)
    open_dataset(root, model)
    meta = metadata if isinstance(metadata, Metadata) or metadata is None else load_metadata(metadata)
    report = IngestReport(warnings=list(meta.warnings) if meta is not None else [])
    bar = progress_bar(paths) if progress else None
    read_errors: list[ReadError] = []
    names: set[str] = set()

    def fail(err: ReadError) -> None:
        report.errors.append(err)
        if on_error is not None:
            on_error(err)

    def todo() -> Iterator[RawArticle]:
        seen: set[bytes] = set()  # content hashes (8 bytes each) of the articles sent
        documents: set[str] = set()
        items = iter_articles(paths, report.records_skipped)
        for item in with_metadata(items, meta) if meta is not None else items:
            if isinstance(item, ReadError):
                read_errors.append(item)
                fail(item)
                tick(bar, report)
                continue
            if not isinstance(item, RawArticle):  # AlreadyDone: not asked for here
                continue
            digest = bytes.fromhex(content_hash(item.text)[:16])
            if digest in seen:
                report.already += 1
                tick(bar, report)
                continue
            seen.add(digest)
            item.document = unique_name(item.document, item.source, documents.__contains__)
            documents.add(item.document)
            yield item

    started = time.perf_counter()
    try:
        with ExitStack() as stack:
            cluster: list[tuple[Any, int]] = []  # (client, workers), once a batch needs analysing

            def connect() -> tuple[Any, int]:
                if not cluster:
                    cluster.append(stack.enter_context(dask_client(scheduler, workers, model)))
                return cluster[0]

            if scheduler:  # its size sets the window; a LocalCluster starts only if a batch needs it
                connect()

            def submit(batch: list[RawArticle]) -> Future[dict[str, Any]]:
                name = batch_name(batch, model)
                names.add(name)
                marker = root / "_batches" / f"{name}.json"
                if marker.exists():
                    return done_future({**json.loads(marker.read_text(encoding="utf-8")), "done_before": True})
                return connect()[0].submit(analyse_to_parts, batch, model, str(root), name, pure=False)

            window = WINDOW_PER_WORKER * (cluster[0][1] if cluster else workers)
            for summary in ordered_window(submit, batched_by_size(todo(), batch_size), window):
                if summary.get("done_before"):
                    report.skipped += summary["inputs"]
                else:
                    report.stored += summary["articles"]
                    for source, problem, hint in summary["failures"]:
                        fail(ReadError(source, problem, hint))
                tick(bar, report, summary["inputs"])
        finish_dataset(root, names, read_errors)
    finally:
        report.seconds = time.perf_counter() - started
        if bar is not None:
            bar.close()
    return report


__all__ = ["DATASET_COLUMNS", "DatasetError", "article_rows", "ingest_to_dataset", "open_table", "year_of"]
