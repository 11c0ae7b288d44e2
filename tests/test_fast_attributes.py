"""newsgraph_attributes gives exactly what spaCy's attribute_ruler + lemmatizer give, token by token."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsgraph.analyse.model_choice import default_model
from newsgraph.analyse.pipeline import use_fast_attributes

FIX = Path(__file__).resolve().parent / "fixtures"
SPECIAL = ("There is a cat and there were two. We're gon na win, let 's go, c'm on! Y' all ai n't ready. "
           "He gets it; she got it.\n\n   \n The end of it   ")


def _signature(doc):  # type: ignore[no-untyped-def]
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _texts(shared: Path | None) -> list[str]:
    texts = [SPECIAL, (FIX / "moscow8.txt").read_text("utf-8")]
    texts += [p.read_text("utf-8") for p in sorted((FIX / "ingest_corpus").glob("0*.txt"))]
    if shared is not None:
        texts += [p.read_text("utf-8") for p in sorted((shared / "corpora/bbc").glob("*/0[0-1]?.txt"))]
        texts += [p.read_text("utf-8") for p in sorted((shared / "corpora/polnear/dev/text").glob("*.txt"))[:10]]
    return texts


@pytest.fixture(scope="module")
def pipelines():  # type: ignore[no-untyped-def]
    stock = spacy.load(default_model(), exclude=["senter"])
    fast = spacy.load(default_model(), exclude=["senter"])
    if not use_fast_attributes(fast):
        pytest.skip("the installed pipeline has no rule lemmatizer + attribute_ruler")
    return stock, fast


def test_same_pos_morph_lemma_as_spacy(pipelines, request: pytest.FixtureRequest) -> None:  # type: ignore[no-untyped-def]
    stock, fast = pipelines
    assert "attribute_ruler" not in fast.pipe_names and "newsgraph_attributes" in fast.pipe_names
    try:
        shared = request.getfixturevalue("shared")
    except pytest.skip.Exception:
        shared = None
    texts = _texts(shared)
    expected = [_signature(d) for d in stock.pipe(texts)]
    with fast.memory_zone():  # as the ingest runs it
        got = [_signature(d) for d in fast.pipe(texts)]
    for exp, out in zip(expected, got, strict=True):
        assert out == exp
    again = [_signature(d) for d in fast.pipe(texts[:3])]  # warm caches give the same again
    assert again == expected[:3]
    lemmas = {t[0]: t[4] for t in expected[0]}
    assert lemmas["gets"] == "get" and lemmas["were"] == "be"
