"""CPU cost of the ``newsgraph_quotes`` component alone, in ms per article (run on demand).

The BBC articles (or --corpus; every 7th file, the first 300 by default) go once through the
pipeline without ``newsgraph_quotes`` and ``newsgraph_time``; then the component runs on the
parsed docs, five times, timed with ``time.process_time`` (CPU, steadier than wall clock on a
shared machine), the per-doc caches it keeps in ``doc.user_data`` emptied before each run; the
best run is printed with the split between quoted spans (``QuoteFinder``) and indirect
quotations.  ``--root`` measures another checkout (e.g. an older commit's tree).

    .venv/bin/python bench/quotes_component.py [--n 300] [--root DIR]
"""

from __future__ import annotations

import argparse
import gc
import glob
import sys
import time
from collections.abc import Callable
from pathlib import Path


def best_ms(run: Callable[[], object], reset: Callable[[], None], n: int, reps: int = 5) -> float:
    best = float("inf")
    for _ in range(reps):
        reset()
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return best / n * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--corpus", default=None, help="default: ROOT/../shared/corpora/bbc")
    args = parser.parse_args()
    sys.path.insert(0, str(args.root))
    from newsgraph.analyse.indirect import find_indirect_quotes
    from newsgraph.analyse.pipeline import load_nlp, make_doc
    from newsgraph.analyse.quotes import QuoteFinder, find_quotes
    from newsgraph.clean import segment

    corpus = args.corpus or str(args.root.parent / "shared" / "corpora" / "bbc")
    files = sorted(glob.glob(f"{corpus}/*/*.txt"))[::7][: args.n]
    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    nlp = load_nlp()
    docs = list(nlp.pipe((make_doc(nlp, t, segment(t, None), None) for t in texts),
                         disable=["newsgraph_quotes", "newsgraph_time"], batch_size=32))
    kept = [set(d.user_data) for d in docs]

    def reset() -> None:
        for doc, keys in zip(docs, kept, strict=True):
            for key in [k for k in doc.user_data if k not in keys]:
                del doc.user_data[key]

    def reset_to_spans() -> None:  # keep only what the quoted-span run cached
        for doc, keys in zip(docs, after_spans, strict=True):
            for key in [k for k in doc.user_data if k not in keys]:
                del doc.user_data[key]

    gc.collect()
    gc.freeze()  # the parsed docs stay alive throughout: keep them out of the collector's scans
    for doc in docs:  # warm up process-wide caches (model, cue table, first-name data)
        find_quotes(doc)
    n = len(docs)
    total = best_ms(lambda: [find_quotes(d) for d in docs], reset, n)
    finders: list[tuple[QuoteFinder, list]] = []  # type: ignore[type-arg]
    after_spans: list[set] = []  # type: ignore[type-arg]

    def direct() -> None:
        finders.clear()
        for d in docs:
            finder = QuoteFinder(d)
            finders.append((finder, finder.quotes()))

    spans = best_ms(direct, reset, n)
    reset()
    direct()
    after_spans = [set(d.user_data) for d in docs]
    found = [sorted(sp for q in quotes for sp in q.content_spans) for _, quotes in finders]
    indirect = best_ms(lambda: [find_indirect_quotes(d, s, f.people)
                                for d, s, (f, _) in zip(docs, found, finders, strict=True)], reset_to_spans, n)
    print(f"newsgraph_quotes over {n} articles of {corpus} ({args.root}): {total:.2f} ms/article CPU")
    print(f"  quoted spans (QuoteFinder) {spans:.2f}  indirect quotations {indirect:.2f}")


if __name__ == "__main__":
    main()
