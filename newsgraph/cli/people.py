"""people, person, places, quoted, merges, unmerge, retypes: who and where, across the stored articles."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from newsgraph.cli import UserError, add_act, add_db, add_paging, page, page_of


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("people", help="people in the store with mention and quote counts",
                       description="People across articles (one line per real person: names that the "
                                   "cross-article merge joined are counted together; see `newsgraph merges`).")
    add_db(p)
    p.add_argument("--name", help="only people whose name contains this")
    add_paging(p)
    p.add_argument("--json", action="store_true", help="print JSON lines")
    p.set_defaults(func=cmd_people)

    p = sub.add_parser("person", help="one person: names, aliases, roles, quotes, co-mentioned people, places",
                       description="NAME is a full name or part of one (\"Trump\", \"Kim So-young\"); the best "
                                   "known matching person is shown.")
    p.add_argument("name", metavar="NAME")
    add_db(p)
    p.add_argument("--quotes", type=int, default=10,
                   help="how many quotations to list; 0 for all (default: %(default)s)")
    add_act(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_person)

    p = sub.add_parser("places", help="places in the store with mentions, articles and coordinates")
    add_db(p)
    p.add_argument("--name", help="only places whose name contains this")
    add_paging(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_places)

    p = sub.add_parser("quoted", help="who is quoted: shares of quotations by speaker type and by gender",
                       description="Quotations by speaker type (person, organisation, group, other, unnamed) "
                                   "and, among people, by gender where known (an honorific in the articles, "
                                   "else the given name), overall or per outlet, month or year; every share "
                                   "with its counts.")
    add_db(p)
    p.add_argument("--by", choices=("total", "outlet", "month", "year"), default="total")
    p.add_argument("--outlet", help="only this outlet")
    p.add_argument("--csv", action="store_true", help="print CSV (every count and share)")
    p.set_defaults(func=cmd_quoted)

    p = sub.add_parser("merges", help="entities joined across articles, with the rule that joined them",
                       description="Each line is one global entity joining entities of several articles. "
                                   "Undo a wrong one with `newsgraph unmerge ID`.")
    add_db(p)
    p.add_argument("--name", help="only merges whose name contains this")
    add_paging(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_merges)

    p = sub.add_parser("unmerge", help="undo a cross-article merge (the entities are kept apart from then on)",
                       description="ID is a global entity id from `newsgraph merges`. Without --entity every "
                                   "joined article entity gets its own global entity again.")
    p.add_argument("global_id", type=int, metavar="ID")
    p.add_argument("--entity", type=int, action="append", help="detach only this article entity id (repeatable)")
    add_db(p)
    p.set_defaults(func=cmd_unmerge)

    p = sub.add_parser("retypes", help="people retyped across the store as organisations, products or places",
                       description="Each line: article entity id, name, type now, rule. Undo one with "
                                   "`newsgraph retypes --undo ENTITY_ID` (it stays a person from then on).")
    p.add_argument("--undo", type=int, metavar="ENTITY_ID", help="make this retyped entity a person again")
    add_db(p)
    p.set_defaults(func=cmd_retypes)


def _open(args: argparse.Namespace, *, readonly: bool = True):
    from newsgraph.store import connect

    return connect(args.db, readonly=readonly)


def _print_rows(rows: list[dict[str, Any]], args: argparse.Namespace, line: Callable[[dict[str, Any]], str],
                nothing: str) -> None:
    """One line per row (or JSON lines with --json); a note on stderr when there is none."""
    for r in rows:
        print(json.dumps(r, ensure_ascii=False) if args.json else line(r))
    if not rows and not args.json:
        print(nothing + (f" matching {args.name!r}" if getattr(args, "name", None) else ""), file=sys.stderr)


def _person_line(r: dict[str, Any]) -> str:
    also = [n for n in r["names"] if n != r["name"]]
    extra = f"  (also: {', '.join(also[:4])})" if also else ""
    return f"{r['name']:<32} {r['quotes']:>4} quotes {r['mentions']:>5} mentions {r['articles']:>4} articles{extra}"


def cmd_people(args: argparse.Namespace) -> int:
    from newsgraph import query

    conn = _open(args)
    rows = query.people(conn, name=args.name, limit=args.limit or -1, offset=args.offset)
    _print_rows(page_of(rows, query.count_people(conn, name=args.name), args), args, _person_line, "no people")
    return 0


def cmd_person(args: argparse.Namespace) -> int:
    from newsgraph import query

    conn = _open(args)
    who = query.find_identity(conn, args.name)  # any of a person's names, any case (cached per store)
    name = who.name if who is not None else query.find_person(conn, args.name)  # else part of a name
    profile = query.person_profile(conn, name) if name else None
    if profile is None or name is None:
        raise UserError(f"no person matching {args.name!r} in {args.db} (list them with `newsgraph people`)")
    from newsgraph.render import QUOTE_LEGEND, act_note, paging_note, quote_line

    act = None if args.act == "all" else args.act
    quotes = query.quotes(conn, person=name, act=act, limit=args.quotes if args.quotes > 0 else -1)
    n_matching = query.count_quotes(conn, person=name, act=act)
    n_hidden = query.count_quotes(conn, person=name) - n_matching if act else 0
    since = query.latest_articles_since(conn, person=name)  # named in many articles: the latest of them
    co = query.co_mentioned(conn, name, limit=10, since=since)
    places = query.person_places(conn, name, limit=10, since=since)
    if args.json:
        print(json.dumps({**profile, "quotations": quotes, "co_mentioned": co, "places": places},
                         ensure_ascii=False))
        return 0
    print(profile["name"])
    print(f"  {profile['articles']} articles, {profile['mentions']} mentions, {profile['quotes']} quotes")
    for label, values in (("also named", [n for n in profile["names"] if n != profile["name"]]),
                          ("aliases", profile["aliases"]), ("roles", profile["roles"])):
        if values:
            print(f"  {label}: " + "; ".join(values[:12]))
    if quotes:
        print("  quotes:" if args.act == "all" else f"  quotes ({args.act}):")
        for q in quotes:
            content = " ".join(q["content"].split())
            content = content if len(content) <= 160 else content[:159] + "…"
            print(f"    {quote_line('', content, q['kind'], q['confidence'], cue=q['cue'], lead=q.get('lead_in'))}  {q['document']}")
    for note in (paging_note(len(quotes), n_matching), act_note(args.act, n_hidden)):
        if note:
            print("  " + note.replace("--limit/--offset (--limit 0 for all)", "--quotes N (0 for all)"))
    if quotes:
        print("  " + QUOTE_LEGEND)
    if since is not None and (co or places):
        print(f"  in their {query.LATEST_ARTICLES} latest-ingested articles:")
    if co:
        print("  mentioned with: " + ", ".join(f"{c['name']} ({c['articles']})" for c in co))
    if places:
        print("  places: " + ", ".join(f"{p['name']} ({p['articles']})" for p in places))
    return 0


def _place_line(r: dict[str, Any]) -> str:
    where = f"{r['lat']:.3f}, {r['lon']:.3f}" if r["lat"] is not None else "—"
    return f"{r['name']:<32} {r['mentions']:>5} mentions {r['articles']:>4} articles  {r['country'] or '':<2}  {where}"


def cmd_places(args: argparse.Namespace) -> int:
    from newsgraph import query

    conn = _open(args)
    rows = query.place_counts(conn, name=args.name, limit=args.limit or -1, offset=args.offset)
    _print_rows(page_of(rows, query.count_places(conn, name=args.name), args), args, _place_line, "no places")
    return 0


def _merge_line(r: dict[str, Any]) -> str:
    names = sorted(set((r["names"] or "").split(",")))
    return (f"{r['id']:>6}  {r['type']:<6} {r['name']:<28} {r['articles']:>4} articles  "
            f"names: {'; '.join(names[:5])}  rule: {r['rules'] or '-'}")


def cmd_merges(args: argparse.Namespace) -> int:
    from newsgraph import query

    _print_rows(page(query.merge_list(_open(args), name=args.name, limit=-1), args), args, _merge_line,
                "no cross-article merges")
    return 0


def cmd_unmerge(args: argparse.Namespace) -> int:
    from newsgraph.store.merge import unmerge

    n = unmerge(_open(args, readonly=False), args.global_id, entity_ids=args.entity)
    if not n:
        raise UserError(f"global entity {args.global_id} joins nothing to undo (see `newsgraph merges`)")
    print(f"detached {n} entit{'y' if n == 1 else 'ies'} from {args.global_id}; they stay apart from now on")
    return 0


def cmd_retypes(args: argparse.Namespace) -> int:
    from newsgraph.store.retype import retypes, unretype

    if args.undo is not None:
        if not unretype(_open(args, readonly=False), args.undo):
            raise UserError(f"entity {args.undo} was not retyped (see `newsgraph retypes`)")
        print(f"entity {args.undo} is a person again; it is not retyped from now on")
        return 0
    for r in retypes(_open(args)):
        print(f"{r['entity_id']:>7}  {r['name']:<28} {r['type']:<6} {'(undone) ' if r['undone'] else ''}{r['rule']}")
    return 0


def cmd_quoted(args: argparse.Namespace) -> int:
    import csv

    from newsgraph.who_is_quoted import who_is_quoted

    rows = who_is_quoted(_open(args), by=args.by, outlet=args.outlet)
    if args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["by"])
        writer.writeheader()
        writer.writerows(rows)
        return 0
    pct = lambda share: "   -  " if share is None else f"{100 * share:5.1f}%"  # noqa: E731
    print(f"{args.by:<12} {'quotes':>7}  {'person':>6} {'org':>6} {'group':>6} {'other':>6} {'unnamed':>7}"
          f"   women among people of known gender")
    for r in rows:
        print(f"{str(r['value'] if r['value'] is not None else 'unknown'):<12} {r['quotes']:>7}  "
              f"{pct(r['share_person'])} {pct(r['share_organisation'])} {pct(r['share_group'])} "
              f"{pct(r['share_other'])} {pct(r['share_unnamed']):>7}   {pct(r['share_female'])} "
              f"({r['female']} of {r['female'] + r['male']}; {r['unknown']} unknown)")
    if not rows:
        print("no quotations", file=sys.stderr)
    return 0
