"""Each attribution strategy on a layout of its own, through the whole pipeline.

The texts are invented. Each test asserts both the speaker ``newsgraph.extract`` gives and
which strategy found it (the strategies are wrapped to record their hits), so a test keeps
exercising its strategy and not just any that happens to give the same name.
"""

from __future__ import annotations

import functools
import re

import pytest

import newsgraph
from newsgraph.analyse.quotes import attribution
from newsgraph.analyse.quotes.attribution import (
    ATTRIBUTION_STRATEGIES,
    Attribution,
    AttributionContext,
    Strategy,
    cue_before_colon,
    cue_in_sentence,
    cue_of_paragraph_before_colon,
    cue_where_punctuation_points,
    dash_or_colon_source,
    last_cue_subject,
    last_speaker_continues,
    named_colon,
    person_introduced_before,
    short_attribution_sentence_after,
    signature,
    speech_verb_next_to_marks,
)


@pytest.fixture
def hits(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the strategies that attributed a passage, in the order they did."""
    found: list[str] = []

    def recording(strategy: Strategy) -> Strategy:
        @functools.wraps(strategy)
        def run(ctx: AttributionContext) -> Attribution | None:
            result = strategy(ctx)
            if result is not None:
                found.append(strategy.__name__)
            return result

        return run

    monkeypatch.setattr(attribution, "ATTRIBUTION_STRATEGIES", tuple(recording(s) for s in ATTRIBUTION_STRATEGIES))
    return found


def direct_speakers(text: str) -> list[str | None]:
    return [q.speaker.name for q in newsgraph.extract(text).quotes if q.kind == "direct"]


NAME = "Hanna Berglund"

LAYOUTS: list[tuple[Strategy, str]] = [
    (signature, "The mayor was asked about the bridge.\n\n“We will rebuild it within two years, whatever the cost.” ― Hanna Berglund"),
    (named_colon, "The council met on Tuesday. Mayor Hanna Berglund: “We will rebuild the bridge within two years.”"),
    (cue_where_punctuation_points, "“We will rebuild the bridge within two years,” Hanna Berglund said."),
    # "a.m." ends the text read beside the marks; the parsed sentence runs on to "told"
    (cue_in_sentence, "Hanna Berglund told reporters at 9 a.m. on Tuesday: “We will rebuild the bridge within two years.”"),
    (speech_verb_next_to_marks, "“We will rebuild the bridge within two years,” Hanna Berglund snapped, leaving the room."),
    (dash_or_colon_source, "The council met on Tuesday.\n\n“We will rebuild the bridge within two years and nobody will stop us.”"
     " - the mayor, Hanna Berglund"),
    (cue_before_colon, "The council met on Tuesday.\n\nThe numbers Hanna Berglund announced at 9 a.m. were stark: Only four"
     " bridges in the region meet the standard, and the “old bridge is not one of them”."),
    (cue_of_paragraph_before_colon, "Hanna Berglund, the mayor, spoke to reporters on Tuesday and explained the plan:\n\n"
     "“We will rebuild the bridge within two years, and the ferry will run until then.”"),
    (short_attribution_sentence_after, "The council met on Tuesday.\n\n“We will rebuild the bridge within two years”."
     " Hanna Berglund said so on Tuesday.\n\nThe vote is next week."),
    (last_cue_subject, "Hanna Berglund said the bridge would be rebuilt.\n\n“It will take two years and a great deal of money.”"),
]
"""One invented layout a strategy, where it (and no strategy before it) finds the speaker."""


@pytest.mark.parametrize(("strategy", "text"), LAYOUTS, ids=[s.__name__ for s, _ in LAYOUTS])
def test_each_strategy_finds_the_speaker_of_its_layout(strategy: Strategy, text: str, hits: list[str]) -> None:
    assert direct_speakers(text) == [NAME]
    assert hits == [strategy.__name__]


def test_last_speaker_continues(hits: list[str]) -> None:
    text = (
        "The council met on Tuesday.\n\n"
        "Mayor Hanna Berglund: “We will rebuild the bridge.”\n\n"
        "“It will take two years and a great deal of money.”"
    )
    assert direct_speakers(text) == [NAME, NAME]
    assert hits == [named_colon.__name__, last_speaker_continues.__name__]


def test_person_introduced_before(hits: list[str]) -> None:
    text = ("“The ferry will do,” said Tom Reyes.\n\nMayor Hanna Berglund wants a new bridge by 2030.\n\n"
            "“It will take two years and a great deal of money.”")
    assert direct_speakers(text) == ["Tom Reyes", NAME]
    assert hits[-1] == person_introduced_before.__name__


def test_every_strategy_has_a_layout_test() -> None:
    tested = [s for s, _ in LAYOUTS] + [person_introduced_before, last_speaker_continues]
    assert tested == list(ATTRIBUTION_STRATEGIES)


def test_the_strategies_run_in_the_order_the_module_docstring_gives() -> None:
    documented = re.findall(r"^\d+\. ``(\w+)``", attribution.__doc__ or "", flags=re.MULTILINE)
    assert documented == [s.__name__ for s in ATTRIBUTION_STRATEGIES]


def test_every_strategy_says_in_one_line_which_layout_it_reads() -> None:
    for strategy in ATTRIBUTION_STRATEGIES:
        doc = strategy.__doc__ or ""
        assert doc and "\n" not in doc.strip(), strategy.__name__
