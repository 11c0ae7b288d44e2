"""Draw the seeded sample of people from a store that is hand-checked for issue 14.

    .venv/bin/newsgraph ingest <PolNeAR dev texts> <first 10 BBC articles per topic> --db people.db
    # or the full store of the issue: ingest ../shared/corpora/bbc ../shared/corpora/polnear/dev/text
    .venv/bin/python scripts/sample_store_people.py --db people.db [--n 100] [--seed 1914] \
        [--out bench/people_issue14_final.tsv]

Unlike ``sample_people.py`` (one article's entities), this reads the store, so each sampled
PERSON entity comes with the cross-article join it got: the global person's name, how many
articles it spans and every other name joined into it, and the rule that joined it. The checker
fills ``verdict`` (ok | not-person | wrong-group | wrong-name | wrong-join) and ``note``;
``--score`` counts the verdicts of a checked file.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import sys
from pathlib import Path

from newsgraph.evaluate.hand_checks import verdict_summary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from sample_people import context  # noqa: E402  (one way to show a mention in context)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1914)
    ap.add_argument("--out", type=Path, default=ROOT / "bench/people_issue14_final.tsv")
    ap.add_argument("--score", type=Path, help="count the verdicts of a checked file instead")
    args = ap.parse_args(argv)
    if args.score:
        print(verdict_summary(args.score))
        return 0
    if args.db is None:
        ap.error("--db is required to draw a sample")
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    rows = conn.execute("SELECT e.id, e.name, e.aliases, e.roles, e.global_id, a.document, a.text, a.id AS aid "
                        "FROM entities e JOIN articles a ON a.id = e.article_id WHERE e.type = 'PERSON' "
                        "ORDER BY e.id").fetchall()
    sample = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["n", "document", "name", "aliases", "roles", "n_mentions", "mentions_in_context",
                    "joined_to", "joined_names", "join_rule", "verdict", "note"])
        for n, r in enumerate(sample, 1):
            text = r["text"]
            mentions = conn.execute('SELECT start, "end" FROM mentions WHERE entity_id = ? ORDER BY start',
                                    (r["id"],)).fetchall()
            shown = [m for k, m in enumerate(mentions) if k == 0 or text[m[0] : m[1]] != r["name"]]
            ctx = " || ".join(context(text, s, e) for s, e in shown[:8])
            glob = conn.execute("SELECT name FROM global_entities WHERE id = ?", (r["global_id"],)).fetchone()
            others = conn.execute("SELECT name, count(DISTINCT article_id) FROM entities WHERE global_id = ? "
                                  "AND id != ? GROUP BY name ORDER BY 2 DESC", (r["global_id"], r["id"])).fetchall()
            rule = conn.execute("SELECT rule FROM entity_merges WHERE entity_id = ? AND undone_at IS NULL",
                                (r["id"],)).fetchone()
            w.writerow([n, r["document"], r["name"], "; ".join(json.loads(r["aliases"])),
                        "; ".join(json.loads(r["roles"])), len(mentions), ctx, glob[0] if glob else "",
                        "; ".join(f"{nm} ({k})" for nm, k in others), rule[0] if rule else "", "", ""])
    print(f"{len(sample)} of {len(rows)} person entities -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
