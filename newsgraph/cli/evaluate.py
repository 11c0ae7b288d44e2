"""eval: score newsgraph against gold with the reference scorer's rules."""

from __future__ import annotations

import argparse
import json

from newsgraph.cli import UserError, add_model


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval", help="score quotes and speakers against gold",
        description="Run newsgraph on the gold texts and score it with the reference rules (the same "
                    "numbers as tools/score_quotes.py). GOLD is a PolNeAR-layout folder (text/, "
                    "attributions/) or a *.gold.json file or folder of them.")
    p.add_argument("--gold", required=True, metavar="DIR_OR_FILE")
    p.add_argument("--kinds", help="comma list of direct,mixed,indirect (one block)")
    p.add_argument("--errors", action="store_true", help="list misses, false positives and attribution errors")
    p.add_argument("--pred", help="score this predictions JSONL instead of running newsgraph "
                                  "(or, if it does not exist, write the predictions there)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    add_model(p)
    p.set_defaults(func=cmd_eval)


def cmd_eval(args: argparse.Namespace) -> int:
    import os

    from newsgraph.evaluate import format_errors, format_table, run_eval

    if not os.path.exists(args.gold):
        raise UserError(f"{args.gold}: no such gold file or folder")
    res = run_eval(args.gold, kinds=args.kinds, errors=args.errors, model=args.model, pred_path=args.pred)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        print(format_table(res))
        if args.errors:
            print(format_errors(res))
    return 0
