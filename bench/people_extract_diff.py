"""PERSON entities that differ between two extractions of the same articles (issue 14).

    ls ../shared/corpora/bbc/*/*.txt | awk 'NR%7==3' > /tmp/files.txt
    .venv/bin/newsgraph extract $(cat /tmp/files.txt) --format jsonl > AFTER.jsonl   # and BEFORE.jsonl
    .venv/bin/python bench/people_extract_diff.py BEFORE.jsonl AFTER.jsonl

One row per person that is gone, new, or whose mentions changed: document, GONE/NEW/CHANGED, name
and up to four mentions in context ([[mention]]), so that each change can be judged by reading it.
The last line gives the PERSON totals before and after.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

Mentions = tuple[tuple[int, int], ...]


def people(path: str) -> dict[str, tuple[str, dict[str, Mentions]]]:
    """Article source -> (its text, person name -> mentions)."""
    out: dict[str, tuple[str, dict[str, Mentions]]] = {}
    for line in Path(path).read_text().splitlines():
        doc = json.loads(line)
        found = {e["name"]: tuple((s, t) for s, t in e["mentions"]) for e in doc["entities"] if e["type"] == "PERSON"}
        out[doc["source"]] = (Path(doc["source"]).read_text(), found)
    return out


def in_context(text: str, mentions: Mentions) -> str:
    return " || ".join(f"{text[max(0, s - 60):s]}[[{text[s:e]}]]{text[e:e + 40]}"
                       for s, e in mentions[:4]).replace("\n", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    args = parser.parse_args()
    before, after = people(args.before), people(args.after)
    for source, (text, was) in before.items():
        now = after.get(source, (text, {}))[1]
        for name in sorted(set(was) | set(now)):
            if was.get(name) == now.get(name):
                continue
            kind = "GONE" if name not in now else "NEW" if name not in was else "CHANGED"
            print(source, kind, name, in_context(text, now.get(name) or was[name]), sep="\t")
    print("PERSON entities:", sum(len(p) for _, p in before.values()), "->", sum(len(p) for _, p in after.values()))


if __name__ == "__main__":
    main()
