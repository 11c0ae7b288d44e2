"""CPU cost of the ``newsgraph_time`` component alone, in ms per article (run on demand).

The BBC articles (or --corpus; every 7th file, the first 300 by default) go once through the pipeline without
``newsgraph_time``; then the component runs on the parsed docs, three times, timed with
``time.process_time`` (CPU, steadier than wall clock on a shared machine); the best run is
printed with the split between the grammar (``readings``), the rest of ``find_times`` and
``build_timeline``.  ``--root`` measures another checkout (e.g. an older commit's tree).

    .venv/bin/python bench/time_component.py [--n 300] [--root DIR]
"""

from __future__ import annotations

from component_timing import best_ms, component_args, parsed_docs, sample_texts


def main() -> None:
    args = component_args(__doc__)
    from newsgraph.analyse.base.doc import doc_text
    from newsgraph.analyse.dates.events import build_timeline
    from newsgraph.analyse.dates.expressions import find_time, find_times
    from newsgraph.analyse.dates.grammar import readings

    corpus = args.corpus
    texts = sample_texts(corpus, args.n)
    docs = parsed_docs(texts, ["newsgraph_time"])
    for doc in docs:  # warm up caches (compiled patterns, lexicon) and fill doc._.times
        find_time(doc)
    n = len(docs)
    doc_texts = [doc_text(d) for d in docs]
    total = best_ms(lambda: [find_time(d) for d in docs], n)
    grammar = best_ms(lambda: [readings(x) for x in doc_texts], n)
    times = best_ms(lambda: [find_times(d, text=x) for d, x in zip(docs, doc_texts, strict=True)], n)
    timeline = best_ms(lambda: [build_timeline(d, d._.times, text=x) for d, x in zip(docs, doc_texts, strict=True)], n)
    print(f"newsgraph_time over {n} articles of {corpus} ({args.root}): {total:.2f} ms/article CPU")
    print(f"  readings {grammar:.2f}  find_times (incl. readings) {times:.2f}  build_timeline {timeline:.2f}")


if __name__ == "__main__":
    main()
