"""The extent of reported speech: what the speaker said, in the right words.

The parse gives the content of ``X said …`` as one subtree (``candidates.py``); where the parser
attaches a word to the wrong head the subtree says something else than the speaker did: the
subject goes missing ("told the BBC Liverpool were unlikely to win" read as "were unlikely to
win"), a clause is cut in two ("the plan would mean no-one … | could become a judge"), the one
told or the time of saying comes first ("told BBC Two's Newsnight there was …", "said on Friday
he …"), a relative pronoun stands for the subject ("a party, which he said would …"), or the
journalist's words run on after the report (", adding that …", ", while rivals …", ", only to
…", ", without giving figures", ", which she says …"). ``mend_pieces`` repairs these on the
chosen candidate; the model scored the parse as is.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.analyse.base.cues import cue_lemmas
from newsgraph.analyse.base.spans import trails_words
from newsgraph.analyse.quotes.acts import SPEECH_NOUNS, lemma_act
from newsgraph.analyse.quotes.candidates import Candidate
from newsgraph.analyse.quotes.marks import ends_sentence

SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
CONTRASTS = frozenset({"while", "whereas", "though", "although"})
"""Marks of a clause the journalist adds after a report ("…, while rivals are said to be angry")."""
KEPT_MARKS = frozenset({"if", "unless", "whether"})
"""A condition stays part of what was said when the cue stands inside the clause ("In fact, he
said, if buyers ask for it, …")."""
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

Pieces = list[tuple[int, int]]


def _ending_before(doc: Doc, pieces: Pieces, s: int, i: int) -> Pieces:
    """The report's last piece ``[s, …)`` ended before token ``i`` (without the punctuation left
    before it); unchanged when nothing would be left."""
    cut = i
    while cut > s and _trailing(doc[cut - 1]):
        cut -= 1
    return [*pieces[:-1], (s, cut)] if cut > s else pieces


def _trailing(tok: Token) -> bool:
    return trails_words(tok.lower_, tok.is_punct, tok.is_space)


def _inside(i: int, pieces: Pieces) -> bool:
    return any(s <= i < e for s, e in pieces)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in tok.children)


def _finite(tok: Token) -> bool:
    """A verb with a tense: its own tag or a tensed auxiliary ("were being learned", "will win")."""
    return tok.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in tok.children)


def clause_without_subject(tok: Token) -> bool:
    """A tensed verb with no subject of its own ("… and his remark | was a joke"): the parse
    left its subject in the words before it."""
    return tok.pos_ in ("VERB", "AUX") and _finite(tok) and not _has_subject(tok)


def _present(tok: Token) -> bool:
    """A verb in the present tense, without a modal ("has not changed", "wants")."""
    return not _modal(tok) and (tok.tag_ in PRESENT_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT_TAGS for c in tok.children))


def _past_cue(cue: Token) -> bool:
    """"said", "has said": the report is told after the saying."""
    return cue.tag_ in ("VBD", "VBN")


OCCASION_MARKS = frozenset({"as", "when"})


def told_when(mark: Token, cue: Token) -> bool:
    """"has said he wants to change politics as he launched his party": in a report put in the
    present, a past "as"/"when" clause with its own subject tells when the saying happened
    (the journalist's words), not what was said."""
    verb = mark.head
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if mark.lower_ not in OCCASION_MARKS or verb.dep_ != "advcl" or verb.tag_ != "VBD" or subject is None \
            or subject.pos_ != "PRON" or not _past_cue(cue) or cue not in verb.ancestors:
        return False  # (the speaker again: "as he launched …", not "as investors failed to …")
    present = False
    up = verb.head
    while up.i != cue.i:  # up the report's own clauses to the cue
        if up.dep_ not in ("ccomp", "xcomp", "conj"):
            return False
        present = present or _present(up)
        up = up.head
    return present


def narration_in_present(cc: Token, cue: Token) -> bool:
    """"said he had given up on it and winning the title has not changed his mind": after a
    past cue the report is put in the past; a clause joined by "and" with its own subject in the
    present is the journalist telling how things stand now."""
    first = cc.head
    return any(c.dep_ == "conj" and c.i > cc.i and _has_subject(c) and now_after_then(cue, first, c)
               for c in first.children)


def now_after_then(cue: Token, then: Token, now: Token) -> bool:
    """A past cue, a reported verb ``then`` put in the past and a later verb ``now`` in the
    present: the later clause is the journalist telling how things stand."""
    return _past_cue(cue) and cue in then.ancestors and _past_perfect(then) and _present(now)


def _past_perfect(tok: Token) -> bool:
    """"had given up": a report firmly put back in the past."""
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children)


def joined_by(subject_end: int, doc: Doc) -> Token | None:
    """The "and"/"but" before the noun the parse took from a clause's subject and joined to the
    report's last noun ("on Henley and the win in Paris | has not changed …"), else None."""
    noun = next((doc[k] for k in range(subject_end, -1, -1) if doc[k].right_edge.i == subject_end
                 and doc[k].dep_ == "conj" and doc[k].pos_ in ("NOUN", "PROPN")), None)
    if noun is None:
        return None
    return next((k for k in noun.head.children if k.dep_ == "cc" and k.i < noun.i and k.lower_ in ("and", "but")), None)


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
    src = cand.source
    as_at = src.left_edge.i - 1 if src is not None else 0
    if as_at > 1 and doc[as_at].lower_ == "as" and doc[as_at - 1].text == "," and not _inside(as_at - 1, pieces):
        # "Hawaii, as one of his advisers pointed out, rarely gets …": the clause's subject is
        # before the aside (`candidates._Parse.as_aside`)
        subj = next((c for c in cue.children if c.dep_ in SUBJECTS and c.i < as_at), None)
        first = subj if subj is not None else doc[as_at].head
        if first.i < as_at and not _inside(first.i, pieces):
            s, e = first.left_edge.i, as_at - 1
            return sorted([(s, e), *pieces]) if e > s else pieces
    lost = object_as_subject(cue, root) if cand.shape == "ccomp" else None
    if lost is not None and pieces[0][0] == root.left_edge.i:
        return [(lost.i, pieces[0][1]), *pieces[1:]]
    return pieces


def object_as_subject(cue: Token, clause: Token) -> Token | None:
    """The first word of the clause's subject the parse took as the cue's object, right before a
    reported clause that has no subject: "told the BBC Liverpool were unlikely" (the object
    alone), "pledged childcare would be a …", "warned the celebrities taking part "had better
    …"" (the object with its participle, before an opening quotation mark)."""
    if clause.dep_ != "ccomp" or clause.head.i != cue.i or _has_subject(clause) or not _finite(clause):
        return None
    doc = cue.doc
    start = clause.left_edge.i
    while start > cue.i + 1 and doc[start - 1].is_quote:
        start -= 1  # the opening mark of a quoted clause
    if start == clause.left_edge.i and start > 0:
        before = doc[start - 1]  # the parse split one noun phrase: keep only the object's head
        if before.head.i == cue.i and before.dep_ in ("dobj", "dative") and before.pos_ in ("PROPN", "NOUN"):
            return before
    second = _second_subject(cue, start)
    if second is not None:
        return second
    for obj in cue.children:
        if obj.dep_ not in ("dobj", "dative") or obj.pos_ not in ("PROPN", "NOUN") or obj.i >= start:
            continue
        end = obj.right_edge.i + 1
        for c in cue.children:  # "the celebrities | taking part": the participle describes the object
            if c.left_edge.i == end and c.tag_ == "VBG" and c.dep_ in ("xcomp", "acl", "advcl"):
                end = c.right_edge.i + 1
        if end == start and obj.left_edge.i > cue.i and not any(_clause_verb(t) for t in obj.subtree):
            return obj.left_edge
    return None


def _second_subject(cue: Token, start: int) -> Token | None:
    """"Lee said the changes in the rules, which allow X, were made in May": the noun phrase the
    parse gave the cue after it as a second subject, or as its object, set off from a clause
    without a subject by a comma only, is that clause's subject."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i for c in cue.children):
        return None
    for subj in cue.children:
        if subj.dep_ not in ("nsubj", "nsubjpass", "dobj") or subj.pos_ not in ("PROPN", "NOUN") \
                or not cue.i < subj.left_edge.i <= subj.right_edge.i < start:
            continue
        end = subj.right_edge.i + 1
        while end < start and cue.doc[end].is_punct and not cue.doc[end].is_quote:
            end += 1
        if end == start and (subj.dep_ != "dobj" or cue.doc[start - 1].text == ","):
            return subj.left_edge
    return None


def _clause_verb(tok: Token) -> bool:
    """A verb that makes a noun phrase hold a clause of its own ("their plans to tackle …"), not a
    participle describing the noun ("the singers taking part")."""
    return tok.pos_ in ("VERB", "AUX") and not (tok.tag_ in ("VBG", "VBN") and tok.dep_ == "acl")


ADDRESSEE_CUES = frozenset({"tell", "inform", "assure", "remind", "warn", "promise", "advise", "notify", "convince"})
"""Cues whose object is the one spoken to ("told the committee …")."""


def addressee_clause(cue: Token, obj: Token) -> Token | None:
    """The reported clause the parse hung on the addressee of "told X …" ("told BBC Two's
    Newsnight programme there was a danger …": the clause with its own subject right after the
    object, read as a clause describing it), else None."""
    if cue.lemma_.lower() not in ADDRESSEE_CUES or obj.head.i != cue.i or obj.dep_ not in ("dobj", "dative"):
        return None
    for c in obj.children:
        if c.dep_ in ("acl", "relcl", "ccomp") and c.i > obj.i and c.left_edge.i == obj.i + 1:
            first = c.left_edge
            if first.dep_ in ("nsubj", "nsubjpass", "expl") and first.head.i == c.i and first.lower_ not in WH_WORDS \
                    and _finite(c):
                return c
    return None


WH_WORDS = frozenset({"who", "whom", "whose", "which", "that", "what", "where", "when", "why", "how"})
OBJECT_RELATIVES = frozenset({"which", "that", "whom"})


def _addressee_left_out(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"told BBC Two's Newsnight programme there was a danger …": the one told is not what was said."""
    clause = addressee_clause(cand.cue, cand.root) if len(pieces) == 1 else None
    if clause is None:
        return pieces
    return [(clause.left_edge.i, pieces[0][1])]


TIMES = frozenset({"DATE", "TIME"})


def _time_phrase(tok: Token) -> bool:
    """"on Friday", "yesterday": an adjunct naming a time (its head noun a date, not "in favour of
    the 2004 rule" nor "to today's gamers")."""
    if tok.right_edge.i - tok.left_edge.i >= TIME_PHRASE_TOKENS:
        return False  # "in 2014 of his regulations to cut emissions": more than a time
    if tok.dep_ == "npadvmod":
        return tok.ent_type_ in TIMES
    return tok.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in TIMES for c in tok.children)


TIME_PHRASE_TOKENS = 5


def _time_of_saying(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"He said on Friday he hoped …": a date right after the cue, before the reported clause's
    subject, says when it was said (after "that" it is part of the clause: "said that on Friday
    he would …")."""
    s, e = pieces[0]
    for c in cand.cue.children:  # "said on Thursday that …": the cue's own adjunct read into the content
        if c.left_edge.i == s and c.i > cand.cue_i and _time_phrase(c):
            start = c.right_edge.i + 1
            while start < e and (doc[start].is_punct or doc[start].lower_ == "that"):
                start += 1
            if start < e and doc[start].tag_ == "VBG":
                return pieces  # "in June 2012, citing …": a participle of its own, not the report
            return [(start, e), *pieces[1:]] if start < e else pieces
    root = cand.root
    if cand.shape not in ("ccomp", "right") or root.dep_ != "ccomp" or pieces[0][0] != cand.cue_i + 1:
        return pieces
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return pieces
    for c in root.children:
        if c.left_edge.i == s and c.i < subject.i and _time_phrase(c):
            start = c.right_edge.i + 1
            while start < e and doc[start].is_punct:
                start += 1
            return [(start, e), *pieces[1:]] if start == subject.left_edge.i else pieces
    return pieces


SPEECH_OCCASIONS = SPEECH_NOUNS | {"conference", "rally", "address", "appearance", "debate", "hearing", "broadcast",
                                   "programme", "program", "remarks", "release", "video", "podcast"}
"""Nouns of the occasion or medium of saying ("in a statement", "at a news conference")."""


def _cue_adjunct(tok: Token) -> bool:
    """A phrase on the cue telling when or where it was said ("on Thursday", "yesterday", "in a
    statement", "at a news conference"), not what was said; a year or a span ("in 2005", "by
    2008", "within a decade") is more often part of a forecast or a promise."""
    if _time_phrase(tok):
        words = {t.lower_ for t in tok.subtree}
        return bool(words & DAYS_OF_SAYING)
    return tok.dep_ == "prep" and tok.lower_ in ("in", "at", "during", "on", "via") and any(
        c.dep_ == "pobj" and c.lemma_.lower() in SPEECH_OCCASIONS for c in tok.children)


DAYS_OF_SAYING = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                            "today", "tonight", "earlier", "last"})


def _particle_left_out(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"pointed out that the dollar …", "pointed out, …": the cue's particle is part of the cue,
    and a "that" after it the complementiser, not the start of what was said (before an object,
    "ruled out a comeback", "called off its plan", the particle stays: the cue is a phrase)."""
    s, e = pieces[0]
    if not (doc[s].dep_ == "prt" and doc[s].head.i == cand.cue_i and s + 2 < e) \
            or lemma_act(cand.cue.lemma_.lower()) != "speech":
        return pieces
    k = s + 1
    nxt = doc[k]
    if not (nxt.is_punct or nxt.lower_ == "that" and nxt.dep_ in ("mark", "det") and doc[k + 1].pos_ != "VERB"):
        return pieces
    while k < e and (_trailing(doc[k]) or doc[k].lower_ == "that" and k == s + 1):
        k += 1
    return [(k, e), *pieces[1:]] if k < e else pieces


def _occasion_after(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"called for more investment in a statement on Thursday": the cue's own adjuncts of time
    and occasion after what was said are the journalist's (the content read off everything the
    cue governs to its right took them in)."""
    s, e = pieces[-1]
    if lemma_act(cand.cue.lemma_.lower()) != "speech":
        return pieces
    tail = [c for c in cand.cue.children if s < c.left_edge.i and c.right_edge.i < e and c.i != cand.root_i
            and not c.is_punct]
    for k, c in enumerate(tail):
        if all(_cue_adjunct(t) for t in tail[k:]) and doc[e - 1].i <= tail[-1].right_edge.i:
            return _ending_before(doc, pieces, s, c.left_edge.i)
    return pieces


GATHERINGS = SPEECH_OCCASIONS | {"event", "meeting", "summit", "forum", "convention", "congress", "gathering",
                                 "ceremony", "dinner", "lecture", "seminar", "symposium", "festival", "launch"}
"""Nouns of a gathering where something was said ("at the party's spring conference")."""


def _occasion_after_comma(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"warned musicians were too close to MPs, at the university event": a last phrase set off by
    a comma that names the gathering where it was said belongs to the cue even where the parse
    hung it on the content's verb (without the comma, "a row at the meeting" may be what was
    said)."""
    s, e = pieces[-1]
    if lemma_act(cand.cue.lemma_.lower()) != "speech":
        return pieces
    last = e - 1
    while last > s and _trailing(doc[last]):
        last -= 1
    for i in range(s + 1, last - 1):
        prep = doc[i + 1]
        if doc[i].text != "," or prep.lower_ not in ("at", "during") or prep.right_edge.i != last:
            continue
        if any(c.dep_ == "pobj" and c.lemma_.lower() in GATHERINGS for c in prep.children):
            return _ending_before(doc, pieces, s, i)
    return pieces


def _clause_run_on(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """A second clause of the cue right after the content and without a subject of its own
    continues it ("says the plan would mean no-one from a poor family | could become a judge");
    so does one the parse hung on the verb a participle cue explains."""
    if cand.shape not in ("ccomp", "right") or cand.root.dep_ != "ccomp" or len(pieces) != 1:
        return pieces
    s, e = pieces[0]
    cue = cand.cue
    # or a clause the parse hung on the verb a participle cue explains ("reopened the case, saying
    # materials kept during the inquiry | would be examined")
    around = [c for c in cue.head.children if _finite(c) and c.dep_ in ("ccomp", "conj")] \
        if cue.tag_ == "VBG" and cue.dep_ == "advcl" else []
    for c in [*(c for c in cue.children if c.dep_ == "ccomp"), *around]:
        if c.i != cand.root_i and c.left_edge.i == e and not _has_subject(c):
            return _through(doc, s, e, c)
    return pieces


def _through(doc: Doc, s: int, e: int, clause: Token) -> Pieces:
    """The report ``[s, e)`` run on through ``clause``, which starts at ``e``, to its last word."""
    end = clause.right_edge.i + 1
    while end > e and _trailing(doc[end - 1]):
        end -= 1
    return [(s, end)]


def _bare_verb_run_on(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"promises to ensure parents and patients | make the key decisions": a bare verb the parse
    hung on the cue right after a "to" clause ending on its object is that object's predicate
    (the promise is lost without it)."""
    if cand.root.dep_ != "xcomp" or len(pieces) != 1 or not any(c.dep_ == "dobj" for c in cand.root.children):
        return pieces
    s, e = pieces[0]
    for c in cand.cue.children:
        if c.dep_ in ("advcl", "ccomp") and c.tag_ in ("VB", "VBP") and c.left_edge.i == e and c.i > e - 1 \
                and not _has_subject(c) and not any(k.dep_ in ("aux", "mark") for k in c.children):
            end = c.right_edge.i + 1
            while end > e and _trailing(doc[end - 1]) and not doc[end - 1].is_quote:
                end -= 1  # (a closing mark stays with its fragment)
            return [(s, end)]
    return pieces


def _cue_first_in_sentence(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"He said he was surprised because, not too long ago, many people thought it a fad": a
    sentence opened by its cue is a report to its end; where the parse hung the cue on a later
    verb (read as the sentence's own), that verb's clause is the rest of what was said."""
    cue, head = cand.cue, cand.cue.head
    if cand.shape not in ("ccomp", "right") or cand.root.dep_ != "ccomp" or cue.dep_ != "ccomp" or head.i <= cue.i or len(pieces) != 1 \
            or cue.left_edge.i != cue.sent.start or lemma_act(cue.lemma_.lower()) != "speech":
        return pieces
    s, e = pieces[0]
    if e <= cue.i or any(not _trailing(t) for t in doc[e : cue.right_edge.i + 1]) \
            or lemma_act(head.lemma_.lower()) == "speech":
        return pieces
    end = head.right_edge.i + 1
    while end > e and _trailing(doc[end - 1]):
        end -= 1
    return [(s, end)]


def _subject_of_next_clause(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"claimed he was a leader but his lawyer, Ann Lee, told the BBC …": a noun joined by "but"
    or "and" at the end of the content, before a speech or tensed verb of the cue's with no
    subject of its own, is that verb's subject ("announced plans to help buyers and the Tories
    would extend …"): another clause begins there."""
    s, e = pieces[-1]
    if not _has_subject(cand.cue) or lemma_act(cand.cue.lemma_.lower()) != "speech":
        return pieces  # "Arsenal, stripped of stars such as A and B, fielded …": no report
    nxt = next((c for c in cand.cue.children if c.dep_ in ("conj", "ccomp") and c.i >= e and not _has_subject(c)
                and c.pos_ == "VERB" and (lemma_act(c.lemma_.lower()) == "speech" or _finite(c))), None)
    if nxt is None or any(not t.is_punct for t in doc[e : nxt.left_edge.i]):
        return pieces
    for t in doc[s:e]:
        if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN") and t.right_edge.i >= e - 1:
            cc = next((k for k in t.head.children if k.dep_ == "cc" and s < k.i < t.i), None)
            if cc is not None and cc.lower_ in ("but", "and"):
                return _ending_before(doc, pieces, s, cc.i)
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
        outcome = nxt.lower_ == "only" and i + 2 < len(doc) and doc[i + 2].lower_ == "to" and _narrated_outcome(nxt)
        contrast = nxt.lower_ in CONTRASTS and (clause.head.i == cand.cue_i or _others_report(clause))
        according = nxt.lower_ == "according" and cand.shape != "according"  # ", according to the Journal"
        withheld = nxt.lower_ == "without" and i + 2 < len(doc) and doc[i + 2].tag_ == "VBG" \
            and doc[i + 2].lemma_.lower() in WITHHELD
        if speech_verb or outcome or contrast or withheld or according or _report_of_its_own(doc, cand, i + 1, e):
            return _ending_before(doc, pieces, s, i)
    return pieces


WITHHELD = frozenset({"give", "provide", "offer", "say", "elaborate", "specify", "disclose", "reveal", "name",
                      "explain", "comment", "detail", "cite"})
"""", without giving figures": what the source did not say is the journalist's remark."""


def _report_of_its_own(doc: Doc, cand: Candidate, start: int, end: int) -> bool:
    """The clause from ``start`` to the content's end holds a speech verb with a subject of its
    own: "the ferry firm, which she said would close the harbour" (a report of its own, which
    the relative pronoun's noun heads), ", amounting to what the senators said was …" (the
    journalist's gloss)."""
    if lemma_act(cand.cue.lemma_.lower()) != "speech":
        return False
    clause = doc[start]
    while clause.head.i != clause.i and clause.head.left_edge.i == start and clause.head.right_edge.i < end:
        clause = clause.head
    if clause.right_edge.i < end - 1:
        return False
    participle = clause.tag_ in ("VBG", "VBN") and not any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass")
                                                           for c in clause.children)
    for t in clause.subtree:
        if t.i == cand.cue_i or t.pos_ != "VERB" or lemma_act(t.lemma_.lower()) != "speech":
            continue
        active = any(c.dep_ == "nsubj" for c in t.children)
        if t.i == clause.i and t.dep_ == "relcl" and active:
            return True  # ", which she said would …" (not ", who has not been charged")
        if participle and t.i != clause.i and active:
            return True  # ", amounting to what the senators said …", ", compared to 34% who said …"
        if clause.lower_ == "with" and t.tag_ == "VBG" and clause.i in (t.head.i, t.head.head.i):
            return True  # ", with investors saying …"
    return False


def _others_report(clause: Token) -> bool:
    """", while officials have dismissed the claims": a contrast clause whose verb reports what
    others say sets another source beside the speaker (the journalist's juxtaposition)."""
    return _has_subject(clause) and clause.pos_ == "VERB" and lemma_act(clause.lemma_.lower()) == "speech"


def _whether_kept(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"questioned whether a court has any jurisdiction": without its "whether" a question reads
    as the speaker's assertion (candidates drop a leading complementiser)."""
    s, e = pieces[0]
    mark = doc[s - 1] if s > 0 else None
    if mark is None or mark.lower_ != "whether" or mark.dep_ != "mark" or mark.i <= cand.cue_i \
            or not s <= mark.head.i < e:
        return pieces
    return [(s - 1, e), *pieces[1:]]


OPENING_BRACKETS = {"(": ")", "[": "]"}


def _bracket_closed(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"expected repayments of 30bn rupiah ($3bn; £1.7bn) to be frozen": a bracket holding a
    semicolon breaks the parse, which ends the report inside the bracket; the report goes on
    to the end of the sentence."""
    s, e = pieces[-1]
    opened = [t for t in doc[s:e] if t.text in OPENING_BRACKETS]
    if not opened or any(t.text == OPENING_BRACKETS[opened[-1].text] for t in doc[opened[-1].i : e]):
        return pieces
    sent_end = doc[e - 1].sent.end
    close = next((t for t in doc[e:sent_end] if t.text == OPENING_BRACKETS[opened[-1].text]), None)
    if close is None or close.i + 1 >= sent_end or not doc[close.i + 1].is_lower:
        return pieces  # "(9/17/16) Watch on YouTube": a new sentence after the bracket
    end = sent_end
    while end > e and _trailing(doc[end - 1]):
        end -= 1
    return [*pieces[:-1], (s, end)]


def _object_with_its_verb(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"confirmed waste that was due to be shipped home | will now be stored here": a tensed verb
    without a subject the parse hung on the cue right after its object has that object for its
    subject: what was confirmed is the whole clause."""
    if len(pieces) != 1 or cand.root.dep_ != "dobj" or cand.root.head.i != cand.cue_i \
            or lemma_act(cand.cue.lemma_.lower()) != "speech":
        return pieces
    s, e = pieces[0]
    for c in cand.cue.children:
        if c.dep_ in ("conj", "ccomp", "advcl") and c.left_edge.i == e and clause_without_subject(c) and _modal(c) \
                and not any(k.dep_ in ("cc", "mark") for k in c.children):
            return _through(doc, s, e, c)
    return pieces


def _told_when_or_now(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """The journalist's words after a report: the time of saying ("… as he launched his party",
    ``told_when``) or how things stand now ("… and winning has not changed his mind",
    ``narration_in_present``)."""
    s, e = pieces[-1]
    for t in doc[s + 1 : e]:
        if t.dep_ == "mark" and told_when(t, cand.cue) or t.dep_ == "cc" and t.lower_ == "and" \
                and narration_in_present(t, cand.cue):
            return _ending_before(doc, pieces, s, t.i)
    return pieces


def _narrated_outcome(only: Token) -> bool:
    """", only to change her story": what happened after an event the speaker told of (a past
    verb, or the cue itself) is the journalist's; after a habit or a possibility ("would
    dismiss her ideas, only to praise them …") it is the speaker's account going on."""
    verb = only.head
    head = verb.head if verb.dep_ in ("advcl", "xcomp", "conj") else verb
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    return not modal


def _relative_subject(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"a Tory party, which he said would turn the clock back": the cue stands inside the clause
    after its relative pronoun; what was said is the noun the pronoun stands for and the clause
    after the cue, not "which he said"."""
    cue = cand.cue
    if len(pieces) != 1 or not pieces[0][0] < cue.i < pieces[0][1]:
        return pieces
    if cue.dep_ != "relcl" and doc[pieces[0][0]].lower_ != "what" or lemma_act(cue.lemma_.lower()) != "speech":
        return pieces
    pronoun = doc[pieces[0][0]]
    if pronoun.lower_ == "what":
        # "what the senators said was economic gerrymandering": what was said follows the copula
        # (not "what Trump says his plan would do", where "what" is the object)
        if doc[cue.i + 1].lemma_ != "be":
            return pieces
        k = cue.i + 1
        while k < pieces[0][1] and doc[k].pos_ == "AUX":
            k += 1
        return [(k, pieces[0][1])] if k < pieces[0][1] else pieces
    antecedent = cue.head
    if pronoun.lower_ in OBJECT_RELATIVES and pronoun.dep_ in ("dobj", "pobj") and cue.dep_ == "relcl" \
            and pronoun.i < cue.i and antecedent.i < pronoun.i:
        # "his savings, which Mr Lee has pledged to plough back into schools": what he pledged is
        # to plough the savings back, not "which Mr Lee has pledged"
        end = pronoun.i
        while end > antecedent.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        start = cue.i + 1
        while start < pieces[0][1] and (doc[start].dep_ == "prt" or _trailing(doc[start])):
            start += 1
        if start >= pieces[0][1]:
            return pieces
        phrase = antecedent.head if antecedent.dep_ == "appos" else antecedent  # "his pounds 35bn savings"
        return [(phrase.left_edge.i, max(end, antecedent.i + 1)), (start, pieces[0][1])]
    if pronoun.lower_ not in WH_WORDS or pronoun.head.i != cand.root_i or pronoun.dep_ not in ("nsubj", "nsubjpass") \
            or antecedent.left_edge.i > antecedent.i:
        return pieces  # "the mine, which he says he is doing all he can to keep open": "which" is no subject
    end = pronoun.i  # the noun phrase up to its relative clause ("dozens of firms", not "dozens")
    while end > antecedent.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return [(antecedent.left_edge.i, max(end, antecedent.i + 1)), (cue.i + 1, pieces[0][1])]


def _word_taken_for_punctuation(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"claimed she took the drug to combat narcolepsy but …": a word the parse labelled as
    punctuation ends the claim, not the word before it."""
    s, e = pieces[-1]
    while e < len(doc) and doc[e].dep_ == "punct" and doc[e].is_alpha:
        e += 1
    return [*pieces[:-1], (s, e)]


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


def _condition_inside(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"predicted that if more ferries come it could cause delays": an "if" after "that" opens a
    condition inside what was said (its clause hangs on the reported verb), not the cue's
    complementiser ("asked if he would come"), so the prediction keeps it; so does a report told
    before its cue ("If it rains, the match will be off, she said")."""
    s, e = pieces[0]
    mark = doc[s - 1] if s > 0 else None
    if mark is None or mark.lower_ not in ("if", "unless") or mark.dep_ != "mark" or mark.i <= cand.cue_i < e:
        return pieces
    clause = mark.head
    if clause.i == cand.root_i or clause.dep_ != "advcl" or not s <= clause.i < e:
        return pieces
    return [(s - 1, e), *pieces[1:]]


GROUPS_OF_SPEAKERS = frozenset({"pair", "two", "duo", "trio", "both", "couple"})
"""Subjects that take in the speaker and another ("the pair settled on …")."""


def _story_goes_on(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"said that was impossible because the left was against it and the pair settled on a pact":
    a clause joined by "and" whose subject is the speaker again (named, or "the pair", "both men")
    tells what happened next, in the journalist's words; the report ends before the "and"."""
    s, e = pieces[-1]
    source = cand.source
    named = " ".join(t.lower_ for t in source.subtree) if source is not None and source.pos_ == "PROPN" else None
    for c in doc[s:e]:
        if c.dep_ != "conj" or c.tag_ != "VBD" or c.i == cand.cue_i or cand.cue_i in (c.head.i, c.i):
            continue
        subj = next((k for k in c.children if k.dep_ in ("nsubj", "nsubjpass")), None)
        cc = next((k for k in c.children if k.dep_ == "cc" and k.i < c.i), None) or \
            next((k for k in c.head.children if k.dep_ == "cc" and k.i < c.i), None)
        if subj is None or cc is None or cc.lower_ != "and" or not s < cc.i:
            continue
        group = subj.lemma_.lower() in GROUPS_OF_SPEAKERS and any(d.lower_ in ("the", "both") for d in subj.children) \
            or subj.lower_ == "both"
        again = named is not None and " ".join(t.lower_ for t in subj.subtree) == named
        if (group or again) and c.right_edge.i >= e - 1:
            return _ending_before(doc, pieces, s, cc.i)
    return pieces


def _modal(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)


def _second_action(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"said there would be no change and rejected the threat": a past-tense verb without a
    subject joined to a reported clause under a modal cannot continue that clause (which would
    read "would … and reject"); it is a second thing the journalist says the speaker did. A form
    of "be" after a reported "be" is no act of the speaker's but a second predicate of the
    reported clause ("said the remarks may have been offensive but were not racist")."""
    s, e = pieces[-1]
    root = cand.root
    if not _modal(root) or root.tag_ not in ("VB", "VBN"):
        return pieces
    # two predicates of "be" on one subject ("may have been offensive but were not racist"); not
    # "there would be … and was", "forecast the bid would succeed and was more concerned to …"
    shared = root.lemma_ == "be" and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)
    for c in root.children:
        if c.dep_ == "conj" and c.tag_ == "VBD" and s < c.i < e and not _has_subject(c) and not (
                shared and c.lemma_ == "be"):
            cut = c.left_edge.i
            while cut > s and (_trailing(doc[cut - 1]) or doc[cut - 1].dep_ == "cc"):
                cut -= 1
            return [*pieces[:-1], (s, cut)] if cut > s else pieces
    return pieces


SPEAKERS_ACTS = frozenset({"say", "ask", "vow", "refuse", "decline", "deny", "insist", "warn", "promise", "pledge",
                           "urge", "add", "admit", "threaten", "demand", "reject", "argue", "stress", "tell",
                           "call", "question", "accuse", "appeal", "announce"})
"""Acts the journalist tells of the speaker after a report ("claims … and has vowed to sue")."""


def _same_tense(verb: Token, cue: Token) -> bool:
    """Both in the present ("claims … and has vowed") or both in the past ("denied … but refused"),
    without a modal."""
    if _modal(verb) or _modal(cue):
        return False
    return _present(verb) and _present(cue) or _past(verb) and _past(cue)


def _speakers_next_act(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"claims its downfall was punishment … and has vowed to sue", "denied his forecasts were
    too optimistic - but refused to rule out tax rises": a tensed act of saying or promising
    joined without a subject of its own to a reported clause that has one is the speaker's next
    act, told by the journalist; read with the report it would make "its downfall" vow."""
    s, e = pieces[-1]
    root = cand.root
    if not _has_subject(root) or root.lemma_.lower() in SPEAKERS_ACTS:
        return pieces  # "says Ann promised to help and said she would …": both acts are Ann's
    for c in root.children:
        if c.dep_ != "conj" or not s < c.i < e or c.lemma_.lower() not in SPEAKERS_ACTS or _has_subject(c):
            continue
        cc = next((k for k in (*root.children, *c.children) if k.dep_ == "cc" and root.i < k.i < c.i), None)
        if cc is None or cc.lower_ not in ("and", "but") or c.tag_ == "VBG" or c.right_edge.i < e - 2 \
                or not _same_tense(c, cand.cue):
            # not "had lost his parents and was asking for help" (what was going on), "say he posed a
            # threat and refused to drop the gun" (told in another tense than the saying: the report's)
            continue
        return _ending_before(doc, pieces, s, cc.i)
    return pieces


GAP_NOUNS = frozenset({"way", "time", "day", "year", "moment", "reason", "place", "week", "month", "night", "extent"})
"""Nouns a relative clause without a pronoun may leave no object gap for ("the way he ran it")."""


def _sentence_run_in(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"would be offended by the prince's actions Clarence House has issued a statement …": a
    clause the parse hung on a noun as a relative clause, with no relative pronoun and nothing
    missing (its own subject and object, no preposition left stranded), is the next sentence
    run in where a full stop was lost; the report ends at the noun."""
    s, e = pieces[-1]
    for c in doc[s:e]:
        if c.dep_ != "relcl" or c.head.i != c.left_edge.i - 1 or c.head.lemma_.lower() in GAP_NOUNS:
            continue
        kids = list(c.children)
        relative = any(k.tag_ in ("WDT", "WP", "WP$", "WRB") or k.lower_ == "that" for t in kids for k in t.subtree)
        # the new sentence opens on a name ("Clarence House has issued …"), not "the system will …"
        full = any(k.dep_ == "nsubj" and k.left_edge.pos_ == "PROPN" and k.left_edge.is_title for k in kids) \
            and any(k.dep_ == "dobj" for k in kids)
        stranded = any(k.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in k.children) for k in kids)
        if full and not relative and not stranded and c.i > s:
            return _ending_before(doc, pieces, s, c.left_edge.i)
    return pieces


def _saying_left_out(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"issued a statement saying the prince has apologised": the participle that carries the
    statement's words is a cue itself, not the first of them; the report starts after it."""
    s, e = pieces[0]
    first = doc[s]
    if first.tag_ != "VBG" or first.dep_ != "acl" or first.lemma_.lower() not in ("say", "state", "claim", "warn") \
            or first.i == cand.cue_i:
        return pieces
    said = next((k for k in first.children if k.dep_ == "ccomp" and k.i < e), None)
    if said is None:
        return pieces
    start = said.left_edge.i
    while start < e and (doc[start].lower_ == "that" and doc[start].dep_ == "mark" or _trailing(doc[start])):
        start += 1
    return [(start, e), *pieces[1:]] if start < e else pieces


PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _past(tok: Token) -> bool:
    return tok.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in tok.children)


def _present_aside(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"admitted the fear weighed on him before the game, which features many stars": in a
    report put into the past ("admitted … weighed"), a closing ", which …" clause in the present
    is the journalist speaking now, not the speaker then."""
    s, e = pieces[-1]
    if not (_past(cand.cue) and _past(cand.root)):
        return pieces
    for i in range(s + 1, e - 2):
        if doc[i].text != "," or doc[i + 1].lower_ not in ("which", "who"):
            continue
        verb = doc[i + 1].head
        if verb.dep_ == "aux":
            verb = verb.head  # "which she has … set": the parse hung the pronoun on the auxiliary
        present = verb.tag_ in PRESENT_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT_TAGS
                                                     for c in verb.children)
        # with what else hangs on the relative pronoun's noun (", which she has made …, including …")
        end = max(verb.right_edge.i, verb.head.right_edge.i if verb.dep_ in ("relcl", "acl") else verb.i) + 1
        while end < e and _trailing(doc[end]):
            end += 1
        if verb.dep_ in ("relcl", "acl", "advcl") and present and verb.i > i and end >= e:
            return _ending_before(doc, pieces, s, i)
    return pieces


SHELL_NOUNS = frozenset({"argument", "claim", "view", "stance", "position", "assertion", "charge", "point", "move",
                         "step", "sentiment", "remark", "comment", "warning", "message", "prediction", "criticism",
                         "complaint", "idea", "notion", "suggestion", "accusation", "contention", "belief", "theory"})
"""Nouns that name a statement or stance itself: after a dash they sum up what was said."""
SPACED_DASHES = frozenset({"-", "–", "—", "--"})


def _summing_up(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"insist the optimism is overdone - an argument strengthened by a rise in the deficit": a
    noun naming the statement itself ("an argument", "stances") after a dash, with a clause on
    it, closes the report with the journalist's comment on it."""
    s, e = pieces[-1]
    for i in range(s + 1, e - 2):
        if doc[i].text not in SPACED_DASHES or not (doc[i - 1].whitespace_ and doc[i].whitespace_):
            continue  # a dash between spaces, not a hyphen inside a word
        head = next((t for t in doc[i + 1:e] if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None or head.lemma_.lower() not in SHELL_NOUNS \
                or any(t.pos_ not in ("DET", "ADJ", "ADV", "NUM") for t in doc[i + 1:head.i]):
            continue
        glossed = any(c.dep_ in ("acl", "relcl") for c in head.children)
        # the rest hangs on the noun, or is a phrase the parse hung on the clause before ("… - an
        # argument amplified by a rise … | during the first months")
        to_end = all(t.head.i > i or t.i == head.i or t.dep_ in ("prep", "advmod", "npadvmod", "punct")
                     for t in doc[head.right_edge.i + 1:e])
        if glossed and to_end:
            return _ending_before(doc, pieces, s, i)
    return pieces


def _source_named_again(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"According to its lawyer, Ann Lee of Lee and Co, the claim is …": the name set off by
    commas after the source ("its lawyer") is the source again, not the start of what it said."""
    if cand.shape != "according":
        return pieces
    s, e = pieces[0]
    if s == 0 or doc[s - 1].text != "," or doc[s].pos_ != "PROPN":
        return pieces
    for k in range(s, e):
        if doc[k].text == ",":
            break
        if doc[k].pos_ not in ("PROPN", "CCONJ", "ADP", "DET", "PUNCT") or doc[k].is_quote:
            return pieces
    else:
        return pieces
    if k + 1 >= e:
        return pieces
    return [(k + 1, e), *pieces[1:]]


def _according_run_on(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"X happened on Wednesday, according to the Association for Y Apacs chose …": after a closing
    ", according to X" the report has ended; words after the source not set off by a comma are
    the next sentence run in where a full stop was lost, not more of the report."""
    if cand.shape != "according" or cand.cue_i == 0 or doc[cand.cue_i - 1].text != ",":
        return pieces
    kept = [(s, e) for s, e in pieces if s < cand.cue_i or doc[s - 1].text == ","]
    return kept or pieces


CLOSING_MARKS = frozenset('"”’')


def closes_before_aside(text: str, pieces: list[tuple[int, int]]) -> bool:
    """'"… this kind of thing," she said, after receiving her award.': the quotation closed
    before the cue and nothing after it is in marks, so the words after the cue are the
    journalist's, not the rest of the clause."""
    (_, e1), (s2, e2) = pieces
    return any(ch in CLOSING_MARKS for ch in text[e1 - 1 : s2]) and not any(ch in text[s2:e2] for ch in '"“”')


def _quoted_before_cue(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """The same for reported speech read around a parenthetical cue: only the words before it."""
    if cand.shape not in ("parenthetical", "inverted") or len(pieces) != 2:
        return pieces
    (s1, e1), (s2, e2) = pieces
    chars = [(doc[s1].idx, doc[e1 - 1].idx + len(doc[e1 - 1].text)), (doc[s2].idx, doc[e2 - 1].idx + len(doc[e2 - 1].text))]
    return pieces[:1] if closes_before_aside(doc.text, chars) else pieces


HYPHENS = frozenset({"-", "‐", "‑"})


def _glued_by_hyphen(doc: Doc, i: int) -> bool:
    """Tokens ``i - 1`` and ``i`` are parts of one hyphenated word ("mid | - | size", "re | - |
    elected"): no space between them and one of them a hyphen."""
    return i > 0 and not doc[i - 1].whitespace_ and (doc[i].text in HYPHENS or doc[i - 1].text in HYPHENS) \
        and not doc[i - 1].is_quote and not doc[i].is_quote and not doc[i].is_space


def _whole_words(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """A piece starts and ends on whole words: the tokeniser splits a hyphenated word in three
    and the parse may hang its parts on different heads ("the mid-size jet" read from "-size",
    "if Labour was re-elected" cut after "re")."""
    out = []
    for s, e in pieces:
        while _glued_by_hyphen(doc, s):
            s -= 1
        while e < len(doc) and _glued_by_hyphen(doc, e):
            e += 1
        out.append((s, e))
    return out


def _sentence_stop(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a sentence the parse ran on ("fallen to 294.3m. On top of that, …", the
    stop read into "m."): it ends on ``.?!`` closing no abbreviation ("U.S.", "a.m."), and a
    capitalised word or a number follows after a space."""
    tok = doc[i]
    if i + 1 >= len(doc) or not (tok.whitespace_ or doc[i + 1].is_space):
        return False
    nxt = doc[i + 1] if not doc[i + 1].is_space else doc[i + 2] if i + 2 < len(doc) else None
    end = tok.idx + len(tok.text) - 1
    if nxt is None or not (nxt.text[:1].isupper() or nxt.text[:1].isdigit()):
        return False
    word = tok.text.rstrip(".") if len(tok.text) > 1 else doc[i - 1].text if i > 0 and not doc[i - 1].whitespace_ else ""
    if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word) and "." in word:
        return False  # "a.m.", "e.g.": an abbreviation in lower case
    return ends_sentence(doc.text, end)


def _one_sentence(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """A report without quotation marks stays in its cue's sentence: where the parse ran two
    sentences together (a full stop read as part of a word), what follows the stop after a cue,
    or comes before it before a cue, is the journalist's next or last sentence."""
    cue = cand.cue_i
    out: Pieces = []
    for s, e in pieces:
        stops = [i for i in range(s, e - 1) if _sentence_stop(doc, i)]
        if stops and s > cue:
            if stops[0] + 1 > s:
                out.append((s, stops[0] + 1))
            break  # the report ended at the stop
        if stops and e <= cue:
            out = []  # what came before the stop is another sentence
            s = stops[-1] + 1
            while s < e and _trailing(doc[s]):
                s += 1
        if e > s:
            out.append((s, e))
    return out or pieces


PHRASE_OPENERS = frozenset({"IN", "TO"})


def _phrase_interrupted(doc: Doc, cand: Candidate, pieces: Pieces) -> Pieces:
    """"rejected overtures from No campaigners including, he claims, Tory leader Michael Howard":
    an aside after a word that cannot end a phrase (a preposition, "including", "to")
    interrupts that phrase, not a clause: what is claimed is the phrase it breaks
    and what completes it ("No campaigners including … Tory leader Michael Howard"), not the
    narration before it."""
    src, cue = cand.source, cand.cue
    before_cue = cand.shape in ("inverted", "parenthetical") or cand.shape == "ccomp" and pieces[-1][1] <= cue.i
    if not before_cue or src is None or src.i > cue.i:
        return pieces
    a, b = src.left_edge.i, cue.i + 1
    if a < 2 or doc[a - 1].text != "," or b + 1 >= len(doc) or doc[b].text != ",":
        return pieces
    before = doc[a - 2]
    if before.tag_ not in PHRASE_OPENERS and before.lower_ != "including" or before.sent.start != cue.sent.start:
        return pieces
    start = before.head.left_edge.i if before.head.pos_ in ("NOUN", "PROPN") and before.head.i < before.i else before.i
    end = cue.sent.end
    while end > b + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return [(start, a - 1), (b + 1, end)] if end > b + 1 else pieces


def in_another_sentence(cand: Candidate) -> bool:
    """Content the parse hung on a cue across a full stop it read as part of a word ("reported
    that stocks fell to 294.3m. On top of that, problems have …": the second sentence, or a
    clause whose head is in it, is no report of the first one's cue)."""
    doc, cue, root = cand.doc, cand.cue_i, cand.root_i
    between = range(cue, root) if root > cue else range(root, cue)  # the clause's head across a stop
    return any(_sentence_stop(doc, i) for i in between) or any(
        _sentence_stop(doc, i) for s, e in cand.pieces
        for i in (range(cue, s) if s > cue else range(e - 1, cue) if e <= cue else ()))


def mend_pieces(cand: Candidate) -> Pieces:
    """The candidate's content pieces (token ranges) with its subject, its run-on clause and its
    condition put back and the journalist's tail cut off."""
    doc = cand.doc
    pieces = list(cand.pieces)
    for mend in (_particle_left_out, _subject_before, _addressee_left_out, _time_of_saying, _clause_run_on, _bare_verb_run_on,
                 _cue_first_in_sentence, _subject_of_next_clause, _word_taken_for_punctuation,
                 _kept_condition, _condition_inside, _relative_subject, _journalist_tail, _occasion_after, _occasion_after_comma, _story_goes_on, _second_action, _speakers_next_act, _sentence_run_in, _saying_left_out,
                 _present_aside, _summing_up, _source_named_again, _according_run_on,
                 _quoted_before_cue, _whether_kept, _bracket_closed, _object_with_its_verb, _told_when_or_now, _phrase_interrupted,
                 _one_sentence,
                 _whole_words):
        pieces = mend(doc, cand, pieces)
    return pieces
