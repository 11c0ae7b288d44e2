"""Indirect quotations: reported speech without quotation marks.

``X said (that) ...``, ``according to X, ...``, ``X told reporters ...``, the inverted
``..., X said.``, and the broader attributions news annotators count (``X warned of
...``, ``his support for ...``, ``a poll shows ...``). The parse proposes candidates
(``candidates.py``); a logistic-regression scorer trained on PolNeAR train
(``quotes/indirect_model.py``) keeps, for each cue word, its best content if that scores above the
model's threshold. The content excludes the cue and a leading "that".
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph.analyse.base.cues import RELATIVE_PRONOUNS, cue_lemma, cue_lemmas, cue_span, cue_subject, is_cue
from newsgraph.analyse.base.spans import inside
from newsgraph.analyse.base.token_table import token_table
from newsgraph.analyse.quotes.acts import indirect_act, lemma_act
from newsgraph.analyse.quotes.candidates import Candidate, char_pieces, generate, has_quote_mark
from newsgraph.analyse.quotes.indirect_extent import in_another_sentence, mend_pieces
from newsgraph.analyse.quotes.indirect_model import load_model, probability
from newsgraph.analyse.quotes.speakers import mention_span, name_speaker
from newsgraph.model import Entity, Quote, Speaker
from newsgraph.model import Span as CharSpan


def _speaker(doc: Doc, cand: Candidate, people: list[Entity], before: int) -> Speaker:
    src = cand.source
    cue = cand.cue
    if cue.tag_ == "VBG" and cue.dep_ in ("advcl", "conj") and cue.head.dep_ == "ccomp" and is_cue(cue.head.head):
        src = cue_subject(cue)  # "X said Y had …, adding that …": X adds, not Y
    if src is None:
        return Speaker()
    named = src
    if src.lower_ in RELATIVE_PRONOUNS and cand.cue.dep_ == "relcl":
        named = cand.cue.head  # "Lenin, who said ..."
    spk = name_speaker(doc, named, people, before)
    spk.mention = mention_span(src)
    return spk


def _named_report_in_quote(cand: Candidate) -> bool:
    """Inside a quotation, a named third person's speech clause ("Lenin, who said cinema is ...").

    The speaker's own "I said" or "you said" stays part of the quotation.
    """
    src = cand.source
    if src is None or cand.shape != "ccomp" or cand.cue.lemma_.lower() not in cue_lemmas():
        return False
    named = cand.cue.head if src.lower_ in RELATIVE_PRONOUNS and cand.cue.dep_ == "relcl" else src
    return named.ent_type_ == "PERSON"


FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})


def _first_person(cand: Candidate) -> bool:
    """Inside a quotation "I" and "we" are the quoting speaker: a third person's report holding
    them ("Nicolas told me he agrees with me") is not in that person's words."""
    doc = cand.doc
    return any(doc[i].lower_ in FIRST_PERSON for s, e in cand.pieces for i in range(s, e))


def _not_what_was_said(cand: Candidate) -> bool:
    """Clauses a cue's parse reaches that are no report: the clause around a name ("His group,
    called the Legacy Fund, will still own …": the cue names, its object is the name), and a
    clause before the cue when the cue has its content after it ("Aiming to stir growth, Manuel
    said the focus was …": the journalist's framing)."""
    cue = cand.cue
    if cand.shape in ("parenthetical", "inverted") and any(c.dep_ == "oprd" for c in cue.children):
        return True
    if _hypothetical(cue) or _asked_ones(cue) or _circumstance(cand) or in_another_sentence(cand):
        return True
    return cand.shape == "ccomp" and cand.last <= cue.i and any(
        c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)


CONDITIONAL_AUXILIARIES = frozenset({"had", "should", "were"})
ASKING = frozenset({"question", "ask", "interview", "survey", "poll", "quiz"})


def _hypothetical(cue: Token) -> bool:
    """"it would have been longer had he denied the charge": an auxiliary before the cue's
    subject makes a condition; nothing was said."""
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ in CONDITIONAL_AUXILIARIES
                                    and c.i < subj.i for c in cue.children)


def _asked_ones(cue: Token) -> bool:
    """"Teenagers questioned for a survey": a participle of asking describing a noun names those
    asked; what hangs on it tells why they were asked, not what they said."""
    return cue.dep_ in ("acl", "csubj") and cue.tag_ in ("VBN", "VBD") and cue.lemma_.lower() in ASKING


CIRCUMSTANCE_MARKS = frozenset({"while", "when", "as", "after", "before", "because", "since", "although", "though",
                                "until", "once"})


def _circumstance(cand: Candidate) -> bool:
    """"he finally agreed a few weeks ago while the crew was filming nearby": an adverbial clause
    on the cue tells when or why it happened, not what was said."""
    root = cand.root
    return cand.shape == "right" and root.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in root.children)


STAND_INS = frozenset({"PRON", "DET"})


def _only_a_pronoun(cand: Candidate) -> bool:
    """Content that only points at a claim made elsewhere ("denied this", "confirmed it")."""
    doc = cand.doc
    return cand.n_tokens <= 2 and all(doc[i].pos_ in STAND_INS for s, e in cand.pieces for i in range(s, e))


MIN_CONFIDENCE = 0.5
"""Floor on the model's own threshold (0.35, F1-optimal on held-out train). Users checking
quotes prefer fewer false ones: at 0.5 PolNeAR dev indirect precision rises .690 → .748 for
F1 .727 → .717, and the 'all' block F1 stays .790, while a feature article's stray "reports"
(prepositional objects of ordinary verbs) mostly fall away."""


SPEECH_MARGIN = 0.1
"""A candidate whose cue lemma reports speech (said, told, warned) is kept from
``min_confidence - SPEECH_MARGIN`` (0.4 by default): such cues rarely mislead, and a reader sees
each quotation's confidence. bbc-dev speech-only indirect P .899 R .808 -> P .863 R .833;
PolNeAR dev all F1 .790 -> .793."""


def find_indirect_quotes(
    doc: Doc,
    direct_spans: list[CharSpan],
    people: list[Entity],
    *,
    threshold: float | None = None,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Quote]:
    """Indirect quotes of ``doc``; ``direct_spans`` are the direct/mixed contents already found.

    A candidate is kept when the model's probability reaches its own decision threshold and
    ``min_confidence``; ``threshold`` replaces both (higher: fewer, surer quotes).
    """
    model = load_model()
    cut = max(model.threshold, min_confidence) if threshold is None else threshold
    speech_cut = max(model.threshold, min_confidence - SPEECH_MARGIN) if threshold is None else threshold
    cue_acts: dict[int, bool] = {}

    def speech_cue(i: int) -> bool:
        if i not in cue_acts:
            cue_acts[i] = lemma_act(cue_lemma(doc[i])) == "speech"
        return cue_acts[i]

    best: dict[int, tuple[float, Candidate]] = {}
    idx = token_table(doc).idx
    cue_in_direct: dict[int, bool] = {}  # a cue has several candidates
    layout = doc._.layout
    headings = [(pa.start, pa.end) for pa in layout.paragraphs if pa.kind == "heading"] if layout else []
    for cand in generate(doc):
        if headings and inside(idx[cand.cue_i], headings):
            continue  # a headline sums the article up in the journalist's words
        in_direct = cue_in_direct.get(cand.cue_i)
        if in_direct is None:
            in_direct = cue_in_direct[cand.cue_i] = inside(idx[cand.cue_i], direct_spans)
        if has_quote_mark(doc, cand, edges=not in_direct):
            continue  # a direct quote, or a mixed one (quoted fragment), found by quotes/direct.py
        if in_direct and _named_report_in_quote(cand):
            if _first_person(cand):
                continue  # '"Nicolas told me that he agrees with me"': the quoting speaker's words
            in_direct = False  # PolNeAR leaves these unannotated; a reader wants them
        if _not_what_was_said(cand):
            continue
        p = probability(doc, cand, in_direct)
        if p >= (speech_cut if speech_cue(cand.cue_i) else cut) and (cand.cue_i not in best or p > best[cand.cue_i][0]):
            best[cand.cue_i] = (p, cand)
    out: dict[tuple[CharSpan, ...], Quote] = {}
    for p, cand in best.values():
        mended = replace(cand, pieces=mend_pieces(cand))
        if not has_quote_mark(doc, mended, edges=False) or not any(
                inside(a, direct_spans) or inside(b - 1, direct_spans) for a, b in char_pieces(doc, mended)):
            cand = mended  # unless words the mend put back hold a quoted fragment quotes/direct.py has
        if _only_a_pronoun(cand):
            continue  # 'denied this': the claim is in another sentence; the words alone say nothing
        pieces = char_pieces(doc, cand)
        key = tuple(pieces)
        if key in out and out[key].confidence >= p:
            continue
        cue = cand.cue
        lemma = cue_lemma(cue)
        out[key] = Quote(
            pieces,
            "indirect",
            _speaker(doc, cand, people, pieces[0][0]),
            cue_span(cue),
            lemma,
            confidence=p,
            act=indirect_act(cue, lemma, cand.shape, cand.root),
        )
    return sorted(out.values(), key=lambda q: (q.start, q.end))
