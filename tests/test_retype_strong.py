"""store/retype.py's stronger rules: an overwhelming thing majority outweighs the weak person
evidence of a one-word name (a given name, a role no person-only noun heads, one pronoun's
gender), and an entity its article describes only as a thing is retyped with no store support.
Real people (a title, a person's role, a common surname, a name of two words) stay people."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.model import Article, Entity
from newsgraph.store import connect, store_articles
from newsgraph.store.merge import merge_new_entities
from newsgraph.store.retype import RETYPED, retypes, role_head, thing_roles, unretype
from tests.test_totals import assert_totals_current


def _article(i: int, text: str, entity: Entity) -> Article:
    return Article(text=text, document=f"d{i}.txt", source=f"in/d{i}.txt", outlet="Courier",
                   published="2022-04-01", entities=[entity])


def _org(i: int, name: str) -> Article:
    text = f"Fans of {name} cheered {i} times at the ground."
    s = text.index(name)
    return _article(i, text, Entity(name, "ORG", [(s, s + len(name))]))


def _person(i: int, name: str, text: str = "{} won again at the weekend.", **kw: object) -> Article:
    text = text.format(name) + f" It was win number {i}."
    s = text.index(name)
    return _article(i, text, Entity(name, "PERSON", [(s, s + len(name))], **kw))  # type: ignore[arg-type]


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return connect(tmp_path / "r.db")


def _types(conn: sqlite3.Connection, name: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT type FROM entities WHERE name = ? ORDER BY id", (name,))]


def _store(conn: sqlite3.Connection, articles: list[Article]) -> None:
    store_articles(conn, articles)
    merge_new_entities(conn)


def test_a_given_name_gives_way_to_an_overwhelming_majority(conn: sqlite3.Connection) -> None:
    _store(conn, [_person(0, "Marisol"), _person(1, "Marisol", roles=["leaders"])])
    _store(conn, [_org(i, "Marisol") for i in range(2, 12)])
    assert _types(conn, "Marisol") == ["ORG"] * 12
    log = retypes(conn)
    assert len(log) == 2 and all(r["rule"].startswith(RETYPED + "ORG: only weak person evidence") for r in log)
    assert_totals_current(conn)
    assert unretype(conn, log[0]["entity_id"])
    assert_totals_current(conn)


def test_a_given_name_stands_against_a_mere_majority(conn: sqlite3.Connection) -> None:
    _store(conn, [_person(0, "Marisol"), _person(1, "Marisol")] + [_org(i, "Marisol") for i in range(2, 9)])
    assert _types(conn, "Marisol")[:2] == ["PERSON", "PERSON"]  # 7 articles, not 5 times 2


@pytest.mark.parametrize(("name", "kw", "text"), [
    ("Morgan", {}, "{} won again at the weekend."),  # a surname very many people bear
    ("Marisol", {"aliases": ["Ms Marisol"]}, "{} won again at the weekend."),
    ("Marisol", {"roles": ["striker"]}, "{} won again at the weekend."),
    ("Marisol", {}, "{}, 24, won again at the weekend."),
    ("Marisol Quent", {}, "{} won again at the weekend."),  # a name of two words keeps the old rule
    ("Marisol", {"gender": "female"}, "{} won again at the weekend."),  # a gender needs 10 to 1
])
def test_real_people_stay_people(conn: sqlite3.Connection, name: str, kw: dict, text: str) -> None:
    _store(conn, [_person(0, name, text, **kw)] + [_org(i, name) for i in range(1, 7)])
    assert _types(conn, name)[0] == "PERSON"
    assert retypes(conn) == []


def test_one_pronouns_gender_gives_way_to_a_huge_majority(conn: sqlite3.Connection) -> None:
    _store(conn, [_person(0, "Quorvex", gender="male")] + [_org(i, "Quorvex") for i in range(1, 11)])
    assert _types(conn, "Quorvex") == ["ORG"] * 11


def test_a_thing_its_article_describes_is_retyped_alone(conn: sqlite3.Connection) -> None:
    _store(conn, [_person(0, "Brixley Hume", roles=["Ruritanian household goods group"]),
                  _person(1, "Tamsk", roles=["Ruritanian folk band"]),
                  _person(2, "Oda Vrell", roles=["spokeswoman for the Ruritanian bank"])])
    assert _types(conn, "Brixley Hume") == ["ORG"]
    assert _types(conn, "Tamsk") == ["ORG"]
    assert _types(conn, "Oda Vrell") == ["PERSON"]
    assert {r["rule"] for r in retypes(conn)} == {RETYPED + "ORG: described as a thing in its article; "
                                                  "no article types it"}
    assert_totals_current(conn)


def test_role_heads() -> None:
    assert role_head("spokeswoman for the bank") == "spokeswoman"
    assert role_head("troubled Ruritanian crude producer") == "producer"
    assert role_head("owner of Tamsk Oil") == "owner"
    assert thing_roles(["household goods group"]) and not thing_roles(["analyst at the group"])
    assert thing_roles(["oil production unit", "club side", "farming ministry"])
    assert not thing_roles(["power broker"]) and not thing_roles(["film producer"])
