"""Ingest speed with the per-word monthly tally (schema 8, ``word_tally``) against the same ingest
without it (its triggers dropped), alternated, and into a store of a million quotations (issue 19).

    .venv/bin/python bench/word_tally_speed.py -n 100 --repeat 2 --big /tmp/perf11_big.db

Takes ``n`` articles spread evenly over the PolNeAr training texts (not in the BBC-made bench stores),
ingests them into a fresh store ``--repeat`` times with the tally and as often without, in alternation
so the shared machine's load falls on both alike, in one process (the model loaded before the clock);
with ``--big``, also into a copy of that store (with the tally). Prints each run's articles/s, the
ratios of the best runs, and the steadier number: the tally's own work per article (the statements its
triggers run for an article and its quotations, timed and rolled back in the ingested store).
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from newsgraph.store import connect

ingest_module = importlib.import_module("newsgraph.run.ingest")  # the package exports a function of that name


def without_tally(db: Path) -> None:
    """A fresh store whose word_tally triggers are dropped (ingest as before schema 8)."""
    conn = connect(db)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'word_tally%'"
                                ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.commit()
    conn.close()


def tally_ms_per_article(db: Path, documents: list[str]) -> float:
    """The statements the word_tally triggers run for these articles and their quotations, timed (rolled back)."""
    conn = sqlite3.connect(db, isolation_level=None)
    marks = ",".join("?" * len(documents))
    articles = conn.execute(f"SELECT id, title, text, published FROM articles WHERE document IN ({marks})",
                            documents).fetchall()
    conn.execute("BEGIN")
    t = time.perf_counter()
    for article_id, title, text, published in articles:
        conn.execute("INSERT INTO word_fts_scratch(rowid, first, second) VALUES (1, ?, ?)", (title, text))
        conn.execute("INSERT INTO word_delta VALUES (?, 1, 0)", (published,))
        for (content,) in conn.execute("SELECT content FROM quotes WHERE article_id = ?", (article_id,)).fetchall():
            conn.execute("INSERT INTO word_fts_scratch(rowid, first) VALUES (1, ?)", (content,))
            conn.execute("INSERT INTO word_delta VALUES (?, 0, 1)", (published,))
    spent = time.perf_counter() - t
    conn.execute("ROLLBACK")
    conn.close()
    return 1000 * spent / max(len(articles), 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="../shared/corpora/polnear/train/text")
    ap.add_argument("-n", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--big", type=Path, help="a large store: the same articles ingested into a copy of it")
    args = ap.parse_args()
    files = sorted(Path(args.corpus).rglob("*.txt"))
    paths = [files[i * len(files) // args.n] for i in range(min(args.n, len(files)))]
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        ingest_module.ingest(files[-3:], Path(tmp) / "warm.db")  # load the model before timing
        rates: dict[str, list[float]] = {"with": [], "without": []}
        for r in range(args.repeat):
            for mode in ("with", "without") if r % 2 == 0 else ("without", "with"):
                db = Path(tmp) / f"{mode}{r}.db"
                if mode == "without":
                    without_tally(db)
                report = ingest_module.ingest(paths, db)
                rates[mode].append(report.analysed / report.seconds)
                print(f"run {r} {mode:>7} tally, empty store: {rates[mode][-1]:.2f} articles/s", flush=True)
        print(f"best with / best without: {max(rates['with']) / max(rates['without']):.3f}")
        with sqlite3.connect(Path(tmp) / "with0.db") as conn:
            documents = [d for (d,) in conn.execute("SELECT document FROM articles")]
            quotes = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
        print(f"tally work: {tally_ms_per_article(Path(tmp) / 'with0.db', documents):.2f} ms per article"
              f" ({quotes / max(len(documents), 1):.1f} quotations each), empty store")
        if args.big:
            big = Path(tmp) / "big.db"
            shutil.copy(args.big, big)
            connect(big).close()  # migrated (if older) before the clock
            report = ingest_module.ingest(paths, big)
            rate = report.analysed / report.seconds
            print(f"into {args.big.name}: {rate:.2f} articles/s, {rate / max(rates['with']):.3f} of the best into"
                  f" an empty store; tally work {tally_ms_per_article(big, documents):.2f} ms per article")


if __name__ == "__main__":
    main()
