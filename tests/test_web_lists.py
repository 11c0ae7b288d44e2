"""Lists in the web app and API: one page shape, totals, next links, CSV of any view, sorting,
one error shape, and one identity per person on every page, count, link and filter."""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.model import Article, Entity, Quote, Speaker
from newsgraph.store import connect, store_articles
from newsgraph.store.merge import merge_new_entities
from newsgraph.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _article(i: int, speaker: str, said: str, others: tuple[str, ...] = ()) -> Article:
    """One article quoting ``speaker`` (a PERSON entity, named by its first mention) and naming ``others``."""
    text = f"\u201c{said},\u201d {speaker} said in Paris. " + " ".join(f"{o} was there." for o in others)
    s = text.index(said)
    art = Article(text=text, document=f"a{i:03}.txt", title=f"Story {i}", published=f"2020-{1 + i % 12:02}-01",
                  outlet="Daily" if i % 2 else "Weekly")
    at = text.index(speaker, s + len(said))
    art.entities.append(Entity(speaker, "PERSON", [(at, at + len(speaker))]))
    for o in others:
        k = text.index(o + " was")
        art.entities.append(Entity(o, "PERSON", [(k, k + len(o))]))
    k = text.index("Paris")
    art.entities.append(Entity("Paris", "GPE", [(k, k + 5)]))
    art.quotes.append(Quote([(s, s + len(said))], "direct", Speaker(speaker, (at, at + len(speaker)))))
    return art


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    arts = [_article(i, "Tony Blair", f"Statement number {i} on schools") for i in range(60)]
    arts += [_article(60 + i, "Blair", f"Short remark {i}") for i in range(3)]  # merged into Tony Blair
    arts += [_article(70, "Ian Blair", "Police matters", ("Tony Blair",))]
    arts += [_article(80 + i, f"Person Number{i}", f"Words {i}") for i in range(5)]
    path = tmp_path_factory.mktemp("lists") / "lists.db"
    conn = connect(path)
    store_articles(conn, arts)
    merge_new_entities(conn)
    conn.close()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def test_every_list_is_a_page_with_total_and_next(client: TestClient) -> None:
    for path in ("/api/quotes", "/api/articles", "/api/people", "/api/places", "/api/timeline"):
        first = client.get(path, params={"limit": 2}).json()
        assert {"items", "total", "limit", "offset", "next"} <= first.keys(), path
        assert first["limit"] == 2 and first["offset"] == 0 and len(first["items"]) <= 2
        if first["total"] > 2:
            second = client.get(first["next"]).json()
            assert second["offset"] == 2 and second["items"] != first["items"], path
        last = client.get(path, params={"limit": 2, "offset": max(0, first["total"] - 1)}).json()
        assert last["next"] is None, path
    quotes = client.get("/api/quotes", params={"limit": 1000}).json()
    assert quotes["total"] == len(quotes["items"]) == 69
    assert all(isinstance(q["spans"], list) and isinstance(q["spans"][0], list) for q in quotes["items"])
    people = client.get("/api/people", params={"offset": 3, "limit": 2}).json()  # offset is honoured
    assert people["offset"] == 3 and len(people["items"]) == 2 and people["total"] == 7


def test_format_csv_on_every_list_is_the_same_view(client: TestClient) -> None:
    for path, params in (("/api/quotes", {"search": "schools", "date_from": "2020-03"}),
                         ("/api/articles", {"outlet": "Daily"}), ("/api/people", {"sort": "name"}),
                         ("/api/places", {}), ("/api/timeline", {})):
        r = client.get(path, params={**params, "format": "csv"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), path
        assert "attachment" in r.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(r.text)))
        total = client.get(path, params=params).json()["total"]
        assert len(rows) == total, path  # every row of the view, not one page
    rows = list(csv.DictReader(io.StringIO(client.get("/api/quotes?format=csv&limit=3").text)))
    assert len(rows) == 3 and rows[0]["spans"].startswith("[[")


def test_one_error_shape(client: TestClient) -> None:
    for url, status in (("/api/quotes?limit=0", 422), ("/api/articles/999999", 404), ("/api/people/Nobody", 404),
                        ("/api/nowhere", 404), ("/api/people?sort=height", 422)):
        r = client.get(url)
        assert r.status_code == status, url
        body = r.json()
        assert body.keys() == {"status", "detail", "problems", "suggestions"} and body["status"] == status, url
        assert isinstance(body["detail"], str) and body["detail"]
    assert client.get("/api/quotes?limit=0").json()["problems"][0]["parameter"] == "limit"
    spec = client.get("/openapi.json").json()
    assert "EstimatedPage_QuoteItem_" in spec["components"]["schemas"] and "Error" in spec["components"]["schemas"]
    ok = spec["paths"]["/api/quotes"]["get"]["responses"]
    assert ok["200"]["content"]["application/json"]["schema"]["$ref"].endswith("EstimatedPage_QuoteItem_")
    assert ok["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")


def test_one_identity_per_person_everywhere(client: TestClient, db: Path) -> None:
    conn = connect(db, readonly=True)
    tony = query.person_profile(conn, "Tony Blair")
    assert tony is not None and tony["quotes"] == 63 and set(tony["names"]) == {"Tony Blair", "Blair"}
    ian = query.person_profile(conn, "Ian Blair")
    assert ian is not None and ian["quotes"] == 1  # a namesake is never counted for him
    overview = client.get("/api/overview").json()["top_speakers"][0]
    listed = next(p for p in client.get("/api/people").json()["items"] if p["name"] == "Tony Blair")
    page = client.get("/api/people/Tony Blair").json()
    quotes = client.get("/api/quotes", params={"person": "Tony Blair"}).json()
    assert overview["quotes"] == listed["quotes"] == page["quotes"] == quotes["total"] == 63
    html = client.get("/person/Tony%20Blair").text
    assert "63 quotations" in html and 'href="/search?person=Tony%20Blair"' in html
    assert 'id="total">63<' in client.get("/search?person=Tony+Blair").text


def test_person_lookup_ignores_case_and_suggests(client: TestClient) -> None:
    r = client.get("/person/tony%20blair", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/person/Tony%20Blair"
    assert client.get("/api/people/TONY BLAIR").json()["name"] == "Tony Blair"
    miss = client.get("/person/Tony%20Blaire")
    assert miss.status_code == 404 and 'id="suggestions"' in miss.text
    assert 'href="/person/Tony%20Blair"' in miss.text
    body = client.get("/api/people/Tony Blaire").json()
    assert body["suggestions"][0] == "Tony Blair" and "did you mean Tony Blair" in body["detail"]


def test_tables_sort_page_and_download(client: TestClient) -> None:
    by_name = client.get("/api/people", params={"sort": "name"}).json()["items"]  # names: A to Z by default
    assert [p["name"] for p in by_name] == sorted((p["name"] for p in by_name), key=str.casefold)
    html = client.get("/people?sort=name").text
    assert 'aria-sort="ascending"><a class="sort" href="/people?sort=name&amp;desc=true"' in html  # again flips
    assert 'href="/people?sort=mentions"' in html  # another column: its default direction
    assert "1–7 of 7" in html and 'href="/api/people?sort=name&amp;format=csv"' in html
    fewest = client.get("/people?sort=quotes&desc=false").text
    assert fewest.index("Person Number") < fewest.index("Tony Blair")
    arts = client.get("/articles?outlet=Daily").text
    daily = client.get("/api/articles", params={"outlet": "Daily"}).json()["total"]
    assert f"1–{min(50, daily)} of {daily}" in arts and "Weekly" not in arts.split('id="article-list"')[1]
    past = client.get("/articles?offset=5000").text
    assert 'id="past-end"' in past and "No articles" not in past


def test_facets_count_the_view_and_link_to_narrower_views(client: TestClient) -> None:
    facets = client.get("/api/quotes/facets").json()
    assert facets["speaker"][0] == {"value": "Tony Blair", "count": 63}  # "Blair" counted with him
    assert {f["value"]: f["count"] for f in facets["outlet"]} == {"Daily": 33, "Weekly": 36}
    assert sum(f["count"] for f in facets["year"]) == 69 and facets["kind"] == [{"value": "direct", "count": 69}]
    narrow = client.get("/api/quotes/facets", params={"outlet": "Daily", "search": "schools"}).json()
    assert narrow["outlet"] == [{"value": "Daily", "count": 30}]
    assert client.get("/api/quotes", params={"outlet": "Daily", "search": "schools"}).json()["total"] == 30
    html = client.get("/search?q=schools").text
    assert 'id="facets"' in html and 'href="/search?q=schools&amp;outlet=Daily"' in html
    assert 'href="/search?q=schools&amp;person=Tony+Blair"' in html
    assert 'href="/search?q=schools&amp;date_from=2020&amp;date_to=2020"' in html
    oldest = client.get("/api/quotes", params={"order": "oldest", "limit": 1}).json()["items"][0]
    newest = client.get("/api/quotes", params={"limit": 1}).json()["items"][0]
    assert oldest["published"] < newest["published"]


def test_attention_over_time_for_a_person_a_place_and_a_search(client: TestClient, db: Path) -> None:
    from newsgraph.attention import attention, fill

    conn = connect(db, readonly=True)
    tony = attention(conn, person="tony blair")  # any name, any case
    assert [p["period"] for p in tony["periods"]] == [f"2020-{m:02}" for m in range(1, 13)]
    assert sum(p["quotes"] for p in tony["periods"]) == 63  # his own quotations, merged names included
    assert sum(p["articles"] for p in tony["periods"]) == 64  # and the article about Ian Blair naming him
    words = attention(conn, search='"Short remark"', unit="week")
    assert sum(p["quotes"] for p in words["periods"]) == 3 and words["periods"][0]["period"] == "2019-12-30"
    assert len(attention(conn, place="Paris", unit="year")["periods"]) == 1
    assert fill(["2020-01", "2020-04"], "month") == ["2020-01", "2020-02", "2020-03", "2020-04"]
    assert fill(["2019-12-30", "2020-01-13"], "week") == ["2019-12-30", "2020-01-06", "2020-01-13"]
    api = client.get("/api/attention", params={"person": "Tony Blair"}).json()
    assert api["unit"] == "month" and api["total"] == 12 and api["undated"] == {"articles": 0, "quotes": 0}
    rows = list(csv.DictReader(io.StringIO(client.get("/api/attention?person=Tony+Blair&format=csv").text)))
    assert [r["period"] for r in rows][:2] == ["2020-01", "2020-02"] and sum(int(r["quotes"]) for r in rows) == 63
    person = client.get("/person/Tony%20Blair").text
    assert 'class="chart attention"' in person and 'href="/search?person=Tony+Blair&amp;date_from=2020-03' in person
    assert 'href="/api/attention?person=Tony+Blair&amp;format=csv"' in person
    page = client.get("/attention?q=schools&unit=week").text
    assert "<td>2019-12-30</td>" in page and 'class="chart attention"' in page
    assert 'class="chart attention"' in client.get("/search?q=schools").text
    assert 'class="chart attention"' in client.get("/timeline?place=Paris").text
    month = client.get("/search?person=Tony+Blair&date_from=2020-03&date_to=2020-03").text
    assert f'id="total">{next(p["quotes"] for p in tony["periods"] if p["period"] == "2020-03")}<' in month


def test_cli_quotes_of_one_person_under_every_name(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main

    assert main(["quotes", "--db", str(db), "--person", "tony blair", "--limit", "100"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 63 and any(line.startswith("Blair:") for line in lines)
    assert main(["quotes", "--db", str(db), "--person", "Tony Blaire"]) != 0
    assert "did you mean Tony Blair" in capsys.readouterr().err


def test_places_table_sorts_pages_and_downloads(client: TestClient) -> None:
    html = client.get("/places?sort=name").text
    assert 'aria-sort="ascending"' in html and "Paris" in html and "1–1 of 1" in html
    assert 'href="/api/places?sort=name&amp;format=csv"' in html and 'href="/attention?place=Paris"' in html
    assert "No places matching" in client.get("/places?name=zzz").text


def test_article_facets(client: TestClient) -> None:
    facets = client.get("/api/articles/facets").json()
    assert {f["value"]: f["count"] for f in facets["outlet"]} == {"Daily": 33, "Weekly": 36}
    assert facets["year"] == [{"value": "2020", "count": 69}]
    html = client.get("/articles?q=schools").text
    assert 'id="facets"' in html and 'href="/articles?q=schools&amp;outlet=Daily"' in html
