"""The place page (/place/{name}) over a small invented store: facts, the articles and the
quotations naming the place, paging, links from the lists and the map, the offline base layer."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsgraph.model import Article, Entity, Quote, Speaker
from newsgraph.web import create_app

PORT_TOWN = {"lat": 44.5, "lon": 12.25, "country": "IT", "kind": "city"}
ARTICLES = 53  # more than a page (50)


def _article(i: int) -> Article:
    """An invented article naming Portvale, with a quotation naming it in every third one."""
    said = "Portvale will rebuild its harbour" if i % 3 == 0 else "The budget is settled"
    text = f"Storm {i} in Portvale. \u201c{said},\u201d Mara Quist said. Rain also fell on Lindmoor."
    art = Article(text=text, document=f"storm{i:02}.txt", published=f"2022-03-{1 + i % 28:02}",
                  title=f"Storm report {i}")
    town = [(m.start(), m.end()) for m in re.finditer("Portvale", text)]
    art.entities.append(Entity("Portvale", "GPE", town, aliases=["Port Vale town"], geo=dict(PORT_TOWN)))
    moor = text.index("Lindmoor")
    art.entities.append(Entity("Lindmoor", "GPE", [(moor, moor + 8)], geo=None))
    s = text.index(said)
    who = text.index("Mara Quist")
    art.entities.append(Entity("Mara Quist", "PERSON", [(who, who + 10)]))
    art.quotes.append(Quote([(s, s + len(said))], "direct", Speaker("Mara Quist", (who, who + 10))))
    return art


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from newsgraph.store import connect, store_articles

    db: Path = tmp_path_factory.mktemp("place") / "place.db"
    conn = connect(db)
    store_articles(conn, [_article(i) for i in range(ARTICLES)])
    conn.close()
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def test_place_page_shows_the_place_its_articles_and_quotations(client: TestClient) -> None:
    r = client.get("/place/Portvale")
    assert r.status_code == 200
    text = r.text
    assert "<h1>Portvale</h1>" in text
    facts = text.split('id="place-facts"')[1].split("</dl>")[0]
    assert "city" in facts and "IT" in facts and "44.5000, 12.2500" in facts and "Port Vale town" in facts
    articles = text.split('id="place-articles"')[1].split("</section>")[0]
    assert "1–50 of 53 articles" in articles
    assert len(re.findall(r'<a href="/article/[0-9a-f]{16}">Storm report \d+</a>', articles)) == 50
    assert 'href="/place/Portvale?show=articles&amp;offset=50"' in articles
    quotes = text.split('id="place-quotes"')[1].split("</section>")[0]
    assert "1–18 of 18 quotations" in quotes  # every third article quotes someone naming Portvale
    assert quotes.count("Portvale will rebuild its harbour") == 18 and "budget is settled" not in quotes
    assert 'href="/person/Mara%20Quist"' in quotes and re.search(r'href="/article/[0-9a-f]{16}#q\d+"', quotes)
    data = json.loads(re.search(r'<script id="places-data" type="application/json">(.*?)</script>', text, re.S)[1])
    assert data["places"] == [{"name": "Portvale", "lat": 44.5, "lon": 12.25, "mentions": ARTICLES + 18,
                               "articles": ARTICLES}]
    assert data["selected"] == "Portvale"


def test_place_page_pages_one_list_at_a_time(client: TestClient) -> None:
    text = client.get("/place/Portvale?show=articles&offset=50").text
    assert "51–53 of 53 articles" in text and 'id="place-quotes"' not in text
    assert 'rel="prev"' in text and 'rel="next"' not in text
    text = client.get("/place/Portvale?show=quotations").text
    assert "1–18 of 18" in text and 'id="place-articles"' not in text
    assert 'id="past-end"' in client.get("/place/Portvale?show=articles&offset=500").text


def test_place_without_coordinates_unknown_names_and_case(client: TestClient) -> None:
    text = client.get("/place/Lindmoor").text
    assert "No coordinates for Lindmoor" in text and "No quotation names Lindmoor" in text
    assert json.loads(re.search(r'type="application/json">(.*?)</script>', text, re.S)[1])["places"] == []
    moved = client.get("/place/portvale", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == "/place/Portvale"
    assert client.get("/place/Atlantis").status_code == 404
    assert client.get("/place/Mara%20Quist").status_code == 404  # a person is no place
    assert client.get("/place/Portvale?show=everything").status_code == 400


def test_lists_and_map_link_to_the_place_page(client: TestClient) -> None:
    link = f'href="/place/{quote("Portvale")}"'
    for url in ("/places", "/map", "/"):
        assert link in client.get(url).text, url
    article = client.get("/articles").text
    key = re.search(r'href="/article/([0-9a-f]{16})"', article)[1]
    assert link in client.get(f"/article/{key}").text


def test_map_page_loads_the_vendored_outlines_and_no_tiles(client: TestClient) -> None:
    text = client.get("/map").text
    assert '<script src="/static/vendor/topojson-client/topojson-client.min.js"></script>' in text
    outlines = client.get("/static/vendor/world-atlas/countries-50m.json")
    assert outlines.status_code == 200 and len(outlines.content) < 1_000_000
    countries = outlines.json()["objects"]["countries"]["geometries"]
    assert len(countries) > 200 and {"France", "Japan", "Brazil"} <= {c["properties"]["name"] for c in countries}
    script = client.get("/static/map.js").text
    assert "countries-50m.json" in script
    # the tile layer exists only as a choice in the layer control, never added on load
    assert "tiles.addTo" not in script and "tileLayer(" in script
