"""The name a reader sees for a speaker whose phrase holds a person among titles and organisations
(issue #14/#15): titles between commas describe one person; "ORG chief NAME" and "NAME, ORG" are
the person; "the paper quotes a source" is the source's; "the paper" is the publication that
reported; a club the tagger took for a person speaks for nobody; a lead's description is the
person the article goes on to name (invented sentences, one rule a test)."""

from __future__ import annotations

import newsgraph
from tests.test_speakers import names_quoting
from tests.test_speakers_named_right import analysed


def speakers(text: str, words: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker.name, q.speaker.type) for q in newsgraph.extract(text).quotes if words in q.content(text)]


def test_titles_between_commas_are_one_persons_not_a_group() -> None:
    text = ("Police hold ten\n\nThe head of the unit, Acting Detective Chief Superintendent, Tom Reyes, "
            "said: \"The plan will work well.\"\n")
    assert speakers(text, "plan will work") == [("Tom Reyes", "PERSON")]


def test_a_title_set_between_commas_is_not_the_name() -> None:
    text = "Police hold ten\n\nThe chairman of the board, Chief Executive Officer, Ann Lee, said: \"The plan will work.\"\n"
    assert names_quoting(text, "plan will work") == ["Ann Lee"]


def test_names_joined_by_and_are_still_a_group() -> None:
    text = "Prices rise\n\nApple, Motorola and Nokia said on Monday that prices would rise.\n"
    assert speakers(text, "prices would rise") == [("Apple, Motorola and Nokia", "GROUP")]


def test_an_organisations_chief_named_after_it_is_the_speaker() -> None:
    text = "Race row\n\nCommission for racial equality chief Tom Reyes argued on Sunday the time had come for such lists.\n"
    assert speakers(text, "time had come") == [("Tom Reyes", "PERSON")]


def test_a_spokesman_for_a_named_chief_stays_the_spokesman() -> None:
    text = "Race row\n\nA spokesman for party leader Tom Reyes said the plan would fail.\n"
    assert names_quoting(text, "plan would fail") != ["Tom Reyes"]


def test_a_name_followed_by_an_organisation_is_the_person_from_it() -> None:
    text = ("Hotels hit\n\nTom Reyes, Harbour Hotel Association said: "
            "\"We have tried very hard to get them back.\"\n")
    assert speakers(text, "tried very hard") == [("Tom Reyes", "PERSON")]


def test_the_one_a_paper_quotes_said_the_words() -> None:
    text = ("Firm deal\n\nHarbour Motors will invest in Acme, the Daily Post reports. \"Harbour is extremely "
            "concerned to ensure that its money is used well,\" the newspaper quotes a source close to the firm.\n")
    assert names_quoting(text, "extremely concerned") == ["a source close to the firm"]


def test_the_paper_is_the_publication_that_reported_not_the_body_it_reports_on() -> None:
    text = ("Fund cuts forecast\n\nThe Harbour Fund is to cut its growth forecast for Ruritania, the Daily Post reported.\n\n"
            "In September, the fund had said that growth would be 1.8%. The fund has also revised its other "
            "forecasts, the paper said, taking into account high oil prices.\n")
    assert speakers(text, "high oil prices") == [("Daily Post", "ORG")]


def test_a_club_taken_for_a_person_is_no_ones_he() -> None:
    text = ("Reyes may leave\n\nTom Reyes wants to leave Harbour United, his agent Sam Ortiz says.\n\n"
            "\"He wants to stay in Britain,\" said Ortiz. Ortiz made it clear that a move was possible, more "
            "than to Ruritanian outfit Golden Sharks Veracruz, who also expressed an interest. "
            "\"It was a thought at one stage,\" he said.\n")
    art = analysed(text, [(["Golden", "Sharks", "Veracruz"], "PERSON", None)])
    assert [e.type for e in art.entities if e.name == "Golden Sharks Veracruz"] == ["PERSON"]
    assert [q.speaker.name for q in art.quotes if "a thought" in q.content(text)] == ["Sam Ortiz"]


def test_a_lead_description_is_the_person_named_after_sentences_about_them() -> None:
    text = ("Shopper sues store\n\nA customer of the Harbour chain is suing the firm, saying it is unfair he can "
            "only use its card.\n\nHe says the chain is breaking the law. The chain, which opened in 2003, uses "
            "technology to limit cards. Harbourite Tom Reyes filed the suit in the district court.\n")
    assert names_quoting(text, "unfair he can") == ["Tom Reyes"]


def test_a_lead_description_stays_unnamed_when_the_story_turns_to_another_party() -> None:
    text = ("Shopper sues store\n\nA customer of the Harbour chain is suing the firm, saying it is unfair he can "
            "only use its card.\n\nThe chain says it obeys the law. Tom Reyes filed the suit.\n")
    assert names_quoting(text, "unfair he can") == ["A customer of the Harbour chain"]


def test_a_lead_description_is_not_a_person_introduced_as_someone_else() -> None:
    text = ("Shopper sues store\n\nA customer of the Harbour chain is suing the firm, saying it is unfair he can "
            "only use its card.\n\nTom Reyes, a lawyer for the chain, said the suit would fail.\n")
    assert names_quoting(text, "unfair he can") == ["A customer of the Harbour chain"]


def test_a_surname_misspelt_the_same_way_twice_is_still_the_person() -> None:
    text = ("Reyes may leave\n\nTom Reyes wants to leave Harbour United, says his agent Samuel Castello.\n\n"
            "Castelo says Reyes would \"desperately like to stay\" but will seek a move. \"I know there is interest "
            "from a club abroad, but he does not want to go there,\" said Castelo.\n")
    art = analysed(text, [(["Castelo"], "ORG", None)])  # as the tagger may type a name it does not know
    assert [q.speaker.name for q in art.quotes if "interest from a club" in q.content(text)] == ["Samuel Castello"]


def test_a_club_taken_for_a_person_speaks_as_an_organisation() -> None:
    text = ("Reyes may leave\n\nRuritanian outfit Golden Sharks Veracruz hope to sign Tom Reyes if he decides "
            "to leave Harbour United.\n")
    art = analysed(text, [(["Golden", "Sharks", "Veracruz"], "PERSON", None)])
    assert [(q.speaker.name, q.speaker.type) for q in art.quotes if "to sign Tom Reyes" in q.content(text)] \
        == [("Golden Sharks Veracruz", "ORG")]
