"""Names shaped like people's that are things, and people's names cut or run on, on invented
sentences: examples of works and firms, days named after people, an acronym spelt out, a work's
noun before the name; post-nominal letters, a nickname in marks, a surname spaCy left untyped, a
title that is no given name, a short form of a given name, a role noun opening a sentence."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from newsgraph.analyse.entities.people import group_entities
from newsgraph.model import Entity
from tests.test_people import nlp  # noqa: F401  (the people-only pipeline fixture)
from tests.test_people_mistyped import typed
from tests.test_people_stages import parse


def only(doc: Doc, *runs: tuple[list[str], str]) -> Doc:
    """The doc's entities replaced by the given runs of words, each typed its label."""
    ents: list[Span] = []
    for words, label in sorted(runs, key=lambda r: -len(r[0])):  # the longest run first, no overlaps
        size = len(words)
        ents += [Span(doc, k, k + size, label) for k in range(len(doc) - size + 1)
                 if [t.text for t in doc[k : k + size]] == words
                 and not any(e.start < k + size and k < e.end for e in ents)]
    doc.ents = sorted(ents, key=lambda e: e.start)
    doc.user_data.clear()
    return doc


def people_in(doc: Doc) -> list[Entity]:
    return [e for e in group_entities(doc) if e.type == "PERSON"]


def person_names(doc: Doc) -> set[str]:
    return {e.name for e in people_in(doc)}


@pytest.mark.parametrize(("text", "name"), [
    ("Brightsoft publishes blockbuster titles such as Zorbo and Harold Pemberton, and sells them abroad.",
     "Harold Pemberton"),
    ("They wanted to make groups like Harold Pemberton known to fans across the world.", "Harold Pemberton"),
    ("The studio sold video versions of movies such as Harold Pemberton last year.", "Harold Pemberton"),
    ("She starred in several films, including 1951's Harold Pemberton, before retiring.", "Harold Pemberton"),
    ("The firm owns brands including Fizzo soda and Harold Pemberton.", "Harold Pemberton"),
])
def test_an_example_of_works_or_firms_is_no_person(nlp, text: str, name: str) -> None:  # noqa: F811
    doc = typed(parse(nlp, text), name.split(), "PERSON")
    assert name not in person_names(doc)


def test_an_example_of_people_stays_a_person(nlp) -> None:  # noqa: F811
    doc = typed(parse(nlp, "The club has signed players such as Harold Pemberton this summer."),
                ["Harold", "Pemberton"], "PERSON")
    assert "Harold Pemberton" in person_names(doc)


def test_a_day_named_after_people_is_an_event(nlp) -> None:  # noqa: F811
    doc = typed(parse(nlp, "Campaigners declared 3 March 2006 as Free Tomas and Delia Day across Europe."),
                ["Free", "Tomas"], "PERSON")
    found = {e.name: e.type for e in group_entities(doc)}
    assert found.get("Free Tomas and Delia Day") == "EVENT" and "Free Tomas" not in found


def test_a_person_named_day_coordinated_stays_a_person(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "She met Peter Hale and Delia Day at the party on Friday."),
               (["Peter", "Hale"], "PERSON"), (["Delia", "Day"], "PERSON"))
    assert {"Peter Hale", "Delia Day"} <= person_names(doc)


def test_an_acronym_spelt_out_in_brackets_is_no_person(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "A new European directive, WEEX (Waste Electrical Equipment Xchange), comes into "
                          "force in August."), (["WEEX"], "PERSON"))
    assert "WEEX" not in person_names(doc)


def test_a_name_after_a_works_noun_is_a_work(nlp) -> None:  # noqa: F811
    doc = typed(parse(nlp, "Lund's big-budget epic Alaric, starring Dora Quill, opened last week."),
                ["Alaric"], "PERSON")
    assert "Alaric" not in person_names(doc)


def test_a_name_cut_from_a_firms_name_is_no_person(nlp) -> None:  # noqa: F811
    text = "Fans queued to see Los Tigres de Plan B in Madrid. The band Los Tigres de Plan B sold out."
    doc = only(parse(nlp, text), (["Los", "Tigres", "de", "Plan"], "PERSON"),
               (["Los", "Tigres", "de", "Plan", "B"], "ORG"))
    assert not person_names(doc)


@pytest.mark.parametrize("letters", ["QC", "OBE", "MP"])
def test_post_nominal_letters_are_no_part_of_the_name(nlp, letters: str) -> None:  # noqa: F811
    text = f"The donor, Gerald Foxton {letters}, gave 30,000 pounds. Gerald Foxton said he was proud."
    doc = only(parse(nlp, text), (["Gerald", "Foxton", letters], "PERSON"), (["Gerald", "Foxton"], "PERSON"))
    found = people_in(doc)
    assert [e.name for e in found] == ["Gerald Foxton"] and len(found[0].mentions) == 2


def test_a_surname_spacy_left_untyped_after_a_given_name(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "The board threatened champion Edna Kiprotich with a ban. Kiprotich denied it."),
               (["Edna"], "PERSON"))
    assert "Edna Kiprotich" in person_names(doc) and "Edna" not in person_names(doc)


def test_a_nickname_in_marks_between_given_and_family_name(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "Ahmed 'Zizo' Farouk has apologised to the fans again."),
               (["Ahmed"], "PERSON"), (["Farouk"], "GPE"))
    found = people_in(doc)
    assert [e.name for e in found] == ["Ahmed Farouk"]
    s, e = found[0].mentions[0]
    assert doc.text[s:e] == "Ahmed 'Zizo' Farouk"


@pytest.mark.parametrize(("text", "full", "short"), [
    ("A court froze the assets of Augusto Valdivia in May. It was fined 16m. Gen Valdivia himself was "
     "never tried.", "Augusto Valdivia", "Valdivia"),
    ("The hotel was sold to investor Prince Khalid bin Fahd in June. Prince Khalid's hotels include "
     "two in Paris.", "Khalid bin Fahd", "Khalid"),
])
def test_a_title_before_a_name_is_no_given_name(nlp, text: str, full: str, short: str) -> None:  # noqa: F811
    found = people_in(only(parse(nlp, text), (full.split(), "PERSON"), ([short], "PERSON")))
    assert [e.name for e in found] == [full]


def test_a_short_form_of_the_given_name_is_the_person(nlp) -> None:  # noqa: F811
    text = ("Robbie Calloway won the award for best single. Fans loved Bob Ferris too. The crowd sang along "
            "for an hour. Well done Rob.")
    doc = only(parse(nlp, text), (["Robbie", "Calloway"], "PERSON"), (["Bob", "Ferris"], "PERSON"),
               (["Rob"], "PERSON"))
    found = {e.name: e for e in people_in(doc)}
    assert set(found) == {"Robbie Calloway", "Bob Ferris"} and "Rob" in found["Robbie Calloway"].aliases


def test_a_role_noun_opening_the_sentence_is_no_part_of_the_name(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "Rapper Kazoo has denied the claims. Kazoo said he was never there."),
               (["Rapper", "Kazoo"], "PERSON"), (["Kazoo"], "PERSON"))
    assert person_names(doc) == {"Kazoo"}


def test_ayatollah_is_a_title(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "The founder, Ayatollah Ruhollah Maleki, died in 1989."),
               (["Ayatollah", "Ruhollah", "Maleki"], "PERSON"))
    assert person_names(doc) == {"Ruhollah Maleki"}


def test_a_team_list_name_is_not_cut_like_a_headline(nlp) -> None:  # noqa: F811
    text = ("Backs: Mark Fenwick (Glasgow Rugby), Chris Dalgetty (The Borders), Simon Orrell (Edinburgh "
            "Rugby), Chris Penhallow (Edinburgh Rugby), Dan Mossop (Glasgow Rugby).")
    doc = only(parse(nlp, text), *(([w, s], "PERSON") for w, s in (
        ("Mark", "Fenwick"), ("Chris", "Dalgetty"), ("Simon", "Orrell"), ("Chris", "Penhallow"), ("Dan", "Mossop"))))
    assert {"Chris Dalgetty", "Chris Penhallow"} <= person_names(doc) and "Chris" not in person_names(doc)


def test_coordinated_children_take_the_family_name(nlp) -> None:  # noqa: F811
    text = "Carl Brennock made an offer. The bid is led by Mr Brennock's two sons, Avram and Joel, say reports."
    doc = only(parse(nlp, text), (["Carl", "Brennock"], "PERSON"), (["Brennock"], "PERSON"),
               (["Avram"], "PERSON"), (["Joel"], "PERSON"))
    assert {"Avram Brennock", "Joel Brennock"} <= person_names(doc)


def test_a_writing_partner_is_no_relative(nlp) -> None:  # noqa: F811
    text = "Alan Pardoe won best director, along with writing partner Jim Taylor."
    doc = only(parse(nlp, text), (["Alan", "Pardoe"], "PERSON"), (["Jim", "Taylor"], "PERSON"))
    assert person_names(doc) == {"Alan Pardoe", "Jim Taylor"}


@pytest.mark.parametrize(("text", "name"), [
    ("The Lib Demz say the plan is flawed. The Lib Demz want a new vote.", "Lib Demz"),
    ("Sales of the Slim GameBrick tripled in December.", "Slim GameBrick"),
    ("Wife Trade makers sue US copycat. The British producers of Wife Trade filed the claim.", "Wife Trade"),
    ("Dora Pask, which is due to report results, fell 3%. Dora Pask, which was founded in 1953, thanked "
     "its staff. Dora Pask thanked investors.", "Dora Pask"),
])
def test_a_name_shaped_or_treated_as_a_things_is_no_person(nlp, text: str, name: str) -> None:  # noqa: F811
    doc = only(parse(nlp, text), (name.split(), "PERSON"))
    assert name not in person_names(doc)


def test_a_known_place_in_a_places_context_is_a_place(nlp) -> None:  # noqa: F811
    text = "\"If you come to Norwich on a Friday you will see it,\" he said. \"I want jobs in Norwich.\""
    doc = only(parse(nlp, text), (["Norwich"], "PERSON"))
    found = {e.name: e.type for e in group_entities(doc)}
    assert found.get("Norwich") == "GPE"


def test_a_score_after_a_name_is_no_part_of_it(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "The Russian struggled past wild card Selma Tarek 2-6 6-2 7-6 on Tuesday."),
               (["Selma", "Tarek", "2", "-"], "PERSON"))
    assert person_names(doc) == {"Selma Tarek"}


def test_a_name_after_where_a_firm_is_based_is_no_person(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "Santa Monica-based Acticorp is said to be one firm on its takeover list."),
               (["Acticorp"], "PERSON"))
    assert "Acticorp" not in person_names(doc)


def test_examples_of_leaders_stay_people(nlp) -> None:  # noqa: F811
    doc = typed(parse(nlp, "The summit drew world leaders such as Harold Pemberton and others."),
                ["Harold", "Pemberton"], "PERSON")
    assert "Harold Pemberton" in person_names(doc)


def test_a_firm_shaped_name_stays_an_organisation(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "Analysts said Zap Jeevz would keep the site. It fits with the Zap Jeevz service. "
                          "He said Zap Jeevz would help."), (["Zap", "Jeevz"], "PERSON"))
    found = {e.name: e.type for e in group_entities(doc)}
    assert found.get("Zap Jeevz") == "ORG"


def test_a_surname_after_an_office_inside_an_org_span_is_a_person(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "Lawyers urged Lord Justices Marrick and Pell to overturn the ruling."),
               (["Justices", "Marrick"], "ORG"))
    assert "Marrick" in person_names(doc)


def test_members_a_group_includes_stay_people(nlp) -> None:  # noqa: F811
    doc = typed(parse(nlp, "The report came from the all-party group, including Tories Harold Pemberton and others."),
                ["Harold", "Pemberton"], "PERSON")
    assert "Harold Pemberton" in person_names(doc)


def test_a_prince_takes_no_family_name_from_the_name_beside_him(nlp) -> None:  # noqa: F811
    text = "Prince Edwin and Carla Dunmore-Hythe will wed in April. Lib Dem leader Edwin Marsh welcomed it."
    doc = only(parse(nlp, text), (["Edwin"], "PERSON"), (["Carla", "Dunmore", "-", "Hythe"], "PERSON"),
               (["Edwin", "Marsh"], "PERSON"))
    assert {"Prince Edwin", "Edwin Marsh"} <= person_names(doc)


def test_a_country_closing_a_name_with_no_given_name_is_a_firm(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "The trial went so well that Voxcom Norway is now planning more. Ann Jordan was pleased."),
               (["Voxcom", "Norway"], "PERSON"), (["Ann", "Jordan"], "PERSON"))
    found = {e.name: e.type for e in group_entities(doc)}
    assert found.get("Voxcom Norway") == "ORG" and found.get("Ann Jordan") == "PERSON"


def test_a_brand_before_an_example_noun_is_no_person(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "The firm will stop ads for products like Crunchy cookies and sugary Zingo-Fizz drinks."),
               (["Zingo", "-", "Fizz"], "PERSON"))
    assert "Zingo-Fizz" not in person_names(doc)


@pytest.mark.parametrize(("text", "words"), [
    ("He also produced Mr Drum Man for the band, as well as other hits.", ["Drum", "Man"]),
    ("The night needs a party mood and Ould Ferri Syne, if the texts are anything to go by.", ["Ferri", "Syne"]),
])
def test_a_name_cut_from_a_capitalised_title_is_no_person(nlp, text: str, words: list[str]) -> None:  # noqa: F811
    doc = only(parse(nlp, text), (words, "PERSON"))
    assert " ".join(words) not in person_names(doc)


def test_a_person_after_a_typed_or_titled_word_stays_a_person(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "The award went to late Beatle Harold Pemberton and Mr Ann Lee."),
               (["Beatle", "Harold", "Pemberton"], "PERSON"), (["Ann", "Lee"], "PERSON"))
    assert {"Harold Pemberton", "Ann Lee"} <= person_names(doc)


def test_a_stage_name_closing_with_a_person_noun_stays_a_person(nlp) -> None:  # noqa: F811
    doc = only(parse(nlp, "The hit featured the vocals of reggae artist Zappo Man on Friday."), (["Zappo", "Man"], "PERSON"))
    assert "Zappo Man" in person_names(doc)


def test_three_names_with_no_given_name_and_no_role_are_a_firm(nlp) -> None:  # noqa: F811
    text = "Sales fell 4%, says a City bank. Vossler Kleinhardt Amberg said: \"Demand was weak.\""
    doc = only(parse(nlp, text), (["Vossler", "Kleinhardt", "Amberg"], "PERSON"))
    assert "Vossler Kleinhardt Amberg" not in person_names(doc)
    doc = only(parse(nlp, "The mayor, P de Villers, said demand was weak."), (["P", "de", "Villers"], "PERSON"))
    assert "P de Villers" in person_names(doc)
