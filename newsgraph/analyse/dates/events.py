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

The parse is read as token indices and attribute lists (``TokenSpans``), not spaCy
``Token``/``Span`` objects, which cost more to create than the rules cost to run.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable

from spacy.tokens import Doc

from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.token_spans import TokenSpans
from newsgraph.analyse.dates import values as tv
from newsgraph.analyse.dates.values import parse_published
from newsgraph.model import PLACE_TYPES, Entity, Event, Quote, TimeExpression

PARTICIPANT_TYPES = {"PERSON", "ORG"}
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

    def inside(self, start: int, end: int, types: Collection[str], *, overlap: bool = False) -> list[str]:
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


def _nsubj(tokens: TokenSpans, i: int) -> list[int]:
    return [c for c in tokens.edges.children[i] if tokens.t.dep[c].startswith("nsubj")]


def _is_finite_clause(tokens: TokenSpans, i: int) -> bool:
    """A clause that can carry an event on its own: the root, or a verb with its own subject or tense."""
    t = tokens.t
    if t.dep[i] == "ROOT":
        return True
    if t.pos[i] not in ("VERB", "AUX") or t.dep[i] not in CLAUSE_HEADS:
        return False
    children = tokens.edges.children[i]
    if any(t.dep[c].startswith(("nsubj", "csubj", "expl")) for c in children):
        return True
    if any(t.dep[c] in ("aux", "auxpass") and t.lower[c] != "to" for c in children):
        return True
    return t.dep[i] == "conj" and t.tag[i] in ("VBD", "VBZ", "VBP")


def _finite_head(tokens: TokenSpans, i: int, sent: tuple[int, int]) -> tuple[int, set[int]]:
    """The nearest finite clause above token ``i`` and the token path to it (through "to study", participles)."""
    cur = i
    path = {cur}
    for _ in range(16):
        if _is_finite_clause(tokens, cur):
            return cur, path
        head = tokens.t.head[cur]
        if not (sent[0] <= head < sent[1]):
            return cur, path
        cur = head  # at the root (its own head) this stays put: the loop ends with it
        path.add(cur)
    return cur, path


def _kept_tokens(tokens: TokenSpans, head: int, path: set[int], drop: set[str]) -> list[int]:
    """``head``'s subtree without the side clauses (``drop``) that do not lead to the date."""
    kept: list[int] = []
    stack = [head]
    while stack:
        i = stack.pop()
        kept.append(i)
        for c in tokens.edges.children[i]:
            if tokens.t.dep[c] in drop and c not in path:
                continue
            stack.append(c)
    return kept


def _date_phrase(tokens: TokenSpans, start: int, end: int, root: int) -> tuple[int, int]:
    """Token range of the date (tokens ``start:end``) with its preposition and modifiers ("in 1958",
    "until now", "even now")."""
    t = tokens.t
    lo, hi = min(start, tokens.edges.left[root]), max(end, tokens.edges.right[root] + 1)
    if hi - lo > end - start + 2:
        lo, hi = start, end
    head = t.head[root]
    if lo > 0 and t.pos[lo - 1] == "ADP" and (head == lo - 1 or start <= t.head[lo - 1] < hi):
        lo -= 1
    elif lo > 0 and head == lo - 1 and t.dep[head] == "prep":
        lo -= 1
    return lo, hi


def clause_of(tokens: TokenSpans, t: TimeExpression) -> tuple[int, int, int] | None:
    """Char span of the clause (or noun phrase) a date governs, and its head token's index."""
    found = tokens.char_span(*t.span)
    if found is None:
        return None
    start, end = found
    tt = tokens.t
    sent = tokens.sent(start)
    root = tokens.root(start, end)
    root_head = tt.head[root]
    noun_phrase = tt.dep[root] in NOUN_MODIFIERS and tt.pos[root_head] in ("NOUN", "PROPN") and not (
        start <= root_head < end)
    if noun_phrase:  # "its 1980 Gwangju Uprising": the date stays in the phrase it modifies
        head = root_head
        kept = _kept_tokens(tokens, head, {root, head}, NP_DROP)
    else:
        head, path = _finite_head(tokens, root, sent)
        kept = _kept_tokens(tokens, head, path, SIDE_CLAUSES)
    lo, hi = min(kept), max(kept) + 1
    if tt.pos[head] in ("VERB", "AUX") and tt.dep[head] == "conj" and not _nsubj(tokens, head):
        subj = _nsubj(tokens, tt.head[head])
        if subj:
            lo = min(lo, tokens.edges.left[subj[0]])
    if tt.dep[head] == "relcl" and tt.pos[tt.head[head]] in ("NOUN", "PROPN", "PRON"):
        subj = _nsubj(tokens, head)
        if not subj or tt.lower[subj[0]] in RELATIVE_WORDS:
            lo = min(lo, tokens.edges.left[tt.head[head]])
    lo, hi = max(lo, sent[0]), min(hi, sent[1])
    if not noun_phrase:
        p_lo, p_hi = _date_phrase(tokens, start, end, root)
        if p_hi >= hi and p_lo > lo:
            hi = p_lo
        elif p_lo <= lo and p_hi < hi:
            lo = p_hi
    while lo < hi and (tokens.is_space(lo) or tt.dep[lo] in LEADING_DROP or tt.tag[lo] == "WRB"):
        lo += 1
    while hi > lo and (tt.is_punct[hi - 1] or tokens.is_space(hi - 1)
                       or tt.pos[hi - 1] in ("CCONJ", "SCONJ", "ADP", "DET")):
        hi -= 1  # nothing dangles: "which occurred Tuesday afternoon as"
    if sum(not tt.is_punct[i] for i in range(lo, hi)) < MIN_WORDS:
        lo, hi = sent  # too little to stand alone ("2005 levels"): the sentence
        while hi > lo and (tokens.is_space(hi - 1) or tt.is_punct[hi - 1]):
            hi -= 1
    if hi <= lo:
        lo, hi = sent
    return tt.idx[lo], tt.end_char(hi - 1), head


def _core(tokens: TokenSpans, i: int) -> list[int]:
    """A noun phrase's naming tokens: the head, its compounds and conjuncts (not possessors or appositions)."""
    out = [i]
    for c in tokens.edges.children[i]:
        if tokens.t.dep[c] in ("compound", "flat", "conj"):
            out.extend(_core(tokens, c))
    return out


def _main_subject_names(tokens: TokenSpans, head: int, mentions: MentionIndex) -> list[str]:
    """For "X was a fan who ordered …": X, the subject the described noun is said of."""
    t = tokens.t
    if t.dep[head] != "relcl":
        return []
    noun = t.head[head]
    if t.dep[noun] not in ("attr", "appos", "dobj"):
        return []
    for c in tokens.edges.children[t.head[noun]]:
        if t.dep[c].startswith("nsubj"):
            names: list[str] = []
            for i in _core(tokens, c):
                for n in mentions.inside(t.idx[i], t.end_char(i), PARTICIPANT_TYPES, overlap=True):
                    if n not in names:
                        names.append(n)
            return names
    return []


def _merge(a: list[str], b: list[str]) -> list[str]:
    return a + [x for x in b if x not in a]


def date_events(tokens: TokenSpans, text: str, times: list[TimeExpression], mentions: MentionIndex) -> list[Event]:
    events = []
    for t in times:
        if t.value is None or tv.granularity(t.value) in UNDATED_GRANULARITIES:
            continue
        found = clause_of(tokens, t)
        if found is None:
            continue
        s, e, head = found
        people = _merge(mentions.inside(s, e, PARTICIPANT_TYPES), _main_subject_names(tokens, head, mentions))
        events.append(Event(t.value, text[s:e], (s, e), people, mentions.inside(s, e, PLACE_TYPES),
                            time_span=t.span))
    return events


def _governs(tokens: TokenSpans, verb: int, t: TimeExpression, content: list[tuple[int, int]]) -> bool:
    """True when the date hangs off the reporting verb ("said on Sunday"), not off the quoted words."""
    if any(cs <= t.span[0] < ce for cs, ce in content):
        return False
    found = tokens.char_span(*t.span)
    if found is None or tokens.sent(found[0]) != tokens.sent(verb):
        return False
    i = tokens.root(*found)
    for _ in range(3):
        i = tokens.t.head[i]  # the sentence root is its own head: the walk stays there
        if i == verb:
            return True
    return False


def quote_events(tokens: TokenSpans, text: str, quotes: list[Quote], times: list[TimeExpression],
                 published: str | None, mentions: MentionIndex) -> list[Event]:
    """Each quotation, dated by a date in its attribution, else by the publication day."""
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
        cue = tokens.char_span(*q.cue) if q.cue else None
        nearby: list[TimeExpression] = []
        if cue is not None:
            sent_start, sent_end = tokens.sent(cue[0])
            nearby = times[bisect.bisect_left(starts, tokens.t.idx[sent_start]):
                           bisect.bisect_left(starts, tokens.t.end_char(sent_end - 1))]
        for t in nearby:
            if t.value and cue is not None and _governs(tokens, tokens.root(*cue), t, q.content_spans):
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
    tokens = TokenSpans(doc)
    events = date_events(tokens, text, times, mentions)
    events += quote_events(tokens, text, list(doc._.quotes or []), times, doc._.published, mentions)
    seen: set[tuple[str | None, tuple[int, int]]] = set()
    unique = []
    for ev in events:
        key = (ev.date, ev.span)
        if key not in seen:
            seen.add(key)
            unique.append(ev)
    unique.sort(key=lambda ev: (tv.sort_key(ev.date), ev.span))
    return unique
