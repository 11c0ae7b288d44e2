"""Events: what each resolved date governs, with its participants and places.

The event of a date is the clause its phrase attaches to in the parse: climb from
the date to the nearest finite clause head (through "to study", participles and
prepositions), take that clause without its comma-separated side clauses, keep the
subject of a bare conjunct ("he remained … and died in 1993") and the noun a
relative clause describes ("the Koreans Stalin deported in 1937"), and drop the
date phrase itself when it sits at an edge.  A date that modifies a noun ("its 1980
Gwangju Uprising") dates that noun phrase.  Quotations are events too, dated by a
date in their attribution ("said on Sunday") or else by the article.

Participants are the people and organisations (``doc._.entities``) mentioned in the
event, places the GPE/LOC/FAC ones.  The timeline keeps dated events only, ordered
by date (``timevalues.sort_key``) then position.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from newsgraph.analyse import timevalues as tv
from newsgraph.analyse.pipeline import doc_text
from newsgraph.model import Entity, Event, Quote, TimeExpression

PARTICIPANT_TYPES = {"PERSON", "ORG"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
CLAUSE_HEADS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "xcomp", "acl"}
SIDE_CLAUSES = {"advcl", "parataxis", "punct", "discourse", "intj"}
NOUN_MODIFIERS = {"compound", "nummod", "amod", "nmod", "poss", "quantmod"}
NP_DROP = {"relcl", "acl", "appos", "punct", "cc", "conj", "parataxis"}
LEADING_DROP = {"cc", "mark", "punct"}
RELATIVE_WORDS = {"who", "which", "that", "whom", "whose"}
UNDATED_GRANULARITIES = {"century"}
MIN_WORDS = 3


class MentionIndex:
    """Entity mentions by position, for "which entities are named inside this span"."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        # Key on the span only: two entities may share one (an Entity does not order).
        items = sorted(((s, e, ent) for ent in entities for s, e in ent.mentions), key=lambda x: (x[0], x[1]))
        self.starts = [s for s, _, _ in items]
        self.items = items

    def inside(self, start: int, end: int, types: set[str], *, overlap: bool = False) -> list[str]:
        """Names of ``types`` mentioned within [start, end) (or overlapping it, with ``overlap``)."""
        names: list[str] = []
        i = bisect.bisect_left(self.starts, start - (200 if overlap else 0))
        while i < len(self.items) and self.items[i][0] < end:
            s, e, ent = self.items[i]
            fits = (e > start) if overlap else (s >= start and e <= end)
            if fits and ent.type in types and ent.name not in names:
                names.append(ent.name)
            i += 1
        return names


def _is_finite_clause(tok: Token) -> bool:
    """A clause that can carry an event on its own: the root, or a verb with its own subject or tense."""
    if tok.dep_ == "ROOT":
        return True
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in CLAUSE_HEADS:
        return False
    if any(c.dep_.startswith(("nsubj", "csubj", "expl")) for c in tok.children):
        return True
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in tok.children):
        return True
    return tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ", "VBP")


def _finite_head(tok: Token, sent: Span) -> tuple[Token, set[int]]:
    """The nearest finite clause above ``tok`` and the token path to it (through "to study", participles)."""
    cur = tok
    path = {cur.i}
    for _ in range(16):
        if _is_finite_clause(cur):
            return cur, path
        if cur.head is cur or not (sent.start <= cur.head.i < sent.end):
            return cur, path
        cur = cur.head
        path.add(cur.i)
    return cur, path


def _kept_tokens(head: Token, path: set[int], drop: set[str]) -> list[int]:
    """``head``'s subtree without the side clauses (``drop``) that do not lead to the date."""
    kept: list[int] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        kept.append(tok.i)
        for c in tok.children:
            if c.dep_ in drop and c.i not in path:
                continue
            stack.append(c)
    return kept


def _date_phrase(doc: Doc, t: TimeExpression) -> tuple[int, int] | None:
    """Token range of the date with its preposition and modifiers ("in 1958", "until now", "even now")."""
    span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    lo, hi = min(span.start, root.left_edge.i), max(span.end, root.right_edge.i + 1)
    if hi - lo > len(span) + 2:
        lo, hi = span.start, span.end
    if lo > 0 and doc[lo - 1].pos_ == "ADP" and (root.head.i == lo - 1 or span.start <= doc[lo - 1].head.i < hi):
        lo -= 1
    elif lo > 0 and root.head.i == lo - 1 and root.head.dep_ == "prep":
        lo -= 1
    return lo, hi


def clause_of(doc: Doc, t: TimeExpression) -> tuple[int, int, Token] | None:
    """Char span of the clause (or noun phrase) a date governs, and its head token."""
    span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    root = span.root
    noun_phrase = root.dep_ in NOUN_MODIFIERS and root.head.pos_ in ("NOUN", "PROPN") and not (
        span.start <= root.head.i < span.end)
    if noun_phrase:  # "its 1980 Gwangju Uprising": the date stays in the phrase it modifies
        head = root.head
        kept = _kept_tokens(head, {root.i, head.i}, NP_DROP)
    else:
        head, path = _finite_head(root, sent)
        kept = _kept_tokens(head, path, SIDE_CLAUSES)
    lo, hi = min(kept), max(kept) + 1
    if head.pos_ in ("VERB", "AUX") and head.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in head.children):
        subj = [c for c in head.head.children if c.dep_.startswith("nsubj")]
        if subj:
            lo = min(lo, subj[0].left_edge.i)
    if head.dep_ == "relcl" and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        subj = [c for c in head.children if c.dep_.startswith("nsubj")]
        if not subj or subj[0].lower_ in RELATIVE_WORDS:
            lo = min(lo, head.head.left_edge.i)
    lo, hi = max(lo, sent.start), min(hi, sent.end)
    phrase = None if noun_phrase else _date_phrase(doc, t)
    if phrase:
        p_lo, p_hi = phrase
        if p_hi >= hi and p_lo > lo:
            hi = p_lo
        elif p_lo <= lo and p_hi < hi:
            lo = p_hi
    while lo < hi and (doc[lo].is_space or doc[lo].dep_ in LEADING_DROP or doc[lo].tag_ == "WRB"):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space
                       or doc[hi - 1].pos_ in ("CCONJ", "SCONJ", "ADP", "DET")):
        hi -= 1  # nothing dangles: "which occurred Tuesday afternoon as"
    if sum(not doc[i].is_punct for i in range(lo, hi)) < MIN_WORDS:
        lo, hi = sent.start, sent.end  # too little to stand alone ("2005 levels"): the sentence
        while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].is_punct):
            hi -= 1
    if hi <= lo:
        return sent.start_char, sent.end_char, head
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text), head


def _core(tok: Token) -> list[Token]:
    """A noun phrase's naming tokens: the head, its compounds and conjuncts (not possessors or appositions)."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("compound", "flat", "conj"):
            out.extend(_core(c))
    return out


def _main_subject_names(head: Token, mentions: MentionIndex) -> list[str]:
    """For "X was a fan who ordered …": X, the subject the described noun is said of."""
    noun = head.head if head.dep_ == "relcl" else None
    if noun is None or noun.dep_ not in ("attr", "appos", "dobj"):
        return []
    for c in noun.head.children:
        if c.dep_.startswith("nsubj"):
            names: list[str] = []
            for tok in _core(c):
                for n in mentions.inside(tok.idx, tok.idx + len(tok.text), PARTICIPANT_TYPES, overlap=True):
                    if n not in names:
                        names.append(n)
            return names
    return []


def _merge(a: list[str], b: list[str]) -> list[str]:
    return a + [x for x in b if x not in a]


def date_events(doc: Doc, text: str, times: list[TimeExpression], mentions: MentionIndex) -> list[Event]:
    events = []
    for t in times:
        if t.value is None or tv.granularity(t.value) in UNDATED_GRANULARITIES:
            continue
        found = clause_of(doc, t)
        if found is None:
            continue
        s, e, head = found
        people = _merge(mentions.inside(s, e, PARTICIPANT_TYPES), _main_subject_names(head, mentions))
        events.append(Event(t.value, text[s:e], (s, e), people, mentions.inside(s, e, PLACE_TYPES),
                            time_span=t.span))
    return events


def _governs(doc: Doc, verb: Token, t: TimeExpression, content: list[tuple[int, int]]) -> bool:
    """True when the date hangs off the reporting verb ("said on Sunday"), not off the quoted words."""
    if any(cs <= t.span[0] < ce for cs, ce in content):
        return False
    span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    if span is None or span.sent != verb.sent:
        return False
    tok = span.root
    for _ in range(3):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.i == verb.i:
            return True
    return False


def quote_events(doc: Doc, text: str, quotes: list[Quote], times: list[TimeExpression], published: str | None,
                 mentions: MentionIndex) -> list[Event]:
    """Each quotation, dated by a date in its attribution, else by the publication day."""
    from newsgraph.analyse.time import parse_published

    pub = parse_published(published)
    events = []
    starts = [t.span[0] for t in times]  # times come in text order
    for q in quotes:
        ends = [x for s in q.content_spans for x in s]
        for extra in (q.cue, q.speaker.mention):
            if extra:
                ends.extend(extra)
        s, e = min(ends), max(ends)
        date, time_span = (pub.isoformat() if pub else None), None
        cue = doc.char_span(q.cue[0], q.cue[1], alignment_mode="expand") if q.cue else None
        nearby = times[bisect.bisect_left(starts, cue.sent.start_char):bisect.bisect_left(starts, cue.sent.end_char)] \
            if cue is not None else []
        for t in nearby:
            if t.value and cue is not None and _governs(doc, cue.root, t, q.content_spans):
                date, time_span = t.value, t.span
                break
        if date is None:
            continue
        people = mentions.inside(s, e, PARTICIPANT_TYPES)
        if q.speaker.name:
            people = _merge([q.speaker.name], people)
        events.append(Event(date, text[s:e], (s, e), people, mentions.inside(s, e, PLACE_TYPES),
                            time_span=time_span, kind="quote"))
    return events


def build_timeline(doc: Doc, times: list[TimeExpression], text: str | None = None) -> list[Event]:
    """Dated events of the doc (dates and quotations), in chronological order."""
    mentions = MentionIndex(doc._.entities or [])
    text = doc_text(doc) if text is None else text  # spaCy rebuilds it from the tokens on every access
    events = date_events(doc, text, times, mentions)
    events += quote_events(doc, text, list(doc._.quotes or []), times, doc._.published, mentions)
    seen: set[tuple[str | None, tuple[int, int]]] = set()
    unique = []
    for ev in events:
        key = (ev.date, ev.span)
        if key not in seen:
            seen.add(key)
            unique.append(ev)
    unique.sort(key=lambda ev: (tv.sort_key(ev.date), ev.span))
    return unique
