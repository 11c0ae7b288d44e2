"""Gender of people (analyse/entities/gender.py, who_is_quoted.genders): from what the text says
of each person, a pronoun only where it refers back to them, given names only as weaker evidence,
null rather than a guess. Invented sentences; the given names are ones names_given.tsv lists as
either gender ("Casey", "Robin"), so only the text can decide."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph
from newsgraph.analyse.entities.gender import gender_and_basis, person_gender, plain_given_gender, role_gender
from newsgraph.analyse.entities.person import Mention, Person
from newsgraph.model import Article, Entity, Quote, Speaker
from newsgraph.store import connect, store_articles
from newsgraph.store.merge import merge_new_entities
from newsgraph.who_is_quoted import genders


def _genders(text: str) -> dict[str, str | None]:
    return {e.name: e.gender for e in newsgraph.extract(text).entities if e.type == "PERSON"}


def test_a_pronoun_after_a_full_name_as_subject_gives_the_gender() -> None:
    found = _genders("Casey Lundqvist said she would not stand again.")
    assert found.get("Casey Lundqvist") == "female"


def test_a_he_or_she_said_in_the_next_sentence_gives_the_gender() -> None:
    text = ("Casey Lundqvist, director of the Harbour Trust, spoke on Monday. "
            "\u201cWe will rebuild the pier,\u201d she said.")
    assert _genders(text).get("Casey Lundqvist") == "female"


def test_the_next_sentence_says_nothing_when_someone_else_was_named() -> None:
    text = ("Casey Lundqvist met Robin Abernathy at the harbour on Monday. "
            "\u201cWe will rebuild the pier,\u201d she said.")
    assert _genders(text).get("Casey Lundqvist") is None


def test_a_pronoun_after_another_name_refers_to_that_person() -> None:
    text = "Casey Lundqvist questioned Abernathy, after he admitted the loss of the ferry."
    assert _genders(text).get("Casey Lundqvist") is None


def test_an_object_pronoun_of_the_subjects_own_verb_is_someone_else() -> None:
    assert _genders("Robin Abernathy thanked her for the years of work.").get("Robin Abernathy") is None
    assert _genders("Robin Abernathy met with her in January.").get("Robin Abernathy") is None


def test_a_contrasted_clause_has_its_own_subject() -> None:
    text = "Voters asked why Robin Abernathy struggled where he succeeded."
    assert _genders(text).get("Robin Abernathy") is None


def test_a_possessive_in_a_predicate_about_the_name_is_the_other_persons() -> None:
    text = "The new councillor considers Robin Abernathy her mentor and her friend."
    assert _genders(text).get("Robin Abernathy") is None


def test_a_gendered_noun_in_apposition_gives_the_gender_whoever_the_possessive() -> None:
    text = "Casey Lundqvist, Jarek's younger sister, said the band would tour in spring."
    assert _genders(text).get("Casey Lundqvist") == "female"


def test_a_role_is_read_by_its_head_noun_not_by_its_last_word() -> None:
    assert role_gender("friend of the widow") == "-"
    assert role_gender("wife of the president") == "f"
    assert role_gender("Jarek's younger sister") == "f"
    assert role_gender("Clinton spokesman") == "m"


def _person(name: str, *said: str) -> Person:
    p = Person(name, 0)
    p.mentions = [Mention(k, k + 1, k, k + 1, name.split()[-1:], gender=g) for k, g in enumerate(said)]
    return p


def test_a_given_name_is_weaker_than_the_text_but_one_pronoun_does_not_outvote_it() -> None:
    assert person_gender(_person("Hillary Dunmore")) == "female"  # the given name alone
    assert person_gender(_person("Hillary Dunmore", "m")) is None  # one pronoun against it: no guess
    assert person_gender(_person("Hillary Dunmore", "m", "m")) == "male"  # two outvote it
    assert person_gender(_person("Casey Dunmore", "f", "f", "m")) == "female"  # two thirds
    assert person_gender(_person("Casey Dunmore", "f", "m")) is None


def test_the_basis_says_whether_the_text_or_only_the_name_decided() -> None:
    assert gender_and_basis(_person("Hillary Dunmore")) == ("female", "name")  # the name list alone
    assert gender_and_basis(_person("Hillary Dunmore", "f")) == ("female", "text")  # a pronoun agrees
    assert gender_and_basis(_person("Casey Dunmore", "m")) == ("male", "text")
    assert gender_and_basis(_person("Hillary Dunmore", "m", "m")) == ("male", "text")
    assert gender_and_basis(_person("Dunmore")) == (None, None)


def test_a_given_name_of_both_genders_gives_none() -> None:
    pytest.importorskip("gender_guesser")
    assert plain_given_gender("Jean") is None  # male in France, female in Britain
    assert plain_given_gender("Andrea") is None  # male in Italy
    assert plain_given_gender("George") == "male"
    assert plain_given_gender("Zzqx") is None


def _article(k: int, name: str, gender: str | None, aliases: list[str] | None = None,
             roles: list[str] | None = None) -> Article:
    said = f"Remark number {k}"
    text = f"\u201c{said},\u201d {name} said."
    s, at = text.index(said), text.index(name)
    art = Article(text=text, document=f"g{k}.txt", published="2022-05-01", outlet="Invented")
    art.entities.append(Entity(name, "PERSON", [(at, at + len(name))], aliases=aliases or [],
                                roles=roles or [], gender=gender))
    art.quotes.append(Quote([(s, s + len(said))], "direct", Speaker(name, (at, at + len(name)), None, "PERSON")))
    return art


def test_the_store_takes_a_two_thirds_majority_of_the_articles(tmp_path: Path) -> None:
    conn = connect(tmp_path / "g.db")
    # the roles agree, so the join survives the gender conflict: one article joined wrongly
    arts = [_article(k, "Robin Abernathy", "male", roles=["goalkeeper"]) for k in range(4)]
    arts.append(_article(4, "Robin Abernathy", "female", ["Mrs Abernathy"], roles=["goalkeeper"]))
    arts += [_article(5, "Casey Lundqvist", "male", roles=["striker"]),
             _article(6, "Casey Lundqvist", "female", roles=["striker"])]
    store_articles(conn, arts)
    merge_new_entities(conn)
    found = {k: v for k, v in genders(conn).items()}
    names = {key: name for key, name in conn.execute(
        "SELECT 'g' || id, name FROM global_entities")}
    by_name = {names.get(k, k[1:]): v for k, v in found.items()}
    assert by_name.get("Robin Abernathy") == ("male", "text")
    assert "Casey Lundqvist" not in by_name  # the articles disagree: unknown, and no guess from the name


def test_a_pronoun_deep_in_what_the_person_said_is_about_someone_else() -> None:
    text = "Casey Lundqvist said the timing of the vote was unlikely to help his campaign."
    assert _genders(text).get("Casey Lundqvist") is None
    assert _genders("Casey Lundqvist said his team had played well.").get("Casey Lundqvist") == "male"


def test_a_pronoun_right_after_someone_else_of_that_gender_is_left_open() -> None:
    text = ("Ms Farrow was charged with assault in March. "
            "Judge Robin Abernathy said she must pay a fine.")
    assert _genders(text).get("Robin Abernathy") is None


def test_a_possessive_of_a_coordinated_subject_is_the_first_persons() -> None:
    text = "Robin Abernathy and his business partner Casey Lundqvist said they would appeal."
    assert _genders(text).get("Robin Abernathy") == "male"


def test_a_pronoun_in_the_names_own_who_clause_refers_back() -> None:
    text = "Casey Lundqvist, who made a fortune from his shipping trade, was called a pirate."
    assert _genders(text).get("Casey Lundqvist") == "male"


def test_a_name_only_gender_guesser_knows_gives_no_gender_without_the_text() -> None:
    pytest.importorskip("gender_guesser")
    assert person_gender(_person("Joss Arbuckle")) is None  # left to the store, where articles outvote it
    assert person_gender(_person("Joss Arbuckle", "f")) == "female"  # weaker than names_given.tsv's
    assert person_gender(_person("Joss Arbuckle", "f", "m")) is None  # a tie the text leaves open
