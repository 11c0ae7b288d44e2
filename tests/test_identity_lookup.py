"""A person looked up, or a page of people, without every identity built (a CLI command, schema 8):
the same answers as the whole table gives (``Identities.find``, ``people_table``), for every name as
given, in upper and lower case, after ingest, merges, unmerge and deletes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph import identity
from newsgraph.identity import identities, lookup
from newsgraph.query import persons
from newsgraph.tables import per_store
from tests.test_totals import change_in_every_way, invented_store


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> sqlite3.Connection:
    monkeypatch.setattr(identity, "built_identities", lambda conn: None)  # as in a process that built none
    monkeypatch.setattr(persons, "built_identities", lambda conn: None)
    return invented_store(tmp_path / "p.db")


def assert_same_as_the_whole_table(conn: sqlite3.Connection) -> None:
    whole = identities(conn)
    names = {n for p in whole.all for n in p.names} | {p.name for p in whole.all}
    assert len(names) > 8
    for name in sorted(names) + ["Nobody Here", "quist", "QUIST", "the harbour board"]:
        for asked in (name, name.upper(), name.lower()):
            found, expected = lookup(conn, asked), whole.find(asked)
            assert (found.key, found.row()) == (expected.key, expected.row()) if expected else found is None, asked
    table = per_store(conn, persons.people_table)
    for sort in ("quotes", "mentions", "articles"):
        for desc in (True, False):
            for limit, offset in ((1, 0), (2, 0), (3, 1), (50, 0), (2, 4), (5, 100), (0, 0)):
                assert persons.people(conn, sort=sort, desc=desc, limit=limit, offset=offset) == table.page(
                    name=None, sort=sort, desc=desc, limit=limit, offset=offset)[0], (sort, desc, limit, offset)
    assert persons.count_people(conn) == len(table.rows)


def test_look_ups_and_pages_from_the_totals_are_those_of_the_whole_table(store: sqlite3.Connection) -> None:
    assert_same_as_the_whole_table(store)
    change_in_every_way(store, assert_same_as_the_whole_table)


def test_a_command_builds_no_identities(store: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(conn: sqlite3.Connection) -> None:
        raise AssertionError("every identity built")

    monkeypatch.setattr(identity, "per_store", refused)
    monkeypatch.setattr(persons, "per_store", refused)
    assert lookup(store, "nora quist") is not None and lookup(store, "Quist") is not None
    assert [p["name"] for p in persons.people(store, limit=2)] and persons.count_people(store) > 3
    assert persons.person_profile(store, "Nora Quist") is not None
