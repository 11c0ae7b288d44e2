"""CPU cost of cleaning, ``newsgraph_attributes`` and ``newsgraph_people`` alone, in ms per
article (run on demand).

The BBC articles (every 7th, the first 300 by default) are cleaned (``segment`` +
``masked_text``) and parsed once; each step then runs on the same inputs, three times, timed
with ``time.process_time`` (CPU, steadier than wall clock on a shared machine), best run
printed. ``newsgraph_attributes`` runs on fresh copies of the docs before it; ``people`` is
timed twice: alone, building the per-doc token table and tree edges it reads (which the
quotes and time components then reuse), and with those already built. ``--root`` measures
another checkout (e.g. an older commit's tree: ``git archive <rev> newsgraph | tar -x -C DIR``).

    .venv/bin/python bench/people_component.py [--n 300] [--root DIR]
"""

from __future__ import annotations

import argparse
import gc
import glob
import sys
import time
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
"""The shared corpora beside the checkout (``../shared``)."""
SHARED_KEYS = ("newsgraph_token_table", "newsgraph_tree_edges")
"""doc.user_data keys of the per-doc structures shared by the components."""


def best_ms(run: Callable[[], object], n: int, reps: int = 3, setup: Callable[[], object] | None = None) -> float:
    best = float("inf")
    for _ in range(reps):
        if setup is not None:
            setup()
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return best / n * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[1]))
    args = ap.parse_args()
    sys.path.insert(0, args.root)
    from newsgraph.analyse.people import group_entities
    from newsgraph.analyse.pipeline import load_nlp, make_doc
    from newsgraph.clean import masked_text, segment

    files = sorted(glob.glob(str(SHARED / "corpora/bbc/*/*.txt")))
    texts = [Path(f).read_text("utf-8") for f in files[::7][: args.n]]
    n = len(texts)
    print(f"{n} BBC articles, code from {args.root}")
    print(f"clean       {best_ms(lambda: [masked_text(t, segment(t)) for t in texts], n):.3f} ms/article")

    nlp = load_nlp()
    names = nlp.pipe_names
    before = [make_doc(nlp, t, segment(t), None) for t in texts]
    for doc in before:
        for _, proc in nlp.pipeline[: names.index("newsgraph_attributes")]:
            proc(doc)
    attributes, ner = nlp.get_pipe("newsgraph_attributes"), nlp.get_pipe("ner")
    copies: list = []

    def fresh() -> None:
        copies[:] = [d.copy() for d in before]
        for c, d in zip(copies, before, strict=True):
            c.user_data.update(d.user_data)

    print(f"attributes  {best_ms(lambda: [attributes(d) for d in copies], n, setup=fresh):.3f} ms/article")
    docs = [ner(d) for d in copies]
    gc.collect()
    gc.freeze()  # as the ingest workers do: the parsed docs stay out of the collector's way

    def forget() -> None:
        for d in docs:
            for key in SHARED_KEYS:
                d.user_data.pop(key, None)

    print(f"people      {best_ms(lambda: [group_entities(d) for d in docs], n, setup=forget):.3f} ms/article "
          "(alone: builds the shared token table and tree edges)")
    print(f"people      {best_ms(lambda: [group_entities(d) for d in docs], n):.3f} ms/article "
          "(token table and tree edges already built by another component)")


if __name__ == "__main__":
    main()
