"""Speakers named as the article describes them: a description after a quotation stands for the
person the sentence before opens with, a title and a surname for the person written in full after
that title, an organisation's report for the organisation (invented sentences, one rule a test)."""

from __future__ import annotations

from tests.test_speakers import names_quoting


def test_a_description_after_a_quotation_is_the_person_the_sentence_before_opens_with() -> None:
    text = ("Harbour beat Northfield 2-0 on Saturday.\n\n"
            "Tom Reyes, back after a long injury, also praised the coaching staff at the club. "
            "\"They kept me going through the winter,\" said the Harbour striker.\n")
    assert names_quoting(text, "kept me going") == ["Tom Reyes"]


def test_a_label_before_the_surname_still_opens_the_sentence() -> None:
    text = ("Tom Reyes scored twice as Harbour beat Northfield.\n\n"
            "Matchwinner Reyes was full of praise for the defence. "
            "\"It was a great cross from Lee,\" said the Harbour striker.\n")
    assert names_quoting(text, "great cross") == ["Tom Reyes"]


def test_a_description_stays_unresolved_when_someone_is_named_in_between() -> None:
    text = ("Harbour beat Northfield 2-0 on Saturday.\n\n"
            "Tom Reyes praised the coaching staff. Manager Ann Lee was less pleased with the pitch. "
            "\"It was a great cross,\" said the Harbour striker.\n")
    assert names_quoting(text, "great cross") != ["Tom Reyes"]


def test_a_title_and_surname_is_the_person_written_in_full_after_that_title() -> None:
    text = ("Archbishop Tomas Okafor has called for the release of the prisoners.\n\n"
            "Archbishop Okafor told reporters: \"It is wrong to hold people without trial.\"\n")
    assert names_quoting(text, "without trial") == ["Tomas Okafor"]


def test_an_organisations_report_speaks_for_the_organisation() -> None:
    text = ("Poverty in the region is falling, according to the Harbour Development Fund.\n\n"
            "The Northfield Trust said wages in the towns were flat. "
            "\"Incomes have risen faster than prices for a decade,\" the Harbour Development Fund report said.\n")
    assert names_quoting(text, "Incomes have risen") == ["Harbour Development Fund"]


def test_an_unnamed_source_keeps_the_possessive_of_a_plural_name() -> None:
    text = ("Northland has tightened its rules on foreign broadcasters.\n\n"
            "According to the Harbour Times' Northland correspondent, the new rules show how sensitive "
            "the government is about foreign money.\n")
    assert names_quoting(text, "new rules show") == ["the Harbour Times' Northland correspondent"]


def test_a_product_an_organisation_owns_is_not_what_the_firm_stands_for() -> None:
    text = ("Harbour Airways is cutting fares to win back passengers.\n\n"
            "Harbour Airways' new FlexiFares were trialled on routes from Northfield last spring. "
            "The airline says no return fare will now cost more than 300 pounds.\n")
    assert names_quoting(text, "no return fare") == ["Harbour Airways"]


def test_a_description_in_the_lead_owned_by_the_person_named_is_the_next_person_who_speaks() -> None:
    text = ("Lee on course\n\n"
            "Ann Lee will meet her spending rule \"with a margin to spare\", according to her former chief finance adviser.\n\n"
            "Formerly one of Ms Lee's closest aides, Tom Reyes said the council would cut no services.\n")
    assert names_quoting(text, "margin to spare") == ["Tom Reyes"]


def test_a_given_name_before_a_nickname_in_marks_is_the_full_name_as_written() -> None:
    text = ('"This is a big night for our next senator, Tom Lee!" Lee\'s niece, state Del. Nora "Nan" Price '
            "(D-Harbour City), shouted to the crowd.\n")
    assert names_quoting(text, "big night") == ['Nora "Nan" Price']
