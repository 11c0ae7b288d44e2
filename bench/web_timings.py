"""Page timings of `newsgraph serve` on a store: median and p95 per page, loopback only, bounded.

    .venv/bin/python bench/web_timings.py --db /tmp/bbc.db -n 40

Starts the app with uvicorn on a free 127.0.0.1 port in this process, times the first (cold)
request of each page kind, warms it, then sends N sequential GET requests per page kind
(overview, article, person, search, plus timeline and map), cycling over real article ids,
most-quoted people and common words, and prints a table. No concurrency, no external host: it measures the server, not the machine's limits.
"""

from __future__ import annotations

import argparse
import http.client
import socket
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

SEARCH_WORDS = ["government", "minister", "said", "market", "people", "game", "film", "election", "growth", "we"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(db: Path, timeout_ms: int):  # type: ignore[no-untyped-def]
    import uvicorn

    from newsgraph.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, timeout_ms=timeout_ms), host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, port


def sample_urls(db: Path, n: int) -> dict[str, list[str]]:
    from newsgraph import query
    from newsgraph.store import connect

    conn = connect(db, readonly=True)
    total = query.stats(conn)["articles"]
    ids = [r["id"] for r in query.articles(conn, limit=total)]
    step = max(1, len(ids) // n)
    people = [r["name"] for r in query.top_speakers(conn, limit=n)]
    places = [r["name"] for r in query.place_counts(conn, limit=10)]
    conn.close()
    return {
        "overview": ["/"],
        "article": [f"/article/{i}" for i in ids[::step][:n]],
        "person": ["/person/" + quote(p, safe="") for p in people],
        "search": ["/search?q=" + quote(w) for w in SEARCH_WORDS],
        "timeline": ["/timeline"] + ["/timeline?place=" + quote(p) for p in places],
        "map": ["/map"],
        "articles": ["/articles", "/articles?offset=1000"] + ["/articles?q=" + quote(w) for w in SEARCH_WORDS[:4]],
        "search_articles": [f"/search?scope=articles&q={quote(w)}" for w in SEARCH_WORDS],
        "people": ["/people", "/people?sort=name", "/people?name=an", "/people?offset=2000"],
        "who": ["/who", "/who?by=outlet", "/who?by=month"],
        "api_quotes": ["/api/quotes?search=" + quote(w) for w in SEARCH_WORDS] + ["/api/quotes?offset=20000"],
        "api_people": ["/api/people", "/api/people?offset=5000", "/api/places?offset=1000"],
    }


def measure(port: int, urls: list[str], n: int) -> tuple[list[float], int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times, bad = [], 0
    for i in range(n):
        url = urls[i % len(urls)]
        t0 = time.perf_counter()
        conn.request("GET", url)
        resp = conn.getresponse()
        resp.read()
        times.append((time.perf_counter() - t0) * 1000)
        bad += resp.status != 200
    conn.close()
    return times, bad


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("-n", type=int, default=40, help="requests per page kind (default: %(default)s)")
    ap.add_argument("--timeout-ms", type=int, default=3000)
    args = ap.parse_args()
    if not args.db.exists():
        print(f"web_timings: {args.db}: no such database", file=sys.stderr)
        return 2
    from newsgraph import query
    from newsgraph.store import connect

    conn = connect(args.db, readonly=True)
    stats = query.stats(conn)
    conn.close()
    server, port = start(args.db, args.timeout_ms)
    urls = sample_urls(args.db, args.n)
    print(f"store {args.db}: {stats['articles']} articles, {stats['quotes']} quotes, {stats['people']} people; "
          f"{args.n} sequential requests per page over 127.0.0.1")
    print(f"{'page':<10}{'first ms':>10}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}{'non-200':>9}  urls")
    for kind, kind_urls in urls.items():
        first, _ = measure(port, kind_urls, 1)  # cold: the aggregates cache is empty for this page
        measure(port, kind_urls, min(len(kind_urls), 3))  # warm the pool and the page cache
        times, bad = measure(port, kind_urls, args.n)
        print(f"{kind:<10}{first[0]:>10.1f}{statistics.median(times):>11.1f}{p95(times):>9.1f}{max(times):>9.1f}"
              f"{bad:>9}  {len(kind_urls)} distinct")
    server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
