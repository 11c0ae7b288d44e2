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

import gc

from component_timing import best_ms, component_args, parsed_docs, sample_texts


def main() -> None:
    args = component_args(__doc__)
    from newsgraph.analyse.quotes.direct import QuoteFinder
    from newsgraph.analyse.quotes.find import find_quotes
    from newsgraph.analyse.quotes.indirect import find_indirect_quotes

    corpus = args.corpus
    texts = sample_texts(corpus, args.n)
    docs = parsed_docs(texts, ["newsgraph_quotes", "newsgraph_time"])
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
    total = best_ms(lambda: [find_quotes(d) for d in docs], n, reps=5, setup=reset)
    finders: list[tuple[QuoteFinder, list]] = []  # type: ignore[type-arg]
    after_spans: list[set] = []  # type: ignore[type-arg]

    def direct() -> None:
        finders.clear()
        for d in docs:
            finder = QuoteFinder(d)
            finders.append((finder, finder.quotes()))

    spans = best_ms(direct, n, reps=5, setup=reset)
    reset()
    direct()
    after_spans = [set(d.user_data) for d in docs]
    found = [sorted(sp for q in quotes for sp in q.content_spans) for _, quotes in finders]
    indirect = best_ms(lambda: [find_indirect_quotes(d, s, f.people)
                                for d, s, (f, _) in zip(docs, found, finders, strict=True)], n, reps=5,
                       setup=reset_to_spans)
    print(f"newsgraph_quotes over {n} articles of {corpus} ({args.root}): {total:.2f} ms/article CPU")
    print(f"  quoted spans (QuoteFinder) {spans:.2f}  indirect quotations {indirect:.2f}")


if __name__ == "__main__":
    main()
