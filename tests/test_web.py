"""`newsgraph serve`: every page and /api route over a real ingested store, escaping, bad input, no writes."""

from __future__ import annotations

import hashlib
import html
import re
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph import query
from newsgraph.model import Article, Entity, Event, Paragraph, Quote, Speaker, TimeExpression
from newsgraph.run import ingest
from newsgraph.store import StoreError, connect
from newsgraph.web import create_app
from newsgraph.web.markup import article_html, highlight_html

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

FIX = Path(__file__).parent / "fixtures"
EVIL_NAME = 'evil"><img src=x onerror=alert(3)>.txt'
EVIL_TEXT = """Mayor <script>alert(1)</script> denies "><img src=x onerror=alert(1)> claims

Mayor John Smith said on Monday that the reports were false.

"<b>Bold</b> lies <script>alert('quote')</script> are being spread about this city," John Smith told reporters in Springfield.

"Nothing <img src=x onerror=alert(2)> happened here," said Smith, who has been mayor since 2015.
"""
RAW_ATTACKS = ("<script>alert", "<img src=x", "<b>Bold</b>")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    (folder / EVIL_NAME).write_text(EVIL_TEXT, encoding="utf-8")
    path = folder / "web.db"
    report = ingest([FIX / "moscow8.txt", folder / EVIL_NAME], path)
    assert report.stored == 2, report.summary()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def ids(db: Path) -> dict[str, int]:
    conn = connect(db, readonly=True)
    found = {"seed": query.find_article_id(conn, "moscow8.txt"), "evil": query.find_article_id(conn, EVIL_NAME)}
    conn.close()
    assert None not in found.values()
    return found  # type: ignore[return-value]


@pytest.fixture(scope="module")
def keys(db: Path, ids: dict[str, int]) -> dict[str, str]:
    conn = connect(db, readonly=True)
    found = {name: query.key_of(conn, i) for name, i in ids.items()}
    conn.close()
    return found  # type: ignore[return-value]


def page(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    if url.startswith("/api") or url == "/openapi.json":
        assert r.headers["content-type"].startswith("application/json")
    else:
        assert r.headers["content-type"].startswith("text/html")
    return r.text


class _Checker(HTMLParser):
    """Balanced tags, no <a> inside <a>, and no tag or attribute an article could have injected."""

    VOID = {"meta", "link", "input", "br", "img", "line", "rect", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and "a" in self.stack:
            self.problems.append("nested <a>")
        if tag in ("img", "iframe") or any(k.startswith("on") for k, _ in attrs):
            self.problems.append(f"injected <{tag} {attrs}>")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img" or any(k.startswith("on") for k, _ in attrs):
            self.problems.append(f"injected <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def assert_clean_html(text: str) -> None:
    for raw in RAW_ATTACKS:
        assert raw not in text, raw
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert not checker.problems, checker.problems[:5]
    assert checker.stack == [], checker.stack
    scripts = re.findall(r"<script\b[^>]*>", text)
    assert all('src="/static/' in s or 'type="application/json"' in s for s in scripts), scripts


# --- pages ------------------------------------------------------------------------------------------


def test_overview_counts_speakers_places_articles(client: TestClient) -> None:
    text = page(client, "/")
    assert_clean_html(text)
    assert re.search(r"<b>2</b> articles", text)
    assert 'href="/person/Lee%20Seung-min"' in text
    assert ">Moscow</a>" in text and "Recent articles" in text


def test_article_page_marks_quotes_speakers_entities_headings(client: TestClient, keys: dict[str, str]) -> None:
    text = page(client, f"/article/{keys['seed']}")
    assert_clean_html(text)
    # a quote the extractor attributes correctly, highlighted in the speaker's colour and linked to them
    m = re.search(r'<mark class="q (s\d) k-direct"[^>]*data-speaker="Lee Seung-min"[^>]*>This movie shows', text)
    assert m, "Lee Seung-min's quote is not highlighted"
    colour = m.group(1)
    assert f'<a class="who {colour}" href="/person/Lee%20Seung-min">Lee Seung-min</a>' in text
    assert re.search(rf'<a class="spk {colour}"[^>]*href="/person/Lee%20Seung-min"', text), "speaker mention"
    assert f'<span class="swatch {colour}"></span>' in text  # legend uses the same colour
    assert 'class="ent place"' in text and 'class="ent person"' in text
    assert '<span class="boiler"' in text and "###" in text
    assert text.count('<mark class="q ') >= 11
    assert 'id="ev-0"' in text and 'href="#ev-0"' in text  # the timeline beside the text links into it
    assert f'href="/timeline?article={keys["seed"]}"' in text and f'href="/api/articles/{keys["seed"]}"' in text


def test_articles_are_addressed_by_a_stable_key_and_old_ids_redirect(client: TestClient, ids: dict[str, int],
                                                                      keys: dict[str, str]) -> None:
    art = client.get(f"/api/articles/{keys['seed']}").json()
    assert art["key"] == keys["seed"] == art["hash"][:16] and art["id"] == ids["seed"]  # the content hash: rebuild-proof
    for prefix in ("", "/api"):
        moved = client.get(f"{prefix}/article{'s' if prefix else ''}/{ids['seed']}", follow_redirects=False)
        assert moved.status_code == 307 and moved.headers["location"].endswith(f"/{keys['seed']}")
    listed = page(client, "/articles")
    assert f'href="/article/{keys["seed"]}"' in listed and f'href="/article/{ids["seed"]}"' not in listed
    assert {a["key"] for a in client.get("/api/articles").json()["items"]} >= set(keys.values())


def test_article_headings_render_as_headings(client: TestClient, tmp_path: Path) -> None:
    src = tmp_path / "h.txt"
    src.write_text("A title line\n\nFirst paragraph about Paris.\n\nA Heading\n\n\u201cIt works,\u201d Ann Lee said.\n")
    db = tmp_path / "h.db"
    ingest([src], db)
    conn = connect(db, readonly=True)
    art = query.load_article(conn, query.find_article_id(conn, "h.txt"))
    headings = [art.span_text(s) for s in art.headings]
    assert headings, "the reader found no heading"
    body = str(article_html(art))
    for h in headings:
        assert re.search(rf"<h2( class=\"title-line\")?>{re.escape(html.escape(h, quote=False))}</h2>", body), h
    if art.title == "A title line":  # the title opening the text is not a second big heading
        assert '<h2 class="title-line">A title line</h2>' in body


def test_person_page_quotes_coquoted_timeline(client: TestClient) -> None:
    text = page(client, "/person/Lee%20Seung-min")
    assert_clean_html(text)
    assert "<h1>Lee Seung-min</h1>" in text
    assert "This movie shows the lives of North Koreans" in text
    assert "Mentioned with" in text and "Timeline" in text
    assert 'href="/search?person=Lee%20Seung-min"' in text and 'href="/timeline?person=Lee%20Seung-min"' in text
    kim = page(client, "/person/" + quote("Kim Il Sung"))
    assert "Also called" in kim and "Kim" in kim
    assert 'class="chart"' in kim or "No dated events" in kim


def test_search_highlights_and_filters(client: TestClient, ids: dict[str, int], keys: dict[str, str]) -> None:
    text = page(client, "/search?q=cinema")
    assert_clean_html(text)
    assert "<mark>cinema</mark>" in text
    assert "<mark>" not in page(client, "/search?q=cinem")  # whole words ...
    assert "<mark>cinema</mark>" in page(client, "/search?q=cinem*")  # ... unless asked for a prefix
    only_lee = page(client, "/search?speaker=Lee+Seung")
    assert "This movie shows" in only_lee and "Han was very much torn" not in only_lee
    by_article = page(client, f"/search?article={ids['evil']}").split('id="results"')[1]
    linked = set(re.findall(r'href="/article/([0-9a-f]{16})#q\d+"', by_article))
    assert linked == {keys["evil"]}
    assert "No quotations match" in page(client, "/search?q=cinema&date_from=2100")
    assert "No quotations match" in page(client, "/search?q=zzzzzzzz")
    page(client, "/search?q=&speaker=&article=&date_from=&date_to=&kind=")  # an empty form is no filter
    page(client, "/search?kind=direct&offset=50")


def test_timeline_chart_and_filters(client: TestClient) -> None:
    text = page(client, "/timeline")
    assert_clean_html(text)
    assert '<svg class="chart"' in text and "1952" in text
    assert 'href="/timeline?date_from=1952&amp;date_to=1952"' in text
    one_year = page(client, "/timeline?date_from=1952&date_to=1952")
    assert "1952" in one_year and "1937" not in one_year.split("<h2>Events")[1]
    # filters: an event naming a place/person is found by that place/person, one that does not is not
    events = client.get("/api/timeline").json()["items"]
    with_place = next(e for e in events if e["places"])
    place = with_place["places"][0]
    by_place = client.get("/api/timeline", params={"place": place}).json()["items"]
    assert with_place["id"] in {e["id"] for e in by_place} and len(by_place) < len(events)
    assert html.escape(with_place["text"], quote=False) in page(client, "/timeline?place=" + quote(place))
    by_person = client.get("/api/timeline", params={"person": "Kim Il Sung"}).json()["items"]
    assert by_person and all("Kim Il Sung" in e["participants"] or "Kim" in e["text"] for e in by_person)
    assert len(by_person) < len(events)


def test_map_lists_places_as_html_and_embeds_safe_json(client: TestClient) -> None:
    text = page(client, "/map?place=Moscow")
    assert_clean_html(text)
    assert '<script src="/static/vendor/leaflet/leaflet.js"></script>' in text
    assert 'href="/static/vendor/leaflet/leaflet.css"' in text
    assert '<table class="list wide" id="place-list">' in text
    assert re.search(r'class="sel" id="selected"><td>(<a [^>]*>)?Moscow(</a>)?</td>', text)
    listed = text.split('id="place-list"')[1]
    assert re.search(r"<td>(<a [^>]*>)?Springfield(</a>)?</td>", listed)
    unlocated = re.findall(r"<tr><td>(?:<a [^>]*>)?([^<]+)(?:</a>)?</td>(?:(?!</tr>).)*unknown</span>", listed, re.S)
    assert unlocated, "places without coordinates are listed too"
    data = re.search(r'<script id="places-data" type="application/json">(.*?)</script>', text, re.S)
    assert data and "</" not in data.group(1)


def test_lists_and_static_files(client: TestClient) -> None:
    assert "moscow8.txt" in page(client, "/articles")
    assert 'href="/person/Kim%20Il%20Sung"' in page(client, "/people")
    assert "Lee Seung-min" in page(client, "/people?name=Lee")
    for path in ("/static/style.css", "/static/map.js", "/static/vendor/leaflet/leaflet.js",
                 "/static/vendor/leaflet/images/marker-icon.png", "/static/vendor/swagger-ui/swagger-ui-bundle.js"):
        assert client.get(path).status_code == 200, path


def test_no_cdn_anywhere(client: TestClient, ids: dict[str, int]) -> None:
    """Pages work offline: every script and stylesheet is served by the app itself."""
    for url in ("/", f"/article/{ids['seed']}", "/search?q=film", "/timeline", "/map", "/docs", "/people"):
        text = client.get(url).text
        for ref in re.findall(r'(?:src|href)="([^"]+)"', text):
            assert not ref.startswith(("http:", "https:", "//")) or "/article/" in url, (url, ref)
        assert "cdn" not in text.lower(), url
    web = Path(__file__).parent.parent / "newsgraph" / "web"
    for f in [*web.glob("templates/*.html"), web / "static" / "map.js", web / "static" / "style.css"]:
        urls = re.findall(r"https?://[^\s\"')]+", f.read_text(encoding="utf-8"))
        assert all(u.startswith("https://tile.openstreetmap.org/") for u in urls), (f.name, urls)


# --- escaping ---------------------------------------------------------------------------------------


def test_untrusted_text_is_escaped_on_every_page(client: TestClient, ids: dict[str, int]) -> None:
    urls = ["/", "/articles", f"/article/{ids['evil']}", "/search?q=Bold", "/search?q=nothing",
            f"/search?article={ids['evil']}", "/person/" + quote("John Smith"), "/timeline", "/timeline?place=Springfield",
            "/map", "/people", "/search?q=" + quote("<script>alert(1)</script>"),
            "/people?name=" + quote('"><img src=x onerror=alert(1)>'), "/person/" + quote("<script>x</script>")]
    for url in urls:
        r = client.get(url)
        assert r.status_code in (200, 404), url
        assert_clean_html(r.text)
    art = page(client, f"/article/{ids['evil']}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in art
    assert "&lt;b&gt;Bold&lt;/b&gt;" in art
    assert "&lt;img src=x onerror=alert(2)&gt;" in art
    search = page(client, "/search?q=Bold")
    assert "&lt;b&gt;<mark>Bold</mark>&lt;/b&gt;" in search


def test_untrusted_text_in_api_is_json_not_html(client: TestClient, ids: dict[str, int]) -> None:
    art = client.get(f"/api/articles/{ids['evil']}")
    assert art.headers["content-type"] == "application/json"
    assert art.headers["x-content-type-options"] == "nosniff"
    body = art.json()
    assert "<script>alert(1)</script>" in body["text"]  # data as it is, for a client to escape
    assert body["document"] == EVIL_NAME
    hits = client.get("/api/quotes", params={"search": "bold"}).json()["items"]
    assert hits and "[[Bold]]" in hits[0]["highlighted"]


def test_pages_send_a_strict_content_security_policy(client: TestClient) -> None:
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp


def test_highlight_escapes_before_marking() -> None:
    out = str(highlight_html('say [[<b>]] "x" & ]]y'))
    assert out == 'say <mark>&lt;b&gt;</mark> "x" &amp; </mark>y'.replace("</mark>y", "</mark>y")
    assert "<b>" not in out


# --- API --------------------------------------------------------------------------------------------


def test_api_routes(client: TestClient, ids: dict[str, int]) -> None:
    assert client.get("/api/stats").json()["articles"] == 2
    ov = client.get("/api/overview").json()
    assert {"stats", "top_speakers", "top_places", "recent_articles"} <= ov.keys()
    assert len(client.get("/api/articles?limit=1").json()["items"]) == 1
    art = client.get(f"/api/articles/{ids['seed']}").json()
    assert art["id"] == ids["seed"] and art["document"] == "moscow8.txt" and len(art["quotes"]) >= 11
    q = next(q for q in art["quotes"] if q["speaker"]["name"] == "Lee Seung-min")
    s, e = q["content_spans"][0]
    assert art["text"][s:e].startswith("This movie shows")
    assert any(p["name"] == "Kim Il Sung" for p in client.get("/api/people").json()["items"])
    person = client.get("/api/people/" + quote("Lee Seung-min")).json()
    assert person["quotes"] >= 1 and person["quotations"] and "co_mentioned" in person and "timeline" in person
    assert client.get("/api/quotes", params={"speaker": "Lee Seung-min"}).json()["items"]
    assert all(r["article_id"] == ids["evil"] for r in client.get(f"/api/quotes?article={ids['evil']}").json()["items"])
    tl = client.get("/api/timeline", params={"date_from": "1950", "date_to": "1959"}).json()
    assert tl["items"] and all("1950" <= e["date"][:4] <= "1959" for e in tl["items"])
    assert {c["year"] for c in tl["per_year"]} <= {str(y) for y in range(1950, 1960)}
    places = client.get("/api/places").json()["items"]
    assert {"name", "mentions", "articles", "lat", "lon"} <= places[0].keys()
    assert any(p["name"] == "Springfield" for p in places)


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for route in ("/api/stats", "/api/overview", "/api/articles", "/api/articles/{key}", "/api/people",
                  "/api/people/{name}", "/api/quotes", "/api/timeline", "/api/places"):
        assert route in paths, route
        assert spec["paths"][route]["get"].get("summary"), route
    assert not any(not p.startswith("/api/") for p in paths), "pages are not part of the API schema"
    docs = page(client, "/docs")
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "/openapi.json" in docs


# --- bad input, limits, read-only ---------------------------------------------------------------------


@pytest.mark.parametrize(("url", "status"), [
    ("/article/999999", 404), ("/article/abc", 400), ("/article/0", 404), ("/article/99999999999999999999999", 400),
    ("/person/Nobody%20Here", 404), ("/search?date_from=yesterday", 400), ("/search?kind=rumour", 400),
    ("/search?offset=-1", 400), ("/search?article=nope", 404), ("/search?article=%C2%B2", 404),
    ("/timeline?article=99999999999999999999999", 404), ("/timeline?date_to=2020-13-45x", 400),
    ("/search?q=" + "x" * 400, 400), ("/nowhere", 404),
    ("/api/articles/999999", 404), ("/api/articles/-5", 422), ("/api/quotes?limit=0", 422),
    ("/api/quotes?limit=100000", 422), ("/api/quotes?date_from=05/06/2020", 422), ("/api/people/Nobody", 404),
    ("/api/timeline?article=nope", 404), ("/api/nowhere", 404),
])
def test_bad_parameters_are_4xx_with_a_message(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:200])
    if url.startswith("/api"):
        assert r.json()["detail"]
    else:
        assert 'class="error"' in r.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=40), param=st.sampled_from(["q", "speaker", "article", "date_from", "kind", "person",
                                                          "place", "name", "offset"]))
def test_any_parameter_value_is_never_a_server_error(client: TestClient, value: str, param: str) -> None:
    for path in ("/search", "/timeline", "/people", "/api/quotes", "/api/timeline", "/api/places"):
        r = client.get(path, params={param: value})
        assert r.status_code < 500, (path, param, value, r.status_code, r.text[:200])


def test_nothing_writes(client: TestClient, db: Path, ids: dict[str, int]) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/articles").status_code == 405
        assert getattr(client, method)(f"/article/{ids['seed']}").status_code == 405
    for url in ("/", f"/article/{ids['seed']}", "/search?q=film", "/timeline", "/map", "/api/overview"):
        client.get(url)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_slow_query_is_stopped_with_503(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsgraph.web.db.PROGRESS_STEPS", 1)
    with TestClient(create_app(db, timeout_ms=0), raise_server_exceptions=False) as slow:
        r = slow.get("/search?q=cinema")
        assert r.status_code == 503 and "longer than 0 ms" in r.text
        assert slow.get("/api/overview").status_code == 503
        assert slow.get("/static/style.css").status_code == 200


def test_missing_or_foreign_store_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "none.db")
    other = tmp_path / "other.db"
    import sqlite3

    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(StoreError, match="another program"):
        create_app(other)


def test_serve_command_is_registered_and_checks_its_db(db: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    from newsgraph.cli import main
    from newsgraph.cli.web import is_loopback

    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.db" in err[0] and "no such database" in err[0]
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--db", str(db), "--port", str(port)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == f"newsgraph: error: cannot listen on 127.0.0.1:{port} (Address already in use); try another --port"
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


# --- article markup as a property: text preserved, tags balanced --------------------------------------

_TEXT = st.text(alphabet=st.sampled_from(list("ab <>&\"'“”\n")), min_size=1, max_size=60)


@st.composite
def _articles(draw: st.DrawFn) -> Article:
    text = draw(_TEXT)
    n = len(text)
    span = st.tuples(st.integers(0, n), st.integers(0, n)).map(lambda t: (min(t), max(t))).filter(lambda t: t[0] < t[1])
    art = Article(text=text)
    cuts = sorted(set(draw(st.lists(st.integers(0, n), max_size=4))) | {0, n})
    art.paragraphs = [Paragraph(a, b, draw(st.sampled_from(["text", "heading"])))
                      for a, b in zip(cuts, cuts[1:], strict=False) if a < b and draw(st.booleans())]
    art.boilerplate = draw(st.lists(span, max_size=2))
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from([None, "Ann <Lee>", 'Bo "B"']))
        spans = sorted(draw(st.lists(span, min_size=1, max_size=2)))  # discontinuous content too
        art.quotes.append(Quote(spans, draw(st.sampled_from(["direct", "mixed", "indirect"])),
                                Speaker(name, draw(st.none() | span), None)))
    for _ in range(draw(st.integers(0, 3))):
        art.entities.append(Entity(draw(st.sampled_from(["X&Y", "Paris"])), draw(st.sampled_from(["PERSON", "GPE", "ORG"])),
                                   draw(st.lists(span, max_size=2))))
    art.times = [TimeExpression(s, "t", "2001", "absolute") for s in draw(st.lists(span, max_size=2))]
    art.timeline = [Event("2001", "e", s) for s in draw(st.lists(span, max_size=2))]
    return art


@settings(max_examples=200, deadline=None)
@given(art=_articles())
def test_article_markup_keeps_every_character_and_balances_tags(art: Article) -> None:
    out = str(article_html(art))
    checker = _Checker()
    checker.feed(out)
    checker.close()
    assert not checker.problems and checker.stack == [], (checker.problems, checker.stack, out)
    without_badges = re.sub(r'<(a|span) class="who[^"]*"[^>]*>.*?</\1>', "", out)
    shown = html.unescape(re.sub(r"<[^>]+>", "", without_badges))
    assert "".join(shown.split()) == "".join(art.text.split())


def test_chart_axis_continuous_then_years_then_decades() -> None:
    from newsgraph.web.chart import bucket, year_chart

    counts = [{"year": "1950", "events": 2}, {"year": "1953", "events": 1}]
    near = bucket(counts)
    assert [(s[0], s[3]) for s in near] == [("1950", 2), ("1951", 0), ("1952", 0), ("1953", 1)]
    far = bucket([{"year": "1300", "events": 1}, {"year": "2004", "events": 9}])
    assert [s[0] for s in far] == ["1300", "2004"]
    many = bucket([{"year": str(y), "events": 1} for y in range(1000, 2000, 10)])
    assert many[0][:3] == ("1000s", "1000", "1009") and len(many) == 100
    svg = str(year_chart(counts, lambda lo, hi: f"/timeline?date_from={lo}&date_to={hi}"))
    assert svg.count('<rect class="bar"') == 2 and "date_from=1950&amp;date_to=1950" in svg


def test_cached_aggregates_follow_new_ingests(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("One\n\n\u201cWe will win,\u201d said Ann Lee in Paris.\n", encoding="utf-8")
    second.write_text("Two\n\n\u201cWe lost,\u201d said Bo Chan in Rome.\n", encoding="utf-8")
    db = tmp_path / "c.db"
    ingest([first], db)
    with TestClient(create_app(db)) as c:
        assert c.get("/api/stats").json()["articles"] == 1
        assert c.get("/api/stats").json()["articles"] == 1  # served from the cache
        ingest([second], db)
        assert c.get("/api/stats").json()["articles"] == 2
        assert "<b>2</b> articles" in c.get("/").text


def test_pooled_connections_cannot_write(db: Path) -> None:
    import sqlite3

    from newsgraph.web.db import ReadOnlyStore

    store = ReadOnlyStore(db)
    with store.connection() as conn:
        for sql in ("CREATE TABLE x(y)", "DELETE FROM quotes", "UPDATE articles SET title = 'x'"):
            with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only|attempt to write"):
                conn.execute(sql)
    store.close()


def test_damaged_store_is_a_503_that_says_so(db: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "damaged.db"
    shutil.copy(db, copy)  # ingest closed its connection: the WAL is checkpointed into the main file
    with closing(sqlite3.connect(copy)) as conn:  # the pages of article and quotation rows, schema intact
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name IN ('articles', 'quotes')")]
    data = bytearray(copy.read_bytes())
    for n in pages:
        data[(n - 1) * size:n * size] = b"\xab" * size
    copy.write_bytes(bytes(data))
    with TestClient(create_app(copy), raise_server_exceptions=False) as c:
        responses = [c.get(u) for u in ("/", "/article/1", "/article/2", "/search?q=cinema", "/timeline", "/map",
                                         "/people", "/api/quotes", "/api/places", "/api/articles/1")]
    assert not [r for r in responses if r.status_code >= 500 and r.status_code != 503]
    assert any(r.status_code == 503 and "damaged" in r.text for r in responses)


def test_timeline_events_are_paged_with_a_total_and_downloads(client: TestClient) -> None:
    total = client.get("/api/timeline").json()["total"]
    text = page(client, "/timeline")
    assert f"1–{min(total, 500)} of {total}" in text and 'href="/api/timeline?format=csv"' in text
    one_year = page(client, "/timeline?date_from=1952&date_to=1952")
    assert 'href="/api/timeline?date_from=1952&amp;date_to=1952&amp;format=csv"' in one_year
    assert 'id="past-end"' in page(client, "/timeline?offset=100000")


def test_a_nested_quotation_names_the_quotation_it_is_inside(client: TestClient, keys: dict[str, str]) -> None:
    """Lenin's words, reported inside Kim So-young's quotation, are linked to it, not listed as if apart."""
    lenin = page(client, "/search?speaker=Lenin").split('id="results"')[1]
    nested = re.search(r'<a class="nested" href="/article/([0-9a-f]{16})#q(\d+)">↳ inside a quotation by ([^<]+)</a>',
                       lenin)
    assert nested is not None and nested.group(1) == keys["seed"] and nested.group(3) == "Kim So-young"
    assert f'id="q{nested.group(2)}"' in page(client, f"/article/{keys['seed']}")
    assert 'class="nested"' not in page(client, "/search?speaker=Lee+Seung")


def test_a_bare_fragment_is_listed_in_quotation_marks(client: TestClient) -> None:
    """A mixed quotation stored as the speaker's words alone reads as words in marks, not as paraphrase."""
    listed = page(client, "/search?speaker=Kim+Chong+Hun&kind=mixed").split('id="results"')[1]
    assert re.search(r'partly quoted <span class="cue">via “[a-z ]+”</span>:</span> “considered the best kind of Communist back in the North”', listed)
