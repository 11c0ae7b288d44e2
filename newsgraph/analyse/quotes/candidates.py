"""Candidate reported-speech triples (cue, content, source) read off the dependency parse.

Every verb, noun or adjective can head an attribution in news ("said that ...",
"his support for ...", "is confident that ..."), so candidates are generated
generously here; ``quotes/indirect_model.py`` scores them and ``indirect.py`` keeps the good ones.
Generation is linear in the number of tokens: each head looks at its children
only and subtrees are read through the left and right edges. It works on the doc's
token attributes as int and string lists (``token_table``, ``tree_edges``), not on
spaCy ``Token`` objects, which cost a new Python object per look-up; a candidate
gives Tokens (``cue``, ``source``, ``root``) only when asked.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.analyse.base.spans import trails_words
from newsgraph.analyse.base.token_table import TokenTable, token_table
from newsgraph.analyse.base.tree_edges import TreeEdges, tree_edges

HEAD_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX", "PROPN"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "dative"})
SOURCE_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
"""Dependencies that make a token a candidate source (a clausal subject included, as PolNeAR annotates)."""
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl"})
QUOTE_CHARS = frozenset('"“”„‟«»')
QUOTE_MARKS = QUOTE_CHARS | frozenset("'‘’`")
LEAD_SKIP = frozenset({"that", "whether", "if", ",", ":", "—", "–", "-", "'", "’"})
RIGHT_SKIP = frozenset({"punct", "cc", "conj", "advmod", "npadvmod", "mark"})
WH_RELATIVES = frozenset({"who", "whom", "whose", "which"})
SPEAKING_PASSIVES = frozenset({"quote", "cite", "hear", "record", "film", "overhear"})
"""Passive cues whose subject still says the words ("he was quoted as saying"); of any other
passive cue ("officials are accused of", "staff are said to", "a plan was criticised") the
subject is what the words are about, never who says them."""
PERMISSIONS = frozenset({"entitle", "entitled", "unable", "eligible"})
"""Heads of an infinitive that tell what one may do ("was entitled to declare …")."""
ADDRESSING = frozenset({"tell", "warn", "assure", "remind", "inform", "brief", "urge", "advise", "ask", "promise"})
"""Cues whose object is the one spoken to ("…, she told reporters")."""
SAYING_VERBS = frozenset({"say", "tell", "write", "add", "state", "claim", "warn"})
"""Verbs that make a passive cue report its subject's words ("was reported as saying")."""


def is_passive_target(cue: Token, subj: Token) -> bool:
    """``officials are accused of …``, ``a plan which was aimed at "…"``: the passive cue's
    own subject is its target, not its speaker (but "he was reported as saying": his words)."""
    if subj.dep_ != "nsubjpass" or subj.head != cue or cue.lemma_.lower() in SPEAKING_PASSIVES:
        return False
    doc = cue.doc
    return not any(doc[j].lemma_.lower() in SAYING_VERBS and cue.is_ancestor(doc[j]) for j in range(cue.i + 1, min(len(doc), cue.i + 5)))


def name_after_parenthetical_cue(cue: Token) -> Token | None:
    """The person named right after a cue set off by a comma, the name itself set off by the
    next comma (``X's comments, said Ann Lee of Acme, were …``): the speaker, whatever the
    parser made the subject (not "…, believes Ann Lee fits the bill": Lee is talked about)."""
    doc = cue.doc
    k = cue.i + 1
    if cue.i == 0 or doc[cue.i - 1].text != "," or cue.pos_ != "VERB" or k >= len(doc) or doc[k].ent_type_ != "PERSON":
        return None
    while k + 1 < len(doc) and doc[k + 1].ent_type_ == "PERSON" and doc[k].head.i == k + 1:
        k += 1
    for t in doc[k + 1 : min(len(doc), k + 12)]:
        if t.text == ",":
            return doc[k]
        if t.pos_ in ("VERB", "AUX") or t.is_sent_start or t.is_quote:
            return None
    return None


@dataclass
class Candidate:
    """One possible attribution: ``pieces`` are token ranges [start, end) of the content;
    the cue, source (-1: none) and content head are token indices into ``doc``."""

    doc: Doc = field(repr=False)
    cue_i: int
    shape: str  # how the content relates to the cue: "ccomp", "prep:for", "right", "according", ...
    pieces: list[tuple[int, int]]
    source_i: int  # -1: no source
    root_i: int  # the content's syntactic head

    @property
    def cue(self) -> Token:
        return self.doc[self.cue_i]

    @property
    def source(self) -> Token | None:
        """Who says it: not the target a passive cue's subject is ("officials are accused of"),
        though the model still reads that subject as the candidate's source."""
        if self.source_i < 0:
            return None
        src, cue = self.doc[self.source_i], self.cue
        own = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
        if own is not None and is_passive_target(cue, own) and src in (own, cue.head):
            return None
        if agent_speaks(cue, src):
            return passive_agent(cue.head)  # "Lee is being sued by his ex-partner, claiming …": hers
        return src

    @property
    def root(self) -> Token:
        return self.doc[self.root_i]

    @property
    def first(self) -> int:
        return self.pieces[0][0]

    @property
    def last(self) -> int:
        return self.pieces[-1][1]

    @property
    def n_tokens(self) -> int:
        return sum(e - s for s, e in self.pieces)


ELICITING = frozenset({"ask", "interview", "question", "quiz", "press", "quote", "cite", "approach", "contact", "invite", "tell"})
"""Passive verbs whose subject answers: "Lee was asked by reporters, saying …" (Lee says)."""


def passive_agent(verb: Token) -> Token | None:
    """Who does a passive verb's action: the X of "by X" (None when not said)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def agent_speaks(cue: Token, subj: Token) -> bool:
    """"Lee is being sued by his ex-partner, claiming …": a participle on a passive verb done to
    its subject is the agent's words (not after an eliciting verb, "was asked by …, saying", nor
    with no agent named, "Lee was cleared on Monday, saying …")."""
    verb = cue.head
    return cue.tag_ == "VBG" and subj.dep_ == "nsubjpass" and subj.head.i == verb.i and verb.i != cue.i \
        and verb.lemma_.lower() not in ELICITING and passive_agent(verb) is not None


class _Parse:
    """The look-ups candidate generation needs, bound once per doc."""

    def __init__(self, doc: Doc) -> None:
        t: TokenTable = token_table(doc)
        e: TreeEdges = tree_edges(doc)
        self.doc = doc
        self.n = t.n
        self.lower, self.pos, self.tag, self.dep, self.ent_type = t.lower, t.pos, t.tag, t.dep, t.ent_type
        self.head, self.is_punct = t.head, t.is_punct
        self.is_space = [s.isspace() for s in t.text]
        self.left, self.right, self.children = e.left, e.right, e.children

    def trim(self, s: int, e: int) -> tuple[int, int]:
        """Drop a leading complementiser/punctuation and trailing punctuation (``trails_words``)."""
        lower, dep, punct = self.lower, self.dep, self.is_punct
        while s < e and (punct[s] or (lower[s] in LEAD_SKIP and dep[s] in ("mark", "punct"))):
            s += 1
        while e > s and (trails_words(lower[e - 1], bool(punct[e - 1]), self.is_space[e - 1]) or dep[e - 1] == "cc"):
            e -= 1
        return s, e

    def subtree(self, i: int) -> tuple[int, int]:
        return self.trim(self.left[i], self.right[i] + 1)

    def minus(self, outer: int, inner: int) -> list[tuple[int, int]]:
        """The subtree of ``outer`` with that of ``inner`` cut out, each remaining piece trimmed."""
        out = []
        for s, e in ((self.left[outer], self.left[inner]), (self.right[inner] + 1, self.right[outer] + 1)):
            s, e = self.trim(s, e)
            if e > s:
                out.append((s, e))
        return out

    def source_of(self, cue: int) -> int:
        """The words naming who says or thinks: subject, passive agent, possessor, 'according to'
        object (-1: none)."""
        lower, dep, children = self.lower, self.dep, self.children
        if lower[cue] == "according":
            for prep in children[cue]:
                if lower[prep] == "to":
                    return next((c for c in children[prep] if dep[c] == "pobj"), -1)
            return -1
        kids = children[cue]
        subjects = [c for c in kids if dep[c] in SOURCE_DEPS]
        after = [c for c in subjects if self.left[c] == cue + 1]
        if len(subjects) > 1 and after and cue > 0 and self.is_punct[cue - 1]:
            return self.named_apposition(after[0])  # "This, said Lee, would help": Lee, not "This"
        named_after = name_after_parenthetical_cue(self.doc[cue]) if cue > 0 and self.lower[cue - 1] == "," else None
        if named_after is not None and self.inverted_name(cue) is None and all(self.ent_type[c] != "PERSON" and self.pos[c] != "PRON" for c in subjects):
            return named_after.i  # "The ministers' comments, said Ann Lee of Acme, were …": Lee's words
        said_as = self.as_aside(cue)
        if said_as >= 0 and subjects:
            return said_as
        for c in subjects:
            return self.named_apposition(c)
        for c in kids:
            if dep[c] == "agent":
                return next((g for g in children[c] if dep[g] == "pobj"), -1)
            if dep[c] == "poss" and self.pos[cue] == "NOUN":
                return c
        if dep[cue] in ("acl", "relcl") and self.pos[cue] == "VERB" and self.tag[cue] in ("VBG", "VBN"):
            return self.head[cue]  # "a report saying that ...", "a statement released by ..."
        head = self.head[cue]
        if dep[cue] in INHERIT_DEPS and head != cue:
            for c in children[head]:
                if dep[c] in SOURCE_DEPS:
                    return self.named_apposition(c)
        return -1

    def as_aside(self, cue: int) -> int:
        """"Hawaii, as one of his advisers pointed out, rarely gets …" parsed with "as X" on the
        cue or on its subject, or with X as a second subject: X says it (-1: no such aside). X is
        the phrase between ", as" and the cue."""
        lower, dep, children = self.lower, self.dep, self.children
        subjects = [c for c in children[cue] if dep[c] in SOURCE_DEPS]
        for x in (*children[cue], *(g for c in subjects for g in children[c])):
            if dep[x] == "prep" and lower[x] == "as" and self.right[x] == cue - 1 and x >= 2 and lower[x - 1] == ",":
                return next((g for g in children[x] if dep[g] == "pobj"), -1)  # "as" on the cue or the subject
        for c in subjects:
            start = self.left[c]
            if self.right[c] == cue - 1 and start >= 2 and lower[start - 1] == "as" and lower[start - 2] == ",":
                return c  # "Iceland, as one of …": the parse made the name a second subject
        return -1

    def name_after_cue_speaks(self, cue: int, clause: int) -> bool:
        """After an inverted cue, the clause's subject is the name right after it, with a
        description of its own ("…," said Ann Lee, a farmer, told …")."""
        if not any(self.doc[j].is_quote for j in range(max(cue - 2, 0), cue)):
            return False  # '"…," said': the quotation before the cue is what was said
        return any(self.dep[k] in SOURCE_DEPS and cue < k and all(self.pos[j] == "PROPN" for j in range(cue + 1, k + 1))
                   and any(self.dep[a] == "appos" for a in self.children[k]) for k in self.children[clause])

    def took_a_thing(self, cue: int, obj: int) -> bool:
        """"…, Jones adding the conversion": a cue with a thing for its object did that, and
        reports none of the words around it (one told, "…, she told reporters", does not count)."""
        lemma = self.doc[cue].lemma_.lower()
        return self.dep[obj] == "dobj" and self.pos[obj] == "NOUN" and lemma in SAYING_VERBS and lemma not in ADDRESSING

    def inverted_name(self, cue: int) -> tuple[int, int] | None:
        """ "Often, said Ann Lee, the data was lost": the parser hangs the name after an inverted
        cue on the clause; (the name's head token, where the content starts after its comma)."""
        if cue == 0 or not self.is_punct[cue - 1] or self.pos[cue] != "VERB":
            return None
        k = cue + 1
        while k < self.n and (self.pos[k] == "PROPN" or self.ent_type[k] == "PERSON"):
            k += 1
        if k == cue + 1 or k >= self.n or self.lower[k] != ",":
            return None
        return k - 1, k + 1

    def named_apposition(self, subj: int) -> int:
        """"One of the eight, Ho Ung Pae, announced": the person named in apposition speaks."""
        ent, pos = self.ent_type, self.pos
        if ent[subj] != "PERSON":
            for c in self.children[subj]:
                if self.dep[c] == "appos" and (ent[c] == "PERSON" or (pos[c] == "PROPN" and pos[subj] != "PROPN")):
                    return c
        return subj

    def right_span(self, cue: int) -> tuple[tuple[int, int], int] | None:
        """Everything the cue governs to its right: "accused X of Y", "described X as Y"."""
        kids = [c for c in self.children[cue] if c > cue and self.dep[c] not in RIGHT_SKIP
                and not self.wh_relative_clause(c)]
        if not kids:
            return None
        return self.trim(self.left[kids[0]], self.right[kids[-1]] + 1), kids[0]

    def wh_relative_clause(self, c: int) -> bool:
        """ "a local man who ordered ...": a clause describing the cue word, not what it reports
        ("that" clauses stay: the parser also labels "the claim that ..." a relative clause)."""
        return self.dep[c] == "relcl" and self.lower[self.left[c]] in WH_RELATIVES

    def candidates_for(self, cue: int) -> Iterator[Candidate]:
        doc, dep, children = self.doc, self.dep, self.children
        if self.lower[cue] == "according":
            # "according to X, <content>" / "<content>, according to X"
            head = self.head[cue]
            if head == cue:
                return
            pieces = self.minus(head, cue)
            if pieces:
                yield Candidate(doc, cue, "according", pieces, self.source_of(cue), head)
            return
        pos = self.pos[cue]
        if pos not in HEAD_POS or self.dep[cue] == "xcomp" and doc[self.head[cue]].lemma_.lower() in PERMISSIONS:
            return  # "a court was entitled to declare it bankrupt": what one may do, not what was said
        source = self.source_of(cue)
        inverted_name = self.inverted_name(cue) if source < 0 else None
        if inverted_name is not None:
            source = inverted_name[0]
        for c in children[cue]:
            d = dep[c]
            if d in CLAUSE_DEPS:
                s, e = self.subtree(c)
                if d == "ccomp" and self.name_after_cue_speaks(cue, c):
                    continue  # '"…," said Ann Lee, a farmer from Edo told Reuters': the name's own description
                if inverted_name is not None and d == "ccomp" and s < inverted_name[1] <= e:
                    s, e = self.trim(inverted_name[1], e)
                if e > s:
                    yield Candidate(doc, cue, d, [(s, e)], source, c)
            elif d == "prep" and c > cue:
                for g in children[c]:
                    if dep[g] in ("pobj", "pcomp"):
                        s, e = self.subtree(g)
                        if e > s:
                            yield Candidate(doc, cue, "prep:" + self.lower[c], [(s, e)], source, g)
        right = self.right_span(cue)
        if right is not None and self.name_after_cue_speaks(cue, right[1]):
            right = None  # '"…," said Ann Lee, a farmer from Edo told Reuters': the name's own description
        if right is not None and inverted_name is not None and right[0][0] < inverted_name[1] <= right[0][1]:
            right = self.trim(inverted_name[1], right[0][1]), right[1]
        if right is not None and right[0][1] > right[0][0]:
            yield Candidate(doc, cue, "right", [right[0]], source, right[1])
        # inverted "<content>, X said" and parenthetical "<A>, X said, <B>": the parser hangs
        # the cue under the content's verb
        head = self.head[cue]
        if pos == "VERB" and source >= 0 and self.head[source] == cue and head != cue:
            after = head > cue
            d = dep[cue]
            if (d == "parataxis" or (not after and d in ("ccomp", "advcl", "conj"))) and not any(
                dep[c] == "ccomp" or self.took_a_thing(cue, c) for c in children[cue]
            ):
                pieces = self.minus(head, cue)
                if pieces:
                    yield Candidate(doc, cue, "parenthetical" if after else "inverted", pieces, source, head)


def has_quote_mark(doc: Doc, cand: Candidate, *, edges: bool = True) -> bool:
    """A quotation mark inside the content or, with ``edges``, at its edge (‘“A,” he said’).

    Pass ``edges=False`` when the cue itself is inside a quotation: the marks around
    the content are then the enclosing quotation's.
    """
    starts, marks = _quote_tokens(doc)
    for s, e in cand.pieces:
        k = bisect.bisect_left(starts, s)
        if k < len(starts) and starts[k] < e:
            return True
    if not edges:
        return False
    if cand.first - 1 in marks:
        return True
    # a mark after the content counts when it closes it ('"A," he said'), not when it opens
    # the next sentence ('He says A. "B ...'): no sentence may start before it
    sent_start = token_table(doc).sent_start
    n = len(sent_start)
    for j in (cand.last, cand.last + 1):
        if j >= n or sent_start[j]:
            return False
        if j in marks:
            return True
    return False


_QUOTE_TOKENS_KEY = "newsgraph_quote_tokens"
_QUOTE_CHAR_RX = re.compile("[" + re.escape("".join(sorted(QUOTE_CHARS))) + "]")


def _quote_tokens(doc: Doc) -> tuple[list[int], frozenset[int]]:
    """Once per doc (a doc has hundreds of candidates): the indices of the tokens that start
    with a double quotation mark, and of those made of quotation marks only."""
    found = doc.user_data.get(_QUOTE_TOKENS_KEY)
    if found is None:
        t = token_table(doc)
        marks = {m.start() for m in _QUOTE_CHAR_RX.finditer(t.doc_text)}
        starts = [i for i, idx in enumerate(t.idx) if idx in marks] if marks else []
        only = frozenset(i for i, s in enumerate(t.text) if s[:1] in QUOTE_MARKS and all(ch in QUOTE_MARKS for ch in s))
        found = doc.user_data[_QUOTE_TOKENS_KEY] = (starts, only)
    return found


def char_pieces(doc: Doc, cand: Candidate) -> list[tuple[int, int]]:
    t = token_table(doc)
    return [(t.idx[s], t.end_char(e - 1)) for s, e in cand.pieces]


def generate(doc: Doc) -> Iterator[Candidate]:
    """All candidates; some have no source ("plans call for ..."), which the model weighs."""
    parse = _Parse(doc)
    pos, lower = parse.pos, parse.lower
    for i in range(parse.n):
        if pos[i] in HEAD_POS or lower[i] == "according":  # no other token heads a candidate
            yield from parse.candidates_for(i)
