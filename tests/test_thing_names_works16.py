"""Names shaped like a person's that are a street, a roman numeral, a robot or a prize (issue 14),
on invented sentences; people with like names stay people."""

from __future__ import annotations

import pytest

from newsgraph.analyse.entities.thing_names import roman_numeral, street_name
from tests.test_people import nlp  # noqa: F401  (the people-only pipeline fixture)
from tests.test_people_mistyped import typed
from tests.test_people_premodifiers import person_names
from tests.test_people_stages import parse


@pytest.mark.parametrize(("text", "name"), [
    ("Varley St said the minister would visit the flooded towns on Monday.", "Varley St"),
    ("The band recorded the album at Pembrook Road last spring.", "Pembrook Road"),
    ("Dunmore was picked in the starting XV for the match on Saturday.", "XV"),
    ("Zorbex's Kando and Plimco's Tavi robots can both walk and dance.", "Kando"),
    ("The star of the fair will be Plimco's Tavi Robot, which can sing.", "Tavi Robot"),
    ("Harold Pemberton has been nominated for an Emmo for his role in the drama.", "Emmo"),
    ("The actress won an Emmo last year for the comedy.", "Emmo"),
])
def test_a_street_numeral_robot_or_prize_is_no_person(nlp, text: str, name: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), name.split(), "PERSON")
    assert name not in person_names(doc)


@pytest.mark.parametrize(("text", "name"), [
    ("Emma Street said she was happy with the race.", "Emma Street"),
    ("Louis Dunmore said the robots were ready for the fair.", "Louis Dunmore"),
    ("Harold Pemberton won an award for the film, his agent said.", "Harold Pemberton"),
])
def test_people_near_like_words_stay_people(nlp, text: str, name: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), name.split(), "PERSON")
    assert name in person_names(doc)


def test_name_shapes() -> None:
    assert roman_numeral("XV") and roman_numeral("XIII") and roman_numeral("IV")
    assert not roman_numeral("I") and not roman_numeral("Vic") and not roman_numeral("XVX") and not roman_numeral("MIX ")
    assert street_name(["Downing", "St"]) and street_name(["St"]) and street_name(["Abbey", "Road"])
    assert not street_name(["Emma", "Street"]) and not street_name(["St", "John"])
