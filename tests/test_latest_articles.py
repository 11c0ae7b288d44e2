"""A person or place named in many articles: pages read the latest of them (query.LATEST_ARTICLES)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.model import Article, Entity, Event
from newsgraph.query import persons
from newsgraph.store import connect, store_articles


def _article(i: int) -> Article:
    """Ann Lee and Portmoor in every article, Bo Chan in every other; one event naming both."""
    text = ("Ann Lee met Bo Chan in Portmoor" if i % 2 else "Ann Lee was in Portmoor") + f" on day {i}."
    at = text.index("Portmoor")
    entities = [Entity("Ann Lee", "PERSON", [(0, 7)]), Entity("Portmoor", "GPE", [(at, at + 8)])]
    if i % 2:
        entities.append(Entity("Bo Chan", "PERSON", [(12, 19)]))
    return Article(text=text, document=f"a{i}.txt", published=f"20{10 + i}-01-01", entities=entities,
                   timeline=[Event(f"20{10 + i}", text, (0, len(text)), ["Ann Lee"], ["Portmoor"])])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "l.db"
    conn = connect(path)
    store_articles(conn, [_article(i) for i in range(12)])
    conn.close()
    return path


def test_the_latest_articles_bound_timelines_and_co_mentions(db: Path) -> None:
    conn = connect(db, readonly=True)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    assert query.latest_articles_since(conn, person="Ann Lee", n=12) == ids[0]
    assert query.latest_articles_since(conn, person="Ann Lee", n=13) is None  # named in fewer: all count
    since = query.latest_articles_since(conn, person="Ann Lee", n=4)
    assert since == ids[-4] == query.latest_articles_since(conn, place="Portmoor", n=4)
    for who in ({"person": "Ann Lee"}, {"place": "Portmoor"}):
        events, total, counts = query.timeline_view(conn, **who, since=since)
        every = query.timeline_view(conn, **who)[0]
        assert total == 4 and [e["id"] for e in events] == [e["id"] for e in every if e["article_id"] >= since]
        assert [c["year"] for c in counts] == ["2018", "2019", "2020", "2021"]
    assert query.co_mentioned(conn, "Ann Lee", since=since) == [{"name": "Bo Chan", "articles": 2, "country": None}]
    assert query.co_mentioned(conn, "Ann Lee")[0]["articles"] == 6


def test_pages_say_they_show_the_latest(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    monkeypatch.setattr(persons, "LATEST_ARTICLES", 4)
    with TestClient(create_app(db)) as client:
        person = client.get("/person/Ann Lee").text
        assert 'id="latest"' in person and 'class="chart attention"' in person  # the chart: whole, from the totals
        timeline = client.get("/timeline", params={"place": "Portmoor"}).text
        assert 'id="latest"' in timeline and 'class="chart attention"' in timeline
        assert "1–4 of 4" in timeline
    monkeypatch.setattr(persons, "LATEST_ARTICLES", 500)
    with TestClient(create_app(db)) as client:
        assert 'id="latest"' not in client.get("/person/Ann Lee").text


def test_attention_of_a_search_in_more_than_the_sample_counts_the_latest(db: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A person, a place or one word alone is counted whole from the kept totals; another search (or a
    person and a place together) samples."""
    from newsgraph import attention

    conn = connect(db, readonly=True)
    selectors = ({"person": "Ann Lee"}, {"place": "Portmoor"}, {"search": "Portmoor"}, {"search": "Portmoor*"},
                 {"person": "Ann Lee", "place": "Portmoor"})
    full = [attention.attention(conn, **who, unit="year") for who in selectors]
    assert all(a["sample"] is None and sum(p["articles"] for p in a["periods"]) == 12 for a in full)
    monkeypatch.setattr(attention, "SAMPLE", 5)
    for who, whole in zip(selectors, full, strict=True):
        a = attention.attention(conn, **who, unit="year")
        if len(who) == 1 and who.get("search") != "Portmoor*":
            assert a == whole
            continue
        assert a["sample"] == 5 and sum(p["articles"] for p in a["periods"]) == 5
        assert [p["period"] for p in a["periods"]] == [str(2010 + i) for i in range(7, 12)]  # the latest five


def test_attention_of_a_search_reads_its_quotations_articles_in_an_index(db: Path) -> None:
    """A search's matching quotations are placed in time through quotes(id, article_id), not their rows."""
    from newsgraph import attention

    conn = connect(db, readonly=True)
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    chart = attention.attention(conn, search="Portmoor*", unit="year")  # (one word: from word_tally)
    conn.set_trace_callback(None)
    assert sum(p["articles"] for p in chart["periods"]) == 12
    grouped = [s for s in statements if "FROM quotes_article_of" in s or "INDEXED BY quotes_article_of" in s]
    assert len(grouped) == 1
    plan = " ".join(str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + grouped[0]))
    assert "COVERING INDEX quotes_article_of" in plan


def test_another_speakers_window_counts_the_articles_naming_or_quoting_it(tmp_path: Path) -> None:
    """An organisation quoted in a few articles but named in many: its window is the latest
    articles naming or quoting it, so its timeline reads no more articles than that."""
    from newsgraph.model import Quote, Speaker

    def article(i: int) -> Article:
        text = f"The Harbour Board said on day {i} that the port would open."
        entities = [Entity("Harbour Board", "ORG", [(4, 17)])]
        quotes = [Quote([(27, len(text) - 1)], "indirect", Speaker("Harbour Board", (4, 17), type="ORG"))] \
            if i % 3 == 0 else []
        return Article(text=text, document=f"h{i}.txt", published=f"20{10 + i}-01-01", entities=entities,
                       quotes=quotes, timeline=[Event(f"20{10 + i}", text, (0, len(text)), ["Harbour Board"], [])])

    conn = connect(tmp_path / "h.db")
    store_articles(conn, [article(i) for i in range(12)])
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    who = query.find_identity(conn, "Harbour Board")
    assert who is not None and who.kind != "person"
    assert query.latest_articles_since(conn, person="Harbour Board", n=3) == ids[-3]  # named in all, quoted in 4
    assert query.latest_articles_since(conn, person="Harbour Board", n=12) == ids[0]
    assert query.latest_articles_since(conn, person="Harbour Board", n=13) is None
    events, total, _ = query.timeline_view(conn, person="Harbour Board", since=ids[-3])
    assert total == 3 and {e["article_id"] for e in events} == set(ids[-3:])


def test_a_persons_timeline_has_their_attention_chart(db: Path) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    with TestClient(create_app(db)) as client:
        page = client.get("/timeline", params={"person": "Ann Lee"}).text
        assert 'class="chart attention"' in page and "/api/attention?person=Ann+Lee" in page
        both = client.get("/timeline", params={"person": "Ann Lee", "place": "Portmoor"}).text
        assert 'class="chart attention"' not in both  # the two together would be a sample: not charted
        assert client.get("/timeline", params={"person": "No One"}).status_code == 200
