"""The people component's shortcuts answer exactly as the slow ways they replace (issue 7:
cheaper, same output): the possessive test before the regex, headline answers kept per
sentence, the quoted-name search from the first verb. (The whole component's output is
compared byte for byte on BBC and PolNeAR articles outside the test suite, before each
such change.)"""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.analyse.base.token_table import token_table
from newsgraph.analyse.entities import names
from newsgraph.analyse.entities.name_spans import headline_like

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def _strip_possessive_by_regex(name: str) -> str:
    m = _POSSESSIVE.search(name)
    return name[: m.start()] if m and len(name) - len(m.group(0)) >= 2 else name


@given(st.text(alphabet="Jonesˈ's’S \n\t.-", max_size=12))
def test_strip_possessive_is_the_regex_answer(name: str) -> None:
    assert names.strip_possessive(name) == _strip_possessive_by_regex(name)


@pytest.mark.parametrize("name, bare", [("Kim Il Sung’s", "Kim Il Sung"), ("Jones’", "Jones"),
                                        ("Jones's\n", "Jones"), ("Obama", "Obama"), ("s'", "s'")])
def test_strip_possessive_examples(name: str, bare: str) -> None:
    assert names.strip_possessive(name) == bare


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    import spacy

    from newsgraph.analyse.model_choice import default_model

    return spacy.load(default_model())


def test_headline_answers_kept_per_sentence_are_the_same(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Clinton Hid Past Health Problems From Voters. Mr Trump said on Monday that the "
              "plan would fail. Sanders Wins Big In New Hampshire Primary")
    seen: dict[tuple[int, int], bool] = {}
    asked = [headline_like(doc, i, seen) for i in range(len(doc))]
    assert asked == [headline_like(doc, i) for i in range(len(doc))]
    assert asked[0] and not asked[10] and asked[-1]
    assert len(seen) == len(set(token_table(doc).sent_bounds))


def _named_groups_whole_text(text: str) -> list[tuple[str, tuple[int, int]]]:
    from newsgraph.analyse.entities.aliases import NAMED_QUOTED

    return [(m.group(1).strip(), (m.start(1), m.start(1) + len(m.group(1).strip())))
            for m in NAMED_QUOTED.finditer(text)]


_GROUP_PIECES = st.sampled_from(["known as ", "Known ", "unknown ", "called ", "xcalled ", "dubbed the ",
                                 "Branded ", "referred to as ", "“", "”", '"', "'", "Moscow 8", "Eight",
                                 " ", "\n", "the ", "a"])


@cache
def _tokenizer():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en")


@given(st.lists(_GROUP_PIECES, max_size=14).map("".join))
def test_named_groups_searched_from_the_first_verb_find_all(text: str) -> None:
    from newsgraph.analyse.entities.aliases import named_groups

    assert named_groups(_tokenizer()(text)) == _named_groups_whole_text(text)
