"""extract, report, show, quotes, errors: the everyday commands (people: cli/people.py)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsgraph.cli import UserError, add_act, add_db, add_model, add_paging, page_of

if TYPE_CHECKING:
    from newsgraph.read import RawArticle

SEARCH_HELP = ('words, all required: war (the whole word), war* (a prefix), "prime minister" (a phrase), '
               "Blair OR Brown (either); an unaccented letter matches any accent, a typed accent is kept")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="analyse files and print the results (no store)",
                       description="Analyse PATHs and print one result per article. jsonl is what the "
                                   "reference scorer reads (see README, 'Output format').")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("jsonl", "json", "text"), default="jsonl")
    p.add_argument("--with-text", action="store_true", help="include the article text in JSON output")
    p.add_argument("--published", help="publication date (ISO) for relative dates, when the input has none")
    add_act(p, default="all")
    add_model(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("report", help="a readable report of one or more articles",
                       description="People, quotes grouped by speaker, places and dates of each article.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--published", help="publication date (ISO) for relative dates")
    add_act(p)
    add_model(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("show", help="an article from the store with quotes and speakers marked",
                       description="ARTICLE is an id, a document name or a source path (see `newsgraph articles`).")
    p.add_argument("article", metavar="ARTICLE")
    add_db(p)
    p.add_argument("--no-colour", action="store_true")
    add_act(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("articles", help="articles in the store (stable key, date, quotes, title)",
                       description="List stored articles, latest ingested first. The first column is the "
                                   "article's stable key (the start of its content hash), the same in every "
                                   "store built from the same inputs: give it to `newsgraph show` or /article/KEY. "
                                   "--search matches their title and text and prints the sentence of the first match.")
    add_db(p)
    p.add_argument("--search", help=SEARCH_HELP)
    add_paging(p)
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("quotes", help="quotations in the store",
                       description="List quotations, filtered by speaker name and/or full-text search.")
    add_db(p)
    p.add_argument("--speaker", help="part of the speaker's name")
    p.add_argument("--person", help="one person's quotations under every name merged with this one (any case)")
    p.add_argument("--search", help=SEARCH_HELP)
    p.add_argument("--kind", choices=("direct", "mixed", "indirect"))
    p.add_argument("--order", choices=("newest", "oldest", "relevance", "speaker"), default="newest",
                   help="newest article first (default), oldest first, with --search the best match first, "
                        "or by speaker")
    add_act(p)
    p.add_argument("--unattributed", choices=("hide", "include", "only"), default="hide",
                   help="quotations whose speaker was not found: hide them (default), include them, or "
                        "list only them")
    add_paging(p)
    p.add_argument("--json", action="store_true", help="print JSON lines")
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("errors", help="inputs that failed, and why (a rerun of ingest retries them)")
    add_db(p)
    p.set_defaults(func=cmd_errors)


class Inputs:
    """The readable articles of PATHs; bad inputs are reported on stderr and counted."""

    def __init__(self, paths: list[str], published: str | None = None) -> None:
        self.paths, self.published = paths, published
        self.read = self.failed = 0

    def __iter__(self) -> Iterator[RawArticle]:
        from newsgraph.read import ReadError, iter_articles

        for item in iter_articles(self.paths):
            if isinstance(item, ReadError):
                self.failed += 1
                print(f"newsgraph: skipped {item}", file=sys.stderr)
                continue
            if self.published and not item.published:
                item.published = self.published
            self.read += 1
            yield item
        if self.failed:
            print(f"newsgraph: {self.failed} input(s) failed", file=sys.stderr)

    @property
    def status(self) -> int:
        """1 when nothing could be read, so scripts notice; 0 otherwise."""
        return 1 if self.failed and not self.read else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from newsgraph import extract_many
    from newsgraph.render import keep_acts, report

    inputs = Inputs(args.paths, args.published)
    for art in extract_many(inputs, model=args.model):
        if args.act != "all":  # parents index the full list: keep only parents that stay listed
            keep_acts(art, args.act)
        if args.format == "jsonl":
            print(json.dumps(art.to_dict(with_text=args.with_text), ensure_ascii=False))
        elif args.format == "json":
            print(json.dumps(art.to_dict(with_text=args.with_text), ensure_ascii=False, indent=1))
        else:
            print(report(art, act=args.act))
            print()
    return inputs.status


def cmd_report(args: argparse.Namespace) -> int:
    from newsgraph import extract_many
    from newsgraph.render import report

    colour = sys.stdout.isatty()
    inputs = Inputs(args.paths, args.published)
    for i, art in enumerate(extract_many(inputs, model=args.model)):
        if i:
            print("\n")
        print(report(art, colour=colour, act=args.act))
    return inputs.status


def _open(args: argparse.Namespace):
    from newsgraph.store import connect

    return connect(args.db, readonly=True)


def cmd_show(args: argparse.Namespace) -> int:
    from newsgraph import query
    from newsgraph.render import keep_acts, show

    conn = _open(args)
    aid = query.find_article_id(conn, args.article)
    if aid is None:
        raise UserError(f"no article {args.article!r} in {args.db} (list them with `newsgraph articles`)")
    art = query.load_article(conn, aid)
    assert art is not None
    keep_acts(art, args.act)
    print(show(art, colour=not args.no_colour and sys.stdout.isatty()))
    if args.act != "all":
        print(f"Marked: {args.act} only (--act all marks every attribution).")
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    from newsgraph import query

    conn = _open(args)
    rows = page_of(query.articles(conn, search=args.search, limit=args.limit or -1, offset=args.offset),
                   query.count_articles(conn, search=args.search), args)
    for a in rows:
        print(f"{a['key']}  {a['published'] or '':<10}  {a['quotes']:>3} quotes  {a['title'] or a['document']}")
        if a.get("snippet"):
            print("        " + " ".join(a["snippet"]["highlighted"].split()))
    if not rows and args.search:
        print("no articles match", file=sys.stderr)
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    from newsgraph import query
    from newsgraph.render import QUOTE_LEGEND, act_note, quote_line, speaker_label, unattributed_note

    conn = _open(args)
    person = None
    if args.person:
        who = query.find_identity(conn, args.person)
        if who is None:
            near = query.suggest_people(conn, args.person)
            raise UserError(f"no person named {args.person!r} in {args.db}"
                            + (f"; did you mean {', '.join(near)}?" if near else ""))
        person = who.name
    filters = {"speaker": args.speaker, "person": person, "search": args.search, "kind": args.kind, "act": args.act,
               "unattributed": args.unattributed}
    shown = query.count_quotes(conn, **filters)
    rows = page_of(query.quotes(conn, **filters, order=args.order, limit=args.limit or -1, offset=args.offset),
                   shown, args)
    # what the defaults hide: this act's quotations with no speaker found, then the other acts' (any speaker)
    unhidden = "include" if args.unattributed == "hide" else args.unattributed
    with_unattributed = query.count_quotes(conn, **{**filters, "unattributed": unhidden})
    hidden_unattributed = with_unattributed - shown
    hidden_acts = 0 if args.act == "all" else \
        query.count_quotes(conn, **{**filters, "act": "all", "unattributed": unhidden}) - with_unattributed
    for r in rows:
        if args.json:
            print(json.dumps(r, ensure_ascii=False))
            continue
        content = " ".join((r.get("highlighted") or r["content"]).split())
        line = quote_line(speaker_label(r["speaker"], r["descriptor"]), content, r["kind"], r["confidence"],
                          cue=r["cue"], lead=r.get("lead_in"))
        print(f"{line}  {r['document']}#{r['article_key']}")
    if args.json:
        return 0
    for note in (act_note(args.act, hidden_acts), unattributed_note(hidden_unattributed)):
        if note:
            print(note, file=sys.stderr)
    if rows:
        print(QUOTE_LEGEND, file=sys.stderr)
    else:
        print("no quotations match", file=sys.stderr)
    return 0


def cmd_errors(args: argparse.Namespace) -> int:
    from newsgraph import query

    rows = query.failures(_open(args))
    for r in rows:
        print(f"{r['source']}: {r['problem']}" + (f" ({r['hint']})" if r["hint"] else ""))
    if not rows:
        print("no failed inputs")
    return 0
