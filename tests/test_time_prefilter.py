"""The literal prefilter that skips time patterns: never skips a pattern that would have matched."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.analyse.base.regex_prefilter import ALWAYS, Prefilter, first_class, fold, requirement
from newsgraph.analyse.dates.grammar import make_rule, readings, rules


def may_match(pattern: str, text: str) -> bool:
    return Prefilter(text).may_match(requirement(re.compile(pattern)))


def test_words_of_alternatives_and_sequences() -> None:
    ago = r"\d+\s+(?i:days?|weeks?)\s+(?i:ago|from\s+now)"
    assert may_match(ago, "It began 3 WEEKS Ago.")
    assert not may_match(ago, "It began 3 weeks before.")  # neither "ago" nor "from … now"
    assert not may_match(ago, "ago, from now on")  # no unit word
    assert may_match(ago, "days from now")


def test_phrases_are_spelt_out_across_whitespace_and_alternatives() -> None:
    at_the_time = r"(?i:at\s+(?:the|that)\s+time)(?!\w)"
    assert may_match(at_the_time, "We met AT\n  That\ttime.")
    assert not may_match(at_the_time, "At the same time, that time, at the moment.")
    assert may_match(r"\s+now", "\nnow")  # whitespace at the text's edge
    assert may_match(r"the\s+(?:Day|Night)\s+before", "on the  Day\nbefore")
    assert not may_match(r"the\s+(?:Day|Night)\s+before", "on the day before")


def test_case_sensitive_words_are_looked_up_as_written() -> None:
    assert may_match(r"(?:Jan|JAN)\b", "In JAN.")
    assert not may_match(r"(?:Jan|JAN)\b", "in jan.")
    assert may_match(r"(?i:jan)\b", "In jAn.")


def test_optional_parts_classes_and_negative_lookarounds_require_nothing() -> None:
    assert requirement(re.compile(r"(?:foo)?\d+(?!bar)")) == ALWAYS
    assert requirement(re.compile(r"foo|\d")) == ALWAYS
    assert may_match(r"(?<!x)\d+(?=\s+attacks)", "9 attacks")
    assert not may_match(r"(?<!x)\d+(?=\s+attacks)", "9 attack")


def test_fold_shows_every_case_insensitive_match_of_an_ascii_letter() -> None:
    every_char = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for m in re.finditer(letter, every_char, re.IGNORECASE):
            assert letter in fold(m.group(0)), (letter, hex(ord(m.group(0))))
    assert "in" in fold("İN") and "sept" in fold("ſEPT") and "it" in fold("ıT")


FRAGMENTS = [
    "January", "Jan.", "JAN", "jan", "May", "Sept. 11", "9/11", "11 September", "attacks", "Monday", "MONDAY",
    "Mon.", "Christmas", "Day", "Election Day", "1958", "2016", "'80s", "1990s", "the", "The", "sixties",
    "21st", "century", "first", "quarter", "of", "summer", "spring", "last", "next", "this", "past", "coming",
    "today", "tonight", "yesterday", "morning", "week", "weekend", "month", "year", "years", "the end of",
    "three", "a few", "twenty-one", "more than", "days", "ago", "from now", "later", "earlier", "after",
    "before", "long", "a long time", "end", "middle", "very", "previous", "hours", "only", "following", "same", "that", "at", "time", "now", "right", "known",
    "6:05", "p.m.", "am", "PM", "noon", "midnight", "2016-09-11", "9/11/2001", "12", "-", "–", "/", ",",
    "’s", "'", "ET", "İ", "ı", "ſ", "K", "ﬀ", "£", "$",
]
SEPARATORS = [" ", "  ", "\n", "\n\n", "", ", ", "-", "\t", "\u00a0", " \n "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=14))
def test_a_pattern_that_matches_is_never_skipped(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in pieces)
    prefilter = Prefilter(text)
    for rule in rules():
        if rule.regex.search(text):
            assert rule.may_match(prefilter), (rule.name, text)


def test_most_patterns_have_words_to_test() -> None:
    assert sum(rule.need != ALWAYS for rule in rules()) >= len(rules()) - 2
    assert [(r.start, r.end) for r in readings("It ended 3 weeks ago, on Monday.")] == [(9, 20), (25, 31)]


def test_a_core_must_be_outside_optional_groups_and_alternatives() -> None:
    def handler(m: re.Match[str]) -> None:
        return None

    assert make_rule("ok", r"(?:the\s+)?⟨«MONTH»\s+«DAY»⟩(?:,\s*«YEAR»)?", handler).core is not None
    assert make_rule("look-ahead", r"«YEAR»(?=⟨[-–/]\d\d⟩)", handler).core is not None
    for bad in (r"(?:a⟨b⟩)?c", r"a|⟨b⟩", r"(?:a|⟨b⟩)c", r"⟨a⟩+", r"a(?!⟨b⟩)", r"a(?=x|⟨b⟩)"):
        with pytest.raises(ValueError, match="core"):
            make_rule("bad", bad, handler)


def test_first_characters_of_a_pattern() -> None:
    assert first_class(r"(?i:early|late|mid)[-\s]+") == "elm"
    assert first_class(r"(?:twenty|\d{1,3}|[a-c])") == "\\da-ct"
    assert first_class(r"(?:the\s+)?(?<!x)year") == "ty"  # an optional opening, then what follows it
    assert first_class(r"x?") is None and first_class(r"[^a]") is None and first_class(r"(?:a|)b") is None
