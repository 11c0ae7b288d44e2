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

import gc

from component_timing import best_ms, component_args, sample_texts

SHARED_KEYS = ("newsgraph_token_table", "newsgraph_tree_edges")
"""doc.user_data keys of the per-doc structures shared by the components."""


def main() -> None:
    args = component_args(__doc__)
    from newsgraph.analyse.entities.people import group_entities
    from newsgraph.analyse.pipeline import load_nlp, make_doc
    from newsgraph.clean import masked_text, segment

    texts = sample_texts(args.corpus, args.n)
    n = len(texts)
    print(f"{n} articles of {args.corpus}, code from {args.root}")
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
