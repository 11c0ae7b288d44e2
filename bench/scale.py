"""Page, API and CLI latency at a million quotations beside the same at ~30,000 (issue 19, item 1).

    .venv/bin/python bench/scale.py --db /tmp/bbc.db --copies 43 --out /tmp/bbc_1m.db -n 20

Builds ``--out`` from ``--db`` (a store of the real corpora, e.g. the BBC articles: ~27,000
quotations) by replicating every article ``--copies`` times in SQL, each copy a distinct article
(its own content hash, so its own stable key and name ``document #k``) with its paragraphs,
entities (joined to the same people: a bigger corpus about the same world), mentions, quotations
(in the same quotation groups), times and events; the full-text indexes and the totals are
filled by the store's own triggers, and each full-text index is then merged into one segment (as
a store grown by ingest keeps them). No analysis is rerun, so a million quotations take minutes.
Then times every page kind of bench/web_timings.py plus /quotations and /api/quotations, and
the CLI's ``people``, ``person`` and ``quotes --speaker``, on both stores, and prints one table:
first (cold) request, p50 and p95 per kind, small store beside large. The two stores' servers run
side by side and each request (and CLI run) goes to one store, then the other, so the load of
other jobs on a shared machine falls on both alike. ``--reuse`` times an ``--out`` built before.
``--rounds R`` times it all R times (in one process: the store-wide caches of round 1 stay warm,
so "first" is round 1's) and prints the median p50 and p95, and the median and range of the
per-round p95 ratios; the CLI rows come with their CPU time (``cpu …``), which other jobs' load
leaves alone.
"""

from __future__ import annotations

import argparse
import http.client
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from newsgraph.store.db import rebuild_word_tally

sys.path.insert(0, str(Path(__file__).resolve().parent))
import web_timings  # noqa: E402  (a sibling script, not a package)

OFFSET_COLUMNS = {"id": None, "article_id": "articles", "entity_id": "entities", "speaker_entity_id": "entities",
                  "quote_id": "quotes"}
HEX_BYTE = ("((instr('0123456789abcdef', substr(hash, 1, 1)) - 1) * 16 "
            "+ instr('0123456789abcdef', substr(hash, 2, 1)) - 1)")
"""The hash's first byte: a copy adds its number to it (mod 256), so no two copies share a key."""
FTS_INDEXES = ("quotes_fts", "quotes_fts_exact", "articles_fts", "articles_fts_exact")
"""Bulk copies leave one FTS5 segment per copy, which the next writes would merge (a minute of
an ingest) and every search would read."""
COPIED = ("articles", "paragraphs", "boilerplate", "entities", "mentions", "quotes", "times", "events",
          "quote_group_members")


def replicate(src: Path, out: Path, copies: int) -> None:
    """``out`` = ``src`` plus ``copies - 1`` distinct copies of every article and what hangs on it."""
    out.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    with sqlite3.connect(src) as s:
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(src, out)
    conn = sqlite3.connect(out)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    top = {t: conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {t}").fetchone()[0]
           for t in ("articles", "entities", "quotes", "events")}
    word_triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                 " AND name LIKE 'word_tally%'").fetchall()  # (schema 8) counted once, after
    for name, _ in word_triggers:
        conn.execute(f"DROP TRIGGER {name}")
    for k in range(1, copies):
        t0 = time.perf_counter()
        with conn:
            for table in COPIED:
                cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
                exprs = []
                for c in cols:
                    ref = table if c == "id" else OFFSET_COLUMNS.get(c, "")
                    if c in OFFSET_COLUMNS and ref in top:
                        exprs.append(f"{c} + {k * top[ref]}")
                    elif table == "articles" and c == "hash":
                        exprs.append(f"printf('%02x', ({HEX_BYTE} + {k}) % 256) || substr(hash, 3)")
                    elif table == "articles" and c == "document":
                        exprs.append(f"document || ' #{k}'")
                    elif table == "articles" and c == "source":
                        exprs.append("NULL")
                    else:
                        exprs.append(f'"{c}"')
                quoted = ", ".join(f'"{c}"' for c in cols)
                conn.execute(f"INSERT INTO {table}({quoted}) SELECT {', '.join(exprs)} FROM {table} "
                             f"WHERE {'quote_id' if table == 'quote_group_members' else 'rowid'} < ?",
                             (top["quotes"] if table == "quote_group_members" else _first_copy_top(conn, table, top),))
        print(f"copy {k}/{copies - 1}: {time.perf_counter() - t0:.1f} s", flush=True)
    with conn:
        conn.execute("UPDATE meta SET value = (SELECT max(id) FROM quotes) WHERE key = 'quote_groups_through'")
        if word_triggers:  # every word of every copy counted in one pass per month, not a trigger per row
            rebuild_word_tally(conn)
            for _, sql in word_triggers:
                conn.execute(sql)
    for index in FTS_INDEXES:  # one segment each, as a store grown by ingest keeps them merged
        with conn:
            conn.execute(f"INSERT INTO {index}({index}) VALUES ('optimize')")
    conn.execute("ANALYZE")  # the planner's statistics of the copy, not of the store it was copied from
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


_ORIGINAL_ROWIDS: dict[str, int] = {}


def _first_copy_top(conn: sqlite3.Connection, table: str, top: dict[str, int]) -> int:
    """Rows of the original store only (rowids below the first copy's): every copy is of the original."""
    if table not in _ORIGINAL_ROWIDS:
        _ORIGINAL_ROWIDS[table] = top.get(table) or conn.execute(
            f"SELECT coalesce(max(rowid), 0) + 1 FROM {table}").fetchone()[0]
    return _ORIGINAL_ROWIDS[table]


def page_urls(db: Path, n: int) -> dict[str, list[str]]:
    """bench/web_timings.py's page kinds, articles by stable key (an id answers a redirect), and
    /quotations + /api/quotations."""
    urls = web_timings.sample_urls(db, n)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        total = c.execute("SELECT max(id) FROM articles").fetchone()[0]
        urls["article"] = [f"/article/{r[0]}" for r in c.execute(
            "SELECT substr(hash, 1, 16) FROM articles WHERE id % ? = 0 LIMIT ?", (max(1, total // n), n))]
    urls["quotations"] = ["/quotations", "/quotations?min_occurrences=3", "/quotations?offset=50",
                          "/api/quotations", "/api/quotations?speaker=blair"]
    people = [u.removeprefix("/person/") for u in urls["person"][:5]]
    urls["attention"] = ([f"/attention?person={p}" for p in people] + ["/attention?place=London"]
                         + [f"/attention?q={quote(w)}" for w in web_timings.SEARCH_WORDS[:4]])
    urls["keyset"] = _keyset_urls(db)
    return urls


def _keyset_urls(db: Path) -> list[str]:
    """Deep pages read on from the key the page before ends with (the next links' ``after``)."""
    from newsgraph import query
    from newsgraph.store import connect

    conn = connect(db, readonly=True)
    try:
        out = []
        for offset in (20000, 5000):
            before = query.quotes(conn, limit=1, offset=offset - 1)
            out.append(f"/api/quotes?offset={offset}&after={quote(query.cursor(before[0]))}")
        before = query.quotes(conn, limit=1, offset=999, act="speech", unattributed="hide")
        out.append(f"/search?q=&offset=1000&after={quote(query.cursor(before[0]))}")
        arts = query.articles(conn, limit=1, offset=999)
        out.append(f"/articles?offset=1000&after={arts[0]['id']}")
        return out
    finally:
        conn.close()


def _get(conn: http.client.HTTPConnection, url: str) -> tuple[float, bool]:
    t0 = time.perf_counter()
    conn.request("GET", url)
    resp = conn.getresponse()
    resp.read()
    return (time.perf_counter() - t0) * 1000, resp.status != 200


Timing = tuple[float, float, float, int]
"""first (cold) request, p50, p95 (ms), requests that failed."""


def web(dbs: list[Path], n: int, only: list[str] | None = None) -> list[dict[str, Timing]]:
    """Every page kind (or those in ``only``) on every store, the stores' servers running side by
    side and each request sent to them in turn, so a load from other jobs falls on both alike."""
    servers = [web_timings.start(db, 3000) for db in dbs]
    urls = [page_urls(db, n) for db in dbs]
    out: list[dict[str, Timing]] = [{} for _ in dbs]
    for kind in (k for k in urls[0] if not only or k in only):
        conns = [http.client.HTTPConnection("127.0.0.1", port, timeout=30) for _, port in servers]
        firsts = [_get(c, u[kind][0])[0] for c, u in zip(conns, urls, strict=True)]
        for c, u in zip(conns, urls, strict=True):  # warm the pool and the page cache
            for url in u[kind][:3]:
                _get(c, url)
        times: list[list[float]] = [[] for _ in dbs]
        bad = [0 for _ in dbs]
        for j in range(n):
            for i, (c, u) in enumerate(zip(conns, urls, strict=True)):
                ms, failed = _get(c, u[kind][j % len(u[kind])])
                times[i].append(ms)
                bad[i] += failed
        for i, c in enumerate(conns):
            c.close()
            out[i][kind] = (firsts[i], statistics.median(times[i]), web_timings.p95(times[i]), bad[i])
    for server, _ in servers:
        server.should_exit = True
    return out


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli(dbs: list[Path], runs: int) -> list[dict[str, Timing]]:
    """The CLI's main queries, each run on every store in turn; also their median CPU time
    (``cpu <command>``: user + system, which other jobs' load leaves alone, where the wall clock
    of a 0.1 s process on a busy machine is mostly waiting for a core)."""
    exe = str(Path(sys.executable).with_name("newsgraph"))
    commands = {"cli people": ["people"], "cli person": ["person", "Blair"],
                "cli quotes --speaker": ["quotes", "--speaker", "Blair"]}
    # Bytecode cached, as an installed package has it (this machine's environment turns it off).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([exe, "--version"], env=env, capture_output=True, check=False)
    out: list[dict[str, Timing]] = [{} for _ in dbs]
    for name, args in commands.items():
        times: list[list[float]] = [[] for _ in dbs]
        cpu: list[list[float]] = [[] for _ in dbs]
        bad = [0 for _ in dbs]
        for _ in range(runs):
            for i, db in enumerate(dbs):
                t0, c0 = time.perf_counter(), _children_cpu()
                bad[i] += subprocess.run([exe, *args, "--db", str(db)], env=env, capture_output=True,
                                         check=False).returncode != 0
                times[i].append((time.perf_counter() - t0) * 1000)
                cpu[i].append((_children_cpu() - c0) * 1000)
        for i in range(len(dbs)):
            out[i][name] = (times[i][0], statistics.median(times[i]), web_timings.p95(times[i]), bad[i])
            out[i][f"cpu {name.removeprefix('cli ')}"] = (cpu[i][0], statistics.median(cpu[i]),
                                                         web_timings.p95(cpu[i]), bad[i])
    return out


def count(db: Path) -> int:
    with sqlite3.connect(db) as c:
        return int(c.execute("SELECT count(*) FROM quotes").fetchone()[0])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True, help="the real store (~30,000 quotations)")
    ap.add_argument("--out", type=Path, required=True, help="the replicated store to build (or reuse)")
    ap.add_argument("--copies", type=int, default=37)
    ap.add_argument("--reuse", action="store_true", help="time an --out built before")
    ap.add_argument("-n", type=int, default=20, help="requests per page kind")
    ap.add_argument("--cli-runs", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=1,
                    help="time everything this many times; print the median of each figure and of the "
                         "per-round p95 ratios, with their range")
    ap.add_argument("--only", nargs="+", metavar="KIND", help="time only these page kinds (e.g. quotations), no CLI")
    args = ap.parse_args()
    if not args.reuse:
        t0 = time.perf_counter()
        replicate(args.db, args.out, args.copies)
        print(f"built {args.out} in {time.perf_counter() - t0:.0f} s", flush=True)
    small, large = count(args.db), count(args.out)
    rounds: list[dict[str, list[Timing]]] = []
    for r in range(args.rounds):
        rows: dict[str, list[Timing]] = {}
        timed = [web([args.db, args.out], args.n, args.only)]
        if not args.only:
            timed.append(cli([args.db, args.out], args.cli_runs))
        for per_store in timed:
            for timings in per_store:
                for kind, v in timings.items():
                    rows.setdefault(kind, []).append(v)
        rounds.append(rows)
        if args.rounds > 1:
            print(f"round {r + 1}/{args.rounds}: load average {os.getloadavg()[0]:.1f}", flush=True)
    print(f"\n{'':<22}{f'{small:,} quotations':>30}{f'{large:,} quotations':>30}")
    print(f"{'page / command (ms)':<22}" + f"{'first':>10}{'p50':>10}{'p95':>10}" * 2 + f"{'p95 ratio':>11}"
          + (f"{'range':>12}" if args.rounds > 1 else "") + f"{'failed':>8}")
    for kind in rounds[0]:
        # round 1's cold first request; the median over rounds of p50, p95 and each round's own ratio
        a, b = ([rounds[0][kind][i][0], *(statistics.median(r[kind][i][k] for r in rounds) for k in (1, 2))]
                for i in (0, 1))
        ratios = sorted(r[kind][1][2] / max(r[kind][0][2], 0.01) for r in rounds)
        spread = f"{ratios[0]:.1f}–{ratios[-1]:.1f}" if args.rounds > 1 else ""
        failed = sum(r[kind][1][3] for r in rounds)
        print(f"{kind:<22}" + "".join(f"{x:>10.1f}" for x in (*a, *b)) + f"{statistics.median(ratios):>11.1f}"
              + (f"{spread:>12}" if args.rounds > 1 else "") + f"{failed:>8}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
