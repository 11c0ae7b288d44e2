"""Across the store, a "person" with nothing personal in its article that most articles type a
thing is retyped (store/retype.py): the people list, totals and quotations follow, the change is
logged with its rule and can be undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.model import Article, Entity, Quote, Speaker
from newsgraph.store import connect, store_articles
from newsgraph.store.merge import merge_new_entities
from newsgraph.store.retype import KEPT_PERSON, RETYPED, context_evidence, person_evidence, retypes, unretype
from tests.test_totals import assert_totals_current


def _article(i: int, text: str, entities: list[Entity], quotes: list[Quote] | None = None) -> Article:
    return Article(text=text, document=f"d{i}.txt", source=f"in/d{i}.txt", outlet="Courier",
                   published=f"2022-03-1{i}", entities=entities, quotes=quotes or [])


def _thing(i: int) -> Article:
    text = f"Shares in Quorvex rose {i} per cent on Monday."
    start = text.index("Quorvex")
    return _article(i, text, [Entity("Quorvex", "ORG", [(start, start + 7)])])


def _person_quorvex(i: int, sentence: str, gender: str | None = None) -> Article:
    start = sentence.index("Quorvex")
    quote_start = sentence.index("\u201c") + 1
    quote_end = sentence.index("\u201d")
    spk = Speaker("Quorvex", (start, start + 7), None, "PERSON")
    return _article(i, sentence, [Entity("Quorvex", "PERSON", [(start, start + 7)], gender=gender)],
                    [Quote([(quote_start, quote_end)], "direct", spk)])


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return connect(tmp_path / "r.db")


def _types(conn: sqlite3.Connection, name: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT type FROM entities WHERE name = ? ORDER BY id", (name,))]


def test_a_person_no_article_backs_is_retyped_when_the_store_types_it_a_thing(conn: sqlite3.Connection) -> None:
    store_articles(conn, [_person_quorvex(0, "\u201cWe will grow,\u201d Quorvex said in a statement.")])
    merge_new_entities(conn)
    assert _types(conn, "Quorvex") == ["PERSON"]  # nothing says otherwise yet
    store_articles(conn, [_thing(i) for i in range(1, 4)])
    merge_new_entities(conn)
    assert _types(conn, "Quorvex") == ["ORG"] * 4
    assert conn.execute("SELECT speaker_type FROM quotes").fetchone()[0] == "ORG"
    assert conn.execute("SELECT count(*) FROM person_totals WHERE entities > 0").fetchone()[0] == 0
    assert len({r[0] for r in conn.execute("SELECT global_id FROM entities")}) == 1  # joins the organisation
    log = retypes(conn)
    assert len(log) == 1 and log[0]["rule"].startswith(RETYPED + "ORG")
    assert_totals_current(conn)
    assert unretype(conn, log[0]["entity_id"])
    assert _types(conn, "Quorvex") == ["PERSON", "ORG", "ORG", "ORG"]
    assert conn.execute("SELECT speaker_type FROM quotes").fetchone()[0] == "PERSON"
    assert_totals_current(conn)
    store_articles(conn, [_thing(5)])
    merge_new_entities(conn)
    assert _types(conn, "Quorvex")[0] == "PERSON"  # an undone retype stands
    assert conn.execute("SELECT count(*) FROM entity_merges WHERE rule = ?", (KEPT_PERSON,)).fetchone()[0] == 1


def test_a_person_the_article_backs_stays_a_person(conn: sqlite3.Connection) -> None:
    store_articles(conn, [_thing(i) for i in range(1, 4)])
    store_articles(conn, [_person_quorvex(5, "\u201cI will grow,\u201d Quorvex said of her farm.", gender="female"),
                          _person_quorvex(6, "\u201cI will grow,\u201d said Quorvex, who farms near the coast.")])
    merge_new_entities(conn)
    assert _types(conn, "Quorvex") == ["ORG", "ORG", "ORG", "PERSON", "PERSON"]
    assert retypes(conn) == []
    assert_totals_current(conn)


def test_a_name_typed_person_as_often_as_a_thing_stays(conn: sqlite3.Connection) -> None:
    store_articles(conn, [_thing(1), _person_quorvex(2, "\u201cSoon,\u201d Quorvex said."),
                          _person_quorvex(3, "\u201cLater,\u201d Quorvex said.")])
    merge_new_entities(conn)
    assert _types(conn, "Quorvex") == ["ORG", "PERSON", "PERSON"]


def test_a_place_keeps_its_coordinates_and_place_totals(conn: sqlite3.Connection) -> None:
    def port(i: int) -> Article:
        text = f"Ferries left Tamsk Harbour {i} times."
        s = text.index("Tamsk")
        return _article(i, text, [Entity("Tamsk Harbour", "FAC", [(s, s + 13)], geo={"lat": 1.0, "lon": 2.0,
                                                                                         "country": "XX"})])
    text = "Tamsk Harbour was busy."
    store_articles(conn, [port(1), port(2), _article(3, text, [Entity("Tamsk Harbour", "PERSON", [(0, 13)])])])
    merge_new_entities(conn)
    assert _types(conn, "Tamsk Harbour") == ["FAC"] * 3
    assert tuple(conn.execute("SELECT entities, articles, lat FROM place_totals").fetchone()) == (3, 3, 1.0)
    assert_totals_current(conn)


def test_person_evidence_kept_in_the_store() -> None:
    assert person_evidence("Quorvex", [], [], "male") == "gender male"
    assert person_evidence("Quorvex", ["Mr Quorvex"], [], None) == "title Mr"
    assert person_evidence("Quorvex", [], ["striker"], None) == "role striker"
    assert person_evidence("Quorvex", [], ["mobile phone firm"], None) is None
    assert person_evidence("Maria Quorvex", [], [], None) == "given name"
    assert person_evidence("Quorvex", [], [], None) is None


@pytest.mark.parametrize(("text", "found"), [
    ("Quorvex, who is 40, left.", True), ("Quorvex, 40, left.", True), ("Quorvex's wife spoke.", True),
    ("\u201cNo,\u201d said Quorvex.", True), ("Lord Quorvex spoke.", True),
    ("Quorvex said profits rose.", False), ("Quorvex's shares fell.", False), ("said Quorvex shares", False)])
def test_context_evidence_from_the_stored_text(conn: sqlite3.Connection, text: str, found: bool) -> None:
    s = text.index("Quorvex")
    store_articles(conn, [_article(1, text, [Entity("Quorvex", "PERSON", [(s, s + 7)])])])
    eid = conn.execute("SELECT id FROM entities").fetchone()[0]
    assert (context_evidence(conn, eid) is not None) is found


def test_a_name_inside_another_persons_name_is_evidence(conn: sqlite3.Connection) -> None:
    text = "Quorvex speaks. Later Ansel Quorvex left."
    store_articles(conn, [_article(1, text, [Entity("Quorvex", "PERSON", [(0, 7)]),
                                             Entity("Ansel Quorvex", "PERSON", [(22, 35)])])])
    eid = conn.execute("SELECT id FROM entities WHERE name = 'Quorvex'").fetchone()[0]
    assert context_evidence(conn, eid) == "part of the name Ansel Quorvex"
