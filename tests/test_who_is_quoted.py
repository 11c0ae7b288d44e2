"""Who is quoted (newsgraph/who_is_quoted.py): speaker types, gender where known, per outlet and month,
the same numbers in the library, the CLI, the page and the API, and each cross-checked by plain SQL."""

from __future__ import annotations

import csv
import io
import sqlite3
import warnings
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.model import Article, Entity, Quote, Speaker
from newsgraph.store import connect, store_articles
from newsgraph.store.merge import merge_new_entities
from newsgraph.who_is_quoted import who_is_quoted

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# (outlet, published, speaker, entity type of the speaker or None, aliases)
QUOTES = [
    ("Daily", "2020-01-05", "Anna Schmidt", "PERSON", ["Ms. Schmidt"]),   # a woman, by her honorific
    ("Daily", "2020-01-09", "Robert Jones", "PERSON", []),                # a man, by his given name
    ("Daily", "2020-02-01", "Kim Lee", "PERSON", []),                     # gender not known
    ("Weekly", "2020-02-03", "Acme Corp", "ORG", []),
    ("Weekly", "2020-02-04", "Greens", "NORP", []),
    ("Weekly", "2020-02-05", None, None, []),                             # "a source"
    ("Weekly", "2020-02-06", "Zed", None, []),                            # a name of no known kind
]


def _article(i: int, outlet: str, published: str, speaker: str | None, etype: str | None,
             aliases: list[str]) -> Article:
    said = f"Remark number {i}"
    who = speaker or "a source"
    text = f"\u201c{said},\u201d {who} said."
    s, at = text.index(said), text.index(who, text.index(said) + len(said))
    art = Article(text=text, document=f"d{i}.txt", published=published, outlet=outlet)
    if etype:
        art.entities.append(Entity(who, etype, [(at, at + len(who))], aliases=aliases))
    stype = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "GROUP"}.get(etype or "")  # as the analysis types them
    art.quotes.append(Quote([(s, s + len(said))], "direct",
                            Speaker(speaker, (at, at + len(who)), None if speaker else "a source", stype)))
    return art


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("who") / "who.db"
    conn = connect(path)
    store_articles(conn, [_article(i, *q) for i, q in enumerate(QUOTES)])
    merge_new_entities(conn)
    conn.close()
    return path


def test_types_and_gender_with_their_counts(db: Path) -> None:
    conn = connect(db, readonly=True)
    [total] = who_is_quoted(conn)
    assert {k: total[k] for k in ("quotes", "person", "organisation", "group", "other", "unnamed")} == \
        {"quotes": 7, "person": 3, "organisation": 1, "group": 1, "other": 1, "unnamed": 1}
    assert (total["female"], total["male"], total["unknown"]) == (1, 1, 1)
    assert total["share_female"] == 0.5 and total["share_person"] == round(3 / 7, 4)
    by_outlet = {r["value"]: r for r in who_is_quoted(conn, by="outlet")}
    assert by_outlet["Daily"]["person"] == 3 and by_outlet["Weekly"]["unnamed"] == 1
    assert [r["value"] for r in who_is_quoted(conn, by="month")] == ["2020-01", "2020-02"]
    assert who_is_quoted(conn, by="month", outlet="Weekly")[0]["value"] == "2020-02"
    # the cross-check of the note: the same counts by plain SQL
    raw = sqlite3.connect(db)
    person, unnamed, n = raw.execute("SELECT sum(speaker_type = 'PERSON'), sum(speaker IS NULL OR speaker_type = 'UNNAMED'), count(*)"
                                     " FROM quotes").fetchone()
    assert (person, unnamed, n) == (total["person"], total["unnamed"], total["quotes"])


def test_same_numbers_in_cli_page_and_api(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.web import create_app

    assert main(["quoted", "--db", str(db), "--by", "outlet", "--csv"]) == 0
    cli = {r["value"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert cli["Daily"]["female"] == "1" and cli["Weekly"]["organisation"] == "1"
    assert main(["quoted", "--db", str(db)]) == 0
    assert "50.0% (1 of 2; 1 unknown)" in capsys.readouterr().out
    with TestClient(create_app(db)) as client:
        api = client.get("/api/who", params={"by": "outlet"}).json()
        assert api["total"] == 2 and {r["value"]: r["person"] for r in api["items"]} == {"Daily": 3, "Weekly": 0}
        page = client.get("/who?by=outlet").text
        assert 'href="/who?outlet=Daily"' in page and 'href="/api/who?by=outlet&amp;format=csv"' in page
        assert "Acme Corp" in client.get("/who").text  # most quoted organisations
        assert client.get("/api/who", params={"by": "week"}).status_code == 422


def test_speaker_type_and_gender_facets_and_filters(db: Path) -> None:
    from newsgraph import query
    from newsgraph.web import create_app

    conn = connect(db, readonly=True)
    facets = query.quote_facets(conn)
    assert {f["value"]: f["count"] for f in facets["type"]} == \
        {"person": 3, "organisation": 1, "group": 1, "other": 1, "unnamed": 1}
    assert {f["value"]: f["count"] for f in facets["gender"]} == {"female": 1, "male": 1, "unknown": 1}
    assert [r["speaker"] for r in query.quotes(conn, gender="female")] == ["Anna Schmidt"]
    assert [r["speaker"] for r in query.quotes(conn, speaker_type="organisation")] == ["Acme Corp"]
    assert query.count_quotes(conn, speaker_type="unnamed") == 1
    with TestClient(create_app(db)) as client:
        page = client.get("/search").text
        assert 'href="/search?gender=female"' in page and 'href="/search?speaker_type=group"' in page
        only = client.get("/search?gender=male").text
        assert 'id="total">1<' in only and "Robert Jones" in only.split('id="results"')[1]
        assert client.get("/api/quotes", params={"speaker_type": "person", "gender": "unknown"}).json()["total"] == 1
