"""Draw the seeded sample of quotations, as the web app lists them by default, hand-checked for issue 15.

    .venv/bin/newsgraph ingest ../shared/corpora/bbc ../shared/corpora/polnear/dev/text --db store.db
    .venv/bin/python scripts/sample_web_quotes.py --db store.db [--n 100] [--seed 15] \
        [--out bench/quotes_issue15.tsv]

The web lists speech by a speaker found by default (every kind, confidence shown), so the sample is
drawn from ``query.quotes(act="speech", unattributed="hide")``, the query behind those lists. Each row
shows the quotation the way a reader sees it (direct words in marks, reported speech as
"NAME, reported via “denied”: …") and its
paragraph with the quoted words in [[ ]], so a checker can judge it without opening the article.
The checker fills ``verdict`` (ok | wrong-speaker | no-speaker | not-said | wrong-words) and
``note``; ``--score`` counts the verdicts of a checked file.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import sys
from pathlib import Path

from newsgraph import query
from newsgraph.evaluate.hand_checks import verdict_summary
from newsgraph.render import quote_line, speaker_label
from newsgraph.store import connect

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ["n", "quote_id", "document", "kind", "confidence", "speaker", "speaker_type", "shown", "paragraph",
           "verdict", "note"]


def shown(q: dict) -> str:
    """The quotation as the lists print it (the words that report a paraphrase included)."""
    return quote_line(speaker_label(q["speaker"], q["descriptor"]), q["content"], q["kind"], q["confidence"],
                      cue=q["cue"], lead=q.get("lead_in"))


def paragraph(text: str, start: int, end: int) -> str:
    """The paragraph(s) holding ``text[start:end]``, the quotation in [[ ]], on one line."""
    s = text.rfind("\n", 0, start)
    e = text.find("\n", end)
    s, e = (0 if s < 0 else s + 1), (len(text) if e < 0 else e)
    return " ".join(f"{text[s:start]}[[{text[start:end]}]]{text[end:e]}".split())


def draw(conn: sqlite3.Connection, n: int, seed: int) -> list[dict[str, str]]:
    total = query.count_quotes(conn, act="speech", unattributed="hide")
    rows = []
    for k, offset in enumerate(sorted(random.Random(seed).sample(range(total), min(n, total))), 1):
        q = query.quotes(conn, act="speech", unattributed="hide", limit=1, offset=offset)[0]
        text = conn.execute("SELECT text FROM articles WHERE id = ?", (q["article_id"],)).fetchone()[0]
        rows.append({"n": str(k), "quote_id": str(q["id"]), "document": q["document"], "kind": q["kind"],
                     "confidence": f"{q['confidence']:.2f}", "speaker": q["speaker"] or "",
                     "speaker_type": q["speaker_type"] or "", "shown": shown(q),
                     "paragraph": paragraph(text, q["start"], q["end"]), "verdict": "", "note": ""})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--out", type=Path, default=ROOT / "bench/quotes_issue15.tsv")
    ap.add_argument("--score", type=Path, help="count the verdicts of a checked file instead")
    args = ap.parse_args(argv)
    if args.score:
        print(verdict_summary(args.score))
        return 0
    if args.db is None:
        ap.error("--db is required to draw a sample")
    conn = connect(args.db, readonly=True)
    rows = draw(conn, args.n, args.seed)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} quotations -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
