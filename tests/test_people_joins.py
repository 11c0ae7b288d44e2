"""One person per real person in an article, on invented sentences: a titled given name, a
spelling variant, a relative named by a given name, a party noun or a sentence end inside a name."""

from __future__ import annotations

import pytest

from tests.test_people import analyse, nlp, people  # noqa: F401  (nlp is a fixture)


@pytest.mark.parametrize(("text", "name", "short"), [
    ("Dame Margaret returns to the stage\n\nThe actress Dame Margaret Bellamy watched the show on Monday. "
     "Dame Margaret, 70, said she loved it.", "Margaret Bellamy", "Margaret"),
    ("The singer Sir Rupert Callow opened the hall. Later Sir Rupert thanked the staff.", "Rupert Callow", "Rupert"),
    # another spelling of the same name in one article
    ("Viktor Marenko, 50, says he was betrayed. Mr Marenko went on hunger strike. \"They took what "
     "Victor Marenko knew and left him in the cold,\" said a historian.", "Viktor Marenko", "Victor Marenko"),
    ("Burnley boss Steve Cotterhill said his side were tired. Steve Cotterhills' men have lost four "
     "times in the fifth round.", "Steve Cotterhill", "Steve Cotterhills"),
    ("Aaron Fostall and David Pleacy won a place in the final. Mr Fostall and Mr Pleacy travel to Dallas. "
     "In December Mr Fostall and Mr Plecay beat eight other players.", "David Pleacy", "Plecay"),
    # a compound given name said alone
    ("Rafael Onteros beat Luis Maria Galvarro in four sets. \"Luis Maria served badly today,\" said Onteros.",
     "Luis Maria Galvarro", "Luis Maria"),
    # a short surname after an honorific with the "h" of a transliteration left out
    ("The trust is run by Meera Bhasi, 41, of Leeds. Ms Basi said the grant would pay for two nurses.",
     "Meera Bhasi", "Basi"),
    # a family name first, then an honorific and the family name alone: the given names are nobody
    ("The chain is majority-owned by Malaysian entrepreneur Dr Khoo Kay Peng. It has long been "
     "reported that Dr Khoo intends to take the company private.", "Khoo Kay Peng", "Kay Peng"),
])
def test_a_short_or_variant_form_is_the_full_name(nlp, text: str, name: str, short: str) -> None:  # noqa: F811
    found = people(analyse(nlp, text))
    assert name in found and short not in found


def test_a_hyphen_dropped_in_one_spelling_is_the_same_person(nlp) -> None:  # noqa: F811
    text = ("Robert Pellow-Vance spoke to the party. Critics said Robert Pellow Vance had gone too far, "
            "but Mr Pellow-Vance said he was proud.")
    found = people(analyse(nlp, text))
    assert "Robert Pellow-Vance" in found and "Robert Pellow Vance" not in found


def test_a_surname_whose_s_went_behind_the_apostrophe(nlp) -> None:  # noqa: F811
    text = "Tobias Harkes opened the fair in the city. Mr Harke's speech was cut short by a power cut."
    found = people(analyse(nlp, text))
    assert "Tobias Harkes" in found and "Harke" not in found


@pytest.mark.parametrize(("text", "relative"), [
    ("The board backed chairman Rajiv Mehta, whose plan it was. His brother Ravi, the vice-chairman, "
     "was not consulted.", "Ravi Mehta"),
    ("Novelist Gerald Pemberton wrote twelve books. Pemberton worked slowly. In 1970 he moved to Spain "
     "with his wife Maureen.", "Maureen Pemberton"),
    ("The estate of Clifford Darnay is worth millions. Darnay's daughter Anna Rose still lives there.",
     "Anna Rose Darnay"),
])
def test_a_relative_named_by_given_names_takes_the_family_name(nlp, text: str, relative: str) -> None:  # noqa: F811
    assert relative in people(analyse(nlp, text))


def test_a_party_noun_before_a_name_is_no_part_of_it(nlp) -> None:  # noqa: F811
    text = "The minister defended the plan. But fellow Tory Andrew Whitcombe-Lyle said it would fail."
    assert "Andrew Whitcombe-Lyle" in people(analyse(nlp, text))


def test_an_initial_ending_a_sentence_ends_the_name(nlp) -> None:  # noqa: F811
    text = "The play is about Malcolm X. Besides Okoro, the cast includes Ada Brennan."
    found = people(analyse(nlp, text))
    assert not any("Besides" in n for n in found)


@pytest.mark.parametrize(("text", "work"), [
    ("The band's hits include Rain Again, and Who's Daniel? They tour in May.", "Daniel"),
    ("Nominees include The Kettle or Who is Rosalind? by a new writer.", "Rosalind"),
    ("Fans want a film, or even Jamie and the Silver Lantern, said Ann Pike.", "Jamie"),
])
def test_a_given_name_in_a_works_title_is_no_person(nlp, text: str, work: str) -> None:  # noqa: F811
    assert work not in people(analyse(nlp, text))


def test_a_given_name_and_the_queen_stays_a_person(nlp) -> None:  # noqa: F811
    found = people(analyse(nlp, "Prince William and the Queen visited the town. William and the Queen left."))
    assert len(found["Prince William"].mentions) == 2


@pytest.mark.parametrize(("text", "name", "short"), [
    ("De Lacroix film tops chart\n\nFilm star Robert De Lacroix is back at the top of the box office. "
     "De Lacroix plays a widower.", "Robert De Lacroix", "De Lacroix"),
    ("Comic Harwood returns with sitcom\n\nComedian Simon Harwood is to return to television with a new "
     "sitcom. Harwood wrote it with a friend.", "Simon Harwood", "Comic Harwood"),
])
def test_a_headline_surname_before_the_full_name_is_that_person(nlp, text: str, name: str, short: str) -> None:  # noqa: F811
    found = people(analyse(nlp, text))
    assert name in found and short not in found


def test_a_club_named_by_an_abbreviated_town_is_no_person(nlp) -> None:  # noqa: F811
    text = "Striker eyes Man City exit\n\nThe striker wants to leave Man City at the end of the season, a paper said."
    assert "Man City" not in people(analyse(nlp, text))


def test_a_bare_kin_noun_names_the_relative_of_whom_the_text_is_about(nlp) -> None:  # noqa: F811
    text = ("Former leader Graham Tulloch will not stand again. Mr Tulloch told the paper he hopes to stay "
            "in the village. He also plans to start a family with wife Bronwen.")
    assert "Bronwen Tulloch" in people(analyse(nlp, text))


def test_an_unpunctuated_military_title_is_no_part_of_the_name(nlp) -> None:  # noqa: F811
    text = "Assets held by Gen Halloran were frozen on Monday. The court said Gen Halloran had hidden them."
    found = people(analyse(nlp, text))
    assert "Gen Halloran" not in found and "Halloran" in found


@pytest.mark.parametrize(("text", "thing"), [
    ("Morales Morales show set for US TV\n\nChart stars Morales Morales are to play a concert. \"We just wanted "
     "to make a great Morales Morales album,\" said keyboard player Nick Hale.", "Morales Morales"),
    ("Oscar nominee Hotel Jakarta was also a new entry in the chart, at number nine.", "Hotel Jakarta"),
])
def test_a_repeated_word_or_a_facility_noun_names_no_person(nlp, text: str, thing: str) -> None:  # noqa: F811
    assert thing not in people(analyse(nlp, text))


@pytest.mark.parametrize(("text", "thing"), [
    ("Johnson next competes in the high-class Birmingham Grand Prix on 18 February.", "Birmingham Grand Prix"),
    ("Air Kerala has ordered 30 Airbus A320 planes in a deal worth millions.", "Air Kerala"),
])
def test_an_event_or_an_airline_is_no_person(nlp, text: str, thing: str) -> None:  # noqa: F811
    assert thing not in people(analyse(nlp, text))


def test_an_honorific_before_a_double_surname_leaves_the_full_name_naming_the_person(nlp) -> None:  # noqa: F811
    text = ("Gareth Pemberton Lloyd, the museum's director, opened the wing. Mr Pemberton Lloyd said visits were up. "
            "Later Mr Pemberton Lloyd added that the cafe would close.")
    assert "Gareth Pemberton Lloyd" in people(analyse(nlp, text))


def test_a_given_name_in_a_title_case_sentence_stays_in_the_full_name(nlp) -> None:  # noqa: F811
    text = ("Both Transport Secretary Imelda Varncombe and Deputy Prime Minister Owain Treharne Have Welcomed "
            "The Plan. Ms Varncombe said it was overdue.")
    assert "Imelda Varncombe" in people(analyse(nlp, text))


def test_a_titled_surname_that_looks_like_a_full_name_leaves_the_full_name_naming_the_person(nlp) -> None:  # noqa: F811
    text = ("The bishop welcomed Mrs Imogen Morgan Blythe to the abbey. Mrs Morgan Blythe said she was delighted. "
            "Later Mrs Morgan Blythe thanked the choir.")
    assert "Imogen Morgan Blythe" in people(analyse(nlp, text))


@pytest.mark.parametrize(("text", "name", "other"), [
    ("Lorna Vale won the prize for best newcomer. Born Lorna Valentine Pruitt, the Cornish singer "
     "began her career in a school choir.", "Lorna Vale", "Lorna Valentine Pruitt"),
    ("The lawsuit names rapper Jay Barlow - real name Dennis Ockwell - and two others. Barlow denies it.",
     "Jay Barlow", "Dennis Ockwell"),
    ("The singer Joey Starrk, whose real name is Desmond Ackerly, was fined on Monday. Starrk has released "
     "ten albums.", "Joey Starrk", "Desmond Ackerly"),
    ("The comedian Dorrit Kell (real name: Margaret Ansley) opened the festival.", "Dorrit Kell", "Margaret Ansley"),
])
def test_a_birth_or_real_name_is_another_name_of_the_person(nlp, text: str, name: str, other: str) -> None:  # noqa: F811
    found = people(analyse(nlp, text))
    assert name in found and other not in found


@pytest.mark.parametrize(("text", "both"), [
    ("Ann Halloway chaired the meeting. Dutch-born Pieter Kamsma, her deputy, said the vote was close.",
     {"Ann Halloway", "Pieter Kamsma"}),  # a place of birth is no birth name
    ("Simon Easterfield and his brother Guy Easterfield both play. Simon Easterfield scored twice.",
     {"Simon Easterfield", "Guy Easterfield"}),
    ("Carl Dunmore opened the shop. His daughter Carla Dunmore runs it now, and she likes it.",
     {"Carl Dunmore", "Carla Dunmore"}),  # one letter off, but of the other gender
])
def test_people_of_like_names_stay_apart(nlp, text: str, both: set[str]) -> None:  # noqa: F811
    assert both <= set(people(analyse(nlp, text)))


def test_an_initial_before_a_surname_keeps_it_from_another_given_name(nlp) -> None:  # noqa: F811
    text = ("The backs include Guy Easterfield at scrum-half. Easterfield gets a rare start.\n\n"
            "Line-up: G Murphy; D Humphreys, G Easterfield; M Horan, J Hayes, S Easterfield, D Leamy.")
    found = people(analyse(nlp, text))
    guy = found["Guy Easterfield"]
    assert not any(text[s:e] == "Easterfield" and text[s - 2:s] == "S " for s, e in guy.mentions)


def test_a_plural_of_a_name_is_no_spelling_of_it(nlp) -> None:  # noqa: F811
    text = "Darren Mulvaney scored twice. \"We can't all be Darren Mulvaneys,\" said the coach."
    found = people(analyse(nlp, text))
    assert all(text[s:e] != "Darren Mulvaneys" for s, e in found["Darren Mulvaney"].mentions)


@pytest.mark.parametrize(("text", "name", "peer"), [
    ("Margaret Allerdale has said the upper house needs its own Speaker.\n\nBaroness Allerdale, who was the "
     "first woman to chair the committee, said so on Sunday. Later Lady Allerdale repeated it.",
     "Margaret Allerdale", "Baroness Allerdale"),
    ("Former chancellor Peter Wendlebury spoke at the dinner. Lord Wendlebury said the party had lost "
     "its way.", "Peter Wendlebury", "Lord Wendlebury"),
])
def test_a_peerage_title_with_the_surname_is_the_person_named_in_full(nlp, text: str, name: str,  # noqa: F811
                                                                     peer: str) -> None:
    found = people(analyse(nlp, text))
    assert name in found and peer not in found and peer in found[name].aliases


def test_a_peer_of_the_other_gender_is_someone_else(nlp) -> None:  # noqa: F811
    found = people(analyse(nlp, "Sir Jasper Allerdale opened the fete. Lady Allerdale said the cakes were "
                                "superb."))
    assert "Lady Allerdale" in found and "Lady Allerdale" not in found["Jasper Allerdale"].aliases


def test_a_line_up_surname_is_not_the_initialled_referee_of_that_surname(nlp) -> None:  # noqa: F811
    text = ("Rovers won 2-0 at home on Saturday. Tulloch scored twice.\n\n"
            "Esson, Hart, Diamond, Winter, Marchbank (Stewart 51), Mackie, Whelan.\n\n"
            "Tulloch 19, 47.\n\nK Marchbank")
    ents = analyse(nlp, text)
    assert not any(e.type == "PERSON" and e.name == "K Marchbank" and len(e.mentions) > 1 for e in ents)


def test_the_sisters_of_a_surname_are_no_mention_of_one_sister(nlp) -> None:  # noqa: F811
    text = ("Lorna Pettifer beat the top seed in Sydney. It was a good week for the Pettifer sisters, "
            "who both reached the last eight.")
    found = people(analyse(nlp, text))
    assert "Lorna Pettifer" in found and len(found["Lorna Pettifer"].mentions) == 1


def test_a_peer_title_with_the_surname_is_the_peer(nlp) -> None:  # noqa: F811
    text = ("Baron Pendry takes his seat\n\nFormer minister Gareth Pendry has been made a life peer. He will be "
            "known as Baron Pendry of Cwmfelin. Lord Pendry thanked his family.")
    found = people(analyse(nlp, text))
    assert "Gareth Pendry" in found and "Baron Pendry" not in found


def test_a_partner_named_by_a_given_name_keeps_no_family_name(nlp) -> None:  # noqa: F811
    text = ("Racing driver Elspeth Carrow drove to Sydney. She shared the driving with her partner, Trevor, "
            "who now does the engineering work.")
    found = people(analyse(nlp, text))
    assert "Trevor Carrow" not in found


@pytest.mark.parametrize(("text", "name"), [
    ("The visitors were patient. Ma'a Johnson then found his way through the defence.", "Ma'a Johnson"),
    ("Coach Graham Henry praised Ma'a Thompson, who scored twice.", "Ma'a Thompson"),
])
def test_a_given_name_with_an_apostrophe_is_kept(nlp, text: str, name: str) -> None:  # noqa: F811
    assert name in people(analyse(nlp, text))


def test_a_lone_surname_joins_a_full_name_read_as_a_person_only_after_places() -> None:
    from spacy.lang.en import English

    from newsgraph.analyse.entities.entity_joins import join_lone_surnames
    from newsgraph.model import Entity

    text = "Stavros Kalogeropoulos scored. Later Kalogeropoulos hit the bar."
    full = Entity(name="Stavros Kalogeropoulos", type="PERSON", mentions=[(0, 22)])  # was GPE at first
    lone = Entity(name="Kalogeropoulos", type="PERSON", mentions=[(37, 51)])
    joined = join_lone_surnames(English()(text), [full, lone])
    assert [e.name for e in joined] == ["Stavros Kalogeropoulos"] and joined[0].mentions == [(0, 22), (37, 51)]


def test_a_given_name_said_to_a_transcript_label_is_that_speaker(nlp) -> None:  # noqa: F811
    text = ("Governor Lena Harwick spoke on Sunday.\n\nPartial transcript as follows:\n\n"
            "HOLLOWAY: Let us begin with the budget. Why would the state cut the schools?\n\n"
            "HARWICK: Well, look, this is a serious matter, Chris. The budget is balanced.\n\n"
            "HOLLOWAY: Governor, will you sign it?\n\n"
            "HARWICK: I will sign it next week.")
    found = people(analyse(nlp, text))
    assert "Chris Holloway" in found and "Chris" not in found and "HOLLOWAY" not in found


def test_a_given_name_said_outside_a_transcript_stays_a_given_name(nlp) -> None:  # noqa: F811
    text = ("Governor Lena Harwick spoke on Sunday. \"This is a serious matter, Chris,\" she told a "
            "reporter, Mr Holloway. The budget is balanced, she said.")
    found = people(analyse(nlp, text))
    assert not any(name.startswith("Chris ") for name in found)


def test_a_titled_short_surname_with_a_doubled_letter_written_once_is_the_person(nlp) -> None:  # noqa: F811
    text = ("Trade Commissioner Jules Parrel said he wanted the review done swiftly. \"The plan is "
            "serious,\" said Mr Parel. \"We have no objection.\"")
    found = people(analyse(nlp, text))
    assert "Jules Parrel" in found and "Parel" not in found
