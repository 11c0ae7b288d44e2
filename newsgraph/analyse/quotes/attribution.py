"""Who said a quoted passage: strategies, each reading one layout, tried in order.

``attribute_passage`` gathers what the strategies read about a passage into an
``AttributionContext`` and returns what the first strategy in ``ATTRIBUTION_STRATEGIES``
finds. The order is one of trust: what the layout says outright (a signature, a named
colon) outranks any cue; a reporting verb (a *cue*) beside the marks outranks one further
off; a cue outranks a bare name; a continued speaker comes last. A strategy that finds a
cue gives the cue's subject as the speaker, with the cue's span and lemma; the others give
a speaker and no cue. In order:

1. ``signature``: ``“…” ― Ann Lee``, a name as the dash's very next word.
2. ``named_colon``: ``Ann Lee: “…”``, a person's name alone before a colon.
3. ``cue_where_punctuation_points``: ``“…,” she said`` / ``she said: “…”``, the cue on the
   side the punctuation joins to the quotation, that side first.
4. ``cue_in_sentence``: the cue nearest the quotation anywhere in its sentence.
5. ``speech_verb_next_to_marks``: ``“…,” she snapped``, a verb with a subject at the marks.
6. ``dash_or_colon_source``: ``“…” - the minister, Ann Lee``, ``Pollster Lee: “…”``.
7. ``cue_before_colon``: the cue of the sentence before, in the paragraph, ending in a colon.
8. ``cue_of_paragraph_before_colon``: the cue of the paragraph before, ending in a colon.
9. ``short_attribution_sentence_after``: ``“…”. She said so.``, a short sentence after.
10. ``last_cue_subject``: the subject of the last cue before, if newer than the last speaker.
11. ``person_introduced_before``: ``Coach Ann Lee wants a change. “…”``, a person newly
    introduced as the subject of the sentence just before.
12. ``last_speaker_continues``: the last quotation's speaker, at most a paragraph on.

When none finds anyone the quotation is unattributed (an empty ``Speaker``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeAlias

from spacy.tokens import Doc, Token

from newsgraph.analyse.base.cues import (
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    cue_indices,
    cue_lemma,
    cue_lemmas,
    cue_span,
    cue_subject,
    relative_antecedent,
)
from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.spans import inside_any
from newsgraph.analyse.base.token_table import token_table
from newsgraph.analyse.entities import names
from newsgraph.analyse.quotes.acts import lemma_act
from newsgraph.analyse.quotes.candidates import (
    agent_speaks,
    is_passive_target,
    name_after_parenthetical_cue,
    passive_agent,
)
from newsgraph.analyse.quotes.marks import QuotedSpan
from newsgraph.analyse.quotes.speakers import cue_subjects, speaker_for, speech_documents
from newsgraph.model import Entity, Quote, Speaker
from newsgraph.model import Span as CharSpan

DASHES = "-–—―‒"
NOT_SPEAKERS = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
"""Entity types a subject found by walking left from a cue cannot be (``on Saturday``)."""

INVERTED_SUBJECT_DEPS = frozenset({"dobj", "npadvmod", "attr", "appos", "dative", "nsubj"})
"""What the parser makes of the subject after an inverted cue ('"…," said Lee')."""

Attribution: TypeAlias = tuple[Speaker, CharSpan | None, str | None]
"""(speaker, the cue's character span, the cue's lemma); no cue for a signature or a
speaker carried over."""


@dataclass
class QuotedPassage:
    """One quoted span with its context: the text before and after it in its sentence.
    ``direct`` makes them; defined here so that ``direct`` imports the strategies, not
    the other way round (no import cycle)."""

    qs: QuotedSpan
    content: CharSpan
    pre: str
    post: str
    para_index: int


@dataclass(frozen=True)
class AttributionContext:
    """What a strategy may read about one passage, passed explicitly so that each strategy
    is a plain function of it: the parse, the passage, its paragraph (and the one before),
    its sentence, every quoted stretch of the article (words inside marks are never a
    cue) and the last quotation, whose speaker an unattributed one may continue."""

    doc: Doc
    text: str
    cand: QuotedPassage
    para: CharSpan
    para_before: CharSpan | None
    sentence: CharSpan
    quoted: list[CharSpan]
    people: list[Entity]
    last: Quote | None
    last_para: int

    @property
    def start(self) -> int:
        """Where the quoted words start: a speaker is resolved as of this point."""
        return self.cand.content[0]


Strategy: TypeAlias = Callable[[AttributionContext], Attribution | None]


def attribute_passage(
    doc: Doc,
    cand: QuotedPassage,
    paras: list[CharSpan],
    quoted: list[CharSpan],
    people: list[Entity],
    last: Quote | None,
    last_para: int,
) -> Attribution:
    """The first attribution one of ``ATTRIBUTION_STRATEGIES`` finds for ``cand``, else none."""
    k = cand.para_index
    para = paras[k]
    ctx = AttributionContext(
        doc,
        doc_text(doc),
        cand,
        para,
        paras[k - 1] if k > 0 else None,
        _sentence_bounds(doc, *cand.content, para),
        quoted,
        people,
        last,
        last_para,
    )
    for strategy in ATTRIBUTION_STRATEGIES:
        found = strategy(ctx)
        if found is not None:
            found[0].found_by = strategy.__name__  # the route quotes/confidence.py rates
            return found
    return Speaker(), None, None


def _by_cue(ctx: AttributionContext, cue: Token | None) -> Attribution | None:
    """The cue's subject as the speaker, with the cue. The cue finders accept only cues
    with a subject, so a cue found always ends the search, as it should: a nearer cue
    outranks every strategy after it."""
    if cue is None:
        return None
    subj = subject_of(cue, ctx.quoted)
    if subj is None:
        own = cue_subject(cue)
        if own is not None and is_passive_target(cue, own):
            return Speaker(), cue_span(cue), cue_lemma(cue)  # "X was accused of "…"": nobody named says it
        return None
    return speaker_for(ctx.doc, subj, ctx.people, ctx.start, ctx.quoted), cue_span(cue), cue_lemma(cue)


def _by_name(ctx: AttributionContext, tok: Token) -> Attribution:
    """The speaker ``tok`` names, with no cue."""
    return speaker_for(ctx.doc, tok, ctx.people, ctx.start, ctx.quoted), None, None


def _signed(ctx: AttributionContext, src: Token) -> Attribution:
    """A signature's speaker: a proper noun there is a name even when no person entity
    covers it."""
    spk = speaker_for(ctx.doc, src, ctx.people, ctx.start, ctx.quoted)
    if spk.name is None and src.pos_ == "PROPN" and spk.mention:
        spk.name, spk.type = ctx.text[spk.mention[0] : spk.mention[1]], "PERSON"
    return spk, None, None


def signature(ctx: AttributionContext) -> Attribution | None:
    """``“…” ― Ann Lee``: the dash's very next word is a name, a signature no cue overrides."""
    src = dash_source(ctx.doc, ctx.text, ctx.cand, first_word=True)
    return _signed(ctx, src) if src is not None else None


def named_colon(ctx: AttributionContext) -> Attribution | None:
    """``Ann Lee: “…”``: a person's name alone before a colon (not an object: ``told Lee:``)."""
    tok = _colon_source(ctx.doc, ctx.cand)
    if tok is not None and tok.ent_type_ == "PERSON" and tok.dep_ not in ("dobj", "pobj", "dative"):
        return _by_name(ctx, tok)
    return None


def ends_before_a_new_sentence(content: str, post: str) -> bool:
    """The quotation ends its sentence ("… the comfort zone.") and a new one starts after the
    closing mark: what follows is no attribution of it."""
    nxt = post.lstrip()[:1]
    return content.rstrip()[-1:] in ".?!…" and (nxt.isupper() or nxt in "\"“")


def cue_where_punctuation_points(ctx: AttributionContext) -> Attribution | None:
    """``“A,” he said`` / ``he said: “A”``: the cue on the side the punctuation joins, that side first."""
    cand, text = ctx.cand, ctx.text
    s, e = cand.content
    close = cand.qs.close_mark + 1 if cand.qs.close_mark is not None else e
    before = (cand.qs.open_mark - len(cand.pre), cand.qs.open_mark)
    after = (close, close + len(cand.post))
    regions: tuple[CharSpan, ...]
    if text[s:e].rstrip()[-1:] == "," or cand.post.lstrip()[:1] == ",":
        regions = (after, before)
    elif cand.pre.rstrip()[-1:] in (",", ":"):
        # 'Lee gave a retort: "A." She then …': the sentence after is the next one's, not an attribution
        regions = (before,) if ends_before_a_new_sentence(text[s:e], cand.post) else (before, after)
    elif ends_before_a_new_sentence(text[s:e], cand.post):
        regions = (before,)  # "A," said X. "B." However, Y told ...: Y's cue belongs to the next sentence
    else:
        regions = (after, before)
    for a, b in regions:
        if b > a:
            cue = _cue_near(ctx.doc, cand.content, ctx.quoted, a, b)
            if cue is not None:
                return _by_cue(ctx, cue)
    return None


def cue_in_sentence(ctx: AttributionContext) -> Attribution | None:
    """The cue nearest the quotation anywhere in its (parsed) sentence, beyond the text beside the marks."""
    return _by_cue(ctx, _cue_near(ctx.doc, ctx.cand.content, ctx.quoted, *ctx.sentence))


def speech_verb_next_to_marks(ctx: AttributionContext) -> Attribution | None:
    """``“…,” she snapped``: a verb with a subject against the marks, cue table or not."""
    return _by_cue(ctx, _speech_verb_next_to(ctx.doc, ctx.cand, ctx.quoted))


def dash_or_colon_source(ctx: AttributionContext) -> Attribution | None:
    """``“…” - the minister, Ann Lee`` / ``Pollster Lee: “…”``: a name after a dash or before a colon."""
    src = dash_source(ctx.doc, ctx.text, ctx.cand)
    if src is None:
        src = _colon_source(ctx.doc, ctx.cand)
        if src is not None and _told(src):
            return None  # "delivered a blunt message to Lee:": Lee is told, not telling
    return _signed(ctx, src) if src is not None else None


def cue_before_colon(ctx: AttributionContext) -> Attribution | None:
    """``The figures she gave were stark: …``: the cue of the sentence before, ending in a colon."""
    lo, para = ctx.sentence[0], ctx.para
    if lo > para[0] and ctx.text[:lo].rstrip().endswith(":"):
        prev = ctx.doc.char_span(para[0], lo, alignment_mode="expand")
        if prev is not None:
            return _by_cue(ctx, _cue_near(ctx.doc, ctx.cand.content, ctx.quoted, prev[-1].sent.start_char, lo))
    return None


def cue_of_paragraph_before_colon(ctx: AttributionContext) -> Attribution | None:
    """A quotation opening its paragraph after one ending in a colon (``She told the court:``): that cue."""
    pp = ctx.para_before
    if ctx.sentence[0] == ctx.para[0] and pp is not None and ctx.text[pp[0] : pp[1]].rstrip().endswith(":"):
        prev = ctx.doc.char_span(pp[0], pp[1], alignment_mode="expand")
        if prev is not None:
            return _by_cue(ctx, _cue_near(ctx.doc, ctx.cand.content, ctx.quoted, prev[-1].sent.start_char, pp[1]))
    return None


def short_attribution_sentence_after(ctx: AttributionContext) -> Attribution | None:
    """``“A”. She said so.``: a short sentence after, unless the last quotation is in this paragraph."""
    hi, para = ctx.sentence[1], ctx.para
    if hi < para[1] and (ctx.last is None or ctx.last_para != ctx.cand.para_index):
        nxt = ctx.doc.char_span(hi, para[1], alignment_mode="expand")
        if nxt is not None and len(nxt):
            sent = nxt[0].sent
            if len(sent) <= 12 and not any(inside_any(t.idx, ctx.quoted) for t in sent):
                return _by_cue(ctx, _cue_near(ctx.doc, ctx.cand.content, ctx.quoted, sent.start_char, sent.end_char))
    return None


def last_cue_subject(ctx: AttributionContext) -> Attribution | None:
    """``Lee said the plan would fail.`` then ``“…”``: the last cue subject, if newer than the last speaker."""
    subjects = cue_subjects(ctx.doc, ctx.quoted)
    k = bisect.bisect_left(subjects, (ctx.cand.qs.open_mark, -1)) - 1
    while k >= 0 and not _says_something(ctx.doc[subjects[k][1]]):
        k -= 1  # "… as NBC begin showing the series": what it shows is no one's words
    if k < 0 or subjects[k][0] < (ctx.para_before or ctx.para)[0]:
        return None
    subj = ctx.doc[subjects[k][1]]
    if is_passive_target(subj.head, subj):
        return None  # "an operation which was aimed at …": the last cue's target, no speaker
    last = ctx.last
    last_at = last.speaker.mention[0] if last is not None and last.speaker.mention else -1
    if subj.idx <= last_at:
        return None
    found = _by_name(ctx, subj)
    # a subject that names no one ("the base station processes ...") does not interrupt the speaker
    return found if found is None or found[0].name is not None or last is None else None


def _says_something(subj: Token) -> bool:
    """One of the cues ``subj`` is the subject of reports speech or thought (said, believes) or
    is its sentence's main verb ("Lee identified boredom as the reason"), not only an act or a
    display inside a clause ("… around the time Channel Nine begin showing it")."""
    sent = subj.sent
    doc = subj.doc
    cues = cue_indices(doc)
    own = [doc[i] for i in cues[bisect.bisect_left(cues, sent.start) : bisect.bisect_left(cues, sent.end)]
           if cue_subject(doc[i]) == subj]
    return not own or any(lemma_act(cue_lemma(c)) != "other" or c.dep_ == "ROOT"
                          or c.dep_ == "conj" and c.head.dep_ == "ROOT" for c in own)


def person_introduced_before(ctx: AttributionContext) -> Attribution | None:
    """``Coach Ann Lee wants a change. “…”``: the person the sentence before introduces as its subject."""
    # a journalist's lead-in needs no reporting verb: the quotation is theirs, not the last speaker's
    last, mark = ctx.last, ctx.cand.qs.open_mark
    lo = len(ctx.text[:mark].rstrip())
    if last is None or ctx.text[lo - 1 : lo] not in (".", "!", "?"):
        return None
    span = ctx.doc.char_span(lo - 1, lo, alignment_mode="expand")
    if span is None or not len(span) or span[0].sent.start_char < (ctx.para_before or ctx.para)[0]:
        return None
    sent = span[0].sent
    if any(a < lo and b > sent.start_char for a, b in ctx.quoted):
        return None  # a sentence with words of its own: its speaker is resolved there
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ != "PERSON" or root.pos_ not in ("VERB", "AUX"):
        return None
    ent = next((p for p in ctx.people if any(s <= subj.idx < e for s, e in p.mentions)), None)
    if ent is None or ent.name == last.speaker.name or min(s for s, _e in ent.mentions) < sent.start_char:
        return None  # not newly introduced there: the article may be going on about them
    return _by_name(ctx, subj)


def last_speaker_continues(ctx: AttributionContext) -> Attribution | None:
    """An unattributed quotation within a paragraph of the last one continues its speaker."""
    last = ctx.last
    if last is not None and ctx.cand.para_index - ctx.last_para <= 1:
        return replace(last.speaker), None, None
    return None


ATTRIBUTION_STRATEGIES: tuple[Strategy, ...] = (
    signature,
    named_colon,
    cue_where_punctuation_points,
    cue_in_sentence,
    speech_verb_next_to_marks,
    dash_or_colon_source,
    cue_before_colon,
    cue_of_paragraph_before_colon,
    short_attribution_sentence_after,
    last_cue_subject,
    person_introduced_before,
    last_speaker_continues,
)
"""Tried in this order by ``attribute_passage``; the module docstring says what each reads."""


# What the strategies look for: a name by a dash or a colon, a cue near the quotation, a cue's subject.


def dash_source(doc: Doc, text: str, cand: QuotedPassage, *, first_word: bool = False) -> Token | None:
    """``"…" - X`` layouts: a name right after the closing mark and a dash (``first_word``:
    the dash's very next word is the name, a signature no cue can override)."""
    if cand.qs.close_mark is None:
        return None
    at = cand.qs.close_mark + 1
    # a signature may stand in the next paragraph ('"…"\n\n- Ann Lee.'); other dash sources not
    while at < len(text) and (text[at].isspace() or text[at] == ",") and (first_word or text[at] != "\n"):
        at += 1
    if at >= len(text) or text[at] not in DASHES:
        return None
    at += 1
    while at < len(text) and text[at].isspace() and text[at] != "\n":
        at += 1  # "― \xa0Ann Lee": a no-break space is a token of its own
    span = doc.char_span(at, min(len(text), at + 60), alignment_mode="expand")
    if span is None:
        return None
    titled = span[0].text.lstrip(DASHES) in names.titles()  # "-Mayor Tom Reed", "- Sen. Lee"
    for t in span:
        if first_word and t.i > span.start + titled:
            break
        if t.ent_type_ == "PERSON" or t.pos_ == "PROPN":
            k = t.i
            while k + 1 < span.end and (doc[k + 1].pos_ == "PROPN" or doc[k + 1].ent_type_ == "PERSON"):
                k += 1
            return None if introduces_next(text, at) else doc[k]
        if t.is_sent_start and t.i > span.start:
            break
    return None


LIST_ITEM_WORDS = 60
"""Characters of a dash-list item's lead-in ("- Brentford boss Ann Lee:") before its quotation."""


def introduces_next(text: str, at: int) -> bool:
    """The words after a dash at ``at`` open a list item that introduces the next quotation
    ("- Rovers boss Ann Lee: "…"" or, colon left out, "- Rovers boss Ann Lee "…""): they sign
    no quotation before them."""
    line = text[at : text.find("\n", at) if "\n" in text[at:] else len(text)]
    head = line[:LIST_ITEM_WORDS]
    cut = min((head.find(c) for c in ':"“' if c in head), default=-1)
    return cut > 0 and not any(c in head[:cut] for c in ".?!,")


def _list_item_source(doc: Doc, cand: QuotedPassage) -> Token | None:
    """``- Rovers boss Ann Lee "…"``: a dash-list item whose lead-in, with no colon, ends in a
    name just before the opening mark (match reports list each manager's words so)."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, cand.qs.open_mark) + 1
    lead = text[start : cand.qs.open_mark]
    item = lead.lstrip()
    if not item[:1] or item[0] not in DASHES or len(item) > LIST_ITEM_WORDS or any(c in item for c in ".?!,:"):
        return None
    span = doc.char_span(start + len(lead) - len(item) + 1, cand.qs.open_mark, alignment_mode="contract")
    if span is None or not len(span) or any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    tok = span[-1]
    return tok if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" else None


def is_cue_word(tok: Token) -> bool:
    """A cue by its word whatever the tagger says ("notes", "says" tagged as nouns)."""
    return tok.lemma_.lower() in cue_lemmas() or tok.lower_.endswith("s") and tok.lower_[:-1] in cue_lemmas()


def _before_parentheses(tok: Token) -> Token:
    """A subject parsed inside "(R-OH)" stands for the name in front of the brackets."""
    t = token_table(tok.doc)
    text = t.text
    start = t.sent_bounds[tok.i][0]
    k = tok.i
    while k > start and text[k] not in "()":
        k -= 1
    if text[k] == "(" and k > 0 and any(text[j] == ")" for j in range(tok.i, min(t.n, tok.i + 6))):
        if t.pos[k - 1] in ("PROPN", "NOUN", "PRON"):
            return tok.doc[k - 1]
    return tok


def subject_of(cue: Token, quoted: list[CharSpan] | None = None) -> Token | None:
    """The cue's subject; in the inverted ``"…," said X`` the parser often makes X an
    object, and a cue tagged as a noun (``Conway notes.``) follows its subject."""
    subj = _subject_of(cue, quoted)
    return _before_parentheses(subj) if subj is not None else None


def _subject_of(cue: Token, quoted: list[CharSpan] | None) -> Token | None:
    reporter = _reporter_of_conjoined_cue(cue)
    if reporter is not None:
        return _subject_of(reporter, quoted)
    quoted_as_saying = _quoted_as_saying(cue)
    if quoted_as_saying is not None:
        return quoted_as_saying
    subj = cue_subject(cue)
    if subj is not None and agent_speaks(cue, subj):
        # "Lee is being sued by his ex-partner, claiming …": the agent claims, not the one sued
        subj = passive_agent(cue.head)
    if subj is not None and is_passive_target(cue, subj):
        return None  # "an operation which was aimed at fighting "…"": what the words are about
    named_after = name_after_parenthetical_cue(cue)
    if named_after is not None and (subj is None or subj.ent_type_ != "PERSON" and subj.pos_ != "PRON"):
        return named_after  # "The ministers' comments, said Ann Lee of Acme, were "…"": Lee's words
    antecedent = relative_antecedent(subj) if subj is not None else None
    if antecedent is not None:
        subj = _issuer(antecedent) or subj  # "she released a video that said …": hers
    if subj is not None and subj.dep_ in SUBJECT_DEPS:
        # "Tuesday in Berea, OH, …, Gov. Lee (R-OH), said": of several subjects, the nearest
        # that names someone ("Mr Lee, Acme's chief said": Lee, not "chief"), also those a
        # participle inherits ("In Salem, New Hampshire, Trump went on, calling …": Trump)
        verb = subj.head
        subjects = [c for c in verb.children if c.dep_ == subj.dep_]
        subjects = [c for c in subjects if c.ent_type_ == "PERSON" or c.pos_ == "PROPN"] or subjects
        subj = min(subjects, key=lambda c: abs(c.i - verb.i))
        if subj.ent_type_ in NOT_SPEAKERS:  # "In Salem, New Hampshire, Ann Lee went …" with Lee in apposition
            subj = next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), subj)
    if subj is not None and not (quoted and inside_any(subj.idx, quoted)):
        return subj
    doc = cue.doc
    if cue.tag_ == "VBG" and cue.dep_ in ("advcl", "conj", "xcomp") and is_cue_word(cue.head):
        # '"…," said Lee, explaining he …': the participle's subject is its head's, never a word after it
        return _subject_of(cue.head, quoted) if cue.head.i < cue.i else None
    b = cue.i - 1
    while b >= 0 and doc[b].is_space:  # '…accountability,”\n added Gowdy'
        b -= 1
    before = doc[b] if b >= 0 else None
    # '"…," Ann Lee, told the paper': the one told never follows as an inverted subject
    inverted = (before is None or before.is_punct or before.is_quote) and cue.lemma_.lower() != "tell"
    for c in cue.rights if inverted else ():
        if c.dep_ in INVERTED_SUBJECT_DEPS and c.ent_type_ not in NOT_SPEAKERS \
                and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN"):
            return c
    k = cue.i + 1
    while inverted and k < min(len(doc), cue.i + 10):  # "…," said ranking Democrat Eli Cummings
        tok = doc[k]
        if tok.is_punct and tok.text in ",.;:" or tok.is_sent_start:
            break
        if (tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ == "PERSON") and tok.ent_type_ not in NOT_SPEAKERS:
            while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and not doc[k + 1].is_sent_start:
                k += 1
            return doc[k]
        k += 1
    for c in cue.rights if inverted and cue.tag_ != "VBG" else ():  # ", telling the crowd" is no inversion
        if c.pos_ == "NOUN" and c.dep_ in INVERTED_SUBJECT_DEPS and c.ent_type_ not in NOT_SPEAKERS \
                and any(d.dep_ in ("det", "poss") and d.i < c.i for d in c.children):
            return c  # '"…?" asked the boy, who …'
    if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN"):
        return _issuer(cue.head) or cue.head  # "signs calling Christie ...", "a statement saying ..."
    k = cue.i - 1
    while k >= max(cue.sent.start, cue.i - 8) and not (quoted and inside_any(doc[k].idx, quoted)):
        tok = doc[k]
        if tok.text == ")":  # "Gov. John Kasich (R-OH) said"
            while k > cue.sent.start and doc[k].text != "(":
                k -= 1
            k -= 1
            continue
        if tok.ent_type_ in NOT_SPEAKERS or tok.dep_ == "pobj":
            # "Trump, speaking in New Hampshire on Saturday, called ...": skip the modifier
            mod = tok
            while mod.head.i < cue.i and mod.head.i >= cue.sent.start and mod.dep_ in ("pobj", "prep", "compound", "npadvmod", "advcl", "acl", "advmod"):
                mod = mod.head
            k = min(k, mod.left_edge.i) - 1
            continue
        if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ == "PERSON":
            return tok  # "..., Jake Sullivan, said:" with the subject left unattached
        if tok.pos_ == "NOUN" and tok.dep_ in ("appos", "conj") and any(c.dep_ in ("det", "poss") for c in tok.children):
            return tok  # "In an interview with A and B, the candidate stated" parsed as one apposition
        if not (tok.is_punct or tok.pos_ in ("ADV", "AUX", "PART")):
            break
        k -= 1
    return None


def _quoted_as_saying(cue: Token) -> Token | None:
    """``the paper quoted Ann Lee as saying``, ``reports a union source as saying``: the object
    is who spoke; the subject (a newspaper, an agency) only passed the words on."""
    if not any(c.lower_ == "as" and any(g.tag_ == "VBG" and is_cue_word(g) for g in c.children) for c in cue.children):
        return None
    return next((c for c in cue.children if c.dep_ in ("dobj", "dative")), None)


def _reporter_of_conjoined_cue(cue: Token) -> Token | None:
    """``Paul said the plan would cost more, and called him "reckless"``, ``Lee denied the
    notion that a shakeup is coming, explaining that …``: a subjectless speech verb the parser
    hung inside the reported clause goes on the report, and its speaker is the outer cue's (not
    the subject of the clause it hangs on, "the plan", "a shakeup")."""
    if cue.dep_ not in ("conj", "advcl") or not is_cue_word(cue) or is_cue_word(cue.head):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in cue.children):
        return None
    node = cue.head
    for _ in range(3):
        if node.dep_ not in ("ccomp", "acl", "dobj"):
            return None
        node = node.head
        if is_cue_word(node):
            return node
    return None


def _issuer(document: Token) -> Token | None:
    """Who put out the document a participle cue hangs on: "she released a statement saying …"
    is her saying it, as "the campaign's statement said" is the campaign's."""
    if document.dep_ == "pobj":  # "sent an email to supporters stating …": the email states
        owner = document.head.head
        sent = [c for c in owner.children if c.dep_ == "dobj"] if owner.pos_ == "VERB" else [owner]
        document = next((d for d in sent if d.lemma_.lower() in speech_documents()), document)
    verb = document.head
    if document.dep_ != "dobj" or verb.pos_ != "VERB" or document.lemma_.lower() not in speech_documents():
        return None
    subj = cue_subject(verb)
    return subj if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS else None


LEAD_IN_WINDOW = 12
"""Tokens before ``, "…"`` or ``: "…"`` in which the verb introducing the quotation is looked for."""


def _speech_verb_next_to(doc: Doc, cand: QuotedPassage, quoted: list[CharSpan]) -> Token | None:
    """Any verb with a subject right after ``"…,"`` or right before ``, "…"`` (``Trump
    barked``): the layout itself marks the verb as the cue."""
    post, pre = cand.post, cand.pre
    content = doc_text(doc)[cand.content[0] : cand.content[1]].rstrip()
    ends_open = content[-1:] in ",?!—–-" or post.lstrip()[:1] == ","
    if cand.qs.close_mark is not None and ends_open and post.strip()[:1] not in ".?!" and post.strip():
        span = doc.char_span(cand.qs.close_mark + 1, cand.qs.close_mark + 1 + len(post), alignment_mode="expand")
        if span is not None:
            for tok in span[:6]:
                if inside_any(tok.idx, quoted):
                    continue
                if not tok.is_alpha:
                    continue  # "―" tagged as a verb
                if tok.pos_ == "VERB" and subject_of(tok, quoted) is not None:
                    return tok
                if is_cue_word(tok) and subject_of(tok, quoted) is not None:
                    return tok
    if pre.rstrip()[-1:] in (",", ":"):
        span = doc.char_span(cand.qs.open_mark - len(pre), cand.qs.open_mark, alignment_mode="expand")
        if span is not None:
            for tok in reversed(span[-LEAD_IN_WINDOW:]):  # "Lee makes a libertarian-style case: "
                if tok.text in DASHES and tok.whitespace_:
                    break  # "What that means - More from Lee: "…"": a heading's verb, not the source's
                if tok.is_alpha and tok.pos_ == "VERB" and subject_of(tok, quoted) is not None and not inside_any(tok.idx, quoted):
                    return tok
    return None


def _told(tok: Token) -> bool:
    """``delivered a message to Lee``, ``told Lee``: the object of a verb that has a subject of
    its own in the clause (not a name after a heading's dash, "… IN OTHER STATES - Ann Lee")."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if tok.dep_ in ("dobj", "dative") and verb.lemma_.lower() == "tell":
        return True  # "But told BBC News:" with its subject lost: still the one told
    if tok.dep_ not in ("dobj", "pobj", "dative") or verb.pos_ != "VERB" or cue_subject(verb) is None:
        return False
    return not any(t.text in DASHES for t in tok.doc[min(verb.i, tok.i) : max(verb.i, tok.i)])


def _colon_source(doc: Doc, cand: QuotedPassage) -> Token | None:
    """``Jeffrey M. Jones: "…"``: a name (or a noun) standing alone before a colon."""
    pre = cand.pre.rstrip()
    if not pre.endswith(":"):
        return _list_item_source(doc, cand)
    end = cand.qs.open_mark - (len(cand.pre) - len(pre)) - 1
    span = doc.char_span(max(0, end - 60), end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[-1]
    if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN":
        return tok
    return None


def _cue_near(doc: Doc, quote: CharSpan, quoted: list[CharSpan], lo: int, hi: int) -> Token | None:
    """The cue closest to the quotation, in ``[lo, hi)`` outside any quotation, with a subject."""
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return None
    cues = cue_indices(doc)
    found: list[tuple[Token, Token]] = []
    passive: list[tuple[Token, Token]] = []
    for i in cues[bisect.bisect_left(cues, span.start) : bisect.bisect_left(cues, span.end)]:
        tok = doc[i]
        if inside_any(tok.idx, quoted):
            continue
        subj = subject_of(tok, quoted)
        if subj is not None:
            found.append((tok, subj))
        elif (own := cue_subject(tok)) is not None and is_passive_target(tok, own):
            passive.append((tok, own))
    # with no other cue, a passive one ends the search too: its words have no speaker named
    found = found or passive
    # a cue inside another cue's subject ('Lee, who has not endorsed anyone, told …') describes the speaker
    found = [(tok, _) for tok, _ in found if not any(s.left_edge.i <= tok.i <= s.right_edge.i for c, s in found if c != tok)]
    found = [(tok, _) for tok, _ in found if not _inside_report(tok, [c for c, _s in found])]
    if not found:
        return None
    return min((tok for tok, _ in found), key=lambda tok: quote[0] - tok.idx if tok.idx < quote[0] else tok.idx - quote[1])


def _inside_report(cue: Token, cues: list[Token]) -> bool:
    """``cue`` reports no speech or thought ("shown", "proved") and lies inside what another of
    ``cues``, one that does, reports ("Lee said Reyes had shown he could win: "…""): the quotation
    is the reporter's, and the inner subject is only talked about."""
    if lemma_act(cue_lemma(cue)) != "other":
        return False
    return any(c != cue and lemma_act(cue_lemma(c)) != "other" and c in cue.ancestors for c in cues)


def _sentence_bounds(doc: Doc, s: int, e: int, para: tuple[int, int]) -> tuple[int, int]:
    a = doc.char_span(s, s + 1, alignment_mode="expand")
    b = doc.char_span(max(s, e - 1), e, alignment_mode="expand")
    lo = a[0].sent.start_char if a is not None and len(a) else s
    hi = b[-1].sent.end_char if b is not None and len(b) else e
    return max(lo, para[0]), min(hi, para[1])

