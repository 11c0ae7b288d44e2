"""A quotation's speaker is whoever says it, not a person its reporter talks about: not the subject
of a verb inside what a speaker reports ("Lee said Reyes had shown …: "…""), not someone the
reported clause names ("Lee warned it was not as good as Reyes claims. "…," he said"), and "he"
after a one-sentence lead-in paragraph is the person it names ("That was not enough for Lee.");
"she" is the woman the sentence names, not a subject whose first name tells no gender
(invented sentences, one rule a test)."""

from __future__ import annotations

from tests.test_speakers import names_quoting


def test_a_verb_inside_a_reported_clause_does_not_take_the_colon_quotation() -> None:
    text = ("Northfield Labour rally\n\nTom Reyes spoke for an hour. Ann Lee, a local councillor, said Mr Reyes had "
            'shown he could win over the party\'s members: "I think if every voter could meet Tom, we would win easily."')
    assert names_quoting(text, "every voter could meet") == ["Ann Lee"]


def test_he_is_the_reporter_not_the_person_his_reported_clause_names() -> None:
    text = ("Budget row deepens\n\nThe chancellor, Paul Reyes, promised lower taxes. He highlighted new jobs.\n\n"
            "Green Party finance spokesman Martin Okafor warned the picture was not as bright as Mr Reyes would like "
            'to portray it. "For all his talk, Paul Reyes has left the economy weaker," he said.')
    assert names_quoting(text, "For all his talk") == ["Martin Okafor"]


def test_he_after_a_one_sentence_lead_in_paragraph_is_the_person_it_names() -> None:
    text = ("Ministers clash on trade\n\nPeter Lindqvist of Sweden said the deal was unfair. A day earlier, Trade "
            'Secretary Mark Doyle said free trade was "in everyone\'s interest".\n\n'
            "But that was not enough for Mr Lindqvist.\n\n"
            '"If the Americans want a change, they have to say so," he said.')
    assert names_quoting(text, "they have to say so") == ["Peter Lindqvist"]


def test_she_is_the_woman_named_not_a_subject_of_no_known_gender() -> None:
    text = ("Senator Chris Vantongeren called Mayor Hillary Dunmore a failure after she blamed the floods on "
            'what she called "years of neglect" by the state.')
    assert names_quoting(text, "years of neglect") == ["Hillary Dunmore"]


def test_a_subject_hung_on_an_auxiliary_is_still_the_sentence_subject() -> None:
    text = ("Northfield in talks\n\nMark Doyle, the club chairman, said talks were going well.\n\n"
            "But Mr Lindqvist is determined the stadium will be sold on Monday. He said: "
            '"The talks are a sham and nobody will stop the sale."')
    assert names_quoting(text, "talks are a sham") == ["Lindqvist"]
