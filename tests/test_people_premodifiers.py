"""Names a descriptor says are an organisation's, a work's or an animal's are no people (issue 14),
on invented sentences; people with like descriptors stay people."""

from __future__ import annotations

import pytest

from newsgraph.analyse.entities.people import group_entities
from tests.test_people import nlp  # noqa: F401  (the people-only pipeline fixture)
from tests.test_people_mistyped import typed
from tests.test_people_stages import parse


def person_names(doc) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.name for e in group_entities(doc) if e.type == "PERSON"}


@pytest.mark.parametrize(("text", "name"), [
    ("The likeliest bidder is Swiss garden tools group Pemberton Dunmore, the paper said.", "Pemberton Dunmore"),
    ("Most of the rest was bought by market leader Zorbex.", "Zorbex"),
    ("The market is weak, said Bob Dunmore, an economist at consultants Pemberton.", "Pemberton"),
    ("There are no plans for a new series of hit comedy Zorbex. Zorbex ended in 1990.", "Zorbex"),
    ("The children set out to rescue their friend Barnaby the pig from the farmer.", "Barnaby"),
    ("Veteran Labour MP Harold Pemberton is to stand down at the election.", "Veteran Labour"),
    ("The new Zorbex Tango single sold well. Fans bought the Zorbex Tango song online. "
     "A Zorbex Tango video follows, said Zorbex Tango.", "Zorbex Tango"),
])
def test_a_descriptor_of_a_thing_makes_no_person(nlp, text: str, name: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), name.split(), "PERSON")
    assert name not in person_names(doc)


@pytest.mark.parametrize(("text", "name"), [
    ('"Prices will rise," said Harold Pemberton, reviews editor at Zorbex magazine.', "Harold Pemberton"),
    ("Fellow analysts Harold Pemberton and Bob Dunmore disagreed with him.", "Harold Pemberton"),
    ("Labour MP Harold Pemberton said he would stand down.", "Harold Pemberton"),
    ("Harold Pemberton took his dog for a walk. Pemberton said the dog was old.", "Harold Pemberton"),
])
def test_people_with_like_descriptors_stay_people(nlp, text: str, name: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), name.split(), "PERSON")
    assert name in person_names(doc)


def test_a_surname_spacy_left_out_after_a_middle_name_is_kept(nlp) -> None:  # noqa: F811
    doc = parse(nlp, "Officials including Deputy Mayor Sally Quenby Yates, transport head Bob Dunmore "
                     "and others were there.")
    assert "Sally Quenby Yates" in person_names(doc)


@pytest.mark.parametrize(("text", "work"), [
    ("Bob Dunmore won best actor for playing jazz legend Ann Lee in Lee.", "Lee"),
    ("Harold Pemberton was praised for his role in Kelso.", "Kelso"),
])
def test_what_one_plays_a_part_in_is_a_work(nlp, text: str, work: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), [work], "PERSON")
    assert ("WORK_OF_ART", work) in {(e.type, e.name) for e in group_entities(doc)}


@pytest.mark.parametrize("text", [
    "The striker Bob Dunmore played in Kelso last season.",
    "Bob Dunmore said playing week in and week out in the Kelso is hard.",
])
def test_a_town_or_league_played_in_is_no_work(nlp, text: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), ["Kelso"], "PERSON")
    assert ("WORK_OF_ART", "Kelso") not in {(e.type, e.name) for e in group_entities(doc)}
