"""Names of works, events and series taken for people, and names cut at a middle name, on
invented sentences (issue #14): hits and battles given as examples, a name said to be a book, a
name running into a capitalised title, a series' name, a given name before a middle name."""

from __future__ import annotations

import pytest

from tests.test_people import nlp  # noqa: F401  (the people-only pipeline fixture)
from tests.test_people_mistyped import typed
from tests.test_people_stages import parse
from tests.test_people_things import group_entities, only, person_names


@pytest.mark.parametrize(("text", "name", "label"), [
    ("The festival launched hits such as Blue Harbour, Harold Pemberton and Garden Gate last year.",
     "Harold Pemberton", "WORK_OF_ART"),
    ("The game's arenas are the Pacific battles, including Tarawa and Harold Pemberton.",
     "Harold Pemberton", "EVENT"),
])
def test_an_example_of_hits_or_battles_is_no_person(nlp, text: str, name: str, label: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), name.split(), "PERSON")
    found = {e.name: e.type for e in group_entities(doc)}
    assert found.get(name) == label


def test_a_name_said_to_be_a_book_is_a_work(nlp) -> None:  # noqa: F811
    text = ("The director praised the project. \"Stone Otter is an enchanting book,\" he said. "
            "Stone Otter tells the story of a young hunter.")
    doc = typed(parse(nlp, text), ["Stone", "Otter"], "PERSON")
    found = {e.name: e.type for e in group_entities(doc)}
    assert found.get("Stone Otter") == "WORK_OF_ART"


def test_a_person_said_to_be_the_star_of_a_film_stays_a_person(nlp) -> None:  # noqa: F811
    doc = typed(parse(nlp, "Harold Pemberton is the film's star and he said so."), ["Harold", "Pemberton"], "PERSON")
    assert "Harold Pemberton" in person_names(doc)


def test_a_name_running_into_a_capitalised_title_is_no_person(nlp) -> None:  # noqa: F811
    text = "The night was long. The award was won by Al Verde Camino Del Sol from the film Blue Roads."
    doc = only(parse(nlp, text), (["Al", "Verde"], "PERSON"))
    assert not person_names(doc)


def test_a_particle_after_a_given_name_is_no_title(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "The club won again. The striker Alessio Del Corvo scored twice on Sunday."), (["Alessio"], "PERSON"))
    assert "Alessio" in " ".join(person_names(doc))


def test_a_name_mostly_modifying_films_is_a_series(nlp) -> None:  # noqa: F811
    text = ("Dirk Falcon will be the next Falcon film. The past four Falcon films made millions. Two previous "
            "Falcon movies were shot in Malta. The studio wants to reinvigorate the Falcon franchise.")
    doc = only(parse(nlp, text), (["Dirk", "Falcon"], "PERSON"), (["Falcon"], "PERSON"))
    assert "Dirk Falcon" not in person_names(doc)


def test_a_director_whose_film_is_named_after_him_stays_a_person(nlp) -> None:  # noqa: F811
    text = ("The new Dirk Falcon film opens on Friday. Dirk Falcon said he was proud. Falcon told reporters "
            "he would rest. The Falcon film cost 40m.")
    doc = only(parse(nlp, text), (["Dirk", "Falcon"], "PERSON"), (["Falcon"], "PERSON"))
    assert "Dirk Falcon" in person_names(doc)


@pytest.mark.parametrize(("text", "typed_words", "full"), [
    ("\"It is too long,\" he said. Bryn Emlyn Jenkins, the party's health spokesman, said it was late.",
     ["Emlyn", "Jenkins"], "Bryn Emlyn Jenkins"),
    ("The singer and guitarist Harold Dean Pembrook will appear on the show on Monday.",
     ["Harold", "Dean"], "Harold Dean Pembrook"),
])
def test_a_middle_name_is_no_given_or_family_name(nlp, text: str, typed_words: list[str], full: str) -> None:  # noqa: F811
    doc = only(parse(nlp, text), (typed_words, "PERSON"))
    assert person_names(doc) == {full}


@pytest.mark.parametrize(("text", "name"), [
    ("The singer, who sang on 1960s hits such as Come Tomorrow and Tra La Lee, said he was a hero.",
     "Tra La Lee"),
    ("He made more than 25 films, including Jungle Fire, Do the Right Thing, Summer of Harold and 1986 hit Blue.",
     "Harold"),
    ("The actor, whose films include Blue List, Harold Pemberton and Star Roads, said the theatre mattered.",
     "Harold Pemberton"),
])
def test_a_name_in_a_list_of_titles_is_no_person(nlp, text: str, name: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), name.split(), "PERSON")
    assert name not in person_names(doc)


def test_the_author_in_a_list_of_titles_stays_a_person(nlp) -> None:  # noqa: F811
    doc = typed(parse(nlp, "Other films include Harold Pemberton's Blue Roads and the comedy Sidelines."),
                ["Harold", "Pemberton"], "PERSON")
    assert "Harold Pemberton" in person_names(doc)


def test_a_nominee_after_a_works_noun_that_is_no_subject_stays_a_person(nlp) -> None:  # noqa: F811
    doc = typed(parse(nlp, "Nominees for best foreign film include Spain's Harold Pemberton for Bad Roads."),
                ["Harold", "Pemberton"], "PERSON")
    assert "Harold Pemberton" in person_names(doc)


def test_a_title_case_headline_is_no_title_of_a_work(nlp) -> None:  # noqa: F811
    text = "Dora Quill Goes After Harold Pemberton As The New Bo Ray\n\nDora Quill spoke on Monday."
    doc = only(parse(nlp, text), (["Dora", "Quill"], "PERSON"), (["Harold", "Pemberton"], "PERSON"))
    assert {"Dora Quill", "Harold Pemberton"} <= person_names(doc)
