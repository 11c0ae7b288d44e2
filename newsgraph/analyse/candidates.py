"""Candidate reported-speech triples (cue, content, source) read off the dependency parse.

Every verb, noun or adjective can head an attribution in news ("said that ...",
"his support for ...", "is confident that ..."), so candidates are generated
generously here; ``learned.py`` scores them and ``indirect.py`` keeps the good ones.
Generation is linear in the number of tokens: each head looks at its children
only and subtrees are read through ``left_edge``/``right_edge``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from newsgraph.analyse.pipeline import doc_text

HEAD_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX", "PROPN"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "dative"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl"})
QUOTE_CHARS = frozenset('"“”„‟«»')
QUOTE_MARKS = QUOTE_CHARS | frozenset("'‘’`")
LEAD_SKIP = frozenset({"that", "whether", "if", ",", ":", "—", "–", "-", "'", "’"})


@dataclass
class Candidate:
    """One possible attribution: ``pieces`` are token ranges [start, end) of the content."""

    cue: Token
    shape: str  # how the content relates to the cue: "ccomp", "prep:for", "right", "according", ...
    pieces: list[tuple[int, int]]
    source: Token | None
    root: Token  # the content's syntactic head

    @property
    def first(self) -> int:
        return self.pieces[0][0]

    @property
    def last(self) -> int:
        return self.pieces[-1][1]

    @property
    def n_tokens(self) -> int:
        return sum(e - s for s, e in self.pieces)


def _trim(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Drop a leading complementiser/punctuation and trailing punctuation."""
    while s < e and (doc[s].is_punct or (doc[s].lower_ in LEAD_SKIP and doc[s].dep_ in ("mark", "punct"))):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].dep_ == "cc"):
        e -= 1
    return s, e


def _subtree(doc: Doc, tok: Token) -> tuple[int, int]:
    return _trim(doc, tok.left_edge.i, tok.right_edge.i + 1)


def source_of(cue: Token) -> Token | None:
    """The words naming who says or thinks: subject, passive agent, possessor, 'according to' object."""
    if cue.lower_ == "according":
        for prep in cue.children:
            if prep.lower_ == "to":
                return next((c for c in prep.children if c.dep_ == "pobj"), None)
        return None
    for c in cue.children:
        if c.dep_ in SUBJECT_DEPS:
            return _named_apposition(c)
    for c in cue.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "poss" and cue.pos_ == "NOUN":
            return c
    if cue.dep_ in ("acl", "relcl") and cue.pos_ == "VERB" and cue.tag_ in ("VBG", "VBN"):
        return cue.head  # "a report saying that ...", "a statement released by ..."
    if cue.dep_ in INHERIT_DEPS and cue.head.i != cue.i:
        for c in cue.head.children:
            if c.dep_ in SUBJECT_DEPS:
                return _named_apposition(c)
    return None


def _named_apposition(subj: Token) -> Token:
    """"One of the eight, Ho Ung Pae, announced": the person named in apposition speaks."""
    if subj.ent_type_ != "PERSON":
        for c in subj.children:
            if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and subj.pos_ != "PROPN")):
                return c
    return subj


def _right_span(doc: Doc, cue: Token) -> tuple[tuple[int, int], Token] | None:
    """Everything the cue governs to its right: "accused X of Y", "described X as Y"."""
    kids = [c for c in cue.rights if c.dep_ not in ("punct", "cc", "conj", "advmod", "npadvmod", "mark")]
    if not kids:
        return None
    return _trim(doc, kids[0].left_edge.i, kids[-1].right_edge.i + 1), kids[0]


def _minus(doc: Doc, outer: tuple[int, int], inner: tuple[int, int]) -> list[tuple[int, int]]:
    """``outer`` with the ``inner`` range cut out, each remaining piece trimmed."""
    out = []
    for s, e in ((outer[0], inner[0]), (inner[1], outer[1])):
        s, e = _trim(doc, s, e)
        if e > s:
            out.append((s, e))
    return out


def candidates_for(cue: Token) -> Iterator[Candidate]:
    doc = cue.doc
    low = cue.lower_
    if low == "according":
        # "according to X, <content>" / "<content>, according to X"
        head = cue.head
        if head.i == cue.i:
            return
        pieces = _minus(doc, (head.left_edge.i, head.right_edge.i + 1), (cue.left_edge.i, cue.right_edge.i + 1))
        if pieces:
            yield Candidate(cue, "according", pieces, source_of(cue), head)
        return
    if cue.pos_ not in HEAD_POS:
        return
    source = source_of(cue)
    for c in cue.children:
        dep = c.dep_
        if dep in CLAUSE_DEPS:
            s, e = _subtree(doc, c)
            if e > s:
                yield Candidate(cue, dep, [(s, e)], source, c)
        elif dep == "prep" and c.i > cue.i:
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    s, e = _subtree(doc, g)
                    if e > s:
                        yield Candidate(cue, "prep:" + c.lower_, [(s, e)], source, g)
    right = _right_span(doc, cue)
    if right is not None and right[0][1] > right[0][0]:
        yield Candidate(cue, "right", [right[0]], source, right[1])
    # inverted "<content>, X said" and parenthetical "<A>, X said, <B>": the parser hangs
    # the cue under the content's verb
    if cue.pos_ == "VERB" and source is not None and source.head.i == cue.i and cue.head.i != cue.i:
        after = cue.head.i > cue.i
        if (cue.dep_ == "parataxis" or (not after and cue.dep_ in ("ccomp", "advcl", "conj"))) and not any(
            c.dep_ == "ccomp" for c in cue.children
        ):
            head = cue.head
            pieces = _minus(doc, (head.left_edge.i, head.right_edge.i + 1), (cue.left_edge.i, cue.right_edge.i + 1))
            if pieces:
                yield Candidate(cue, "parenthetical" if after else "inverted", pieces, source, head)


def _is_mark(tok: Token) -> bool:
    return all(ch in QUOTE_MARKS for ch in tok.text)


def has_quote_mark(doc: Doc, cand: Candidate, *, edges: bool = True) -> bool:
    """A quotation mark inside the content or, with ``edges``, at its edge (‘“A,” he said’).

    Pass ``edges=False`` when the cue itself is inside a quotation: the marks around
    the content are then the enclosing quotation's.
    """
    starts = _quote_tokens(doc)
    for s, e in cand.pieces:
        k = bisect.bisect_left(starts, s)
        if k < len(starts) and starts[k] < e:
            return True
    if not edges:
        return False
    around = (cand.first - 1, cand.last, cand.last + 1)
    return any(0 <= i < len(doc) and _is_mark(doc[i]) for i in around)


_QUOTE_TOKENS_KEY = "newsgraph_quote_tokens"
_QUOTE_CHAR_RX = re.compile("[" + re.escape("".join(sorted(QUOTE_CHARS))) + "]")


def _quote_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens that start with a double quotation mark, once per doc: a doc has
    hundreds of candidates and each would otherwise scan its content token by token."""
    found = doc.user_data.get(_QUOTE_TOKENS_KEY)
    if found is None:
        text = doc_text(doc)
        marks = {m.start() for m in _QUOTE_CHAR_RX.finditer(text)}
        found = [i for i, idx in enumerate(doc.to_array(IDX).tolist()) if idx in marks] if marks else []
        doc.user_data[_QUOTE_TOKENS_KEY] = found
    return found  # type: ignore[no-any-return]


def char_pieces(doc: Doc, cand: Candidate) -> list[tuple[int, int]]:
    return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in cand.pieces]


def generate(doc: Doc) -> Iterator[Candidate]:
    """All candidates; some have no source ("plans call for ..."), which the model weighs."""
    for tok in doc:
        yield from candidates_for(tok)
