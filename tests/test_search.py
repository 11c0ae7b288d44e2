"""Quotation search: filters, newest-first or best-match ordering, and the total a page belongs to."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.cli import main
from newsgraph.model import Article, Quote, Speaker
from newsgraph.query import sampling
from newsgraph.store import connect, store_articles

QUOTES = [  # (published, speaker, quotation)
    ("2020-01-01", "Ann Lee", "The harbour budget is the harbour plan and the harbour future"),
    ("2021-06-01", "Bo Chan", "We discussed the budget briefly"),
    ("2022-03-01", "Ann Lee", "Nothing about money here"),
    ("2023-09-01", "Cy Dorn", "A harbour, a town"),
]


def _article(published: str, speaker: str, said: str) -> Article:
    text = f"\u201c{said},\u201d {speaker} said."
    return Article(text=text, document=f"{published}.txt", published=published,
                   quotes=[Quote([(1, 1 + len(said))], "direct", Speaker(speaker))])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    conn = connect(path)
    store_articles(conn, [_article(*q) for q in QUOTES])
    conn.close()
    return path


def test_newest_first_by_default_and_best_match_on_request(db: Path) -> None:
    conn = connect(db, readonly=True)
    newest = [r["published"] for r in query.quotes(conn, search="harbour")]
    assert newest == ["2023-09-01", "2020-01-01"]
    best = [r["published"] for r in query.quotes(conn, search="harbour", order="relevance")]
    assert best == ["2020-01-01", "2023-09-01"]  # three matches in a short quotation beat one
    no_search = [r["published"] for r in query.quotes(conn, order="relevance")]
    assert no_search == sorted(no_search, reverse=True)
    with pytest.raises(ValueError, match="unknown order"):
        query.quotes(conn, order="random")


def test_count_agrees_with_the_pages(db: Path) -> None:
    conn = connect(db, readonly=True)
    for filters in ({}, {"search": "budget"}, {"speaker": "ann"}, {"search": "harbour", "date_to": "2021"},
                    {"kind": "indirect"}):
        assert query.count_quotes(conn, **filters) == len(query.quotes(conn, **filters, limit=1000)), filters
    assert query.count_quotes(conn, search="budget") == 2


def test_cli_order(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--db", str(db), "--search", "harbour", "--order", "relevance"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Ann Lee:") and lines[1].startswith("Cy Dorn:")


def test_web_search_shows_total_and_orders(db: Path) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    with TestClient(create_app(db)) as client:
        page = client.get("/search", params={"q": "harbour", "order": "relevance"}).text
        assert '<span id="total">2</span>' in page
        assert page.index("Ann Lee") < page.index("Cy Dorn")
        assert 'value="relevance" selected' in page
        api = client.get("/api/quotes", params={"search": "harbour", "order": "relevance"}).json()["items"]
        assert [r["published"] for r in api] == ["2020-01-01", "2023-09-01"]
        assert client.get("/api/quotes", params={"order": "random"}).status_code == 422


def _many(tmp_path: Path) -> Path:
    """Forty articles, each one quotation with "tide": half by Ann Lee, the later ones in 2024."""
    path = tmp_path / "m.db"
    conn = connect(path)
    store_articles(conn, [_article(f"{2023 + k // 20}-01-{1 + k % 20:02d}", "Ann Lee" if k % 2 else "Bo Chan",
                                   f"The tide turned {k} times") for k in range(40)])
    conn.close()
    return path


def test_a_search_matching_many_is_counted_and_faceted_on_a_sample(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    conn = connect(_many(tmp_path), readonly=True)
    exact = query.count_quotes(conn, search="tide", speaker="ann")
    assert query.count_quotes_about(conn, search="tide", speaker="ann") == (exact, True)
    assert query.count_quotes_about(conn, search="tide") == (40, True)  # a search alone: the index counts
    assert query.search_sample(conn, "tide") is None
    monkeypatch.setattr(sampling, "SAMPLE", 10)
    assert query.search_sample(conn, "tide") == 10
    # The 10 latest-ingested matches, half of them Ann Lee's: about half of the 40.
    assert query.count_quotes_about(conn, search="tide", speaker="ann") == (20, False)
    assert query.count_quotes_about(conn, search="tide") == (40, False)  # its 10 latest in the 10 latest rows
    facets = query.quote_facets(conn, sample=10, search="tide")
    assert sum(f["count"] for f in facets["kind"]) == 10
    assert [f["value"] for f in facets["year"]] == ["2024"]  # the latest ingested
    assert query.count_quotes(conn, sample=10, search="tide", speaker="ann") == 5
    # The sample's kept quotations read from the facets of the same view (a page has them) count the same.
    ann = query.quote_facets(conn, sample=10, search="tide", speaker="ann")
    assert query.count_quotes_about(conn, facets=ann, search="tide", speaker="ann") == (20, False)
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    (tmp_path / "page").mkdir()
    with TestClient(create_app(_many(tmp_path / "page"))) as client:
        assert 'id="n-quotes">about 20<' in client.get("/search", params={"q": "tide", "speaker": "ann"}).text


def test_a_common_words_count_is_estimated_from_its_latest_matches(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond ``SAMPLE`` matches a search alone is not counted match by match: its latest matches'
    share of the latest rows, applied to every row (exact here: the word is spread evenly)."""
    path = tmp_path / "even.db"
    conn = connect(path)
    store_articles(conn, [_article(f"2023-02-{1 + k % 28:02d}", "Ann Lee",
                                   f"The {'harbour' if k % 2 else 'market'} closed {k} times") for k in range(40)])
    conn.close()
    conn = connect(path, readonly=True)
    exact = {"articles": query.count_articles(conn, search="harbour"),
             "quotes": query.count_quotes(conn, search="harbour")}
    assert exact == {"articles": 20, "quotes": 20}
    assert query.count_articles_about(conn, search="harbour") == (20, True)
    monkeypatch.setattr(sampling, "SAMPLE", 6)
    assert query.count_articles_about(conn, search="harbour") == (20, False)
    assert query.count_quotes_about(conn, search="harbour") == (20, False)
    assert query.count_articles_about(conn, search="harbour", outlet="nowhere") == (0, True)
    assert query.count_articles_about(conn, search="closed 7") == (1, True)


def test_an_article_search_reads_its_page_from_the_index(tmp_path: Path) -> None:
    conn = connect(_many(tmp_path), readonly=True)
    for offset in (0, 7, 35, 40):  # the index's order is the list's (latest ingested first), offsets too
        fast = query.articles(conn, search="tide", limit=10, offset=offset)
        walked = query.articles(conn, search="tide", date_from="2000", limit=10, offset=offset)
        assert [r["id"] for r in fast] == [r["id"] for r in walked]
        assert [r["snippet"] for r in fast] == [r["snippet"] for r in walked]


def test_web_search_says_about_and_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    monkeypatch.setattr(sampling, "SAMPLE", 10)
    with TestClient(create_app(_many(tmp_path))) as client:
        page = client.get("/search", params={"q": "tide", "speaker": "ann"}).text
        assert '<span id="total">about 20</span>' in page and "of about 20" in page
        assert 'id="facet-sample"' in page
        assert 'id="attention-link"' in client.get("/search", params={"q": "tide"}).text
        api = client.get("/api/quotes", params={"search": "tide", "speaker": "ann"}).json()
        assert api["total"] == 20 and api["total_exact"] is False
        assert client.get("/api/quotes", params={"search": "tide"}).json()["total_exact"] is False
        assert client.get("/api/quotes", params={"search": "turned 3"}).json()["total_exact"] is True
        assert '<span class="count" id="n-articles">about 40</span>' in client.get("/search", params={"q": "tide"}).text
        assert "of about 40" in client.get("/articles", params={"q": "tide"}).text
        articles = client.get("/api/articles", params={"search": "tide"}).json()
        assert articles["total"] == 40 and articles["total_exact"] is False
        assert client.get("/api/quotes/facets", params={"search": "tide"}).json()["sample"] == 10


def test_an_article_search_matching_many_is_faceted_on_a_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conn = connect(_many(tmp_path), readonly=True)
    assert query.article_sample(conn, "tide") is None
    every = query.article_facets(conn, search="tide")
    assert every["year"] == [{"value": "2023", "count": 20}, {"value": "2024", "count": 20}]
    monkeypatch.setattr(sampling, "SAMPLE", 10)
    assert query.article_sample(conn, "tide") == 10
    assert query.article_facets(conn, sample=10, search="tide")["year"] == [{"value": "2024", "count": 10}]


def _mixed(tmp_path: Path) -> Path:
    """Sixty articles of one or two quotations, the words spread unevenly over dates and speakers."""
    path = tmp_path / "mixed.db"
    conn = connect(path)
    words = ["tide", "harbour", "Peña", "pena", "budget plan", "tidewater"]
    arts = []
    for k in range(60):
        said = f"The {words[k % 6]} and the {words[k * 7 % 6]} turned {k} times"
        text = f"\u201c{said},\u201d {'Ann Lee' if k % 3 else 'Bo Chan'} said. \u201cNo tide here {k},\u201d Cy Dorn said."
        second = text.index("\u201cNo") + 1
        arts.append(Article(text=text, document=f"x{k}.txt", published=f"{2020 + k % 4}-0{1 + k % 9}-1{k % 10}",
                            quotes=[Quote([(1, 1 + len(said))], "direct", Speaker("Ann Lee" if k % 3 else "Bo Chan")),
                                    Quote([(second, second + len(f"No tide here {k}"))], "direct", Speaker("Cy Dorn"))]))
    store_articles(conn, arts)
    conn.close()
    return path


@pytest.mark.parametrize("search", ["tide", "tide*", "harbour OR pena", "Peña", "\"budget plan\"", "the turned", "nothing"])
def test_a_search_walked_by_date_gives_the_same_rows_by_seeks_as_by_its_set_of_matches(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, search: str) -> None:
    """A search's page walked article by article checks each quotation either in the set of all its
    matches or by a seek into the index (query.quotations._seek_pays); a sort of the matches is the
    third plan. All three give the same rows, counts aside, at any offset and from a cursor."""
    from newsgraph.query import quotations

    conn = connect(_mixed(tmp_path), readonly=True)
    plans = {"sort": (1 << 40, 1 << 40), "set": (0, 1 << 40), "seek": (0, 0)}
    pages: dict[str, list[list[int]]] = {}
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    for plan, (walk, seek) in plans.items():
        monkeypatch.setattr(quotations, "_walk_pays", lambda conn, rows, t=walk: t)
        monkeypatch.setattr(quotations, "_seek_pays", lambda conn, rows, t=seek: t)
        seen.clear()
        got = []
        for filters in ({}, {"speaker": "ann"}, {"act": "speech", "unattributed": "hide"}):
            for offset in (0, 5, 17):
                rows = query.quotes(conn, search=search, **filters, limit=6, offset=offset)
                got.append([r["id"] for r in rows])
                if rows:
                    got.append([r["id"] for r in query.quotes(conn, search=search, **filters, limit=4,
                                                                 after=query.cursor(rows[-1]))])
        pages[plan] = got
        paged = [sql for sql in seen if "LIMIT" in sql and "OFFSET" in sql]
        assert any(("quotes_fts.rowid = +q.id" in sql) == (plan == "seek") and ("CROSS JOIN" in sql) == (plan != "sort")
                   for sql in paged), plan
    assert pages["set"] == pages["sort"] and pages["seek"] == pages["sort"]
    assert any(pages["sort"]) == (search != "nothing")
