"""Score the HTML reader on pages with expectations: paragraph boundaries, furniture, metadata.

    .venv/bin/python scripts/score_html.py [../shared/corpora/html] [-v]

``-v`` prints each page's misses (boundary counts, leaked furniture, wrong fields).
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsgraph.evaluate.html_pages import score_folder


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    folder = Path(args[0]) if args else Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "html"
    score = score_folder(folder)
    if verbose:
        for p in score.pages:
            print(f"{p.name}: boundaries {p.hits}/{p.extracted} extracted, {p.hits}/{p.expected} expected"
                  + (f"  ERROR {p.error}" if p.error else ""))
            for leak in p.leaks:
                print(f"    leak: {leak!r}")
            for f, (want, got) in p.wrong.items():
                print(f"    {f}: expected {want!r}, got {got!r}")
    print(score.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
