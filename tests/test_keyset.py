"""Keyset pagination (issue 19): a next link carries the last row's key, so a deep page reads what
the first does; it gives the pages offsets give, and offsets keep working."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph import query
from newsgraph.store import connect, store_articles
from newsgraph.store.merge import merge_new_entities
from newsgraph.web import create_app
from tests.test_totals import invented_article


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "k.db"
    conn = connect(path)
    store_articles(conn, [invented_article(i) for i in range(30)])  # dated and undated articles, the same dates
    merge_new_entities(conn)
    conn.close()
    return path


@pytest.mark.parametrize("filters", [{}, {"act": "speech"}, {"person": "Nora Quist"}, {"search": "tide"}])
def test_reading_on_from_a_key_gives_the_pages_offsets_give(db: Path, filters: dict) -> None:
    conn = connect(db, readonly=True)
    every = [q["id"] for q in query.quotes(conn, **filters, limit=-1)]
    assert len(every) > 12
    keyed: list[int] = []
    after = None
    while len(keyed) < len(every):
        page = query.quotes(conn, **filters, limit=5, after=after)
        assert page, keyed
        keyed += [q["id"] for q in page]
        after = query.cursor(page[-1])
    assert keyed == every
    arts = [a["id"] for a in query.articles(conn, limit=-1)]
    assert [a["id"] for a in query.articles(conn, limit=7, after=arts[6])] == arts[7:14]
    assert [a["id"] for a in query.articles(conn, search="tide", limit=7, after=arts[6])] == arts[7:14]


def test_next_links_carry_the_key_and_offsets_keep_working(db: Path) -> None:
    with TestClient(create_app(db)) as client:
        walked, url = [], "/api/quotes?limit=7"
        while url:
            page = client.get(url).json()
            walked += [q["id"] for q in page["items"]]
            url = page["next"]
            assert url is None or "after=" in url
        every = client.get("/api/quotes", params={"limit": 1000}).json()["items"]
        assert walked == [q["id"] for q in every]
        assert [q["id"] for q in client.get("/api/quotes", params={"limit": 7, "offset": 7}).json()["items"]] \
            == walked[7:14]
        first = client.get("/api/articles", params={"limit": 3}).json()
        assert "after=" in first["next"]
        assert [a["id"] for a in client.get(first["next"]).json()["items"]] == \
            [a["id"] for a in client.get("/api/articles", params={"limit": 3, "offset": 3}).json()["items"]]
        page = client.get("/search", params={"q": "tide"}).text
        assert "after=" in page.split('rel="next"')[0].rsplit("href=", 1)[-1]
        assert client.get("/api/quotes", params={"after": "not a key"}).status_code == 422
