"""Whom a pronoun or a description stands for: he/she to the person the sentence or the last
attributions name (``pronoun_referent``), "the former teacher" or "the chancellor" to the person
named or quoted just before (``described_person``), and any cue subject to a full name
(``resolve_name``). These three call one another, so they live together.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from newsgraph.analyse.base.cues import (
    SUBJECT_DEPS,
    cue_indices,
    cue_lemma,
    relative_antecedent,
)
from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.reported import reported_inside
from newsgraph.analyse.base.spans import inside_any
from newsgraph.analyse.base.token_table import token_table
from newsgraph.analyse.entities.names import gender_of, gender_words, known_given_name, titles
from newsgraph.analyse.quotes.acts import lemma_act
from newsgraph.analyse.quotes.descriptions import (
    POST_QUALIFIERS,
    nicknamed_name,
    sentence_before_in_paragraph,
    titled_surname_person,
)
from newsgraph.analyse.quotes.marks import find_quoted_spans
from newsgraph.analyse.quotes.non_person_speakers import (
    HUMAN_SUFFIXES,
    NOT_PEOPLE,
    OFFICE_ACRONYMS,
    ORG_LABELS,
    PERSON_ACRONYMS,
    QUANTIFIERS,
    introducing_phrase,
    is_noun_token,
    names_people,
    org_nouns,
    person_after_of,
)
from newsgraph.analyse.quotes.person_names import (
    PRONOUNS,
    THIRD_PERSON,
    UNNAMED_SOURCES,
    appositive_name,
    clean_name,
    cue_subjects,
    descriptor_words,
    entity_for_name,
    entity_gender,
    full_name_written,
    gender_compatible,
    honorific_or_reflexive_gender,
    misspelt_surname,
    name_index,
    name_tokens,
    office_noun,
    person_in_phrase,
    titled_person,
    without_honorific,
)
from newsgraph.model import Entity
from newsgraph.model import Span as CharSpan

NOT_PERSON_TYPES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
"""Entity types a name the tagger misread as an organisation is never given instead."""
DEMONSTRATIVES = frozenset({"that", "this", "it"})
"""Pronouns a sentence about no person opens with ("That was not enough for Ann Lee")."""
GENERIC_PEOPLE = frozenset({"man", "woman", "boy", "girl", "person"})
"""Nouns that describe nobody in particular: "a 26-year-old man said … he added" is that unnamed man."""
PRONOUN_CHAIN = 8
"""Attributions by "he"/"she" followed back to the one that names the person (a speech reported
over a page is a long run of "he said"; cut short, the last person merely mentioned wins)."""


def pronoun_referent(
    doc: Doc, tok: Token, before: int, skip: list[CharSpan] | None = None, depth: int = 0
) -> str | Token | None:
    """What he/she/they stands for (``_pronoun_referent``), never the reporter whose story the article
    reprints from before the pronoun ("McCrummen reports:" then her story: "she" is someone in it)."""
    found = _pronoun_referent(doc, tok, before, skip, depth)
    if isinstance(found, str) and any(name == found and at < tok.idx for name, at in reprint_reporters(doc, skip or [])):
        return None
    return found


def reprint_reporters(doc: Doc, skip: list[CharSpan]) -> list[tuple[str, int]]:
    """(name, where the story starts) of each reporter whose story the article reprints after "X
    reports:" or "the Post's X wrote:" (a cue ending its paragraph in a colon)."""
    cached = doc.user_data.get(_REPRINTS_KEY)
    if cached is not None:
        return cached
    found: list[tuple[str, int]] = []
    doc.user_data[_REPRINTS_KEY] = found  # filled below; a pronoun met on the way finds none yet
    idx = name_index(doc)
    for at, i in cue_subjects(doc, skip):
        subj = doc[i]
        start = _reprint_start(subj) if subj.lower_ not in PRONOUNS else None
        if start is not None and (name := resolve_name(doc, subj, idx.people, at, skip)[0]) is not None:
            found.append((name, start))
    doc.user_data[_REPRINTS_KEY] = found
    return found


_REPRINTS_KEY = "newsgraph_reprint_reporters"


def _pronoun_referent(
    doc: Doc, tok: Token, before: int, skip: list[CharSpan] | None = None, depth: int = 0
) -> str | Token | None:
    """What he/she/they stands for: the full name of a person named earlier in the same
    sentence, else of whoever the last attribution before it names, else of the last person
    mentioned outside quotations (a person of the other gender is skipped); or the subject token
    of the unnamed source the last attribution names ("a spokeswoman said ... she added")."""
    idx = name_index(doc)
    skip = skip or []
    gender = PRONOUNS.get(tok.lower_)
    words = gender_words()
    sent = tok.sent
    for t in reversed(doc[sent.start : tok.i]):
        # a name the tagger typed otherwise ("Reyes" as a place) counts when it names one of the article's people
        if t.dep_ in SUBJECT_DEPS and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN") and not inside_any(t.idx, skip):
            ent = entity_for_name(doc, name_tokens(t).text, t.idx)
            if ent is not None and gender_compatible(doc, ent.name, gender):
                unsure = entity_gender(doc, ent) is None  # "Chris …": another named may be the one
                return (_object_of_gender(t, tok, skip, gender) if unsure else None) or ent.name
    alone = _only_person_of_sentence_before(doc, tok, skip, gender)
    if alone is not None:
        return alone
    subjects = cue_subjects(doc, skip)
    k = bisect.bisect_left(subjects, (min(before, tok.idx), -1)) - 1
    passed_name = False
    while k >= 0 and depth < PRONOUN_CHAIN and before - subjects[k][0] < 3000:
        prev = doc[subjects[k][1]]
        k -= 1
        if prev.i == tok.i or reported_inside(prev):
            continue  # "he said the cuts proposed by Tom Reyes …": Tom Reyes is talked about
        if (start := _reprint_start(prev)) is not None and start < tok.idx:
            continue  # "McCrummen reports:" and her story: "she" in it is someone the story is about
        prev = _made_to_speak(prev) or prev
        if prev.lower_ == "who" and prev.head.dep_ == "relcl":
            prev = prev.head.head  # "The seventh seed, who is expected to …": the seed
        if prev.lower_ in THIRD_PERSON:
            if PRONOUNS.get(prev.lower_) != gender:
                continue
            found = pronoun_referent(doc, prev, prev.idx, skip, depth + 1)
            if not isinstance(found, str):
                return found  # the unnamed source the previous "she" stood for (or nobody)
            name: str | None = found
        elif (noun := person_after_of(prev) or prev).pos_ == "NOUN" and (
                prev.ent_type_ != "PERSON" and person_in_phrase(prev) is None and appositive_name(prev) is None):
            described = None
            if noun is prev and not idx.describing and noun.lemma_.lower() not in UNNAMED_SOURCES | GENERIC_PEOPLE:
                # "the Tory leader said … he said" (not "a man", "a spokesman": unnamed, handled below);
                # no loop back here through the description's own "he"
                idx.describing = True
                try:
                    described = described_person(doc, prev, prev.idx, skip)
                finally:
                    idx.describing = False
            if described is None and noun is prev and _one_described_just_before(prev, tok, gender):
                return prev  # "… prompted the prime minister to say …. He told MPs": the one described
            if described is not None and gender_compatible(doc, described, gender):
                later = _person_subject_between(doc, prev.sent.end_char, tok.idx, skip, gender)
                if later is None and (_person_between(doc, prev.sent.end_char, tok.idx, skip, gender)
                                      or _untagged_name_subject_between(doc, prev.sent.end_char, tok.idx)):
                    continue  # someone named came between: maybe not the described one; read on back
                return later or described
            said = words.get(noun.lower_)
            if said == gender or said is None and noun.lemma_.lower() in UNNAMED_SOURCES:
                named = noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "PROPN"  # "his daughter Emily"
                if noun.tag_ != "NN":
                    continue  # "analysts said": a group is not "she"
                if named:
                    return None
                later = _person_subject_between(doc, prev.sent.end_char, tok.idx, skip, gender)
                if later is None and (passed_name or _person_between(doc, prev.sent.end_char, tok.idx, skip, gender)):
                    return None  # someone named came between: not the unnamed one further back
                return later or prev  # "a spokeswoman said ... she added": that unnamed source
            continue
        else:
            name, _ = resolve_name(doc, prev, idx.people, prev.idx, skip)
            if name is None and prev.pos_ == "ADJ":  # "The 14-year-old said she …"
                name = described_person(doc, prev, prev.idx, skip)
            passed_name = passed_name or name is not None and gender_compatible(doc, name, gender)
        if name and idx.by_name.get(name.lower()) is not None and gender_compatible(doc, name, gender):
            return _person_subject_between(doc, prev.sent.end_char, tok.idx, skip, gender) \
                or _person_opening_clause_after_but(prev, skip, gender) or name
        untyped = _person_name_typed_otherwise(prev, gender) if name is None and not passed_name else None
        if untyped is not None:
            return _person_subject_between(doc, prev.sent.end_char, tok.idx, skip, gender) or untyped
    ent = idx.last_mention_before(before, skip, lambda e: gender_compatible(doc, e.name, gender))
    return _subject_of_sentence_before(doc, tok, skip, gender) or (ent.name if ent else None)


def _person_opening_clause_after_but(subj: Token, skip: list[CharSpan], gender: str | None) -> str | None:
    """"Reyes claimed the race was between himself and Okken, but Lee is unfazed.": a person (of the
    pronoun's gender) whose name follows "but" and a verb follows, later in the cue subject's sentence,
    opens a clause of their own (the parser may join the name to a list before): the one written about last."""
    doc = subj.doc
    for t in doc[subj.i + 1 : subj.sent.end - 2]:
        if t.lower_ != "but" or doc[t.i + 1].pos_ != "PROPN" or inside_any(t.idx, skip):
            continue
        name = doc[t.i + 1]
        while name.i + 1 < subj.sent.end and doc[name.i + 1].pos_ == "PROPN":
            name = doc[name.i + 1]
        after = doc[name.i + 1] if name.i + 1 < subj.sent.end else None
        if after is None or after.pos_ not in ("AUX", "VERB") or after.tag_ not in ("VBZ", "VBD", "MD", "VBP"):
            continue
        ent = entity_for_name(doc, doc[t.i + 1 : name.i + 1].text, doc[t.i + 1].idx)
        if ent is not None and ent.name != subj.text and gender_compatible(doc, ent.name, gender):
            return ent.name
    return None


def _object_of_gender(subj: Token, tok: Token, skip: list[CharSpan], gender: str | None) -> str | None:
    """"Chris Lee called Ann Reyes a disgrace after she attacked …": the object of the subject's verb,
    a person known to be of the pronoun's gender, over a subject of no gender known, when the
    pronoun's clause is an adverbial one on that verb (after, because …), not a reported one."""
    clause = tok.head
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    verb, doc = subj.head, subj.doc
    if gender not in ("m", "f") or clause.dep_ != "advcl" or clause.head != verb:
        return None  # "Lee promised Reyes she would …": what the subject reports is about herself
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.ent_type_ == "PERSON"):
        ent = entity_for_name(doc, name_tokens(obj).text, obj.idx)
        if ent is not None and not inside_any(obj.idx, skip) and entity_gender(doc, ent) == gender:
            return ent.name
    return None


def _person_name_typed_otherwise(subj: Token, gender: str | None) -> str | None:
    """"shadow chancellor Ann Lee warned …" with the name tagged as an organisation: the subject of a
    speech cue written as a given name and a surname (of the pronoun's gender, or of none known)
    is the person the pronoun stands for, though the article's people miss them."""
    if subj.pos_ != "PROPN" or subj.ent_type_ in NOT_PERSON_TYPES or lemma_act(cue_lemma(subj.head)) != "speech":
        return None
    run = [subj]
    while run[0].i > 0 and run[0].doc[run[0].i - 1].pos_ == "PROPN" and run[0].doc[run[0].i - 1].dep_ == "compound":
        run.insert(0, run[0].doc[run[0].i - 1])
    if len(run) < 2 or not known_given_name(run[-2].text) or not run[-2].is_title:
        return None
    if len(run) > 2 and run[-3].is_title and run[-3].text not in titles():
        return None  # "The New York Times reported": a longer name, no given name and surname
    name = f"{run[-2].text} {run[-1].text}"
    return name if gender_of(name) in (gender, "-") else None


def _subject_of_sentence_before(doc: Doc, tok: Token, skip: list[CharSpan], gender: str | None) -> str | None:
    """"Ann Lee won, beating stars including Kay Reyes. "…," she said": with no speaker to follow,
    the person the sentence before (same paragraph) is about, not the last one it names."""
    prev = sentence_before_in_paragraph(doc, tok)
    if prev is None:
        return None
    subj = next((c for c in prev.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.ent_type_ != "PERSON" or inside_any(subj.idx, skip):
        return None
    ent = entity_for_name(doc, name_tokens(subj).text, subj.idx)
    return ent.name if ent is not None and gender_compatible(doc, ent.name, gender) else None


def _reprint_start(subj: Token) -> int | None:
    """Where the reprinted story starts when ``subj``'s cue ends its paragraph in a colon ("X reports:")."""
    doc = subj.doc
    cue = subj.head
    colon = next((t for t in doc[cue.i + 1 : cue.i + 4] if t.text == ":"), None)
    if colon is None:
        return None
    rest = doc_text(doc)[colon.idx + 1 : colon.idx + 40]
    return colon.idx + 1 if "\n" in rest[: len(rest) - len(rest.lstrip())] else None


def _made_to_speak(subj: Token) -> Token | None:
    """The one a verb makes speak ("The pressure prompted the prime minister to say …"): the
    parser gives the pressure as the subject of "say"; the object of "prompted" says it."""
    verb = subj.head
    if subj.dep_ not in SUBJECT_DEPS or not any(c.dep_ == "xcomp" and c.i in set(cue_indices(subj.doc)) for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not (obj.ent_type_ == "PERSON" or obj.pos_ == "NOUN" and names_people(obj.lemma_.lower())):
        return None
    return obj


def _one_described_just_before(desc: Token, tok: Token, gender: str | None) -> bool:
    """``desc`` ("the prime minister") is a definite description of one person, of the pronoun's
    gender, in the sentence just before the pronoun's, in the same paragraph: no one further back."""
    doc = tok.doc
    sent = tok.sent
    if sent.start == 0 or desc.sent != doc[sent.start - 1].sent or desc.tag_ != "NN" or not _person_noun(desc) \
            or desc.dep_ not in ("nsubj", "dobj") or desc.lemma_.lower() in GENERIC_PEOPLE:
        return False  # not "cast by the person on the form": no one in particular
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in desc.children):
        return False
    layout = doc._.layout
    if layout is not None and any(desc.idx < pa.start <= tok.idx for pa in layout.paragraphs):
        return False
    said = gender_words().get(desc.lower_)
    return said is None or said == gender


def _only_person_of_sentence_before(doc: Doc, tok: Token, skip: list[CharSpan], gender: str | None) -> str | None:
    """"Harbour have been boosted by the return of skipper Tom Reyes. "…," he said": the sentence
    before, in the same paragraph (or a one-sentence paragraph leading in: "But that was not enough
    for Tom Reyes."), is about no person (a team, a thing) and names one person only, of the
    pronoun's gender: the pronoun is that person, not an earlier speaker."""
    sent = tok.sent
    if sent.start == 0 or sum(not inside_any(t.idx, skip) for t in doc[sent.start : tok.i]) > 12 or any(
            t.pos_ == "PROPN" and t.dep_ in SUBJECT_DEPS and not inside_any(t.idx, skip) for t in doc[sent.start : tok.i]):
        return None  # "Federer admitted he was …" with the name untagged: that name, not one before
    prev = sentence_before_in_paragraph(doc, tok) or _lead_in_paragraph(doc, tok)
    if prev is None:
        return None
    if any(inside_any(t.idx, skip) or t.is_quote for t in prev):
        return None  # a sentence with quoted words: its own speaker is resolved there
    subj = next((c for c in prev.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.pos_ == "PRON" and subj.lower_ not in DEMONSTRATIVES or subj.ent_type_ == "PERSON" \
            or subj.pos_ == "PROPN" and not subj.ent_type_:
        return None  # about a person, or a name the tagger did not type: maybe the one meant
    if _reports_words(prev.root):
        return None  # "Lee warned the plan was not as good as Reyes claims": Lee speaks, Reyes is talked about
    if _described_by_who(subj):
        return None  # "The fourth seed, who is due to meet Karl Moss, is …": the seed, a person, not Moss
    lemma = subj.lemma_.lower()
    if subj.pos_ == "NOUN" and (names_people(lemma) and lemma not in org_nouns() or lemma in ACHIEVEMENT_NOUNS):
        return None  # "The skipper was boosted by …", "the former champion beat …": a person described
    mentions = [(s, ent.name) for s, _e, ent in name_index(doc).mentions if prev.start_char <= s < prev.end_char]
    named = {name for _s, name in mentions}
    named |= {e.text for e in prev.ents if e.label_ == "PERSON" and not any(e.text in n for n in named)}
    if len(named) != 1:
        return None
    first = min([s for s, _n in mentions] + [e.start_char for e in prev.ents if e.label_ == "PERSON"])
    if any(PRONOUNS.get(t.lower_) == gender and t.idx < first for t in prev if gender in ("m", "f")):
        return None  # "The former champion retired when she lost to Ann Lee": "she" before the name is someone else
    (name,) = named
    ent = name_index(doc).by_name.get(name.lower())
    return name if ent is not None and gender_compatible(doc, name, gender) else None


def _described_by_who(subj: Token) -> bool:
    """``subj`` has a relative clause opened by "who" ("the seventh seed, who …"): a person, though
    the noun alone does not say so; the people named inside that clause are not the subject."""
    return any(c.dep_ == "relcl" and any(w.lower_ == "who" and w.dep_ in SUBJECT_DEPS for w in c.children)
               for c in subj.children)


def _in_setting_clause(doc: Doc, start: int) -> bool:
    """The name starting at ``start`` is the subject of a clause saying where or when something
    else happened ("a theme of the election, where Pierre Dubois opposed it"): not whom the sentence is about."""
    named = doc.char_span(start, start + 1, alignment_mode="expand")
    head = named[0] if named is not None else None
    while head is not None and head.dep_ in ("compound", "flat") and head.head != head:
        head = head.head
    if head is None or head.dep_ not in SUBJECT_DEPS:
        return False
    verb = head.head
    return verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in verb.children)


def _lead_in_paragraph(doc: Doc, tok: Token) -> Span | None:
    """"But that was not enough for Ann Lee.", a paragraph of one sentence, then a paragraph that
    opens with ``tok``'s sentence ("…," she said): that one sentence leads in to the next."""
    sent = tok.sent
    layout = doc._.layout
    if sent.start == 0 or layout is None:
        return None
    prev = doc[sent.start - 1].sent
    text = doc_text(doc)
    starts = [pa.start for pa in layout.paragraphs if prev.start_char - 2 <= pa.start <= sent.start_char]
    opens = [a for a in starts if not text[a : sent.start_char].strip()]
    own = [a for a in starts if not text[a : prev.start_char].strip()]
    return prev if len(starts) == 2 and opens and own else None


def _reports_words(verb: Token) -> bool:
    """``verb`` is a cue with a clause it reports ("warned the picture was …"): its subject is the
    one speaking, whatever the tagger made of it, and the people in the clause are talked about."""
    return verb.i in set(cue_indices(verb.doc)) and any(c.dep_ == "ccomp" for c in verb.children)


def _person_subject_between(doc: Doc, start: int, end: int, skip: list[CharSpan], gender: str | None) -> str | None:
    """The last person of ``gender`` who is the subject of a sentence between ``start`` and
    ``end``: a pronoun after "a spokesman said ... Tom Reyes has criticised it." or after
    "Ann Lee said ... Tom Reyes is confident." is Tom Reyes."""
    idx = name_index(doc)
    t = token_table(doc)
    text = doc_text(doc)
    found = None
    for s, e, ent in idx.mentions:
        if start <= s < end and not inside_any(s, skip) and gender_compatible(doc, ent.name, gender):
            k = bisect.bisect_left(t.idx, s)
            span = doc[k : bisect.bisect_left(t.idx, e)]
            if any(tok.dep_ in SUBJECT_DEPS and _main_clause(tok.head) or _names_main_subject(tok) for tok in span) \
                    and not _quoted(text, s):
                found = ent.name  # the sentence is about them, not a clause inside it
    return found


def _names_main_subject(tok: Token) -> bool:
    """``tok`` is a name set beside the main clause's subject ("The Herald's critic Tom Reyes felt
    …": the parser makes "critic" the subject and the name its apposition)."""
    head = tok.head
    return tok.dep_ == "appos" and head.dep_ in SUBJECT_DEPS and head.pos_ == "NOUN" and _main_clause(head.head)


def _person_between(doc: Doc, start: int, end: int, skip: list[CharSpan], gender: str | None) -> bool:
    """A person of ``gender`` is named in the narration between ``start`` and ``end`` (a mention
    of the article's people, or a name the tagger marked that they missed)."""
    text = doc_text(doc)
    named = [(s, ent.name) for s, _e, ent in name_index(doc).mentions]
    named += [(e.start_char, e.text) for e in doc.ents if e.label_ == "PERSON"]
    if any(start <= s < end and not inside_any(s, skip) and not _quoted(text, s) and gender_compatible(doc, name, gender)
           for s, name in named):
        return True
    honorifics = titles()  # "Mr Kilroy-Silk" the tagger left untagged
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(
        t.text in honorifics and honorifics[t.text][0] == "honorific" and honorifics[t.text][1] in ("-", gender)
        and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and not _quoted(text, t.idx) for t in span)


def _untagged_name_subject_between(doc: Doc, start: int, end: int) -> bool:
    """A sentence between ``start`` and ``end`` has a name the tagger missed as its subject
    ("Piers Lowe is a union officer."): a proper noun and a capitalised word before it, no entity type."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(
        t.dep_ == "nsubj" and _main_clause(t.head) and t.pos_ == "PROPN" and not t.ent_type_
        and any(c.dep_ == "compound" and c.is_title and not c.ent_type_ for c in t.children)
        for t in span)


def _main_clause(verb: Token) -> bool:
    """The sentence's main verb, or a clause coordinated with it by a conjunction ("… but Ann
    Lee sees hope", also where the parser hung it on an adverbial clause: "France struggled as
    they ground out wins but Ann Lee sees hope"); not a clause the parser joined with none
    ("Lee was helped by the boost Reyes has given": a relative clause misread). A subject the
    parser hung on an auxiliary ("Lee is determined …" with "is" as its head) is its verb's."""
    if verb.dep_ in ("aux", "auxpass") and verb.head.i > verb.i:
        verb = verb.head
    if verb.dep_ == "ROOT":
        return True
    start = verb.left_edge.i
    if verb.dep_ != "conj" or start == 0 or not (verb.doc[start - 1].pos_ == "CCONJ" or verb.doc[start - 1].text in ",;"):
        return False
    head = verb.head
    return head.dep_ == "ROOT" or head.dep_ == "advcl" and head.head.dep_ == "ROOT"


def _quoted(text: str, char: int) -> bool:
    """``char`` lies between quotation marks in its paragraph (someone's words, not the narration)."""
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return any(q.start <= char < q.end for q in find_quoted_spans(text, start, end if end >= 0 else len(text)))


def resolve_name(
    doc: Doc, tok: Token, people: list[Entity], before: int, skip: list[CharSpan] | None = None
) -> tuple[str | None, str | None]:
    """(full name, descriptor) for a subject token: names via the article's people,
    pronouns via the sentence and the previous speakers, unnamed sources keep a descriptor."""
    name_index(doc, people)
    tok = relative_antecedent(tok) or tok
    low = tok.lower_
    appos = appositive_name(tok) if tok.pos_ != "PROPN" else None
    if appos is not None:
        tok, low = appos, appos.lower_
    elif tok.ent_type_ != "PERSON" and low not in PRONOUNS:
        named = person_in_phrase(tok) or titled_person(tok)  # "Speaker of the House Paul Ryan"
        if named is not None:
            tok, low = named, named.lower_
    if low in PRONOUNS:
        if low in ("i", "we"):
            return None, tok.text
        found = pronoun_referent(doc, tok, before, skip)
        return (found if isinstance(found, str) else None), None
    # a capitalised word that is part of a person's name, even where the tagger took it for a common
    # noun at the start of a sentence ("Lopez hopes …")
    known_part = tok.text[:1].isupper() and low in name_index(doc).by_part
    if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" or known_part:
        span = name_tokens(tok)
        desc = descriptor_words(span.root)
        titled = titled_surname_person(doc, clean_name(span.text)) or nicknamed_name(span[0])  # "Archbishop Reyes"
        if titled is not None:
            return titled, desc
        ent = entity_for_name(doc, span.text, span.start_char, desc, honorific_or_reflexive_gender(span))
        if ent is not None:  # a person known by the surname alone, the article writing them in full once
            return (full_name_written(doc, ent.name, unique=True) if ent.type == "PERSON" else ent.name), desc
        idx = name_index(doc)
        ent = idx.entity_at(tok.idx)
        if ent is not None and ent.type == "PERSON":
            return ent.name, desc
        if tok.ent_type_ == "PERSON":
            written = clean_name(span.text)
            surname = without_honorific(written)
            if surname != written:  # "Mr King": the one "… King" the article writes in full, else as written
                full = full_name_written(doc, surname, unique=True)
                return (full if full != surname else written), desc
            return full_name_written(doc, written), desc
        misspelt = misspelt_surname(doc, span.text)
        if misspelt is not None:
            return misspelt.name, desc
        if tok.ent_type_ in ORG_LABELS:
            return None, None  # an organisation: ``describe_source`` names it
    return None, doc[tok.left_edge.i : tok.i + 1].text


ACHIEVEMENT_NOUNS = frozenset({"champion", "captain", "star", "veteran", "favourite", "hopeful", "ace", "legend"})
"""Sport's and show business's person nouns that have no person's suffix ("the world champion")."""


KIN_NOUNS = frozenset({"father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "widow"})
"""Person nouns that relate a person to a person, never to an organisation's post."""


"""Words that make a role another post than its head noun alone ("shadow chancellor")."""


OFFICE_LOOKBACK = 600
"""Characters back within which "the MEP" refers to the person last named."""


def described_person(doc: Doc, tok: Token, before: int, skip: list[CharSpan], depth: int = 0) -> str | None:
    """The person a definite description points back to: "the MEP" or "our correspondent" to
    the last person introduced with that role, "the woman" to the last woman mentioned. None
    when nobody before fits, or the phrase says whose it is ("the singer's father")."""
    office = tok.text in PERSON_ACRONYMS
    if tok.text in OFFICE_ACRONYMS:
        return _office_holder(doc, OFFICE_ACRONYMS[tok.text], before, skip)
    aged = tok.lower_ == "old" and any(c.lower_ == "year" for c in tok.children) \
        or nationality_description(tok)  # "the 27-year-old", "the 27-year-old Norwegian"
    if not office and not aged and (not is_noun_token(tok) or tok.tag_ not in ("NN", "NNP")):
        return None
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    if dets and dets[0].dep_ == "poss" and dets[0].ent_type_ in ORG_LABELS and _described_person_noun(tok, True):
        # "Amnesty International's chief": the person the article names in that post
        return _last_person_speaker(doc, tok, before, skip) or _next_person_speaker(doc, tok, skip)
    if dets and dets[0].lower_ in KIN_POSSESSIVES and tok.lemma_.lower() in KIN_NOUNS:
        return _kin_named_before(doc, tok, before, skip)  # "Lee's son Tom said … his son said"
    if not dets or dets[0].lower_ not in ("the", "our", "this") or any(c.dep_ == "poss" and c.lower_ != "our" for c in dets):
        return None  # "the singer's father" says whose; "our correspondent" is the paper's own
    head = tok.lower_
    idx = name_index(doc)

    own = {c.lower_ for c in tok.children}

    def roles(ent: Entity) -> list[set[str]]:
        return [set(r.lower().split()) for r in ent.roles if r.lower().split()[-1:] == [head]]

    def has_role(ent: Entity) -> bool:  # "the chancellor" is not the "shadow chancellor"
        return any(not (r & POST_QUALIFIERS) - own for r in roles(ent))

    def other_post(name: str | None, strict: bool = False) -> bool:  # strict: any post but this one
        ent = idx.by_name.get(name.lower()) if name else None
        return ent is not None and bool(roles(ent) or strict and ent.roles) and not has_role(ent)

    ent = idx.last_mention_before(before, skip, has_role, tries=30)
    if ent is not None:
        return ent.name
    intro = introducing_phrase(doc, tok, skip) if depth < 2 else None
    if intro is not None and {c.lower_ for c in intro.children} & POST_QUALIFIERS - own:
        intro = None  # "shadow chancellor Tom Reyes" did not introduce "the chancellor"
    found = described_person(doc, intro, intro.idx, skip, depth + 1) if intro is not None else None
    if found is not None:  # "the minister" after "Ruritania's justice minister has warned"
        return found
    gender = gender_words().get(head) if head in ("man", "woman", "boy", "girl") else None
    if gender is not None:
        away = {name for name, _at in reprint_reporters(doc, skip)}  # the reporter is not "the woman" of her story
        ent = idx.last_mention_before(before, skip, lambda e: entity_gender(doc, e) == gender and e.name not in away)
        return ent.name if ent is not None else None
    if office:
        return _person_named_just_before(doc, tok, before, skip)
    bare = not aged and not _described_person_noun(tok) and office_noun(tok) and _described_person_noun(tok, bare=True)
    if aged or bare or _described_person_noun(tok):
        # "said the former world champion"; "the chancellor said" after "Ann Lee has said"
        found = _last_person_speaker(doc, tok, before, skip) or _next_person_speaker(doc, tok, skip)
        if found is None and aged:  # "… in the shape of Ann Lee. The 14-year-old said"
            found = _person_named_just_before(doc, tok, before, skip, alone=True)
        if bare and found is not None and not _named_in_sentence_before(doc, tok, found):
            if tok.text.capitalize() in titles():
                return None  # "Ann Lee said … he said. The chancellor is …": an office, maybe someone else's
            found = None
        elif found is not None:
            return None if other_post(found) else found
    if dets[0].lower_ == "the" and not office and _person_noun(tok):
        found = subject_of_sentence_before(doc, tok, skip)  # "Ann Lee resigned … The former teacher said"
        if found is None and tok.text.capitalize() not in titles():
            # "Ann Lee called it "bitter". … "…," the defender told": no office (not "the chancellor")
            found = _last_person_speaker(doc, tok, before, skip)
        gender = gender_words().get(head)
        # "Home Secretary Ann Lee resigned. The former teacher said": a person of another post, maybe someone else
        return None if other_post(found, strict=True) or not gender_compatible(doc, found, gender) else found
    return None


def _office_holder(doc: Doc, post: str, before: int, skip: list[CharSpan]) -> str | None:
    """The person last mentioned whom the article gives ``post`` ("Prime Minister Ann Lee" for
    "the PM"); None when it gives it nobody: no guess at whoever was named last."""
    ent = name_index(doc).last_mention_before(before, skip, lambda e: any(r.lower() == post for r in e.roles), tries=30)
    return ent.name if ent is not None else None


def nationality_description(tok: Token) -> bool:
    """"the 27-year-old Norwegian said": a nationality written as a singular noun with "the" and a
    word that describes one person stands for the person the article just wrote about, not for an
    organisation or a country ("the Norwegians", "the French" alone may be a side or a government)."""
    if tok.ent_type_ != "NORP" or tok.tag_ not in ("NNP", "NN") or tok.text.endswith("s"):
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
    return dets == ["the"] and any(c.dep_ == "amod" for c in tok.children) \
        and not any(c.dep_ == "prep" for c in tok.children)


KIN_POSSESSIVES = frozenset({"his", "her", "their"})
"""Possessives before a kin noun ("his son") that point back to whose relative was named."""
KIN_LOOKBACK = 1500
"""Characters back within which "his son" finds the son the article named ("Lee's son Tom")."""


def _kin_named_before(doc: Doc, tok: Token, before: int, skip: list[CharSpan]) -> str | None:
    """"Ann Lee's son Tom, 57, said … his son said": the person last named right after the same
    kin noun ("son Tom", "his daughter, Emily"), not too far back."""
    idx = name_index(doc)
    text = doc_text(doc)
    kin = tok.lower_
    gender = gender_words().get(kin)
    for s, _e, ent in reversed(idx.mentions):
        if s >= before or inside_any(s, skip):
            continue
        if before - s > KIN_LOOKBACK:
            break
        words = text[max(0, s - 30) : s].replace(",", " ").split()
        if words[-1:] == [kin] and gender_compatible(doc, ent.name, gender):
            return ent.name
    return None


def described_by_name(doc: Doc, subj: Token, before: int, skip: list[CharSpan]) -> str | None:
    """"said the Harbour full-back", parsed with the club's name as the subject's head: a person
    described by their club or country and a post, whom the sentence before has as its subject
    or the attribution just before names."""
    if subj.pos_ != "PROPN" or subj.ent_type_ == "PERSON" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        return None
    last = subj.doc[subj.right_edge.i]
    if last.i <= subj.i or last.pos_ != "NOUN" or last.lemma_.lower() in org_nouns() or not all(
            t.pos_ in ("ADJ", "NOUN", "PUNCT") and not t.is_quote for t in subj.doc[subj.i + 1 : last.i + 1]):
        return None
    return subject_of_sentence_before(doc, subj, skip) or _last_person_speaker(doc, subj, before, skip)


def _person_noun(tok: Token) -> bool:
    """A noun for one person that is no unnamed source's ("the former teacher", "the director
    behind Harbour Lights"; not "the spokesman", "the board", "the majority")."""
    lemma = tok.lemma_.lower()
    if tok.tag_ != "NN" or lemma in UNNAMED_SOURCES or lemma.startswith("spokes") or lemma in org_nouns():
        return False
    if lemma in KIN_NOUNS or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # "the father", "the head of …": someone related to, or holding a post in, something named
    return lemma in ACHIEVEMENT_NOUNS or names_people(lemma) and lemma.endswith(HUMAN_SUFFIXES) and lemma not in NOT_PEOPLE


def _inside_other_name(doc: Doc, start: int, end: int) -> bool:
    """A person's name inside an organisation's or a work's ("the Ann Lee Foundation"): the
    tagger's entity runs on past the name's own words."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span[0].ent_type_ or span[0].ent_type_ == "PERSON":
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return span[0].ent_iob_ == "I" or after is not None and after.ent_iob_ == "I"


def subject_of_sentence_before(doc: Doc, tok: Token, skip: list[CharSpan]) -> str | None:
    """The one person named in the sentence before ``tok``'s, as its subject, when that sentence
    is in the same paragraph or ends the one before and names nobody else: in news prose a
    description opening the next sentence ("The former teacher confirmed …") stands for them."""
    sent = tok.sent
    if sent.start == 0 or tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.i != sent.root.i:
        return None  # only the subject of the sentence's own verb ("when the businessman turned …": not)
    prev = doc[sent.start - 1].sent
    layout = doc._.layout
    if layout is not None and sum(prev.start_char < pa.start <= tok.idx for pa in layout.paragraphs) > 1:
        return None
    idx = name_index(doc)
    found = {m[2].name: m for m in idx.mentions if prev.start_char <= m[0] < prev.end_char and not inside_any(m[0], skip)
             and not _inside_other_name(doc, m[0], m[1])}
    if not found or any(prev.end_char <= m[0] < tok.idx for m in idx.mentions):
        return None  # nobody named before, or someone named since
    if all(_in_setting_clause(doc, s) for s, _e, _ent in found.values()):
        return None  # "… the election, where Pierre Dubois opposed it. But the Liberal leader argued": not Dubois
    several = len(found) > 1
    subjects = [ent.name for s, _e, ent in found.values() if _mention_role(doc, s, several) == "subject"]
    # of several people named, the one the sentence is about ("Lee was given confidence by the
    # impact manager Reyes has had"): the subject of its main clause, not one named in a phrase
    # or a clause inside it; but "Lee met Reyes": the main verb's object is as likely meant
    if len(subjects) != 1 or several and any(_mention_role(doc, s, True) == "object" for s, _e, _ in found.values()):
        return None
    return subjects[0]


def _mention_role(doc: Doc, start: int, main: bool) -> str | None:
    """"subject" when the name starting at ``start`` is a subject (``main``: of its sentence's
    main clause), "object" when the main clause's verb has it as its object, else None."""
    named = doc.char_span(start, start + 1, alignment_mode="expand")
    head = named[0] if named is not None else None
    while head is not None and head.dep_ in ("compound", "flat", "appos") and head.head != head:
        head = head.head
    if head is None:
        return None
    if head.dep_ in ("nsubj", "nsubjpass") and (not main or _main_clause(head.head)):
        return "subject"
    return "object" if head.dep_ in ("dobj", "dative", "attr", "oprd") and _main_clause(head.head) else None


def _named_in_sentence_before(doc: Doc, tok: Token, name: str) -> bool:
    """``name``'s person is named (not only "he") in ``tok``'s sentence or the one before it."""
    ent = name_index(doc).by_name.get(name.lower())
    sent = tok.sent
    start = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    return ent is not None and any(start <= s < tok.idx for s, _e in ent.mentions)


def _person_named_just_before(doc: Doc, tok: Token, before: int, skip: list[CharSpan], alone: bool = False) -> str | None:
    """"the MEP said", "the 14-year-old said": the person the passage is about, named just before
    (and, ``alone``, the only person named in that sentence: not "X is furious about Y")."""
    idx = name_index(doc)
    ent = idx.last_mention_before(before, skip)
    last = max((s for s, _e in ent.mentions if s < before), default=-1) if ent is not None else -1
    if ent is None or not 0 <= tok.idx - last <= OFFICE_LOOKBACK:
        return None
    sent = doc.char_span(last, last + 1, alignment_mode="expand")
    if alone and sent is not None:
        lo, hi = sent.sent.start_char, sent.sent.end_char
        if any(lo <= s < hi and other is not ent for s, _e, other in idx.mentions):
            return None
    return ent.name


def _described_person_noun(tok: Token, owned: bool = False, bare: bool = False) -> bool:
    """"the European indoor champion": a person noun with a modifier of its own (or, ``owned``,
    an organisation's: "Amnesty's chief"; or, ``bare``, a post alone: "the chancellor"), not an
    organisation ("the Trump team"), not a part ("the vast majority of them", "the other side")."""
    lemma = tok.lemma_.lower()
    if not (names_people(lemma) and lemma not in org_nouns() or lemma in ACHIEVEMENT_NOUNS):
        return False
    if (owned or bare) and (tok.tag_ != "NN" or lemma in UNNAMED_SOURCES or lemma.startswith("spokes") or lemma in KIN_NOUNS):
        return False  # "the ministry's spokesman", "Labour's officials": unnamed; "the firm's founder's son"
    if bare and not (lemma.endswith(HUMAN_SUFFIXES) and lemma not in NOT_PEOPLE or lemma in ACHIEVEMENT_NOUNS):
        return False  # "the site", "the board": no person's post
    if any(c.dep_ == "prep" or c.lower_ in QUANTIFIERS for c in tok.children if c.dep_ != "det"):
        return False
    return owned or bare or any(c.dep_ in ("amod", "compound", "nummod") for c in tok.children)


NEXT_SPEAKER_WINDOW = 400
"""Characters after a description in which the person it announces must speak."""


def _next_person_speaker(doc: Doc, tok: Token, skip: list[CharSpan]) -> str | None:
    """The person a description opening the article announces ("…, Amnesty's chief has said.
    In a lecture, Ann Lee said …"): nobody is named before it, and the first person named after
    it speaks within the next paragraph."""
    idx = name_index(doc)
    if idx.last_mention_before(tok.idx, skip) is not None:
        return None  # someone was named before: the description points back, not forward
    after = [m for m in idx.mentions if m[0] > tok.idx and not inside_any(m[0], skip)]
    if not after or after[0][0] - tok.idx > NEXT_SPEAKER_WINDOW:
        return None
    ent = after[0][2]
    subjects = cue_subjects(doc, skip)
    k = bisect.bisect_right(subjects, (tok.idx, len(doc)))
    if k >= len(subjects):
        return None
    name, _ = resolve_name(doc, doc[subjects[k][1]], idx.people, subjects[k][0], skip)
    return ent.name if name == ent.name and subjects[k][0] - tok.idx <= NEXT_SPEAKER_WINDOW else None


def _last_person_speaker(doc: Doc, tok: Token, before: int, skip: list[CharSpan]) -> str | None:
    """The person the attribution just before names, when it names one: a described speaker
    ("the European indoor champion", "the 27-year-old") the article gave no role is, in news
    prose, the person quoted last."""
    subjects = cue_subjects(doc, skip)
    cues = set(cue_indices(doc))
    at = min(before, tok.idx)
    k = bisect.bisect_left(subjects, (at, -1)) - 1
    while k >= 0 and any(a.i in cues for a in doc[subjects[k][1]].head.ancestors):
        k -= 1  # "X said the team would understand if Y opted out": X spoke, not Y
    if k < 0 or at - subjects[k][0] > OFFICE_LOOKBACK:
        return None
    prev = doc[subjects[k][1]]
    if _in_setting_clause(doc, prev.idx):
        return None  # "… the election, where Pierre Dubois opposed it. But the leader argued": not Dubois
    if prev.i == tok.i or prev.sent == tok.sent:
        return None  # "X offered advice as the nominee looks to …": someone else of the sentence
    layout = doc._.layout
    if layout is not None and sum(prev.idx < pa.start <= at for pa in layout.paragraphs) > 1:
        return None  # a paragraph of its own between them: a new item, maybe a new person
    if prev.pos_ in ("NOUN", "ADJ") and prev.ent_type_ != "PERSON" and person_in_phrase(prev) is None:
        return described_person(doc, prev, prev.idx, skip)  # described in turn, or unnamed: nobody
    name, _ = resolve_name(doc, prev, name_index(doc).people, prev.idx, skip)
    idx = name_index(doc)
    ent = idx.by_name.get(name.lower()) if name else None
    sent_end = prev.sent.end_char
    others = [m for m in idx.mentions if sent_end <= m[0] < at and m[2] is not ent and not inside_any(m[0], skip)]
    return ent.name if ent is not None and not others else None  # someone else named since: no guess
