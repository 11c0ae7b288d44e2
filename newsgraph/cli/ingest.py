"""ingest: analyse inputs into the store (streaming, parallel, resumable)."""

from __future__ import annotations

import argparse
import os
import sys

from newsgraph.cli import UserError, add_db, add_model


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="analyse files into the store",
                       description="Read PATHs (files, folders, globs: text, JSONL, HTML pages, WARC crawls "
                                   "(.warc, .warc.gz: every HTML response; other records are counted and "
                                   "skipped)), analyse every article and store it. "
                                   "Articles already stored (same text) are not stored twice; inputs done by an "
                                   "earlier run are skipped, so an interrupted run (Ctrl-C, kill, crash) resumes "
                                   "when you rerun the same command. Bad files are reported, recorded (see "
                                   "`newsgraph errors`) and skipped.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_db(p)
    add_model(p)
    p.add_argument("--batch-size", type=int, default=32, help="articles per nlp.pipe batch and transaction "
                                                                "(default: %(default)s)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="analyse in N processes, the model loaded once in each (default: 1; 0: one per CPU "
                        f"= {os.cpu_count()} here); with --engine dask and no --scheduler: local Dask workers")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this machine; dask: a Dask cluster (workers write Parquet shards that this "
                        "process loads into the store)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: start a LocalCluster); workers need "
                        "newsgraph installed and --shards on a file system they share with this machine")
    p.add_argument("--shards", metavar="DIR", help="folder for the Dask engine's Parquet shards "
                                                  "(default: DB.shards next to the database)")
    p.add_argument("--parquet-dataset", metavar="DIR",
                   help="with --engine dask: write the results as a Parquet dataset in DIR instead of a store "
                        "(--db is not used), for DuckDB or Spark: DIR/{articles,quotes,entities,mentions,events,"
                        "times}/year=YYYY/*.parquet, one file per batch, written by the worker that analysed it "
                        "(with --scheduler, DIR must be shared with the workers); failed inputs in DIR/failures/. "
                        "Rerunning the same command resumes and gives the same files; files of other inputs "
                        "are removed. README: 'A Parquet dataset instead of a store'")
    p.add_argument("--metadata", metavar="FILE",
                   help="CSV/TSV with a row per input file (a filename column, with or without the extension) "
                        "giving its publication date, title, author, outlet or URL; the date anchors relative "
                        "times (\"on Monday\"). Applies to the articles analysed in this run")
    p.add_argument("--no-resume", action="store_true", help="re-read inputs an earlier run already ingested")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)


def cmd_ingest(args: argparse.Namespace) -> int:
    from newsgraph.read.metadata import MetadataError, load_metadata
    from newsgraph.run import EngineError, ingest
    from newsgraph.run.parquet_dataset import DatasetError, ingest_to_dataset

    if args.batch_size < 1:
        raise UserError("--batch-size must be at least 1")
    if args.workers < 0:
        raise UserError("--workers must be 0 (one per CPU) or more")
    if args.scheduler and args.engine != "dask":
        raise UserError("--scheduler needs --engine dask")
    if args.parquet_dataset and args.engine != "dask":
        raise UserError("--parquet-dataset needs --engine dask")
    if args.parquet_dataset and (args.shards or args.no_resume):
        raise UserError("--parquet-dataset writes no shards and always resumes: leave out --shards and --no-resume")
    workers = args.workers or os.cpu_count() or 1

    def say(err) -> None:
        print(f"newsgraph: skipped {err}", file=sys.stderr)

    try:
        metadata = load_metadata(args.metadata) if args.metadata else None
    except MetadataError as exc:
        raise UserError(str(exc)) from exc
    warnings = metadata.warnings if metadata else []
    for warning in warnings[:10]:  # before the run, not after an hour of it
        print(f"newsgraph: {warning}", file=sys.stderr)
    if len(warnings) > 10:
        print(f"newsgraph: … and {len(warnings) - 10} more metadata warnings", file=sys.stderr)
    progress = not args.quiet and sys.stderr.isatty()
    try:
        if args.parquet_dataset:
            rep = ingest_to_dataset(args.paths, args.parquet_dataset, model=args.model, batch_size=args.batch_size,
                                    workers=workers, scheduler=args.scheduler, metadata=metadata,
                                    progress=progress, on_error=say)
        else:
            rep = ingest(args.paths, args.db, model=args.model, batch_size=args.batch_size,
                         resume=not args.no_resume, progress=progress, on_error=say, workers=workers,
                         engine=args.engine, scheduler=args.scheduler, shard_dir=args.shards, metadata=metadata)
    except (EngineError, DatasetError) as exc:
        raise UserError(str(exc)) from exc
    summary = rep.summary().replace(" stored", " written") if args.parquet_dataset else rep.summary()
    print(f"{summary} → {args.parquet_dataset or args.db}")
    return 1 if rep.errors and not (rep.stored or rep.already or rep.skipped) else 0
