"""Learn reporting cues (verbs, nouns, phrases) from PolNeAR train's annotated Cue spans.

Writes ``newsgraph/analyse/data/cues.tsv``: one cue lemma a line with its kind (verb, noun,
phrase), how often annotators marked it as a cue in train, and its cue rate: that count
over the lemma's occurrences in the train texts (with the same part of speech), so that
code can keep reliable cues ("say" is a cue almost always, "make" rarely). Only train is read (dev
and test stay unseen). Regenerate with::

    .venv/bin/python scripts/learn_cues.py [--polnear ../shared/corpora/polnear] [--min-count 3]
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from pathlib import Path

from newsgraph.analyse.pipeline import load_nlp
from newsgraph.evaluate import scorer

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "newsgraph" / "analyse" / "data" / "cues.tsv"
SKIP_LEMMAS = {"be", "have", "do", "will", "would", "can", "could", "may", "might", "should",
               "must", "also", "not", "n't", "just", "then", "later", "again", "still"}
PHRASES = ("according to",)


def cue_texts(train: Path) -> list[str]:
    """Cue strings of every attribution event, first listed annotator per article."""
    meta = scorer._read_metadata(str(train))
    out = []
    for tf in sorted((train / "text").glob("*.txt")):
        ann = scorer.choose_ann(str(train / "attributions"), tf.stem, meta.get(tf.stem, []))
        if ann is None:
            continue
        tbs, events = scorer.parse_ann(ann)
        for ev in events:
            cue = ev["args"].get("Cue")
            if ev["type"].startswith("Attribution") and cue in tbs:
                out.append(" ".join(tbs[cue]["text"].split()))
    return out


def head_lemma(doc) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    """(lemma, kind) of a cue phrase: its reporting verb, else its noun ("statement")."""
    low = doc.text.lower()
    for p in PHRASES:
        if p in low:
            return p, "phrase"
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in SKIP_LEMMAS]
    if verbs:
        return verbs[0].lemma_.lower(), "verb"
    nouns = [t for t in doc if t.pos_ == "NOUN"]
    if nouns:
        return nouns[-1].lemma_.lower(), "noun"
    return None


def occurrences(nlp, train: Path, lemmas: set[str]) -> Counter[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """How often each cue lemma occurs in the train texts, as (lemma, kind)."""
    seen: Counter[tuple[str, str]] = Counter()
    texts = [scorer.read_text(str(p)) for p in sorted((train / "text").glob("*.txt"))]
    for doc in nlp.pipe(texts, batch_size=16):
        low = doc.text.lower()
        for p in PHRASES:
            seen[(p, "phrase")] += low.count(p)
        for t in doc:
            lem = t.lemma_.lower()
            if lem in lemmas:
                kind = "verb" if t.pos_ in ("VERB", "AUX") else "noun" if t.pos_ == "NOUN" else ""
                if kind:
                    seen[(lem, kind)] += 1
    return seen


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "corpora" / "polnear"))
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    train = Path(args.polnear) / "train"
    if not (train / "attributions").is_dir():
        raise SystemExit(f"{train}: no PolNeAR train attributions here")
    texts = cue_texts(train)
    nlp = load_nlp()
    counts: Counter[tuple[str, str]] = Counter()
    disable = [p for p in nlp.pipe_names if p not in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")]
    with nlp.select_pipes(disable=disable):
        for doc in nlp.pipe(texts, batch_size=256):
            got = head_lemma(doc)
            if got:
                counts[got] += 1
        seen = occurrences(nlp, train, {lem for lem, _ in counts})
    rows = sorted(((c, lem, kind) for (lem, kind), c in counts.items() if c >= args.min_count),
                  key=lambda r: (-r[0], r[1]))
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(f"# lemma\tkind\tcount\trate — cues annotated in PolNeAR train ({len(texts)} cues, "
                 f"count >= {args.min_count}); written by scripts/learn_cues.py\n")
        for c, lem, kind in rows:
            rate = min(1.0, c / max(1, seen.get((lem, kind), 0)))
            fh.write(f"{lem}\t{kind}\t{c}\t{rate:.3f}\n")
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} cues from {len(texts)} annotated cue spans")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    raise SystemExit(main())
