"""Partial dates in a story told from a past date anchor to that story, not to the publication
(issue 17). Invented sentences."""

from __future__ import annotations

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
