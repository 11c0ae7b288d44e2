"""token_table gives, token by token, exactly what spaCy's Token and Doc attributes give."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES

EDGE_CASES = [
    "",
    "   ",
    "Kim Jong Un met Moon Jae-in in Pyongyang.\n\n  \nThe end  ",
    "Mr. O'Neill (D-Mass.) said: \"We're gon na win\" – y'all ai n't ready. Let's go, c'm on!",
    "Hillary Rodham Clinton, the former secretary of state, and Donald J. Trump Jr. met the U.N. envoy.",
    "Apple",
]


@pytest.fixture(scope="module")
def docs(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    from newsgraph.analyse.pipeline import load_nlp, make_doc
    from newsgraph.clean import segment

    texts = [*EDGE_CASES, (FIXTURES / "moscow8.txt").read_text("utf-8")]
    texts += [p.read_text("utf-8") for p in sorted((FIXTURES / "ingest_corpus").glob("0*.txt"))]
    try:
        shared: Path = request.getfixturevalue("shared")
        texts += [p.read_text("utf-8") for p in sorted((shared / "corpora/polnear/dev/text").glob("*.txt"))[:8]]
    except pytest.skip.Exception:
        pass
    nlp = load_nlp()
    with nlp.select_pipes(disable=["newsgraph_people", "newsgraph_quotes", "newsgraph_time"]):
        return list(nlp.pipe(make_doc(nlp, t, segment(t), None) for t in texts))


def test_every_column_equals_the_token_attribute(docs) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.analyse.base.token_table import token_table

    for doc in docs:
        t = token_table(doc)
        assert t.n == len(doc)
        for tok in doc:
            i = tok.i
            expected = (tok.text, tok.lower_, tok.idx, len(tok), bool(tok.whitespace_), tok.is_alpha,
                        tok.is_title, tok.is_lower, tok.is_upper, tok.is_stop, tok.is_punct, tok.like_num,
                        bool(tok.is_sent_start), tok.head.i, tok.ent_type_, tok.pos_, tok.tag_, tok.dep_,
                        tok.lemma_, (tok.sent.start, tok.sent.end), tok.idx + len(tok))
            got = (t.text[i], t.lower[i], t.idx[i], t.length[i], bool(t.space[i]), bool(t.is_alpha[i]),
                   bool(t.is_title[i]), bool(t.is_lower[i]), bool(t.is_upper[i]), bool(t.is_stop[i]),
                   bool(t.is_punct[i]), bool(t.like_num[i]), t.sent_start[i], t.head[i], t.ent_type[i],
                   t.pos[i], t.tag[i], t.dep[i], t.lemma[i], t.sent_bounds[i], t.end_char(i))
            assert got == expected, (doc.text[:40], i)


def test_entities_and_span_texts_equal_spacy(docs) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.analyse.base.token_table import token_table

    for doc in docs:
        t = token_table(doc)
        assert t.ents == [(e.start, e.end, e.label_) for e in doc.ents]
        for i in range(len(doc)):
            for j in (i, i + 1, i + 4):
                if j <= len(doc):
                    assert t.span_text(i, j) == doc[i:j].text


def test_subtrees_equal_spacy(docs) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.analyse.base.tree_edges import tree_edges
    from newsgraph.analyse.entities.mention_context import subtree_in_order

    for doc in docs:
        children = tree_edges(doc).children
        for tok in doc:
            assert subtree_in_order(children, tok.i) == [s.i for s in tok.subtree]


def test_cached_per_doc_without_keeping_the_doc_alive() -> None:
    import gc
    import weakref

    from newsgraph.analyse.base.token_table import token_table
    from newsgraph.analyse.pipeline import load_nlp

    doc = load_nlp().make_doc("A short text.")
    assert token_table(doc) is token_table(doc)
    copy = doc.copy()  # its user_data is a copy of the original's, table included
    assert token_table(copy) is not token_table(doc) and token_table(copy).text == token_table(doc).text
    del copy
    ref = weakref.ref(doc)
    del doc
    gc.disable()  # freed by reference counting alone: no cycle through doc.user_data
    try:
        assert ref() is None
    finally:
        gc.enable()
