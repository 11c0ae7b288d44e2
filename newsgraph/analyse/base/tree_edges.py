"""``token.left_edge.i`` / ``token.right_edge.i`` and ``token.children`` of every token as int lists.

Reading them through spaCy costs two or three new ``Token`` objects per look-up, and the
attribution code reads them for most tokens of a document. The edges are recomputed here
from the heads with spaCy's own algorithm (``set_children_from_heads`` in ``doc.pyx``,
repeated passes for non-projective parses), so they equal spaCy's values exactly, not
merely the subtree's min and max.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.analyse.base.token_table import token_table

_KEY = "newsgraph_tree_edges"
MAX_PASSES = 12
"""spaCy stops after this many passes (``loop_count > 10``)."""


@dataclass(frozen=True)
class TreeEdges:
    left: list[int]
    right: list[int]
    children: list[list[int]]
    """Children in index order, as ``token.children`` yields them (only those within the
    token's edges, as spaCy scans the edges)."""


def tree_edges(doc: Doc) -> TreeEdges:
    """The doc's edges and children, computed once per doc (kept in ``doc.user_data``)."""
    found = doc.user_data.get(_KEY)
    if found is None:
        head = token_table(doc).head
        left, right = subtree_edges(head)
        children: list[list[int]] = [[] for _ in head]
        for i, h in enumerate(head):
            if h != i and left[h] <= i <= right[h]:
                children[h].append(i)
        found = doc.user_data[_KEY] = TreeEdges(left, right, children)
    return found


def subtree_edges(head: list[int]) -> tuple[list[int], list[int]]:
    n = len(head)
    left = list(range(n))
    right = list(range(n))
    for _ in range(MAX_PASSES):
        for i in range(n):
            h = head[i]
            if left[i] < left[h]:
                left[h] = left[i]
            if right[i] > right[h]:
                right[h] = right[i]
        for i in range(n - 1, -1, -1):
            h = head[i]
            if right[i] > right[h]:
                right[h] = right[i]
            if left[i] < left[h]:
                left[h] = left[i]
        if _heads_within_sentences(head, left):
            break
    return left, right


def _heads_within_sentences(head: list[int], left: list[int]) -> bool:
    """spaCy's stopping test: with sentences starting at the roots' left edges, every
    head lies within its token's sentence."""
    n = len(head)
    starts = {left[i] for i in range(n) if head[i] == i}
    cur = 0
    for i in range(n):
        if (i > 0 and i in starts) or i == n - 1:
            for j in range(cur, i):
                if head[j] < cur or head[j] >= i + 1:
                    return False
            cur = i
    return True
