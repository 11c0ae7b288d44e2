"""Throughput and memory of newsgraph against raw spaCy, in one run (``make bench``).

Prints one table over ../shared/corpora/bbc (or --corpus):

* raw spaCy: ``nlp.pipe`` of the FULL en_core_web_sm pipeline at the same batch size (the floor);
* ``newsgraph.extract_many`` (our pipeline + components, no store);
* ``ingest`` into a fresh SQLite store with 1 and 2 worker processes (start-up and model load included);
* ``ingest`` with 2 workers on 500 articles spread evenly over the corpus (memory growth
  check: the same mix of topics and lengths as the whole; the first 500 would all be short
  business news, and the peak follows the largest batch, not the count);

each with articles/s (wall clock of the timed part, which includes the model load in every
run alike: raw and extract time ``spacy.load`` + the pipe, ingest its worker start-up and
model loads; raw and extract read the texts before the clock starts, ingest as it goes), CPU seconds of the whole subprocess
(interpreter start, imports and model load included, for every run alike), the ratios to
the floor and the peak RSS of the process tree (parent + workers, sampled every 50 ms).
Every run is a fresh subprocess; then per-component CPU costs. On a shared machine the
wall-clock ratios are noisy and the CPU ratios are the steadier comparison; one run of the
same job varied by about 3 %, so the floor and 1-worker ingest run ``--repeat`` times
(default 2), alternated, and the best run of each is shown.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"

RAW = """
import json, sys, time, spacy
from newsgraph.analyse.model_choice import default_model
files, batch = json.load(open(sys.argv[1])), int(sys.argv[2])
texts = [open(f, encoding="utf-8", newline="").read() for f in files]
t = time.perf_counter()
nlp = spacy.load(default_model())  # the full pipeline, every default component
for _ in nlp.pipe(texts, batch_size=batch):
    pass
print(json.dumps({"seconds": time.perf_counter() - t, "pipes": nlp.pipe_names}))
"""

EXTRACT = """
import json, sys, time
from newsgraph.analyse.pipeline import load_nlp
from newsgraph.read import RawArticle, iter_articles
from newsgraph.run.ingest import batched_by_size
from newsgraph.run.workers import analyse_batch, prepare_process
files, batch = json.load(open(sys.argv[1])), int(sys.argv[2])
raws = [r for r in iter_articles(files) if isinstance(r, RawArticle)]
t = time.perf_counter()
prepare_process(None)  # as ingest readies its process
nlp = load_nlp()
n = errors = 0
for b in batched_by_size(raws, batch):  # what ingest runs per batch, without the store
    res = analyse_batch(b, None)
    n, errors = n + len(res.articles), errors + len(res.errors)
print(json.dumps({"seconds": time.perf_counter() - t, "articles": n, "errors": errors, "pipes": nlp.pipe_names}))
"""

INGEST = """
import json, sys
from newsgraph.run import ingest
files, batch, workers, db = json.load(open(sys.argv[1])), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rep = ingest(files, db, batch_size=batch, workers=workers)
print(json.dumps({"seconds": rep.seconds, "articles": rep.stored + rep.already, "errors": len(rep.errors)}))
"""


COMPONENTS = """
import json, sys, time, spacy
from newsgraph.analyse.model_choice import default_model
from newsgraph.analyse.pipeline import load_nlp, make_doc
from newsgraph.clean import segment
from newsgraph.read import RawArticle, iter_articles
files, batch = json.load(open(sys.argv[1])), int(sys.argv[2])
raws = [r for r in iter_articles(files) if isinstance(r, RawArticle)]
cost = {}

def run_pipeline(nlp, docs, prefix=""):
    for name, proc in nlp.pipeline:
        t = time.process_time()
        try:
            docs = list(proc.pipe(docs, batch_size=batch)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            cost[prefix + name] = time.process_time() - t
        except Exception as exc:  # a component bug: say so, measure the rest
            cost[prefix + name + " (FAILED: " + type(exc).__name__ + ")"] = time.process_time() - t
    return docs

stock = spacy.load(default_model())
run_pipeline(stock, [stock.make_doc(r.text) for r in raws], "spaCy ")
nlp = load_nlp()
t = time.process_time()
docs = [make_doc(nlp, r.text, segment(r.text, r.title), r.published) for r in raws]
cost["newsgraph clean+make_doc"] = time.process_time() - t
run_pipeline(nlp, docs)
print(json.dumps({"seconds": 1.0, "cost": cost}))
"""


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run(script: str, *args: str) -> dict[str, float]:
    """Run ``script`` in a fresh interpreter; its JSON result plus peak tree RSS and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    ps = psutil.Process(proc.pid)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                peak = max(peak, tree_rss(ps))
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"benchmark step failed (exit {proc.returncode})")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(out.strip().splitlines()[-1])
    result["rss_mb"] = peak / 1e6
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt articles")
    ap.add_argument("--limit", type=int, help="only the first N articles (quick runs)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=2,
                    help="runs of the floor and of 1-worker ingest, alternated; the best of each is shown")
    ap.add_argument("--small", type=int, default=500, help="articles in the memory-growth run (spread evenly)")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"bench: no corpus at {args.corpus} (pass --corpus DIR)", file=sys.stderr)
        return 2
    files = sorted(str(p) for p in args.corpus.rglob("*.txt"))[: args.limit]
    n, small = len(files), min(args.small, len(files))
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    lists = {}
    spread = [files[k * n // small] for k in range(small)]  # every (n/small)-th: all topics, all lengths
    for name, subset in (("all", files), ("small", spread)):
        lists[name] = tmp / f"{name}.json"
        lists[name].write_text(json.dumps(subset))
    b = str(args.batch_size)
    print(f"newsgraph benchmark: {n} articles from {args.corpus}, batch size {b}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}", flush=True)

    rows: list[tuple[str, int, dict[str, float]]] = []
    header = ("| run | articles | seconds | articles/s | x floor | CPU s | articles/CPU s | x floor (CPU) "
              "| peak RSS (tree) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")

    def show(label: str, count: int, res: dict[str, float]) -> None:
        rows.append((label, count, res))
        if "cost" not in res:
            floor, cpu_floor = n / rows[0][2]["seconds"], n / rows[0][2]["cpu"]
            rate, cpu_rate = count / res["seconds"], count / res["cpu"]
            extra = f" ({res['errors']:.0f} inputs failed)" if res.get("errors") else ""
            runs = f" (best of {args.repeat})" if res.get("repeated") else ""
            print(f"| {label}{runs}{extra} | {count} | {res['seconds']:.1f} | {rate:.2f} | {rate / floor:.2f} | "
                  f"{res['cpu']:.0f} | {cpu_rate:.2f} | {cpu_rate / cpu_floor:.2f} | {res['rss_mb']:.0f} MB |",
                  flush=True)

    def step(label: str, count: int, script: str, *a: str) -> dict[str, float]:
        """Run one measurement and print its row at once (a long run shows results as it goes)."""
        print(f"  running: {label} ...", file=sys.stderr, flush=True)
        res = run(script, *a)
        show(label, count, res)
        return res

    def alternated(runs: list[tuple[str, str, tuple[str, ...]]]) -> list[dict[str, float]]:
        """Each (label, script, args) ``--repeat`` times, in turn (A B A B: drift in the machine's
        speed hits both alike); the best run of each (least time, least CPU, most memory)."""
        results: list[list[dict[str, float]]] = [[] for _ in runs]
        for k in range(args.repeat):
            for (label, script, a), out in zip(runs, results, strict=True):
                print(f"  running: {label} ({k + 1} of {args.repeat}) ...", file=sys.stderr, flush=True)
                out.append(run(script, *[x.replace("{k}", str(k)) for x in a]))
                print(f"    {out[-1]['seconds']:.1f} s, {out[-1]['cpu']:.1f} CPU s", file=sys.stderr, flush=True)
        return [{**rs[-1], "seconds": min(r["seconds"] for r in rs), "cpu": min(r["cpu"] for r in rs),
                 "rss_mb": max(r["rss_mb"] for r in rs), "repeated": float(len(rs) > 1)} for rs in results]

    print(header, flush=True)
    raw_label, w1_label = "raw spaCy nlp.pipe, full pipeline (floor)", "newsgraph ingest, 1 worker"
    raw, w1 = alternated([(raw_label, RAW, (str(lists["all"]), b)),
                          (w1_label, INGEST, (str(lists["all"]), b, "1", str(tmp / "w1-{k}.db")))])
    show(raw_label, n, raw)
    show(w1_label, n, w1)
    w2 = step("newsgraph ingest, 2 workers", n, INGEST, str(lists["all"]), b, "2", str(tmp / "w2.db"))
    w2s = step(f"newsgraph ingest, 2 workers, {small} spread over the corpus", small, INGEST, str(lists["small"]),
               b, "2", str(tmp / "w2s.db"))
    print()
    print(f"2 workers vs 1: {w1['seconds'] / w2['seconds']:.2f}x wall clock  (target >= 1.8)")
    print(f"ingest, 1 worker vs floor: {n / w1['seconds'] / (n / raw['seconds']):.2f}x wall clock, "
          f"{raw['cpu'] / w1['cpu']:.2f}x CPU  (target >= 1.0)")
    print(f"peak RSS, 2 workers: {w2s['rss_mb']:.0f} MB at {small} articles, {w2['rss_mb']:.0f} MB at {n} "
          f"(target <= 1200 MB, no growth)", flush=True)
    print(header, flush=True)
    ext = step("newsgraph extract_many (failing articles isolated)", n, EXTRACT, str(lists["all"]), b)
    comp = step("component costs", small, COMPONENTS, str(lists["small"]), b)
    print(f"raw pipeline: {', '.join(raw['pipes'])}; ours: {', '.join(ext['pipes'])}")  # type: ignore[arg-type]
    print()
    print(f"CPU seconds per component over {small} articles spread over the corpus (cold caches; stock spaCy, then ours):")
    print("| component | CPU s | ms/article |")
    print("| --- | ---: | ---: |")
    for name, sec in comp["cost"].items():  # type: ignore[attr-defined]
        print(f"| {name} | {sec:.1f} | {1000 * sec / small:.1f} |")
    from newsgraph.run.verify import differing_tables

    diff = differing_tables(tmp / f"w1-{args.repeat - 1}.db", tmp / "w2.db")
    print("1-worker and 2-worker stores: " + ("identical" if not diff else f"DIFFER in {', '.join(diff)}"))
    print(f"load average now {os.getloadavg()[0]:.1f}; scratch files in {tmp}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
