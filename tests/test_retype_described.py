"""store/retype.py's rule 5: a name of several words that the store's articles call a band, a
club or a product ("rock band X", "the X is") and that no article calls a person is no PERSON
where only its shape (a given name) said so; and "X, who" after "Y or X" with Y a thing is no
person sign. Invented names and sentences."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.model import Article, Entity
from newsgraph.store import connect, store_articles
from newsgraph.store.merge import merge_new_entities
from newsgraph.store.retype import RETYPED, retypes, unretype
from tests.test_totals import assert_totals_current

BAND = "Marisol Quent"


def _article(i: int, text: str, *entities: tuple[str, str]) -> Article:
    found = [Entity(name, type_, [(text.index(name), text.index(name) + len(name))]) for name, type_ in entities]
    return Article(text=text + f" Story {i}.", document=f"d{i}.txt", source=f"in/d{i}.txt", outlet="Courier",
                   published="2022-04-01", entities=found)


def _listed(i: int, name: str = BAND) -> Article:
    """The name typed PERSON in a list of acts, nothing else said of it."""
    return _article(i, f"The bill names Orla Venn, {name} and Tobin Sharpe for the night.", (name, "PERSON"))


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return connect(tmp_path / "r.db")


def _store(conn: sqlite3.Connection, articles: list[Article]) -> None:
    store_articles(conn, articles)
    merge_new_entities(conn)


def _types(conn: sqlite3.Connection, name: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT type FROM entities WHERE name = ? ORDER BY id", (name,))]


DESCRIBED = [f"The rock band {BAND} played a long set.", f"Fans of the Leeds group {BAND}, who were late, waited."]


def test_a_band_the_store_describes_is_no_person(conn: sqlite3.Connection) -> None:
    _store(conn, [_article(10 + i, text) for i, text in enumerate(DESCRIBED)])  # the describing articles name no entity
    _store(conn, [_listed(i) for i in range(3)])
    assert _types(conn, BAND) == ["ORG"] * 3
    log = retypes(conn)
    assert len(log) == 3 and all("the store's text calls it a thing in 2 articles" in r["rule"] for r in log)
    assert all(r["rule"].startswith(RETYPED + "ORG") for r in log)
    assert_totals_current(conn)
    assert unretype(conn, log[0]["entity_id"])
    assert_totals_current(conn)


def test_one_description_is_not_enough(conn: sqlite3.Connection) -> None:
    _store(conn, [_article(10, DESCRIBED[0])] + [_listed(i) for i in range(3)])
    assert _types(conn, BAND) == ["PERSON"] * 3


@pytest.mark.parametrize("person_text", [
    f"Mr {BAND} was in town.",  # a title
    f"{BAND}, 24, was in town.",  # an age
    f"The crowd cheered, said {BAND}.",  # speech
])
def test_a_person_sign_anywhere_keeps_the_people(conn: sqlite3.Connection, person_text: str) -> None:
    _store(conn, [_article(10 + i, text) for i, text in enumerate([*DESCRIBED, person_text])])
    _store(conn, [_listed(i) for i in range(3)])
    assert _types(conn, BAND) == ["PERSON"] * 3


def test_a_person_role_or_gender_in_the_store_keeps_the_people(conn: sqlite3.Connection) -> None:
    singer = Article(text=f"The singer {BAND} sang.", document="s.txt", source="in/s.txt", outlet="Courier",
                     published="2022-04-01", entities=[Entity(BAND, "PERSON", [(11, 11 + len(BAND))],
                                                              roles=["singer"], gender="female")])
    _store(conn, [_article(10 + i, text) for i, text in enumerate(DESCRIBED)] + [singer])
    _store(conn, [_listed(i) for i in range(3)])
    assert _types(conn, BAND) == ["PERSON"] * 4


def test_a_product_and_a_river_take_their_types(conn: sqlite3.Connection) -> None:
    product, river = "Zentra Mini", "River Quell"
    _store(conn, [_article(10 + i, f"Shops sold out of the {product}. Boats sail on the {river}.")
                  for i in range(2)])
    _store(conn, [_article(i, f"Buyers like {product} and walkers like {river} in spring.",
                           (product, "PERSON"), (river, "PERSON")) for i in range(2)])
    assert _types(conn, product) == ["ORG"] * 2
    assert _types(conn, river) == ["LOC"] * 2


def _club_article(i: int, text: str) -> Article:
    return _article(i, text, ("Marisol", "PERSON"), ("Dunmore", "ORG"))


@pytest.mark.parametrize(("text", "kept"), [
    ("Rivals Dunmore or Marisol, who won their groups, wait.", False),  # a coordination of clubs
    ("Rivals Dunmore met Marisol, who won her group.", True),
])
def test_who_after_a_coordination_with_a_thing(conn: sqlite3.Connection, text: str, kept: bool) -> None:
    clubs = [_article(i, f"Fans of Marisol and Dunmore cheered {i} times.", ("Marisol", "ORG"), ("Dunmore", "ORG"))
             for i in range(1, 8)]
    _store(conn, [_club_article(0, text), *clubs])
    assert (_types(conn, "Marisol")[0] == "PERSON") is kept


@pytest.mark.parametrize("text", [
    f"They can play {BAND} up front.",  # a verb's object
    f"The film-maker {BAND} spoke.",  # a hyphened word's end
    f"Quent wins group\n\n{BAND} won.",  # a headline's last word
])
def test_words_before_the_name_that_describe_nothing(conn: sqlite3.Connection, text: str) -> None:
    _store(conn, [_article(10, DESCRIBED[0]), _article(11, text)] + [_listed(i) for i in range(3)])
    assert _types(conn, BAND) == ["PERSON"] * 3


@pytest.mark.parametrize(("text", "kept"), [
    ("Draw made.\n\nDunmore v Marisol\n\nMarisol await the winners.", False),  # a side of a fixture
    ("Contest set: Dunmore vs. Marisol in the spring.", True),  # people's contests are written "vs."
])
def test_a_side_of_a_fixture_is_a_team(conn: sqlite3.Connection, text: str, kept: bool) -> None:
    _store(conn, [_article(0, text, ("Marisol", "PERSON"), ("Dunmore", "ORG"))])
    assert (_types(conn, "Marisol")[0] == "PERSON") is kept


def test_a_titled_side_of_a_fixture_stays_a_person(conn: sqlite3.Connection) -> None:
    text = "Dunmore v Marisol was the draw."
    found = [Entity("Marisol", "PERSON", [(10, 17)], aliases=["Ms Marisol"]), Entity("Dunmore", "ORG", [(0, 7)])]
    _store(conn, [Article(text=text, document="t.txt", source="in/t.txt", outlet="Courier", published="2022-04-01",
                          entities=found)])
    assert _types(conn, "Marisol") == ["PERSON"]
