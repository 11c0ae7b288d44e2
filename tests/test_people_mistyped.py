"""A person the tagger typed an organisation, on invented sentences: the article's own evidence (a
person's role noun before the name, the surname alone speaking or titled) makes the name a person;
a name the article uses as a firm's stays a thing. Also the things typed PERSON: events named after
a person, a firm's second word, the clubs of a team list."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from newsgraph.analyse.entities.people import group_entities
from tests.test_people import nlp  # noqa: F401  (the people-only pipeline fixture)
from tests.test_people_stages import parse


def typed(doc: Doc, words: list[str], label: str) -> Doc:
    """Every run of ``words`` in the doc typed ``label``, as the small model sometimes does."""
    size = len(words)
    runs = [k for k in range(len(doc) - size + 1) if [t.text for t in doc[k : k + size]] == words
            and not any(e.label_ == label and e.start <= k and k + size <= e.end for e in doc.ents)]
    kept = [e for e in doc.ents if not any(e.start < k + size and k < e.end for k in runs)]
    doc.ents = sorted([*kept, *(Span(doc, k, k + size, label) for k in runs)], key=lambda e: e.start)
    doc.user_data.clear()  # the token table is read again from the new entities
    return doc


def people(found: dict[str, str]) -> set[str]:
    return {name for name, kind in found.items() if kind == "PERSON"}


def kinds(doc: Doc) -> dict[str, str]:
    return {e.name: e.type for e in group_entities(doc)}


@pytest.mark.parametrize(("text", "full", "surname"), [
    ("The visitors were led by former Kent and Essex prop Owen Treharne. \"We never gave up,\" Treharne "
     "told the local radio station.", "Owen Treharne", "Treharne"),
    ("Ferndale manager Colin Abercrombie praised his players. \"They were superb today,\" said Abercrombie.",
     "Colin Abercrombie", "Abercrombie"),
    ("The club confirmed that Marcus Feltwell would leave in May. Mr Feltwell thanked the fans.",
     "Marcus Feltwell", "Feltwell"),
])
def test_a_name_typed_org_with_a_persons_evidence_is_a_person(nlp, text: str, full: str, surname: str) -> None:  # noqa: F811
    doc = typed(typed(parse(nlp, text), full.split(), "ORG"), [surname], "ORG")
    found = kinds(doc)
    assert found.get(full) == "PERSON" and surname not in found


def test_a_role_noun_inside_the_org_span_splits_off_the_club(nlp) -> None:  # noqa: F811
    doc = typed(parse(nlp, "Rovers boss Derek Pennyworth was happy with the point on Saturday."),
                ["Rovers", "boss", "Derek", "Pennyworth"], "ORG")
    assert kinds(doc).get("Derek Pennyworth") == "PERSON"


@pytest.mark.parametrize("text", [
    "Shares in Ruth Pennant fell 4% after the fashion chain warned on sales. \"Trading was hard,\" "
    "Pennant said.",
    "Ruth Pennant's profits fell by a tenth. \"Shoppers spent less,\" said Pennant.",
    "Ruth Pennant stores will close in March. \"It is a sad day,\" Pennant said.",
])
def test_a_name_used_as_a_firms_stays_a_thing(nlp, text: str) -> None:  # noqa: F811
    doc = typed(typed(parse(nlp, text), ["Ruth", "Pennant"], "ORG"), ["Pennant"], "ORG")
    assert kinds(doc).get("Ruth Pennant") != "PERSON"


def test_a_band_listed_with_singers_and_speaking_by_its_full_name_stays_a_thing(nlp) -> None:  # noqa: F811
    doc = parse(nlp, "The poll put Amy Larkin, Toby Vance and Joy Harbour ahead. Joy Harbour said nothing.")
    assert kinds(typed(doc, ["Joy", "Harbour"], "ORG")).get("Joy Harbour") != "PERSON"


def test_a_firm_named_after_its_founders_stays_a_thing_when_it_speaks(nlp) -> None:  # noqa: F811
    doc = typed(parse(nlp, "Accountants Harold & Fenwick said in a statement that Fenwick would review it."),
                ["Harold", "&", "Fenwick"], "ORG")
    assert kinds(doc).get("Harold & Fenwick") != "PERSON"


def test_a_firms_second_word_typed_person_stays_in_the_firm(nlp) -> None:  # noqa: F811
    doc = parse(nlp, "The airline was sued by Grumwell Barton over the late engines.")
    doc = typed(typed(typed(doc, ["Grumwell", "Barton"], "PERSON"), ["Grumwell"], "ORG"), ["Barton"], "PERSON")
    found = kinds(doc)
    assert found.get("Grumwell Barton") == "ORG" and "Barton" not in found


def test_a_given_name_before_a_surname_is_no_firm(nlp) -> None:  # noqa: F811
    doc = typed(parse(nlp, "The deal was signed by Ivana Barton on Monday."), ["Ivana", "Barton"], "PERSON")
    doc = typed(typed(doc, ["Ivana"], "ORG"), ["Barton"], "PERSON")
    assert kinds(doc).get("Ivana Barton") == "PERSON"


@pytest.mark.parametrize(("text", "event"), [
    ("Hollis gave the fourteenth Jeremy Dalton Lecture at the college on Tuesday.", "Jeremy Dalton Lecture"),
    ("The team lifted the Frank Peters Trophy for the third time.", "Frank Peters Trophy"),
    ("Organisers of the Anna Wells Memorial said the race would go ahead.", "Anna Wells Memorial"),
])
def test_an_event_named_after_a_person_is_no_person(nlp, text: str, event: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), event.split(), "PERSON")
    found = kinds(doc)
    assert found.get(event) != "PERSON" and " ".join(event.split()[:2]) not in found


def test_a_club_in_brackets_in_a_team_list_is_no_person(nlp) -> None:  # noqa: F811
    doc = parse(nlp, "Ardlow side: T Penhale (Corvale), R Mabbott (Ardlow), G Sellick (Corvale).")
    for word in ("Penhale", "Mabbott", "Sellick"):
        doc = typed(doc, [word], "PERSON")
    doc = typed(typed(doc, ["Corvale"], "PERSON"), ["Ardlow"], "PERSON")
    found = kinds(doc)
    assert found.get("Corvale") == "ORG" and found.get("T Penhale") == "PERSON" and "Ardlow" not in people(found)


def test_a_descriptor_before_a_club_and_a_role_is_no_persons_name(nlp) -> None:  # noqa: F811
    doc = parse(nlp, "Leeds named Gavin Holroyd at prop. Fellow Leeds prop Barry Smith will start on the bench.")
    doc = typed(doc, ["Fellow", "Leeds"], "PERSON")
    found = kinds(doc)
    assert "Fellow Leeds" not in found and "Barry Smith" in found


def test_a_player_of_a_team_list_typed_org_is_a_person(nlp) -> None:  # noqa: F811
    doc = typed(parse(nlp, "Ardlow side: T Penhale (Corvale), R Mabbott (Ardlow), G Sellick (Corvale)."),
                ["R", "Mabbott"], "ORG")
    assert kinds(doc).get("R Mabbott") == "PERSON"


def test_two_players_of_one_surname_keep_their_initials(nlp) -> None:  # noqa: F811
    doc = parse(nlp, "Ardlow side: C Penhale (Corvale), T Penhale (Ardlow), G Sellick (Corvale).")
    found = people(kinds(typed(typed(doc, ["T", "Penhale"], "PERSON"), ["C", "Penhale"], "ORG")))
    assert {"C Penhale", "T Penhale"} <= found


def test_a_hyphenated_surname_typed_org_joins_the_person(nlp) -> None:  # noqa: F811
    doc = parse(nlp, "Robert Ashby-Lowe founded the party in May. Critics say Ashby-Lowe wants a seat.")
    k = next(t.i for t in doc if t.text == "Ashby" and doc[t.i - 1].text != "Robert")
    doc.ents = [e for e in doc.ents if not e.start <= k < e.end] + [Span(doc, k, k + 3, "ORG")]
    doc.user_data.clear()
    found = kinds(doc)
    assert found.get("Robert Ashby-Lowe") == "PERSON" and "Ashby-Lowe" not in found


def test_a_full_name_and_its_initialled_form_in_a_team_list_are_one_person(nlp) -> None:  # noqa: F811
    doc = parse(nlp, "Corvale led early when Tobiah Penhale scored. Corvale: T Penhale (Ardlow), G Sellick (Corvale).")
    doc = typed(typed(doc, ["Tobiah", "Penhale"], "PERSON"), ["T", "Penhale"], "PERSON")
    assert "Tobiah Penhale" in people(kinds(doc))
