"""What the per-component benchmarks (``bench/*_component.py``) share: the sample and the timer.

CPU time (``time.process_time``), best of a few runs: steadier than wall clock on a shared
machine. The sample is every 7th article of a corpus, the first N, so runs compare.
"""

from __future__ import annotations

import argparse
import glob
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def best_ms(run: Callable[[], object], n: int, reps: int = 3, setup: Callable[[], object] | None = None) -> float:
    """Best CPU milliseconds per article of ``reps`` runs of ``run`` over ``n`` articles (``setup`` before each)."""
    best = float("inf")
    for _ in range(reps):
        if setup is not None:
            setup()
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return best / n * 1000


def sample_texts(corpus: str | Path, n: int) -> list[str]:
    """Every 7th ``*/*.txt`` article of ``corpus`` (BBC's topic folders), the first ``n``."""
    files = sorted(glob.glob(f"{corpus}/*/*.txt"))[::7][:n]
    return [Path(f).read_text(encoding="utf-8") for f in files]


def component_args(doc: str) -> argparse.Namespace:
    """``--n``, ``--root`` (a checkout to measure, e.g. an older commit's tree:
    ``git archive <rev> newsgraph | tar -x -C DIR``) and ``--corpus``; ROOT goes first on sys.path."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--corpus", default=None, help="default: ROOT/../shared/corpora/bbc")
    args = parser.parse_args()
    args.corpus = args.corpus or str(args.root.parent / "shared" / "corpora" / "bbc")
    sys.path.insert(0, str(args.root))
    return args


def parsed_docs(texts: list[str], disable: list[str]) -> list[Any]:
    """The texts through newsgraph's pipeline (cleaned as ingest does) without the ``disable``d components."""
    from newsgraph.analyse.pipeline import load_nlp, make_doc
    from newsgraph.clean import segment

    nlp = load_nlp()
    return list(nlp.pipe((make_doc(nlp, t, segment(t, None), None) for t in texts), disable=disable, batch_size=32))
