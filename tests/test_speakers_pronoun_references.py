"""Pronouns and references that point back to a speaker: "they" to the plural group the sentence
before is about, "she" past a woman named only in an aside about someone else, "it" past a firm
talked about in another's reported clause, "the report" to the author the article gives it (or to
no organisation), "it" to the author of the statement a bare "the company" spoke in (invented
sentences, one rule a test)."""

from __future__ import annotations

from tests.test_speakers import names_quoting


def test_they_is_the_plural_group_of_the_sentence_before_not_an_earlier_one() -> None:
    text = ("Ruritania budget\n\nCritics argue that the cuts go too far. Jobs will be lost, they counter.\n\n"
            "Exports fell by 2% last year. Meanwhile demand has slowed and economists have raised fears that "
            "households are spending their savings. Without a rise in wages, they say, the shops will suffer.")
    assert names_quoting(text, "the shops will suffer") == ["economists"]


def test_she_is_not_the_woman_named_only_as_the_one_she_lost_to() -> None:
    text = ("Comeback for Lindqvist\n\nKarin Lindqvist returns to tennis next week. \"I miss it a lot,\" said Lindqvist. "
            "The former world number one was 24 when she retired, and her last match was in Oslo, when she lost to "
            "Maria Dunmore. Last year she insisted that a return was unlikely.")
    assert names_quoting(text, "a return was unlikely") == ["Karin Lindqvist"]


def test_they_skips_a_subject_inside_what_the_group_reported() -> None:
    text = ("Contempt vote\n\nA panel voted to hold Tom Okafor in contempt. Democrats said the vote was a stunt. "
            "Democrats noted that last year Harcourt refused the request in a closed session. "
            "They noted his lawyer offered a private meeting.")
    assert names_quoting(text, "his lawyer offered") == ["Democrats"]


def test_the_report_with_no_author_given_is_no_organisation_that_spoke_earlier() -> None:
    text = ("Offshore profits\n\nA study by a group of researchers shows how firms shelter profits. "
            "The Harbour Commission, which contended that Ruritania undertaxed the company, fined it last year.\n\n"
            + "Rather than argue about whether paying taxes is patriotic, let us look at how companies keep money "
            "offshore and find a way to bring it home to create jobs and higher incomes for those who work. " * 3
            + "\n\n\"Firms report only their largest subsidiaries,\" the report says.")
    assert names_quoting(text, "only their largest subsidiaries") == [None]


def test_the_report_is_the_organisation_that_released_it() -> None:
    text = ("Offshore profits\n\nThe Tax Fairness Institute released a report on Tuesday. Harbour Bank declined to "
            "comment. \"Firms report only their largest subsidiaries,\" the report says.")
    assert names_quoting(text, "only their largest subsidiaries") == ["Tax Fairness Institute"]


def test_it_is_the_author_of_the_statement_the_company_spoke_in() -> None:
    text = ("Campaign scrapped\n\nAcme Europe has shut down its campaign. Monitoring firm Netwatch Ltd found that "
            "the campaign was knocking sites offline. In a statement from Acme Europe announcing the end of the "
            "scheme, the company denied that this was its fault. \"Nothing suggests our campaign brought down any "
            "site,\" it said.")
    assert names_quoting(text, "brought down any site") == ["Acme Europe"]


def test_he_is_the_person_a_clause_after_but_is_about_not_the_rival_who_spoke() -> None:
    text = ("Indoor championships\n\nTom Halloran says he can win in Madrid. \"I feel strong,\" said Halloran.\n\n"
            "Russian Pavel Ostrov won at the same venue last week and then claimed the race would be between himself, "
            "Dutchman Jan Okken and Luis Reina but Halloran is unfazed.\n\n"
            "He admitted: \"He looked quite good in his win, fair enough.\"")
    assert names_quoting(text, "looked quite good") == ["Tom Halloran"]
