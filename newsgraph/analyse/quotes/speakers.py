"""Who said it: a cue's subject turned into a ``Speaker`` (``speaker_for``, ``name_speaker``).

The cue and its subject come from ``base/cues.py``; names are resolved by ``person_names.py``
and ``coreference.py``, organisations, groups and unnamed sources by ``non_person_speakers.py``.
This module joins them: coordinated subjects, documents speaking for their authors, the reporter
of a denial, an unnamed source the next sentence names.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.analyse.base.cues import (
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    cue_subject,
    is_cue,
    relative_antecedent,
)
from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.spans import inside_any
from newsgraph.analyse.entities.names import known_given_name, titles
from newsgraph.analyse.quotes.coreference import (
    described_by_name,
    described_person,
    pronoun_referent,
    resolve_name,
)
from newsgraph.analyse.quotes.descriptions import (
    organisation_named_next,
    organisations_named_together,
    person_described,
)
from newsgraph.analyse.quotes.non_person_speakers import (
    canonical_org,
    describe_source,
    name_after_description,
    names_people,
    org_entity_at,
    subject_before_dashes,
)
from newsgraph.analyse.quotes.person_names import (
    PRONOUNS,
    THIRD_PERSON,
    appositive_name,
    cue_subjects,
    mention_span,
    name_index,
    name_tokens,
    organisation_taken_for_person,
    person_in_phrase,
    speech_documents,
    titled_person,
)
from newsgraph.model import Entity, Speaker
from newsgraph.model import Span as CharSpan

__all__ = ["cue_subjects", "mention_span", "name_index", "name_speaker", "speaker_for", "speech_documents"]
"""Also what ``direct``, ``indirect`` and ``attribution`` read from here (names from ``person_names``)."""


def conjuncts(tok: Token) -> list[Token]:
    """The other speakers a subject is coordinated with ("Apple and Motorola said"), not the
    parts of one name the tagger split ("Marks and Spencer": a part the article never writes
    apart), nor a bare description ("Screenwriter and producer Ann Lee"), nor titles set between
    commas with no "and" ("the head of the unit, Chief Superintendent, Ann Lee")."""
    doc = tok.doc
    out = [c for c in tok.conjuncts if c.i > tok.i and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if not any(g.dep_ == "cc" for m in [tok, *out] for g in m.children):
        return []  # "the head of the unit, Chief Superintendent, Ann Lee": titles set between commas
    if any(m.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in m.children) for m in [tok, *out]):
        return []  # "technology and broadband analyst": one person's description
    if len(out) == 1 and tok.pos_ == out[0].pos_ == "PROPN":
        text = doc_text(doc)
        first, second = name_tokens(tok), name_tokens(out[0])
        pair = doc[first.start : second.end].text
        alone = [len(re.findall(rf"(?<!\w){re.escape(sp.text)}(?!\w)", text)) for sp in (first, second)]
        if min(alone) <= text.count(pair):
            return []  # one name the tagger split
    return out


def name_speaker(
    doc: Doc, subj: Token, people: list[Entity], before: int, skip: list[CharSpan] | None = None
) -> Speaker:
    """The speaker a cue's subject names, without its mention; coordinated subjects ("Apple and
    Motorola said", "the company and its shareholders said") are one GROUP named by the
    canonical names of its members ("Apple and Motorola", "Nordmark and its shareholders")."""
    skip = skip or []
    if _told_verb(subj, before) is not None:  # "she was told: …": the words are the teller's, never the hearer's
        teller = _teller(subj, before)
        if teller is None:
            return Speaker()
        subj = teller
    subj = _outer_subject(subj) or _as_aside_speaker(subj) or subject_before_dashes(subj) \
        or name_after_description(subj) or person_before_affiliation(subj) or quoted_source(subj, before) or subj
    members = conjuncts(subj)
    if not members:
        return _single_speaker(doc, subj, people, before, skip)
    names: list[str] = []
    for m in [subj, *members]:
        spk = _single_speaker(doc, m, people, before, skip)
        if spk.type is None or not spk.name or spk.name in names:
            return _single_speaker(doc, subj, people, before, skip)  # not a list of speakers
        names.append(spk.name or "")
    return Speaker(_joined(names), None, None, "GROUP")


def _joined(names: list[str]) -> str:
    """"Apple, Intel and Motorola": a group by its members' names."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def person_before_affiliation(subj: Token) -> Token | None:
    """"Ann Lee, Harbour Hotel Association, said": the parser made the organisation a second subject
    of the cue after the person it describes; the person speaks, the organisation is where she is from."""
    if subj.dep_ not in SUBJECT_DEPS or subj.ent_type_ not in ("ORG", "") or subj.pos_ != "PROPN":
        return None
    doc = subj.doc
    start = subj.left_edge.i
    if start < 2 or doc[start - 1].text != ",":
        return None
    person = doc[start - 2]
    fragment = person.sent.end == start - 1 and all(t.ent_type_ == "PERSON" for t in person.sent)
    if person.ent_type_ != "PERSON" or not fragment and (person.head != subj.head or person.dep_ not in SUBJECT_DEPS):
        return None  # the name a second subject of the cue, or a sentence of its own the parser cut off
    return person if org_entity_at(doc, subj.idx) is not None or subj.ent_type_ == "ORG" else None


QUOTING_LEMMAS = frozenset({"quote", "cite"})
"""Verbs whose subject passes on words and whose object said them ("the paper quotes a source")."""


def quoted_source(subj: Token, before: int) -> Token | None:
    """'"…," the newspaper quotes a source close to the firm': the one quoted said the words (at
    ``before``), not the paper that quotes them; not when the words are whom it quotes."""
    verb = subj.head
    if subj.dep_ != "nsubj" or verb.lemma_.lower() not in QUOTING_LEMMAS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ == "PRON" and obj.lower_ not in ("him", "her", "them"):
        return None
    if obj.left_edge.idx <= before <= obj.right_edge.idx:
        return None
    return obj if obj.ent_type_ == "PERSON" or obj.pos_ in ("NOUN", "PRON") and names_people(obj.lemma_.lower()) \
        or obj.pos_ == "PROPN" else None


def _as_aside_speaker(subj: Token) -> Token | None:
    """"Harbourville, as one of the mayor's advisers pointed out, rarely floods": the parser made
    the town the subject of the aside's verb; the one in the "as" phrase speaks."""
    cue = subj.head
    if subj.dep_ not in SUBJECT_DEPS or subj.i > cue.i:
        return None
    for c in cue.children:
        if c.lower_ == "as" and c.dep_ == "prep" and subj.i < c.i < cue.i:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.right_edge.i == cue.i - 1:
                return obj
    return None


def _outer_subject(subj: Token) -> Token | None:
    """The subject of the main clause when the cue's own subject is a "which" that stands for
    no noun ("He ruled out free care - which is on offer elsewhere, saying …": he spoke)."""
    if subj.lower_ not in RELATIVE_PRONOUNS or relative_antecedent(subj) is not None:
        return None
    clause = subj.head
    if clause.dep_ not in ("advcl", "conj", "ccomp", "parataxis") or clause.head == clause:
        return None
    if not any(c.tag_ == "VBG" and c.dep_ == "advcl" for c in clause.children):
        return None  # the cue is the clause's own verb ("which would raise"), not a participle on it
    return next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)


def _single_speaker(doc: Doc, subj: Token, people: list[Entity], before: int, skip: list[CharSpan]) -> Speaker:
    """The speaker one subject names: a person of the article by full name, else an
    organisation, group or unnamed source (``non_person_speakers.describe_source``)."""
    firm = organisation_named_by(doc, subj) or organisation_taken_for_person(doc, subj)
    if firm is not None:
        return Speaker(canonical_org(doc, firm.name), None, None, "ORG")
    if subj.lower_ in ("it", "they") and subj.dep_ != "nsubjpass":
        found = describe_source(doc, subj, before, skip)
        if found is not None:
            return Speaker(found.name, None, None, found.type, found.affiliation)
    if subj.lower_ in THIRD_PERSON and appositive_name(subj) is None:
        ref = pronoun_referent(doc, subj, before, skip)
        if isinstance(ref, Token):  # "a spokeswoman said ... she added": the unnamed source
            found = describe_source(doc, ref, ref.idx, skip)
            return Speaker(found.name, None, None, found.type, found.affiliation) if found else Speaker()
        return Speaker(ref, None, None, "PERSON") if ref else Speaker()
    name, desc = resolve_name(doc, subj, people, before, skip)
    if name is not None and subj.lower_ != "they":
        return Speaker(name, None, desc, "PERSON")
    if subj.lower_ in PRONOUNS:
        return Speaker(None, None, desc)  # "they" with no group or organisation before: no guess
    described = described_person(doc, subj, before, skip) or described_by_name(doc, subj, before, skip) \
        or person_described(doc, subj, skip)
    if described is not None:
        return Speaker(described, None, desc, "PERSON")
    given = _written_after_given_name(doc, subj)
    if given is not None:
        return Speaker(given, None, desc, "PERSON")
    together = organisations_named_together(doc, subj, skip)
    if together is not None:
        return Speaker(_joined(together), None, desc, "GROUP")
    found = describe_source(doc, subj, before, skip)
    if found is None:
        return Speaker(None, None, desc)
    named = named_in_next_sentence(doc, subj, skip) if found.type == "UNNAMED" else None
    if named is not None:
        return Speaker(named, None, desc, "PERSON")
    named_org = organisation_named_next(doc, subj) if found.type in ("UNNAMED", "ORG") else None
    if named_org is not None:
        return Speaker(canonical_org(doc, named_org), None, desc, "ORG")
    return Speaker(found.name, None, desc, found.type, found.affiliation)


def _written_after_given_name(doc: Doc, subj: Token) -> str | None:
    """"Leonardo Reyes won … Reyes described …": a lone surname the tagger took for no person (or
    for a firm) is the person the article wrote earlier with one given name before it, unless a
    longer organisation's name holds it ("Reyes Motors")."""
    if subj.pos_ != "PROPN" or subj.ent_type_ == "PERSON" or any(c.dep_ in ("compound", "flat") for c in subj.children):
        return None
    if any(e.type in ("ORG", "FAC", "PRODUCT") and subj.text in e.name.split() and e.name != subj.text
           for e in doc._.entities or []):
        return None
    text = doc_text(doc)
    firsts = {m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(subj.text)}\b", text[: subj.idx])
              if known_given_name(m.group(1)) and _proper_noun_at(doc, m.start())}
    return f"{firsts.pop()} {subj.text}" if len(firsts) == 1 else None


def _proper_noun_at(doc: Doc, char: int) -> bool:
    """The word at ``char`` is tagged a proper noun (a given name, not "The" opening a sentence)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].pos_ == "PROPN"


def organisation_named_by(doc: Doc, subj: Token) -> Entity | None:
    """The organisation whose mention holds the name a subject gives: in "Ask Jeeves said" the
    tagger may take "Jeeves" for a person, but the article's entity "Ask Jeeves" is a firm."""
    named = subj if subj.ent_type_ == "PERSON" else person_in_phrase(subj)
    if named is None or named.ent_type_ != "PERSON":
        return None
    span = name_tokens(named)
    ent = org_entity_at(doc, span.end_char - 1)
    if ent is not None and ent.type == "ORG" and (org_entity_at(doc, span.start_char) is ent or span.text in ent.name):
        return ent
    text = doc_text(doc)
    for ent in doc._.entities or []:  # the firm's name written around it, the word's mention a "person"'s
        off = ent.name.find(span.text) if ent.type == "ORG" and ent.name != span.text else -1
        start = span.start_char - off
        if off >= 0 and text[start : start + len(ent.name)] == ent.name and _whole_words(text, start, start + len(ent.name)):
            return ent
    return None


def _whole_words(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def named_in_next_sentence(doc: Doc, tok: Token, skip: list[CharSpan]) -> str | None:
    """"A spokesman for the board said … "…," spokesman Tom Reyes said": the unnamed source
    whom the next sentence names with the same noun as a title, also past a title of the name's
    own ("board spokesman Dr Tom Reyes")."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return None
    sent = tok.sent
    if sent.end >= len(doc):
        return None
    lemma = tok.lemma_.lower()
    for t in doc[sent.end : doc[sent.end].sent.end]:
        k = t.i + 1
        while k + 1 < len(doc) and doc[k].pos_ == "PROPN" and doc[k].ent_type_ != "PERSON" and doc[k].text.rstrip(".") in titles():
            k += 1
        nxt = doc[k] if k < len(doc) else None
        if t.lemma_.lower() != lemma or nxt is None or nxt.ent_type_ != "PERSON" or inside_any(t.idx, skip):
            continue
        if not any(c.dep_ in ("det", "poss") for c in t.children):
            ent = name_index(doc).entity_at(nxt.idx)
            return ent.name if ent is not None else None
    return None


def _inverted_reporter(subj: Token) -> Token | None:
    """The one an inverted "said NAME" after the closing mark names: in '"The study adds "a vital
    piece of evidence," said Ann Lee' the words, the study's "adds" among them, are hers."""
    verb = subj.head
    if subj.dep_ not in SUBJECT_DEPS or subj.pos_ == "PRON" or subj.ent_type_ == "PERSON":
        return None  # "he hopes … ," said Lee: the same person, already resolved
    if verb.dep_ == "ROOT":
        return _reporter_in_next_sentence(verb)
    if verb.dep_ != "ccomp":
        return None
    outer = verb.head
    reporter = cue_subject(outer) if is_cue(outer) and outer.i > verb.i else None
    if reporter is None or reporter.i < outer.i or reporter.lower_ in ("i", "we"):
        return None  # only the inverted "…," said Lee; not '… mayors: "I back …"' parsed under "back"
    doc = subj.doc
    closing = [t for t in doc[verb.i + 1 : min(outer.i, reporter.i)] if t.is_quote]
    return reporter if closing and all(t.is_quote or t.is_punct for t in doc[closing[-1].i : min(outer.i, reporter.i)]) else None


def _reporter_in_next_sentence(verb: Token) -> Token | None:
    """The inverted "said NAME" after the closing mark of the words ``verb`` introduces, when the
    parser split the sentence inside them."""
    doc = verb.doc
    opening = next((t for t in verb.sent if t.i > verb.i and t.is_quote), None)
    if opening is None:
        return None
    closing = next((t for t in doc[opening.i + 1 : opening.i + QUOTE_REACH] if t.is_quote), None)
    if closing is None or closing.sent == verb.sent and closing.i + 1 < verb.sent.end:
        return None  # the words end in the sentence: an inverted cue there is the parser's own
    outer = closing.i + 1
    while outer < len(doc) and doc[outer].is_punct:
        outer += 1
    if outer >= len(doc) or not is_cue(doc[outer]):
        return None
    reporter = cue_subject(doc[outer])
    return reporter if reporter is not None and reporter.i > outer and reporter.sent == doc[outer].sent else None


QUOTE_REACH = 120
"""Tokens after an opening mark within which its closing mark is looked for."""


def _reporter_of_denial(subj: Token) -> Token | None:
    """The subject of the reporting verb around a denied one: in "Ann Lee said Tom Reyes had not
    mentioned 'any risk'" the words are hers; Tom Reyes is who did not say them."""
    verb = subj.head
    if subj.dep_ not in SUBJECT_DEPS or not any(c.dep_ == "neg" for c in verb.children):
        return None
    outer = verb.head
    if verb.dep_ != "ccomp" or not is_cue(outer):
        return None
    return cue_subject(outer)


TOLD_LEMMAS = frozenset({"tell", "warn", "ask", "assure", "inform"})
"""Verbs whose passive subject heard the words ("she was told", "he was warned")."""


def _told_verb(subj: Token, before: int) -> Token | None:
    """The passive "told" whose subject heard the words a cue reports: the cue itself ("she was
    told: …") or, when the words (starting at ``before``) come after it, the clause a cue reports
    ("Lee says she was told: …"; but "Lee said she was asked to speak" is Lee's report)."""
    cue = subj.head
    if subj.dep_ == "nsubjpass" and cue.lemma_.lower() in TOLD_LEMMAS:
        return cue
    if subj.dep_ != "nsubj":
        return None
    return next((c for c in cue.children if c.dep_ == "ccomp" and c.lemma_.lower() in TOLD_LEMMAS
                 and c.idx < before and any(g.dep_ == "auxpass" for g in c.children)
                 and any(g.dep_ == "nsubjpass" for g in c.children)), None)


def _teller(subj: Token, before: int) -> Token | None:
    """Who told the words a passive "told" reports ("he was told by a minister"), if written."""
    told = _told_verb(subj, before)
    if told is None:
        return None
    return next((o for a in told.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)


def speaker_for(
    doc: Doc, subj: Token, people: list[Entity], before: int, skip: list[CharSpan] | None = None
) -> Speaker:
    """A Speaker (name, type, mention span, descriptor) for a cue's subject. "The
    campaign's statement said": the campaign speaks."""
    if subj.lemma_.lower() in speech_documents():
        owner = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
        if owner is not None:
            subj = owner
    subj = _reporter_of_denial(subj) or _inverted_reporter(subj) or person_before_affiliation(subj) \
        or quoted_source(subj, before) or subj
    spk = name_speaker(doc, subj, people, before, skip)
    if _told_verb(subj, before) is not None:  # the hearer is no mention of the speaker
        teller = _teller(subj, before)
        if teller is None:
            return spk
        subj = teller
    target = (appositive_name(subj) if subj.pos_ != "PROPN" else None) or titled_person(subj) or subj
    spk.mention = mention_span(target)
    return spk
