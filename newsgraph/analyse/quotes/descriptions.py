"""Speakers a reader finds from how the article describes them: "said the Harbour striker" right
after a sentence about Tom Reyes is Tom Reyes (``opening_person_before``), "according to her
former adviser" in the lead is the person the next lines name and quote (``announced_person_after``),
"Archbishop Reyes" is the Tom Reyes the article introduced as "Archbishop Tom Reyes"
(``titled_surname_person``)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.spans import inside_any
from newsgraph.analyse.entities.names import known_given_name
from newsgraph.analyse.quotes.acts import lemma_act
from newsgraph.analyse.quotes.non_person_speakers import (
    HUMAN_SUFFIXES,
    NOT_PEOPLE,
    canonical_org,
    names_people,
    org_entity_at,
    org_nouns,
)
from newsgraph.analyse.quotes.person_names import UNNAMED_SOURCES, cue_subjects, entity_gender, name_index
from newsgraph.model import Entity
from newsgraph.model import Span as CharSpan

ANNOUNCED_WINDOW = 400
"""Characters after a description in the lead within which the person it announces is named."""
OWNER_POSSESSIVES = frozenset({"his", "her", "their"})
"""Possessives that tie a description to a person named before it ("her former adviser")."""


def person_described(doc: Doc, tok: Token, skip: list[CharSpan]) -> str | None:
    """The person a description stands for by the article's order (see the rules below)."""
    return opening_person_before(doc, tok, skip) or announced_person_after(doc, tok, skip) \
        or named_by_next_sentence(doc, tok, skip) or role_holder(doc, tok, skip)


POST_QUALIFIERS = frozenset({"shadow", "deputy", "vice", "assistant", "former", "acting", "junior", "ex"})
"""Words that make a title another post than its head noun ("former chancellor"); coreference
reads the same list."""
SAME_POST = {"judge": "justice", "justice": "judge"}
"""Head nouns that name one post: "the judge" is "Supreme Court Justice Ann Lee"."""


def role_holder(doc: Doc, tok: Token, skip: list[CharSpan]) -> str | None:
    """"The Bishop of Harbour, the Rt Rev Ann Lee, …": "the bishop said" later (or "a Harbour judge
    has ruled" in the lead, before "Supreme Court Justice Ann Lee") is the one person of the
    article written with that post, as a title before the name or a noun beside it. Nobody or two
    such people, or someone else named just before in its sentence: the description stays unnamed."""
    lemma = tok.lemma_.lower()
    if tok.tag_ not in ("NN", "NNP") or tok.ent_type_ == "PERSON" or lemma in org_nouns() or not _post_word(tok):
        return None  # the post a person is written with says it names people ("bishop")
    if lemma in UNNAMED_SOURCES or lemma.startswith("spokes") or lemma in NOT_PEOPLE:
        return None
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    if len(dets) != 1 or dets[0].lower_ not in ("the", "a", "an"):
        return None  # "the judge's wife", "his lawyer": someone else's
    if any(c.dep_ in ("appos", "relcl", "acl") or c.dep_ == "prep" and c.lower_ != "of" for c in tok.children):
        return None
    definite = dets[0].lower_ == "the"
    if not definite and not _in_lead(doc, tok):
        return None  # "a judge" later on may be any judge; in the lead it announces the story's one
    idx = name_index(doc)
    text = doc_text(doc)
    if definite and any(tok.sent.start_char <= s < tok.idx and not inside_any(s, skip) and text[e : e + 2] not in ("'s", "’s")
                        for s, e, _ent in idx.mentions):
        return None  # "… passed to Tom Reyes, the flanker scored": either may be meant ("Lee's book" may not)
    posts = {lemma, SAME_POST.get(lemma, lemma)}
    until = tok.idx if definite else len(text)  # "the bishop" is one the article introduced
    holders = {ent.name for ent in idx.people if posts & _posts_of(doc, ent, skip, until)}
    return holders.pop() if len(holders) == 1 else None


def _post_word(tok: Token) -> bool:
    """A common noun, or a capitalised post ("the Bishop"), not an organisation's initials or name ("the FA")."""
    if tok.tag_ != "NNP":
        return True
    return tok.text.istitle() and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


def _in_lead(doc: Doc, tok: Token) -> bool:
    """``tok`` is in the article's first paragraph after the headline."""
    layout = doc._.layout
    starts = sorted(pa.start for pa in layout.paragraphs) if layout is not None else []
    body = [s for s in starts if s > doc_text(doc).find("\n")]
    return bool(body) and body[0] <= tok.idx < (body[1] if len(body) > 1 else len(doc_text(doc)))


def _written_before_name(text: str, role: str, ent: Entity, until: int) -> bool:
    """The article writes ``role`` just before a mention of ``ent`` ("singer Sir Tom Reyes") before ``until``."""
    return any(s < until and role in text[max(0, s - len(role) - TITLE_GAP) : s] for s, _e in ent.mentions)


TITLE_GAP = 12
"""Characters between a post and the name it titles ("Sir ", "Dr ", "the Rt Rev ")."""


def _posts_of(doc: Doc, ent: Entity, skip: list[CharSpan], until: int) -> set[str]:
    """The head nouns of the posts the article writes a person with before ``until``: the last word
    of a title before the name ("Supreme Court Justice"; not "former" or "deputy" ones), a noun
    in apposition ("the Bishop of Harbour, Ann Lee,"; "Ann Lee, the bishop,")."""
    text = doc_text(doc)
    posts = {r.split()[-1].lower() for r in ent.roles if r.split() and _written_before_name(text, r, ent, until)
             and not set(r.lower().replace("-", " ").split()) & POST_QUALIFIERS}
    for start, end in ent.mentions:
        if start >= until or inside_any(start, skip):
            continue
        named = doc.char_span(start, end, alignment_mode="expand")
        if named is None:
            continue
        root = named.root
        beside = [root.head] if root.dep_ == "appos" else []
        beside += [c for c in root.children if c.dep_ == "appos"]
        posts |= {t.lemma_.lower() for t in beside if t.pos_ == "NOUN" or t.tag_ == "NNP" and _post_word(t)
                  and t.ent_type_ != "PERSON" and not {c.lower_ for c in t.children} & POST_QUALIFIERS}
    return posts


def named_by_next_sentence(doc: Doc, tok: Token, skip: list[CharSpan]) -> str | None:
    """"A Harbour researcher has suggested … | Ann Lee believes …": a paragraph that opens on one
    person by description ("a …", "a user of …", "Ruritania's …", no name, no "for") and goes on
    with a sentence whose subject is a person's full name, written first and not before in the
    body, is about them. Sentences between may go on about the description ("He says …") if they
    name no one else ("A user is suing the firm. | He says … | Californian Ann Lee filed the suit")."""
    lemma = tok.lemma_.lower()
    if tok.tag_ != "NN" or tok.dep_ not in ("nsubj", "nsubjpass") or not names_people(lemma):
        return None
    if lemma in UNNAMED_SOURCES or lemma.startswith("spokes") or lemma in NOT_PEOPLE:
        return None  # "a source", "a spokesman": someone the article chose not to name
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    if len(dets) != 1 or not (dets[0].lower_ in ("a", "an") or dets[0].ent_type_ in ("GPE", "NORP", "ORG")):
        return None
    if any(c.dep_ in ("appos", "relcl", "acl") or c.dep_ == "prep" and c.lower_ != "of" for c in tok.children):
        return None
    sent = tok.sent
    idx = name_index(doc)
    if any(sent.start_char <= s < sent.end_char and not inside_any(s, skip) for s, _e, _o in idx.mentions):
        return None  # someone named in the description's own sentence
    nxt = _next_sentence_after_opening(doc, sent)
    gender = None
    for _ in range(FOLLOWING_SENTENCES):
        if nxt is None:
            return None
        first = next((m for m in idx.mentions if nxt.start_char <= m[0] < nxt.end_char), None)
        if first is not None:
            break
        opening = nxt[0].lower_
        if opening in THIRD_PERSON_GENDERS:
            gender = THIRD_PERSON_GENDERS[opening]  # "He says …": still about the one described
        elif any(nxt.start_char <= c < nxt.end_char and lemma_act(doc[i].head.lemma_) == "speech"
                 for c, i in cue_subjects(doc, skip)):
            return None  # "The chain says …": the story has turned to another party
        nxt = doc[nxt.end].sent if nxt.end < len(doc) else None
    else:
        return None
    ent = first[2]
    if inside_any(first[0], skip) or ent.type != "PERSON" or len(doc_text(doc)[first[0]:first[1]].split()) < 2 \
            or not _opens_sentence(doc, first[0], nxt.start_char):
        return None
    if gender is not None and entity_gender(doc, ent) not in (None, gender):
        return None
    headline = doc_text(doc).find("\n")
    if any(headline < s < nxt.start_char and other is ent for s, _e, other in idx.mentions):
        return None  # named before: the description may be someone else
    named = doc.char_span(first[0], first[1], alignment_mode="expand")
    if named is None or named.root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() != lemma for c in named.root.children):
        return None  # "Tom Reyes, a lawyer for the chain,": introduced as someone else
    return ent.name


FOLLOWING_SENTENCES = 3
"""Sentences after a description's, the first that names someone, in which the article names it."""
THIRD_PERSON_GENDERS = {"he": "m", "she": "f"}


def _next_sentence_after_opening(doc: Doc, sent: Span) -> Span | None:
    """The sentence after ``sent`` when ``sent`` opens a paragraph."""
    layout = doc._.layout
    paragraph_starts = {pa.start for pa in layout.paragraphs} if layout is not None else set()
    if sent.start_char not in paragraph_starts or sent.end >= len(doc):
        return None
    return doc[sent.end].sent


def organisation_named_next(doc: Doc, tok: Token) -> str | None:
    """"A US bank has said … | Harbour Bank will pay …": a paragraph that opens on an organisation
    by an indefinite description ("a …" and no name, "of", or clause) and goes on with a sentence
    whose subject is an organisation named by the same noun ("… Bank"), not named before, is it."""
    lemma = tok.lemma_.lower()
    if tok.tag_ != "NN" or tok.dep_ not in ("nsubj", "nsubjpass") or lemma not in org_nouns():
        return None
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    if len(dets) != 1 or dets[0].lower_ not in ("a", "an"):
        return None
    if any(c.dep_ in ("prep", "appos", "relcl", "acl") for c in tok.children):
        return None
    nxt = _next_sentence_after_opening(doc, tok.sent)
    if nxt is None:
        return None
    ent = org_entity_at(doc, nxt.start_char)
    if ent is None or ent.type != "ORG" or ent.name.split()[-1].lower() != lemma:
        return None
    text = doc_text(doc)
    if text.find(ent.name, text.find("\n") + 1) < nxt.start_char:
        return None  # named before: the description may be another one
    named = doc.char_span(nxt.start_char, nxt.start_char + len(ent.name), alignment_mode="expand")
    if named is None or named.root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return ent.name


def announced_person_after(doc: Doc, tok: Token, skip: list[CharSpan]) -> str | None:
    """"Mayor Ann Lee will balance the budget, according to her former adviser. | Formerly one of
    Ms Lee's aides, Tom Reyes said …": a description tied by "his"/"her" to the one person named
    before it (in its own sentence) announces the next person named, who speaks soon after."""
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    if tok.tag_ != "NN" or len(dets) != 1 or dets[0].lower_ not in OWNER_POSSESSIVES:
        return None
    lemma = tok.lemma_.lower()
    if lemma.startswith("spokes") or not names_people(lemma) or lemma in NOT_PEOPLE:
        return None  # "her adviser" is one person (unlike "an adviser"); "her spokesman" speaks for her
    idx = name_index(doc)
    before = {ent.name for s, _e, ent in idx.mentions if s < tok.idx and not inside_any(s, skip)}
    if len(before) != 1 or not any(tok.sent.start_char <= s < tok.idx for s, _e, _ent in idx.mentions):
        return None  # the description owned by someone named in its own sentence, nobody else before
    after = next(((s, ent) for s, _e, ent in idx.mentions
                  if s > tok.idx and not inside_any(s, skip) and ent.name not in before), None)
    if after is None or after[0] - tok.idx > ANNOUNCED_WINDOW:
        return None
    ent = after[1]
    named = doc.char_span(after[0], after[0] + 1, alignment_mode="expand")
    if named is None:
        return None
    # a reporting verb of the sentence that names them has them, or a description of them ("one
    # of Ms Lee's aides, Tom Reyes, said"), as its subject: not another person
    subjects = [doc[i] for _char, i in cue_subjects(doc, skip) if doc[i].sent == named.sent]
    speaks = any(subj.ent_type_ != "PERSON" and subj.pos_ != "PRON" or subj.left_edge.idx <= after[0] <= subj.right_edge.idx
                 for subj in subjects)
    return ent.name if speaks else None


def _described_noun(tok: Token) -> bool:
    """"the Harbour striker", "the 60-year-old comedian": one person (singular, "the"), by a noun
    shaped like a person's, that is no unnamed source ("the spokesman") and says whose by no "of"."""
    lemma = tok.lemma_.lower()
    if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    if lemma in UNNAMED_SOURCES or lemma.startswith("spokes") or lemma in NOT_PEOPLE:
        return False
    if any(c.dep_ in ("prep", "poss") for c in tok.children):
        return False  # "the head of …", "the club's striker": related to something named
    return names_people(lemma) and lemma.endswith(HUMAN_SUFFIXES)


def _opens_sentence(doc: Doc, start: int, sent_start: int) -> bool:
    """The mention at ``start`` is the sentence's first words (a title or a label may come first:
    "Matchwinner Reyes was …", "Reyes, back from injury, praised …")."""
    words = doc_text(doc)[sent_start:start].split()
    return len(words) <= 1 and all(w[:1].isupper() for w in words)


def sentence_before_in_paragraph(doc: Doc, tok: Token) -> Span | None:
    """The sentence before ``tok``'s, when the same paragraph holds both."""
    sent = tok.sent
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    layout = doc._.layout
    if layout is not None and any(prev.start_char < pa.start <= tok.idx for pa in layout.paragraphs):
        return None
    return prev


def opening_person_before(doc: Doc, tok: Token, skip: list[CharSpan]) -> str | None:
    """"Reyes, back from injury, praised the defence. "…," said the Harbour striker.": the person
    a description after a quotation stands for is whom the sentence before, in the same paragraph,
    opens with, when nobody else is named in the narration since and the quotation is not about them."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or not _described_noun(tok):
        return None
    sent = tok.sent
    prev = sentence_before_in_paragraph(doc, tok)
    if prev is None:
        return None
    idx = name_index(doc)
    if any(prev.end_char <= s < tok.idx and not inside_any(s, skip) for s, _e, _ent in idx.mentions):
        return None  # someone named in the narration since
    first = next(((s, ent) for s, _e, ent in idx.mentions
                  if prev.start_char <= s < prev.end_char and not inside_any(s, skip)), None)
    if first is None or not _opens_sentence(doc, first[0], prev.start_char):
        return None
    ent = first[1]
    others = [s for s, _e, other in idx.mentions if prev.start_char <= s < prev.end_char and other is not ent]
    if any(_named_as_participant(doc, s) for s in others):
        return None  # "Lee met Reyes. The former dentist said": either may be meant
    if any(sent.start_char <= s < tok.idx and inside_any(s, skip) and other is ent for s, _e, other in idx.mentions):
        return None  # the quotation is about them
    return _fuller_namesake(doc, ent).name


PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "conj"})
"""Roles in which a second person named in a sentence takes part in it (not "with Ann Lee", an aside)."""


def _named_as_participant(doc: Doc, start: int) -> bool:
    """The name at ``start`` is a subject, object or conjunct of its clause."""
    named = doc.char_span(start, start + 1, alignment_mode="expand")
    if named is None:
        return False
    head = named[0]
    while head.dep_ in ("compound", "flat", "appos") and head.head != head:
        head = head.head
    return head.dep_ in PARTICIPANT_DEPS


def _fuller_namesake(doc: Doc, ent: Entity) -> Entity:
    """"Matchwinner Reyes" kept as a name of its own: the one person whose full name ends in the
    same surname and begins with a given name ("Tom Reyes")."""
    first, *rest = ent.name.split()
    if not rest or known_given_name(first):
        return ent
    same = [e for e in name_index(doc).people if e is not ent and e.name.split()[-1] == rest[-1]
            and known_given_name(e.name.split()[0])]
    return same[0] if len(same) == 1 else ent


def titled_surname_person(doc: Doc, written: str) -> str | None:
    """"Archbishop Reyes": a title and a surname the tagger took for a name of its own stand for
    the one person of that surname the article writes after the same title ("Archbishop Tom Reyes")."""
    words = written.split()
    if len(words) < 2 or any(not w[:1].isupper() or known_given_name(w) for w in words[:-1]):
        return None
    title, surname = " ".join(words[:-1]), words[-1]
    same = [e for e in name_index(doc).people if e.name != written and e.name.split()[-1] == surname
            and len(e.name.split()) > 1]
    if len(same) != 1:
        return None
    full = same[0].name
    written_before = re.search(rf"(?<![\w-]){re.escape(title)}\.? {re.escape(full)}(?![\w-])", doc_text(doc))
    return full if written_before or any(r.lower() == title.lower() for r in same[0].roles) else None


def nicknamed_name(tok: Token) -> str | None:
    """'Ann "Nan" Reyes': a given name the tagger cut off at a nickname in quotation marks is the
    full name as written, nickname and surname included (not "Ann" alone)."""
    doc = tok.doc
    if tok.is_quote and tok.i > 0:  # the tagger's name ran on to the opening mark
        tok = doc[tok.i - 1]
    k = tok.i + 1
    if k + 3 >= len(doc) or not doc[k].is_quote or not tok.is_title:
        return None
    end = k + 1
    while end < len(doc) and end - k <= 3 and doc[end].is_title and not doc[end].is_quote:
        end += 1
    if end == k + 1 or end + 1 >= len(doc) or not doc[end].is_quote:
        return None
    last = end + 1
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and doc[last + 1].is_title:
        last += 1
    surname = doc[end + 1]
    if surname.pos_ not in ("PROPN", "NOUN") or not surname.is_title:  # "Price" tagged a noun
        return None
    if any(e.name.split()[-1] == surname.text for e in name_index(doc).people):
        return None  # a person of the article by that surname: named as the article's people are
    start = tok.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].is_title:
        start -= 1
    return doc[start : last + 1].text


COUNT_WORDS = {"two": 2, "three": 3, "both": 2}


def organisations_named_together(doc: Doc, tok: Token, skip: list[CharSpan]) -> list[str] | None:
    """"Shares in Harbour Air and Bolt Motors fell … The companies said …": "the companies" (or
    "the two firms", "both banks") are the organisations the article last wrote coordinated by
    "and" before it, as many as the description counts."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in org_nouns():
        return None
    kids = list(tok.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" or c.lower_ == "both" for c in kids):
        return None
    if any(c.dep_ not in ("det", "nummod", "predet") for c in kids):
        return None  # "the firms' shareholders", "the firms involved": not the firms alone
    count = next((COUNT_WORDS[c.lower_] for c in kids if c.lower_ in COUNT_WORDS), None)
    headline = doc_text(doc).find("\n")
    members: list[Token] = []
    for t in doc[: tok.i]:
        if t.idx < headline or inside_any(t.idx, skip) or org_entity_at(doc, t.idx) is None or t.dep_ == "conj":
            continue
        conj = [c for c in t.conjuncts if c.i > t.i]
        if conj and any(c.lower_ == "and" for c in t.children) and all(org_entity_at(doc, c.idx) for c in conj) \
                and _called_together(t, tok):
            members = [t, *conj]
    if len(members) < 2 or count is not None and len(members) != count:
        return None
    names = [canonical_org(doc, _written_org(doc, m)) for m in members]
    return names if len(set(names)) == len(names) else None


def _called_together(first: Token, tok: Token) -> bool:
    """The sentence that coordinates organisations from ``first`` on goes on to call them "the
    firms" ("Shares in A and B fell as the firms …"): so the article writes them as the pair acting
    together (not "the use of both A and B", two drugs the tagger took for firms); so does a subject
    "Both A and B" ("Both A and B will be asked … Both clubs have pledged")."""
    if first.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ == "both" for c in first.children):
        return True
    for t in first.doc[first.i : tok.i + 1]:  # to the full stop (the parser may split the sentence early)
        if t.text in (".", "!", "?"):
            return False
        if t.tag_ == "NNS" and t.lemma_.lower() in org_nouns() and any(c.lower_ == "the" for c in t.children):
            return True
    return False


def _written_org(doc: Doc, tok: Token) -> str:
    """The organisation name written at ``tok``: its entity's, run on over capitalised words the
    tagger left out of it ("Biogen" of "Biogen Idec")."""
    ent = org_entity_at(doc, tok.idx)
    name = ent.name if ent is not None else tok.text
    end = tok.idx + len(name)
    if doc_text(doc)[tok.idx : end] != name:
        return name
    k = tok.i
    while k < len(doc) and doc[k].idx < end:
        k += 1
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title and not doc[k].ent_type_:
        name += " " + doc[k].text
        k += 1
    return name
