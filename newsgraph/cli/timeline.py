"""timeline: dated events, from the store or straight from article files."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any

from newsgraph.cli import UserError, add_db, add_model


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "timeline", help="dated events in chronological order (from the store, or from PATHs)",
        description="Events the articles date (\"in 1958\", \"last month\", \"on Sunday\"), with their people and "
                    "places, oldest first. Without PATHs it reads the store (--db); with PATHs it analyses those "
                    "files directly. Dates are ISO values: 1957, 2019-04, 2016-09-11, 2016-W37 (a week), 199X "
                    "(the 1990s); --from/--to take any of them and keep events that overlap.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files to analyse instead of reading the store")
    add_db(p)
    p.add_argument("--person", help="part of a participant's name (a quotation's speaker takes part in it)")
    p.add_argument("--place", help="a place named in the event")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="earliest date, e.g. 1950 or 2016-09")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="latest date, e.g. 1959 or 2016-09-30")
    p.add_argument("--no-quotes", action="store_true", help="leave out quotations (dated by their article)")
    p.add_argument("--published", help="publication date (ISO) for relative dates in PATHs that have none")
    p.add_argument("--limit", type=int, default=500)
    p.add_argument("--json", action="store_true", help="print JSON lines")
    add_model(p)
    p.set_defaults(func=cmd_timeline)


def _check_date(value: str | None, flag: str) -> None:
    from newsgraph.analyse.dates.values import is_value

    if value and not is_value(value.strip()):
        raise UserError(f"{flag} {value!r} is not a date: use e.g. 1958, 2016-09, 2016-09-11 or 199X")


def _from_files(args: argparse.Namespace) -> list[dict[str, Any]]:
    from newsgraph import extract_many
    from newsgraph.analyse.dates.values import bounds, interval, sort_key
    from newsgraph.cli.core import Inputs

    lo = bounds(args.date_from)[0] if args.date_from else None
    hi = bounds(args.date_to)[1] if args.date_to else None
    rows: list[dict[str, Any]] = []
    for art in extract_many(Inputs(args.paths, args.published), model=args.model):
        for ev in art.timeline:
            if ev.date is None or (args.no_quotes and ev.kind == "quote"):
                continue
            first, last = (d.isoformat() for d in interval(ev.date))
            if (lo and last < lo) or (hi and first > hi):
                continue
            if args.person and not any(args.person.lower() in n.lower() for n in ev.participants):
                continue
            if args.place and not any(args.place.lower() in n.lower() for n in ev.places):
                continue
            rows.append({"date": ev.date, "text": ev.text, "start": ev.span[0], "end": ev.span[1],
                         "participants": ev.participants, "places": ev.places, "kind": ev.kind,
                         "document": art.document, "title": art.title, "published": art.published})
    rows.sort(key=lambda r: sort_key(r["date"]))
    return rows[: args.limit]


def cmd_timeline(args: argparse.Namespace) -> int:
    _check_date(args.date_from, "--from")
    _check_date(args.date_to, "--to")
    if args.paths:
        rows = _from_files(args)
    else:
        from newsgraph import query
        from newsgraph.store import connect

        rows = query.timeline(connect(args.db, readonly=True), person=args.person, place=args.place,
                              date_from=args.date_from, date_to=args.date_to, quotes=not args.no_quotes,
                              limit=args.limit)
    for r in rows:
        if args.json:
            print(json.dumps(r, ensure_ascii=False))
            continue
        who = ", ".join(r["participants"] + r["places"])
        mark = "“” " if r.get("kind") == "quote" else ""
        line = f"{r['date']:>10}  {mark}{' '.join(r['text'].split())}"
        print(textwrap.fill(line, 100, subsequent_indent=" " * 12))
        print(" " * 12 + (f"[{who}] " if who else "") + f"— {r['document']}")
    if not rows and not args.json:
        print("no dated events match", file=sys.stderr)
    return 0
