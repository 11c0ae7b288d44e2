"""The search syntax (newsgraph/search.py): whole words, prefix*, "phrases", AND/OR, accents kept when typed.

Property tests: any typed text parses into a query SQLite accepts, and the index and the Python
matcher (used for highlights) agree on what matches.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph import query
from newsgraph.search import fts_condition, marked, parse, snippet
from newsgraph.store import connect

DOCS = ["Peña scored two penalties", "Pena was warned", "the war in the wardrobe", "prime minister Blair",
        "Brown said war", "Seung-min and the café", "a cafe in Zürich", "PEÑA!"]


def _index(docs: list[str]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(content, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("CREATE VIRTUAL TABLE x USING fts5(content, tokenize='unicode61 remove_diacritics 0')")
    for i, d in enumerate(docs, 1):
        conn.execute("INSERT INTO f(rowid, content) VALUES (?, ?)", (i, d))
        conn.execute("INSERT INTO x(rowid, content) VALUES (?, ?)", (i, d))
    return conn


def _hits(conn: sqlite3.Connection, text: str) -> list[int]:
    sq = parse(text)
    if not sq:
        return []
    sql, args = fts_condition(sq, "rowid", "f", "x")
    return [r[0] for r in conn.execute(f"SELECT rowid FROM f WHERE {sql} ORDER BY rowid", args)]


@pytest.mark.parametrize(("typed", "expected"), [
    ("war", [3, 5]),                        # whole words: not "warned", "wardrobe"
    ("war*", [2, 3, 5]),                    # a prefix when asked
    ("Peña", [1, 8]),                       # a typed accent is kept: not "Pena", not "penalties"
    ("pena", [1, 2, 8]),                    # an unaccented letter matches any accent
    ("penalt*", [1]),
    ("cafe", [6, 7]), ("café", [6]), ("zurich", [7]), ("Zürich", [7]),
    ("Blair OR Brown", [4, 5]),
    ("Blair OR Brown war", [5]),            # OR binds its neighbours; then AND
    ("the war", [3]), ("war the", [3]),     # AND, any order
    ('"the war"', [3]), ('"war the"', []),  # a phrase is in order
    ('"prime min"*', [4]),
    ("Seung-min", [6]), ("seung min", [6]), ('"min seung"', []),
    ("or", []), ("OR", []), ('"', []), ("*", []), ("", []),
])
def test_syntax_means_what_it_says(typed: str, expected: list[int]) -> None:
    conn = _index(DOCS)
    assert _hits(conn, typed) == expected
    assert [i for i, d in enumerate(DOCS, 1) if parse(typed).matches(d)] == expected


def test_normal_form_and_highlights() -> None:
    assert str(parse('  war*  OR  "prime   minister" Peña OR  ')) == 'war* OR "prime minister" Peña'
    assert str(parse(':OR')) == '"OR"' == str(parse(str(parse(':OR'))))  # the word OR searched for stays a word
    sq = parse("war Peña")
    text = "Peña and Pena went to war; the war-time wardrobe"
    assert marked(text, sq.highlight(text)) == "[[Peña]] and Pena went to [[war]]; the [[war]]-time wardrobe"
    body = "A first sentence. Then Peña said the war was over! After that, nothing."
    snip = snippet(body, sq)
    assert snip is not None and snip["text"] == "Then Peña said the war was over!"
    assert marked(snip["text"], snip["highlights"]) == "Then [[Peña]] said the [[war]] was over!"
    assert body[snip["start"]:].startswith("Then Peña")


WORDS = st.sampled_from(["war", "warned", "peña", "pena", "café", "cafe", "Blair", "the", "a", "PEÑA", "x1"])
TYPED = st.lists(st.one_of(WORDS, st.sampled_from(["OR", "AND", '"', "*", "-", "(", ")", ":", "^", "NEAR", "'"]),
                           st.text(max_size=6)), max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_parses_into_a_query_sqlite_accepts(typed: str) -> None:
    conn = _index(DOCS)
    _hits(conn, typed)  # no sqlite3.OperationalError (FTS5 syntax error), whatever was typed
    assert str(parse(str(parse(typed)))) == str(parse(typed))  # the normal form is stable


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=6).map(" ".join), min_size=1, max_size=6), TYPED)
def test_index_and_highlighter_agree(docs: list[str], typed: str) -> None:
    """The rows SQLite finds are exactly those the Python matcher (the highlights) finds."""
    conn = _index(docs)
    assert _hits(conn, typed) == [i for i, d in enumerate(docs, 1) if parse(typed).matches(d)]


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=5))
def test_plain_words_are_all_required(words: list[str]) -> None:
    sq = parse(" ".join(words))
    assert all(len(g) == 1 and not g[0].prefix for g in sq.groups)
    assert sq.matches(" ".join(reversed(words)))
    assert not sq.matches(" ".join(words[1:])) or words[0].casefold() in (w.casefold() for w in words[1:]) \
        or parse(words[0]).matches(" ".join(words[1:]))


def test_store_searches_quotes_and_articles_with_accents(tmp_path: Path) -> None:
    from newsgraph.model import Article, Quote, Speaker
    from newsgraph.store import store_articles

    said = "Peña took the penalties"
    text = f"Madrid derby report. The coach praised the defence.\n\n\u201c{said},\u201d Ana Pena said."
    art = Article(text=text, document="derby.txt", title="Derby day",
                  quotes=[Quote([(text.index(said), text.index(said) + len(said))], "direct", Speaker("Ana Pena"))])
    conn = connect(tmp_path / "s.db")
    store_articles(conn, [art])
    assert [r["highlighted"] for r in query.quotes(conn, search="Peña")] == ["[[Peña]] took the penalties"]
    assert query.quotes(conn, search="pena") and not query.quotes(conn, search="penalty")
    assert query.count_quotes(conn, search="Ana") == 0  # words in the quotation, not its speaker
    hits = query.articles(conn, search="coach praised")
    assert [h["snippet"]["highlighted"] for h in hits] == ["The [[coach]] [[praised]] the defence."]
    assert query.count_articles(conn, search="coach praised") == 1
    assert query.count_articles(conn, search='"praised the coach"') == 0


def test_cli_and_web_use_the_same_syntax(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.cli import main
    from newsgraph.model import Article, Quote, Speaker
    from newsgraph.store import store_articles
    from newsgraph.web import create_app

    arts = []
    for i, said in enumerate(["The war is over", "We warned them", "Peña took the penalties"]):
        text = f"Report {i}. A warehouse burned on Monday.\n\n\u201c{said},\u201d Bo Lee said."
        s = text.index(said)
        arts.append(Article(text=text, document=f"r{i}.txt", published=f"2020-01-0{i + 1}",
                            quotes=[Quote([(s, s + len(said))], "direct", Speaker("Bo Lee"))]))
    db = tmp_path / "s.db"
    conn = connect(db)
    store_articles(conn, arts)
    conn.close()
    assert main(["quotes", "--db", str(db), "--search", "war"]) == 0
    assert capsys.readouterr().out.count("\n") == 1
    assert main(["articles", "--db", str(db), "--search", "warehouse"]) == 0
    out = capsys.readouterr().out
    assert out.count("[[warehouse]]") == 3
    with TestClient(create_app(db)) as client:
        page = client.get("/search", params={"q": "war"}).text
        assert "<mark>war</mark>" in page and "We warned them" not in page
        assert '<span class="count" id="n-quotes">1</span>' in page and 'id="n-articles">1<' in page
        arts_page = client.get("/search", params={"q": "war*", "scope": "articles"}).text
        assert arts_page.count("<mark>warehouse</mark>") == 3  # the sentence of the first match
        assert "Download this view" in arts_page and "/api/articles?search=war%2A&amp;format=csv" in arts_page
        past = client.get("/search", params={"q": "war*", "offset": 50}).text
        assert 'id="past-end"' in past and "No quotations match" not in past and "has 2 rows" in past
        assert "No quotations match" in client.get("/search", params={"q": "zebra"}).text
        assert [r["content"] for r in client.get("/api/quotes", params={"search": "Peña"}).json()["items"]] \
            == ["Peña took the penalties"]
