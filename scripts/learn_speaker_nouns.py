"""Learn which common nouns name a speaker, from the sources annotated in PolNeAR train.

Writes ``newsgraph/analyse/data/speaker_nouns.tsv``: a lemma a line with how often it headed
an annotated source and how often it headed any subject of a reporting verb in the same texts.
A noun is kept when annotators made it a source at least ``MIN_COUNT`` times and in at least
``MIN_RATE`` of the times it was the subject of a cue: "spokesman", "analysts", "officials" are
in, "report" or "argument" are not (documents are handled apart, see speech_documents.txt).
The quotation stages name an unnamed source or a group only when its head noun is in this list.

    .venv/bin/python scripts/learn_speaker_nouns.py [--train ../shared/corpora/polnear/train]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.analyse.base.cues import cue_indices, cue_subject  # noqa: E402
from newsgraph.analyse.pipeline import load_nlp, make_doc  # noqa: E402
from newsgraph.clean import segment  # noqa: E402
from newsgraph.evaluate import scorer  # noqa: E402

OUT = ROOT / "newsgraph" / "analyse" / "data" / "speaker_nouns.tsv"
MIN_COUNT = 3
MIN_RATE = 0.5
NOT_AGENTS = frozenset("""
    % a x self system number percent result record average datum law rule plan bill research analysis
    estimate evidence figure finding question opinion version series sign spot return review story summary
    tally account agreement affidavit disclosure inquiry investigation headline photo page suit measure
""".split())
"""Heads PolNeAR marks as sources that are no one a reader could quote: data, measures and
documents (documents speak for their authors; ``speech_documents.txt`` lists them)."""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=ROOT.parent / "shared" / "corpora" / "polnear" / "train")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    nlp = load_nlp()
    docs, _ = scorer.load_gold(str(args.train))
    texts = [(d.name, d.text) for d in docs]
    sources = {d.name: [sp for item in d.items for sp in (item.source or [])] for d in docs}
    as_source: Counter[str] = Counter()
    as_subject: Counter[str] = Counter()
    stream = ((make_doc(nlp, text, segment(text, None), None), name) for name, text in texts)
    for doc, name in nlp.pipe(stream, as_tuples=True, batch_size=16):
        for s, e in sources.get(name, []):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and len(span) and span.root.pos_ == "NOUN":
                as_source[span.root.lemma_.lower()] += 1
        for i in cue_indices(doc):
            subj = cue_subject(doc[i])
            if subj is not None and subj.pos_ == "NOUN":
                as_subject[subj.lemma_.lower()] += 1
    documents = set((ROOT / "newsgraph" / "analyse" / "data" / "speech_documents.txt").read_text("utf-8").split())
    rows = sorted(
        (lem, n, as_subject[lem]) for lem, n in as_source.items()
        if n >= MIN_COUNT and n >= MIN_RATE * max(as_subject[lem], 1) and lem not in NOT_AGENTS | documents
    )
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# Nouns that head an annotated source in PolNeAR train (scripts/learn_speaker_nouns.py).\n")
        fh.write("# lemma\ttimes a source's head\ttimes a reporting verb's subject\n")
        for lem, n, m in rows:
            fh.write(f"{lem}\t{n}\t{m}\n")
    print(f"{args.out.relative_to(ROOT)}: {len(rows)} speaker nouns from {sum(as_source.values())} noun-headed sources")


if __name__ == "__main__":
    main()
