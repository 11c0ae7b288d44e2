"""Calibrate the confidence of quotations in marks on PolNeAR train, and check it elsewhere.

    make train                                                  # runs this after the indirect model
    .venv/bin/python scripts/calibrate_confidence.py            # rewrites the table from PolNeAR train
    .venv/bin/python scripts/calibrate_confidence.py --check GOLD --pred PRED.jsonl   # reliability table

Calibrating extracts every train article with the shipped pipeline and records, for each direct
and mixed quotation, its route (``quotes/confidence.py``: how its speaker was found) and whether it
was right: its words lie in gold direct/mixed content (the scorer's rule, >= 50% of them) and the
gold item it overlaps most has its Source overlapped by the quotation's speaker mention or by a
mention of the speaker's entity (a gold item without a Source wants no speaker). Each route gets the
share right, smoothed toward its strategy's share (``PRIOR`` pseudo-quotations), and routes with
fewer than ``MIN_QUOTES`` quotations are left to the pooled rows. Dev sets are never read.

Checking reads an extraction's JSONL and the gold (PolNeAR-layout brat as above; JSON gold such as
bbc-dev: right = the speaker's name equals the gold speaker's, the scorer's normalisation) and
prints predicted against observed accuracy per confidence bin.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.analyse.quotes.confidence import ANY, CONFIDENCE_TABLE, quote_route  # noqa: E402
from newsgraph.evaluate import scorer  # noqa: E402
from newsgraph.model import Article  # noqa: E402

SHARED = ROOT.parent / "shared"
DEFAULT_TRAIN = SHARED / "corpora" / "polnear" / "train"
DEFAULT_OUT = ROOT / "newsgraph" / "analyse" / "data" / CONFIDENCE_TABLE
IN_MARKS = frozenset({"direct", "mixed"})
MIN_QUOTES = 20
"""Quotations a route needs for a row of its own."""
PRIOR = 10.0
"""Pseudo-quotations of the broader row each share is smoothed toward."""
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.01)

Judged = tuple[str, bool]
"""(route or confidence bin key, right)."""


def judge(gold: scorer.GoldDoc, quote: dict[str, Any], entities: list[dict[str, Any]]) -> bool:
    """Are a predicted quotation's words and speaker right against ``gold`` (see the module docstring)?"""
    text = gold.text
    items = [g for g in gold.items if g.kind in IN_MARKS]
    words = scorer.nonws(text, [tuple(s) for s in quote["content_spans"]])
    sets = [scorer.nonws(text, g.spans) for g in items]
    union = set().union(*sets)
    if not words or len(words & union) / len(words) < 0.5:
        return False
    item = items[max(range(len(items)), key=lambda i: (len(sets[i] & words), -i))]
    speaker = quote.get("speaker") or {}
    if gold.fmt == "json":
        return scorer.norm_name(speaker.get("name")) in {scorer.norm_name(n) for n in [item.speaker, *item.speaker_aliases]}
    mention = speaker.get("mention")
    if item.source is None:
        return mention is None
    entity = speaker.get("entity")
    mentions = [mention, *(entities[entity]["mentions"] if entity is not None else [])]
    return any(m is not None and scorer.overlaps((m[0], m[1]), item.source) for m in mentions)


def smoothed(right: int, n: int, prior: float) -> float:
    return (right + PRIOR * prior) / (n + PRIOR)


def tabulate(judged: list[Judged], min_quotes: int = MIN_QUOTES) -> list[tuple[str, int, int, float]]:
    """Rows (route, quotations, right, confidence): every route, strategy and kind of mention with
    ``min_quotes`` quotations, and all of them pooled (``*/*``)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for route, right in judged:
        strategy, kind = route.split("/", 1)
        for key in (route, f"{strategy}/{ANY}", f"{ANY}/{kind}", f"{ANY}/{ANY}"):
            counts[key][0] += 1
            counts[key][1] += right
    n_all, right_all = counts[f"{ANY}/{ANY}"]
    pooled = (right_all + 1) / (n_all + 2)
    conf = {f"{ANY}/{ANY}": pooled}
    for key, (n, right) in counts.items():
        if key.count(ANY) == 1:
            conf[key] = smoothed(right, n, pooled)
    for key, (n, right) in counts.items():
        if ANY not in key:
            strategy = key.split("/", 1)[0]
            parent = f"{strategy}/{ANY}"
            conf[key] = smoothed(right, n, conf[parent] if counts[parent][0] >= min_quotes else pooled)
    rows = [(k, n, r, round(conf[k], 3)) for k, (n, r) in counts.items() if n >= min_quotes or k == f"{ANY}/{ANY}"]
    return sorted(rows, key=lambda row: (row[0].count(ANY), -row[1], row[0]))


def write_table(rows: list[tuple[str, int, int, float]], out: Path, source: str, min_quotes: int = MIN_QUOTES) -> None:
    head = (
        "# Confidence of direct and mixed quotations by route (quotes/confidence.py): the share of each\n"
        "# route's quotations whose words and speaker were right, smoothed toward the broader row\n"
        f"# ({PRIOR:g} pseudo-quotations); routes under {min_quotes} quotations use the pooled rows.\n"
        f"# Counted on {source}.\n"
        "# Rebuilt by scripts/calibrate_confidence.py (make train).\n"
        "# route\tquotations\tright\tconfidence\n"
    )
    out.write_text(head + "".join(f"{k}\t{n}\t{r}\t{c:.3f}\n" for k, n, r, c in rows), encoding="utf-8")


def extracted(gold_dir: Path, cache: Path | None) -> list[tuple[str, Article]]:
    """(document, its Article) for every gold text."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    from newsgraph import extract_many
    from newsgraph.read import RawArticle

    texts = scorer.gold_texts(str(gold_dir))
    articles = extract_many(RawArticle(text=text, document=name) for name, text in texts)
    out = list(zip((name for name, _ in texts), articles, strict=True))
    if cache is not None:
        cache.write_bytes(pickle.dumps(out))
    return out


def calibrate(gold_dir: Path, out: Path, cache: Path | None = None, min_quotes: int = MIN_QUOTES) -> list[tuple[str, int, int, float]]:
    docs, _ = scorer.load_gold(str(gold_dir))
    gold = {d.name: d for d in docs}
    judged: list[Judged] = []
    for name, article in extracted(gold_dir, cache):
        record = article.to_dict()
        for q, quote in zip(article.quotes, record["quotes"], strict=True):
            if q.kind in IN_MARKS:
                judged.append((quote_route(article.text, q), judge(gold[name], quote, record["entities"])))
    rows = tabulate(judged, min_quotes)
    write_table(rows, out, f"{gold_dir.name} ({len(docs)} PolNeAR-layout articles)", min_quotes)
    return rows


def predictions(pred: Path) -> dict[str, list[dict[str, Any]]]:
    """Document -> its JSON records (several lines for one document are kept apart: entities index per line)."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in pred.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out[Path(record["document"]).name].append(record)
    return out


def check(gold_path: Path, pred: Path) -> list[tuple[float, bool]]:
    """(confidence, right) of every predicted quotation in marks of a gold document."""
    docs, _ = scorer.load_gold(str(gold_path))
    records = predictions(pred)
    return [(q["confidence"], judge(d, q, record.get("entities", [])))
            for d in docs for record in records.get(d.name, []) for q in record.get("quotes", [])
            if q.get("kind") in IN_MARKS]


def hand_checked(tables: list[Path], preds: list[Path], corpora: list[Path]) -> list[tuple[float, bool]]:
    """(confidence, right) of the quotations in marks an independent checker judged (``bench/
    quotes_issue15_s*_checked.tsv``: verdict ``ok`` or what is wrong), found again in extractions
    of their texts (in the first of ``corpora`` holding them) by their first words, and kept only
    where the speaker is still the one judged."""
    import csv

    records: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for pred in preds:
        for name, found in predictions(pred).items():
            records[name].extend(found)
    out = []
    for table in tables:
        with table.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row["kind"] not in IN_MARKS or "[[" not in row["paragraph"]:
                    continue
                path = next((c / row["document"] for c in corpora if (c / row["document"]).exists()), None)
                if path is None:
                    continue
                text = scorer.read_text(str(path))
                opening = row["paragraph"].split("[[", 1)[1].split("]]", 1)[0][:40]
                # extracted files given alone are named by their file name: the words tell topics apart
                found = [q for r in records.get(Path(row["document"]).name, []) for q in r["quotes"]
                         if q["kind"] == row["kind"] and text.startswith(opening, q["content_spans"][0][0])]
                if len(found) == 1 and (found[0]["speaker"]["name"] or "") == row["speaker"]:
                    out.append((found[0]["confidence"], row["verdict"] == "ok"))
    return out


def reliability(pairs: list[tuple[float, bool]]) -> str:
    """Per confidence bin: quotations, mean confidence, share right; then all, and the expected
    calibration error (bins weighted by size)."""
    lines = ["| confidence | quotations | mean confidence | right |", "| --- | --- | --- | --- |"]
    error = 0.0
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = [(c, r) for c, r in pairs if lo <= c < hi]
        if inside:
            mean, right = sum(c for c, _ in inside) / len(inside), sum(r for _, r in inside) / len(inside)
            error += len(inside) * abs(mean - right)
            lines.append(f"| {lo:.2f}–{min(hi, 1.0):.2f} | {len(inside)} | {mean:.3f} | {right:.3f} |")
    if pairs:
        mean, right = sum(c for c, _ in pairs) / len(pairs), sum(r for _, r in pairs) / len(pairs)
        lines.append(f"| all | {len(pairs)} | {mean:.3f} | {right:.3f} |")
        lines.append(f"expected calibration error {error / len(pairs):.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN, help="PolNeAR-layout train folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--cache", type=Path, help="pickle of the extraction (reused when present; for experiments)")
    ap.add_argument("--min-quotes", type=int, default=MIN_QUOTES)
    ap.add_argument("--check", type=Path, metavar="GOLD", help="gold to check an extraction against (with --pred)")
    ap.add_argument("--pred", type=Path, nargs="+", help="the extraction's JSONL (newsgraph extract --format jsonl)")
    ap.add_argument("--hand", type=Path, nargs="+", help="hand-checked quotation tables to check --pred against")
    ap.add_argument("--corpus", type=Path, nargs="+", default=[SHARED / "corpora" / "bbc", SHARED / "corpora" / "polnear" / "dev" / "text"],
                    help="folders holding the texts of --hand")
    a = ap.parse_args(argv)
    if a.check is not None or a.hand:
        if a.pred is None:
            ap.error("--check and --hand need --pred")
        print(reliability(check(a.check, a.pred[0]) if a.check is not None else hand_checked(a.hand, a.pred, a.corpus)))
        return 0
    rows = calibrate(a.train, a.out, a.cache, a.min_quotes)
    print("| route | quotations | right | confidence |\n| --- | --- | --- | --- |")
    print("\n".join(f"| {k} | {n} | {r} | {c:.3f} |" for k, n, r, c in rows))
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
