"""Train the indirect-attribution scorer on PolNeAR train and write the shipped model.

    make train            # = python scripts/train_attribution.py

Steps: parse every train article with newsgraph's pipeline; generate parse candidates
(``newsgraph.analyse.candidates``); label each one against the gold with the scorer's
own rule (correct = >= 50% of it inside gold indirect content, and it finds a gold item
= covers >= 50% of one); fit an L2 logistic regression (plain numpy, full-batch Adam,
seeded) on a seeded 80% of the train articles; choose the decision threshold that
maximises the scorer's F1 on the other 20%; refit on all of train. Dev is never read.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.analyse.quotes import candidates as cands  # noqa: E402
from newsgraph.analyse.quotes import indirect_model  # noqa: E402
from newsgraph.evaluate import scorer  # noqa: E402

DEFAULT_TRAIN = ROOT.parent / "shared" / "corpora" / "polnear" / "train"
DEFAULT_OUT = ROOT / "newsgraph" / "analyse" / "data" / indirect_model.MODEL_FILE


def parse(train: Path, cache: Path | None) -> list[tuple[str, object, list[tuple[int, int]]]]:
    """(document, Doc, direct/mixed quote spans) for every train article."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    from newsgraph.analyse.pipeline import load_nlp, make_doc
    from newsgraph.analyse.quotes import find as quote_finding
    from newsgraph.clean import segment

    quote_finding.find_indirect_quotes = lambda doc, direct, people, **kw: []  # the model being trained
    nlp = load_nlp()
    texts = scorer.gold_texts(str(train))
    stream = ((make_doc(nlp, text, segment(text, None), None), name) for name, text in texts)
    out = []
    for doc, name in nlp.pipe(stream, as_tuples=True, batch_size=32):
        direct = [q.content_spans[0] for q in doc._.quotes or [] if q.kind != "indirect"]
        out.append((name, doc, direct))
    if cache:
        for _, doc, _ in out:  # per-doc look-up tables (token_table, ...) are rebuilt on demand
            for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("newsgraph_")]:
                del doc.user_data[key]
        cache.write_bytes(pickle.dumps(out))
    return out


def examples(parsed, gold_docs):
    """Per candidate: features, label, document index, cue id, correct flag, gold items found."""
    gold = {d.name: d for d in gold_docs}
    rows = []
    n_gold = []
    for di, (name, doc, direct) in enumerate(parsed):
        g = gold[name]
        golds = [x for x in g.items if x.kind == "indirect"]
        gsets = [scorer.nonws(g.text, x.spans) for x in golds]
        union = set().union(*gsets) if gsets else set()
        n_gold.append(len(golds))
        for cand in cands.generate(doc):
            in_direct = any(s <= cand.cue.idx < e for s, e in direct)
            if cands.has_quote_mark(doc, cand, edges=not in_direct):
                continue
            ps = scorer.nonws(g.text, cands.char_pieces(doc, cand))
            if not ps:
                continue
            correct = len(ps & union) / len(ps) >= 0.5
            found = frozenset(k for k, gs in enumerate(gsets) if gs and len(gs & ps) / len(gs) >= 0.5)
            feats = indirect_model.features(doc, cand, in_direct)
            rows.append((feats, int(correct and bool(found)), di, cand.cue.i, correct, found))
    return rows, n_gold


def vectorise(rows, vocab):
    idx, ptr = [], [0]
    for feats, *_ in rows:
        ids = sorted({vocab[f] for f in feats if f in vocab})
        idx.extend(ids)
        ptr.append(len(idx))
    return np.array(idx, dtype=np.int64), np.array(ptr, dtype=np.int64)


def fit(rows, min_count: int, l2: float, epochs: int, seed: int):
    counts = Counter(f for feats, *_ in rows for f in set(feats))
    names = sorted(f for f, c in counts.items() if c >= min_count)
    vocab = {f: i for i, f in enumerate(names)}
    idx, ptr = vectorise(rows, vocab)
    y = np.array([r[1] for r in rows], dtype=np.float64)
    lengths = np.diff(ptr)
    row_of = np.repeat(np.arange(len(rows)), lengths)
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 1e-3, len(names))
    b = 0.0
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
    n = len(rows)
    for t in range(1, epochs + 1):
        z = b + np.bincount(row_of, weights=w[idx], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        err = p - y
        gw = np.bincount(idx, weights=err[row_of], minlength=len(w)) / n + l2 * w
        gb = err.mean()
        m = b1 * m + (1 - b1) * gw
        v = b2 * v + (1 - b2) * gw * gw
        w -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        b -= lr * (mb / (1 - b1**t)) / (np.sqrt(vb / (1 - b2**t)) + eps)
    weights = {f: round(float(w[i]), 4) for f, i in vocab.items() if abs(w[i]) >= 1e-3}
    return weights, round(float(b), 4)


def decode(rows, probs, threshold: float):
    """The best candidate per cue token, kept when its probability reaches the threshold."""
    best: dict[tuple[int, int], int] = {}
    for j, r in enumerate(rows):
        key = (r[2], r[3])
        if key not in best or probs[j] > probs[best[key]]:
            best[key] = j
    return [j for j in best.values() if probs[j] >= threshold]


def f1_at(rows, probs, n_gold, docs, threshold):
    kept = decode(rows, probs, threshold)
    correct = sum(1 for j in kept if rows[j][4])
    found = {(rows[j][2], k) for j in kept for k in rows[j][5]}
    g = sum(n_gold[d] for d in docs)
    p = correct / len(kept) if kept else 0.0
    r = len(found) / g if g else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def predict(model_weights, bias, rows):
    return np.array([indirect_model.Model(model_weights, bias, 0.5, {}).probability(r[0]) for r in rows])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN, help="PolNeAR-layout train folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--cache", type=Path, help="pickle of parsed docs (reused when present; for experiments)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--min-count", type=int, default=3)
    a = ap.parse_args(argv)
    t0 = time.time()
    gold_docs, _ = scorer.load_gold(str(a.train))
    parsed = parse(a.train, a.cache)
    print(f"parsed {len(parsed)} articles in {time.time() - t0:.0f}s", flush=True)
    rows, n_gold = examples(parsed, gold_docs)
    print(f"{len(rows)} candidates, {sum(r[1] for r in rows)} positive", flush=True)

    order = list(range(len(parsed)))
    random.Random(a.seed).shuffle(order)
    held = set(order[: len(order) // 5])
    fit_rows = [r for r in rows if r[2] not in held]
    held_rows = [r for r in rows if r[2] in held]
    weights, bias = fit(fit_rows, a.min_count, a.l2, a.epochs, a.seed)
    probs = predict(weights, bias, held_rows)
    grid = [round(0.2 + 0.025 * i, 3) for i in range(25)]
    scored = [(f1_at(held_rows, probs, n_gold, held, t), t) for t in grid]
    (best_f1, p, r), threshold = max(scored)
    print(f"held-out 20% of train: F1 {best_f1:.3f} (P {p:.3f} R {r:.3f}) at threshold {threshold}", flush=True)

    weights, bias = fit(rows, a.min_count, a.l2, a.epochs, a.seed)
    meta = {
        "trained_on": "PolNeAR train", "articles": len(parsed), "candidates": len(rows),
        "seed": a.seed, "l2": a.l2, "epochs": a.epochs, "min_count": a.min_count,
        "heldout_f1": round(best_f1, 4), "features": len(weights),
    }
    payload = {"weights": dict(sorted(weights.items())), "bias": bias, "threshold": threshold, "meta": meta}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 and sorted keys: the same training run writes byte-identical files
    a.out.write_bytes(gzip.compress(json.dumps(payload, sort_keys=True).encode("utf-8"), mtime=0))
    print(f"wrote {a.out} ({a.out.stat().st_size // 1024} KiB, {len(weights)} features) in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
