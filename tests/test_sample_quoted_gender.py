"""scripts/sample_quoted_gender.py: distinct quoted people drawn from a tiny store of invented
articles, each with the gender /who counts and the evidence a checker needs; --score counts."""

from __future__ import annotations

import csv
import importlib.util
import sys
from contextlib import closing
from pathlib import Path
from types import ModuleType

import pytest

from newsgraph.model import Article, Entity, Quote, Speaker
from newsgraph.store import connect, store_articles
from newsgraph.store.merge import merge_new_entities

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "sample_quoted_gender.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sample_quoted_gender", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["sample_quoted_gender"] = module
    spec.loader.exec_module(module)
    return module


def _article(doc: str, text: str, speaker: str, etype: str | None, act: str = "speech",
             aliases: list[str] | None = None, gender: str | None = None) -> Article:
    """One quotation of ``speaker`` (the first of its words in the text) in ``text``."""
    said = text[text.index("\u201c") + 1 : text.index("\u201d") - 1]
    s = text.index(said)
    at = text.index(speaker.split()[-1], s + len(said))
    first = text.index(speaker)
    art = Article(text=text, document=doc, published="2021-03-01", outlet="Invented")
    if etype:
        art.entities.append(Entity(speaker, etype, [(first, first + len(speaker)), (at, at + len(speaker.split()[-1]))],
                                   aliases=aliases or [], gender=gender))
    stype = "PERSON" if etype == "PERSON" else "ORG"
    art.quotes.append(Quote([(s, s + len(said))], "direct", Speaker(speaker, (at, at + len(speaker.split()[-1])),
                                                                     None, stype), act=act))
    return art


ARTICLES = [
    _article("a.txt", "Orla Vance runs the ferry. \u201cThe crossing is safe,\u201d Ms. Vance said. She smiled.",
             "Orla Vance", "PERSON", aliases=["Ms. Vance"], gender="female"),
    _article("b.txt", "Orla Vance spoke again. \u201cWe sail at noon,\u201d Vance said.",
             "Orla Vance", "PERSON", gender="female"),  # the same person: one row
    _article("c.txt", "Teodor Brask coaches the team. \u201cWe lost,\u201d Brask said. His players agreed.",
             "Teodor Brask", "PERSON", gender="male"),
    _article("d.txt", "Sam Quill keeps bees. \u201cThey are calm,\u201d Quill said.", "Sam Quill", "PERSON"),
    _article("e.txt", "Halvard Mining is a firm. \u201cOutput rose,\u201d Halvard said.", "Halvard", "ORG"),
    _article("f.txt", "Pia Lorne thought hard. \u201cMaybe later,\u201d Lorne thought.", "Pia Lorne", "PERSON",
             act="thought", gender="female"),  # not speech: the web does not list it by default
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gender_sample") / "store.db"
    with closing(connect(path)) as conn:
        store_articles(conn, ARTICLES)
        merge_new_entities(conn)
    return path


def test_draws_distinct_quoted_people_with_gender_and_evidence(db: Path) -> None:
    sampler = _script()
    conn = connect(db, readonly=True)
    rows = sampler.draw(conn, 10, seed=3)
    assert sorted(r["person"] for r in rows) == ["Orla Vance", "Sam Quill", "Teodor Brask"]  # once each, speech only
    assert len({r["key"] for r in rows}) == 3
    by = {r["person"]: r for r in rows}
    assert by["Orla Vance"]["gender"] == "female" and by["Teodor Brask"]["gender"] == "male"
    assert by["Teodor Brask"]["basis"] == "text" and by["Sam Quill"]["gender"] in ("", "male", "female")
    vance = by["Orla Vance"]
    assert "[[Orla Vance]]" in vance["evidence"] and vance["verdict"] == "" and vance["note"] == ""
    if vance["document"] == "a.txt":
        assert "*Ms.*" in vance["evidence"] and "*She*" in vance["evidence"]  # the next sentence's pronoun too
    assert "*His*" in by["Teodor Brask"]["evidence"]
    assert [r["key"] for r in sampler.draw(conn, 2, seed=3)] == [r["key"] for r in sampler.draw(conn, 2, seed=3)]


def test_score_counts_right_where_given_and_coverage(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sampler = _script()
    out = tmp_path / "s.tsv"
    assert sampler.main(["--db", str(db), "--n", "10", "--seed", "1", "--out", str(out)]) == 0
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
        header = list(rows[0])
    assert header[-2:] == ["verdict", "note"]
    for row in rows:
        row["verdict"] = "right" if row["gender"] else "missed"
    given = sum(1 for row in rows if row["gender"])
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert sampler.main(["--score", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"{given}/{given} right where given" in printed and f"coverage {given}/3" in printed
