"""Draw a seeded sample of normalised time expressions from PolNeAR dev articles, for hand-checking.

    .venv/bin/python scripts/sample_times.py --out bench/times_sample.tsv
    .venv/bin/python scripts/sample_times.py --score bench/times_sample_checked.tsv
    .venv/bin/python scripts/sample_times.py --corpus bbc --seed 17 --articles 60 --out bench/times_issue17.tsv

``--corpus bbc`` draws from the BBC corpus instead, leaving out the 30 articles of the bbc-dev
gold (and the articles of ``--exclude`` samples); BBC texts carry no publication date, so only
what the text itself dates is resolved.

The first form picks ``--articles`` dev articles (seeded), analyses each with its
publication date from ``metadata.tsv`` and writes ``--size`` resolved expressions
(seeded) with their context and an empty ``verdict`` column.  A person fills the
verdict (``ok`` / ``wrong``, with a note) and saves it as the checked file.  The
second form re-runs the same draw, reports accuracy over the checked verdicts and
lists expressions whose value changed since they were checked (re-check those).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIELDS = ["n", "document", "published", "start", "end", "text", "value", "how", "anchor", "context", "verdict", "note"]


def polnear_dev(shared: Path) -> list[tuple[str, str, str]]:
    """(document, text, publication date) for every dev article that has a date."""
    meta = {}
    with open(shared / "corpora/polnear/metadata.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row.get("publication_date") or ""
    out = []
    for path in sorted((shared / "corpora/polnear/dev/text").glob("*.txt")):
        date = meta.get(path.stem, "")
        if date and date != "None":
            with open(path, encoding="utf-8", newline="") as fh:
                out.append((path.name, fh.read(), date))
    return out


def bbc(shared: Path, exclude: set[str]) -> list[tuple[str, str, str]]:
    """(topic_NNN.txt, text, no date) for every BBC article outside the bbc-dev gold and ``exclude``."""
    gold = {p.name for p in (shared / "gold/bbc-dev/text").glob("*.txt")} | exclude
    out = []
    for path in sorted((shared / "corpora/bbc").glob("*/*.txt")):
        name = f"{path.parent.name}_{path.name}"
        if name not in gold:
            with open(path, encoding="utf-8", newline="") as fh:
                out.append((name, fh.read(), ""))
    return out


def draw(shared: Path, articles: int, size: int, seed: int, corpus: str = "polnear",
         exclude: set[str] | None = None) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """All resolved expressions of the seeded articles, and the seeded sample of them."""
    import newsgraph
    from newsgraph.read import RawArticle

    rng = random.Random(seed)
    chosen = rng.sample(bbc(shared, exclude or set()) if corpus == "bbc" else polnear_dev(shared), articles)
    raws = [RawArticle(text=t, document=d, published=p or None) for d, t, p in chosen]
    rows: list[dict[str, str]] = []
    for art in newsgraph.extract_many(raws):
        for t in art.times:
            if t.value is None:
                continue
            s, e = t.span
            context = art.text[max(0, s - 70):s] + "[[" + art.text[s:e] + "]]" + art.text[e:e + 70]
            rows.append({"document": art.document, "published": art.published or "", "start": str(s),
                         "end": str(e), "text": t.text, "value": t.value, "how": t.how, "anchor": t.anchor or "",
                         "context": " ".join(context.split()), "verdict": "", "note": ""})
    sample = rng.sample(rows, min(size, len(rows)))
    sample.sort(key=lambda r: (r["document"], int(r["start"])))
    for i, r in enumerate(sample, 1):
        r["n"] = str(i)
    print(f"{len(rows)} resolved expressions in {articles} articles; sampled {len(sample)}", file=sys.stderr)
    return rows, sample


def score(checked: Path, current: list[dict[str, str]]) -> int:
    with open(checked, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    now = {(r["document"], r["start"], r["end"]): r["value"] for r in current}
    ok = sum(r["verdict"].strip().lower() == "ok" for r in rows)
    judged = sum(r["verdict"].strip().lower() in ("ok", "wrong") for r in rows)
    changed = [r for r in rows if now.get((r["document"], r["start"], r["end"])) != (r["value"] or None)]
    print(f"hand-checked: {ok}/{judged} right ({100 * ok / max(judged, 1):.1f} %) in {checked}")
    for r in changed:
        print(f"  changed since checked: {r['document']} {r['text']!r} {r['value']} -> "
              f"{now.get((r['document'], r['start'], r['end']))}")
    return 0 if judged and not changed else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--articles", type=int, default=25)
    ap.add_argument("--size", type=int, default=100)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--corpus", choices=["polnear", "bbc"], default="polnear")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[],
                    help="earlier samples (TSV): their articles are not drawn (--corpus bbc)")
    ap.add_argument("--out", type=Path, help="write the sample here (TSV)")
    ap.add_argument("--score", type=Path, help="a checked sample: print its accuracy")
    args = ap.parse_args()
    exclude = set()
    for path in args.exclude:
        with open(path, encoding="utf-8", newline="") as fh:
            exclude |= {row["document"] for row in csv.DictReader(fh, delimiter="\t")}
    rows, sample = draw(args.shared, args.articles, args.size, args.seed, args.corpus, exclude)
    if args.score:
        return score(args.score, rows)
    out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
    writer = csv.DictWriter(out, FIELDS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
