"""Who said it: a cue's subject turned into the speaker's full name.

The cue and its subject come from ``base/cues.py``. Names are resolved over ``doc._.entities``: a surname shared by several people goes to
the one the context points to (a descriptor repeated from the introduction, "filmmaker
Kim"; else the one introduced last), a pronoun to the person the sentence or the
preceding attributions are about.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsgraph.analyse.base.cues import (
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    cue_indices,
    cue_subject,
    is_cue,
    relative_antecedent,
)
from newsgraph.analyse.base.data import data_lines
from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.spans import inside_any
from newsgraph.analyse.base.token_table import token_table
from newsgraph.analyse.entities.names import gender_words, given_name_detectors, known_given_name, titles
from newsgraph.analyse.quotes.marks import find_quoted_spans
from newsgraph.analyse.quotes.non_person_speakers import (
    HUMAN_SUFFIXES,
    NOT_PEOPLE,
    ORG_LABELS,
    QUANTIFIERS,
    describe_source,
    introducing_phrase,
    is_noun_token,
    name_after_description,
    names_people,
    org_nouns,
    person_after_of,
)
from newsgraph.model import Entity, Speaker
from newsgraph.model import Span as CharSpan

PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "i": "s", "we": "p"}
THIRD_PERSON = {"he", "she", "him", "her"}
_NAMES_KEY = "newsgraph_name_index"
UNNAMED_SOURCES = {"spokesperson", "official", "source", "aide", "adviser", "advisor", "analyst", "expert"}


def mention_span(tok: Token) -> CharSpan:
    """The subject's name with its compounds and titles ("film critic Lee Seung-min")."""
    first = tok
    while first.i > 0:
        prev = tok.doc[first.i - 1]
        if prev.head.i in (tok.i, first.i) and prev.dep_ in ("compound", "amod", "det", "poss", "nmod", "punct"):
            first = prev
        elif prev.head == tok and prev.ent_type_ == "PERSON":
            first = prev
        else:
            break
    while first.i < tok.i and (first.is_punct or first.dep_ == "det" and first.lower_ == "the"):
        first = tok.doc[first.i + 1]
    last = tok
    while last.i + 1 < len(tok.doc):
        nxt = tok.doc[last.i + 1]
        if nxt.head.i in (tok.i, last.i) and nxt.dep_ in ("compound", "flat") or (
            nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "I" and tok.ent_type_ == "PERSON"
        ):
            last = nxt
        else:
            break
    return first.idx, last.idx + len(last.text)


# --------------------------------------------------------------------------
# names
# --------------------------------------------------------------------------
@dataclass
class NameIndex:
    """People of one article by name part, with where each full name first appears."""

    people: list[Entity]
    introduced: dict[str, int] = field(default_factory=dict)  # name -> first full mention
    by_part: dict[str, list[Entity]] = field(default_factory=dict)
    by_name: dict[str, Entity] = field(default_factory=dict)
    mentions: list[tuple[int, int, Entity]] = field(default_factory=list)  # sorted
    cue_subjects: list[tuple[int, int]] | None = None  # (char, token index), outside quotes
    genders: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, people: list[Entity]) -> NameIndex:
        idx = cls(people)
        text = doc_text(doc)
        for ent in people:
            pos = text.find(ent.name)
            idx.introduced[ent.name] = pos if pos >= 0 else min((s for s, _ in ent.mentions), default=0)
            for nm in [ent.name, *ent.aliases]:
                idx.by_name.setdefault(nm.lower(), ent)
            parts = {p.lower() for p in _parts(ent.name)}
            if ent.name.split()[0] in ent.aliases:  # "his wife, Laura" named Laura Bush: not what "Bush" means
                parts.discard(ent.name.split()[-1].lower())
            for part in parts:
                idx.by_part.setdefault(part, []).append(ent)
            idx.mentions.extend((s, e, ent) for s, e in ent.mentions)
        idx.mentions.sort(key=lambda m: (m[0], m[1]))
        return idx

    def entity_at(self, i: int) -> Entity | None:
        k = bisect.bisect_right(self.mentions, i, key=lambda m: m[0]) - 1
        while k >= 0 and self.mentions[k][0] <= i:
            s, e, ent = self.mentions[k]
            if s <= i < e:
                return ent
            if i - s > 80:
                break
            k -= 1
        return None

    def last_mention_before(
        self, i: int, skip: list[CharSpan], accept: Callable[[Entity], bool] | None = None, tries: int = 12
    ) -> Entity | None:
        """The person mentioned last before ``i`` outside ``skip`` (that ``accept`` takes)."""
        k = bisect.bisect_left(self.mentions, i, key=lambda m: m[0]) - 1
        while k >= 0 and tries > 0:
            s, _e, ent = self.mentions[k]
            if not inside_any(s, skip):
                if accept is None or accept(ent):
                    return ent
                tries -= 1
            k -= 1
        return None


def _parts(name: str) -> list[str]:
    return [p for p in name.replace("-", " ").split() if p[:1].isalpha()] + name.split()


def name_index(doc: Doc, people: list[Entity] | None = None) -> NameIndex:
    """The doc's NameIndex, built once per doc (kept in ``doc.user_data``)."""
    idx = doc.user_data.get(_NAMES_KEY)
    if idx is None:
        if people is None:
            people = [e for e in (doc._.entities or []) if e.type == "PERSON"]
        idx = NameIndex.build(doc, people)
        doc.user_data[_NAMES_KEY] = idx
    return idx


def _name_tokens(tok: Token) -> Span:
    """The proper-noun run a name token belongs to ("Lee Seung-min", "Kim Chong Hun")."""
    doc = tok.doc
    if tok.ent_type_ == "PERSON":  # walk the entity's IOB tags: no scan over doc.ents
        s = e = tok.i
        while doc[s].ent_iob_ == "I" and s > 0:
            s -= 1
        while e + 1 < len(doc) and doc[e + 1].ent_iob_ == "I":
            e += 1
        return doc[s : e + 1]
    s = e = tok.i
    while s > 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].head.i in range(s - 1, tok.i + 2):
        s -= 1
    while e + 1 < len(doc) and (doc[e + 1].pos_ == "PROPN" or doc[e + 1].text == "-") and doc[e + 1].head.i in range(tok.i - 1, e + 3):
        e += 1
    return doc[s : e + 1]


def _clean(name: str) -> str:
    """A name without possessive and the dashes or marks the tagger left around it."""
    name = name.strip()
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.strip(" \u00a0,.;:―—–-\"“”'‘’()")


def entity_for_name(doc: Doc, name: str, at: int, descriptor: str | None = None) -> Entity | None:
    """The person a name written at ``at`` refers to; a shared surname goes to the person
    whose introduction carried the same descriptor, else to the one introduced or written alone
    ("Scott") last: not one named once in passing while the text goes on about the other."""
    idx = name_index(doc)
    low = _clean(name).lower()
    if not low:
        return None
    full = idx.by_name.get(low)
    cands = [e for e in idx.by_part.get(low.split()[-1] if " " not in low else low, [])]
    if full is not None and len(low.split()) > 1:
        return full
    if not cands:
        parts = low.replace("-", " ").split()
        cands = [e for e in idx.people if all(p in {q.lower() for q in _parts(e.name)} for p in parts)]
    if full is not None and full not in cands:
        cands.append(full)
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    before = [e for e in cands if idx.introduced.get(e.name, 0) < at] or cands
    text = doc_text(doc)
    if descriptor:
        word = descriptor.split()[-1].lower()
        described = [e for e in before if word in text[max(0, idx.introduced[e.name] - 40) : idx.introduced[e.name]].lower()]
        if described:
            before = described

    def last_meant(ent: Entity) -> int:  # introduced, or last written as this same word ("Scott")
        alone = (s for s, e in ent.mentions if s < at and text[s:e].lower() == low)
        return max(alone, default=idx.introduced.get(ent.name, 0))

    return max(before, key=last_meant)


def _descriptor(tok: Token) -> str | None:
    """Common-noun words in front of or forming the mention ("film critic", "a source")."""
    words = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "det") and t.pos_ != "PROPN"]
    if tok.pos_ == "NOUN":
        return tok.doc[tok.left_edge.i : tok.i + 1].text
    if words:
        return tok.doc[words[0].i : words[-1].i + 1].text
    return None


def appositive_name(tok: Token) -> Token | None:
    """The name in apposition to a subject: "one, Han Tae Yong," / "a spokesman, John Smith,"."""
    for child in tok.children:
        if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN"):
            return child
    doc = tok.doc
    k = tok.right_edge.i + 1
    if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].pos_ == "PROPN":
        e = k + 1
        while e + 1 < len(doc) and (doc[e + 1].pos_ == "PROPN" or doc[e + 1].text == "-"):
            e += 1
        run = doc[k + 1 : e + 1]
        if any(t.ent_type_ == "PERSON" for t in run):
            return run[-1]
    return None


def cue_subjects(doc: Doc, skip: list[CharSpan]) -> list[tuple[int, int]]:
    """Subjects of every cue verb outside quotations, in text order (one pass)."""
    idx = name_index(doc)
    if idx.cue_subjects is None:
        out = []
        t = token_table(doc)
        for i in cue_indices(doc):
            if not inside_any(t.idx[i], skip):
                subj = cue_subject(doc[i])
                if subj is not None and not inside_any(subj.idx, skip):
                    out.append((subj.idx, subj.i))
        idx.cue_subjects = sorted(set(out))
    return idx.cue_subjects


def _person_in_phrase(tok: Token) -> Token | None:
    """The last person's name within a short subject phrase headed by a title noun."""
    sub = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
    if len(sub) > 12:
        return None
    def someone_else(t: Token) -> bool:  # "Mr Blair's spokesman", "a spokesman for Ms Li"
        while t != tok and t.head != t:
            if t.dep_ == "poss" or any(c.dep_ == "case" for c in t.children):
                return True
            if t.dep_ == "compound" and t.head.ent_type_ != "PERSON" and t.head.pos_ == "NOUN":
                return True  # "the Clinton campaign", "Sanders supporters"
            if t.dep_ == "prep" and t.lower_ != "of":
                return True
            t = t.head
        return False

    people = [t for t in sub if t.ent_type_ == "PERSON" and not someone_else(t)]
    if tok.pos_ == "PROPN":  # "Ana Ruiz" with only "Ana" tagged: part of the same name
        people = [t for t in people if not (t.dep_ in ("compound", "flat") and t.head == tok)]
    if not people:
        return None
    last = people[-1]
    while last.i + 1 < sub.end and tok.doc[last.i + 1].ent_type_ == "PERSON":
        last = tok.doc[last.i + 1]
    return last


TITLE_RUN = 6
"""Capitalised words at most between an organisation's name and the person a title names."""


def _office_noun(tok: Token) -> bool:
    """A common noun naming a person's post ("boss", "manager", "chief"), not a group or a
    document: what stands between an organisation and the person who holds the post."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or lemma in org_nouns():
        return False
    return names_people(lemma) or tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON"


def _person_after_title(tok: Token) -> Token | None:
    """The person a title run names when the parser made its first word, an organisation's,
    the subject: "Treasury Under Secretary Ann Lee said" and "Burnley boss Steve Cotterill:"
    are Ann Lee and Steve Cotterill."""
    doc = tok.doc
    if tok.ent_type_ == "PERSON" or tok.pos_ != "PROPN":
        return None
    k = tok.i + 1
    while k < len(doc) and k - tok.i <= TITLE_RUN and doc[k].ent_type_ != "PERSON" and (
        doc[k].is_title or doc[k].is_lower and _office_noun(doc[k])  # "Burnley boss Steve Cotterill"
    ):
        k += 1
    if k == tok.i + 1 or k >= len(doc) or doc[k].ent_type_ != "PERSON":
        return None  # "Treasury said", "Treasury's Ann Lee": the parser's own reading stands
    while k + 1 < len(doc) and doc[k + 1].ent_type_ == "PERSON" and doc[k + 1].ent_iob_ == "I":
        k += 1
    return doc[k]


def entity_gender(doc: Doc, ent: Entity) -> str | None:
    """"m"/"f" when the article says it (Mr/Ms before a mention, a gendered role noun in
    front of the name) or the first name is clearly one (never for surname-first names
    whose first word is ambiguous)."""
    idx = name_index(doc)
    if ent.name in idx.genders:
        return idx.genders[ent.name]
    words = gender_words()
    found: str | None = {"female": "f", "male": "m"}.get(ent.gender or "")  # the people stage's evidence
    text = doc_text(doc)
    for s, _e in ent.mentions[:20] if found is None else []:
        before = text[max(0, s - 30) : s].split()
        if before and before[-1].lower().strip(",") in words:
            found = words[before[-1].lower().strip(",")]
            break
    if found is None and len(ent.name.split()) > 1:
        det = given_name_detectors()[1]  # None without gender-guesser: first names say nothing
        if det is not None:
            g = det.get_gender(ent.name.split()[0])
            found = {"male": "m", "female": "f"}.get(g)
    idx.genders[ent.name] = found
    return found


def _compatible(doc: Doc, name: str | None, gender: str | None) -> bool:
    if not name or gender not in ("m", "f"):
        return True
    ent = name_index(doc).by_name.get(name.lower())
    g = entity_gender(doc, ent) if ent is not None else None
    return g is None or g == gender


PRONOUN_CHAIN = 8
"""Attributions by "he"/"she" followed back to the one that names the person (a speech reported
over a page is a long run of "he said"; cut short, the last person merely mentioned wins)."""


def pronoun_referent(
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
        if t.dep_ in SUBJECT_DEPS and t.ent_type_ == "PERSON" and not inside_any(t.idx, skip):
            ent = entity_for_name(doc, _name_tokens(t).text, t.idx)
            if ent is not None and _compatible(doc, ent.name, gender):
                return ent.name
    subjects = cue_subjects(doc, skip)
    k = bisect.bisect_left(subjects, (min(before, tok.idx), -1)) - 1
    passed_name = False
    while k >= 0 and depth < PRONOUN_CHAIN and before - subjects[k][0] < 3000:
        prev = doc[subjects[k][1]]
        k -= 1
        if prev.i == tok.i or _reported_inside(prev):
            continue  # "he said the cuts proposed by Tom Reyes …": Tom Reyes is talked about
        if prev.lower_ in THIRD_PERSON:
            if PRONOUNS.get(prev.lower_) != gender:
                continue
            found = pronoun_referent(doc, prev, prev.idx, skip, depth + 1)
            if not isinstance(found, str):
                return found  # the unnamed source the previous "she" stood for (or nobody)
            name: str | None = found
        elif (noun := person_after_of(prev) or prev).pos_ == "NOUN" and (
                prev.ent_type_ != "PERSON" and _person_in_phrase(prev) is None and appositive_name(prev) is None):
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
            passed_name = passed_name or name is not None and _compatible(doc, name, gender)
        if name and idx.by_name.get(name.lower()) is not None and _compatible(doc, name, gender):
            return _person_subject_between(doc, prev.sent.end_char, tok.idx, skip, gender) or name
    ent = idx.last_mention_before(before, skip, lambda e: _compatible(doc, e.name, gender))
    return ent.name if ent else None


def _reported_inside(subj: Token) -> bool:
    """``subj`` is the agent of a modifier inside what another cue reports ("the cuts proposed by
    X", "a plan X drew up"): X is talked about, not speaking."""
    verb = subj.head.head if subj.dep_ == "pobj" and subj.head.dep_ == "agent" else subj.head
    if verb.dep_ not in ("acl", "relcl"):
        return False
    cues = set(cue_indices(subj.doc))
    return any(a.i in cues for a in verb.ancestors)


def _person_subject_between(doc: Doc, start: int, end: int, skip: list[CharSpan], gender: str | None) -> str | None:
    """The last person of ``gender`` who is the subject of a sentence between ``start`` and
    ``end``: a pronoun after "a spokesman said ... Tom Reyes has criticised it." or after
    "Ann Lee said ... Tom Reyes is confident." is Tom Reyes."""
    idx = name_index(doc)
    t = token_table(doc)
    text = doc_text(doc)
    found = None
    for s, e, ent in idx.mentions:
        if start <= s < end and not inside_any(s, skip) and _compatible(doc, ent.name, gender):
            k = bisect.bisect_left(t.idx, s)
            span = doc[k : bisect.bisect_left(t.idx, e)]
            if any(tok.dep_ in SUBJECT_DEPS and _main_clause(tok.head) for tok in span) and not _quoted(text, s):
                found = ent.name  # the sentence is about them, not a clause inside it
    return found


def _person_between(doc: Doc, start: int, end: int, skip: list[CharSpan], gender: str | None) -> bool:
    """A person of ``gender`` is named in the narration between ``start`` and ``end`` (a mention
    of the article's people, or a name the tagger marked that they missed)."""
    text = doc_text(doc)
    named = [(s, ent.name) for s, _e, ent in name_index(doc).mentions]
    named += [(e.start_char, e.text) for e in doc.ents if e.label_ == "PERSON"]
    if any(start <= s < end and not inside_any(s, skip) and not _quoted(text, s) and _compatible(doc, name, gender)
           for s, name in named):
        return True
    honorifics = titles()  # "Mr Kilroy-Silk" the tagger left untagged
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(
        t.text in honorifics and honorifics[t.text][0] == "honorific" and honorifics[t.text][1] in ("-", gender)
        and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and not _quoted(text, t.idx) for t in span)


def _main_clause(verb: Token) -> bool:
    """The sentence's main verb, or one coordinated with it ("… but Ann Lee sees hope")."""
    return verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


def _quoted(text: str, char: int) -> bool:
    """``char`` lies between quotation marks in its paragraph (someone's words, not the narration)."""
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return any(q.start <= char < q.end for q in find_quoted_spans(text, start, end if end >= 0 else len(text)))


def full_name_written(doc: Doc, name: str) -> str:
    """A lone surname with no entity of its own ("Wenger said") as the article first writes it
    in full ("Arsene Wenger"): a given name anyone bears before it, not a title ("President")."""
    if " " in name or not name[:1].isupper():
        return name
    for m in re.finditer(rf"(?<![\w-])([A-Z][\w'-]+) {re.escape(name)}(?![\w-])", doc_text(doc)):
        given = m.group(1)
        word = doc.char_span(m.start(1), m.end(1))
        if word is None or word[0].pos_ != "PROPN" or word[0].ent_type_ in ORG_LABELS:
            continue  # "The Balco", "German Boerse": a word in front of it, not a given name
        if given not in titles() and known_given_name(given):
            return f"{given} {name}"
    return name


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
        named = _person_in_phrase(tok) or _person_after_title(tok)  # "Speaker of the House Paul Ryan"
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
        span = _name_tokens(tok)
        desc = _descriptor(span.root)
        ent = entity_for_name(doc, span.text, span.start_char, desc)
        if ent is not None:
            return ent.name, desc
        idx = name_index(doc)
        ent = idx.entity_at(tok.idx)
        if ent is not None and ent.type == "PERSON":
            return ent.name, desc
        if tok.ent_type_ == "PERSON":
            return full_name_written(doc, _clean(span.text)), desc
        if tok.ent_type_ in ORG_LABELS:
            return None, None  # an organisation: ``describe_source`` names it
    return None, doc[tok.left_edge.i : tok.i + 1].text


@lru_cache(maxsize=1)
def speech_documents() -> frozenset[str]:
    """Nouns of documents that speak for their author ("statement", "letter", "report")."""
    return frozenset(ln.strip() for ln in data_lines("speech_documents.txt"))


PERSON_ACRONYMS = frozenset({"MEP", "MP", "MSP", "MLA", "CEO", "CFO", "QC"})
"""Offices written in capitals that stand for one person ("the MEP said")."""
ACHIEVEMENT_NOUNS = frozenset({"champion", "captain", "star", "veteran", "favourite", "hopeful", "ace", "legend"})
"""Sport's and show business's person nouns that have no person's suffix ("the world champion")."""
KIN_NOUNS = frozenset({"father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "widow"})
"""Person nouns that relate a person to a person, never to an organisation's post."""
OTHER_POST = frozenset({"shadow", "deputy", "vice", "assistant", "former", "acting", "junior", "ex"})
"""Words that make a role another post than its head noun alone ("shadow chancellor")."""
OFFICE_LOOKBACK = 600
"""Characters back within which "the MEP" refers to the person last named."""


def described_person(doc: Doc, tok: Token, before: int, skip: list[CharSpan], depth: int = 0) -> str | None:
    """The person a definite description points back to: "the MEP" or "our correspondent" to
    the last person introduced with that role, "the woman" to the last woman mentioned. None
    when nobody before fits, or the phrase says whose it is ("the singer's father")."""
    office = tok.text in PERSON_ACRONYMS
    aged = tok.lower_ == "old" and any(c.lower_ == "year" for c in tok.children)  # "the 27-year-old"
    if not office and not aged and (not is_noun_token(tok) or tok.tag_ not in ("NN", "NNP")):
        return None
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    if dets and dets[0].dep_ == "poss" and dets[0].ent_type_ in ORG_LABELS and _described_person_noun(tok, True):
        # "Amnesty International's chief": the person the article names in that post
        return _last_person_speaker(doc, tok, before, skip) or _next_person_speaker(doc, tok, skip)
    if not dets or dets[0].lower_ not in ("the", "our", "this") or any(c.dep_ == "poss" and c.lower_ != "our" for c in dets):
        return None  # "the singer's father" says whose; "our correspondent" is the paper's own
    head = tok.lower_
    idx = name_index(doc)

    own = {c.lower_ for c in tok.children}

    def roles(ent: Entity) -> list[set[str]]:
        return [set(r.lower().split()) for r in ent.roles if r.lower().split()[-1:] == [head]]

    def has_role(ent: Entity) -> bool:  # "the chancellor" is not the "shadow chancellor"
        return any(not (r & OTHER_POST) - own for r in roles(ent))

    def other_post(name: str | None) -> bool:
        ent = idx.by_name.get(name.lower()) if name else None
        return ent is not None and bool(roles(ent)) and not has_role(ent)

    ent = idx.last_mention_before(before, skip, has_role, tries=30)
    if ent is not None:
        return ent.name
    intro = introducing_phrase(doc, tok, skip) if depth < 2 else None
    if intro is not None and {c.lower_ for c in intro.children} & OTHER_POST - own:
        intro = None  # "shadow chancellor Tom Reyes" did not introduce "the chancellor"
    found = described_person(doc, intro, intro.idx, skip, depth + 1) if intro is not None else None
    if found is not None:  # "the minister" after "Ruritania's justice minister has warned"
        return found
    gender = gender_words().get(head) if head in ("man", "woman", "boy", "girl") else None
    if gender is not None:
        ent = idx.last_mention_before(before, skip, lambda e: entity_gender(doc, e) == gender)
        return ent.name if ent is not None else None
    if office:
        return _person_named_just_before(doc, tok, before, skip)
    bare = not aged and not _described_person_noun(tok) and _office_noun(tok) and _described_person_noun(tok, bare=True)
    if aged or bare or _described_person_noun(tok):
        # "said the former world champion"; "the chancellor said" after "Ann Lee has said"
        found = _last_person_speaker(doc, tok, before, skip) or _next_person_speaker(doc, tok, skip)
        if found is None and aged:  # "… in the shape of Ann Lee. The 14-year-old said"
            found = _person_named_just_before(doc, tok, before, skip, alone=True)
        if bare and found is not None and not _named_in_sentence_before(doc, tok, found):
            return None  # "Ann Lee said … he said. The chancellor is …": maybe someone else
        return None if other_post(found) else found
    return None


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
    if prev.i == tok.i or prev.sent == tok.sent:
        return None  # "X offered advice as the nominee looks to …": someone else of the sentence
    layout = doc._.layout
    if layout is not None and sum(prev.idx < pa.start <= at for pa in layout.paragraphs) > 1:
        return None  # a paragraph of its own between them: a new item, maybe a new person
    if prev.pos_ in ("NOUN", "ADJ") and prev.ent_type_ != "PERSON" and _person_in_phrase(prev) is None:
        return described_person(doc, prev, prev.idx, skip)  # described in turn, or unnamed: nobody
    name, _ = resolve_name(doc, prev, name_index(doc).people, prev.idx, skip)
    idx = name_index(doc)
    ent = idx.by_name.get(name.lower()) if name else None
    sent_end = prev.sent.end_char
    others = [m for m in idx.mentions if sent_end <= m[0] < at and m[2] is not ent and not inside_any(m[0], skip)]
    return ent.name if ent is not None and not others else None  # someone else named since: no guess


def conjuncts(tok: Token) -> list[Token]:
    """The other speakers a subject is coordinated with ("Apple and Motorola said"), not the
    parts of one name the tagger split ("Marks and Spencer": a part the article never writes
    apart), nor a bare description ("Screenwriter and producer Ann Lee")."""
    doc = tok.doc
    out = [c for c in tok.conjuncts if c.i > tok.i and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if any(m.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in m.children) for m in [tok, *out]):
        return []  # "technology and broadband analyst": one person's description
    if len(out) == 1 and tok.pos_ == out[0].pos_ == "PROPN":
        text = doc_text(doc)
        first, second = _name_tokens(tok), _name_tokens(out[0])
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
    subj = _outer_subject(subj) or name_after_description(subj) or subj
    members = conjuncts(subj)
    if not members:
        return _single_speaker(doc, subj, people, before, skip)
    names: list[str] = []
    for m in [subj, *members]:
        spk = _single_speaker(doc, m, people, before, skip)
        if spk.type is None or not spk.name or spk.name in names:
            return _single_speaker(doc, subj, people, before, skip)  # not a list of speakers
        names.append(spk.name or "")
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return Speaker(joined, None, None, "GROUP")


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
    described = described_person(doc, subj, before, skip)
    if described is not None:
        return Speaker(described, None, desc, "PERSON")
    found = describe_source(doc, subj, before, skip)
    if found is None:
        return Speaker(None, None, desc)
    return Speaker(found.name, None, desc, found.type, found.affiliation)


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


def speaker_for(
    doc: Doc, subj: Token, people: list[Entity], before: int, skip: list[CharSpan] | None = None
) -> Speaker:
    """A Speaker (name, type, mention span, descriptor) for a cue's subject. "The
    campaign's statement said": the campaign speaks."""
    if subj.lemma_.lower() in speech_documents():
        owner = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
        if owner is not None:
            subj = owner
    subj = _reporter_of_denial(subj) or subj
    spk = name_speaker(doc, subj, people, before, skip)
    target = (appositive_name(subj) if subj.pos_ != "PROPN" else None) or _person_after_title(subj) or subj
    spk.mention = mention_span(target)
    return spk
