"""Bands, teams, brands, activities and titles of works shaped like people's names are no people
(issue 14), on invented sentences; real people in like sentences stay people."""

from __future__ import annotations

import pytest

from newsgraph.analyse.entities.people import group_entities
from tests.test_people import nlp  # noqa: F401  (the people-only pipeline fixture)
from tests.test_people_mistyped import typed
from tests.test_people_stages import parse


def person_names(doc) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.name for e in group_entities(doc) if e.type == "PERSON"}


@pytest.mark.parametrize(("text", "name"), [
    ("Globrew brands include Fizz, Harold Pemberton, Dunmore and Kelso.", "Harold Pemberton"),
    ("Staff can join activities such as yoga and Harold Pemberton at lunchtime.", "Harold Pemberton"),
    ("He first found fame in the teen comedy Harold and Pemberton's Wild Summer in 1991.", "Pemberton"),
    ("In last year's poll, Harold Pemberton were followed by two other bands.", "Harold Pemberton"),
    ("Harold Pemberton have sold two million albums since they formed.", "Harold Pemberton"),
    ("The takings rose at Moviecorp, which released nominee Pemberton last autumn.", "Pemberton"),
    ("Nobody has phoned me saying Blackburn are trying to buy me, he said.", "Blackburn"),
    ("Fans watched as the Boston Pelicans played at home on Sunday.", "Boston Pelicans"),
])
def test_a_group_brand_activity_or_title_is_no_person(nlp, text: str, name: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), name.split(), "PERSON")
    assert name not in person_names(doc)


@pytest.mark.parametrize(("text", "name"), [
    ("Sports stars such as Harold Pemberton and his wife attended the gala.", "Harold Pemberton"),
    ("Harold Pemberton and Mary Dunmore were married in June.", "Harold Pemberton"),
    ("She loved the film Harold Pemberton directed in 1990.", "Harold Pemberton"),
    ("Boston Rogers, a teacher, said she was delighted.", "Boston Rogers"),
    ("The club has signed players such as Harold Pemberton and Bob Dunmore this summer.", "Harold Pemberton"),
    ("Harold Pemberton, Bob Dunmore and Jane Kelso are among the nominees.", "Harold Pemberton"),
    ("Comedy stars Bob Dunmore and Harold Pemberton have been named the funniest.", "Harold Pemberton"),
    ("The rebels released Harold Pemberton, who had been held for a year.", "Harold Pemberton"),
    ("Not in a million years would Harold Pemberton have gone down like that.", "Harold Pemberton"),
    ("The talk was dominated by a Harold Pemberton try that was ruled out.", "Harold Pemberton"),
    ("Pop group The Larks, aka singer Harold Pemberton have topped a poll. Pemberton uses blunt beats.",
     "Harold Pemberton"),
    ("Can you imagine if Harold Pemberton were a dancer? Pemberton won the vote.", "Harold Pemberton"),
    ("Martin Hollands, who plays her father, starred in the series.", "Martin Hollands"),
])
def test_people_in_like_sentences_stay_people(nlp, text: str, name: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), name.split(), "PERSON")
    assert name in person_names(doc)
