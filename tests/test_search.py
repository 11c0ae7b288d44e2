"""Quotation search: filters, newest-first or best-match ordering, and the total a page belongs to."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.cli import main
from newsgraph.model import Article, Quote, Speaker
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
