"""Bounded load test of `newsgraph serve` on loopback: N requests fired at once, hostile ones mixed in.

    .venv/bin/python bench/web_load.py                 # 1,000 concurrent requests, a store built here
    .venv/bin/python bench/web_load.py --db news.db --requests 2000

Starts `newsgraph serve` on 127.0.0.1 with a free port (never another host), sends every
request at once from one asyncio client (one connection each), and prints the count per
status, 5xx and transport errors, wall time and latency percentiles. Bounded: at most 5,000
requests, 60 s per request, the server is stopped at the end. Exit status 1 on any 5xx or
transport error.

Measured (shared 2-core machine, store built from the test fixtures, default 3 s query budget):
1,000 at once: 1,000 answered, 0 5xx, 0 transport errors (730 200, 270 4xx for the hostile
ones), 12 s wall, median latency 11 s. 3,000 at once: 0 transport errors, 529 answered 503
"the query took longer than 3000 ms" (the budget shedding load, not a crash), 48 s wall.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
MAX_REQUESTS = 5000

URLS = ["/", "/articles", "/people", "/search?q=said", "/timeline", "/map", "/article/1", "/api/stats",
        "/api/quotes?search=said", "/api/people", "/api/articles/1", "/api/timeline?date_from=2019", "/api/places",
        # hostile: injection, traversal, huge and malformed parameters, unknown paths
        "/api/quotes?speaker=%27%20OR%201%3D1%20--", "/search?q=%22%29%20OR%20%2A", "/api/people?name=%25",
        "/static/../../etc/passwd", "/search?q=" + "x" * 400, "/api/quotes?limit=abc", "/nowhere",
        "/article/99999999999999999999", "/person/%3Cscript%3Ealert(1)%3C%2Fscript%3E"]


def mixed_urls(n: int) -> list[str]:
    """A browsing mix with hostile requests folded in, ``n`` long."""
    return [URLS[i % len(URLS)] for i in range(n)]


SERVER_ERRORS: list[str] = []
"""``url -> first words of the body`` of the first few 5xx answers of the last ``fire``."""


async def fire(base: str, urls: list[str], timeout: float = 60) -> tuple[dict[int, int], int, list[float]]:
    """Every request at once; (count per status, transport errors, latencies in seconds)."""
    statuses: dict[int, int] = {}
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=len(urls), max_keepalive_connections=len(urls))
    SERVER_ERRORS.clear()

    async def one(client: httpx.AsyncClient, url: str) -> int:
        t0 = time.perf_counter()
        r = await client.get(url)
        latencies.append(time.perf_counter() - t0)
        if r.status_code >= 500 and len(SERVER_ERRORS) < 3:
            SERVER_ERRORS.append(f"{url[:60]} -> {r.status_code} {r.text[:160]!r}")
        return r.status_code

    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        results = await asyncio.gather(*(one(client, u) for u in urls), return_exceptions=True)
    failed = 0
    for r in results:
        if isinstance(r, BaseException):
            failed += 1
        else:
            statuses[r] = statuses.get(r, 0) + 1
    return statuses, failed, latencies


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(path: Path) -> None:
    """Real analysed articles: the seed article and the good files of the bad-input corpus."""
    from newsgraph.run import ingest

    fixtures = ROOT / "tests" / "fixtures"
    report = ingest([fixtures / "moscow8.txt", fixtures / "bad"], path)
    print(f"store: {report.summary()}", file=sys.stderr)


def wait_for(base: str, proc: subprocess.Popen, seconds: float = 60) -> None:  # type: ignore[type-arg]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited ({proc.returncode}): {proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("server did not start in time")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="store to serve (default: build one from the test fixtures)")
    ap.add_argument("--requests", type=int, default=1000, help=f"requests fired at once (≤ {MAX_REQUESTS})")
    args = ap.parse_args()
    n = max(1, min(args.requests, MAX_REQUESTS))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.db"
        if not args.db:
            build_store(db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--host", "127.0.0.1",
                                   "--port", str(port)], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                                  env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            wait_for(base, server)
            t0 = time.perf_counter()
            statuses, failed, lat = asyncio.run(fire(base, mixed_urls(n)))
            wall = time.perf_counter() - t0
        finally:
            server.terminate()
            server.wait(15)
    five_xx = sum(c for s, c in statuses.items() if s >= 500)
    lat.sort()
    print(f"requests fired at once: {n}  answered: {sum(statuses.values())}  5xx: {five_xx}  "
          f"transport errors: {failed}")
    print("by status: " + ", ".join(f"{s}: {c}" for s, c in sorted(statuses.items())))
    if lat:
        print(f"wall {wall:.1f} s, {len(lat) / wall:.0f} req/s; latency median {statistics.median(lat) * 1000:.0f} ms, "
              f"p95 {lat[int(0.95 * (len(lat) - 1))] * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms")
    for sample in SERVER_ERRORS:
        print(f"5xx sample: {sample}")
    return 1 if five_xx or failed else 0


if __name__ == "__main__":
    sys.exit(main())
