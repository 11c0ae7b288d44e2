"""`newsgraph serve` in a real browser (Debian chromium driven by Playwright), with screenshots.

Screenshots go to test-artifacts/web-*.png. Skipped with a reason when /usr/bin/chromium is absent
(CI's .ci/run installs it).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

from newsgraph.run import ingest

CHROMIUM = Path("/usr/bin/chromium")
FIX = Path(__file__).parent / "fixtures"
EVIL = 'Title <script>alert(1)</script>\n\n"<img src=x onerror=alert(2)> is here," said Ann Lee.\n'

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium "
                                                     "(apt-get install chromium; CI's .ci/run installs it)"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, int]]]:
    from newsgraph import query
    from newsgraph.store import connect

    folder = tmp_path_factory.mktemp("browser")
    (folder / "evil.txt").write_text(EVIL, encoding="utf-8")
    db = folder / "web.db"
    ingest([FIX / "moscow8.txt", folder / "evil.txt"], db)
    conn = connect(db, readonly=True)
    ids = {"seed": query.find_article_id(conn, "moscow8.txt"), "evil": query.find_article_id(conn, "evil.txt")}
    conn.close()
    with _serving(db) as base:
        yield base, ids  # type: ignore[misc]


@contextmanager
def _serving(db: Path) -> Iterator[str]:
    """`newsgraph serve` over ``db`` on a free loopback port, for the duration of the block."""
    import uvicorn

    from newsgraph.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def dated_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store of dated articles by outlet (what attention and who-is-quoted are about)."""
    from newsgraph.model import Article, Entity, Quote, Speaker
    from newsgraph.store import connect, store_articles

    arts = []
    for i in range(24):
        who = "Ann Lee" if i % 3 else "Bo Chan"
        said = f"The harbour plan, part {i}"
        text = f"\u201c{said},\u201d {who} said."
        s, at = text.index(said), text.index(who, 2)
        art = Article(text=text, document=f"d{i}.txt", published=f"2021-{1 + i // 4:02}-{1 + i % 4 * 7:02}",
                      outlet="Daily" if i % 2 else "Weekly")
        art.entities.append(Entity(who, "PERSON", [(at, at + len(who))], aliases=["Ms. Lee"] if i % 3 else []))
        art.quotes.append(Quote([(s, s + len(said))], "direct", Speaker(who, (at, at + len(who)))))
        arts.append(art)
    db = tmp_path_factory.mktemp("dated") / "dated.db"
    conn = connect(db)
    store_articles(conn, arts)
    conn.close()
    with _serving(db) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator:  # type: ignore[type-arg]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # offline except for the app itself: proves nothing needs a CDN (map tiles simply do not load)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
                  else route.abort())
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
    yield pg
    context.close()


def test_article_page_highlights_and_attributes_quotes(server, page, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    base, ids = server
    page.goto(f"{base}/article/{ids['seed']}")
    quotes = page.locator("mark.q")
    assert quotes.count() >= 11
    lee = page.locator('mark.q[data-speaker="Lee Seung-min"]')
    assert lee.count() >= 1
    assert lee.first.inner_text().startswith("This movie shows the lives of North Koreans")
    # highlighted: a visible background colour, the same as the speaker's swatch in the legend
    colour = lee.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    swatch = page.locator(".legend li", has_text="Lee Seung-min").locator(".swatch")
    assert swatch.evaluate("e => getComputedStyle(e).backgroundColor") == colour
    # quotes by speakers of different colour classes look different (the palette has 8 colours,
    # so a ninth speaker shares the first one's)
    lee_class = next(c for c in (lee.first.get_attribute("class") or "").split() if c.startswith("s"))
    others = page.locator(f"mark.q.k-direct:not([data-speaker='Lee Seung-min']):not(.s-none):not(.{lee_class})")
    if others.count():
        assert others.first.evaluate("e => getComputedStyle(e).backgroundColor") != colour
    badge = page.locator("a.who", has_text="Lee Seung-min").first
    assert badge.is_visible()
    assert page.locator("h1").first.is_visible()
    assert page.locator(".side h2", has_text="Timeline").is_visible()
    assert page.locator(".boiler").first.evaluate("e => parseFloat(getComputedStyle(e).opacity)") < 1
    page.screenshot(path=str(artifacts / "web-article.png"), full_page=False)
    lee.first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "web-article-quote.png"))
    badge.click()
    page.wait_for_url(f"**/person/{quote('Lee Seung-min')}")
    assert page.locator("h1").inner_text() == "Lee Seung-min"
    assert page.locator(".quote-item blockquote", has_text="This movie shows").count() == 1
    page.screenshot(path=str(artifacts / "web-person.png"), full_page=True)
    assert not page.errors and not page.dialogs


def test_search_from_the_header(server, page, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    base, _ = server
    page.goto(base + "/")
    page.screenshot(path=str(artifacts / "web-overview.png"), full_page=True)
    page.fill("header .quick input[name=q]", "cinema")
    page.press("header .quick input[name=q]", "Enter")
    page.wait_for_url("**/search?q=cinema")
    marks = page.locator("#results blockquote mark")
    assert marks.count() >= 1
    assert all(t.lower().startswith("cinema") for t in marks.all_inner_texts())
    page.screenshot(path=str(artifacts / "web-search.png"), full_page=True)
    page.fill("form.filters input[name=speaker]", "Lee Seung")
    page.click("form.filters button")
    page.wait_for_load_state()
    assert "speaker=Lee+Seung" in page.url
    assert page.locator("#results .quote-item").count() == 0 or all(
        "Lee Seung-min" in t for t in page.locator("#results .meta").all_inner_texts())
    assert not page.errors


def test_timeline_and_map_work_offline(server, page, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    base, _ = server
    page.goto(base + "/timeline")
    bars = page.locator("svg.chart rect.bar")
    assert bars.count() >= 3
    page.screenshot(path=str(artifacts / "web-timeline.png"), full_page=True)
    bars.first.click()
    page.wait_for_url("**date_from=*")
    assert page.locator("ol.events li").count() >= 1
    page.goto(base + "/map")
    assert page.locator("#map.leaflet-container").count() == 1, "Leaflet (vendored) did not start"
    assert page.locator("#place-list tbody tr").count() >= 5
    markers = page.locator("path.leaflet-interactive")
    located = page.evaluate("JSON.parse(document.getElementById('places-data').textContent).places.length")
    assert markers.count() == located
    page.screenshot(path=str(artifacts / "web-map.png"), full_page=True)
    assert not page.errors


def test_map_draws_country_outlines_offline_and_links_places(server, page, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    """With every request but the app's own blocked (the page fixture), the map shows the vendored
    country outlines, asks for no tile, and a marker's popup leads to the place page."""
    base, _ = server
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
    page.goto(base + "/map")
    page.wait_for_selector("#map.outlines-ready")
    outlines = page.locator(".leaflet-outlines-pane path")
    assert outlines.count() > 150, "country outlines (Natural Earth, vendored) not drawn"
    box = outlines.first.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    assert page.locator(".leaflet-tile").count() == 0 and not outside, outside  # tiles are opt-in
    page.screenshot(path=str(artifacts / "web-map-outlines.png"))
    data = page.evaluate("JSON.parse(document.getElementById('places-data').textContent)")
    moscow = next(i for i, p in enumerate(data["places"]) if p["name"] == "Moscow")
    page.locator(".leaflet-overlay-pane path.leaflet-interactive").nth(moscow).click(force=True)
    page.locator(".leaflet-popup a.place-link").click()
    page.wait_for_url("**/place/Moscow")
    assert page.locator("h1").inner_text() == "Moscow"
    assert page.locator("#place-articles tbody tr a[href^='/article/']").count() >= 1
    page.wait_for_selector("#map.outlines-ready")
    assert page.locator(".leaflet-outlines-pane path").count() > 150
    page.screenshot(path=str(artifacts / "web-place.png"), full_page=True)
    assert not outside and not page.errors, (outside, page.errors)


def test_hostile_article_runs_no_script(server, page, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    base, ids = server
    for url in (f"/article/{ids['evil']}", "/search?q=here", "/", "/articles", "/person/Ann%20Lee"):
        page.goto(base + url)
    page.goto(f"{base}/article/{ids['evil']}")
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert page.locator("article img").count() == 0
    page.screenshot(path=str(artifacts / "web-hostile.png"))
    assert page.dialogs == [] and not page.errors


def test_api_docs_render_offline(server, page, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    base, _ = server
    page.goto(base + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/quotes" in p for p in paths) and any("/api/articles/{key}" in p for p in paths)
    page.screenshot(path=str(artifacts / "web-docs.png"))
    assert not page.errors


def test_facets_sorting_and_csv_download(server, page, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    """A researcher's loop: search with the syntax, narrow by a facet, sort a table, download the view."""
    import csv
    import io

    base, _ = server
    page.goto(base + '/search?q="North Koreans" OR cinema')
    total = int(page.locator("#total").inner_text())
    assert total >= 1 and page.locator("#facets .facet").count() >= 2
    page.screenshot(path=str(artifacts / "web-search-facets.png"), full_page=True)
    kind = page.locator('#facets [data-facet="kind"] a').first
    kind_name, kind_count = kind.inner_text(), int(kind.locator("xpath=..").locator(".count").inner_text())
    kind.click()
    page.wait_for_url(f"**kind={kind_name}**")
    assert int(page.locator("#total").inner_text()) == kind_count
    assert all(k == kind_name for k in page.locator("#results .kind").all_inner_texts())
    with page.expect_download() as info:
        page.click("a.dl-csv")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == kind_count and {r["kind"] for r in rows} == {kind_name}

    page.goto(base + "/people")
    header = page.locator('th a.sort[data-column="name"]')
    header.click()
    page.wait_for_url("**/people?sort=name")
    names = page.locator("#people-list tbody td:first-child a").all_inner_texts()
    assert names == sorted(names, key=str.casefold) and len(names) >= 3
    assert page.locator('th[aria-sort="ascending"]').inner_text().startswith("Name")
    page.locator('th a.sort[data-column="name"]').click()
    page.wait_for_url("**/people?sort=name&desc=true")
    again = page.locator("#people-list tbody td:first-child a").all_inner_texts()
    assert again == sorted(names, key=str.casefold, reverse=True)
    assert "of" in page.locator("#range").inner_text()
    page.screenshot(path=str(artifacts / "web-people.png"), full_page=False)
    assert not page.errors and not page.dialogs


def test_search_syntax_and_attention_chart(server, dated_server, page, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    """Whole words unless asked for a prefix, phrases as phrases; the attention chart's bars lead
    to that month's quotations, and its data table has the same numbers."""
    base, _ = server
    page.goto(base + "/search?q=cinem")
    assert page.locator("#results .quote-item").count() == 0
    page.goto(base + "/search?q=cinem*")
    assert page.locator("#results blockquote mark").count() >= 1
    page.goto(base + '/search?q="North Koreans"')
    marks = page.locator("#results blockquote mark").all_inner_texts()
    assert marks and set(marks) == {"North Koreans"}

    page.goto(dated_server + "/person/Ann%20Lee")
    chart = page.locator("svg.chart.attention")
    assert chart.is_visible()
    bars = page.locator("svg.chart.attention a rect.bar.quotes")  # the legend has one too
    assert bars.count() == 6  # one per month, January to June
    page.locator("#attention details summary").click()
    cells = page.locator("#attention table.attention-data tbody tr").first.locator("td").all_inner_texts()
    assert cells[0] == "2021-01"
    page.screenshot(path=str(artifacts / "web-attention.png"), full_page=False)
    page.locator("svg.chart.attention a").nth(1).click()  # the quotations bar of January
    page.wait_for_url("**/search?person=Ann+Lee&date_from=2021-01&date_to=2021-01")
    assert page.locator("#total").inner_text() == cells[2]
    page.goto(dated_server + "/who?by=outlet")
    assert page.locator("#who-table tbody tr").count() == 2
    assert "100.0%" in page.locator("#who-table tbody tr").first.locator(".share-female").inner_text()
    page.screenshot(path=str(artifacts / "web-who.png"), full_page=False)
    assert not page.errors and not page.dialogs
