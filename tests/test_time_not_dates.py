"""Numbers that look like dates but are not (issue 17): clock times, quantities, numbered and
named things, titles of works. All sentences invented."""

from __future__ import annotations

import pytest

from newsgraph.analyse.dates.grammar import readings
from tests.test_time import values


@pytest.mark.parametrize("text, clock", [
    ("Shares in the bank were up 2% at 1405 GMT.", "1405"),
    ("The statement will be read at 1230 BST in the chamber.", "1230"),
    ("The ceremony will be shown from 1130 to 1215 GMT.", "1130"),
    ("The ceremony will be shown from 1130 to 1215 GMT.", "1215"),
    ("The squad trains at 1030 and the second side at 1330.", "1330"),
    ("The ferry leaves at 0745 every day.", "0745"),
])
def test_four_digit_clock_times_are_times_of_day(text: str, clock: str) -> None:
    found = {text[r.start:r.end]: r for r in readings(text)}
    assert found[clock].rule == "clock"
    hh, mm = int(clock[:2]), int(clock[2:])
    assert found[clock].args == {"hh": hh, "mm": mm}


def test_a_clock_time_takes_the_day_and_never_a_year() -> None:
    got = values("The chancellor will deliver the budget at 1230 GMT on Wednesday.", "2005-03-14")
    assert got["1230"] == ("2005-03-16T12:30", "narrative")
    got = values("Kick-off is at 1500 GMT.\n\nSaturday, 12 March\n\n1400 GMT\n\nLive on radio.", "2005-03-10")
    assert all(not (v or "").startswith(("14", "15")) for v, _ in got.values()), got


@pytest.mark.parametrize("text", [
    "Its shares closed at 1130p, up 6%.",
    "She ran the 1500m in record time.",
    "The inspectors cited resolution 1441 in their report last week.",
    "Fans queued for Fahrenheit 9/11 at the festival.",
    "The firm said users of Windows 2000 should update.",
    "The critics' prize went to \u201c2046\u201d, the director's new film.",
])
def test_quantities_numbered_things_and_titles_are_not_dates(text: str) -> None:
    got = values(text, "2004-12-01")
    assert not any((v or "")[:2] in ("11", "15", "14", "20") and len(v or "") >= 4 and t[:1].isdigit()
                   for t, (v, _) in got.items()), got


def test_far_future_bare_year_is_a_title_unless_the_tense_says_future() -> None:
    assert "2046" not in values("The jury honoured the director for 2046 in Cannes in 2004.", "2004-05-20")
    assert values("By 2050 the sea will rise, scientists said.", "2004-05-20")["2050"] == ("2050", "absolute")


def test_real_years_and_the_attacks_stay_dates() -> None:
    got = values("The fund was set up in 1337 by the king. Security changed after 9/11.", "2004-05-20")
    assert got["1337"] == ("1337", "absolute") and got["9/11"] == ("2001-09-11", "absolute")


@pytest.mark.parametrize("text", [
    "United won 2-1 at home and drew 3-3 away.",
    "Some 2000 people marched while 1200 police watched.",
    "The airline ordered ten Boeing 777s and an Airbus A380.",
    "The Nokia 1100 sold 200 million units.",
    "He read Orwell's 1984 again on the train.",
    "The film 2012 was a hit with teenagers.",
])
def test_scores_counts_models_and_works_are_not_dates(text: str) -> None:
    assert not [v for v, _ in values(text, "2004-12-01").values() if v], text


def test_a_season_of_years_is_years_and_a_possessive_before_a_noun_is_a_date() -> None:
    got = values("He scored 20 goals in the 1999-2000 season.", "2004-12-01")
    assert got["1999"] == ("1999", "absolute") and got["2000"] == ("2000", "absolute")
    assert values("Labour's 1997 victory was huge.", "2004-12-01")["1997"] == ("1997", "absolute")


def test_a_clock_time_with_a_score_takes_the_day() -> None:
    got = values("The home side led 1-0 at 1945 GMT on Saturday.", "2004-12-01")
    assert got["1945"][0] is not None and got["1945"][0].endswith("T19:45")


def test_someones_year_before_a_noun_stays_a_date() -> None:
    assert values("He recorded a version of the singer Eric Clapton's 1991 hit for charity.", "2005-01-10")["1991"] \
        == ("1991", "absolute")
