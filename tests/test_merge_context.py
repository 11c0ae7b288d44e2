"""Cross-article joins need agreeing context, not just the name (issue 14): namesakes stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Article, Entity
from newsgraph.store import connect, store_articles
from newsgraph.store.merge import NAMESAKE, merge_new_entities, merges, unmerge
from newsgraph.store.person_context import fields_of, section_of, sport_of


def _art(document: str, name: str, *, roles: tuple[str, ...] = (), aliases: tuple[str, ...] = (),
         gender: str | None = None, others: tuple[tuple[str, str], ...] = ()) -> Article:
    art = Article(text=f"Invented article {document}.", document=document)
    art.entities.append(Entity(name=name, type="PERSON", mentions=[(0, 1)], aliases=list(aliases),
                               roles=list(roles), gender=gender))
    for k, (other, type_) in enumerate(others):
        art.entities.append(Entity(name=other, type=type_, mentions=[(k + 2, k + 3)]))
    return art


def _global_of(conn, document: str, name: str) -> int:  # type: ignore[no-untyped-def]
    row = conn.execute("SELECT e.global_id FROM entities e JOIN articles a ON a.id = e.article_id "
                       "WHERE a.document = ? AND e.name = ?", (document, name)).fetchone()
    return int(row[0])


@pytest.fixture
def conn(tmp_path: Path):  # type: ignore[no-untyped-def]
    c = connect(tmp_path / "c.db")
    yield c
    c.close()


def test_sections_and_role_fields_are_read_from_paths_and_roles() -> None:
    assert section_of("sport/014.txt") == "sport"
    assert section_of("https://news.example.com/business/markets/a-story") == "business"
    assert section_of("wire_2016-09-12_a-story.txt") is None
    assert fields_of(["Ashdown goalkeeper"]) == {"sport"}
    assert fields_of(["business trouble-shooter"]) == {"business"}
    assert fields_of(["director"]) == frozenset()  # a word of several fields says nothing


def test_namesakes_with_conflicting_roles_stay_apart(conn) -> None:  # type: ignore[no-untyped-def]
    keeper = [_art(f"sport/{i}.txt", "Owen Marlowe", roles=("Ashdown goalkeeper",)) for i in range(3)]
    adviser = _art("politics/1.txt", "Owen Marlowe", roles=("business trouble-shooter",))
    adviser_again = _art("politics/2.txt", "Owen Marlowe", roles=("efficiency adviser and businessman",))
    store_articles(conn, [*keeper, adviser, adviser_again])
    merge_new_entities(conn)
    goalie = _global_of(conn, "sport/0.txt", "Owen Marlowe")
    assert _global_of(conn, "sport/2.txt", "Owen Marlowe") == goalie
    other = _global_of(conn, "politics/1.txt", "Owen Marlowe")
    assert other != goalie
    assert _global_of(conn, "politics/2.txt", "Owen Marlowe") == other  # the namesake is one person too
    rule = conn.execute("SELECT rule FROM entity_merges WHERE global_id = ? ORDER BY rowid LIMIT 1",
                        (other,)).fetchone()[0]
    assert rule.startswith(NAMESAKE) and "business vs sport" in rule


def test_one_person_with_agreeing_roles_joins_across_sections(conn) -> None:  # type: ignore[no-untyped-def]
    arts = [_art("sport/1.txt", "Lena Okonkwo", roles=("sprinter",), others=(("Valley Harriers", "ORG"),)),
            _art("sport/2.txt", "Lena Okonkwo", roles=("Olympic sprinter",)),
            _art("politics/3.txt", "Lena Okonkwo", roles=("former athlete",), others=(("Valley Harriers", "ORG"),))]
    store_articles(conn, arts)
    merge_new_entities(conn)
    g = _global_of(conn, "sport/1.txt", "Lena Okonkwo")
    assert _global_of(conn, "sport/2.txt", "Lena Okonkwo") == g
    assert _global_of(conn, "politics/3.txt", "Lena Okonkwo") == g
    rules = next(m["rules"] for m in merges(conn) if m["id"] == g)
    assert "same full name: roles in sport" in rules


def test_a_rare_name_with_nothing_against_still_joins(conn) -> None:  # type: ignore[no-untyped-def]
    store_articles(conn, [_art(f"wire_{i}.txt", "Teodor Vasquez-Lind") for i in range(3)])
    merge_new_entities(conn)
    assert len({_global_of(conn, f"wire_{i}.txt", "Teodor Vasquez-Lind") for i in range(3)}) == 1


def test_an_article_of_another_section_joins_when_entities_named_with_both_agree(conn) -> None:  # type: ignore[no-untyped-def]
    arts = [_art(f"politics/{i}.txt", "Anselm Walker", roles=("Prime Minister",),
                 others=(("Hollis Ward", "PERSON"),)) for i in range(3)]
    arts.append(_art("entertainment/9.txt", "Anselm Walker"))  # another section, nothing in common
    arts.append(_art("sport/9.txt", "Anselm Walker", others=(("Hollis Ward", "PERSON"),)))
    store_articles(conn, arts)
    merge_new_entities(conn)
    g = _global_of(conn, "politics/0.txt", "Anselm Walker")
    assert _global_of(conn, "sport/9.txt", "Anselm Walker") == g
    assert _global_of(conn, "entertainment/9.txt", "Anselm Walker") != g


def test_a_mrs_and_a_mr_of_one_name_stay_apart(conn) -> None:  # type: ignore[no-untyped-def]
    store_articles(conn, [_art("a/1.txt", "Robin Ashcombe", aliases=("Mr Ashcombe",)),
                          _art("a/2.txt", "Robin Ashcombe", aliases=("Mrs Ashcombe",)),
                          _art("a/3.txt", "Robin Ashcombe", gender="female")])
    merge_new_entities(conn)
    mr = _global_of(conn, "a/1.txt", "Robin Ashcombe")
    mrs = _global_of(conn, "a/2.txt", "Robin Ashcombe")
    assert mr != mrs
    assert _global_of(conn, "a/3.txt", "Robin Ashcombe") == mrs


def test_a_lone_mrs_never_joins_the_dominant_man_of_her_surname(conn) -> None:  # type: ignore[no-untyped-def]
    """The dance teacher "Mrs Pellow" of an arts story is not the fly-half of the sport pages, even
    when his early articles said nothing of his gender."""
    store_articles(conn, [_art("entertainment/1.txt", "Pellow", aliases=("Mrs Pellow",), roles=("dance teacher",))])
    merge_new_entities(conn)
    store_articles(conn, [_art(f"sport/{i}.txt", "Jory Pellow", roles=("fly-half",)) for i in range(4)])
    merge_new_entities(conn)
    store_articles(conn, [_art("sport/9.txt", "Jory Pellow", gender="male"), _art("sport/10.txt", "Pellow")])
    merge_new_entities(conn)
    him = _global_of(conn, "sport/0.txt", "Jory Pellow")
    assert _global_of(conn, "entertainment/1.txt", "Pellow") != him
    assert _global_of(conn, "sport/10.txt", "Pellow") == him  # his own lone surname still joins


def test_a_namesake_kept_apart_can_be_undone_and_stays_undone(conn) -> None:  # type: ignore[no-untyped-def]
    store_articles(conn, [_art("sport/1.txt", "Nell Farrant", roles=("striker",)),
                          _art("sport/2.txt", "Nell Farrant", roles=("striker",))])
    merge_new_entities(conn)
    g = _global_of(conn, "sport/1.txt", "Nell Farrant")
    assert _global_of(conn, "sport/2.txt", "Nell Farrant") == g
    assert unmerge(conn, g) == 1
    assert _global_of(conn, "sport/2.txt", "Nell Farrant") != g


def test_sections_far_apart_keep_a_common_surname_apart_not_a_rare_one(conn) -> None:  # type: ignore[no-untyped-def]
    store_articles(conn, [_art("sport/1.txt", "Dara Williams"), _art("entertainment/1.txt", "Dara Williams"),
                          _art("sport/2.txt", "Dara Williams"),
                          _art("sport/3.txt", "Ivo Quarrington"), _art("entertainment/3.txt", "Ivo Quarrington")])
    merge_new_entities(conn)
    athlete = _global_of(conn, "sport/1.txt", "Dara Williams")
    assert _global_of(conn, "sport/2.txt", "Dara Williams") == athlete  # both in sport
    assert _global_of(conn, "entertainment/1.txt", "Dara Williams") != athlete
    assert _global_of(conn, "entertainment/3.txt", "Ivo Quarrington") == _global_of(conn, "sport/3.txt",
                                                                                    "Ivo Quarrington")


def test_a_single_name_that_is_also_a_surname_joins_with_something_agreeing(conn) -> None:  # type: ignore[no-untyped-def]
    show = (("Brigid Kallstrom", "PERSON"), ("Celebrity Island", "ORG"))
    store_articles(conn, [_art("business/1.txt", "Rutger Zell", roles=("chief executive",)),
                          _art("entertainment/1.txt", "Zell", roles=("dancer",), others=show),
                          _art("entertainment/2.txt", "Zell", roles=("star",), others=show),
                          _art("entertainment/3.txt", "Zell")])
    merge_new_entities(conn)
    dancer = _global_of(conn, "entertainment/1.txt", "Zell")
    assert _global_of(conn, "entertainment/2.txt", "Zell") == dancer  # the same show's people named with both
    assert _global_of(conn, "entertainment/3.txt", "Zell") != dancer  # nothing but the section agrees
    assert dancer != _global_of(conn, "business/1.txt", "Rutger Zell")
    assert any("same single name, a surname of others" in m["rules"] for m in merges(conn))


def test_neighbouring_sections_and_a_role_of_the_other_section_do_not_split_one_person(conn) -> None:  # type: ignore[no-untyped-def]
    store_articles(conn, [_art("entertainment/1.txt", "Dara Jackson", roles=("film-maker",)),
                          _art("tech/1.txt", "Dara Jackson"),  # a games review naming the film-maker
                          _art("entertainment/2.txt", "Kit Holmes", roles=("Olympic medal winner",)),
                          _art("sport/2.txt", "Kit Holmes")])
    merge_new_entities(conn)
    assert _global_of(conn, "tech/1.txt", "Dara Jackson") == _global_of(conn, "entertainment/1.txt", "Dara Jackson")
    assert _global_of(conn, "sport/2.txt", "Kit Holmes") == _global_of(conn, "entertainment/2.txt", "Kit Holmes")


def test_the_sport_of_an_article_is_read_from_its_words() -> None:
    assert sport_of("The scrum-half and the flanker start; the Six Nations opener is in Paris.") == "rugby"
    assert sport_of("The striker and the goalkeeper left before the FA Cup tie.") == "football"
    assert sport_of("He won the race on Sunday.") is None
    assert sport_of("The striker, the scrum-half, the flanker and the goalkeeper met.") is None  # mixed


def _sport_art(document: str, name: str, words: str) -> Article:
    art = _art(document, name, others=(("Sportsdesk Radio", "ORG"),))  # named beside both
    art.text = f"{name} was named ({document}). {words}"
    return art


def test_namesakes_of_the_sport_pages_in_different_sports_stay_apart(conn) -> None:  # type: ignore[no-untyped-def]
    football = "The striker and the midfielder joined the side before the FA Cup tie."
    rugby = "The scrum-half, the flanker and the hooker trained before the Six Nations."
    store_articles(conn, [_sport_art(f"sport/{i}.txt", "Rhodri Vantham", football) for i in range(2)])
    merge_new_entities(conn)
    store_articles(conn, [_sport_art("sport/9.txt", "Rhodri Vantham", rugby),
                          _sport_art("sport/8.txt", "Rhodri Vantham", football)])
    merge_new_entities(conn)
    striker = _global_of(conn, "sport/0.txt", "Rhodri Vantham")
    assert _global_of(conn, "sport/8.txt", "Rhodri Vantham") == striker
    assert _global_of(conn, "sport/9.txt", "Rhodri Vantham") != striker


def test_a_lone_given_name_joins_a_full_name_person_only_with_something_agreeing(conn) -> None:  # type: ignore[no-untyped-def]
    singer = [_art(f"entertainment/{i}.txt", "Gideon Andrew", roles=("pop singer",)) for i in range(4)]
    staff = _art("business/9.txt", "Andrew")  # the first names of two staff, written once
    fan = _art("entertainment/9.txt", "Andrew", roles=("singer",))  # the singer himself
    titled = _art("business/8.txt", "Andrew", aliases=("Mr Andrew",))  # an honorific makes it a surname
    store_articles(conn, [*singer, staff, fan, titled])
    merge_new_entities(conn)
    star = _global_of(conn, "entertainment/0.txt", "Gideon Andrew")
    assert _global_of(conn, "business/9.txt", "Andrew") != star
    assert _global_of(conn, "entertainment/9.txt", "Andrew") == star
    assert _global_of(conn, "business/8.txt", "Andrew") == star


def test_the_outlet_named_everywhere_is_no_evidence_for_a_join(conn) -> None:  # type: ignore[no-untyped-def]
    fillers = [_art(f"politics/{i}.txt", f"Filler Person{i}", others=(("Herald", "ORG"),)) for i in range(30)]
    outlet = (("Herald Sport", "ORG"),)
    store_articles(conn, [*fillers, _art("sport/1.txt", "Dara Williams", others=outlet),
                          _art("entertainment/1.txt", "Dara Williams", others=outlet)])
    merge_new_entities(conn)
    assert _global_of(conn, "entertainment/1.txt", "Dara Williams") != _global_of(conn, "sport/1.txt",
                                                                                  "Dara Williams")


def test_a_judge_titled_surname_joins_no_one_never_called_a_judge(conn) -> None:  # type: ignore[no-untyped-def]
    finance = [_art(f"business/{i}.txt", "Quentin Harrowby", roles=("former finance chief",),
                    aliases=("Mr Harrowby",)) for i in range(4)]
    store_articles(conn, [*finance, _art("politics/1.txt", "Harrowby", aliases=("Mr Justice Harrowby",)),
                          _art("business/9.txt", "Harrowby", aliases=("Mr Harrowby",))])
    merge_new_entities(conn)
    chief = _global_of(conn, "business/0.txt", "Quentin Harrowby")
    assert _global_of(conn, "politics/1.txt", "Harrowby") != chief  # a judge, not the finance chief
    assert _global_of(conn, "business/9.txt", "Harrowby") == chief


def test_a_judge_titled_surname_joins_the_judge_of_that_surname(conn) -> None:  # type: ignore[no-untyped-def]
    judge = [_art(f"politics/{i}.txt", "Alma Perrivale", roles=("High Court judge",)) for i in range(3)]
    store_articles(conn, [*judge, _art("politics/9.txt", "Perrivale", aliases=("Judge Perrivale",))])
    merge_new_entities(conn)
    assert _global_of(conn, "politics/9.txt", "Perrivale") == _global_of(conn, "politics/0.txt", "Alma Perrivale")


def test_a_short_given_name_joins_the_long_form_when_a_rare_place_agrees(conn) -> None:  # type: ignore[no-untyped-def]
    state = (("Oldmarsh", "GPE"),)
    store_articles(conn, [_art("business/1.txt", "Pat Quellan", roles=("Senator",), others=state),
                          _art("wire_2016-09-12_a-story.txt", "Patrick J. Quellan", others=state),
                          _art("business/2.txt", "Bill Quellan", others=(("Farshire", "GPE"),)),
                          _art("wire_2016-09-13_b-story.txt", "William Quellan")])
    merge_new_entities(conn)
    senator = _global_of(conn, "wire_2016-09-12_a-story.txt", "Patrick J. Quellan")
    assert _global_of(conn, "business/1.txt", "Pat Quellan") == senator
    assert _global_of(conn, "business/2.txt", "Bill Quellan") != _global_of(conn, "wire_2016-09-13_b-story.txt",
                                                                           "William Quellan")  # nothing agrees
    assert any("short and long form of a given name" in m["rules"] for m in merges(conn))


def test_a_short_given_name_of_two_long_forms_joins_neither(conn) -> None:  # type: ignore[no-untyped-def]
    state = (("Oldmarsh", "GPE"),)
    store_articles(conn, [_art("wire_2016-09-12_a-story.txt", "Patrick Quellan", others=state),
                          _art("wire_2016-09-13_b-story.txt", "Patricia Quellan", others=state),
                          _art("business/1.txt", "Pat Quellan", others=state)])
    merge_new_entities(conn)
    pat = _global_of(conn, "business/1.txt", "Pat Quellan")
    assert pat not in {_global_of(conn, "wire_2016-09-12_a-story.txt", "Patrick Quellan"),
                       _global_of(conn, "wire_2016-09-13_b-story.txt", "Patricia Quellan")}


def test_a_lone_surname_joins_the_one_namesake_its_context_fits(conn) -> None:  # type: ignore[no-untyped-def]
    club = (("Ashdown Rovers", "ORG"),)
    player = [_art(f"sport/{i}.txt", "Joran Tellwick", others=club) for i in range(3)]
    fan = _art("entertainment/1.txt", "Bob Tellwick", roles=("fan",))
    store_articles(conn, [*player, fan, _art("sport/8.txt", "Tellwick", others=club),
                          _art("sport/9.txt", "Tellwick"),
                          _art("sport/10.txt", "Eidar Gullvik", others=club),
                          _art("sport/11.txt", "Gullvik", others=club)])
    merge_new_entities(conn)
    joran = _global_of(conn, "sport/0.txt", "Joran Tellwick")
    assert _global_of(conn, "sport/8.txt", "Tellwick") == joran  # 3 of 4 articles, the fan's apart
    assert _global_of(conn, "sport/9.txt", "Tellwick") != joran  # only the section agrees
    assert _global_of(conn, "sport/11.txt", "Gullvik") == _global_of(conn, "sport/10.txt", "Eidar Gullvik")


def test_single_names_join_as_a_person_only_when_something_says_person(conn) -> None:  # type: ignore[no-untyped-def]
    gig = (("Franz Kettle", "PERSON"), ("Moonfield Festival", "ORG"))
    store_articles(conn, [_art("business/1.txt", "Ida Keswin", roles=("chief executive",)),
                          _art("entertainment/1.txt", "Keswin", others=gig),
                          _art("entertainment/2.txt", "Keswin", others=gig),
                          _art("entertainment/3.txt", "Marrow", roles=("dancer",), others=gig),
                          _art("business/2.txt", "Ola Marrow", roles=("chief executive",)),
                          _art("entertainment/4.txt", "Marrow", others=gig)])
    merge_new_entities(conn)
    assert _global_of(conn, "entertainment/1.txt", "Keswin") != _global_of(conn, "entertainment/2.txt", "Keswin")
    assert _global_of(conn, "entertainment/3.txt", "Marrow") == _global_of(conn, "entertainment/4.txt", "Marrow")


def test_a_sport_page_person_without_a_role_is_not_an_artist_of_that_name(conn) -> None:  # type: ignore[no-untyped-def]
    store_articles(conn, [_art("entertainment/1.txt", "Rory Quint", roles=("best male artist winner",)),
                          _art("entertainment/2.txt", "Rory Quint"),
                          _art("sport/1.txt", "Rory Quint"),  # a runner of the same name
                          _art("entertainment/3.txt", "Dana Lusk"),
                          _art("sport/2.txt", "Dana Lusk")])  # no role on either side: one person
    merge_new_entities(conn)
    rapper = _global_of(conn, "entertainment/1.txt", "Rory Quint")
    assert _global_of(conn, "entertainment/2.txt", "Rory Quint") == rapper
    assert _global_of(conn, "sport/1.txt", "Rory Quint") != rapper
    assert _global_of(conn, "sport/2.txt", "Dana Lusk") == _global_of(conn, "entertainment/3.txt", "Dana Lusk")


def test_a_full_name_called_by_a_peers_title_joins_the_person_stored_under_that_title(conn) -> None:  # type: ignore[no-untyped-def]
    law = ("Attorney General",)
    store_articles(conn, [_art("politics/1.txt", "Lord Quenby", roles=law),
                          _art("politics/2.txt", "Lord Quenby", roles=law),
                          _art("politics/3.txt", "Alan Quenby", roles=law, aliases=("Lord Quenby", "Quenby")),
                          _art("sport/4.txt", "Carl Quenby", aliases=("Lord Quenby",))])
    merge_new_entities(conn)
    lord = _global_of(conn, "politics/1.txt", "Lord Quenby")
    assert _global_of(conn, "politics/3.txt", "Alan Quenby") == lord
    assert _global_of(conn, "sport/4.txt", "Carl Quenby") != lord  # nothing of the person agrees


def test_a_sport_word_of_the_role_tells_the_sport_of_an_article_of_few_sport_words(conn) -> None:  # type: ignore[no-untyped-def]
    football = "The striker and the midfielder joined the side before the FA Cup tie."
    store_articles(conn, [_sport_art(f"sport/{i}.txt", "Rhodri Vantham", football) for i in range(2)])
    merge_new_entities(conn)
    text = "Vantham to lead. Wales number eight Rhodri Vantham says the captaincy will be easy. Vantham led the pack."
    art = Article(text=text, document="sport/9.txt")
    start = text.index("Rhodri")
    art.entities.append(Entity(name="Rhodri Vantham", type="PERSON", mentions=[(0, 7), (start, start + 14)]))
    store_articles(conn, [art])
    merge_new_entities(conn)
    assert _global_of(conn, "sport/9.txt", "Rhodri Vantham") != _global_of(conn, "sport/0.txt", "Rhodri Vantham")
