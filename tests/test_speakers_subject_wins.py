"""The speaker is the one the narration is about: a "he said" goes to the subject of the sentence
before, not to a person named as an object or inside a report; a quotation about someone is not
theirs; a description ("the defender", "his son", "the world's biggest miner") is the person or
organisation the article named (invented sentences, one rule a test)."""

from __future__ import annotations

from tests.test_speakers import names_quoting


def test_he_after_a_clause_joined_by_but_is_its_subject() -> None:
    text = ("Northfield coach Peter Marsh said a couple of years ago that his side must be bold.\n\n"
            "Harbour have been criticised for their dull play as they have ground their way to victory "
            "but captain Tom Reyes sees hope on the horizon. \u201cWe are getting better every week,\u201d he said.")
    assert names_quoting(text, "getting better every week") == ["Tom Reyes"]


def test_he_after_a_cue_the_parser_split_from_its_report_is_the_reporter() -> None:
    text = ("Opposition leader Tom Marsh has accused Paul Hendry of changing his mind over the harbour plan.\n\n"
            "On Thursday, Mr Marsh told the Evening Programme Mr Hendry had initially refused the plan, "
            "then had come round to it. He said: \u201cWe have had three positions in three months.\u201d")
    assert names_quoting(text, "three positions") == ["Tom Marsh"]


def test_a_quotation_after_what_a_channel_shows_continues_the_last_speaker() -> None:
    text = ("Ann Lee said she had been linked with silly stories. \u201cI have not been asked,\u201d she said.\n\n"
            "Ann Lee is gearing up to promote her book Harbour Tales, around the same time as Channel Nine "
            "begin showing her series. \u201cA film will happen, but I would like to start small.\u201d")
    assert names_quoting(text, "start small") == ["Ann Lee"]


def test_it_after_an_advert_is_not_an_organisation_named_as_its_addressee() -> None:
    text = ("Fans took out an advert to save the Northfield Rovers club.\n\n"
            "\u201cSave our club!\u201d the advert said. It also included a coupon for fans to send to the "
            "Harbour Broadcasting Company. It also urged supporters to join a march on the town hall.")
    assert "Harbour Broadcasting Company" not in names_quoting(text, "join a march")


def test_the_club_and_post_description_is_the_skipper_named_before() -> None:
    text = ("Harbour face Northfield on Saturday.\n\n"
            "And despite the recent results, skipper Tom Reyes believes there is nothing wrong in the camp. "
            "\u201cThere is no lack of confidence in the team,\u201d said the Harbour full-back.")
    assert names_quoting(text, "no lack of confidence") == ["Tom Reyes"]


def test_the_defender_is_the_player_quoted_just_before() -> None:
    text = ("Northfield's Tom Reyes has called the rivalry with Harbour \u201cbitter and personal\u201d.\n\n"
            "Past meetings have stirred up plenty of ill-feeling between the sides. "
            "\u201cIt is just more personal against Harbour,\u201d the defender told the Daily Planet.")
    assert names_quoting(text, "more personal against") == ["Tom Reyes"]


def test_his_son_is_the_son_the_article_named() -> None:
    text = ("The tapes belonged to engineer Walter Brisk.\n\n"
            "\u201cWe have had them for a lot of years,\u201d Brisk's son Peter, 57, said. "
            "Brisk, who died in 1994, always made two copies. \u201cHe called them his spare tapes,\u201d his son said.")
    first = names_quoting(text, "a lot of years")
    assert first and first[0] not in (None, "his son")
    assert names_quoting(text, "spare tapes") == first


def test_a_ranked_description_is_the_organisation_that_spoke_last() -> None:
    text = ("Storms made 2004 the costliest year on record for insurers, according to Harrowgate Re.\n\n"
            "The world's second biggest insurer said claims had reached a record.")
    assert names_quoting(text, "claims had reached") == ["Harrowgate Re"]


def test_the_subject_before_a_description_between_dashes_speaks() -> None:
    text = ("Farmers have occupied estates across Ruritania.\n\n"
            "But the government - Ruritania's largest land owner - say they are proceeding cautiously.")
    assert names_quoting(text, "proceeding cautiously") == ["government"]


def test_according_to_a_described_organisation_is_the_organisation() -> None:
    text = "According to technology analysts ZDX, a fifth of all hard drives produced will be used in televisions by 2027."
    assert names_quoting(text, "used in televisions") == ["ZDX"]


def test_a_description_is_the_subject_of_the_sentence_before_not_a_person_in_its_clause() -> None:
    text = ("\u201cWe will be challenging to come first,\u201d added Tom Reyes. Reyes has been given extra confidence by "
            "the impact manager Peter Marsh has had since taking over in the summer.\n\n"
            "And the experienced Harbour defender says the manager's expertise will prevent any revolt.")
    assert names_quoting(text, "prevent any revolt") == ["Tom Reyes"]


def test_the_one_in_an_as_aside_speaks_not_the_subject_it_interrupts() -> None:
    text = "Harbourville, as one of the mayor's climate advisers pointed out, normally does not get two storms a year."
    names = names_quoting(text, "two storms a year")
    assert names and "Harbourville" not in names


def test_he_after_a_sentence_about_a_team_is_the_one_person_it_names() -> None:
    text = ("Northfield coach Peter Marsh said his side must be bold. \u201cWe will attack,\u201d he said.\n\n"
            "Harbour have been boosted by the return of their skipper Tom Reyes. "
            "\u201cThe will to play in this game was enormous,\u201d he said.")
    assert names_quoting(text, "will to play") == ["Tom Reyes"]
