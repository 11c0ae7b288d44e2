"""CPU cost, per process, of the data ``newsgraph_people`` and the attribution load on first use
(run on demand; every ingest worker pays it once, and ``bench/throughput.py`` counts it).

Each step is timed with ``time.process_time`` in a fresh interpreter, in the order a worker
meets them: gender-guesser's name table (case-sensitive, for "is this a given name"), its
case-insensitive twin (first-name gender in attribution), the gazetteer (the name tables
beside the modules are read in milliseconds).
``--root`` measures another checkout (e.g. an older commit's tree:
``git archive <rev> newsgraph | tar -x -C DIR``).

    .venv/bin/python bench/people_startup.py [--root DIR] [--runs 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

_STEPS = """
import sys, time
sys.path.insert(0, {root!r})
from newsgraph.analyse.quotes import speakers as attribution
from newsgraph.analyse.entities import names
from newsgraph.analyse.entities import places

def case_insensitive():
    old = getattr(attribution, "_first_names", None)  # before both came from one parse
    return old() if old is not None else names.given_name_detectors()[1]

steps = [
    ("given names, case-sensitive", lambda: names.known_given_name("Qwzx")),  # not in names_given.tsv
    ("given names, case-insensitive", lambda: case_insensitive().get_gender("jacob")),
    ("gazetteer", places.gazetteer),
]
total = 0.0
for label, step in steps:
    t0 = time.process_time()
    step()
    spent = time.process_time() - t0
    total += spent
    print(f"{{label}}\\t{{spent:.3f}}")
print(f"total\\t{{total:.3f}}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    best: dict[str, float] = {}
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", _STEPS.format(root=str(args.root.resolve()))],
                             check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            label, seconds = line.split("\t")
            best[label] = min(best.get(label, float("inf")), float(seconds))
    print(f"first use, CPU s (best of {args.runs} processes), code from {args.root}")
    for label, seconds in best.items():
        print(f"  {label:<30} {seconds:.3f}")


if __name__ == "__main__":
    main()
