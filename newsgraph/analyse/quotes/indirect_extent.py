"""The extent of reported speech: what the speaker said, in the right words.

The parse gives the content of ``X said …`` as one subtree (``candidates.py``); where the parser
attaches a word to the wrong head the subtree says something else than the speaker did: the
subject goes missing ("told the BBC Liverpool were unlikely to win" read as "were unlikely to
win"), a clause is cut in two ("the plan would mean no-one … | could become a judge"), or the
journalist's words run on after the report (", adding that …", ", while rivals …", ", only to
…"). ``mend_pieces`` repairs these on the chosen candidate; the model scored the parse as is.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.analyse.base.cues import cue_lemmas
from newsgraph.analyse.quotes.candidates import Candidate

SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
CONTRASTS = frozenset({"while", "whereas", "though", "although"})
"""Marks of a clause the journalist adds after a report ("…, while rivals are said to be angry")."""
KEPT_MARKS = frozenset({"if", "unless", "whether"})
"""A condition stays part of what was said when the cue stands inside the clause ("In fact, he
said, if buyers ask for it, …")."""
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

Pieces = list[tuple[int, int]]


def _trailing(tok: Token) -> bool:
    """Punctuation or space a reported clause does not end on; not a "%" ("by 30%" is not "by 30")."""
    return tok.is_space or tok.is_punct and tok.lower_ != "%"


def _inside(i: int, pieces: Pieces) -> bool:
    return any(s <= i < e for s, e in pieces)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in tok.children)


def _finite(tok: Token) -> bool:
    """A verb with a tense: its own tag or a tensed auxiliary ("were being learned", "will win")."""
    return tok.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in tok.children)


def _subject_before(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """Put back a subject the parse left outside the content: the cue's second subject before an
    inverted cue ("The hard part, said Ms Ray, was grammar") or the cue's object that is the
    reported clause's subject ("told the BBC Liverpool were unlikely to win")."""
    cue, root = cand.cue, cand.root
    if cand.shape in ("parenthetical", "inverted"):
        for c in cue.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != cand.source_i and c.i < cue.i and not _inside(c.i, pieces):
                s, e = c.left_edge.i, min(c.right_edge.i + 1, cue.i)
                while e > s and _trailing(doc[e - 1]):
                    e -= 1
                return sorted([(s, e), *pieces]) if e > s else pieces
        return pieces
    lost = object_as_subject(cue, root) if cand.shape == "ccomp" else None
    if lost is not None and lost.i == pieces[0][0] - 1:
        return [(lost.i, pieces[0][1]), *pieces[1:]]
    return pieces


def object_as_subject(cue: Token, clause: Token) -> Token | None:
    """The cue's object right before its reported clause when that clause has no subject: the
    clause's subject the parse took as the object ("told the BBC Liverpool were unlikely",
    "pledged childcare would be a …")."""
    if clause.dep_ != "ccomp" or clause.head.i != cue.i or _has_subject(clause) or not _finite(clause):
        return None
    start = clause.left_edge.i
    before = cue.doc[start - 1] if start > 0 else None
    if before is None or before.head.i != cue.i or before.dep_ not in ("dobj", "dative"):
        return None
    return before if before.pos_ in ("PROPN", "NOUN") else None


def _clause_run_on(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """A second clause of the cue right after the content and without a subject of its own
    continues it ("says the plan would mean no-one from a poor family | could become a judge")."""
    if cand.shape != "ccomp" or len(pieces) != 1:
        return pieces
    s, e = pieces[0]
    for c in cand.cue.children:
        if c.dep_ == "ccomp" and c.i != cand.root_i and c.left_edge.i == e and not _has_subject(c):
            end = c.right_edge.i + 1
            while end > e and _trailing(doc[end - 1]):
                end -= 1
            return [(s, end)]
    return pieces


def _journalist_tail(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """Cut the content before a comma that opens the journalist's words: another speech verb
    (", adding that …", ", saying …"), an outcome (", only to change his story"), or a contrast
    hung on the cue (", while rivals are said to be angry")."""
    s, e = pieces[-1]
    for i in range(s + 1, e - 1):
        if doc[i].text != ",":
            continue
        nxt = doc[i + 1]
        clause = nxt.head if nxt.dep_ in ("mark", "advmod", "aux") else nxt
        speech_verb = nxt.tag_ == "VBG" and nxt.lemma_.lower() in cue_lemmas() and nxt.dep_ in ("advcl", "conj")
        outcome = nxt.lower_ == "only" and i + 2 < len(doc) and doc[i + 2].lower_ == "to"
        contrast = nxt.lower_ in CONTRASTS and clause.head.i == cand.cue_i
        if speech_verb or outcome or contrast:
            cut = i
            while cut > s and _trailing(doc[cut - 1]):
                cut -= 1
            return [*pieces[:-1], (s, cut)] if cut > s else pieces
    return pieces


def _kept_condition(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"A, he said, if B, C": the "if" after the parenthetical cue is part of what was said."""
    if cand.shape != "parenthetical" or len(pieces) < 2:
        return pieces
    out = [pieces[0]]
    for s, e in pieces[1:]:
        if s > 0 and doc[s - 1].lower_ in KEPT_MARKS and doc[s - 1].dep_ == "mark":
            s -= 1
        out.append((s, e))
    return out


def mend_pieces(cand: Candidate) -> Pieces:
    """The candidate's content pieces (token ranges) with its subject, its run-on clause and its
    condition put back and the journalist's tail cut off."""
    doc = cand.doc
    pieces = list(cand.pieces)
    for mend in (_subject_before, _clause_run_on, _kept_condition, _journalist_tail):
        pieces = mend(doc, cand, pieces)
    return pieces
