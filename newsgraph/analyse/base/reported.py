"""Whether a cue's subject is talked about inside what another cue reports ("Lee said the plan
Reyes drew up …", "Lee noted that Reyes refused …"): such a subject is not the one speaking, so
a pronoun ("he", "they", "it") looking back for the last speaker passes over it. Shared by the
person (``quotes.coreference``) and the organisation (``quotes.non_person_speakers``) look-backs.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyse.base.cues import SUBJECT_DEPS, cue_indices, cue_subject

_PERSONAL = frozenset({"he", "she", "him", "her"})


def reported_inside(subj: Token, *, by_anyone: bool = False) -> bool:
    """``subj`` is the subject (or the agent of a modifier: "the cuts proposed by X", "a plan X drew
    up") of a clause inside what another cue reports: X is talked about, not speaking. A subject
    of a reported clause counts when the reporting cue's subject is a person ("Lee said the case was
    not as grave as Reyes believed"); ``by_anyone``: only the subject of a clause inside a "that"
    clause any cue with a subject reports ("Democrats noted that Reyes …")."""
    verb = subj.head.head if subj.dep_ == "pobj" and subj.head.dep_ == "agent" else subj.head
    cues = set(cue_indices(subj.doc))
    if _reported_after_split(subj):
        return True
    if by_anyone:
        return subj.dep_ in SUBJECT_DEPS and _in_reported_clause(verb, cues)
    if verb.dep_ in ("advcl", "ccomp") and subj.dep_ in SUBJECT_DEPS:
        return any(a.i in cues and _reported_by_someone(a) for a in verb.ancestors)
    if verb.dep_ not in ("acl", "relcl"):
        return False
    return any(a.i in cues for a in verb.ancestors)


def _in_reported_clause(verb: Token, cues: set[int]) -> bool:
    """``verb`` heads, or sits inside, a clause a cue reports (a "that" clause: "Democrats noted that
    Reyes refused"), not an adverbial one beside it ("Although Acme backs it, it indicated …")."""
    node, crossed = verb, False
    while node.head.i != node.i:
        crossed = crossed or node.dep_ == "ccomp"
        node = node.head
        if crossed and node.i in cues and cue_subject(node) is not None:
            return True
    return False


def _reported_after_split(subj: Token) -> bool:
    """``subj`` opens what a cue reports, in a "sentence" the parser split off the cue's own
    ("Lee told the radio programme | Reyes had refused the change"): the sentence before ends in
    no full stop and its main verb is a cue with nothing reported after it."""
    sent = subj.sent
    doc = subj.doc
    if sent.start == 0 or subj.i - sent.start > 3:
        return False
    last = doc[sent.start - 1]
    while last.is_space and last.i > 0:
        last = doc[last.i - 1]
    if last.is_punct or "\n" in doc[last.i : sent.start].text:
        return False
    root = last.sent.root
    return root.i in set(cue_indices(doc)) and not any(c.dep_ in ("ccomp", "xcomp") for c in root.children)


def _reported_by_someone(cue: Token) -> bool:
    """The cue's subject is a person ("Lee said"), not a rumour or a report ("rumours suggested");
    a name the tagger gave another type ("shadow chancellor Ann Lee warned") is someone too."""
    subj = cue_subject(cue)
    return subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in _PERSONAL or subj.pos_ == "PROPN")
