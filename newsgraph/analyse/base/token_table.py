"""A parsed Doc's token attributes as plain Python lists, read once per doc.

Every ``doc[i]``, iteration over a Doc or Span, ``token.head`` or ``token.children``
(see ``tree_edges.py`` for children and edges) creates a new spaCy ``Token`` object, and most of the cost of rule code that walks tokens
is those objects, not the rules. ``token_table(doc)`` reads attributes with ``doc.to_array``
and gives lists indexed by token position (``t.text[i]``, ``t.pos[i]``, ``t.head[i]`` ...)
with the same values as the Token attributes of the same name (``text``, ``lower_``,
``pos_``, ``is_title`` ...). Positions, text and heads are read at once, every other column
on first use; the table is cached in ``doc.user_data``, so the Doc must not change after the
first call (run after the parser and NER, as every newsgraph analysis component does).

What depends on the word alone (``lower_`` and the lexical flags, which spaCy keeps on the
lexeme) is cached per vocab, the strings of label hashes per process, both bounded (a flag
changed on a lexeme at run time, ``vocab["x"].is_stop = True``, is not seen once cached).
"""

from __future__ import annotations

import weakref
from functools import cached_property
from operator import itemgetter
from typing import Any

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_IOB,
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
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.tokens import Doc

from newsgraph.analyse.base.doc import doc_text

_POSITIONS = [IDX, LENGTH, SPACY, SENT_START, HEAD, ORTH]
_LEXEME = [ORTH, LOWER, IS_ALPHA, IS_TITLE, IS_LOWER, IS_UPPER, IS_STOP, IS_PUNCT, LIKE_NUM]
"""One row per distinct word: (text, lower, flags...)."""
_LABELS = [ENT_TYPE, POS, TAG, DEP, LEMMA, ENT_IOB]
_KEY = "newsgraph_token_table"
MAX_CACHED_ROWS = 200_000
"""Entries in each process-wide cache (hash -> label, word -> lexeme row) before it is emptied."""
_label_cache: dict[int, str] = {0: ""}
_lexeme_caches: dict[int, tuple[Any, dict[int, tuple[Any, ...]]]] = {}
"""id(vocab) -> (the vocab, its word -> lexeme row cache): flags such as is_stop belong to a
language's vocab. The vocab is held: pipelines are loaded once per process anyway."""


class TokenTable:
    """Per-token attribute lists of one Doc (flags as 0/1 ints, labels as strings)."""

    def __init__(self, doc: Doc) -> None:
        self._doc = weakref.ref(doc)  # not the Doc itself: the table lives in its user_data
        self.doc_text = doc_text(doc)
        self.n = len(doc)
        arr = doc.to_array(_POSITIONS).reshape(-1, len(_POSITIONS))
        self.idx: list[int] = arr[:, 0].tolist()
        self.length: list[int] = arr[:, 1].tolist()
        self.space: list[int] = arr[:, 2].tolist()
        """1 when the token is followed by a space (``token.whitespace_``)."""
        self.sent_start: list[bool] = (arr[:, 3] == 1).tolist()
        """``token.is_sent_start`` as a bool (spaCy's None, "unknown", is False here too)."""
        # HEAD is stored relative to the token, as an unsigned 64-bit integer.
        self.head: list[int] = (arr[:, 4].view(np.int64) + np.arange(self.n)).tolist()
        self._lexemes = _lexeme_rows(doc, arr[:, 5].tolist())
        self.text: list[str] = list(map(itemgetter(0), self._lexemes))

    def _source(self) -> Doc:
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the Doc of this TokenTable is gone")
        return doc

    # ------------------------------------------------------------ word attributes

    def _lexeme_column(self, k: int) -> list[Any]:
        return list(map(itemgetter(k), self._lexemes))

    @cached_property
    def lower(self) -> list[str]:
        return self._lexeme_column(1)

    @cached_property
    def is_alpha(self) -> list[int]:
        return self._lexeme_column(2)

    @cached_property
    def is_title(self) -> list[int]:
        return self._lexeme_column(3)

    @cached_property
    def is_lower(self) -> list[int]:
        return self._lexeme_column(4)

    @cached_property
    def is_upper(self) -> list[int]:
        return self._lexeme_column(5)

    @cached_property
    def is_stop(self) -> list[int]:
        return self._lexeme_column(6)

    @cached_property
    def is_punct(self) -> list[int]:
        return self._lexeme_column(7)

    @cached_property
    def like_num(self) -> list[int]:
        return self._lexeme_column(8)

    # ------------------------------------------------------------ token labels

    @cached_property
    def _label_columns(self) -> list[list[Any]]:
        """ent_type, pos, tag, dep, lemma as strings; ent_iob as ints (read together: the
        components that read one read the others)."""
        arr = self._source().to_array(_LABELS).reshape(-1, len(_LABELS))
        columns = [_labels(self._source(), col) for col in arr[:, :-1].T.tolist()]
        return [*columns, arr[:, -1].tolist()]

    @cached_property
    def ent_type(self) -> list[str]:
        return self._label_columns[0]

    @cached_property
    def pos(self) -> list[str]:
        return self._label_columns[1]

    @cached_property
    def tag(self) -> list[str]:
        return self._label_columns[2]

    @cached_property
    def dep(self) -> list[str]:
        return self._label_columns[3]

    @cached_property
    def lemma(self) -> list[str]:
        return self._label_columns[4]

    @cached_property
    def ents(self) -> list[tuple[int, int, str]]:
        """(start, end, label) of each entity, as ``doc.ents`` gives them (no Span objects):
        a B token with a label starts one, which runs over the I tokens after it."""
        iob, ent_type = self._label_columns[5], self.ent_type
        out = []
        for start in [i for i, code in enumerate(iob) if code == 3]:
            end = start + 1
            while end < self.n and iob[end] == 1:
                end += 1
            if ent_type[start]:
                out.append((start, end, ent_type[start]))
        return out

    # ------------------------------------------------------------ sentences

    @cached_property
    def sent_bounds(self) -> list[tuple[int, int]]:
        """(start, end) of each token's sentence, as ``token.sent`` gives it."""
        starts = [i for i, s in enumerate(self.sent_start) if s or i == 0]
        out: list[tuple[int, int]] = []
        for s, e in zip(starts, [*starts[1:], self.n], strict=True):
            out.extend([(s, e)] * (e - s))
        return out

    # ------------------------------------------------------------ characters

    def end_char(self, i: int) -> int:
        """Character offset just after token i."""
        return self.idx[i] + self.length[i]

    def span_text(self, i: int, j: int) -> str:
        """``doc[i:j].text``."""
        return self.doc_text[self.idx[i] : self.idx[j - 1] + self.length[j - 1]] if i < j else ""


def _lexeme_rows(doc: Doc, orth: list[int]) -> list[tuple[Any, ...]]:
    """(text, lower, flags...) of each token from the per-word cache; the doc's unseen words
    read from spaCy."""
    found = _lexeme_caches.get(id(doc.vocab))
    if found is None or found[0] is not doc.vocab:
        found = _lexeme_caches[id(doc.vocab)] = (doc.vocab, {})
    cache = found[1]
    try:
        return list(map(cache.__getitem__, orth))
    except KeyError:
        pass
    if len(cache) >= MAX_CACHED_ROWS:
        cache.clear()
    strings = doc.vocab.strings
    rows = []
    for h, low, *flags in doc.to_array(_LEXEME).tolist():
        row = cache.get(h)
        if row is None:
            row = cache[h] = (strings[h], strings[low], *flags)
        rows.append(row)
    return rows


def _labels(doc: Doc, hashes: list[int]) -> list[str]:
    """The strings of label hashes, from the process-wide cache."""
    try:
        return list(map(_label_cache.__getitem__, hashes))
    except KeyError:
        pass
    if len(_label_cache) >= MAX_CACHED_ROWS:
        _label_cache.clear()
        _label_cache[0] = ""
    strings = doc.vocab.strings
    for h in set(hashes) - _label_cache.keys():
        _label_cache[h] = strings[h]
    return list(map(_label_cache.__getitem__, hashes))


def token_table(doc: Doc) -> TokenTable:
    """The doc's TokenTable, built on first use (and again for a ``doc.copy()``, whose
    user_data still holds the original's table)."""
    table = doc.user_data.get(_KEY)
    if table is None or table._doc() is not doc:
        table = doc.user_data[_KEY] = TokenTable(doc)
    return table
