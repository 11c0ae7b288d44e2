"""Speakers a reader finds by who was introduced just before: list items in match reports,
descriptions standing for the person named in the sentence before, an unnamed source named in
the next sentence, a person introduced without a reporting verb (invented sentences, one rule a
test)."""

from __future__ import annotations

from tests.test_speakers import names_quoting


def test_a_dash_list_item_without_a_colon_names_its_speaker() -> None:
    text = ("Harbour 2-1 Northfield\n\nA late goal settled it.\n\n"
            '- Northfield boss Tom Reyes "We were beaten by a better side on the day. "We go again next week."\n'
            '- Harbour boss Ann Lee "It was tight, but we kept going until the end."\n')
    assert names_quoting(text, "better side") == ["Tom Reyes"]
    assert names_quoting(text, "kept going") == ["Ann Lee"]


def test_a_list_item_introducing_the_next_quotation_signs_none_before_it() -> None:
    text = ("Cup preview\n\n"
            '- Northfield boss Tom Reyes: "We know it will be hard. "Harbour have won their last four games."\n'
            ' - Harbour boss Ann Lee: "We respect them. "Our fans will make the difference."\n')
    assert names_quoting(text, "last four games") == ["Tom Reyes"]
    assert names_quoting(text, "We respect them") == ["Ann Lee"]


def test_a_description_opening_a_sentence_is_the_subject_of_the_sentence_before() -> None:
    text = ("Harold Brennan, who had been chosen to fight the Northfield seat, resigned after reports that he "
            "attended a rally. The former dentist confirmed he had attended the rally.")
    assert names_quoting(text, "attended the rally") == ["Harold Brennan"]


def test_a_description_stays_unresolved_when_the_sentence_before_names_two_people() -> None:
    text = ("Harold Brennan met Tom Reyes at the rally. The former dentist confirmed he had attended the rally.")
    assert names_quoting(text, "attended the rally") != ["Harold Brennan"]


def test_an_unnamed_source_named_in_the_next_sentence_is_that_person() -> None:
    text = ("A spokesman for the Fisheries Board said the board agreed with the findings. "
            "\u201cThe quality varies from port to port,\u201d spokesman Tomas Eriksen said.")
    assert names_quoting(text, "agreed with the findings") == ["Tomas Eriksen"]


def test_who_right_after_a_person_noun_stands_for_that_noun() -> None:
    text = "A TV channel is being sued by a viewer who says he was upset by a cooking show."
    assert names_quoting(text, "he was upset") == ["a viewer"]


def test_he_after_a_described_speaker_is_the_person_described() -> None:
    text = ("Finance Minister Paul Hendry presented his budget on Tuesday.\n\n"
            "Opposition leader Tom Marsh attacked it. Mr Hendry had dreamt up \u201cmagic numbers\u201d, "
            "the opposition leader said. \u201cThis is a budget built on sand,\u201d he said.")
    assert names_quoting(text, "built on sand") == ["Tom Marsh"]


def test_he_passes_over_a_person_whose_view_another_reports() -> None:
    text = ("Tom Marsh, head of the Harbour Trust, said he did not think the damage was as bad as Mr Hendry believed. "
            "\u201cIt is a setback, but we will rebuild,\u201d he said.")
    assert names_quoting(text, "we will rebuild") == ["Tom Marsh"]


def test_a_person_introduced_as_a_subject_just_before_a_quotation_speaks_it() -> None:
    text = ("\u201cWhat a way to end the season,\u201d said Dorn Haller afterwards.\n\n"
            "Harbour coach Tom Reyes wants his players to spend more time on grass courts.\n\n"
            "\u201cIt will teach them to read the game better.\u201d")
    assert names_quoting(text, "read the game") == ["Tom Reyes"]


def test_an_honorific_and_surname_with_no_entity_is_the_full_name_written_before() -> None:
    text = ("Not least, said Paul Hendry, a consultant at Ostrava Systems, because defences improved.\n\n"
            "As the threats change, said Mr Hendry, many firms were changing the way they defend themselves.")
    assert names_quoting(text, "many firms") == ["Paul Hendry"]


def test_a_surname_misspelt_by_a_letter_is_the_person_named_before() -> None:
    text = ("Lindsay Carrington won the final in straight sets on Sunday.\n\n"
            "\u201cWe all worked hard for this moment,\u201d said Carington. \u201cIt means a lot.\u201d")
    assert names_quoting(text, "worked hard") == ["Lindsay Carrington"]


def test_a_line_opening_with_a_list_dash_is_a_paragraph_of_its_own() -> None:
    from newsgraph.clean import segment

    text = "Match facts\n\nRovers won 2-1.\n- Rovers boss Tom Reyes: it was close.\n - City boss Ann Lee: we were unlucky.\nA bye next.\n"
    starts = [text[p.start : p.start + 7] for p in segment(text).paragraphs]
    assert starts == ["Match f", "Rovers ", "- Rover", "- City "]  # a line that is no item stays with the one before


def test_a_description_is_not_a_person_the_article_gives_another_post() -> None:
    text = ("Home Secretary Ann Lee resigned on Monday after a row over the rules. "
            "The former teacher said the rules would be \u201ctightened up\u201d before the summer.")
    assert names_quoting(text, "tightened up") != ["Ann Lee"]


def test_a_description_inside_another_report_is_not_the_person_of_the_sentence_before() -> None:
    text = ("Ann Lee already had most of the delegates she needed.\n\n"
            "Tom Reyes, an adviser to Paul Hendry, said on Monday that the northern senator would fight on "
            "to the convention.")
    assert "Ann Lee" not in names_quoting(text, "fight on")


def test_an_honorific_and_surname_stay_as_written_when_the_article_gives_two_given_names() -> None:
    text = ("Anna Hendry and Paul Hendry spoke at the rally on Friday.\n\n"
            "The crowd cheered. As the night went on, said Mr. Hendry, the mood changed.")
    assert names_quoting(text, "the mood changed") != ["Anna Hendry"]
