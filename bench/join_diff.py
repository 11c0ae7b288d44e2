"""Cross-article person joins that differ between two stores of the same articles (issue 14).

    .venv/bin/python bench/join_diff.py BEFORE.db AFTER.db [--out FILE.tsv]

A person entity is identified by (document, name, first mention) in both stores. For every group
of one store (a global person of 2+ articles) whose entities the other store groups otherwise, it
prints one row: the entity, which groups it belongs to before and after, and the after rule, so
that each changed join can be judged by reading the articles.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections import defaultdict

_SQL = """SELECT e.id, e.global_id, a.document, e.name, e.roles,
                 (SELECT min(start) FROM mentions m WHERE m.entity_id = e.id) AS first,
                 (SELECT rule FROM entity_merges r WHERE r.entity_id = e.id AND r.undone_at IS NULL
                  ORDER BY r.rowid DESC LIMIT 1) AS rule
          FROM entities e JOIN articles a ON a.id = e.article_id WHERE e.type = 'PERSON'"""


def groups(path: str) -> tuple[dict[tuple, int], dict[int, list[tuple]], dict[tuple, tuple[str, str]]]:
    conn = sqlite3.connect(path)
    of: dict[tuple, int] = {}
    members: dict[int, list[tuple]] = defaultdict(list)
    info: dict[tuple, tuple[str, str]] = {}
    for _id, gid, doc, name, roles, first, rule in conn.execute(_SQL):
        key = (doc, name, first)
        of[key] = gid
        members[gid].append(key)
        info[key] = (roles, rule or "")
    return of, members, info


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    args = ap.parse_args()
    b_of, b_mem, _ = groups(args.before)
    a_of, a_mem, a_info = groups(args.after)
    split = joined = 0
    seen: set[frozenset] = set()
    for gid, keys in sorted(b_mem.items(), key=lambda kv: sorted(kv[1])):
        keys = [k for k in keys if k in a_of]
        parts = {a_of[k] for k in keys}
        if len({k[0] for k in keys}) > 1 and len(parts) > 1:
            split += 1
            print(f"== SPLIT before #{gid} {keys[0][1]}: {len(keys)} entities -> {len(parts)} groups")
            for p in sorted(parts, key=lambda p: min(k for k in keys if a_of[k] == p)):
                part = sorted(k for k in keys if a_of[k] == p)
                print(f"   part ({len(part)}): " + "; ".join(f"{d} {n}" for d, n, _ in part[:12])
                      + f"  | {a_info[part[0]][0]} | {a_info[part[0]][1]}")
    for gid, keys in sorted(a_mem.items(), key=lambda kv: sorted(kv[1])):
        keys = [k for k in keys if k in b_of]
        parts = {b_of[k] for k in keys}
        if len(parts) > 1 and frozenset(keys) not in seen:
            joined += 1
            print(f"== JOINED after #{gid} {keys[0][1]}: {len(parts)} groups before")
            for p in sorted(parts):
                part = sorted(k for k in keys if b_of[k] == p)
                print(f"   was ({len(part)}): " + "; ".join(f"{d} {n}" for d, n, _ in part[:12])
                      + f"  | {a_info[part[0]][1]}")
    print(f"# groups split: {split}; groups joined: {joined}")


if __name__ == "__main__":
    main()
