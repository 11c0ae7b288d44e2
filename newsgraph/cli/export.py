"""export: the store in the formats other tools read (JSONL, CSV, Parquet, GraphML, JSON-LD, brat)."""

from __future__ import annotations

import argparse
import sys

from newsgraph.cli import UserError, add_db

FORMAT_HELP = """\
formats:
  jsonl      one article per line, the schema of `extract --format jsonl`, with its text
  csv        OUT/<table>.csv for articles, quotes, entities, mentions, events, times
  parquet    OUT/<table>.parquet, typed columns (DuckDB, Spark, pandas)
  graphml    people, organisations, places, articles and quotations with said /
             part_of / mentioned_in / co_mentioned links (Gephi, networkx)
  jsonld     schema.org linked data (NewsArticle, Quotation, Person, Organization, Place)
  brat       PolNeAR-layout brat standoff to correct by hand, then score with
             `newsgraph eval --gold OUT`
  datasette  Datasette metadata (descriptions, facets, canned queries) for this --db

examples:
  newsgraph export --format csv --out tables/ --db news.db
  newsgraph export --format jsonld --speaker Clinton --from 2016-09 --to 2016-10 > clinton.jsonld
  newsgraph export --format brat --article moscow8.txt --out to-correct/"""


def register(sub: argparse._SubParsersAction) -> None:
    from newsgraph.export import FORMATS

    p = sub.add_parser("export", help="write the store as JSONL, CSV, Parquet, GraphML, JSON-LD or brat",
                       description="Write the store (or the part the filters select) for other tools.",
                       epilog=FORMAT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--format", required=True, choices=tuple(FORMATS))
    p.add_argument("--out", metavar="PATH",
                   help="output file (jsonl, graphml, jsonld, datasette; default standard output) "
                        "or folder (csv, parquet, brat; required)")
    add_db(p)
    p.add_argument("--article", action="append", metavar="ARTICLE",
                   help="only this article (id, document name, hash prefix or source; repeatable)")
    p.add_argument("--speaker", help="only quotations by speakers whose name contains this, and their articles")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="articles published on or after DATE (ISO)")
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   help="articles published on or before DATE (ISO; '2016-09' includes all of September)")
    p.add_argument("--force", action="store_true", help="overwrite brat annotation files already in --out")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from newsgraph.export import ExportError, export

    try:
        summary = export(args.db, args.format, args.out, articles=args.article, speaker=args.speaker,
                         date_from=args.date_from, date_to=args.date_to, force=args.force)
    except ExportError as exc:
        raise UserError(str(exc)) from exc
    print(f"newsgraph: exported {summary}", file=sys.stderr)
    return 0
