"""A speaker is who says the words, never what they are about: the subject of a passive cue
(accused, said to, aimed at) is its target, and a name set after a parenthetical cue
("X's remarks, said Ann Lee, were …") speaks for X's remarks; nor who passed the words on or heard
them: the one a paper quoted as saying, the one who told an agency, "the paper" that reported, the
one suing rather than the one sued (invented sentences, one rule a test)."""

from __future__ import annotations

import newsgraph
from tests.test_speakers import names_quoting


def test_the_subject_of_a_passive_cue_is_its_target_not_its_speaker() -> None:
    text = ('Audit finds payroll fraud\n\nThe ministry of roads says the losses run to millions a year. '
            'Some 300 clerks are accused of paying themselves for "ghost" workers.')
    assert "Some 300 clerks" not in names_quoting(text, "ghost")
    assert "clerks" not in names_quoting(text, "ghost")


def test_words_a_passive_cue_reports_take_no_earlier_subject() -> None:
    text = ("Police in Northfield seized 40 computers. The Copper Lantern group called itself a club. "
            'The raids were part of Operation Tidewater which was aimed at stopping "organised theft of software online".')
    names = names_quoting(text, "organised theft")
    assert names and all(n not in ("Operation Tidewater", "Copper Lantern") for n in names)


def test_a_speaker_quoted_as_saying_still_speaks() -> None:
    text = 'Ann Lee, the mayor of Northfield, was quoted as saying the bridge "will open in the spring".'
    assert names_quoting(text, "open in the spring") == ["Ann Lee"]


def test_a_name_after_a_parenthetical_cue_speaks_for_the_remarks_before_it() -> None:
    text = ("Harbour shares fell on Monday. The bank governors' remarks, said Tom Reyes of Northfield Capital in Leeds, "
            'were "far too timid to calm anyone".')
    assert names_quoting(text, "too timid") == ["Tom Reyes"]


def test_a_paragraph_with_its_own_cue_naming_someone_else_is_not_the_last_quotation_continued() -> None:
    text = ('Northfield win the cup\n\nTom Reyes, the Northfield captain, said: "We played our best football of the season.\n\n'
            '"The fans were magnificent from start to finish," said Harbour coach Ann Lee. "They deserved a win."\n')
    assert names_quoting(text, "best football") == ["Tom Reyes"]
    assert names_quoting(text, "fans were magnificent") == ["Ann Lee"]
    assert "fans were magnificent" not in next(q for q in newsgraph.extract(text).quotes if "best football" in q.content(text)).content(text)


def test_a_paragraph_continuing_a_quotation_with_the_same_speakers_cue_stays_one_quotation() -> None:
    text = ('Northfield win the cup\n\nTom Reyes, the Northfield captain, said: "We played our best football of the season.\n\n'
            '"The fans were magnificent from start to finish," he said.\n')
    quotes = newsgraph.extract(text).quotes
    assert [q.speaker.name for q in quotes if "best football" in q.content(text)] == ["Tom Reyes"]
    assert all(q.speaker.name == "Tom Reyes" for q in quotes if "fans were magnificent" in q.content(text))


def test_a_speaker_reported_as_saying_still_speaks() -> None:
    text = ('Bridge delayed\n\nThe bridge will not open this year, Ann Lee, the mayor of Northfield, '
            'has been reported as saying.')
    assert names_quoting(text, "will not open") == ["Ann Lee"]


def test_a_name_after_a_comma_and_a_cue_that_goes_on_with_a_verb_is_talked_about() -> None:
    text = ("Harbour have two young scrum-halves. Northfield coach Tom Reyes, though, believes Ann Lee "
            "fits the bill perfectly.")
    assert "Ann Lee" not in names_quoting(text, "fits the bill")


def test_a_passive_cue_does_not_hide_the_speakers_cue_later_in_the_sentence() -> None:
    text = ('Reform urged\n\nThe "best person for the job" should be appointed to run the court, and not '
            'necessarily a lawyer, the Northfield committee chairman Tom Reyes said.\n')
    assert names_quoting(text, "best person") == ["Tom Reyes"]


def test_the_one_a_paper_quoted_as_saying_speaks_not_the_paper() -> None:
    text = ('"They moved so fast it surprised everyone," the Northfield Gazette quoted an insider in the talks as saying.')
    assert names_quoting(text, "moved so fast") == ["an insider in the talks"]


def test_a_named_person_quoted_as_saying_speaks() -> None:
    text = 'Acme Media wants to buy a games firm. Games are "a huge business", the paper quoted Mr Tom Reyes as saying.'
    assert names_quoting(text, "a huge business") == ["Tom Reyes"]


def test_the_one_told_after_a_comma_is_not_an_inverted_speaker() -> None:
    text = '"Prices will suddenly fall," shop owner Ann Reyes, told Northfield Radio.'
    assert names_quoting(text, "suddenly fall") == ["Ann Reyes"]


def test_the_one_told_is_never_the_speaker_when_the_subject_is_lost() -> None:
    text = ('The mayor, Tom Reyes, told Northfield Radio he had not read the report. '
            'But told Northfield Radio: "We have drawn a line under that."')
    assert "Northfield Radio" not in names_quoting(text, "drawn a line")


def test_the_paper_is_the_paper_that_reported_not_the_firm_reported_on() -> None:
    text = ("Bridge plan for Northfield\n\nNorthfield could build a new bridge as part of an overhaul of Acme Motors' plans, "
            "the Daily Courier has reported.\n\nIt said Acme Motors was set to restructure its business. Acme Motors is making a loss. "
            "Under the proposals - which the paper said could be announced within days - the bridge could be built.\n")
    assert names_quoting(text, "announced within days") == ["Daily Courier"]


def test_a_claim_by_the_one_suing_is_not_the_one_sued() -> None:
    text = 'Rock guitarist Tom Reyes is being sued by his former manager, claiming he broke a promise to pay her.'
    assert names_quoting(text, "broke a promise") == ["his former manager"]


def test_the_one_interviewed_still_speaks() -> None:
    text = 'Tom Reyes was interviewed by the Daily Courier, saying he would stand again.'
    assert names_quoting(text, "stand again") == ["Tom Reyes"]


def test_the_subject_of_a_passive_verb_with_no_agent_still_speaks() -> None:
    text = 'Tom Reyes was cleared of all charges on Monday, saying he had always trusted the court.'
    assert names_quoting(text, "trusted the court") == ["Tom Reyes"]


def test_the_group_is_the_organisation_that_spoke_not_the_one_it_spoke_of() -> None:
    text = ('Delta Bank said it was close to a deal with Harbour Bank. '
            'But the group said Harbour Bank is still waiting for approval to make an offer.')
    assert names_quoting(text, "still waiting for approval") == ["Delta Bank"]


def test_the_firm_named_as_such_stays_that_firm() -> None:
    text = ('Delta Bank said it was close to a deal with Harbour Bank, the insurance group. '
            'But the group said it is still waiting for approval to make an offer.')
    assert names_quoting(text, "still waiting for approval") == ["Harbour Bank"]
