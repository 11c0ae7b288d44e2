"""Places: the offline gazetteer, mistyped places repaired, coordinates, declared place aliases."""

from __future__ import annotations

import json

import pytest

import newsgraph.analyse.components  # noqa: F401  (registers the components the fixture adds)
from newsgraph.analyse.entities import places
from tests.conftest import FIXTURES
from tests.test_people import analyse, nlp  # noqa: F401  (the people-only pipeline fixture)


def test_gazetteer_lookups() -> None:
    stalingrad = places.lookup("Stalingrad")
    assert stalingrad is not None and stalingrad.name == "Volgograd" and not stalingrad.primary
    assert places.same_place("Stalingrad", "Volgograd")
    almaty = places.lookup("Almaty")
    assert almaty is not None and almaty.country == "KZ" and abs(almaty.lat - 43.25) < 0.1  # type: ignore[operator]
    us = places.lookup("the US")
    assert us is not None and us.kind == "country" and us.country == "US"
    assert places.lookup("Kazakhstan").geo() == {"lat": 48.0, "lon": 68.0, "country": "KZ", "kind": "country"}  # type: ignore[union-attr]
    assert places.lookup("Asia").kind == "continent"  # type: ignore[union-attr]
    assert places.lookup("Trump") is None
    assert places.gazetteer() is places.gazetteer()  # loaded once


@pytest.fixture(scope="module")
def seed(nlp, seed_text):  # type: ignore[no-untyped-def]  # noqa: F811
    return analyse(nlp, seed_text)


def test_seed_places_typed_and_geocoded(seed) -> None:  # type: ignore[no-untyped-def]
    gold = json.loads((FIXTURES / "moscow8.gold.json").read_text("utf-8"))
    for name in gold["places"]:
        ents = [e for e in seed if name == e.name or name in e.aliases]
        assert ents, name
        assert all(e.type in ("GPE", "LOC") for e in ents), (name, [e.type for e in ents])
        assert ents[0].geo and ents[0].geo["lat"] is not None, name  # all 15, regions and former countries too
        known = places.lookup(name)
        assert known is not None and ents[0].geo["lat"] == known.lat, name
    assert not any(e.type == "PERSON" and e.name == "Stalingrad" for e in seed)
    assert not any(e.type == "ORG" and e.name == "Volgograd" for e in seed)


def test_seed_place_alias(seed) -> None:  # type: ignore[no-untyped-def]
    stalingrad = next(e for e in seed if e.name == "Stalingrad")
    assert stalingrad.aliases == ["Volgograd"]
    assert len(stalingrad.mentions) == 2
    assert stalingrad.geo == {"lat": 48.71378, "lon": 44.4976, "country": "RU", "kind": "city"}


def test_place_context_needed_for_a_city_named_like_a_person(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    text = ("Andrew Jackson signed the act. Jackson said it was needed.\n\n"
            "Protesters gathered in Jackson, the state capital.")
    ents = analyse(nlp, text)
    person = next(e for e in ents if e.type == "PERSON" and e.name == "Andrew Jackson")
    assert text.index("Jackson said") in [s for s, _ in person.mentions]


def test_unlabelled_place_in_context(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    text = "They were sent to cities as far apart as Irkutsk and Stalingrad – now Volgograd."
    ents = {e.name: e for e in analyse(nlp, text)}
    assert ents["Irkutsk"].type == "GPE" and ents["Irkutsk"].geo["country"] == "RU"  # type: ignore[index]
    assert ents["Stalingrad"].type == "GPE" and "Volgograd" in ents["Stalingrad"].aliases


def test_places_named_in_events(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    text = "Its history includes the Vietnam War and the 1980 Gwangju Uprising against military rule."
    ents = {e.name: e for e in analyse(nlp, text)}
    assert ents["Gwangju"].type == "GPE" and ents["Gwangju"].geo["country"] == "KR"  # type: ignore[index]
