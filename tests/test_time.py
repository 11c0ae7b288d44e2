"""Time expressions: what is found, how it is normalised, and what is left unresolved."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.analyse.dates import values as tv
from newsgraph.analyse.dates.grammar import readings

HOWS = {"absolute", "publication", "narrative", "quotation", "unresolved"}


def values(text: str, published: str | None = None) -> dict[str, tuple[str | None, str]]:
    """Expression text -> (value, how) for one invented article."""
    art = newsgraph.extract(text, published=published)
    return {t.text: (t.value, t.how) for t in art.times}


# --- absolute dates ----------------------------------------------------------------------------


@pytest.mark.parametrize("text, expr, value", [
    ("The other seven filed for asylum in 1958.", "1958", "1958"),
    ("The attack came on Sept. 11, 2001, in the morning.", "Sept. 11, 2001", "2001-09-11"),
    ("The treaty was signed on 11 September 2001 in Geneva.", "11 September 2001", "2001-09-11"),
    ("Sales fell in September 2016 across the region.", "September 2016", "2016-09"),
    ("Prices rose sharply in the 1990s and again later.", "the 1990s", "199X"),
    ("The band was famous in the early '80s among students.", "the early '80s", "198X"),
    ("Things changed in the sixties, she said.", "the sixties", "196X"),
    ("The church dates from the 18th century, officials said.", "the 18th century", "17XX"),
    ("The report covers the third quarter of 2016 only.", "the third quarter of 2016", "2016-Q3"),
    ("She moved abroad in the summer of 2010 with her family.", "the summer of 2010", "2010-SU"),
    ("Election Day 2016 was a Tuesday.", "Election Day 2016", "2016-11-08"),
    ("She backed the raid that killed 9/11 plotter Osama bin Laden.", "9/11", "2001-09-11"),
    ("Security changed after the Sept. 11 attacks.", "Sept. 11", "2001-09-11"),
])
def test_absolute_dates(text: str, expr: str, value: str) -> None:
    assert values(text)[expr] == (value, "absolute")


# --- relative to the publication date -------------------------------------------------------------


def test_last_month_with_and_without_publication_date() -> None:
    text = "The president visited the theatre last month."
    assert values(text, "2019-06-25")["last month"] == ("2019-05", "publication")
    assert values(text)["last month"] == (None, "unresolved")  # never guessed


def test_on_sunday_follows_the_tense() -> None:
    pub = "2016-09-12"  # a Monday
    assert values("The minister resigned on Sunday.", pub)["Sunday"] == ("2016-09-11", "publication")
    assert values("The minister will speak on Sunday.", pub)["Sunday"] == ("2016-09-18", "publication")
    assert values("The minister resigned on Sunday.")["Sunday"] == (None, "unresolved")


@pytest.mark.parametrize("text, expr, value", [
    ("Officials said yesterday that talks had failed.", "yesterday", "2016-09-11"),
    ("The committee met last week to discuss it.", "last week", "2016-W36"),
    ("Voters will decide next year whether to change it.", "next year", "2017"),
    ("His father died 22 years ago in Ohio.", "22 years ago", "1994"),
    ("She has campaigned in Ohio since February, aides said.", "February", "2016-02"),
    ("The rally on Labor Day drew thousands.", "Labor Day", "2016-09-05"),
    ("Clinton hopes to win in November.", "November", "2016-11"),
    ("Lending has risen for the first time since May last year.", "May last year", "2015-05"),
])
def test_deictic_expressions(text: str, expr: str, value: str) -> None:
    assert values(text, "2016-09-12")[expr] == (value, "publication")


def test_approximate_offsets_and_seasons() -> None:
    pub = "2016-10-02"
    assert values("It became independent nearly a decade ago.", pub)["nearly a decade ago"] == (None, "unresolved")
    assert values("It became independent just two years ago.", pub)["just two years ago"] == ("2014", "publication")
    assert values("The men rode down the shaft last spring.", pub)["last spring"] == ("2016-SP", "publication")
    assert values("The men rode down the shaft last fall.", pub)["last fall"] == ("2015-FA", "publication")


def test_clock_times_take_a_day() -> None:
    assert values("Polls close on Sunday at 9 p.m. in Ohio.", "2016-09-12")["9 p.m."] == ("2016-09-11T21:00", "narrative")
    assert values("6:05 p.m.\n\nTrump is speaking in Michigan.", "2016-09-30")["6:05 p.m."] == (
        "2016-09-30T18:05", "publication")
    assert values("Polls close at 9 p.m. in Ohio.")["9 p.m."] == (None, "unresolved")
    assert values("The show airs weekdays from 6 a.m. on radio.", "2016-09-30")["6 a.m."] == (None, "unresolved")
    schedule = newsgraph.extract("It airs weekdays from 6:00 a.m. to 9:00 a.m. Eastern.", published="2016-09-30")
    assert [t.value for t in schedule.times if t.value] == []


def test_weekdays_lean_to_the_days_just_gone() -> None:
    friday, sunday = "2016-09-30", "2016-09-25"
    assert values("Clinton cited his remarks at Monday's debate.", friday)["Monday"][0] == "2016-09-26"
    assert values("Trump's tweet about Monday night's debate was a joke.", friday)["Monday night"][0] == "2016-09-26"
    assert values("She hopes to shine at Monday night's debate.", sunday)["Monday night"][0] == "2016-09-26"


def test_live_blog_times_and_generic_times() -> None:
    blog = "The Latest (all times EDT):\n\n7 p.m.\n\nTrump spoke in Michigan on Monday.\n\n6:05 p.m.\n\nClinton spoke."
    found = values(blog, "2016-09-30")
    assert found["6:05 p.m."] == ("2016-09-30T18:05", "publication")
    assert values("It shows he would be awake for a 3 a.m. call.", "2016-09-30")["3 a.m."] == (None, "unresolved")


def test_now_is_the_publication_day_or_unresolved() -> None:
    text = "The documentary is now showing in cinemas."
    assert values(text, "2019-06-25")["now"] == ("2019-06-25", "publication")
    assert values(text)["now"] == (None, "unresolved")


def test_months_without_a_year() -> None:
    text = "In March, prices rose again."
    assert values(text, "2019-06-25")["March"] == ("2019-03", "publication")
    assert values(text)["March"] == (None, "unresolved")
    story = "The party split in 1956 after a long dispute. In March, the leader purged his rivals."
    assert values(story, "2019-06-25")["March"] == ("1956-03", "narrative")
    far = ("Ministers want aid raised by 2015. Airlines object. Prices fell. Profits have suffered since "
           "the 11 September meeting.")
    assert values(far)["the 11 September"] == (None, "unresolved")  # a narrative date three sentences back
    day = "Stalin ruled until 1953. On March 5, he died at his dacha. In June, Beria was arrested."
    found = values(day, "2019-02-01")
    assert found["March 5"] == ("1953-03-05", "narrative")
    assert found["June"] == ("1953-06", "narrative")  # a historic day carries its year to the next sentence
    assert values("It rained on Tuesday. In June, prices rose.", "2019-02-01")["June"] == ("2018-06", "publication")


# --- relative to the narrative --------------------------------------------------------------------


def test_holidays_in_a_story_about_another_year() -> None:
    text = "He barely mentioned it in 2012. But soon after Election Day, he changed course."
    assert values(text, "2016-09-08")["Election Day"] == ("2012-11-06", "narrative")
    assert values("Soon after Election Day, he will change course.", "2016-09-08")["Election Day"][0] == "2016-11-08"


def test_the_following_year_counts_from_the_previous_paragraph() -> None:
    text = "The purge began in 1956.\n\nThe following year one of them asked for asylum."
    assert values(text)["The following year"] == ("1957", "narrative")
    assert values(text, "2019-06-25")["The following year"] == ("1957", "narrative")


def test_narrative_anchor_expires_after_a_paragraph_without_dates() -> None:
    text = ("The group went to Moscow in 1952.\n\nAt the time few students could travel.\n\n"
            "Film was considered crucial.\n\nThey did not know it at the time, he said.")
    found = newsgraph.extract(text).times
    at_the_time = [t for t in found if t.text.lower() == "at the time"]
    assert [(t.value, t.how) for t in at_the_time] == [("1952", "narrative"), (None, "unresolved")]


def test_anaphora_needs_an_anchor_of_the_right_grain() -> None:
    assert values("In 1956 the party split. The next day he resigned.")["The next day"] == (None, "unresolved")
    text = "On March 3, 2014, the party split. The next day he resigned."
    assert values(text)["The next day"] == ("2014-03-04", "narrative")
    assert values("Two years later he died.")["Two years later"] == (None, "unresolved")


def test_event_relative_offsets_stay_unresolved() -> None:
    found = values("The purge came in 1956, months after Khrushchev's secret speech.")
    assert found["months after"] == (None, "unresolved")


# --- not dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "He has served in Congress for 20 years.",
    "Scott, a 43-year-old father of seven, was shot.",
    "He saw the sun for only six months of the year.",
    "The bank fires workers every year and pays bonuses quarterly.",
    "A USA TODAY analysis found the trees were Christmas trees from Oregon.",
    "Theresa May spoke to Parliament.",
    "In his sixties he retired to the coast.",
    "They still hope for a better tomorrow.",
    "Turnout rose to 1,958 voters and the fee was $2016 in the ward.",
])
def test_durations_ages_and_names_are_not_dates(text: str) -> None:
    assert [t for t in newsgraph.extract(text, published="2016-09-12").times if t.value] == []


# --- values ---------------------------------------------------------------------------------------


def test_value_forms_and_order() -> None:
    for v in ("1957", "2019-04", "2016-09-11", "2016-09-11T21:00", "2016-W37", "2016-W37-WE", "2016-Q3",
              "2016-SU", "199X", "19XX"):
        assert tv.is_value(v), v
    for v in ("2016-13", "2016-02-30", "1990s", "", "2016-W54"):
        assert not tv.is_value(v), v
    ordered = sorted(["1993", "199X", "1989", "2016-09", "2016", "2016-09-11"], key=tv.sort_key)
    assert ordered == ["1989", "199X", "1993", "2016", "2016-09", "2016-09-11"]
    assert tv.bounds("2016-09") == ("2016-09-01", "2016-09-30")
    assert tv.shift("2016-12-31", 1, "day") == "2017-01-01"
    assert tv.shift("1956", 1, "day") is None


WORDS = ["in", "on", "the", "last", "next", "year", "month", "week", "Sunday", "March", "May", "1958", "1990s",
         "Sept.", "11,", "2001", "following", "at", "time", "now", "ago", "two", "years", "later", "today", "of",
         "said", "he", "will", "visit", "'80s", "summer", "Labor", "Day", "9", "p.m.", "\n\n", "—", "“", "”", "."]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_spans_and_values_are_well_formed(words: list[str], pub: date | None) -> None:
    text = " ".join(words)
    art = newsgraph.extract(text, published=pub.isoformat() if pub else None)
    for t in art.times:
        s, e = t.span
        assert 0 <= s < e <= len(text) and text[s:e] == t.text
        assert t.how in HOWS
        assert (t.value is None) == (t.how == "unresolved")
        assert t.value is None or tv.is_value(t.value), t
    for ev in art.timeline:
        assert ev.date is not None and tv.is_value(ev.date)
        assert 0 <= ev.span[0] < ev.span[1] <= len(text) and text[ev.span[0]:ev.span[1]] == ev.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789 -/.,'’abcdefghijklmnopqrstuvwxyzADFJMNOS"), max_size=60))
def test_grammar_never_breaks_on_noise(text: str) -> None:
    for r in readings(text):
        assert 0 <= r.start < r.end <= len(text)
        if r.rule == "abs":
            assert tv.is_value(r.args["value"])
