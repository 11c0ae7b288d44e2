"""Ingest speed with quotation grouping (issue 19) against the same ingest without it, alternated.

    .venv/bin/python bench/quote_groups_speed.py --corpus ../shared/corpora/bbc -n 300 --repeat 2

Takes ``n`` articles spread evenly over the corpus, ingests them into a fresh store ``--repeat``
times with grouping and as often without (``group_new_quotations`` replaced by a no-op), in
alternation so the shared machine's load falls on both alike, in one process (the model loaded
once before the clock). Prints each run's articles/s, the ratio of the best runs and the seconds
spent inside grouping (the steadier number: it does not depend on the analysis' noise).
"""

from __future__ import annotations

import argparse
import importlib
import tempfile
import time
from pathlib import Path

from newsgraph.quote_groups import group_new_quotations

ingest_module = importlib.import_module("newsgraph.run.ingest")  # the package exports a function of that name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="../shared/corpora/bbc")
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    files = sorted(Path(args.corpus).rglob("*.txt"))
    paths = [files[i * len(files) // args.n] for i in range(min(args.n, len(files)))]
    spent = [0.0]

    def timed(conn):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return group_new_quotations(conn)
        finally:
            spent[0] += time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        ingest_module.ingest(paths[:5], Path(tmp) / "warm.db")  # load the model before timing
        rates: dict[str, list[float]] = {"with": [], "without": []}
        for r in range(args.repeat):
            for mode in ("with", "without") if r % 2 == 0 else ("without", "with"):
                ingest_module.group_new_quotations = timed if mode == "with" else (lambda conn: 0)
                spent[0] = 0.0
                report = ingest_module.ingest(paths, Path(tmp) / f"{mode}{r}.db")
                rates[mode].append(report.analysed / report.seconds)
                extra = f", grouping {spent[0]:.2f} s of {report.seconds:.1f} s" if mode == "with" else ""
                print(f"run {r} {mode:>7} grouping: {rates[mode][-1]:.2f} articles/s{extra}", flush=True)
    print(f"best with / best without: {max(rates['with']) / max(rates['without']):.3f}")


if __name__ == "__main__":
    main()
