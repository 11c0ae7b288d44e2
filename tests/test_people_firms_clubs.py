"""Firms, clubs, shows and bills taken for people, and a nationality noun taken into a name, on
invented sentences (issue #14): "shares in X", "X has agreed to buy 30% of Y", a firm word closing
a name, "Ann joins Norwich", "the show X", "Lord X's Y to the Crown Bill", "a remake of X's Y", "ahead of Scot Ann Lee"."""

from __future__ import annotations

import pytest

from tests.test_people import nlp  # noqa: F401  (the people-only pipeline fixture)
from tests.test_people_stages import parse
from tests.test_people_things import only, person_names


@pytest.mark.parametrize(("text", "typed_words"), [
    ("The drug was approved. Last month shares in Brackwell Zotec lost a third of their value.",
     ["Brackwell", "Zotec"]),
    ("The deal was signed on Monday. Holmar Vesti has agreed to buy 33% of the Danish brewer.",
     ["Holmar", "Vesti"]),
    ("The results were poor. Holmar Vesti's shareholders voted against the plan on Friday.",
     ["Holmar", "Vesti"]),
    ("The trial ended on Monday, a landmark for Brackwell Pharma and for patients.",
     ["Brackwell", "Pharma"]),
])
def test_a_firm_by_what_the_sentence_does_with_it_is_no_person(nlp, text: str, typed_words: list[str]) -> None:  # noqa: F811
    doc = only(parse(nlp, text), (typed_words, "PERSON"))
    assert " ".join(typed_words) not in person_names(doc)


def test_a_person_who_buys_shares_stays_a_person(nlp) -> None:  # noqa: F811
    text = "The talks went on. David Pemberton has agreed to buy 20% of the club, he said."
    doc = only(parse(nlp, text), (["David", "Pemberton"], "PERSON"))
    assert "David Pemberton" in person_names(doc)


def test_a_place_named_club_a_player_joins_is_no_person(nlp) -> None:  # noqa: F811
    text = "The midfielder said he was happy. Pemberton joins Norwich on a two-year deal."
    doc = only(parse(nlp, text), (["Pemberton"], "PERSON"), (["Norwich"], "PERSON"))
    assert "Norwich" not in person_names(doc)


@pytest.mark.parametrize(("text", "typed_words"), [
    ("The channel made a deal. The show Velvet Harbour highlights new talent every week.", ["Velvet", "Harbour"]),
    ("The peers met again. Lord Pemberton's Tenure to the Crown Bill aims to end the rule.", ["Tenure"]),
    ("The channel has a drama with Mark Hale in a remake of Harold Pemberton's Summerdays next year.",
     ["Harold", "Pemberton"]),
])
def test_a_show_or_a_bill_is_no_person(nlp, text: str, typed_words: list[str]) -> None:  # noqa: F811
    doc = only(parse(nlp, text), (typed_words, "PERSON"))
    assert " ".join(typed_words) not in person_names(doc)


def test_a_nationality_noun_is_no_part_of_the_name(nlp) -> None:  # noqa: F811
    text = "The race was fast. Gardner cruised home ahead of Scot Nick Pemberton to win the title."
    doc = only(parse(nlp, text), (["Scot", "Nick", "Pemberton"], "PERSON"))
    assert "Nick Pemberton" in person_names(doc)
