"""Print a random sample of quotation groups (2+ occurrences) for hand-checking (issue 19).

    .venv/bin/python scripts/sample_quote_groups.py --db /tmp/bbc.db -n 20 --seed 19

Each group: its id, speaker, how many occurrences, then every occurrence (document, outlet, the
words as printed) with the rule that joined it, so a reader can say whether it is one quotation
by one speaker. Also prints the totals (groups of 2+, quotations in them).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import textwrap

from newsgraph.quote_group_list import count_quotation_groups, quotation_group
from newsgraph.store import connect


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("-n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=19)
    args = ap.parse_args()
    conn = connect(args.db, readonly=True)
    ids = [r[0] for r in conn.execute(
        "SELECT group_id FROM quote_group_members GROUP BY group_id HAVING count(*) >= 2 ORDER BY group_id")]
    in_groups = conn.execute("SELECT count(*) FROM quote_group_members WHERE group_id IN (SELECT group_id FROM "
                             "quote_group_members GROUP BY group_id HAVING count(*) >= 2)").fetchone()[0]
    grouped = conn.execute("SELECT count(*) FROM quote_group_members").fetchone()[0]
    print(f"{count_quotation_groups(conn):,} groups of 2+ holding {in_groups:,} of {grouped:,} grouped quotations")
    for gid in sorted(random.Random(args.seed).sample(ids, min(args.n, len(ids)))):
        show(conn, gid)


def show(conn: sqlite3.Connection, gid: int) -> None:
    g = quotation_group(conn, gid)
    if g is None:
        return
    print(f"\n=== group {gid} · {g['speaker']} · {len(g['occurrences'])} occurrences")
    for o in g["occurrences"]:
        rule = conn.execute("SELECT rule FROM quote_group_log WHERE quote_id = ? AND undone_at IS NULL "
                            "ORDER BY id DESC LIMIT 1", (o["quote_id"],)).fetchone()
        said_by = conn.execute("SELECT speaker FROM quotes WHERE id = ?", (o["quote_id"],)).fetchone()[0]
        print(f"  - {o['document']} · {said_by} [{rule[0] if rule else '?'}]")
        print(textwrap.indent(textwrap.fill(o["text"], 110), "      "))


if __name__ == "__main__":
    main()
