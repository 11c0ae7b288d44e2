"""The article's people by name, and what a written name refers to.

A name index over ``doc._.entities`` (built once per doc): a surname shared by several people
goes to the one the context points to (a descriptor repeated from the introduction, "filmmaker
Kim"; else the one introduced last); "Mr King" with no entity of its own is the full name the
article writes ("Paul King"); a surname misspelt by a letter is the person it misspells. Also
the gender the text gives each person, and the words a speaker's mention spans.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsgraph.analyse.base.cues import (
    cue_indices,
    cue_subject,
)
from newsgraph.analyse.base.data import data_lines
from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.spans import inside_any
from newsgraph.analyse.base.token_table import token_table
from newsgraph.analyse.entities.gender import plain_given_gender
from newsgraph.analyse.entities.names import gender_words, known_given_name, titles
from newsgraph.analyse.quotes.non_person_speakers import (
    HUMAN_SUFFIXES,
    NOT_PEOPLE,
    ORG_LABELS,
    names_people,
    org_nouns,
)
from newsgraph.model import Entity
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
    describing: bool = False  # a described person is being resolved: "he" does not resolve one again

    @classmethod
    def build(cls, doc: Doc, people: list[Entity]) -> NameIndex:
        people = [e for e in people if not _described_as_organisation(e)]
        idx = cls(people)
        text = doc_text(doc)
        for ent in people:
            pos = text.find(ent.name)
            idx.introduced[ent.name] = pos if pos >= 0 else min((s for s, _ in ent.mentions), default=0)
            for nm in [ent.name, *ent.aliases]:
                idx.by_name.setdefault(nm.lower(), ent)
            parts = {p.lower() for p in name_parts(ent.name)}
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


def _described_as_organisation(ent: Entity) -> bool:
    """A "person" the article describes only by an organisation's noun ("Mexican outfit Harbour
    Sharks", "the club"): a name the tagger took for a person's, that no pronoun or speaker stands for."""
    heads = [r.lower().split() for r in ent.roles]
    return bool(heads) and all(
        words[-1] in org_nouns() and not _person_shaped(words[-1]) and not RELATING_WORDS & set(words)
        for words in heads)


RELATING_WORDS = frozenset({"of", "for", "at", "with", "in", "from"})
"""Words that make a role a person's post at an organisation ("economist with Harbour Bank")."""


def organisation_taken_for_person(doc: Doc, tok: Token) -> Entity | None:
    """The "person" a subject names whom the article describes only as an organisation
    ("Ruritanian outfit Harbour Sharks hope to sign him"): it speaks as the organisation it is."""
    if tok.ent_type_ != "PERSON":
        return None
    return next((e for e in doc._.entities or [] if e.type == "PERSON" and _described_as_organisation(e)
                 and any(s <= tok.idx < end for s, end in e.mentions)), None)


def _person_shaped(noun: str) -> bool:
    """A noun shaped like a person's ("producer", "broadcaster"), whatever the organisation list says."""
    return noun.endswith(HUMAN_SUFFIXES) and noun not in NOT_PEOPLE


def name_parts(name: str) -> list[str]:
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


def name_tokens(tok: Token) -> Span:
    """The proper-noun run a name token belongs to ("Lee Seung-min", "Kim Chong Hun")."""
    doc = tok.doc
    if tok.ent_type_ == "PERSON":  # walk the entity's IOB tags: no scan over doc.ents
        s = e = tok.i
        while doc[s].ent_iob_ == "I" and s > 0 and not _spaced_dash(doc[s - 1]):
            s -= 1
        while e + 1 < len(doc) and doc[e + 1].ent_iob_ == "I" and not _spaced_dash(doc[e + 1]):
            e += 1
        return doc[s : e + 1]
    s = e = tok.i
    while s > 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].head.i in range(s - 1, tok.i + 2):
        s -= 1
    while e + 1 < len(doc) and (doc[e + 1].pos_ == "PROPN" or doc[e + 1].text == "-"
                                and not doc[e].whitespace_ and not doc[e + 1].whitespace_) \
            and doc[e + 1].head.i in range(tok.i - 1, e + 3):
        e += 1  # "Lee Seung-min", not "Tom Reyes - Harbour's largest investor"
    return doc[s : e + 1]


def _spaced_dash(tok: Token) -> bool:
    """A dash with spaces around it ("Tom Reyes - Harbour's largest investor - said"): it ends a
    name the tagger ran on into the description after it."""
    return tok.text in ("-", "–", "—") and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def clean_name(name: str) -> str:
    """A name without possessive and the dashes or marks the tagger left around it."""
    name = name.strip()
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.strip(" \u00a0,.;:―—–-\"“”'‘’()")


def entity_for_name(doc: Doc, name: str, at: int, descriptor: str | None = None,
                    gender: str | None = None) -> Entity | None:
    """The person a name written at ``at`` refers to; a shared surname goes to the one person of
    the ``gender`` the mention says ("Reyes himself", "Mrs Reyes"), else to the person whose
    introduction carried the same descriptor, else to the one introduced or written alone
    ("Scott") last: not one named once in passing while the text goes on about the other."""
    idx = name_index(doc)
    low = clean_name(name).lower()
    if not low:
        return None
    full = idx.by_name.get(low)
    cands = [e for e in idx.by_part.get(low.split()[-1] if " " not in low else low, [])]
    if full is not None and len(low.split()) > 1:
        return full
    if not cands:
        parts = low.replace("-", " ").split()
        cands = [e for e in idx.people if all(p in {q.lower() for q in name_parts(e.name)} for p in parts)]
    if full is not None and full not in cands:
        cands.append(full)
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    of_gender = [e for e in cands if entity_gender(doc, e) == gender] if gender else []
    if len(of_gender) == 1:
        return of_gender[0]
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


REFLEXIVE_GENDERS = {"himself": "m", "herself": "f"}
"""Reflexives set beside a name ("Reyes himself said") that say whose it is."""


def honorific_or_reflexive_gender(span: Span) -> str | None:
    """"m"/"f" when a name's mention says it: an honorific in front ("Mrs Reyes") or a
    reflexive beside it ("Reyes himself")."""
    kind = titles().get(span[0].text.rstrip(".")) if len(span) > 1 else None
    if kind is not None and kind[0] == "honorific" and kind[1] in ("m", "f"):
        return str(kind[1])
    for t in span.root.children:
        if t.lower_ in REFLEXIVE_GENDERS and t.i > span.root.i:
            return REFLEXIVE_GENDERS[t.lower_]
    return None


def descriptor_words(tok: Token) -> str | None:
    """Common-noun words in front of or forming the mention ("film critic", "a source")."""
    words = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "det") and t.pos_ != "PROPN"]
    if tok.pos_ == "NOUN":
        return tok.doc[tok.left_edge.i : tok.i + 1].text
    if words:
        return tok.doc[words[0].i : words[-1].i + 1].text
    return None


def appositive_name(tok: Token) -> Token | None:
    """The name in apposition to a subject: "one, Han Tae Yong," / "a spokesman, John Smith,"; past
    a title set between commas ("the head of the unit, Chief Superintendent, Ann Lee,"), the
    person's name, not the title; "a spokesman for Harbour Customs and Excise, Ann Lee," (the parser
    hanging her on the body's name) is her."""
    for child in set_beside(tok):
        named = child if child.ent_type_ == "PERSON" else next(
            (g for g in child.children if g.dep_ == "appos" and g.ent_type_ == "PERSON"), None)
        if named is not None or child.dep_ == "appos" and child.pos_ == "PROPN":
            return named or child
    named = _name_after_body(tok)
    if named is not None:
        return named
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


def _name_after_body(tok: Token) -> Token | None:
    """The person's name closing "<tok> for <organisation's name>, NAME,": set in apposition to the
    organisation by the parser, it is the one the noun describes (not so after a person's post:
    "a spokesman for the minister, Ann Lee," is hers)."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"):
        for body in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN" and c.ent_type_ != "PERSON"):
            named = next((g for g in body.children if g.dep_ == "appos" and g.ent_type_ == "PERSON"), None)
            after = tok.doc[named.i + 1] if named is not None and named.i + 1 < len(tok.doc) else None
            if named is not None and after is not None and after.text == "," and named.right_edge.i == named.i:
                return named
    return None


def set_beside(tok: Token) -> list[Token]:
    """What the parser set beside ``tok`` between commas: its appositions, and conjuncts when no
    "and"/"or" joins them ("the head of the unit, Chief Superintendent, …": one person's titles)."""
    joined = [c for c in tok.children if c.dep_ == "conj"]
    coordinated = any(g.dep_ == "cc" for m in [tok, *joined] for g in m.children)
    return [c for c in tok.children if c.dep_ == "appos" or c.dep_ == "conj" and not coordinated and c.i > tok.i]


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


def person_in_phrase(tok: Token) -> Token | None:
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
            if t.dep_ in ("acl", "relcl"):
                return True  # "leaflets condemning the tyranny of Ann Lee": whom the clause is about
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


def office_noun(tok: Token) -> bool:
    """A common noun naming a person's post ("boss", "manager", "chief"), not a group or a
    document: what stands between an organisation and the person who holds the post."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or lemma in org_nouns():
        return False
    return names_people(lemma) or tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON"


ORGANISATION_NAME_LINKS = frozenset({"for", "of", "the", "&"})
"""Words an organisation's name holds between its capitalised words ("Commission for Racial Equality")."""


def _inside_organisation_name(t: Token, org: Token) -> bool:
    """A word that may belong to the organisation's name ``org`` opens, written in lower case
    ("Commission for racial equality"): a linking word, or an adjective or noun of its phrase."""
    if t.lower_ in ORGANISATION_NAME_LINKS:
        return True
    return t.pos_ in ("ADJ", "NOUN") and t.is_lower and t.i > org.i + 1


def titled_person(tok: Token) -> Token | None:
    """The person a title run names when the parser made its first word, an organisation's,
    the subject: "Treasury Under Secretary Ann Lee said" and "Burnley boss Steve Cotterill:"
    are Ann Lee and Steve Cotterill."""
    doc = tok.doc
    if tok.ent_type_ == "PERSON" or tok.pos_ != "PROPN":
        return None
    k = tok.i + 1
    while k < len(doc) and k - tok.i <= TITLE_RUN and doc[k].ent_type_ != "PERSON" and (
        doc[k].is_title or doc[k].is_lower and office_noun(doc[k])  # "Burnley boss Steve Cotterill"
        or _inside_organisation_name(doc[k], tok)  # "Commission for racial equality chief Ann Lee"
    ):
        k += 1
    if k == tok.i + 1 or k >= len(doc) or doc[k].ent_type_ != "PERSON":
        return None  # "Treasury said", "Treasury's Ann Lee": the parser's own reading stands
    if not all(t.is_title or office_noun(t) for t in doc[tok.i + 1 : k]) and not (
            office_noun(doc[k - 1]) and tok.left_edge.i <= k <= tok.right_edge.i):
        return None  # lower-case words of the name only before a post the subject's phrase holds
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
    if found is None and len(ent.name.split()) > 1:  # the one reading of a given name (entities/gender.py)
        found = {"male": "m", "female": "f"}.get(plain_given_gender(ent.name.split()[0]) or "")
    idx.genders[ent.name] = found
    return found


def gender_compatible(doc: Doc, name: str | None, gender: str | None) -> bool:
    if not name or gender not in ("m", "f"):
        return True
    ent = name_index(doc).by_name.get(name.lower())
    g = entity_gender(doc, ent) if ent is not None else None
    return g is None or g == gender


def full_name_written(doc: Doc, name: str, *, unique: bool = False) -> str:
    """A lone surname ("Wenger said") as the article first writes it in full ("Arsene Wenger",
    'Arsene "the Professor" Wenger'): a given name anyone bears before it, not a title ("President");
    ``unique``: only when the article writes one given name with it (not "Jeb" and "Laura Bush")."""
    if " " in name or not name[:1].isupper():
        return name
    givens: list[str] = []
    nickname = r"(?:[\"“][^\"“”\n]{1,30}[\"”] )?"  # 'Tom "the Hurricane" Reyes'
    for m in re.finditer(rf"(?<![\w-])([A-Z][\w'-]+) {nickname}{re.escape(name)}(?![\w-])", doc_text(doc)):
        given = m.group(1)
        word = doc.char_span(m.start(1), m.end(1))
        double = "-" in given and all(known_given_name(part) for part in given.split("-"))  # "Anne-Marie"
        if word is None or word[0].pos_ != "PROPN" or word[0].ent_type_ in ORG_LABELS and not double:
            continue  # "The Balco", "German Boerse": a word in front of it, not a given name
        if given not in titles() and (double or known_given_name(given)) and given not in givens:
            if not unique:
                return f"{given} {name}"
            givens.append(given)
    return f"{givens[0]} {name}" if len(givens) == 1 else name


def without_honorific(name: str) -> str:
    """"Mr King" with no entity of its own is the surname the article may give in full ("Paul King")."""
    first, _, rest = name.partition(" ")
    kind = titles().get(first) or titles().get(first.rstrip("."))
    return rest if rest and " " not in rest and kind is not None and kind[0] == "honorific" else name


MISSPELT_MIN = 6
"""Letters a surname needs before a written form one letter short or long is taken for it."""


def misspelt_surname(doc: Doc, written: str) -> Entity | None:
    """The one person whose surname ``written`` misspells by a letter dropped or doubled
    ("said Davnport" after Lindsay Davenport), when the article never writes it with a given name
    or a title before it (as one of its own people)."""
    word = clean_name(written)
    text = doc_text(doc)
    if " " in word or len(word) < MISSPELT_MIN:
        return None
    if text.count(word) > 1 and re.search(rf"[A-Z][\w'-]+ {re.escape(word)}(?![\w-])", text):
        return None  # written again, once with a name before it: maybe someone of its own
    idx = name_index(doc)
    found = {e.name: e for e in idx.people for part in name_parts(e.name)[-1:]
             if abs(len(part) - len(word)) == 1 and _one_letter_apart(part, word)}
    return next(iter(found.values())) if len(found) == 1 else None


def _one_letter_apart(a: str, b: str) -> bool:
    """``b`` is ``a`` with one letter more or less (same first letter, case kept)."""
    short, long_ = sorted((a, b), key=len)
    if short[:1] != long_[:1]:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(1, len(long_)))


@lru_cache(maxsize=1)
def speech_documents() -> frozenset[str]:
    """Nouns of documents that speak for their author ("statement", "letter", "report")."""
    return frozenset(ln.strip() for ln in data_lines("speech_documents.txt"))
