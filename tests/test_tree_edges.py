"""tree_edges equals spaCy's own left/right edges and children, token by token."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.analyse.base.tree_edges import subtree_edges, tree_edges
from newsgraph.analyse.pipeline import load_nlp, make_doc
from newsgraph.clean import segment
from tests.conftest import FIXTURES, read_text

TEXTS = [
    read_text(FIXTURES / "moscow8.txt"),
    "The minister, who had arrived late, said on Tuesday that what the report called \"a disaster\" "
    "was, in his view, a setback he expected the party to overcome quickly.",
    "A man was arrested yesterday who had been seen near the bank. Which books did she say she read?",
]


def _parsed(text: str) -> Doc:
    nlp = load_nlp()
    return nlp(make_doc(nlp, text, segment(text, None), None))


def _assert_same(doc: Doc) -> None:
    edges = tree_edges(doc)
    for tok in doc:
        assert (edges.left[tok.i], edges.right[tok.i]) == (tok.left_edge.i, tok.right_edge.i), tok.text
        assert edges.children[tok.i] == [c.i for c in tok.children], tok.text


@pytest.mark.parametrize("text", TEXTS)
def test_edges_and_children_equal_spacy(text: str) -> None:
    _assert_same(_parsed(text))


def test_equal_spacy_on_bbc_and_polnear(shared: Path) -> None:
    files = sorted((shared / "corpora" / "bbc").glob("*/*.txt"))[::97][:12]
    files += sorted((shared / "corpora" / "polnear" / "dev" / "text").glob("*.txt"))[:6]
    for f in files:
        _assert_same(_parsed(read_text(f)))


def _random_heads(rng: random.Random, n: int) -> list[int]:
    """A random dependency tree (often non-projective), possibly several sentences' roots."""
    order = list(range(n))
    rng.shuffle(order)
    heads = [0] * n
    for k, i in enumerate(order):
        heads[i] = i if k == 0 or rng.random() < 0.1 else order[rng.randrange(k)]
    return heads


def test_random_non_projective_trees_equal_spacy() -> None:
    """spaCy stops its passes early on some non-projective trees, so its edges are not the
    subtree's extent; tree_edges must give spaCy's values, not the true extent."""
    rng = random.Random(7)
    vocab = Vocab()
    for _ in range(400):
        n = rng.randint(1, 12)
        heads = _random_heads(rng, n)
        doc = Doc(vocab, words=[f"w{i}" for i in range(n)], heads=heads, deps=["dep"] * n)
        left, right = subtree_edges(heads)
        assert left == [t.left_edge.i for t in doc] and right == [t.right_edge.i for t in doc], heads
