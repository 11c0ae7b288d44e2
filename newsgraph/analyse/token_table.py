"""A parsed Doc's token attributes as plain Python lists, read once per doc.

Every ``doc[i]``, iteration over a Doc or Span, ``token.head`` or ``token.children``
creates a new spaCy ``Token`` object, and most of the cost of rule code that walks tokens
is those objects, not the rules. ``token_table(doc)`` reads the attributes once with one
``doc.to_array`` call and gives lists indexed by token position (``t.text[i]``,
``t.pos[i]``, ``t.head[i]`` ...) with the same values as the Token attributes of the same
name (``text``, ``lower_``, ``pos_``, ``is_title`` ...). Built lazily, cached in
``doc.user_data``; the Doc must not change after the first call (run after the parser and
NER, as every newsgraph analysis component does).
"""

from __future__ import annotations

from functools import cached_property

from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_LOWER,
    IS_PUNCT,
    IS_STOP,
    IS_TITLE,
    IS_UPPER,
    LEMMA,
    LENGTH,
    LIKE_NUM,
    LOWER,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.tokens import Doc

from newsgraph.analyse.pipeline import doc_text

_COLUMNS = [IDX, LENGTH, SPACY, IS_ALPHA, IS_TITLE, IS_LOWER, IS_UPPER, IS_STOP, IS_PUNCT, LIKE_NUM,
            SENT_START, HEAD, ENT_TYPE, POS, TAG, DEP, LOWER, LEMMA]
_KEY = "newsgraph_token_table"


class TokenTable:
    """Per-token attribute lists of one Doc (flags as 0/1 ints, labels as strings)."""

    def __init__(self, doc: Doc) -> None:
        self.doc_text = doc_text(doc)
        self._strings = doc.vocab.strings
        cols = doc.to_array(_COLUMNS).T.tolist() if len(doc) else [[] for _ in _COLUMNS]
        (self.idx, self.length, self.space, self.is_alpha, self.is_title, self.is_lower, self.is_upper,
         self.is_stop, self.is_punct, self.like_num, sent_start, head, *self._hashes) = cols
        self.n = len(self.idx)
        self.sent_start = [v == 1 for v in sent_start]
        """``Token.is_sent_start`` as a bool (spaCy's None, "unknown", is False here too)."""
        # HEAD is stored relative to the token, as an unsigned 64-bit integer.
        self.head = [i + (h - (1 << 64) if h >= 1 << 63 else h) for i, h in enumerate(head)]
        self.text = [self.doc_text[a : a + n] for a, n in zip(self.idx, self.length, strict=True)]

    def _labels(self, col: int) -> list[str]:
        hashes = self._hashes[col]
        lookup = {h: self._strings[h] for h in set(hashes)}
        return [lookup[h] for h in hashes]

    @cached_property
    def ent_type(self) -> list[str]:
        return self._labels(0)

    @cached_property
    def pos(self) -> list[str]:
        return self._labels(1)

    @cached_property
    def tag(self) -> list[str]:
        return self._labels(2)

    @cached_property
    def dep(self) -> list[str]:
        return self._labels(3)

    @cached_property
    def lower(self) -> list[str]:
        return self._labels(4)

    @cached_property
    def lemma(self) -> list[str]:
        return self._labels(5)

    @cached_property
    def sent_bounds(self) -> list[tuple[int, int]]:
        """(start, end) of each token's sentence, as ``token.sent`` gives it."""
        starts = [i for i in range(self.n) if i == 0 or self.sent_start[i]]
        out: list[tuple[int, int]] = []
        for k, s in enumerate(starts):
            e = starts[k + 1] if k + 1 < len(starts) else self.n
            out.extend([(s, e)] * (e - s))
        return out

    @cached_property
    def children(self) -> list[list[int]]:
        """Indices of each token's syntactic children, in order (``token.children``)."""
        out: list[list[int]] = [[] for _ in range(self.n)]
        for i, h in enumerate(self.head):
            if h != i:
                out[h].append(i)
        return out

    def end_char(self, i: int) -> int:
        """Character offset just after token i."""
        return self.idx[i] + self.length[i]

    def span_text(self, i: int, j: int) -> str:
        """``doc[i:j].text``."""
        return self.doc_text[self.idx[i] : self.idx[j - 1] + self.length[j - 1]] if i < j else ""

    def subtree(self, i: int) -> list[int]:
        """Indices of token i's subtree in ``token.subtree`` order (left children's subtrees,
        the token, right children's subtrees)."""
        out: list[int] = []
        stack: list[tuple[int, bool]] = [(i, False)]
        while stack:
            k, expanded = stack.pop()
            if expanded:
                out.append(k)
                continue
            kids = self.children[k]
            stack.extend((r, False) for r in reversed([c for c in kids if c > k]))
            stack.append((k, True))
            stack.extend((c, False) for c in reversed([c for c in kids if c < k]))
        return out

def token_table(doc: Doc) -> TokenTable:
    """The doc's TokenTable, built on first use."""
    table = doc.user_data.get(_KEY)
    if table is None:
        table = doc.user_data[_KEY] = TokenTable(doc)
    return table  # type: ignore[no-any-return]
