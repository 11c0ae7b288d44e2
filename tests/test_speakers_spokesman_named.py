"""An unnamed "a spokesman for X" the article names (issue #14/#15): by the next sentence's
"X spokesman Dr NAME" past a title of the name's own, and by a name the parser hung on the body's
name ("a spokesman for A, B and C, NAME,"); not a name set after a person's post (invented
sentences, one rule a test)."""

from __future__ import annotations

import newsgraph


def speakers(text: str, words: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker.name, q.speaker.type) for q in newsgraph.extract(text).quotes if words in q.content(text)]


def test_the_next_sentence_names_the_spokesman_past_his_title() -> None:
    text = ("Harbour group to rally voters\n\nThe Harbour Residents Union (HRU) will hold a rally on Friday. "
            "But a spokesman stressed the rally was \"not a protest\". \"This rally is about the issues we care "
            "about,\" HRU spokesman Dr Tom Reyes said of the event.\n")
    assert speakers(text, "not a protest") == [("Tom Reyes", "PERSON")]


def test_a_name_after_the_bodys_name_is_the_spokesman() -> None:
    text = ("Pirates jailed\n\nTwelve men were jailed on Monday. A spokesman for Harbour Immigration, Customs and "
            "Excise, Tom Reyes, said the gang did not seem to want money. He said the raids had been a success.\n")
    assert speakers(text, "did not seem") == [("Tom Reyes", "PERSON")]


def test_a_name_after_a_persons_post_is_not_the_spokesman() -> None:
    text = ("Minister quits\n\nThe minister resigned on Monday. A spokesman for the minister, Ann Lee, said the "
            "decision was final.\n")
    assert speakers(text, "decision was final") != [("Ann Lee", "PERSON")]
