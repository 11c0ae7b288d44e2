"""Partial dates in a story told from a past date anchor to that story, not to the publication
(issue 17). Invented sentences."""

from __future__ import annotations

import newsgraph
from tests.test_time import values


def test_a_month_and_day_after_a_full_past_date_takes_its_year() -> None:
    got = values("Police said the break-in happened on Dec. 28, 2015, in the suburb.\n\n"
                 "The suspect was arrested on Dec. 30 after a chase.", "2019-06-01")
    assert got["Dec. 30"] == ("2015-12-30", "narrative")


def test_the_nearest_occurrence_crosses_the_new_year() -> None:
    got = values("The storm hit the coast on Dec. 29, 2010.\n\nBy Jan. 3 the roads had reopened.", "2014-02-01")
    assert got["Jan. 3"] == ("2011-01-03", "narrative")


def test_a_story_of_the_publication_days_keeps_the_usual_reading() -> None:
    got = values("The fire started on May 28, 2019, officials said.\n\nOn May 30 crews contained it.", "2019-06-01")
    assert got["May 30"] == ("2019-05-30", "publication")


def test_a_month_in_a_story_set_decades_earlier_takes_the_story_year() -> None:
    got = values("The band formed in a Leeds pub in 1972 and toured the north.\n\n"
                 "The singer walked out after a row over money.\n\n"
                 "In early April the others recorded a demo in a friend's barn.", "2019-06-01")
    assert got["early April"] == ("1972-04", "narrative")


def test_the_story_moves_forward_into_the_next_year() -> None:
    got = values("The ship left port on Nov. 20, 1911, with forty men.\n\n"
                 "It reached the ice shelf in February and the crew wintered there.", "2011-11-20")
    assert got["February"] == ("1912-02", "narrative")


def test_anaphoric_dates_follow_the_story_across_paragraphs() -> None:
    got = values("The mill opened in 1956 and hired most of the village.\n\n"
                 "Workers went on strike over pay.\n\n"
                 "The following year the owners sold it; that summer it closed.", "2016-05-01")
    assert got["The following year"] == ("1957", "narrative")
    assert got["that summer"] == ("1957-SU", "narrative")


def test_a_sentence_in_the_news_present_ends_the_story() -> None:
    got = values("The plant opened in 1985 near the river.\n\n"
                 "It employs 300 people and exports to Asia.\n\n"
                 "Output fell in March after a fire.", "2019-06-07")
    assert got["March"] == ("2019-03", "publication")


def test_a_date_of_the_publication_days_ends_the_story() -> None:
    got = values("The firm was founded in 1990.\n\nOn Monday its chief resigned. Shares fell in May.", "2019-06-07")
    assert got["May"] == ("2019-05", "publication")


def test_the_date_of_a_report_is_news_time_not_the_story() -> None:
    got = values("The company was founded in 1985 by two brothers. The firm said in March that profits rose.",
                 "2019-06-07")
    assert got["March"] == ("2019-03", "publication")
    got = values("Households paid more tax in 2013 than before. Analysts noted the rise in a June report.",
                 "2016-10-04")
    assert got["June"] == ("2016-06", "publication")


def test_news_of_this_week_keeps_the_publication_date() -> None:
    got = values("The bridge was built in 1932.\n\nIt collapsed on Monday, and divers searched it yesterday.",
                 "2019-06-07")
    assert got["Monday"] == ("2019-06-03", "publication")
    assert got["yesterday"] == ("2019-06-06", "publication")


def test_a_quotation_counts_today_from_the_day_it_was_said() -> None:
    got = values("\u201cWe will sign the deal today,\u201d the minister told a press conference on Tuesday.",
                 "2019-06-07")
    assert got["today"] == ("2019-06-04", "quotation")
    got = values("\u201cWe met them yesterday and we meet again now,\u201d she said on 3 May.", "2019-06-07")
    assert got["yesterday"] == ("2019-05-02", "quotation")
    assert got["now"] == ("2019-05-03", "quotation")


def test_a_quotation_without_a_day_of_its_own_keeps_the_publication_date() -> None:
    got = values("\u201cWe will sign the deal today,\u201d the minister said.", "2019-06-07")
    assert got["today"] == ("2019-06-07", "publication")


def test_every_resolved_value_says_what_it_was_counted_from() -> None:
    text = ("Police said the break-in happened on Dec. 28, 2015, in the suburb.\n\n"
            "The suspect was arrested on Dec. 30 after a chase. Officers spoke on Monday.")
    got = {t.text: t for t in newsgraph.extract(text, published="2019-06-07").times}
    assert got["Dec. 28, 2015"].anchor is None
    assert got["Dec. 30"].anchor == "2015-12-28"
    assert got["Monday"].anchor == "2019-06-07"


def test_a_comparison_is_no_date() -> None:
    got = values("The contract will now end in 2006, five years earlier than planned.", "2004-11-01")
    assert got["five years earlier"] == (None, "unresolved")


def test_a_comparison_base_is_not_where_the_story_is() -> None:
    got = values("Pay rose 2% in March 2004 from March 2003. Hours fell in March from February.", None)
    assert got["March"] == ("2004-03", "narrative") and got["February"] == ("2004-02", "narrative")


def test_a_target_is_not_where_the_story_is_but_a_past_by_is() -> None:
    got = values("The firm wants a tenth of the market by the end of 2005. Its rival ships a new version by "
                 "the end of the year.", "2004-11-20")
    assert got["the end of the year"] == ("2004", "publication")
    got = values("By 1958 all eight had defected. The following year they wrote home.", "2019-06-01")
    assert got["The following year"] == ("1959", "narrative")


def test_without_a_publication_date_no_story_reaches_past_the_near_sentences() -> None:
    got = values("Lending fell from 2.6bn in January 2004.\n\nThe banks said lending rose in January.", None)
    assert got["January"] == (None, "unresolved")


def test_a_target_until_a_year_is_not_the_story() -> None:
    got = values("He signed a contract until summer 2008 on Thursday. Earlier in December there were rumours.",
                 "2005-01-10")
    assert got["December"] == ("2004-12", "publication")


def test_a_named_day_and_day_anaphora_do_not_reach_into_an_old_story() -> None:
    got = values("She backed the raid that killed a 9/11 plotter, she said on Wednesday.\n\n"
                 "He cited problems abroad.\n\nDuring a speech earlier in the day, he attacked her record.",
                 "2016-09-08")
    assert got["earlier in the day"] == (None, "unresolved")
