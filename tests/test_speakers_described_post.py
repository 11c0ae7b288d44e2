"""The name a reader sees for a speaker written as a bare description the article names (issue
#14/#15): "the bishop" is the one person written with that post, "the companies" the organisations
the article coordinated and called "the firms", and no name ends inside an unclosed bracket
(invented sentences, one rule a test)."""

from __future__ import annotations

import newsgraph
from newsgraph.analyse.quotes.non_person_speakers import closed_name


def speakers(text: str, words: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker.name, q.speaker.type) for q in newsgraph.extract(text).quotes if words in q.content(text)]


def test_the_post_written_beside_a_name_is_that_person() -> None:
    text = ("Novel is bad history\n\nA new thriller is weak, a cleric has said. The Bishop of Harbour, the Rt Rev "
            "Dr Tom Reyes, called the novel a romp. The book sells well. Despite liking it, the Bishop said "
            "there was little evidence for its plot.\n")
    assert speakers(text, "little evidence") == [("Tom Reyes", "PERSON")]


def test_a_judge_in_the_lead_is_the_justice_the_article_names() -> None:
    text = ("Judge keeps file sealed\n\nA Harbour judge has rejected a request to open a divorce file, saying "
            "courts should not decide what voters need.\n\nTwo newspapers filed a motion, arguing the public "
            "had a right to know.\n\nSupreme Court Justice Ann Lee rejected that argument on Friday.\n")
    assert speakers(text, "request to open") == [("Ann Lee", "PERSON")]


def test_two_people_with_the_post_leave_the_description_unnamed() -> None:
    text = ("Novel is bad history\n\nThe Bishop of Harbour, Tom Reyes, called the novel a romp. The Bishop "
            "of Leeds, Ann Lee, praised it. Later the bishop said there was little evidence for its plot.\n")
    assert ("Tom Reyes", "PERSON") not in speakers(text, "little evidence")
    assert ("Ann Lee", "PERSON") not in speakers(text, "little evidence")


def test_a_judge_later_in_the_article_may_be_another_judge() -> None:
    text = ("Judge keeps file sealed\n\nSupreme Court Justice Ann Lee kept a file sealed on Friday.\n\n"
            "In another case, a judge said last year that courts should decide such matters.\n")
    assert ("Ann Lee", "PERSON") not in speakers(text, "courts should decide")


def test_the_companies_are_the_firms_the_lead_coordinated() -> None:
    text = ("Shares fall\n\nShares in Harbour Air and Bolt Motors fell on Monday as the firms halted a joint "
            "venture.\n\nThe companies said they would review the deal next year.\n")
    assert speakers(text, "review the deal") == [("Harbour Air and Bolt Motors", "GROUP")]


def test_organisations_never_called_the_firms_are_not_the_companies() -> None:
    text = ("Shares fall\n\nPatients took both Harbour Air and Bolt Motors products last year.\n\n"
            "The companies said they would review the deal next year.\n")
    assert ("Harbour Air and Bolt Motors", "GROUP") not in speakers(text, "review the deal")


def test_a_name_never_ends_inside_an_unclosed_bracket() -> None:
    assert closed_name("World Weather Board (WWB") == "World Weather Board"
    assert closed_name("World Weather Board (WWB)") == "World Weather Board (WWB)"
    assert closed_name("Harbour Air") == "Harbour Air"


def test_the_post_of_someone_named_only_later_is_not_the_description() -> None:
    text = ("Star tackles burglar\n\nRock star Tom Reyes chased a burglar from his home. The singer said he "
            "acted on impulse.\n\nOn Sunday he had been at a party for singer Sir Ann Lee's partner.\n")
    assert ("Ann Lee", "PERSON") not in speakers(text, "acted on impulse")


def test_both_clubs_are_the_pair_a_subject_wrote_with_both() -> None:
    text = ("Clubs face inquiry\n\nThe league will look into claims about a transfer. Both Harbour Rovers and Bolt "
            "United will be asked to give evidence. The inquiry will sit for one day. Both clubs have pledged "
            "to help the inquiry.\n")
    assert speakers(text, "help the inquiry") == [("Harbour Rovers and Bolt United", "GROUP")]
