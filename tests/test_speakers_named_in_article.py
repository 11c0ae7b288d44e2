"""Speakers shown as the article names them, not as a word near them: a nationality used as a
description is the person the article just named, "the company" after an analyst's employer is
the company the story is about, an office written in capitals ("the PM") is a person, and an
organisation keeps the longest name the article gives it (invented sentences, one rule a test)."""

from __future__ import annotations

import newsgraph
from tests.test_speakers import names_quoting


def test_a_nationality_after_a_quotation_is_the_person_the_sentence_before_opens_with() -> None:
    text = ("Tom Reyes says he has been banned for three months after a failed test.\n\n"
            "Reyes believes an injection given to him by a Norwegian doctor was to blame. "
            "\"I have acted correctly,\" the 29-year-old Norwegian said in a statement.\n")
    assert names_quoting(text, "acted correctly") == ["Tom Reyes"]


def test_the_company_after_an_analysts_employer_is_the_company_of_the_story() -> None:
    text = ("Harbour Telecom has reported strong profits for the last quarter.\n\n"
            "Harbour Telecom cut its debt by a third during the year. \"That gives them room to grow,\" "
            "said Ann Lee, telecoms analyst at Northbank Securities. "
            "The company also said it would resume paying a dividend next year.\n")
    assert names_quoting(text, "resume paying a dividend") == ["Harbour Telecom"]


def test_an_office_in_capitals_is_a_person_not_an_organisation() -> None:
    text = ("Labour members have criticised the party leadership over the row.\n\n"
            "A meeting of the party saw several members warn about the feud. "
            "The PM insisted nothing would derail the campaign.\n")
    quotes = [q for q in newsgraph.extract(text).quotes if "derail" in q.content(text)]
    assert all(q.speaker.type != "ORG" for q in quotes), [(q.speaker.name, q.speaker.type) for q in quotes]


def test_an_organisation_keeps_the_longest_name_the_article_gives_it() -> None:
    text = ("Acme cuts fares\n\nAcme Air Lines is cutting its fares by up to half.\n\n"
            "Acme is restructuring in a bid to fight off insolvency. "
            "The airline says no fare will now be priced higher than $500.\n")
    assert names_quoting(text, "no fare will now") == ["Acme Air Lines"]


def test_they_opening_a_sentence_is_the_group_the_sentence_before_is_about() -> None:
    text = ("A blogger has been jailed for fourteen years in Ruritania.\n\n"
            "\"The authorities want to make an example of him,\" the Harbour Press Trust said in a statement. "
            "Ruritanian authorities have arrested about twenty online journalists this year. "
            "They accused the blogger of a string of crimes against the state.\n")
    assert names_quoting(text, "string of crimes") == ["Ruritanian authorities"]


def test_an_office_in_capitals_is_the_person_given_that_post() -> None:
    text = ("Prime Minister Tom Reyes has been criticised by his party.\n\n"
            "Ann Lee, the finance minister, was also criticised at the meeting. "
            "The PM insisted nothing would derail the campaign.\n")
    assert names_quoting(text, "derail") == ["Tom Reyes"]


def test_the_company_is_not_a_part_it_owns_nor_a_firm_named_as_an_example() -> None:
    text = ("Harbour Telecom has reported strong profits for the last quarter.\n\n"
            "Sales of stakes in firms including Northland's Apex Mobile raised a billion euros. "
            "Harbour Mobile USA, the company's American mobile business, made a strong contribution. "
            "The company also said it would resume paying a dividend next year.\n")
    assert names_quoting(text, "resume paying a dividend") == ["Harbour Telecom"]


def test_a_part_named_later_is_not_the_organisations_longer_name() -> None:
    text = ("Weak sales hit Acme\n\nAcme has said its annual profit will be lower than expected. "
            "\"Clearance rates have been below our expectations,\" the company said. Acme shares fell 3%.\n\n"
            "Sales were up 12%, Acme said. Its Acme Direct mail order division saw sales rise.\n")
    assert names_quoting(text, "Clearance rates") == ["Acme"]


def test_words_told_to_someone_are_not_the_hearers() -> None:
    text = ("Women in politics still face hostility, a study finds.\n\n"
            "Ann Lee told researchers of the hostility she met. Another member of the cabinet says she was told: "
            "\"You have had a very fast rise.\" Tom Reyes said he was told by a minister that the plan would fail.\n")
    assert names_quoting(text, "very fast rise") in ([], [None])


def test_a_report_of_having_been_asked_is_the_reporters() -> None:
    text = ("Ann Lee recalls her first job.\n\n"
            "As a young lawyer, Ann Lee said she was asked to give a talk to a client about her research.\n")
    assert names_quoting(text, "asked to give a talk") == ["Ann Lee"]


def test_words_told_by_someone_after_the_telling_are_the_tellers() -> None:
    text = ("The rail plan is in trouble.\n\n"
            "Tom Reyes says he was told by a senior minister: \"The plan will fail.\"\n")
    assert names_quoting(text, "plan will fail") == ["a senior minister"]


def test_a_surname_is_the_full_name_written_around_a_nickname() -> None:
    text = ("Snooker stars skipped school, a survey finds.\n\n"
            "Another player - Tom \"the Hurricane\" Reyes - has admitted missing lessons. "
            "\"We loved the game,\" Mr Reyes said.\n")
    assert names_quoting(text, "loved the game") == ["Tom Reyes"]


def test_the_report_is_by_whoever_the_article_said_wrote_it() -> None:
    text = ("Phone use in poor nations is growing fast, according to a Harbour Development Fund report.\n\n"
            "The fund questioned a Northland Council campaign to increase access to phones. "
            "\"People are getting access at an incredible rate,\" said the report.\n")
    assert names_quoting(text, "incredible rate") == ["Harbour Development Fund"]


def test_an_inverted_said_name_after_the_quotation_wins_over_the_report_inside_it() -> None:
    text = ("Harbour towns are better prepared for floods, a study has found.\n\n"
            "The study adds \"a vital piece of evidence on how towns cope with floods and on what "
            "they still lack,\" said Tom Reyes, professor of geography at Harbour University.\n")
    assert set(names_quoting(text, "vital piece of evidence")) == {"Tom Reyes"}


def test_an_organisation_written_by_its_last_word_is_shown_by_the_longer_name() -> None:
    text = ("The Northern Fisheries Commission has written to two trawler firms about their quotas.\n\n"
            "In letters sent to the firms, the Commission alleged the trawlers had fished beyond their limits.\n")
    assert names_quoting(text, "fished beyond their limits") == ["Northern Fisheries Commission"]


def test_a_bare_spokesman_after_an_organisation_spoke_is_its_spokesman() -> None:
    text = ("Harbour Fisheries faces a row over its licence.\n\n"
            "The Harbour Fisheries Group said it had held the licence since 1950. "
            "But a spokesman added: \"We are confident the courts will agree with us on every point.\"\n")
    quotes = [q for q in newsgraph.extract(text).quotes if "confident the courts" in q.content(text)]
    assert [(q.speaker.name, q.speaker.affiliation) for q in quotes] == [
        ("a spokesman for the Harbour Fisheries Group", "Harbour Fisheries Group")]


def test_a_bare_spokesman_after_a_person_spoke_is_left_as_written() -> None:
    text = ("Tom Reyes said the licence had been held since 1950. "
            "But a spokesman added: \"We are confident the courts will agree with us on every point.\"\n")
    assert names_quoting(text, "confident the courts") == ["a spokesman"]


def test_a_description_opening_the_lead_is_the_person_the_next_sentence_names() -> None:
    text = ("Games may teach maths\n\n"
            "A Harbour researcher has suggested that board games could be a good way to teach maths. "
            "Tom Reyes believes that games do a better job of teaching sums than textbooks.\n")
    assert names_quoting(text, "board games could") == ["Tom Reyes"]


def test_a_source_opening_the_lead_stays_unnamed_though_a_name_follows() -> None:
    text = ("Games may teach maths\n\n"
            "A source has suggested that board games could be a good way to teach maths. "
            "Tom Reyes believes that games do a better job of teaching sums than textbooks.\n")
    assert names_quoting(text, "board games could") != ["Tom Reyes"]


def test_the_bank_is_the_one_the_article_calls_a_bank_not_an_older_name_with_bank_in_it() -> None:
    text = ("Harbour Trust to cut 2,000 jobs\n\n"
            "Harbour Trust is the third large Ruritanian bank to announce cuts, following Northbank Bank.\n\n"
            "Harbour Trust's branches in the capital will be hardest hit. "
            "The bank said it was on course for a rise in net income this year.\n")
    assert names_quoting(text, "on course for a rise") == ["Harbour Trust"]


def test_the_firm_is_the_company_introduced_not_the_program_it_describes() -> None:
    text = ("Viewers download shows\n\n"
            "Web tracking company Netwatch Ltd said 18% of downloaders were from the capital. "
            "About 70% were using file-sharing program Swapper, the firm said.\n")
    assert names_quoting(text, "file-sharing program") == ["Netwatch Ltd"]


def test_a_lone_surname_taken_for_a_firm_is_the_person_written_with_a_given_name_before() -> None:
    text = ("Harbour film wins prize\n\n"
            "The Harbour has been named best film at the awards, with its star Leonardo DiMarco named best actor.\n\n"
            "Accepting his best dramatic actor prize, DiMarco described director Tom Reyes as "
            "\"one of the greatest contributors to the world of cinema of all time\".\n")
    assert names_quoting(text, "greatest contributors") == ["Leonardo DiMarco"]


def test_she_after_a_winner_beat_rivals_is_the_winner_not_the_last_rival_named() -> None:
    text = ("Awards night\n\n"
            "\"It was a wonderful night,\" Tom Reyes said. "
            "Ann Lee picked up her second prize for playing a boxer, beating stars including Kay Moss, "
            "Eva Stone and Jane Hart. \"I don't know what I did to deserve this,\" she told the audience.\n")
    assert names_quoting(text, "deserve this") == ["Ann Lee"]



def test_a_paragraph_opening_firm_by_description_is_the_firm_the_next_sentence_names() -> None:
    text = ("Payout to flood victims\n\n"
            "A Ruritanian bank has said it will give more than $5m to victims of last year's floods.\n\n"
            "Harbour Bank will put the money in a fund run by a local charity, which helps families. "
            "The bank had been accused of delaying claims.\n")
    assert names_quoting(text, "victims of last year") == ["Harbour Bank"]


def test_a_firm_by_description_stays_unnamed_when_the_next_sentence_names_another_kind() -> None:
    text = ("Payout to flood victims\n\n"
            "A Ruritanian bank has said it will give more than $5m to victims of last year's floods.\n\n"
            "Harbour Insurance will put the money in a fund run by a local charity, which helps families.\n")
    assert names_quoting(text, "victims of last year") != ["Harbour Insurance"]
