"""ingest: analyse inputs into the store (streaming, resumable)."""

from __future__ import annotations

import argparse
import sys

from newsgraph.cli import add_db, add_model


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("ingest", help="analyse files into the store",
                       description="Read PATHs (files, folders, globs), analyse every article and store it. "
                                   "Articles already stored (same text) are not stored twice; inputs done by an "
                                   "earlier run are skipped, so an interrupted run resumes. Bad files are "
                                   "reported, recorded (see `newsgraph errors`) and skipped.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_db(p)
    add_model(p)
    p.add_argument("--batch-size", type=int, default=32, help="articles per nlp.pipe batch and transaction")
    p.add_argument("--no-resume", action="store_true", help="re-read inputs an earlier run already ingested")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)



def cmd_ingest(args: argparse.Namespace) -> int:
    from newsgraph.run import ingest

    def say(err) -> None:  # type: ignore[no-untyped-def]
        print(f"newsgraph: skipped {err}", file=sys.stderr)

    rep = ingest(args.paths, args.db, model=args.model, batch_size=args.batch_size,
                 resume=not args.no_resume, progress=not args.quiet and sys.stderr.isatty(), on_error=say)
    print(f"{rep.summary()} → {args.db}")
    return 1 if rep.errors and not (rep.stored or rep.already or rep.skipped) else 0
