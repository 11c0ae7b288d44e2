"""Draw the seeded sample of person entities that is hand-checked for issue 4.

    .venv/bin/python scripts/sample_people.py [--shared ../shared] [--n 100] [--seed 4] \
        [--out bench/people_sample.tsv]

Articles: all of PolNeAR dev plus 10 BBC articles per topic (the first 10 files of each, sorted).
Every PERSON entity of those articles is a candidate; ``--n`` of them are drawn with
``random.Random(seed)``. The TSV lists each entity with its mentions in context, the other
people of the same article sharing a name word, and empty ``verdict``/``note`` columns for the checker (verdict: ok | wrong-group | wrong-name | not-person).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

import spacy

from newsgraph.analyse import components  # noqa: F401  (registers the components)
from newsgraph.analyse.model_choice import default_model
from newsgraph.analyse.pipeline import make_doc
from newsgraph.clean import segment

ROOT = Path(__file__).resolve().parent.parent


def corpus(shared: Path, bbc_per_topic: int = 10) -> list[Path]:
    files = sorted((shared / "corpora/polnear/dev/text").glob("*.txt"))
    for topic in sorted((shared / "corpora/bbc").iterdir()):
        if topic.is_dir():
            files += sorted(topic.glob("*.txt"))[:bbc_per_topic]
    return files


def context(text: str, s: int, e: int, width: int = 40) -> str:
    left = " ".join(text[max(0, s - width) : s].split())
    right = " ".join(text[e : e + width].split())
    return f"{left} [[{text[s:e]}]] {right}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--out", type=Path, default=ROOT / "bench/people_sample.tsv")
    args = ap.parse_args(argv)
    files = corpus(args.shared)
    raws = []
    for f in files:
        with open(f, encoding="utf-8", newline="") as fh:
            raws.append((f, fh.read()))
    candidates = []
    arts_people: dict[str, list] = {}
    # spaCy, the paragraph marks and the people component (what the sample checks), on the same
    # masked text as the full pipeline; later components do not change entities.
    nlp = spacy.load(default_model())
    nlp.add_pipe("newsgraph_paragraphs", before="parser")
    nlp.add_pipe("newsgraph_people")
    docs = (make_doc(nlp, text, segment(text, None), None) for _, text in raws)
    for (path, text), doc in zip(raws, nlp.pipe(docs), strict=True):
        rel = path.relative_to(args.shared / "corpora")
        arts_people[str(rel)] = [e for e in doc._.entities if e.type == "PERSON"]
        candidates += [(str(rel), text, ent) for ent in arts_people[str(rel)]]
    sample = random.Random(args.seed).sample(candidates, min(args.n, len(candidates)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["n", "document", "name", "aliases", "roles", "n_mentions", "namesakes_in_article",
                    "mentions_in_context", "verdict", "note"])
        for n, (doc, text, ent) in enumerate(sample, 1):
            # The first mention and every differently written one: those are the grouping decisions.
            shown = [m for k, m in enumerate(ent.mentions) if k == 0 or text[m[0] : m[1]] != ent.name]
            ctx = " || ".join(context(text, s, e) for s, e in shown[:8])
            words = set(ent.name.split())
            namesakes = sorted({o.name for o in arts_people[doc] if o is not ent and words & set(o.name.split())})
            w.writerow([n, doc, ent.name, "; ".join(ent.aliases), "; ".join(ent.roles), len(ent.mentions),
                        "; ".join(namesakes), ctx, "", ""])
    print(f"{len(sample)} of {len(candidates)} person entities from {len(files)} articles -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
