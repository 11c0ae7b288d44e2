"""People in lists and things with nothing personal, on invented sentences: a list names no one
twice, a squad list's clubs tell namesakes apart, a plural verb says team or band, a number is no
role, a firm's short name, a person's name inside a work's title."""

from __future__ import annotations

import pytest

from newsgraph.analyse.entities.people import group_entities
from newsgraph.model import Entity
from tests.test_people import nlp  # noqa: F401  (the people-only pipeline fixture)
from tests.test_people_mistyped import typed
from tests.test_people_stages import parse
from tests.test_people_things import only, person_names


def typed_all(doc, runs: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    for words, label in runs:
        doc = typed(doc, words.split(), label)
    return doc


def owner_at(ents: list[Entity], text: str, word: str, nth: int) -> str | None:
    """The person whose mention starts at the ``nth`` occurrence of ``word``."""
    starts = [k for k in range(len(text)) if text.startswith(word, k)]
    for e in ents:
        if e.type == "PERSON" and any(s == starts[nth] for s, _ in e.mentions):
            return e.name
    return None


def test_a_list_names_no_one_twice(nlp) -> None:  # noqa: F811
    text = "The museum has served under Governors Arthur K Dimmock, Peter Vaskell, Arthur Dimmock and Sam Reed."
    doc = typed_all(parse(nlp, text), [("Arthur K Dimmock", "PERSON"), ("Peter Vaskell", "PERSON"),
                                       ("Arthur Dimmock", "PERSON"), ("Sam Reed", "PERSON")])
    assert {"Arthur K Dimmock", "Arthur Dimmock"} <= person_names(doc)


def test_a_name_repeated_outside_a_list_is_the_same_person(nlp) -> None:  # noqa: F811
    text = "Arthur K Dimmock opened the hall on Monday. Later Arthur Dimmock thanked the staff."
    doc = typed_all(parse(nlp, text), [("Arthur K Dimmock", "PERSON"), ("Arthur Dimmock", "PERSON")])
    assert "Arthur Dimmock" not in person_names(doc)


def test_a_squad_list_club_tells_namesakes_apart(nlp) -> None:  # noqa: F811
    text = ("Uncapped Rotherham defender Owen Pryce is drafted in, and Gareth Pryce is fit.\n\n"
            "Squad: Evans (Hull), Pryce (Rotherham), Jones (Wolves), Pryce (Tranmere), Lloyd (Hull).")
    doc = typed_all(parse(nlp, text), [("Owen Pryce", "PERSON"), ("Gareth Pryce", "PERSON"), ("Pryce", "PERSON")])
    ents = group_entities(doc)
    assert owner_at(ents, text, "Pryce (", 0) == "Owen Pryce"
    assert owner_at(ents, text, "Pryce (", 1) == "Gareth Pryce"


@pytest.mark.parametrize(("text", "name"), [
    ("Kimberly have not lost at home since March, and the pressure is on their rivals.", "Kimberly"),
    ("Frost Lantern were the big winners at the awards, and they will tour in May.", "Frost Lantern"),
])
def test_the_subject_of_a_plural_verb_is_a_team_or_band(nlp, text: str, name: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), name.split(), "PERSON")
    assert name not in person_names(doc)


def test_a_number_before_a_name_is_no_role(nlp) -> None:  # noqa: F811
    text = "The fight mirrors the 1970s Quorvex versus Tandil war over tape formats."
    doc = typed(parse(nlp, text), ["Quorvex"], "PERSON")
    assert "Quorvex" not in person_names(doc)


def test_a_lone_word_ending_a_firm_name_is_the_firm(nlp) -> None:  # noqa: F811
    text = "Gallant Century Hobbs has not chosen yet. If Hobbs decided to back the disc, rivals would follow."
    doc = only(parse(nlp, text), (["Gallant", "Century", "Hobbs"], "ORG"), (["Hobbs"], "PERSON"))
    assert "Hobbs" not in person_names(doc)


@pytest.mark.parametrize(("text", "name"), [
    ("The prize went to Mira Olsen for her part in The Rise and Fall of Tobias Wren on Sunday.", "Tobias Wren"),
    ("His remarks come in a television documentary called 'No More Mr Grumble'. "
     "No More Mr Grumble is shown on Saturday.", "Grumble"),
])
def test_a_name_inside_a_work_title_is_no_person(nlp, text: str, name: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), name.split(), "PERSON")
    assert name not in person_names(doc)


def test_a_misspelt_long_surname_is_the_person_named_in_full(nlp) -> None:  # noqa: F811
    text = "Tomasz Wieczorkowski won the final on Sunday. Later Wieczorkowksi said he would give the prize away."
    doc = typed_all(parse(nlp, text), [("Tomasz Wieczorkowski", "PERSON"), ("Wieczorkowksi", "PERSON")])
    assert person_names(doc) == {"Tomasz Wieczorkowski"}


def test_a_short_surname_one_letter_off_stays_apart(nlp) -> None:  # noqa: F811
    text = "Tomas Brand won the final on Sunday. Later Brant said he would give the prize away."
    doc = typed_all(parse(nlp, text), [("Tomas Brand", "PERSON"), ("Brant", "PERSON")])
    assert {"Tomas Brand", "Brant"} <= person_names(doc)


def test_a_quantity_unit_before_a_name_is_no_role(nlp) -> None:  # noqa: F811
    text = "The machine comes with 512 megabytes Quoxel and a small mouse."
    doc = typed(parse(nlp, text), ["Quoxel"], "PERSON")
    assert "Quoxel" not in person_names(doc)


def test_a_common_surname_near_another_stays_apart(nlp) -> None:  # noqa: F811
    text = "Serena Williams won the final on Sunday. Later Williamson said she would give the prize away."
    doc = typed_all(parse(nlp, text), [("Serena Williams", "PERSON"), ("Williamson", "PERSON")])
    assert {"Serena Williams", "Williamson"} <= person_names(doc)
