"""Counting the verdicts of a hand-checked sample (a TSV with a ``verdict`` column), the one way
the sampling scripts in ``scripts/`` score a checked file, so that every hand check in the README
is counted the same way."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path


def verdict_summary(path: Path, right: str = "ok") -> str:
    """"N/M right; wrong: {...}": rows whose ``verdict`` is ``right`` against all judged rows."""
    with open(path, encoding="utf-8", newline="") as fh:
        verdicts = Counter(r["verdict"].strip() for r in csv.DictReader(fh, delimiter="\t"))
    verdicts.pop("", None)
    ok = verdicts.pop(right, 0)
    return f"{ok}/{ok + sum(verdicts.values())} right; wrong: {dict(verdicts)}"
