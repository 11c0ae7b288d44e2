"""WARC input measured on pages with expectations: same articles and quotations as the pages read
one by one, the same speed per article, and a killed run resumed without storing anything twice.

    .venv/bin/python scripts/check_warc.py [../shared/corpora/html]

Builds ``crawl.warc.gz`` (every page, with its request record, plus 50 records that are not
HTML pages) in a temporary folder; ingests the pages one file at a time into one store and
the crawl into another (``--batch-size 2``, killed with SIGKILL once two records are
committed, then rerun); compares the articles and quotations of the two stores.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.evaluate.crawl import articles_and_quotes, sources_committed, write_warc
from newsgraph.run import ingest

NON_HTML = 50
RUNS = 3


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "html"
    pages = sorted((folder / "pages").glob("*.html"))
    urls = [json.loads((folder / "expected" / (p.stem + ".json")).read_text("utf-8")).get("url")
            or "https://{}/{}".format(*p.stem.rsplit(".", 1)) for p in pages]  # pages are named <domain>.<slug>
    tmp = Path(tempfile.mkdtemp(prefix="check_warc."))
    warc = write_warc(tmp / "crawl.warc.gz", [(u, p.read_bytes()) for u, p in zip(urls, pages, strict=True)],
                      extras=NON_HTML)
    files_db, warc_db = tmp / "files.db", tmp / "warc.db"
    for p in pages:
        ingest([p], files_db)
    files_s, warc_s = float("inf"), float("inf")
    for run in range(RUNS):  # alternated, best of each: the same model, the same machine load
        started = time.perf_counter()
        ingest([folder / "pages"], tmp / f"files_run{run}.db")
        files_s = min(files_s, time.perf_counter() - started)
        started = time.perf_counter()
        report = ingest([warc], tmp / f"warc_run{run}.db")
        warc_s = min(warc_s, time.perf_counter() - started)

    cmd = [sys.executable, "-m", "newsgraph", "ingest", str(warc), "--db", str(warc_db), "--batch-size", "2", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    while sources_committed(warc_db) < 2 and proc.poll() is None:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = sources_committed(warc_db)
    rerun = subprocess.run(cmd, capture_output=True, text=True)

    a_files, q_files = articles_and_quotes(files_db)
    a_warc, q_warc = articles_and_quotes(warc_db)
    conn = sqlite3.connect(warc_db)
    n_articles, n_sources = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "sources"))
    conn.close()
    print(f"pages {len(pages)}; WARC records not HTML pages skipped: {sum(report.records_skipped.values())} "
          f"({dict(report.records_skipped)}); errors {len(report.errors)}")
    print(f"articles: files {len(a_files)}, WARC {len(a_warc)}, identical {a_files == a_warc}; "
          f"quotations: files {len(q_files)}, WARC {len(q_warc)}, identical {q_files == q_warc}")
    print(f"killed after {partial} records committed; rerun: {rerun.stdout.strip().split(' → ')[0]}")
    print(f"after the rerun: {n_articles} articles, {n_sources} sources (nothing stored twice: "
          f"{n_articles == len(pages) == n_sources})")
    print(f"seconds per article, best of {RUNS} alternated runs: HTML files {files_s / len(pages):.3f}, "
          f"WARC {warc_s / len(pages):.3f}")
    shutil.rmtree(tmp, ignore_errors=True)
    ok = a_files == a_warc and q_files == q_warc and n_articles == len(pages) == n_sources
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
