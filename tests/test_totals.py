"""The totals the store keeps current (schema 5): after ingest, merges, unmerges and deletes they
equal a computation from scratch, lists read from them give what a pass over the rows gives, and
a schema-4 store migrates to the same answers."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.identity import identities
from newsgraph.model import Article, Entity, Event, Quote, Speaker
from newsgraph.query import quotations
from newsgraph.store import connect, store_articles
from newsgraph.store.db import ATTENTION_TABLES, GROUP_FIGURES_TABLES, SCHEMA_VERSION, TOTALS_TABLES, rebuild_totals
from newsgraph.store.merge import merge_new_entities, remerge, unmerge
from newsgraph.who_is_quoted import SPEAKER_TYPE_SQL, genders, quote_types, who_is_quoted
from tests.test_robust_store import drop_schema_5_totals

PEOPLE = [("Nora Quist", ["Mrs Quist", "Quist"], "female"), ("Ivo Brandt", ["Mr Brandt"], None),
          ("Quist", [], None), ("Pella Ostrander", [], "male"), ("Lord Ambry", [], None)]
PLACES = [("Dunmere", "GPE", {"lat": 51.5, "lon": -0.1, "country": "GB"}), ("Kessel Bay", "LOC", None),
          ("Harrow Pier", "FAC", {"lat": 50.0, "lon": 1.5, "country": "FR"})]
SPEAKERS = [("Nora Quist", "PERSON"), ("Quist", "PERSON"), ("Brandt", "PERSON"), ("the Harbour Board", "ORG"),
            ("dockers", "GROUP"), (None, "UNNAMED"), ("Pella Ostrander", "PERSON"), ("Vey Lund", "PERSON")]


def invented_article(i: int) -> Article:
    """An invented article: some of the people and places, a few quotations by various speakers."""
    text, entities, quotes = f"Report {i}.\n\n", [], []
    for k, (name, aliases, gender) in enumerate(PEOPLE):
        if (i + k) % 3:
            start = len(text)
            text += f"{name} went to the harbour. "
            mentions = [(start, start + len(name))] * (1 + (i + k) % 2)
            entities.append(Entity(name, "PERSON", mentions, aliases=aliases, gender=gender if i % 4 else None))
    for k, (name, type_, geo) in enumerate(PLACES):
        if (i + k) % 2:
            start = len(text)
            text += f"It rained in {name}. "
            entities.append(Entity(name, type_, [(start + 13, start + 13 + len(name))], geo=geo))
    entities.append(Entity("the Harbour Board", "ORG", []))
    for k, (speaker, type_) in enumerate(SPEAKERS):
        if (i * 3 + k) % 4 == 0:
            continue
        start = len(text) + 1
        words = f"The tide {i} {k} will turn soon"
        text += f"\u201c{words}\u201d, said {speaker or 'a source'}. "
        quotes.append(Quote([(start, start + len(words))], ("direct", "indirect", "mixed")[k % 3],
                            Speaker(speaker, None, None if speaker else "a source", type_),
                            act=("speech", "thought", "other")[(i + k) % 3]))
    events = [Event(date, "Report", (0, 6), ["Nora Quist"]) for date in (f"20{10 + i % 4}-05", "199X", None)[:1 + i % 3]]
    return Article(text=text, document=f"r{i}.txt", source=f"in/r{i}.txt", outlet=("Gazette", None)[i % 2],
                   published=f"2021-0{1 + i % 3}-1{i % 9}" if i % 5 else None, entities=entities, quotes=quotes,
                   timeline=events)


ALL_TOTALS = (*TOTALS_TABLES, *GROUP_FIGURES_TABLES, *ATTENTION_TABLES)


def totals(conn: sqlite3.Connection, tables: tuple[str, ...] = ALL_TOTALS) -> dict[str, list[tuple]]:
    """The totals tables, and the quotation groups' figures (schema 6, with their sizes), as sorted rows."""
    kept = {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
    return {**kept, "group sizes": sorted(map(tuple, conn.execute("SELECT id, size FROM quote_groups")))}


def assert_totals_current(conn: sqlite3.Connection, tables: tuple[str, ...] = ALL_TOTALS) -> None:
    kept = totals(conn, tables)
    conn.execute("BEGIN")
    rebuild_totals(conn)
    fresh = totals(conn, tables)
    conn.execute("ROLLBACK")
    assert kept == fresh


def invented_store(path: Path) -> sqlite3.Connection:
    """A store of 18 invented articles, ingested in three batches, each merged."""
    conn = connect(path)
    for batch in range(3):
        store_articles(conn, [invented_article(batch * 6 + i) for i in range(6)])
        merge_new_entities(conn)
    return conn


@pytest.fixture
def store(tmp_path: Path) -> sqlite3.Connection:
    return invented_store(tmp_path / "t.db")


def test_totals_stay_current_through_ingest_merges_unmerges_and_deletes(store: sqlite3.Connection) -> None:
    assert store.execute("SELECT count(*) FROM person_totals WHERE entities > 1").fetchone()[0] > 3
    assert_totals_current(store)
    change_in_every_way(store, assert_totals_current)


def change_in_every_way(store: sqlite3.Connection, check: Callable[[sqlite3.Connection], None]) -> None:
    """Unmerge the most merged person, merge again, delete two articles, ingest two (not merged, then
    merged): ``check`` after each."""
    merged = store.execute("SELECT global_id FROM entities WHERE type = 'PERSON' GROUP BY global_id"
                           " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    assert unmerge(store, merged) > 1
    check(store)
    remerge(store)
    check(store)
    with store:
        store.execute("DELETE FROM articles WHERE id IN (2, 7)")
    check(store)
    store_articles(store, [invented_article(40), invented_article(41)])
    check(store)  # not merged yet: people by name
    merge_new_entities(store)
    check(store)


def _identities_by_a_pass(conn: sqlite3.Connection) -> dict[str, tuple]:
    """(kind, names, articles, mentions, quotes) per identity key, by grouped queries over the rows
    (how identity.py counted before the store kept totals)."""
    out: dict[str, list] = {}
    for gid, name, n in conn.execute("SELECT global_id, name, count(*) FROM entities WHERE type = 'PERSON'"
                                     " GROUP BY global_id, name"):
        out.setdefault(f"g{gid}" if gid is not None else f"n{name}", ["person", {}, 0, 0, 0])[1][name] = n
    for gid, name, n in conn.execute("SELECT global_id, CASE WHEN global_id IS NULL THEN name END,"
                                     " count(DISTINCT article_id) FROM entities WHERE type = 'PERSON' GROUP BY 1, 2"):
        out[f"g{gid}" if gid is not None else f"n{name}"][2] = n
    for gid, name, n in conn.execute("SELECT e.global_id, CASE WHEN e.global_id IS NULL THEN e.name END, count(*)"
                                     " FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.type = 'PERSON'"
                                     " GROUP BY 1, 2"):
        out[f"g{gid}" if gid is not None else f"n{name}"][3] = n
    for gid, speaker, n, arts in conn.execute(
            "SELECT e.global_id, CASE WHEN e.global_id IS NULL THEN q.speaker END, count(*), count(DISTINCT"
            " q.article_id) FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id AND e.type = 'PERSON'"
            " WHERE q.speaker IS NOT NULL GROUP BY 1, 2"):
        p = out.setdefault(f"g{gid}" if gid is not None else f"n{speaker}", ["other", {speaker: n}, arts, 0, 0])
        p[4] += n
    return {k: (v[0], sorted(v[1]), *v[2:]) for k, v in out.items()}


def test_lists_read_from_the_totals_match_a_pass_over_the_rows(store: sqlite3.Connection) -> None:
    people = {p.key: (p.kind, sorted(p.names), p.articles, p.mentions, p.quotes)
              for p in identities(store).all}
    assert people == _identities_by_a_pass(store)
    places = {r["name"]: (r["mentions"], r["articles"], r["lat"], r["lon"], r["country"], r["types"])
              for r in query.place_counts(store, limit=-1)}
    assert places == {r[0]: tuple(r[1:]) for r in store.execute(
        "SELECT e.name, count(m.start), count(DISTINCT e.article_id), max(e.lat), max(e.lon), max(e.country),"
        " (SELECT group_concat(type, ',') FROM (SELECT DISTINCT type FROM entities t WHERE t.name = e.name"
        " AND t.type IN ('GPE', 'LOC', 'FAC') ORDER BY type)) FROM entities e LEFT JOIN mentions m"
        " ON m.entity_id = e.id WHERE e.type IN ('GPE', 'LOC', 'FAC') GROUP BY e.name")}
    assert sorted(quote_types(store), key=str) == sorted((tuple(r) for r in store.execute(
        f"""SELECT {SPEAKER_TYPE_SQL}, a.outlet, substr(a.published, 1, 7),
              coalesce(CASE WHEN q.speaker_entity_id IS NOT NULL THEN coalesce('g' || e.global_id, 'n' || q.speaker)
              END, ''), count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
           LEFT JOIN entities e ON e.id = q.speaker_entity_id AND e.type = 'PERSON' GROUP BY 1, 2, 3, 4""")), key=str)
    assert query.timeline_counts(store) == query.timeline_counts(store, date_from="1000")  # totals, a pass
    stats = query.stats(store)
    assert stats["quotes"] == store.execute("SELECT count(*) FROM quotes").fetchone()[0]
    assert stats["people"] == store.execute("SELECT count(DISTINCT coalesce(global_id, name)) FROM entities"
                                            " WHERE type = 'PERSON'").fetchone()[0]
    assert {k: g for k, (g, how) in genders(store).items() if how != "given name"} == {
        people_key: g for people_key, g in _genders_by_a_pass(store).items()}


def _genders_by_a_pass(conn: sqlite3.Connection) -> dict[str, str]:
    """What the text says (all agreeing), else an unambiguous title among the names."""
    said: dict[str, set[str]] = {}
    titled: dict[str, set[str]] = {}
    titles = {"mrs": "female", "ms": "female", "mr": "male", "lord": "male"}
    for gid, name, gender, aliases in conn.execute("SELECT global_id, name, gender, aliases FROM entities"
                                                   " WHERE type = 'PERSON'"):
        key = f"g{gid}" if gid is not None else f"n{name}"
        if gender:
            said.setdefault(key, set()).add(gender)
        for alias in [name, *__import__("json").loads(aliases)]:
            if alias.split()[0].lower() in titles:
                titled.setdefault(key, set()).add(titles[alias.split()[0].lower()])
    out = {k: v.pop() for k, v in titled.items() if len(v) == 1}
    out.update({k: v.pop() for k, v in said.items() if len(v) == 1})
    return out


def test_counts_and_facets_from_the_totals_equal_those_of_the_quotations(store: sqlite3.Connection) -> None:
    """A filter the totals answer gives the counts a pass over the quotations gives (a search
    forces the pass: every quotation has "tide")."""
    for filters in ({}, {"act": "speech"}, {"kind": "direct", "outlet": "Gazette"}, {"speaker_type": "person"}):
        assert query.count_quotes(store, **filters) == query.count_quotes(store, search="tide", **filters)
        assert query.quote_facets(store, **filters) == query.quote_facets(store, search="tide", **filters)
    assert query.count_quotes(store, act="speech") < query.count_quotes(store)
    people = [p["name"] for p in query.top_speakers(store, limit=50)]
    assert len(people) > 3
    for name in people:  # a person (or other speaker) is their identity's key in the totals
        for act in (None, "speech"):
            assert query.count_quotes(store, person=name, act=act) == query.count_quotes(
                store, person=name, act=act, search="tide") > 0 or act, name
            assert query.quote_facets(store, person=name, act=act) == query.quote_facets(
                store, person=name, act=act, search="tide")


def test_speaker_type_of_the_totals_is_the_one_of_the_filter(store: sqlite3.Connection) -> None:
    pairs = store.execute(f"SELECT f.type, {SPEAKER_TYPE_SQL} FROM quotes q JOIN quote_facts f ON f.id = q.id").fetchall()
    assert pairs and all(a == b for a, b in pairs)
    assert {a for a, _ in pairs} == {"person", "organisation", "group", "unnamed"}


def test_a_schema_4_store_migrates_to_totals_with_the_same_answers(store: sqlite3.Connection, tmp_path: Path) -> None:
    def answers(conn: sqlite3.Connection) -> list:
        return [query.stats(conn), query.people(conn, limit=-1), query.place_counts(conn, limit=-1),
                who_is_quoted(conn, by="month"), query.quote_facets(conn, act="speech"), query.count_quotes(conn)]

    before = answers(store)
    drop_schema_5_totals(store)
    store.execute("PRAGMA user_version = 4")
    store.execute("DELETE FROM meta WHERE key = 'schema_sql'")
    store.commit()
    store.close()
    conn = connect(tmp_path / "t.db", readonly=True)  # the web app's open migrates it
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert answers(conn) == before


def test_speaker_names_answer_a_part_of_a_name_and_the_most_quoted_of_a_type(store: sqlite3.Connection) -> None:
    from newsgraph.who_is_quoted import top_by_type

    for part in ("quist", "Board", "o"):
        assert query.count_quotes(store, speaker=part) == store.execute(
            "SELECT count(*) FROM quotes WHERE speaker LIKE ?", (f"%{part}%",)).fetchone()[0] > 0
    assert top_by_type(store, "organisation") == [{"name": "the Harbour Board", "quotes": store.execute(
        "SELECT count(*) FROM quotes WHERE speaker = 'the Harbour Board'").fetchone()[0]}]


def _reference_quotes(conn: sqlite3.Connection, where: str, args: list, order: str) -> list[int]:
    """Quotation ids by a plain sort of every match (what query.quotes did before paging by article)."""
    sort = {"newest": "a.published DESC, q.article_id, q.start",
            "oldest": "a.published IS NULL, a.published, q.article_id, q.start"}[order]
    return [r[0] for r in conn.execute(f"SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id"
                                       f" WHERE {where} ORDER BY {sort}, q.id", args)]


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_pages_by_date_are_those_of_a_sort_of_every_match(store: sqlite3.Connection, order: str) -> None:
    """Paged article by article (no filter, or a search matching most quotations), a page is the
    slice of the plain sort, at any offset; with the act, kind and outlet filters too."""
    for filters, where, args in (({}, "1", []), ({"act": "speech"}, "q.act = ?", ["speech"]),
                                 ({"kind": "direct", "outlet": "Gazette"}, "q.kind = ? AND a.outlet = ?",
                                  ["direct", "Gazette"]),
                                 ({"search": "tide", "act": "thought"}, "q.act = ?", ["thought"])):
        expected = _reference_quotes(store, where, args, order)
        assert expected
        for offset in (0, 3, len(expected) - 2):
            page = [r["id"] for r in query.quotes(store, **filters, order=order, limit=5, offset=offset)]
            assert page == expected[offset:offset + 5]
        assert query.count_quotes(store, **filters) == len(expected)


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_a_persons_quotations_walked_by_date_are_those_of_the_sort(store: sqlite3.Connection, order: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The most quoted are paged article by article (query.quotations._walk_pays), the others by a sort: the same rows."""
    seen = 0
    for name in [p["name"] for p in query.top_speakers(store, limit=6)]:
        for act in (None, "speech"):
            pages = []
            for threshold in (0, 1 << 40):  # walk, sort
                monkeypatch.setattr(quotations, "_walk_pays", lambda conn, rows, t=threshold: t)
                pages.append([[r["id"] for r in query.quotes(store, person=name, act=act, order=order, limit=4,
                                                              offset=offset)] for offset in (0, 3, 7)])
            assert pages[0] == pages[1], (name, act)
            seen += bool(pages[0][0])
    assert seen > 6


def test_timeline_of_a_person_or_place_reads_the_articles_naming_them(store: sqlite3.Connection) -> None:
    """The events listing a name or mentioning it are found through the articles naming it: the same
    events as a look into every event's lists."""
    with store:
        store.execute("UPDATE events SET participants = '[\"Vey Lund\"]' WHERE article_id IN"  # as the analysis
                      " (SELECT article_id FROM quotes WHERE speaker = 'Vey Lund')")  # lists a quoted speaker
        store.execute("UPDATE events SET places = '[\"Dunmere\"]' WHERE id % 2 AND article_id IN"
                      " (SELECT article_id FROM entities WHERE name = 'Dunmere')")
    for kw, column, names in (({"person": "Vey Lund"}, "participants", ["Vey Lund"]),
                              ({"place": "Dunmere"}, "places", ["Dunmere"])):
        listed = {r[0] for r in store.execute(
            f"SELECT id FROM events ev WHERE EXISTS (SELECT 1 FROM json_each(ev.{column}) j WHERE j.value = ?)",
            names)}
        found = {r["id"] for r in query.timeline_events(store, **kw, limit=10_000)}
        assert listed and listed <= found
        assert query.count_events(store, **kw) == len(found)


def test_an_article_search_is_counted_in_its_index(store: sqlite3.Connection) -> None:
    for words in ("harbour", "Quist OR Brandt", "rained Dunmere", "nothing-like-it"):
        plain = len(query.articles(store, search=words, limit=1000))
        assert query.count_articles(store, search=words) == plain
        assert query.count_articles(store, search=words, outlet="Gazette") <= plain


def test_a_timeline_page_finds_its_events_once_with_the_same_answers(store: sqlite3.Connection) -> None:
    for kw in ({}, {"person": "Nora Quist"}, {"place": "Dunmere"}, {"person": "Vey Lund", "date_from": "2011"},
               {"article_id": 3}, {"date_to": "2012"}):
        for limit, offset in ((500, 0), (3, 2)):
            rows, total, counts = query.timeline_view(store, **kw, limit=limit, offset=offset)
            assert rows == query.timeline_events(store, **kw, limit=limit, offset=offset)
            assert total == query.count_events(store, **kw)
            assert counts == query.timeline_counts(store, **kw)


def test_someones_quotations_walked_through_their_articles_are_those_a_sort_gives(store: sqlite3.Connection) -> None:
    """A person's quotations by date read through speaker_articles (newest article first) equal a
    sort of all of them (a search forces it: every quotation has "tide"), page by page, after an
    article's date changes too."""
    with store:
        store.execute("UPDATE articles SET published = '2030-01-01' WHERE id = 3")
    assert_totals_current(store, ("speaker_articles",))  # (quote_tally's months do not follow a date change)
    for p in query.top_speakers(store, limit=50):
        for act, limit, offset in ((None, -1, 0), ("speech", 3, 2)):
            walked = query.quotes(store, person=p["name"], act=act, limit=limit, offset=offset)
            assert [q["id"] for q in walked] == [q["id"] for q in query.quotes(
                store, person=p["name"], act=act, search="tide", limit=limit, offset=offset)], p["name"]


def test_a_speaker_name_quoted_often_walked_by_date_gives_what_a_sort_gives(store: sqlite3.Connection) -> None:
    """`--speaker` of a name quoted often pages through the articles by date (as a common word does):
    the same quotations as the sort a search forces."""
    for name in ("Quist", "Board", "dockers", "Lund"):
        for limit, offset in ((-1, 0), (3, 2), (5, 0)):
            assert [q["id"] for q in query.quotes(store, speaker=name, limit=limit, offset=offset)] == [
                q["id"] for q in query.quotes(store, speaker=name, search="tide", limit=limit, offset=offset)], name
