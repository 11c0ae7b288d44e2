"""Is the time component linear in article length? Times it alone on 1x, 4x and 16x the seed article.

    .venv/bin/python bench/time_scaling.py

Prints milliseconds per 10,000 characters for each size; the ratio of the largest to the
smallest should stay near 1 (quadratic work would make it ~16).
"""

from __future__ import annotations

import time
from pathlib import Path

from newsgraph.analyse.pipeline import load_nlp, make_doc
from newsgraph.clean import segment

SEED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "moscow8.txt"


def main() -> None:
    nlp = load_nlp()
    base = SEED.read_text(encoding="utf-8")
    per: list[float] = []
    for k in (1, 4, 16):
        text = "\n\n".join([base] * k)
        doc = make_doc(nlp, text, segment(text), "2019-06-25")
        for name, proc in nlp.pipeline:
            if name != "newsgraph_time":
                doc = proc(doc)
        time_component = dict(nlp.pipeline)["newsgraph_time"]
        t0 = time.perf_counter()
        time_component(doc)
        ms = (time.perf_counter() - t0) * 1000
        per.append(ms / len(text) * 10_000)
        print(f"{k:>3}x  {len(text):>7} chars  {len(doc._.times):>4} expressions  {ms:8.1f} ms"
              f"  {per[-1]:6.2f} ms / 10k chars")
    print(f"ratio 16x/1x per character: {per[-1] / per[0]:.2f} (1 = linear)")


if __name__ == "__main__":
    main()
