"""Measure places and early dates over the BBC corpus and PolNeAR dev (issue 17's targets).

    .venv/bin/python scripts/measure_places.py --out /tmp/places            # extract, then report
    .venv/bin/python scripts/measure_places.py --jsonl /tmp/places/*.jsonl   # report on earlier output
    .venv/bin/python scripts/measure_places.py --jsonl ... --sample 30 --seed 1   # places to check by hand
    .venv/bin/python scripts/measure_places.py --db /tmp/bbc_polnear.db [--sample 100 --seed 17]  # a store

Extraction runs ``newsgraph extract --format jsonl`` in ``--workers`` processes (the BBC
corpus ``../shared/corpora/bbc/*/`` — ``--per-topic N`` keeps the first N of each topic —
plus PolNeAR ``dev/text``). The report prints the share of place mentions (GPE/LOC entity
mentions) with coordinates, the ``--top`` most mentioned places (name across articles) with
their coordinates and kind and any two of them at one point (a duplicate), and every date
value before 1500 with the text it came from. ``--db`` reads the same from a store (after
``newsgraph ingest``), where a place is its stored name across articles, as on the map.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EARLY = re.compile(r"^(\d{4})")


def inputs(per_topic: int | None) -> list[Path]:
    """The BBC articles (optionally the first N of each topic) and PolNeAR dev texts."""
    out: list[Path] = []
    for topic in sorted((SHARED / "corpora/bbc").iterdir()):
        files = sorted(topic.glob("*.txt"))
        out.extend(files[:per_topic] if per_topic else files)
    out.extend(sorted((SHARED / "corpora/polnear/dev/text").glob("*.txt")))
    return out


def extract(paths: list[Path], out_dir: Path, workers: int) -> list[Path]:
    """Run the CLI over ``paths`` in ``workers`` processes, one JSONL file each."""
    out_dir.mkdir(parents=True, exist_ok=True)
    exe = str(Path(sys.executable).parent / "newsgraph")
    procs, files = [], []
    for w in range(workers):
        part = paths[w::workers]
        target = out_dir / f"part{w}.jsonl"
        fh = open(target, "w", encoding="utf-8")  # noqa: SIM115  (closed after wait)
        procs.append((subprocess.Popen([exe, "extract", "--format", "jsonl", *map(str, part)], stdout=fh), fh))
        files.append(target)
    for proc, fh in procs:
        proc.wait()
        fh.close()
    return files


def articles(files: list[Path]) -> list[dict]:
    return [json.loads(line) for f in files for line in open(f, encoding="utf-8") if line.strip()]


def store_articles(db: Path) -> list[dict]:
    """The articles of a store in the shape of ``extract --format jsonl`` (what the report reads)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    arts: dict[int, dict] = {aid: {"document": doc, "source": doc, "text": text, "entities": [], "times": []}
                             for aid, doc, text in conn.execute("SELECT id, document, text FROM articles")}
    ents: dict[int, dict] = {}
    for eid, aid, name, type_, lat, lon, country, kind in conn.execute(
            "SELECT id, article_id, name, type, lat, lon, country, place_kind FROM entities"
            " WHERE type IN ('GPE', 'LOC')"):
        geo = {"lat": lat, "lon": lon, "country": country, "kind": kind} if country or lat is not None else None
        ents[eid] = {"name": name, "type": type_, "mentions": [], "geo": geo}
        arts[aid]["entities"].append(ents[eid])
    for eid, s, e in conn.execute("SELECT entity_id, start, \"end\" FROM mentions ORDER BY entity_id, start"):
        if eid in ents:
            ents[eid]["mentions"].append([s, e])
    for aid, text, value, how in conn.execute("SELECT article_id, text, value, how FROM times"):
        arts[aid]["times"].append({"text": text, "value": value, "how": how})
    conn.close()
    for art in arts.values():
        art["entities"] = [e for e in art["entities"] if e["mentions"]]
    return list(arts.values())


def report(arts: list[dict], top: int) -> None:
    total = located = 0
    counts: Counter[str] = Counter()
    where: dict[str, Counter[tuple]] = defaultdict(Counter)
    for art in arts:
        for e in art["entities"]:
            if e["type"] not in ("GPE", "LOC"):
                continue
            n = len(e["mentions"])
            total += n
            geo = e.get("geo") or {}
            if geo.get("lat") is not None:
                located += n
            counts[e["name"]] += n
            where[e["name"]][(geo.get("lat"), geo.get("lon"), geo.get("country"), geo.get("kind"))] += n
    print(f"{len(arts)} articles, {total} place mentions, {located} with coordinates "
          f"({100 * located / max(total, 1):.1f} %)")
    print(f"\nthe {top} most mentioned places (mentions, name, lat, lon, country, kind):")
    points: dict[tuple, list[str]] = defaultdict(list)
    missing = 0
    for name, n in counts.most_common(top):
        lat, lon, country, kind = where[name].most_common(1)[0][0]
        missing += lat is None
        flag = "" if lat is not None else "   <- no coordinates"
        print(f"  {n:5d}  {name:28s} {lat!s:>9} {lon!s:>10} {country!s:4} {kind}{flag}")
        if lat is not None:
            points[(lat, lon)].append(name)
    dups = [names for names in points.values() if len(names) > 1]
    print(f"\n{missing} of the top {top} without coordinates; duplicates (one point, several names): {dups or 'none'}")
    print("\ndate values before 1500:")
    early = 0
    for art in arts:
        for t in art.get("times", []):
            m = EARLY.match(t.get("value") or "")
            if m and int(m.group(1)) < 1500:
                early += 1
                print(f"  {art['document']}: {t['text']!r} -> {t['value']} ({t['how']})")
    print(f"  {early} in all")


def sample(arts: list[dict], size: int, seed: int) -> None:
    """Random place entities with a line of context each, for checking by hand."""
    pool = [(art, e) for art in arts for e in art["entities"] if e["type"] in ("GPE", "LOC")]
    rng = random.Random(seed)
    for art, e in rng.sample(pool, min(size, len(pool))):
        text = art.get("text") or Path(art["source"]).read_text("utf-8")
        s, t = e["mentions"][0]
        ctx = text[max(0, s - 60): t + 60].replace("\n", " ")
        print(f"{e['name']}\t{json.dumps(e.get('geo'))}\t{art['source']}\t…{ctx}…")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="extract into this folder first")
    ap.add_argument("--jsonl", type=Path, nargs="*", default=[], help="report on these JSONL files")
    ap.add_argument("--db", type=Path, help="report on this store instead")
    ap.add_argument("--per-topic", type=int, default=None)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--top", type=int, default=50)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    files = list(args.jsonl)
    if args.out:
        files += extract(inputs(args.per_topic), args.out, args.workers)
    arts = store_articles(args.db) if args.db else articles(files)
    if args.sample:
        sample(arts, args.sample, args.seed)
    else:
        report(arts, args.top)


if __name__ == "__main__":
    main()
