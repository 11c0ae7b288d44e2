"""Quotations whose speaker was not found: hidden from reading lists by default, one switch away."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.run import ingest
from newsgraph.store import connect
from newsgraph.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TEXT = """Harbour news

Maria Lopez is the mayor. Lopez said that the bridge would reopen in May. Lopez hopes that the ferry will run again.

Reports said the pier was safe.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("unattributed")
    (folder / "harbour.txt").write_text(TEXT, encoding="utf-8")
    path = folder / "u.db"
    assert ingest([folder / "harbour.txt"], path).stored == 1
    conn = connect(path, readonly=True)
    rows = query.quotes(conn, act="speech")
    conn.close()
    assert {r["speaker"] for r in rows} == {"Maria Lopez", None}, rows  # the fixture has one of each
    return path


def test_query_hides_includes_or_lists_only_the_unattributed(db: Path) -> None:
    conn = connect(db, readonly=True)
    for choice, speakers in (("hide", {"Maria Lopez"}), ("only", {None}), ("include", {"Maria Lopez", None}),
                             (None, {"Maria Lopez", None})):
        rows = query.quotes(conn, act="speech", unattributed=choice)
        assert {r["speaker"] for r in rows} == speakers, choice
        # the store's totals and a pass over the quotations agree
        assert query.count_quotes(conn, act="speech", unattributed=choice) == len(rows)
        assert query.count_quotes(conn, act="speech", unattributed=choice, search="pier OR bridge") == len(rows)
        facets = query.quote_facets(conn, act="speech", unattributed=choice)
        assert sum(f["count"] for f in facets["kind"]) == len(rows)
    conn.close()


def test_cli_hides_them_and_says_how_to_see_them(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main

    assert main(["quotes", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert "Maria Lopez" in out and "pier" not in out
    assert "1 quotation with no speaker found hidden: use --unattributed include" in err
    assert main(["quotes", "--db", str(db), "--unattributed", "only"]) == 0
    out, err = capsys.readouterr()
    assert "pier" in out and "bridge" not in out and "no speaker found hidden" not in err


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def test_search_page_hides_them_by_default_with_a_switch(client: TestClient) -> None:
    default = client.get("/search").text
    assert "bridge would reopen" in default and "pier was safe" not in default
    assert 'name="unattributed"' in default  # the visible switch
    shown = client.get("/search?unattributed=include").text
    assert "bridge would reopen" in shown and "pier was safe" in shown
    only = client.get("/search?unattributed=only").text
    assert "pier was safe" in only and "bridge would reopen" not in only


def test_api_lists_everything_unless_asked(client: TestClient) -> None:
    every = client.get("/api/quotes?act=speech").json()
    assert {q["speaker"] for q in every["items"]} == {"Maria Lopez", None}
    named = client.get("/api/quotes?act=speech&unattributed=hide").json()
    assert [q["speaker"] for q in named["items"]] == ["Maria Lopez"] and named["total"] == 1
    assert client.get("/api/quotes?unattributed=nobody").status_code == 422


def test_a_known_surname_tagged_as_a_common_noun_still_names_the_speaker() -> None:
    import newsgraph

    art = newsgraph.extract("Harbour news\n\nMaria Lopez is the mayor. Lopez hopes that the ferry will run again.\n")
    assert [(q.act, q.speaker.name if q.speaker else None) for q in art.quotes] == [("thought", "Maria Lopez")]


def test_lists_carry_the_cue_as_the_article_writes_it(db: Path, client: TestClient) -> None:
    conn = connect(db, readonly=True)
    rows = query.quotes(conn, act="speech", unattributed="hide")
    conn.close()
    assert [r["cue"] for r in rows] == ["said"]
    assert "reported <span class=\"cue\">via “said”</span>:" in client.get("/search").text


def test_person_page_lists_what_they_said_with_a_switch_to_the_rest(client: TestClient) -> None:
    page = client.get("/person/Maria%20Lopez").text
    assert "bridge would reopen" in page and "ferry will run" not in page
    assert "1 other attribution (thoughts, actions, what they criticised) hidden" in page
    every = client.get("/person/Maria%20Lopez?act=all").text
    assert "bridge would reopen" in every and "ferry will run" in every and "only what they said" in every
