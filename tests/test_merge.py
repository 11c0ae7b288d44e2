"""Cross-article entity merging: Trump/Clinton variants join, different people never do, undo works."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsgraph.model import Article, Entity
from newsgraph.store import connect, store_articles
from newsgraph.store.merge import merge_new_entities, merges, name_key, remerge, unmerge


def _art(text: str, *people: tuple[str, list[str]]) -> Article:
    art = Article(text=text, document=text[:20])
    for k, (name, aliases) in enumerate(people):
        art.entities.append(Entity(name=name, type="PERSON", mentions=[(k, k + 1)], aliases=aliases))
    return art


def _global_of(conn, text: str, name: str) -> int:  # type: ignore[no-untyped-def]
    row = conn.execute("SELECT e.global_id FROM entities e JOIN articles a ON a.id = e.article_id "
                       "WHERE a.text = ? AND e.name = ?", (text, name)).fetchone()
    return int(row[0])


@pytest.fixture
def conn(tmp_path: Path):  # type: ignore[no-untyped-def]
    c = connect(tmp_path / "m.db")
    arts = [
        _art("a1", ("Donald Trump", ["Trump", "Mr. Trump"]), ("Hillary Clinton", ["Clinton"])),
        _art("a2", ("Donald J. Trump", ["Trump"]), ("Bill Clinton", ["Mr. Clinton"])),
        _art("a3", ("Donald Trump", []), ("Donald Trump Jr.", ["Trump Jr."])),
        _art("a4", ("Trump", ["Mr Trump"])),
        _art("a5", ("Hillary Rodham Clinton", []), ("Kim Jong Un", [])),
        _art("a6", ("Clinton", [])),
        _art("a7", ("Kim Jong Il", []), ("Stalin", [])),
        _art("a8", ("Stalin", [])),
    ]
    store_articles(c, arts)
    merge_new_entities(c)
    yield c
    c.close()


def test_name_keys() -> None:
    assert name_key("Donald Trump") == name_key("Donald J. Trump")
    assert name_key("Donald Trump") != name_key("Donald Trump Jr.")
    assert name_key("Bill Clinton") != name_key("Hillary Clinton")
    assert name_key("Hillary Rodham Clinton") == name_key("Hillary Clinton")
    assert name_key("Kim Jong Il") != name_key("Kim Jong Un")
    assert name_key("Trump") is None


def test_trump_variants_join_across_articles(conn) -> None:  # type: ignore[no-untyped-def]
    g = _global_of(conn, "a1", "Donald Trump")
    assert _global_of(conn, "a2", "Donald J. Trump") == g
    assert _global_of(conn, "a3", "Donald Trump") == g
    # "Trump" alone: Donald Trump holds 3 of the 4 articles naming a Trump in full -> below 90 %.
    assert _global_of(conn, "a4", "Trump") != g


def test_surname_joins_dominant_person(tmp_path: Path) -> None:
    c = connect(tmp_path / "d.db")
    store_articles(c, [_art(f"t{i}", ("Donald Trump", [])) for i in range(5)] + [_art("s", ("Trump", ["Mr Trump"]))])
    merge_new_entities(c)
    assert _global_of(c, "s", "Trump") == _global_of(c, "t0", "Donald Trump")
    rules = {m["rules"] for m in merges(c)}
    assert any("dominant" in (r or "") for r in rules)


def test_different_people_stay_apart(conn) -> None:  # type: ignore[no-untyped-def]
    trump = _global_of(conn, "a1", "Donald Trump")
    assert _global_of(conn, "a3", "Donald Trump Jr.") != trump
    hillary = _global_of(conn, "a1", "Hillary Clinton")
    assert _global_of(conn, "a2", "Bill Clinton") != hillary
    assert _global_of(conn, "a5", "Hillary Rodham Clinton") == hillary
    assert _global_of(conn, "a6", "Clinton") not in (hillary, _global_of(conn, "a2", "Bill Clinton"))
    assert _global_of(conn, "a7", "Kim Jong Il") != _global_of(conn, "a5", "Kim Jong Un")
    assert _global_of(conn, "a7", "Stalin") == _global_of(conn, "a8", "Stalin")


def test_merges_listed_and_undone(conn) -> None:  # type: ignore[no-untyped-def]
    trump = _global_of(conn, "a1", "Donald Trump")
    listed = {m["id"]: m for m in merges(conn)}
    assert listed[trump]["articles"] == 3
    assert "same full name" in listed[trump]["rules"]
    assert unmerge(conn, trump) == 2
    assert _global_of(conn, "a2", "Donald J. Trump") != trump
    assert trump not in {m["id"] for m in merges(conn)}
    # Kept apart even when everything is recomputed.
    remerge(conn)
    assert _global_of(conn, "a2", "Donald J. Trump") != _global_of(conn, "a1", "Donald Trump")
    assert _global_of(conn, "a3", "Donald Trump") != _global_of(conn, "a1", "Donald Trump")


def test_new_batches_join_existing(conn) -> None:  # type: ignore[no-untyped-def]
    store_articles(conn, [_art("b1", ("Donald Trump", []), ("Hillary Clinton", []))])
    merge_new_entities(conn)
    assert _global_of(conn, "b1", "Donald Trump") == _global_of(conn, "a1", "Donald Trump")
    assert _global_of(conn, "b1", "Hillary Clinton") == _global_of(conn, "a1", "Hillary Clinton")


# ------------------------------------------------------------------ CLI over a store of invented articles

INVENTED = [
    "Donald Trump held a rally in Ohio. Trump said he would win the state.",
    "Mr. Trump spoke in Florida on Monday.\n\nDonald J. Trump told supporters in Miami that he would win.",
    "Donald Trump Jr. campaigned in Iowa for his father. Trump Jr. said the polls were wrong.",
    "Hillary Clinton spoke in Ohio. Her husband, Bill Clinton, joined her. Clinton said she would win.",
]


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    import spacy

    from newsgraph.analyse import components  # noqa: F401  (registers the components)
    from newsgraph.analyse.model_choice import default_model
    from newsgraph.analyse.pipeline import doc_to_article, make_doc
    from newsgraph.clean import segment

    nlp = spacy.load(default_model())
    nlp.add_pipe("newsgraph_people")
    arts = []
    for k, text in enumerate(INVENTED):
        doc = nlp(make_doc(nlp, text, segment(text, None), None))
        arts.append(doc_to_article(doc, text, document=f"a{k}.txt"))
    db = tmp_path_factory.mktemp("cli") / "people.db"
    conn = connect(db)
    store_articles(conn, arts)
    merge_new_entities(conn)
    conn.close()
    return str(db)


def test_cli_people_person_places(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main

    assert main(["people", "--db", cli_db]) == 0
    out = capsys.readouterr().out
    trump_line = next(line for line in out.splitlines() if re.match(r"Donald Trump +\d", line))
    assert " 2 articles" in trump_line and "Donald J. Trump" in trump_line
    assert "Donald Trump Jr." in out and "Bill Clinton" in out and "Hillary Clinton" in out

    assert main(["person", "Trump", "--db", cli_db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Donald Trump\n") and "2 articles" in out
    assert "places: " in out and "Ohio" in out and "Florida" in out

    assert main(["person", "Clinton", "--db", cli_db, "--json"]) == 0
    profile = json.loads(capsys.readouterr().out)
    assert profile["name"] == "Hillary Clinton"
    assert any(c["name"] == "Bill Clinton" for c in profile["co_mentioned"])

    assert main(["places", "--db", cli_db]) == 0
    out = capsys.readouterr().out
    assert any(line.startswith("Ohio ") and " 2 articles" in line and "US" in line for line in out.splitlines())
    assert main(["person", "Nobody Atall", "--db", cli_db]) == 2


def test_cli_merges_and_unmerge(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main

    assert main(["merges", "--db", cli_db, "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    trump = next(r for r in rows if r["name"] == "Donald Trump")
    assert "same full name" in trump["rules"]
    assert main(["unmerge", str(trump["id"]), "--db", cli_db]) == 0
    assert "detached 1 entity" in capsys.readouterr().out
    assert main(["merges", "--db", cli_db]) == 0
    assert "Donald Trump " not in capsys.readouterr().out
    assert main(["unmerge", str(trump["id"]), "--db", cli_db]) == 2


def test_early_lone_surname_revisited(tmp_path: Path) -> None:
    c = connect(tmp_path / "r.db")
    store_articles(c, [_art("o0", ("Obama", ["Mr. Obama"]))])
    merge_new_entities(c)
    store_articles(c, [_art(f"o{i}", ("Barack Obama", [])) for i in range(1, 4)])
    merge_new_entities(c)
    assert _global_of(c, "o0", "Obama") == _global_of(c, "o1", "Barack Obama")
    assert "dominant" in next(m["rules"] for m in merges(c) if m["name"] == "Barack Obama")


def test_lone_surname_lookup_uses_an_index(conn) -> None:  # type: ignore[no-untyped-def]
    """Each batch looks lone surnames up by lower(name): a table scan there made ingest quadratic."""
    from newsgraph.store.merge import LONE_SURNAMES_SQL

    plan = " ".join(str(tuple(r)) for r in conn.execute("EXPLAIN QUERY PLAN " + LONE_SURNAMES_SQL, ("trump",)))
    assert "entities_lower_name" in plan, plan


def test_what_the_article_says_of_a_lone_surname_decides_between_relatives(tmp_path: Path) -> None:
    """"Obama said he ..." (entities.gender male) joins Barack, not Michelle, even when Michelle
    is named in more than a tenth of the articles (no dominance on names alone)."""
    c = connect(tmp_path / "o.db")
    arts = [_art(f"b{i}", ("Barack Obama", [])) for i in range(4)] + [_art("m0", ("Michelle Obama", []))]
    for a in arts:
        a.entities[0].gender = "male" if a.text.startswith("b") else "female"
    lone = _art("s", ("Obama", []))
    lone.entities[0].gender = "male"
    unknown = _art("u", ("Obama", []))
    store_articles(c, [*arts, lone, unknown])
    merge_new_entities(c)
    assert _global_of(c, "s", "Obama") == _global_of(c, "b0", "Barack Obama")
    assert _global_of(c, "u", "Obama") not in (_global_of(c, "b0", "Barack Obama"), _global_of(c, "m0", "Michelle Obama"))


def test_an_office_title_never_joins_a_candidate_for_that_office(tmp_path: Path) -> None:
    """"President Hale" joins the Hale some article calls a former president, never the Hale every
    other article calls the presidential nominee, however dominant."""
    c = connect(tmp_path / "p.db")
    arts = [_art(f"h{i}", ("Joan Hale", [])) for i in range(6)] + [_art(f"b{i}", ("Rob Hale", [])) for i in range(3)]
    for a in arts:
        a.entities[0].roles = ["Democratic presidential nominee"] if a.text.startswith("h") else ["former President"]
    titled = _art("t", ("Hale", ["President Hale"]))
    store_articles(c, [*arts, titled])
    merge_new_entities(c)
    assert _global_of(c, "t", "Hale") == _global_of(c, "b0", "Rob Hale")


def test_an_office_title_joins_the_one_holder_of_that_surname(tmp_path: Path) -> None:
    """"President Hale" with no dominant Hale (Rob in 3 articles, Ann in 1): the one Hale some
    article titles President."""
    c = connect(tmp_path / "h.db")
    arts = [_art(f"r{i}", ("Rob Hale", [])) for i in range(3)] + [_art("a0", ("Ann Hale", []))]
    for a in arts:
        a.entities[0].roles = ["President"] if a.text.startswith("r") else ["first lady"]
    titled = _art("t", ("Hale", ["President Hale"]))
    store_articles(c, [*arts, titled])
    merge_new_entities(c)
    assert _global_of(c, "t", "Hale") == _global_of(c, "r0", "Rob Hale")
    assert "the one President Hale" in " ".join(m["rules"] for m in merges(c) if m["name"] == "Rob Hale")


def test_middle_initials_that_differ_keep_two_people_apart(tmp_path: Path) -> None:
    c = connect(tmp_path / "i.db")
    store_articles(c, [_art("i1", ("Harold T. Marchbanks", [])), _art("i2", ("Harold Marchbanks", [])),
                       _art("i3", ("Harold R. J. Marchbanks", [])), _art("i4", ("Harold T Marchbanks", [])),
                       _art("i5", ("Harold R.J. Marchbanks", []))])
    merge_new_entities(c)
    son = _global_of(c, "i1", "Harold T. Marchbanks")
    assert _global_of(c, "i2", "Harold Marchbanks") == son  # no initial: nothing says another person
    assert _global_of(c, "i4", "Harold T Marchbanks") == son
    father = _global_of(c, "i3", "Harold R. J. Marchbanks")
    assert father != son
    assert _global_of(c, "i5", "Harold R.J. Marchbanks") == father
    c.close()


def test_a_namesake_the_article_names_apart_is_not_joined_to_the_other(tmp_path: Path) -> None:
    c = connect(tmp_path / "n.db")
    store_articles(c, [_art("n1", ("Walter P Harrowby", [])),
                       _art("n2", ("Walter P Harrowby", []), ("Walter Harrowby", [])),  # son and father, listed apart
                       _art("n3", ("Walter Harrowby", []))])
    merge_new_entities(c)
    son = _global_of(c, "n1", "Walter P Harrowby")
    assert _global_of(c, "n2", "Walter P Harrowby") == son
    assert _global_of(c, "n2", "Walter Harrowby") != son
    c.close()
