"""spaCy's ``doc.char_span(…, alignment_mode="expand")``, ``Span.root`` and ``Span.sent`` as token
indices, read from the shared ``token_table`` and ``tree_edges``.

Why: each of those spaCy calls creates new ``Span`` and ``Token`` objects (``char_span`` alone
makes about five), and the time and event code asks them for every date and quotation.  The
functions here follow spaCy's own code (``doc.pyx``, ``span.pyx``) step by step, so they give
the same indices; ``tests/test_token_spans.py`` compares them with spaCy on real articles.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from newsgraph.analyse.base.token_table import TokenTable, token_table
from newsgraph.analyse.base.tree_edges import TreeEdges, tree_edges


class TokenSpans:
    """Span look-ups on one parsed Doc, as ``(start, end)`` token ranges and token indices."""

    def __init__(self, doc: Doc) -> None:
        self.t: TokenTable = token_table(doc)
        self.edges: TreeEdges = tree_edges(doc)
        t = self.t
        self._text_end = t.end_char(t.n - 1) + t.space[t.n - 1] if t.n else 0

    def token_at(self, char: int) -> int:
        """The token whose text or trailing space holds offset ``char``, else -1 (spaCy's ``token_by_char``;
        a Doc's tokens with their trailing spaces tile its text)."""
        if char < 0 or char >= self._text_end:
            return -1
        return bisect.bisect_right(self.t.idx, char) - 1

    def char_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Token range of ``doc.char_span(start, end, alignment_mode="expand")``; None where that is None."""
        first, last = self.token_at(start), self.token_at(end - 1)
        if first < 0 or last < 0:
            return None
        if start == self.t.end_char(first):
            first += 1  # a span starting on a token's trailing space starts with the next token
        return first, last + 1

    def sent(self, i: int) -> tuple[int, int]:
        """Token range of the sentence of token ``i`` (``Span.sent`` of a span starting at ``i``)."""
        return self.t.sent_bounds[i]

    def root(self, start: int, end: int) -> int:
        """``doc[start:end].root.i``: a sentence root inside, else the token closest to the root
        (spaCy counts a childless space or punctuation token as farthest; the first one on ties)."""
        head = self.t.head
        for i in range(start, end):
            if head[i] == i:
                return i
        best, root = self.t.n, -1
        for i in range(start, end):
            if start <= head[i] < end:
                continue
            steps = self._steps_to_root(i)
            if steps < best:
                best, root = steps, i
        return start if root == -1 else root

    def _steps_to_root(self, i: int) -> int:
        t = self.t
        if (t.is_punct[i] or t.text[i].isspace()) and not self._has_children(i):
            return t.n - 1
        steps = 0
        while t.head[i] != i:
            i = t.head[i]
            steps += 1
            if steps >= t.n:
                raise RuntimeError("the parse has a cycle")  # spaCy raises too (E039)
        return steps

    def _has_children(self, i: int) -> bool:
        return bool(self.edges.children[i])  # every child lies within its head's edges

    def is_space(self, i: int) -> bool:
        """``Token.is_space``."""
        return self.t.text[i].isspace()

    def end_char(self, i: int) -> int:
        return self.t.end_char(i)

