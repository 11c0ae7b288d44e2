"""quotations, ungroup, regroup: one quotation across the articles that reported it (newsgraph/quote_groups.py)."""

from __future__ import annotations

import argparse
import json

from newsgraph.cli import UserError, add_db, add_paging, page_of


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("quotations", help="the same quotation across articles: occurrences, first seen, variants",
                       description="Quotations reported in several articles by the same speaker (identical, "
                                   "trimmed, or with a few words changed), grouped when ingested; the most "
                                   "reported first. Undo a wrong group with `newsgraph ungroup ID`.")
    add_db(p)
    p.add_argument("--speaker", help="part of the speaker's name")
    p.add_argument("--min-occurrences", type=int, default=2, metavar="N", help="groups of at least N (default 2)")
    p.add_argument("--format", choices=("jsonl", "text"), default="jsonl")
    add_paging(p)
    p.set_defaults(func=cmd_quotations)

    p = sub.add_parser("ungroup", help="undo a quotation group (the quotations are kept apart from then on)",
                       description="ID is a group id from `newsgraph quotations`. Without --quote every "
                                   "quotation but the earliest gets a group of its own again.")
    p.add_argument("group_id", type=int, metavar="ID")
    p.add_argument("--quote", type=int, action="append", help="detach only this quotation id (repeatable)")
    add_db(p)
    p.set_defaults(func=cmd_ungroup)

    p = sub.add_parser("regroup", help="rebuild every quotation group (after entity merges, undo or a rule change)",
                       description="Matches every direct and mixed quotation again, in ingest order, as "
                                   "ingest does for new ones: run it after merging or splitting people "
                                   "(speakers change identity) or on a store grouped by an older version. "
                                   "Quotations detached with `newsgraph ungroup` stay apart; the old "
                                   "assignments stay in the log, marked undone.")
    add_db(p)
    p.set_defaults(func=cmd_regroup)


def _text_line(g: dict) -> str:
    first = g["first_seen"]
    seen = ", ".join(str(first[k]) for k in ("document", "published", "outlet") if first.get(k))
    more = f"; {len(g['variants']) - 1} other wording(s)" if len(g["variants"]) > 1 else ""
    return f"[{g['id']}] {len(g['occurrences'])}x {g['speaker']}: \u201c{g['text']}\u201d (first: {seen}{more})"


def cmd_quotations(args: argparse.Namespace) -> int:
    from newsgraph.quote_group_list import count_quotation_groups, quotation_groups
    from newsgraph.store import connect

    if args.min_occurrences < 1:
        raise UserError("--min-occurrences must be at least 1")
    conn = connect(args.db, readonly=True)
    try:
        filters = {"speaker": args.speaker, "min_occurrences": args.min_occurrences}
        groups = quotation_groups(conn, **filters, limit=args.limit or -1, offset=args.offset)
        for g in page_of(groups, count_quotation_groups(conn, **filters), args):
            print(json.dumps(g, ensure_ascii=False) if args.format == "jsonl" else _text_line(g))
    finally:
        conn.close()
    return 0


def cmd_ungroup(args: argparse.Namespace) -> int:
    from newsgraph.quote_groups import ungroup
    from newsgraph.store import connect

    conn = connect(args.db)
    try:
        n = ungroup(conn, args.group_id, quote_ids=args.quote)
    finally:
        conn.close()
    if not n:
        raise UserError(f"group {args.group_id} has nothing to detach (see `newsgraph quotations`)")
    print(f"{n} quotation(s) detached from group {args.group_id}; they stay apart")
    return 0


def cmd_regroup(args: argparse.Namespace) -> int:
    from newsgraph.quote_groups import regroup
    from newsgraph.store import connect

    conn = connect(args.db)
    try:
        joined = regroup(conn)
        groups = conn.execute("SELECT count(*) FROM quote_groups WHERE size >= 2").fetchone()[0]
    finally:
        conn.close()
    print(f"{joined} quotation(s) joined an earlier one; {groups} group(s) of 2 or more")
    return 0
