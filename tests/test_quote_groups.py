"""Quotations across articles (issue 19): wire copy, trimmed, reworded and other-speaker cases on invented
articles; batch boundaries, reruns and undo."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from newsgraph.cli import main
from newsgraph.model import Article, Entity, Quote, Speaker
from newsgraph.quote_group_list import count_quotation_groups, differing_words, quotation_groups
from newsgraph.quote_groups import (
    Who,
    cover,
    detach_quotation,
    group_new_quotations,
    regroup,
    same_speaker,
    ungroup,
    words,
)
from newsgraph.store import connect, store_articles
from newsgraph.store.merge import merge_new_entities

WIRE = ("We will not raise taxes on working families this year. The budget is balanced and the "
        "economy is growing faster than anyone expected.")
TRIMMED = "The budget is balanced and the economy is growing faster than anyone expected."
CHANGED = ("We will not raise taxes on working families this year. The budget is balanced and the "
           "economy is growing quicker than anyone expected.")
OTHER = "I have never seen a harvest like this one in forty years of farming here."


def article_quoting(doc: str, published: str, outlet: str, *quotes: tuple[str, str], kind: str = "direct") -> Article:
    """An article quoting each (speaker, words) pair, with the speaker as a person entity."""
    text, art = "", Article(text="", document=doc, published=published, outlet=outlet)
    for speaker, said in quotes:
        start = len(text) + len(f"{speaker} said: \u201c")
        text += f"{speaker} said: \u201c{said}\u201d "
        art.quotes.append(Quote([(start, start + len(said))], kind, Speaker(name=speaker, type="PERSON")))
        if all(e.name != speaker for e in art.entities):
            art.entities.append(Entity(name=speaker, type="PERSON", mentions=[(text.index(speaker),
                                                                                text.index(speaker) + len(speaker))]))
    art.text = text + f"({doc})"
    return art


def wire_articles() -> list[Article]:
    return [
        article_quoting("reuters.txt", "2024-03-02", "Reuters", ("Jane Fielding", WIRE)),
        article_quoting("paper-a.txt", "2024-03-01", "Paper A", ("Jane Fielding", WIRE), ("Tom Oakes", OTHER)),
        article_quoting("paper-b.txt", "2024-03-03", "Paper B", ("Jane Fielding", WIRE)),
        article_quoting("paper-c.txt", "2024-03-04", "Paper C", ("Jane Fielding", TRIMMED)),
        article_quoting("paper-d.txt", "2024-03-05", "Paper D", ("Jane Fielding", CHANGED)),
        article_quoting("paper-e.txt", "2024-03-05", "Paper E", ("Mark Stone", WIRE)),  # same words, another speaker
        article_quoting("paper-f.txt", "2024-03-06", "Paper F", ("Jane Fielding", "We will win.")),  # too short
        article_quoting("paper-g.txt", "2024-03-06", "Paper G", ("Tom Oakes", OTHER), kind="indirect"),
    ]


def ingest_batches(conn: sqlite3.Connection, arts: list[Article], batch: int) -> None:
    """What ingest does per batch: store, join entities, group quotations."""
    for i in range(0, len(arts), batch):
        store_articles(conn, arts[i:i + batch])
        merge_new_entities(conn)
        group_new_quotations(conn)


def _groups(conn: sqlite3.Connection) -> set[frozenset[str]]:
    return {frozenset(o["document"] for o in g["occurrences"])
            for g in quotation_groups(conn, min_occurrences=1, limit=1000)}


def test_wire_trimmed_and_reworded_join_other_speaker_stays_apart(tmp_path: Path) -> None:
    conn = connect(tmp_path / "g.db")
    ingest_batches(conn, wire_articles()[:3], 3)
    three = quotation_groups(conn)
    assert len(three) == 1 and len(three[0]["occurrences"]) == 3  # the wire quotation in 3 articles
    ingest_batches(conn, wire_articles()[3:], 3)
    groups = quotation_groups(conn)
    assert len(groups) == 1
    g = groups[0]
    assert g["speaker"] == "Jane Fielding"
    assert [o["document"] for o in g["occurrences"]] == [
        "paper-a.txt", "reuters.txt", "paper-b.txt", "paper-c.txt", "paper-d.txt"]
    assert g["first_seen"]["document"] == "paper-a.txt" and g["first_seen"]["outlet"] == "Paper A"
    assert g["text"] == WIRE
    assert {v["text"]: v["count"] for v in g["variants"]} == {WIRE: 3, TRIMMED: 1, CHANGED: 1}
    assert frozenset({"paper-e.txt"}) in _groups(conn)  # Mark Stone's identical words: his own group
    assert frozenset({"paper-a.txt"}) in _groups(conn)  # Tom Oakes: only once as a direct quotation
    assert all("paper-f.txt" not in docs and "paper-g.txt" not in docs for docs in _groups(conn))
    marked = [w for w, differs in differing_words(g["text"], CHANGED) if differs]
    assert marked == ["quicker"]
    rules = {r[0] for r in conn.execute("SELECT rule FROM quote_group_log")}
    assert {"new", "identical", "part of a longer quotation"} <= rules
    assert any(r.startswith("wording differs") for r in rules)


def test_same_groups_whatever_the_batches_and_no_duplicates_on_rerun(tmp_path: Path) -> None:
    one = connect(tmp_path / "one.db")
    ingest_batches(one, wire_articles(), 1)
    many = connect(tmp_path / "many.db")
    ingest_batches(many, wire_articles(), 8)
    assert _groups(one) == _groups(many)
    before = conn_counts(many)
    ingest_batches(many, wire_articles(), 3)  # rerun: the articles are already stored
    assert conn_counts(many) == before


def conn_counts(conn: sqlite3.Connection) -> tuple[int, int, int]:
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                 for t in ("quote_group_members", "quote_groups", "quote_group_log"))


def test_a_run_killed_before_grouping_is_finished_by_the_next(tmp_path: Path) -> None:
    conn = connect(tmp_path / "k.db")
    store_articles(conn, wire_articles()[:4])  # committed, then killed before grouping
    merge_new_entities(conn)
    ingest_batches(conn, wire_articles()[4:], 2)
    ref = connect(tmp_path / "ref.db")
    ingest_batches(ref, wire_articles(), 2)
    assert _groups(conn) == _groups(ref)


def test_regroup_gives_the_same_groups_and_keeps_detached_apart(tmp_path: Path) -> None:
    conn = connect(tmp_path / "r.db")
    ingest_batches(conn, wire_articles(), 3)
    before = _groups(conn)
    regroup(conn)
    assert _groups(conn) == before
    g = quotation_groups(conn)[0]
    assert detach_quotation(conn, g["occurrences"][-1]["quote_id"])
    after = _groups(conn)
    regroup(conn)
    assert _groups(conn) == after


def test_surnames_full_names_and_lone_surnames(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db")
    ingest_batches(conn, [article_quoting("1.txt", "2024-01-01", "A", ("Bill Clinton", WIRE)),
                   article_quoting("2.txt", "2024-01-02", "B", ("Hillary Clinton", WIRE)),  # another Clinton: apart
                   article_quoting("3.txt", "2024-01-03", "C", ("Clinton", TRIMMED))], 1)  # a lone surname: joins by name
    assert _groups(conn) == {frozenset({"1.txt", "3.txt"}), frozenset({"2.txt"})}
    assert same_speaker(Who(1, "andy roddick"), Who(7, "roddick"))
    assert not same_speaker(Who(1, "bill clinton"), Who(2, "hillary clinton"))
    assert same_speaker(Who(None, "the bbc"), Who(None, "the bbc"))
    assert not same_speaker(Who(None, "the bbc"), Who(None, "the times"))


def test_one_shared_word_is_chance() -> None:
    share, _ = cover(words("of being a New Labour stooge"),
                     words("Here in this constituency of Bethnal Green and Bow there is a New Labour stooge MP."))
    assert share < 0.8


def test_detach_and_ungroup_are_undo_and_stick(tmp_path: Path) -> None:
    conn = connect(tmp_path / "u.db")
    ingest_batches(conn, wire_articles()[:5], 5)
    g = quotation_groups(conn)[0]
    changed = next(o["quote_id"] for o in g["occurrences"] if o["document"] == "paper-d.txt")
    assert detach_quotation(conn, changed)
    assert not detach_quotation(conn, changed)  # already alone
    assert len(quotation_groups(conn)[0]["occurrences"]) == 4
    assert conn.execute("SELECT count(*) FROM quote_group_log WHERE quote_id = ? AND undone_at IS NOT NULL",
                        (changed,)).fetchone()[0] == 1
    assert ungroup(conn, g["id"]) == 3
    assert count_quotation_groups(conn) == 0
    ingest_batches(conn, [article_quoting("late.txt", "2024-04-01", "Late", ("Jane Fielding", WIRE))], 1)
    assert count_quotation_groups(conn) == 0  # detached quotations are not joined again
    conn.close()


def test_cli_prints_one_group_per_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    conn = connect(tmp_path / "c.db")
    ingest_batches(conn, wire_articles(), 4)
    conn.close()
    assert main(["quotations", "--db", str(tmp_path / "c.db"), "--speaker", "fielding"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    g = json.loads(lines[0])
    assert {"text", "speaker", "occurrences", "first_seen", "variants"} <= set(g)
    assert set(g["occurrences"][0]) >= {"document", "published", "outlet", "spans"}
    assert main(["quotations", "--db", str(tmp_path / "c.db"), "--speaker", "Stone"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["quotations", "--db", str(tmp_path / "c.db"), "--format", "text"]) == 0
    assert "5x Jane Fielding" in capsys.readouterr().out
    assert main(["ungroup", str(g["id"]), "--db", str(tmp_path / "c.db")]) == 0


def test_api_and_page(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    conn = connect(tmp_path / "w.db")
    ingest_batches(conn, wire_articles(), 4)
    key = conn.execute("SELECT substr(hash, 1, 16) FROM articles WHERE document = 'paper-d.txt'").fetchone()[0]
    conn.close()
    with TestClient(create_app(tmp_path / "w.db")) as client:
        page = client.get("/api/quotations", params={"limit": 1}).json()
        assert set(page) == {"items", "total", "limit", "offset", "next"} and page["total"] == 1
        item = page["items"][0]  # the first 3 listed, every one counted
        assert len(item["occurrences"]) == 3 and item["occurrence_count"] == 5
        assert client.get("/api/quotations", params={"min_occurrences": 1}).json()["total"] == 3
        assert client.get("/api/quotations", params={"speaker": "Stone"}).json()["total"] == 0
        assert client.get("/api/quotations", params={"format": "csv"}).text.startswith("id,text,speaker")
        assert client.get("/api/quotations", params={"min_occurrences": 0}).status_code == 422
        html = client.get("/quotations").text
        assert f'href="/article/{key}"' in html
        assert "Quoted differently by" in html and '<mark class="diff">quicker</mark>' in html
        assert "Quoted in part by" in html


def test_ingest_groups_wire_copy_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    from newsgraph.run import ingest

    wire = ("\u201cWe will not raise taxes on working families this year, and the budget is balanced,\u201d "
            "said Jane Fielding, the finance minister.")
    for i, lead in enumerate(["Markets rose on Tuesday.", "Unions welcomed the budget.", "The opposition was sceptical."]):
        (tmp_path / f"{i}.txt").write_text(f"Budget day\n\n{lead} {wire}\n\nMore details followed (story {i}).\n")
    db = tmp_path / "i.db"
    ingest([tmp_path], db, batch_size=1)
    conn = connect(db)
    groups = quotation_groups(conn)
    assert len(groups) == 1 and len(groups[0]["occurrences"]) == 3
    before = conn_counts(conn)
    conn.close()
    ingest([tmp_path], db, batch_size=2)  # resumed: every input done
    ingest([tmp_path], db, batch_size=2, resume=False)  # read again: the same texts are already stored
    conn = connect(db)
    assert conn_counts(conn) == before
    conn.close()


def test_punctuation_is_not_another_wording(tmp_path: Path) -> None:
    conn = connect(tmp_path / "p.db")
    bracketed = WIRE.replace("this year", "[this year]").replace(".", ",", 1)
    ingest_batches(conn, [article_quoting("1.txt", "2024-01-01", "A", ("Jane Fielding", WIRE)),
                   article_quoting("2.txt", "2024-01-02", "B", ("Jane Fielding", bracketed))], 2)
    g = quotation_groups(conn)[0]
    assert g["variants"] == [{"text": WIRE, "count": 2}]
    assert g["occurrences"][1]["text"] == bracketed  # each occurrence keeps its own print


def test_csv_export_carries_the_group(tmp_path: Path) -> None:
    import csv

    from newsgraph.export import export

    conn = connect(tmp_path / "e.db")
    ingest_batches(conn, wire_articles(), 8)
    conn.close()
    export(tmp_path / "e.db", "csv", tmp_path / "out")
    with open(tmp_path / "out" / "quotes.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    fielding = {r["quote_group_id"] for r in rows if r["speaker"] == "Jane Fielding" and r["quote_group_id"]}
    assert len(fielding) == 1
    assert sum(r["quote_group_id"] in fielding for r in rows) == 5


def test_graphml_and_jsonld_carry_the_group(tmp_path: Path) -> None:
    import networkx as nx

    from newsgraph.export import export

    conn = connect(tmp_path / "x.db")
    ingest_batches(conn, wire_articles(), 8)
    conn.close()
    export(tmp_path / "x.db", "graphml", tmp_path / "g.graphml")
    g = nx.read_graphml(tmp_path / "g.graphml")
    groups = [n for n, d in g.nodes(data=True) if d["kind"] == "quotation group"]
    fielding = [n for n in groups if g.nodes[n]["speaker"] == "Jane Fielding"]
    assert len(fielding) == 1
    node = g.nodes[fielding[0]]
    assert (node["occurrences"], node["first_published"], node["text"]) == (5, "2024-03-01", WIRE)
    members = [u for u, v, d in g.in_edges(fielding[0], data=True) if d["relation"] == "occurrence_of"]
    assert len(members) == 5 and all(g.nodes[u]["kind"] == "quotation" for u in members)

    export(tmp_path / "x.db", "jsonld", tmp_path / "x.jsonld")
    graph = json.loads((tmp_path / "x.jsonld").read_text(encoding="utf-8"))["@graph"]
    by_id = {n["@id"]: n for n in graph}
    group = next(n for n in graph if n.get("occurrences") == 5)
    assert group["@type"] == "Quotation" and group["text"] == WIRE
    assert group["firstSeen"]["publisher"] == "Paper A"
    assert [v["occurrences"] for v in group["variants"]] == [3, 1, 1]
    assert len(group["workExample"]) == 5
    assert all(by_id[w["@id"]]["exampleOfWork"] == {"@id": group["@id"]} for w in group["workExample"])
    stone = next(n["@id"] for n in graph if n.get("name") == "Mark Stone")
    alone = [n for n in graph if n.get("spokenByCharacter") == {"@id": stone}]
    assert len(alone) == 1 and "exampleOfWork" not in alone[0]  # the same words by another speaker


def test_regroup_command_rebuilds_the_groups(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "c.db"
    conn = connect(db)
    ingest_batches(conn, wire_articles(), 8)
    before = _groups(conn)
    conn.close()
    assert main(["regroup", "--db", str(db)]) == 0
    assert "group(s) of 2 or more" in capsys.readouterr().out
    conn = connect(db)
    assert _groups(conn) == before


def test_the_list_shows_the_first_printers_and_links_to_the_quotations_page_of_them_all(tmp_path: Path) -> None:
    """/quotations lists a group's first LISTED_OCCURRENCES printers and "and N more outlets", linking
    to /quotations/{id}, which lists every occurrence, paged; the API keeps them all."""
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app, quotations
    from newsgraph.web.quotations import LISTED_OCCURRENCES

    conn = connect(tmp_path / "many.db")
    carried = [article_quoting(f"paper-{k:02d}.txt", f"2024-04-{k + 1:02d}", f"Paper {k}", ("Jane Fielding", WIRE))
               for k in range(12)]
    ingest_batches(conn, [*carried, article_quoting("paper-x.txt", "2024-05-01", "Paper X", ("Jane Fielding", CHANGED))], 5)
    conn.close()
    with TestClient(create_app(tmp_path / "many.db")) as client:
        html = client.get("/quotations").text
        first = client.get("/api/quotations").json()["items"][0]
        gid = first["id"]
        assert "13 occurrences" in html and f'<a class="more-occurrences" href="/quotations/{gid}">' \
            f"and {13 - LISTED_OCCURRENCES} more outlets</a>" in html
        assert html.count('<li><a href="/article/') == LISTED_OCCURRENCES
        assert len(first["occurrences"]) == LISTED_OCCURRENCES and first["occurrence_count"] == 13
        every = client.get("/api/quotations", params={"occurrences": 0}).json()["items"][0]
        assert len(every["occurrences"]) == every["occurrence_count"] == 13
        one = client.get(f"/api/quotations/{gid}").json()
        assert one["occurrences"] == every["occurrences"] and one["occurrence_count"] == 13
        assert client.get(f"/api/quotations/{gid}", params={"occurrences": 5, "offset": 10}).json()[
            "occurrences"] == every["occurrences"][10:]
        page = client.get(f"/quotations/{gid}").text
        assert page.count('<li><a href="/article/') == 13 and "1–13 of 13" in page
        docs = [o["document"] for o in every["occurrences"]]
        assert [page.index(d + "</a>") for d in docs] == sorted(page.index(d + "</a>") for d in docs)
        old_page = quotations.GROUP_PAGE
        quotations.GROUP_PAGE = 5
        try:
            paged = client.get(f"/quotations/{gid}", params={"offset": 10}).text
        finally:
            quotations.GROUP_PAGE = old_page
        assert paged.count('<li><a href="/article/') == 3 and "11–13 of 13" in paged and 'rel="prev"' in paged
        assert client.get("/quotations/999999").status_code == 404
        assert client.get("/api/quotations/999999").status_code == 404


def test_the_page_counts_every_occurrence_and_wording_though_it_reads_only_those_shown(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.quote_group_list import quotation_group
    from newsgraph.web import create_app
    from newsgraph.web.quotations import LISTED_OCCURRENCES, SHOWN_OCCURRENCES

    conn = connect(tmp_path / "counts.db")
    carried = [article_quoting(f"paper-{k:02d}.txt", f"2024-06-{k + 1:02d}", f"Paper {k}", ("Jane Fielding", WIRE))
               for k in range(SHOWN_OCCURRENCES + 2)]
    changed = [article_quoting(f"other-{k:02d}.txt", f"2024-07-{k + 1:02d}", f"Other {k}", ("Jane Fielding", CHANGED))
               for k in range(SHOWN_OCCURRENCES + 1)]
    ingest_batches(conn, [*carried, *changed], 6)
    full = quotation_groups(conn, min_occurrences=1, limit=1000)
    shown = quotation_groups(conn, min_occurrences=1, limit=1000, shown=SHOWN_OCCURRENCES)
    for g, s in zip(full, shown, strict=True):
        members = conn.execute("SELECT count(*) FROM quote_group_members WHERE group_id = ?", (g["id"],)).fetchone()[0]
        assert s["occurrence_count"] == len(g["occurrences"]) == members
        assert s["variants"] == g["variants"] and s["first_seen"] == g["first_seen"] and s["text"] == g["text"]
        assert s["occurrences"][:SHOWN_OCCURRENCES] == g["occurrences"][:SHOWN_OCCURRENCES]
        assert "occurrence_count" not in g and quotation_group(conn, g["id"]) == g  # the CLI's JSON stays as it was
    big = shown[0]
    assert big["occurrence_count"] == 2 * SHOWN_OCCURRENCES + 3 and len(big["variants"]) == 2
    conn.close()
    with TestClient(create_app(tmp_path / "counts.db")) as client:
        html = client.get("/quotations").text
    assert f"{2 * SHOWN_OCCURRENCES + 3} occurrences in 2 wordings" in html
    others = SHOWN_OCCURRENCES + 1 - LISTED_OCCURRENCES
    assert f">{others} more</a>:" in html  # the other wording's printers beyond those listed
