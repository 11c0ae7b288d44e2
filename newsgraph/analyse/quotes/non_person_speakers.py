"""Speakers that are not a person named in the text: organisations, groups and unnamed sources.

A reader reads names: "Northfield Mining said … the company said … it said" is Northfield
Mining three times; "some analysts" are the group "analysts"; "a union spokesman" is an
unnamed source, named by the descriptor as written. ``describe_source`` gives that name and
its type for a cue's subject once the person rules (``speakers.py``) found no person:

* an organisation, country or party the parser tagged → its entity's canonical name;
* "it" / "they" → the organisation (or, for "they", the group) that spoke last before;
* a definite organisation noun ("the company", "the mining group", data/org_nouns.txt) → the
  organisation named last before it, else the noun phrase without its article ("government");
* a plural noun phrase → a GROUP, without determiners or quantifiers ("analysts");
* a singular noun phrase → an UNNAMED source, article included ("a spokesman for the union");
* a document ("a report by X", "its statement") → whoever wrote it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.analyse.base.cues import (
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    cue_indices,
    cue_lemma,
    cue_subject,
    cue_table,
    relative_antecedent,
)
from newsgraph.analyse.base.data import data_lines, data_rows
from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.reported import reported_inside
from newsgraph.analyse.base.spans import inside_any
from newsgraph.model import Entity
from newsgraph.model import Span as CharSpan

ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
INSTITUTIONS = frozenset({"government", "police", "army", "military", "council", "court", "cabinet", "parliament",
                          "ministry", "treasury", "administration", "regime", "opposition", "prosecution", "embassy",
                          "commission", "navy", "junta", "presidency", "kremlin", "whitehall"})
"""Organisation nouns a story uses for one body it need not name ("the government said")."""
"""spaCy labels of subjects that speak as organisations ("Britain said", "the Tories said")."""
QUANTIFIERS = frozenset({"the", "a", "an", "some", "many", "most", "several", "few", "all", "both", "these",
                         "those", "any", "more", "other"})
"""Words a group's name leaves out ("some analysts" is "analysts"); "other" is kept before a
noun with its own modifier ("other public sector unions")."""
NP_CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis"})
"""Parts of a subject's phrase that describe it rather than name it."""
HUMAN_SUFFIXES = ("person", "man", "woman", "er", "or", "ist", "ian", "spondent", "sident", "ponent", "ient")
"""Heads shaped like a person's ("a spokesperson", "one dealer", "a trader") name one even when
the learned list lacks them; ``NOT_PEOPLE`` are the common exceptions."""
OFFICE_ACRONYMS = {"PM": "prime minister"}
"""Posts written in capitals as a title ("the PM insisted"): their holder is the person the article
gives that post, not whoever was named last."""
PERSON_ACRONYMS = frozenset({"MEP", "MP", "MSP", "MLA", "CEO", "CFO", "QC", "DJ", *OFFICE_ACRONYMS})
"""Offices written in capitals that stand for one person ("the MEP said", "the DJ admitted"), not
an organisation's initials."""
NOT_PEOPLE = frozenset({"number", "paper", "letter", "order", "water", "computer", "matter", "quarter", "sector",
                        "factor", "indicator", "monitor", "server", "browser", "error", "center", "centre",
                        "power", "answer", "chapter", "corner", "border", "door", "floor", "meter", "register",
                        "newsletter", "poster", "trailer", "calendar", "timer", "counter", "motor",
                        "component", "ingredient", "gradient", "coefficient", "quotient"})
SELF_NAMING = frozenset({"government", "police", "army", "court", "council", "parliament", "commission",
                         "committee", "cabinet", "administration", "ministry", "department", "regulator",
                         "watchdog", "union", "party"})
"""Organisation nouns that name their organisation themselves ("the government said"): linked
only to an organisation of the article whose name has the word, else named as written."""
REPORTED_BY_NAME = frozenset({"paper", "newspaper", "magazine", "group", "company", "firm"})
"""Nouns that stand for the organisation that spoke last ("Absa said … the group said"), when
no organisation is called so; not "the government" or "the court", which name the story's own."""
FIRM_NOUNS = frozenset({"firm", "company", "business"})
"""Words for a company any of which describes the one "the firm" stands for ("web tracking company Acme")."""
NAMED_THINGS = frozenset({"ORG", "NORP", "PERSON", "PRODUCT", "WORK_OF_ART"})
"""Entity labels of a proper noun that makes an organisation noun a name of its own ("the
Clinton campaign"); a place ("the US company") or an untagged word ("the High Street retailer")
does not."""
LOOKBACK = 3000
"""Characters back within which "it", "they" and "the company" find what they stand for."""
MENTIONED_LOOKBACK = 800
"""Characters back within which an "it" no reporting verb explains takes the organisation
merely mentioned last (a few sentences: further back, "it" is more often something else)."""
_ORGS_KEY = "newsgraph_org_mentions"


@dataclass(frozen=True)
class Source:
    name: str
    type: str  # "ORG" | "GROUP" | "UNNAMED"
    affiliation: str | None = None


@lru_cache(maxsize=1)
def org_nouns() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in data_lines("org_nouns.txt"))


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    """Common nouns that head a source in PolNeAR train often enough to name one ("spokesman",
    "analysts", "officials"; ``scripts/learn_speaker_nouns.py``), with the organisation nouns."""
    return frozenset(row[0] for row in data_rows("speaker_nouns.tsv")) | org_nouns()


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Documents that speak for their author ("a report by X said", "its statement said")."""
    return frozenset(ln.strip() for ln in data_lines("speech_documents.txt"))


def _org_mentions(doc: Doc) -> list[tuple[int, int, Entity]]:
    """The article's organisation mentions, sorted by start (built once per doc), with the
    places an organisation's name is written where the tagger missed it ("Parmalat has sued"
    untagged, "The unidentified Parmalat source" tagged): the same name is the same organisation."""
    found = doc.user_data.get(_ORGS_KEY)
    if found is None:
        ents = [e for e in (doc._.entities or []) if e.type in ORG_LABELS]
        tagged = [(s, e, ent) for ent in ents for s, e in ent.mentions]
        taken = sorted((s, e) for ent in (doc._.entities or []) for s, e in ent.mentions)
        text = doc_text(doc)
        for ent in ents:
            if ent.type != "ORG" or len(ent.name) < 3 or not ent.name[0].isupper():
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(ent.name)}(?!\w)", text):
                k = bisect.bisect_right(taken, (m.end(), 0))
                if not any(s < m.end() and m.start() < e for s, e in taken[max(0, k - 3) : k]):
                    tagged.append((m.start(), m.end(), ent))
        found = doc.user_data[_ORGS_KEY] = sorted(tagged, key=lambda m: (m[0], m[1]))
    return found


def org_entity_at(doc: Doc, char: int) -> Entity | None:
    """The organisation entity one of whose mentions covers ``char``."""
    mentions = _org_mentions(doc)
    k = bisect.bisect_right(mentions, char, key=lambda m: m[0]) - 1
    while k >= 0 and char - mentions[k][0] <= 120:
        s, e, ent = mentions[k]
        if s <= char < e:
            return ent
        k -= 1
    return None


def _typed_org(doc: Doc, tok: Token) -> bool:
    """A word the tagger took for a person's name that is an organisation of the article ("In
    November, Absa said" with "Absa" tagged PERSON there, ORG in the article's entities)."""
    ent = org_entity_at(doc, tok.idx)
    return ent is not None and ent.type == "ORG"


@lru_cache(maxsize=1)
def org_aliases() -> dict[str, list[str]]:
    """Other name -> the names an article may introduce the organisation by (data/org_aliases.tsv)."""
    return {row[0]: row[1].split("|") for row in data_rows("org_aliases.tsv")}


def _initials(name: str) -> str:
    """"UK Independence Party" -> "UKIP": a capitalised word gives its first letter, an
    all-capitals word all of its letters."""
    return "".join(w if w.isupper() else w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def closed_name(name: str) -> str:
    """"World Health Organisation (WHO" (the tagger's name cut at the closing bracket): a name
    never ends inside a bracket it opens; the unclosed part goes."""
    while name.count("(") > name.count(")"):
        name = name[: name.rindex("(")].rstrip()
    return name


def canonical_org(doc: Doc, name: str) -> str:
    """The name the article introduced an organisation by, for another name of it: an alias the
    people stage found, an acronym of its capitalised words ("CIPS" for the Chartered Institute
    of Purchasing and Supply), or a well-known other name the article's own name confirms."""
    return closed_name(_canonical_org(doc, closed_name(name)))


def _canonical_org(doc: Doc, name: str) -> str:
    ents = [e for e in (doc._.entities or []) if e.type in ORG_LABELS]
    if name.isupper() and len(name) >= 2:
        for ent in ents:
            if ent.name != name and _initials(closed_name(ent.name)) == name:
                return ent.name
    for other in org_aliases().get(name, []):
        if any(ent.name == other for ent in ents):
            return other
    for ent in ents:
        if name == ent.name or name in ent.aliases:
            break
    else:
        ent = None
    if ent is None or ent.name == name:
        # "the Bank" after "the Bank of Ruritania": the head of one "X of Y" name alone is it
        longer = [e for e in ents if e.type == "ORG" and e.name.startswith(name + " of ")] if " " not in name else []
        if not longer and ent is not None and " " not in name and not name.isupper():
            # "Harbour" beside "Harbour Air Lines": the longer name the article introduces it by
            headline = doc_text(doc).find("\n")
            short = [m[0] for m in ent.mentions if m[0] > headline]
            longer = [e for e in ents if e.type == "ORG" and e.name.startswith(name + " ") and e.mentions
                      and all(w[:1].isupper() for w in e.name.split()) and _introduced_as_subject(doc, e, short)]
        if not longer and " " not in name and not name.isupper():
            # "the Commission" after "the European Commission": the one longer name it ends
            longer = [e for e in ents if e.type == "ORG" and e.name.endswith(" " + name) and e.mentions
                      and all(w[:1].isupper() for w in e.name.split())]
            if len(longer) == 1 and (_other_longer_name(doc, name, longer[0].name)
                                     or not _written_within_sentence(doc, longer[0].name)):
                longer = []  # "Shareholders United" written too: "United" may be either
        if len(longer) == 1:
            return longer[0].name
    return ent.name if ent is not None else name


def _other_longer_name(doc: Doc, name: str, longer: str) -> bool:
    """The article writes ``name`` after a capitalised word, mid-sentence, in a name other than ``longer``."""
    text = doc_text(doc)
    for m in re.finditer(rf"(?<![\w-])([A-Z][\w'’-]*) {re.escape(name)}(?![\w-])", text):
        start = m.start()
        sentence_start = text[:start].rstrip(" \"“‘'")[-1:] in ("", ".", "!", "?", "\n", ":")
        if not sentence_start and not text.startswith(longer, start - len(longer) + len(m.group(0))):
            return True
    return False


def _written_within_sentence(doc: Doc, name: str) -> bool:
    """The article writes ``name`` after some word of its sentence ("the European Commission"), not
    only first in one, where a capital may be a sentence's first word ("Say Mexico …", "The IMF")."""
    text = doc_text(doc)
    return any(text[:m.start()].rstrip(" \"“‘'")[-1:] not in ("", ".", "!", "?", "\n", ":")
               for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))


def _introduced_as_subject(doc: Doc, ent: Entity, short: list[int]) -> bool:
    """"Acme cuts fares | Acme Air Lines is to cut …": the longer name is what a sentence is about
    before the short one (at ``short``) is written below the headline (not "Writing an Acme Word
    file", a product, nor "Acme Direct", a part named later)."""
    first = min(m[0] for m in ent.mentions)
    return all(first < s for s in short) and _in_subject(doc, first)


EXAMPLE_WINDOW = 80
"""Characters back, within the clause, in which "such as" makes a name an example."""


def _named_as_example(doc: Doc, char: int) -> bool:
    """"games such as Star Quest", "stakes in firms including Apex": a name given as an example of something is not what a
    later "the company" or "it" stands for."""
    before = doc_text(doc)[max(0, char - EXAMPLE_WINDOW) : char]
    k = max(before.rfind("such as"), before.rfind("including"))
    return k >= 0 and not any(c in before[k:] for c in ".;:()\n")


def _last_org_before(doc: Doc, char: int, skip: list[CharSpan], head: str | None = None,
                     lookback: int = LOOKBACK, in_subject: bool = False) -> Entity | None:
    """The organisation mentioned last before ``char``, outside quotations, not too far back;
    with ``head`` ("committee"), the last one whose name has that word, if any, else the last;
    ``in_subject``: only one named in a clause's subject (what the sentence is about)."""
    mentions = _org_mentions(doc)
    k = bisect.bisect_left(mentions, char, key=lambda m: m[0]) - 1
    seen: list[Entity] = []
    while k >= 0 and char - mentions[k][0] <= lookback:
        s, _e, ent = mentions[k]
        if not inside_any(s, skip) and ent.type == "ORG" and not _named_as_example(doc, s) and not _common_word(doc, ent) \
                and not _names_a_product(doc, s, _e) and (not in_subject or _in_subject(doc, s)) \
                and not _only_a_workplace(doc, ent) and not (head is not None and _part_of_the(doc, s, head)):
            if head is None or head in ent.name.lower().split():
                # "ABN Amro is the third European bank … following Deutsche Bank. … The bank said": the
                # one the article calls a bank since, not the older one with "Bank" in its name
                return next((e for e in seen if head is not None and head not in SELF_NAMING and _described_as(doc, e, head)), ent)
            seen.append(ent)
        k -= 1
    if head is None or head in SELF_NAMING or not seen:
        return None
    kinds = FIRM_NOUNS if head in FIRM_NOUNS else frozenset({head})
    return next((ent for kind in [head, *sorted(kinds - {head})] for ent in seen if _described_as(doc, ent, kind)), seen[0])


def _name_head(doc: Doc, char: int) -> Token | None:
    """The head token of the name written at ``char`` ("USA" of "Acme Mobile USA")."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[0]
    while tok.dep_ in ("compound", "flat") and tok.head != tok:
        tok = tok.head
    return tok


def _part_of_the(doc: Doc, char: int, head: str) -> bool:
    """"Acme Mobile USA, the company's American business,": the name at ``char`` is set beside
    a part that "the company" owns, so a later "the company" is the owner, not this part."""
    tok = _name_head(doc, char)
    return tok is not None and any(
        a.dep_ == "appos" and any(p.dep_ == "poss" and p.lemma_.lower() == head for p in a.children)
        for a in tok.children)


def _only_a_workplace(doc: Doc, ent: Entity) -> bool:
    """"said Ann Lee, telecoms analyst at Northbank Securities": an organisation the article names
    only as where a person works ("at", "with") is no subject of the story, so no later "the
    company" or "it" stands for it."""
    for start, _end in ent.mentions:
        tok = _name_head(doc, start)
        if tok is None:
            return False
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in ("at", "with"):
            return False  # "chief executive of Acme" holds a post of the story's company
        post = prep.head
        if post.tag_ != "NN" or not names_people(post.lemma_.lower()) or post.lemma_.lower() in org_nouns():
            return False
        if not (post.dep_ == "appos" and post.head.ent_type_ == "PERSON" or any(
                c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in post.children)):
            return False
    return bool(ent.mentions)


def _in_subject(doc: Doc, char: int) -> bool:
    """The word at ``char`` lies in a clause's subject ("Acme has cut jobs", "Shares in Acme
    fell"), not in an object ("sent coupons to Acme and Apex"): "it" later stands for a subject."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    tok = span[0] if span is not None and len(span) else None
    while tok is not None and tok.dep_ not in SUBJECT_DEPS:
        if tok.dep_ in ("ROOT", "dobj", "dative", "attr", "oprd") or tok.pos_ in ("VERB", "AUX") or tok.head == tok:
            return False
        tok = tok.head
    return tok is not None


def _names_a_product(doc: Doc, start: int, end: int) -> bool:
    """"its new Harbourguard software", "Acme's Lumen phone", "Acme's new Lumens": a name modifying
    something an owner has, or owned itself, is the owner's product, not what a later "the firm" stands for."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    head = last.head
    return last.dep_ == "compound" and head.i >= span.end and head.pos_ == "NOUN" \
        and any(c.dep_ == "poss" for c in head.children) \
        or any(c.dep_ == "poss" and getattr(org_entity_at(doc, c.idx), "type", None) == "ORG" for c in last.children)


def _common_word(doc: Doc, ent: Entity) -> bool:
    """A one-word "organisation" the article also writes in lower case: a common noun the tagger
    took for a name in a headline ("Broadband fuels …" beside "broadband users")."""
    name = ent.name
    return " " not in name and name[:1].isupper() and not name.isupper() and (
        re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", doc_text(doc)) is not None)


def _described_as(doc: Doc, ent: Entity, head: str) -> bool:
    """The article puts ``head`` right before one of the organisation's names ("sportswear
    firm Umbro", "the delivery company, UPS,"), in apposition after it ("Umbro, the
    sportswear firm") or after "is" ("Umbro is a sportswear firm"): "the firm" is more likely
    it than another one."""
    text = doc_text(doc)
    after = re.compile(rf"(?:,| is) (?:the|a|an) (?:[\w-]+ ){{0,3}}{re.escape(head)}\b(?!['’]s)")
    return any([w.strip(",") for w in text[max(0, s - 40) : s].lower().split()[-1:]] == [head]
               or _described_after(doc, after.match(text, e, e + 60)) for s, e in ent.mentions)


def _described_after(doc: Doc, found: re.Match[str] | None) -> bool:
    """A description matched after a name is set beside it, not the subject of the next clause
    ("… program Swapper, the firm said": the firm is someone else)."""
    if found is None:
        return False
    span = doc.char_span(found.end() - 1, found.end(), alignment_mode="expand")
    return span is None or not len(span) or span[-1].dep_ not in SUBJECT_DEPS


def _inside_word(t: Token) -> bool:
    """A hyphen written without spaces between two words ("Cash-strapped", "long-time")."""
    return t.text in ("-", "–") and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def noun_phrase(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of the subject's naming phrase: its subtree without relative
    clauses, appositions and what follows a comma ("a spokesman for Unison, who …")."""
    keep = {tok.i}
    stack = [c for c in tok.children if c.dep_ not in NP_CUT_DEPS]
    while stack:
        t = stack.pop()
        keep.add(t.i)
        # a hyphen inside a word ("Cash-strapped") is part of it, not punctuation that ends the phrase
        stack.extend(c for c in t.children if c.dep_ not in NP_CUT_DEPS or _inside_word(c))
    start, end = min(keep), max(keep) + 1
    start = min(start, tok.i)
    # contiguous around the head, never across a comma or a quotation mark
    lo = tok.i
    while lo - 1 >= start and lo - 1 in keep and not (tok.doc[lo - 1].is_quote and tok.doc[lo - 1].tag_ != "POS") and tok.doc[lo - 1].text != ",":
        lo -= 1
    hi = tok.i + 1
    while hi < end and hi in keep and not tok.doc[hi].is_quote and tok.doc[hi].text != ",":
        hi += 1
    return lo, hi


def _phrase(doc: Doc, lo: int, hi: int, *, drop: frozenset[str] = frozenset(), head: Token | None = None) -> str:
    """The words of ``doc[lo:hi]`` without leading ``drop`` words (of ``head`` only, when given:
    "the country's" keeps its article) and trailing punctuation."""
    words = [t for t in doc[lo:hi]]
    while words and words[0].lower_ in drop and len(words) > 1 and (head is None or words[0].head == head):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    return doc[words[0].i : words[-1].i + 1].text if words else ""


def _affiliation(doc: Doc, tok: Token) -> str | None:
    """The organisation or person an unnamed source speaks for: "a spokesman for the union",
    "a Unison spokesman", "Grokster's lawyer"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "at", "of", "from", "with"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and (obj.ent_type_ or obj.pos_ == "PROPN" or obj.lemma_.lower() in org_nouns()):
                ent = org_entity_at(doc, obj.idx)
                return ent.name if ent is not None else _phrase(doc, *noun_phrase(obj), drop=QUANTIFIERS)
        if c.dep_ in ("poss", "compound") and (c.ent_type_ in ORG_LABELS | {"PERSON"} or c.pos_ == "PROPN"):
            ent = org_entity_at(doc, c.idx)
            if ent is not None:
                return ent.name
            first = c.left_edge.i
            return doc[first : c.i + 1].text.removesuffix("'s").removesuffix("’s")
    return None


def _proper_name(doc: Doc, tok: Token) -> str:
    """The proper-noun run or entity span a token belongs to, without "the" and possessive."""
    s = e = tok.i
    if tok.ent_iob_ in ("B", "I"):
        while doc[s].ent_iob_ == "I" and s > 0:
            s -= 1
        while e + 1 < len(doc) and doc[e + 1].ent_iob_ == "I":
            e += 1
    else:  # a capitalised compound the tagger took for an adjective belongs to the name ("Swiss Re")
        while s > 0 and (doc[s - 1].pos_ == "PROPN" or doc[s - 1].dep_ == "compound" and doc[s - 1].is_title) \
                and doc[s - 1].head.i in range(s - 1, tok.i + 2):
            s -= 1
    while s < e and doc[s].lower_ == "the":
        s += 1
    while e > s and doc[e].tag_ == "POS":
        e -= 1
    return doc[s : e + 1].text.removesuffix("'s").removesuffix("’s").strip()


def is_noun_token(tok: Token) -> bool:
    """A noun, or a lower-case word the tagger took for a proper noun ("the minister said")."""
    return tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.is_lower and not tok.ent_type_


def names_people(lemma: str) -> bool:
    """A head noun that names people or an organisation: learned, or shaped like a person's."""
    return lemma in speaker_nouns() or lemma.endswith(HUMAN_SUFFIXES) and lemma not in NOT_PEOPLE


def person_after_of(tok: Token) -> Token | None:
    """The person noun ending an "X of the Y spokesperson" (or "A Department for Y Affairs
    spokeswoman") phrase the parser headed by X: it ends the phrase and carries a name of its own
    ("Pops", "Affairs"), so "the head of the company" is not one."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if obj is None or obj.pos_ != "NOUN" or not names_people(obj.lemma_.lower()) or obj.lemma_.lower() in org_nouns():
        return None
    if obj.i != obj.right_edge.i or not any(c.dep_ == "compound" for c in obj.children):
        return None  # the title-like name before the noun is what the parser split ("the Pops")
    return obj


def _is_plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS")  # coordinated subjects: ``speakers.name_speaker``


def name_after_description(subj: Token) -> Token | None:
    """The name the parser made a second subject of the cue after the description that is the
    first ("US oil giant Exxon said": Exxon speaks, "US oil giant" describes it)."""
    doc = subj.doc
    if subj.pos_ != "NOUN" or subj.i + 1 >= len(doc):
        return None
    name = doc[subj.i + 1]
    if name.pos_ == "PROPN" and name.head == subj.head and name.dep_ in SUBJECT_DEPS:
        return name
    if name.pos_ == "PROPN" and name.head == subj and name.dep_ == "appos" and name.ent_type_ != "PERSON" \
            and not name.is_lower:
        return name  # "according to technology analysts IDC": IDC, described
    return None


def subject_before_dashes(subj: Token) -> Token | None:
    """"the government - the country's largest land owner - say": the parser headed the subject
    by the description between the dashes; the noun before them is who speaks."""
    doc = subj.doc
    after = subj.right_edge.i + 1
    if after >= len(doc) or doc[after].text not in ("-", "–", "—") or subj.left_edge.i >= subj.i:
        return None
    for t in doc[subj.left_edge.i : subj.i]:
        if t.text in ("-", "–", "—") and t.whitespace_ and t.i > subj.left_edge.i:
            before = doc[t.i - 1]
            return before if before.pos_ in ("NOUN", "PROPN") and bool(before.whitespace_) else None
    return None


def describe_source(doc: Doc, tok: Token, before: int, skip: list[CharSpan], *, depth: int = 0) -> Source | None:
    """The organisation, group or unnamed source a cue's subject ``tok`` names (None when it
    names nobody a reader could point at: a person, "this argument", an unresolved "it")."""
    tok = relative_antecedent(tok) or name_after_description(tok) or tok  # "Labour, which denies ..."
    low = tok.lower_
    if low in ("it", "they", "its", "their"):
        if tok.dep_ == "nsubjpass" or depth > 2:
            return None  # "it is understood"
        return _previous_speaker(doc, tok, before, skip, plural=low in ("they", "their"), depth=depth)
    if tok.pos_ == "PRON" or tok.ent_type_ == "PERSON" and not _typed_org(doc, tok):
        return None
    inner = person_after_of(tok)  # "A Top of the Pops spokesperson": the parser's head is "Top"
    if inner is not None:
        name = _phrase(doc, *noun_phrase(tok))
        single = tok.lower_ == "one" or not _is_plural(inner)  # "one of the mayor's advisers": one person
        return Source(name, "UNNAMED" if single else "GROUP", _affiliation(doc, inner)) if name else None
    ent = org_entity_at(doc, tok.idx)
    if ent is not None:
        return Source(canonical_org(doc, ent.name), "ORG")
    capitalised = tok.pos_ == "NOUN" and tok.is_title and tok.i > tok.head.i and any(
        c.dep_ == "compound" and c.is_title for c in tok.children)  # "said Swiss Re" with "Re" tagged a noun
    office = tok.text in PERSON_ACRONYMS and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    if not office and (tok.ent_type_ in ORG_LABELS or tok.pos_ == "PROPN" and not tok.is_lower
                       or tok.text.isupper() and len(tok.text) >= 2 or capitalised):
        name = _proper_name(doc, tok)  # a proper name, or an acronym the tagger took for a noun
        return Source(canonical_org(doc, name), "ORG") if name else None
    if not is_noun_token(tok) and not office:
        return None
    lemma = tok.lemma_.lower()
    if lemma in document_nouns():
        if depth > 2:
            return None
        author = _document_author(doc, tok, before, skip, depth)
        the = any(c.lower_ == "the" for c in tok.children if c.dep_ == "det")
        intro = introducing_phrase(doc, tok, skip) if author is None and the else None
        if intro is not None:  # "the report said" after "according to a Harbour Fund report": the fund
            author = _document_author(doc, intro, before, skip, depth)
            author = author if author is not None and author.type == "ORG" else None
        if author is None and the:
            # "the survey added" after "Acme released a survey": the organisation the article made
            # its author, not whoever spoke or was named last (no author: the document alone)
            author = _author_of_document_before(doc, tok, before, skip, depth)
        if author is None and the and not any(c.dep_ in ("compound", "amod") and c.is_title for c in tok.children):
            # "according to a survey. Acme said … The survey added": the organisation that spoke just
            # before (not for "the Envisional report": it names an author of its own)
            spoke = _previous_speaker(doc, tok, before, skip, plural=False, depth=depth, mentioned=False,
                                      lookback=DOCUMENT_SPEAKER_LOOKBACK)
            author = spoke if spoke is not None and spoke.type == "ORG" else None
        return author
    if not names_people(lemma) and not office:
        return None  # "the system", "this argument": no one a reader could quote
    lo, hi = noun_phrase(tok)
    hi = next((c.i for c in tok.children if c.dep_ in ("cc", "conj") and c.i > tok.i), hi)
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss", "nummod")]
    plural = _is_plural(tok)
    if lemma in org_nouns() and not plural and (not dets or dets[0] in ("the", "this", "its")):
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in NAMED_THINGS for c in tok.children):
            # "the Harbour weblog" names itself; "the High Street retailer" (no name) is the one before
            name = _phrase(doc, lo, hi, drop=frozenset({"the", "this"}))
            return Source(canonical_org(doc, name), "ORG") if name else None
        bare = dets == ["the"] and not any(c.dep_ == "compound" for c in tok.children)
        outlet = _press_outlet_before(doc, tok, before, skip, depth) if lemma in PRESS_NOUNS and bare else None
        if outlet is not None:  # "the FT reported … In May, Acme said … the paper said": the FT
            return outlet
        org = _last_org_before(doc, tok.idx, skip, lemma)
        named = org is not None and (lemma in org.name.lower().split() or _described_as(doc, org, lemma))
        if depth <= 2 and not named and lemma in REPORTED_BY_NAME:
            # "the FT reported … which the paper said": the paper that reported, not the firm
            # reported on; "Absa said … But the group said": the group that spoke, not the bank it spoke of
            spoke = _previous_speaker(doc, tok, before, skip, plural=False, depth=depth, mentioned=False)
            if spoke is not None and spoke.type == "ORG" and any(
                    e.type == "ORG" and canonical_org(doc, e.name) == spoke.name for e in doc._.entities or []):
                return spoke
        if org is not None:
            return Source(canonical_org(doc, org.name), "ORG")
        words = _phrase(doc, lo, hi, drop=frozenset({"the", "this"}))
        # "the government", "the police" name the story's own; "the firm", "the party" name no
        # one until resolved, and a bare "firm" shown as a speaker's name is wrong
        named = words[:1].isupper() or lemma in INSTITUTIONS
        return Source(words, "ORG") if words and named else None
    if plural:
        name = _phrase(doc, lo, hi, drop=QUANTIFIERS - {"other"}, head=tok)
        return Source(name, "GROUP", _affiliation(doc, tok)) if name else None
    if depth <= 2 and _ranked_description(tok):
        # "according to Acme. The world's second biggest insurer said": the organisation that spoke last
        spoke = _previous_speaker(doc, tok, before, skip, plural=False, depth=depth, mentioned=False)
        if spoke is not None and spoke.type == "ORG":
            return spoke
    if dets == ["the"]:
        introduced = introducing_phrase(doc, tok, skip)  # "the spokesman": "a Home Office spokesman"
        if introduced is not None:
            tok = introduced
            lo, hi = noun_phrase(tok)
    name = _phrase(doc, lo, hi)
    if not name:
        return None
    affiliation = _affiliation(doc, tok)
    if affiliation is None and depth <= 2:
        speaks_for = _organisation_that_just_spoke(doc, tok, before, skip, depth)
        if speaks_for is not None:  # "Acme said … A spokesman added": a spokesman for Acme
            return Source(f"{name} for {speaks_for[1]}", "UNNAMED", speaks_for[0])
    return Source(name, "UNNAMED", affiliation)


PRESS_NOUNS = frozenset({"paper", "newspaper", "magazine", "daily", "tabloid", "weekly"})
"""Nouns for a publication: "the paper said" is the publication the article reports from."""
PRESS_VERBS = frozenset({"report", "reveal", "quote"})
"""What a publication does that the organisations it reports on do not ("the FT reported")."""


def _press_outlet_before(doc: Doc, tok: Token, before: int, skip: list[CharSpan], depth: int) -> Source | None:
    """The publication "the paper" stands for: the organisation that last reported something
    ("the FT reported …", "… the newspaper reported"), past the organisations it reports on that
    spoke since ("the IMF had said")."""
    if depth > 2:
        return None
    cues = cue_indices(doc)
    k = bisect.bisect_left(cues, tok.i) - 1
    while k >= 0 and tok.idx - doc[cues[k]].idx <= LOOKBACK:
        cue = doc[cues[k]]
        k -= 1
        subj = cue_subject(cue)
        if inside_any(cue.idx, skip) or subj is None or subj.i == tok.i or inside_any(subj.idx, skip):
            continue
        if cue.lemma_.lower() not in PRESS_VERBS and subj.lemma_.lower() not in PRESS_NOUNS or subj.ent_type_ == "PERSON":
            continue
        found = describe_source(doc, subj, before, skip, depth=depth + 1)
        if found is not None and found.type == "ORG" and any(
                e.type == "ORG" and canonical_org(doc, e.name) == found.name for e in doc._.entities or []):
            return found
    return None


def _organisation_that_just_spoke(doc: Doc, tok: Token, before: int, skip: list[CharSpan],
                                  depth: int) -> tuple[str, str] | None:
    """The organisation a bare "a spokesman" (no "for", no "Acme spokesman") speaks for: the
    subject of the last reporting verb before it, in its sentence or the one before, as the
    organisation's name and as written there ("the Acme Group")."""
    dets = [c for c in tok.children if c.dep_ == "det"]
    if not tok.lemma_.lower().startswith("spokes") or len(dets) != 1 or len(list(tok.children)) != 1:
        return None
    first = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
    cues = cue_indices(doc)
    k = bisect.bisect_left(cues, tok.i) - 1
    while k >= 0 and cues[k] >= first:
        cue = doc[cues[k]]
        k -= 1
        subj = cue_subject(cue)
        if inside_any(cue.idx, skip) or subj is None or subj.i >= tok.i or subj.head != cue:
            continue
        if inside_any(subj.idx, skip):
            return None
        found = describe_source(doc, subj, before, skip, depth=depth + 1)
        if found is None or found.type != "ORG":
            return None
        the = subj.i > 0 and any(c.lower_ == "the" and c.dep_ == "det" for c in subj.children) \
            and found.name.split()[0].lower() != "the"
        return found.name, f"the {found.name}" if the else found.name
    return None


def _ranked_description(tok: Token) -> bool:
    """"the world's second biggest insurer", "Britain's largest retailer": a singular noun ranked
    by a superlative, as news describes an organisation it has just named (not a man or a woman)."""
    if tok.tag_ != "NN" or tok.lemma_.lower() in ("man", "woman", "person", "boy", "girl"):
        return False
    return any(c.tag_ == "JJS" for c in tok.children if c.dep_ == "amod") and any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children)


def introducing_phrase(doc: Doc, tok: Token, skip: list[CharSpan]) -> Token | None:
    """The head of the phrase that introduced the source "the [senior] spokesman" (``tok``)
    stands for ("a Home Office spokesman", "a senior spokesman for the ministry"): the last one
    before, within LOOKBACK, that has the same head and modifiers."""
    lemma = tok.lemma_.lower()
    lo, hi = noun_phrase(tok)
    words = {t.lower_ for t in doc[lo:hi] if t.i != tok.i and t.dep_ != "det"}
    k = tok.i - 1
    while k >= 0 and tok.idx - doc[k].idx <= LOOKBACK:
        t = doc[k]
        k -= 1
        if t.lemma_.lower() != lemma or t.pos_ != "NOUN" or t.dep_ in ("poss", "compound") or inside_any(t.idx, skip):
            continue
        dets = [c.lower_ for c in t.children if c.dep_ in ("det", "poss", "nummod")]
        t_lo, t_hi = noun_phrase(t)
        if not words <= {w.lower_ for w in doc[t_lo:t_hi]}:
            continue  # "the senior official" is not "a press official"
        if dets and dets[0] in ("a", "an", "one") or dets == ["the"] and t_hi - t_lo > hi - lo:
            return t  # "a spokesman", "the Home Office spokesman"
        if dets and dets[0] not in ("the", "his", "her", "its", "their"):
            return t  # "the prime minister's official spokesman"
        if dets != ["the"]:
            return None  # "his spokesman": introduced by a pronoun, no better name
    return None


def _document_author(doc: Doc, tok: Token, before: int, skip: list[CharSpan], depth: int) -> Source | None:
    """"a report by the institute", "its statement", "the firm's website": the author speaks."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ != "PERSON":
                return describe_source(doc, obj, before, skip, depth=depth + 1)
        if (c.dep_ == "poss" or c.dep_ == "compound" and c.ent_type_ == "ORG") and c.ent_type_ != "PERSON":
            return describe_source(doc, c, before, skip, depth=depth + 1)
    return None


DOCUMENT_SPEAKER_LOOKBACK = 500
"""Characters back within which the organisation that spoke last is the author of "the survey"
the article gives no author ("according to a survey. Acme said …. The survey added")."""
STUDY_NOUNS = frozenset({"report", "study", "survey", "poll", "research", "findings"})
"""Names news uses in turn for one study ("a survey by Acme revealed … The report warns")."""
PUBLISHING_VERBS = frozenset({"release", "publish", "issue", "produce", "compile", "conduct", "commission",
                              "prepare", "unveil", "write"})
"""Verbs whose subject is the author of the document they take ("Acme released a report")."""


def _author_of_document_before(doc: Doc, tok: Token, before: int, skip: list[CharSpan], depth: int) -> Source | None:
    """The organisation that wrote the document "the report" (``tok``) stands for: the last
    earlier document of its kind (a study of any name) whose author the article names ("a report by Acme",
    "Acme's report", "Acme released a report"); None when it names none."""
    lemma = tok.lemma_.lower()
    kinds = STUDY_NOUNS if lemma in STUDY_NOUNS else frozenset({lemma})
    for t in reversed(doc[: tok.i]):
        if tok.idx - t.idx > LOOKBACK:
            break
        if t.lemma_.lower() not in kinds or t.pos_ != "NOUN" or inside_any(t.idx, skip) or any(
                c.dep_ == "compound" for c in t.children):
            continue  # "a Harbour Word document": a product's name, no author
        author = _document_author(doc, t, before, skip, depth)
        if author is None and t.dep_ == "dobj" and t.head.lemma_.lower() in PUBLISHING_VERBS:
            subj = next((c for c in t.head.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and doc[subj.i - 1].ent_type_ == "ORG":
                subj = doc[subj.i - 1]  # "the boss of Acme which commissioned the research": Acme
            author = describe_source(doc, subj, before, skip, depth=depth + 1) if subj is not None else None
        if author is not None:
            return author if author.type == "ORG" else None
    return None


REPORTER_SHARE = 0.8
"""Share of a cue's uses annotators marked as reporting above which it plainly reports ("said",
"noted"): its subject speaks, wherever the parser hung its clause."""


def _plain_report(cue: Token) -> bool:
    """``cue`` is a verb that nearly always reports speech ("said"), so its subject is a speaker even
    when the parser put its clause inside another's report ("X said …, while voters said they …")."""
    row = cue_table().get(cue_lemma(cue))
    return row is not None and row[2] >= REPORTER_SHARE


def _author_of_statement_on(cue: Token, subj: Token, before: int, skip: list[CharSpan], depth: int) -> Source | None:
    """"In a statement from Acme, the company denied …": the author of the document the cue is
    said in, when its subject is a bare description ("the company"), not a name of its own."""
    if subj.pos_ != "NOUN" or depth > 2 or not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        return None
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "in"):
        obj = next((g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in document_nouns()), None)
        if obj is None or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
            continue  # "in its report, the committee said": its own
        author = _document_author(subj.doc, obj, before, skip, depth)
        if author is not None and author.type == "ORG":
            return author
    return None


def _plural_subject_just_before(doc: Doc, tok: Token, skip: list[CharSpan]) -> Token | None:
    """"Harbour authorities have arrested twenty reporters. They accused them of …": "they" as the
    first subject of its sentence (its main verb's, or an aside's: "Without growth, they say, …")
    stands for the people the sentence just before is about (the last plural subject of its main
    clause or a clause joined to it: "confidence has dipped and analysts have raised concerns"),
    not for an organisation or a group that spoke earlier about them."""
    sent = tok.sent
    if tok.dep_ != "nsubj":
        return None
    own = None if reported_inside(tok, by_anyone=True) else _last_plural_subject(sent.root, tok, skip)
    if own is not None and not any(t.dep_ in SUBJECT_DEPS and t.pos_ in ("NOUN", "PROPN") for t in doc[own.i + 1 : tok.i]):
        return own  # "Rivals met us and they said …"; not "experts agree that if … they would", "X claim …, while Y …, they"
    if sent.start == 0 or tok.head.dep_ not in ("ROOT", "parataxis") or any(
            t.dep_ in SUBJECT_DEPS for t in doc[sent.start : tok.i]):
        return None
    prev = doc[sent.start - 1].sent
    layout = doc._.layout
    if layout is not None and any(prev.start_char < pa.start <= tok.idx for pa in layout.paragraphs):
        return None  # another paragraph: another topic
    return _last_plural_subject(prev.root, None, skip)


def _last_plural_subject(root: Token, tok: Token | None, skip: list[CharSpan]) -> Token | None:
    """The last subject (before ``tok``) of ``root`` or a verb joined to it, when it is plural and
    names people or an institution ("confidence has dipped and analysts have raised concerns")."""
    verbs = [root, *(c for c in root.children if c.dep_ == "conj")]
    subjects = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and (tok is None or c.i < tok.i)]
    subj = max(subjects, key=lambda c: c.i, default=None)
    if subj is None or subj.tag_ not in ("NNS", "NNPS") or inside_any(subj.idx, skip) or inside_any(subj.head.idx, skip):
        return None
    lemma = subj.lemma_.lower()
    return subj if names_people(lemma) or lemma in INSTITUTIONS or subj.ent_type_ == "NORP" else None


def _previous_speaker(doc: Doc, tok: Token, before: int, skip: list[CharSpan], *, plural: bool,
                      depth: int, mentioned: bool = True, lookback: int = LOOKBACK) -> Source | None:
    """What "it" ("they") stands for: the subject of the last reporting verb before it that names an
    organisation (or a group); else (``mentioned``) the organisation mentioned last."""
    if plural and depth <= 2:
        group = _plural_subject_just_before(doc, tok, skip)
        if group is not None:
            found = describe_source(doc, group, before, skip, depth=depth + 1)
            if found is not None and found.type in ("GROUP", "ORG"):
                return found
    cues = cue_indices(doc)
    k = bisect.bisect_left(cues, tok.i) - 1
    while k >= 0:
        cue = doc[cues[k]]
        k -= 1
        if tok.idx - cue.idx > lookback:
            break
        if inside_any(cue.idx, skip):
            continue
        subj = cue_subject(cue)
        if subj is None or subj.i == tok.i or inside_any(subj.idx, skip):
            continue
        if subj.pos_ in ("NOUN", "PROPN") and subj.ent_type_ != "PERSON" and not _plain_report(cue) \
                and reported_inside(subj, by_anyone=True):
            continue  # "Democrats noted that Reyes invoked …. They noted": Reyes is talked about
        relative = subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl"
        if relative:
            subj = subj.head.head  # "its submission, which states ...": the submission
        if plural and subj.lower_ in QUANTIFIERS | {"others"}:
            continue  # "Analysts say … some suggest … they say": part of the group, not another
        if subj.pos_ == "PRON" and subj.lower_ not in ("it", "they"):
            return None  # "he said ... it said": the person, then something else; no guess
        if subj.ent_type_ == "PERSON" and not (subj.dep_ == "nsubj" and _typed_org(doc, subj)):
            return None  # a person, or a thing that was introduced (passive): no one to stand for
        found = _author_of_statement_on(cue, subj, before, skip, depth) or describe_source(
            doc, subj, before, skip, depth=depth + 1)
        if found is not None and not plural and (
                subj.tag_ == "NNS" and not subj.text.isupper() or len(subj.text) > 2 and subj.text[:-1].isupper() and subj.text[-1] == "s"):
            return None  # "GPs feared …. It planned": "it" is no group of people ("MPs", "GPs"); someone else spoke last
        if found is not None and (found.type == "ORG" or plural and found.type == "GROUP"):
            return found
        if found is not None or relative or subj.lemma_.lower() in document_nouns():
            return None  # someone else spoke last ("cities that support ...", "the reports said"): no guess
    if plural or not mentioned:
        return None
    org = _last_org_before(doc, tok.idx, skip, lookback=MENTIONED_LOOKBACK, in_subject=True)
    return Source(canonical_org(doc, org.name), "ORG") if org is not None else None
