"""People, organisations and places of one article: right names, one entity per real thing.

spaCy's small model splits or mistypes many names; this component repairs them with
general mechanisms (token-level span repair in ``name_spans.py``), then groups mentions:

* name shapes (``names.py``): East Asian family-name-first names ("Han" NORP + "Tae Yong"
  PERSON -> "Han Tae Yong"), hyphenated given names ("Moon Jae" + "-in"), particles
  ("Donnedieu de Vabres"), generational suffixes, possessives and titles stripped;
* places (``places.py``): a PERSON/ORG that the gazetteer knows as a place *and* whose
  context says place (after "in"/"near", coordinated with a place, declared the same
  place under another name) becomes GPE; places get coordinates offline;
* declared aliases (``aliases.py``): "X – now Y", "X, now known as Y", "X (Y)" acronyms,
  'known as the “Y”';
* grouping: a full name opens a person; a surname, a given name or a title + surname
  ("Ms Hewitt") joins the person it most plausibly means: one whose role matches ("filmmaker
  Kim"), else the one most recently referred to by that short form, else the one most
  recently introduced. Different full names stay apart ("Kim Jong Il" / "Kim Jong Un",
  "Donald Trump" / "Donald Trump Jr.") and gendered titles ("Mrs Clinton") skip people of the
  other known gender;
* roles: the descriptor before a name ("film critic", "South Korean president") and an
  appositive after it ("Kim Chong Hun, the last survivor of the eight").

Pronouns and descriptors ("the director") are resolved by the quotes helper from these
mentions. Runs in time linear in the number of tokens (person lookups are per surname).

The stages, in the order ``group_entities`` calls them: ``collect_spans``, ``repair_spans``,
``resolve_overlaps`` (``entity_spans.py``), then ``find_declared_aliases``, ``group_mentions``,
``merge_declared_aliases``, ``add_named_groups``, ``name_from_titles``, ``keep_people``,
``build_entities``. Below them: what one mention says (roles, gender, context), then how a
mention picks its person.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from itertools import compress

from spacy.tokens import Doc

from newsgraph.analyse.base.data import work_nouns
from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.token_table import TokenTable, token_table
from newsgraph.analyse.base.tree_edges import tree_edges
from newsgraph.analyse.entities import names, places
from newsgraph.analyse.entities.aliases import declared_aliases, named_groups
from newsgraph.analyse.entities.entity_joins import (
    THING_TYPES,
    join_lone_surnames,
    join_named_things,
    join_spelling_variants,
    join_titled_given_names,
    join_titled_surnames,
)
from newsgraph.analyse.entities.entity_spans import collect_spans, person_context, repair_spans, resolve_overlaps
from newsgraph.analyse.entities.evidence import is_person
from newsgraph.analyse.entities.name_spans import (
    GEO_LABELS,
    POSSESSIVE_TOKENS,
    Spans,
    headline_like,
    is_place,
    name_in_title,
    name_words,
    not_a_person_here,
    places_in_name,
    shared_surname,
)
from newsgraph.analyse.entities.person import Mention, Person
from newsgraph.model import Entity

_ROLE_GLUE = {"of", "and", "-", "&"}
_CLAUSE_OPENERS = {"and", "or", "but", "who", "which", "said", "says"}
"""Words that may follow an appositive role ("X, a lawyer, said"; "X, a lawyer who ...")."""
HOLD_WINDOW = 600
"""Characters after its last use within which a short form ("Scott") stays with its holder."""
_NOT_NAME_START_TAGS = {"VBG", "VB", "VBD", "VBZ", "VBP", "IN", "DT", "JJ", "JJR", "JJS", "RB"}
_DETERMINERS = {"the", "a", "an"}
TokenSpan = tuple[int, int]


# ---------------------------------------------------------------- the stages, in order


def group_entities(doc: Doc) -> list[Entity]:
    """The people component: spans of names -> mentions grouped into people -> entities.

    In this order because each stage needs what the ones before settled: mentions can only be
    grouped once their spans are right, and a person is judged and named only once all their
    mentions are in. Each stage takes what the one before returns; the ``Grouping`` is the one
    result the later stages finish in place.
    """
    spans = collect_spans(doc)
    spans = repair_spans(doc, spans)
    spans = resolve_overlaps(spans)
    aliases = find_declared_aliases(doc, spans)
    grouping = group_mentions(doc, spans, aliases.places)
    merge_declared_aliases(aliases.pairs, grouping)
    add_named_groups(doc, grouping.others)
    name_from_titles(grouping.people, grouping.title_names)
    name_relatives(doc, grouping.people)
    separate_office_holders(doc, grouping.people)
    people = keep_people(doc, grouping.people)
    kept = {id(p) for p in people}
    fold_into_things([p for p in grouping.people if id(p) not in kept], grouping.others)
    entities = join_named_things(join_titled_surnames(doc, build_entities(people, grouping.others)))
    return join_lone_surnames(doc, join_spelling_variants(doc, join_titled_given_names(doc, entities)))


@dataclass(frozen=True)
class DeclaredAliases:
    """Name pairs the text declares the same thing ("Stalingrad – now Volgograd", ``aliases.py``)."""

    pairs: list[tuple[TokenSpan, TokenSpan]]  # (earlier span, later span)
    places: set[TokenSpan]  # spans of the pairs that name one place twice


def find_declared_aliases(doc: Doc, spans: Spans) -> DeclaredAliases:
    """Declared aliases, found before grouping: a name the text declares the same as a place
    counts as a place there, where each span is read as a place or not."""
    t = token_table(doc)
    pairs = declared_aliases(doc, [(i, j) for i, j, _, _ in spans])
    place_spans: set[TokenSpan] = set()
    for a, b in pairs:
        ta, tb = t.span_text(*a), t.span_text(*b)
        if places.same_place(ta, tb) or (places.lookup(ta) and places.lookup(tb)):
            place_spans.update((a, b))
    return DeclaredAliases(pairs, place_spans)


@dataclass
class Grouping:
    """What ``group_mentions`` makes and the later stages finish: people, and other entities
    keyed by (label, name) so that repeated names are one entity."""

    people: list[Person] = field(default_factory=list)
    others: dict[tuple[str, str], Entity] = field(default_factory=dict)
    span_entity: dict[TokenSpan, Entity | Person] = field(default_factory=dict)  # for the aliases
    title_names: list[str] = field(default_factory=list)  # full names inside titles ("The Steve Harvey Show")

    def add_other(self, t: TokenTable, i: int, j: int, label: str) -> Entity:
        """Tokens i..j as a mention of the non-person entity of that label and name."""
        name = names.strip_possessive(t.span_text(i, j))
        key = (label, name)
        if label in GEO_LABELS:  # one place whether spaCy said GPE or LOC ("North and South")
            key = next((k for k in (("GPE", name), ("LOC", name)) if k in self.others), key)
        if key not in self.others:
            self.others[key] = Entity(name=name, type=label)
        s = t.idx[i]
        self.others[key].mentions.append((s, s + len(name)))
        self.span_entity[(i, j)] = self.others[key]
        return self.others[key]


def group_mentions(doc: Doc, spans: Spans, place_spans: set[TokenSpan]) -> Grouping:
    """Each span, in text order, becomes a place, another entity, or a mention of a person.

    In order, because a short form ("Kim", "Ms Hewitt") means someone already introduced
    (``_resolve``); a name already used for a person is not re-read as a place.
    """
    t = token_table(doc)
    grouping = Grouping()
    by_surname: dict[str, list[Person]] = {}

    add_other = partial(grouping.add_other, t)
    person_ends = {i: j for i, j, label, _ in spans if label == "PERSON"}
    storms: dict[str, Entity] = {}  # "Mitch" -> the storm Hurricane Mitch
    for i, j, label, title in spans:
        span_text = t.span_text(i, j)
        if label in ("PERSON", "ORG", "NORP", "FAC") and span_text not in by_surname \
                and is_place(doc, i, j, span_text, (i, j) in place_spans):
            add_other(i, j, "GPE")
            continue
        if label in ("WORK_OF_ART", "ORG"):
            title_name = name_in_title(doc, i, j)
            if title_name:
                grouping.title_names.append(title_name)
        if label == "WORK_OF_ART" or label == "EVENT":
            places_in_name(doc, i, j, add_other)
            if label == "EVENT":
                event = add_other(i, j, label)
                if event.name.split()[0] in _STORM_WORDS:
                    storms[event.name.split()[-1]] = event
            continue
        if label != "PERSON":
            add_other(i, j, label)
            continue
        if j - i == 1 and i > 0 and not t.sent_start[i] and t.pos[i - 1] == "PROPN" \
                and t.ent_type[i - 1] in ("", "ORG", "PRODUCT") \
                and t.is_title[i - 1] and names.known_given_name(t.text[i - 1]):
            i -= 1  # "Ivanka [[Trump]]": the given name spaCy left out is part of the name
        words = name_words(doc, i, j)
        if len(words) > 2 and t.text[i] == words[0] and _descriptor_word(words):
            i, words = i + 1, words[1:]  # "Archbishop Aris Shirvanian", "Dutchman Arnoud Okken"
        if len(words) > 1 and words[-1] in names.org_words():
            add_other(i, j, "ORG")  # "Globex Corporation", "Crosscut Strategies" typed PERSON
            continue
        if len(words) > 1 and t.tag[i] in _NOT_NAME_START_TAGS and words[0] not in names.given_names():
            continue  # "Being Digital"
        if i > 0 and t.text[i - 1] in _STORM_WORDS:
            storms[t.text[j - 1]] = add_other(i - 1, j, "EVENT")  # "after Hurricane Mitch"
            continue
        if j - i == 1 and t.text[i] in storms:  # "... after Hurricane Mitch. Mitch killed 10,000 people"
            storms[t.text[i]].mentions.append((t.idx[i], t.end_char(i)))
            continue
        if in_a_title(doc, i):
            add_other(i, j, "WORK_OF_ART")  # "the album Songs About Jane"
            continue
        if not names.looks_like_name(words) or not_a_person_here(doc, j):
            continue
        m = _mention(doc, i, j, title)
        if not m.title and m.roles and all(r.lower().split()[-1] in work_nouns() for r in m.roles):
            add_other(i, j, "WORK_OF_ART")  # "the hit movie Ray", "the Colombian drama Maria Full of Grace"
            continue
        shared = shared_surname(doc, i, j, person_ends)
        if shared:
            m.words.append(shared)  # "Charles G. and David H. Koch" -> Charles G. Koch
        p = _resolve(grouping.people, by_surname, m)
        _attach(doc, p, m)
        grouping.span_entity[(i, j)] = p
    return grouping


_TITLE_GLUE_POS = frozenset({"ADP", "DET", "CCONJ", "PART"})
_STORM_WORDS = frozenset({"Hurricane", "Typhoon", "Cyclone", "Storm", "hurricane", "typhoon", "cyclone", "storm"})
"""A name after one of these is a storm's, not a person's."""


def in_a_title(doc: Doc, i: int) -> bool:
    """A name right after a capitalised small word inside a sentence ("Songs About Jane",
    "Summer Of Sam") ends the title of a work: running text writes "about", "of" in lower case.
    Not in a title-case line (a headline: "Clinton Breaks With Obama")."""
    t = token_table(doc)
    k = i - 1
    if k > 0 and not t.sent_start[k] and t.pos[k] in _TITLE_GLUE_POS and bool(t.is_title[k]) \
            and t.text[k] not in names.titles() and bool(t.is_title[k - 1]) and not headline_like(doc, i):
        return True
    return _asked_in_a_title(t, i) or _and_the_title(t, i)


def _and_the_title(t: TokenTable, i: int) -> bool:
    """ "Jamie and the Magic Torch": a lone given name, then "and the" and a capitalised word that
    is no title ("William and the Queen"): the name opens a work's title (or a band's name)."""
    k = i + 1
    return k + 2 < t.n and t.lower[k] == "and" and t.lower[k + 1] == "the" and bool(t.is_title[k + 2]) \
        and t.text[k + 2] not in names.titles() and t.ent_type[k + 2] not in ("PERSON", "GPE", "NORP") \
        and (i == 0 or not t.is_title[i - 1] or bool(t.sent_start[i])) and names.known_given_name(t.text[i])


def _asked_in_a_title(t: TokenTable, i: int) -> bool:
    """ "Who's David?", "Who is Sylvia?" inside a sentence: a capitalised "Who" mid-sentence and a
    question mark after the one name are a song's or a play's title, not a question about a person."""
    k = i - 1
    if k >= 0 and t.lower[k] in ("'s", "’s", "is"):
        k -= 1
    return k > 0 and t.text[k] == "Who" and not t.sent_start[k] and i + 1 < t.n and t.text[i + 1] == "?"


def _descriptor_word(words: list[str]) -> bool:
    """The first of three name words is a descriptor spaCy took into the name: no one bears it as
    a given name, nor is it a particle or a family name first, and a given name follows."""
    first, second = words[0], words[1]
    return first.isalpha() and not names.known_given_name(first) and first not in names.particles() \
        and not names.parse(" ".join(words)).family_first and names.known_given_name(second)


def merge_declared_aliases(pairs: list[tuple[TokenSpan, TokenSpan]], grouping: Grouping) -> None:
    """The later name of a declared pair joins the (non-person) entity of the earlier, in place.

    After grouping, because only then is each span's entity known; people are left alone, as
    their names are already grouped by the name rules.
    """
    for a, b in pairs:
        ea, eb = grouping.span_entity.get(a), grouping.span_entity.get(b)
        if ea is None or eb is None or ea is eb:
            continue
        if isinstance(ea, Entity) and isinstance(eb, Entity):
            if eb.name not in ea.aliases:
                ea.aliases.append(eb.name)
            ea.mentions.extend(eb.mentions)
            eb.mentions = []


def add_named_groups(doc: Doc, others: dict[tuple[str, str], Entity]) -> None:
    """A name in quotation marks after "known as" (the “Moscow 8”) becomes an ORG, in place.

    spaCy rarely sees these as entities; one that an entity already covers is left to it.
    """
    for extra_name, span in named_groups(doc):
        if not any(s <= span[0] < e for ent in others.values() for s, e in ent.mentions):
            ent = others.setdefault(("ORG", extra_name), Entity(name=extra_name, type="ORG"))
            ent.mentions.append(span)


def name_from_titles(people: list[Person], title_names: list[str]) -> None:
    """ "Laura" and "Harvey", only ever named in full inside "The Laura Ingraham Show" and "The
    Steve Harvey Show", take that full name, in place, when it is the only one that fits and
    nobody in the article already carries a full name with that word.

    After grouping, because only then is it known who never got a full name in the text.
    """
    if not title_names:
        return
    full_words = {w for p in people if p.full for w in p.name.split()}
    for p in people:
        if p.full or p.name in full_words:
            continue
        fits = {t for t in title_names if p.name in (names.parse(t).first, names.parse(t).surname)}
        if len(fits) == 1:
            p.aliases.append(p.name)
            p.name = fits.pop()


_KIN_LOOKBACK = 4
"""Tokens between a kin noun and the given name it introduces ("his ex-model wife, Sandra")."""


def name_relatives(doc: Doc, people: list[Person]) -> None:
    """A relative introduced by a given name alone takes the family name of whose relative they
    are, in place: "George Bush ... his wife, Laura" -> Laura Bush; "Mr Conlon's father Giuseppe"
    -> Giuseppe Conlon. "his"/"her" is the person of that gender named last before, in the sentence.

    After grouping, because the possessor must already be known as a person of the article."""
    t = token_table(doc)
    kinship = names.kinship_nouns()
    for p in people:
        if p.full and not _given_names_only(p) or not p.mentions or names.parse(p.name).family_first:
            continue
        m = min(p.mentions, key=lambda m: m.start)
        kin = next((k for k in range(m.start - 1, max(-1, m.start - 1 - _KIN_LOOKBACK), -1)
                    if t.lower[k] in kinship), None)
        if kin is None or any(t.pos[k] not in ("ADJ", "NOUN", "PUNCT") for k in range(kin + 1, m.start)):
            continue
        owner = _kin_owner(t, people, p, kin)
        if owner is None:
            continue
        full = f"{p.name} {owner.parts.surname}"
        if any(o.name == full for o in people) or p.name.split()[-1] == owner.parts.surname:
            continue
        p.aliases.append(p.name)
        p.full_forms[full] = p.full_forms.pop(p.name, 0)  # the name as written is no longer the commonest full form
        p.name = full


def _kin_owner(t: TokenTable, people: list[Person], p: Person, kin: int) -> Person | None:
    """Whose relative the kin noun at ``kin`` says: "Conlon's father", or "his"/"her" for the person
    of that gender mentioned last before it in the sentence."""
    k = kin - 1
    while k >= max(0, kin - 6) and (t.pos[k] in ("ADJ", "NOUN") and t.is_lower[k] or t.text[k] == "-"
                                   or t.like_num[k]):
        k -= 1  # "Howard's ex-model wife", "his 17-year-old daughter"
    full = [o for o in people if o is not p and (o.full or not names.known_given_name(o.name))]
    if k >= 1 and t.text[k] in POSSESSIVE_TOKENS:
        return next((o for o in full if any(m.start <= k - 1 < m.end for m in o.mentions)), None)
    gender = {"his": "m", "her": "f"}.get(t.lower[k]) if k >= 0 else None
    if gender is None and k >= 0 and t.pos[k] in ("ADP", "CCONJ") and t.lower[k] != "of":
        gender = "-"  # "a family with wife Ffion": a bare kin noun is the relative of whom the text is about
    if gender is None:
        return None
    sent_start = t.sent_bounds[kin][0]
    before = [(m.start, o) for o in full for m in o.mentions if m.start < kin]
    before = [(at, o) for at, o in before if gender == "-" or o.gender in ("-", gender)]
    in_sentence = [b for b in before if b[0] >= sent_start]
    if in_sentence:
        return max(in_sentence, key=lambda b: b[0])[1]
    previous = [o for at, o in before if sent_start > 0 and at >= t.sent_bounds[sent_start - 1][0]]
    if previous and len({o.parts.surname for o in previous}) == 1:
        return previous[-1]  # "... chairman Mukesh Ambani. His brother Anil": the one family just named
    # "He moved ... with his wife Sheila": the family the article is about, if one family name of
    # people of that gender clearly is (named most often before, at least twice, more than any other)
    counts = Counter(o.parts.surname for _at, o in before)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return next(o for _at, o in before if o.parts.surname == ranked[0][0])


def _given_names_only(p: Person) -> bool:
    """ "Lisa Marie": two given names and never a surname alone; a relative introduced so
    ("Presley's daughter Lisa Marie") still lacks the family name."""
    words = p.name.split()
    return len(words) == 2 and all(names.known_given_name(w) for w in words) \
        and all(len(m.words) == 2 for m in p.mentions)


def separate_office_holders(doc: Doc, people: list[Person]) -> None:
    """ "President Clinton" said of a person the text shows campaigning ("Hillary Clinton and her
    campaign") and never gives that office is someone else of that surname, in place: the
    mentions so titled become a person of their own.

    After grouping, because the campaign may be mentioned after the title ("an affair with
    President Clinton ... Hillary Clinton and her campaign")."""
    for p in list(people):
        if not p.campaigning or not p.full:
            continue
        titled = [m for m in p.mentions if len(m.words) == 1 and m.title and _holds_office_title(m)]
        offices = {_office(m.title or "") for m in titled}
        held = any(len(m.words) > 1 and (m.title and _office(m.title) in offices or any(
            offices & {_office(w) for w in r.lower().split()} for r in m.roles)) for m in p.mentions)
        if not titled or held:
            continue
        holder = Person(titled[0].words[0], titled[0].char_start)
        for m in titled:
            _attach(doc, holder, m)
        p.mentions = [m for m in p.mentions if m not in titled]
        kept_titles = {m.title for m in p.mentions}
        p.roles = [r for r in p.roles if r in kept_titles or r not in {m.title for m in titled}]
        p.aliases = [a for a in p.aliases if a not in {holder.name, *holder.aliases} or any(
            " ".join(m.words) == a for m in p.mentions)]
        people.append(holder)


def _holds_office_title(m: Mention) -> bool:
    """A title naming an office one runs for ("President", "Governor", not "Mr")."""
    return names.titles()[m.title or ""][0] == "office" and _office(m.title or "") in _OFFICE_ADJECTIVES


def keep_people(doc: Doc, people: list[Person]) -> list[Person]:
    """The people with some support for being a person (``evidence.is_person``).

    spaCy types many organisations, brands and titles PERSON with no clue in one mention; the
    judgement needs all of a person's mentions, so it runs once per grouped person.
    """
    t = token_table(doc)
    lower_words = set(compress(t.text, t.is_lower))
    org_texts = {t.span_text(s, e) for s, e, label in t.ents if label in THING_TYPES and label != "NORP"}
    family_names = {p.parts.surname for p in people if p.full and names.known_given_name(p.parts.first)}
    return [p for p in people if p.mentions and is_person(doc, p, lower_words, org_texts, family_names)]


def fold_into_things(dropped: list[Person], others: dict[tuple[str, str], Entity]) -> None:
    """Mentions of a name judged no person join the article's organisation, product or work of that
    name, in place: "Yukos" typed PERSON here and ORG there is the one company Yukos."""
    for p in dropped:
        thing = next((others[(label, p.name)] for label in ("ORG", "PRODUCT", "WORK_OF_ART", "GPE", "LOC", "FAC")
                      if (label, p.name) in others), None)
        if thing is not None:
            thing.mentions.extend((m.char_start, m.char_end) for m in p.mentions)


def build_entities(people: list[Person], others: dict[tuple[str, str], Entity]) -> list[Entity]:
    """The component's output: people, then other entities (places with coordinates), ordered
    by first mention.

    Last, because a person's name is the commonest of all their full forms and a place's
    coordinates may come from any of its declared names.
    """
    out: list[Entity] = [_person_entity(p) for p in people]
    by_name: dict[tuple[str, str], Entity] = {}
    for ent in others.values():
        if not ent.mentions:
            continue
        ent.name = " ".join(ent.name.split())  # spaCy's span may run over a line break ("Next\n\n")
        same = by_name.get((ent.type, ent.name))
        if same is not None:  # the same name once the whitespace is gone: one entity
            same.mentions = sorted(set(same.mentions) | set(ent.mentions))
            same.aliases = list(dict.fromkeys([*same.aliases, *ent.aliases]))
            continue
        by_name[(ent.type, ent.name)] = ent
        if ent.type in GEO_LABELS:
            place = places.lookup(ent.name) or next(filter(None, map(places.lookup, ent.aliases)), None)
            if place is not None:
                ent.geo = place.geo()
        ent.mentions.sort()
        out.append(ent)
    out.sort(key=lambda e: e.mentions[0])
    return out


# ---------------------------------------------------------------- what one mention says


_LINKED_DEPS = {"compound", "amod", "nmod", "appos", "conj", "flat", "nn"}


def _roles_before(doc: Doc, i: int, j: int) -> tuple[list[str], int | None]:
    """Descriptors just before a name: "film critic", "South Korean president", "Soviet leader".

    A run of nouns/adjectives (with "of", "and") ending at the name, kept only when the parse links
    it to the name (so "after the debate Trump" has no role); "X and Y" gives two roles.
    """
    t = token_table(doc)
    text, pos, lower, titles = t.text, t.pos, t.lower, names.titles()
    if i > 0 and text[i - 1] in titles and titles[text[i - 1]][0] == "honorific":
        i -= 1
    k = i
    while k > 0 and i - k < 8:
        p = k - 1
        if t.ent_type[p] == "PERSON" or pos[p] in ("DET", "VERB", "AUX", "PRON", "NUM", "SCONJ", "PART") \
                or t.is_punct[p] and text[p] != "-" or pos[p] == "ADP" and lower[p] != "of" \
                or text[p] in titles and titles[text[p]][0] == "honorific" \
                or pos[p] not in ("NOUN", "ADJ", "PROPN", "CCONJ", "ADP", "PUNCT"):
            break
        if t.is_title[p] and pos[p] == "PROPN" and not t.ent_type[p] and text[p] not in titles \
                and not t.sent_start[p]:
            break  # an unlabelled capitalised word: probably part of something else
        if t.ent_type[p] in ("DATE", "TIME") or t.dep[p] in ("advmod", "npadvmod"):
            break  # the sentence's own words: "In October Tory leader X", "Earlier Tory leader X"
        k -= 1
    while k < i and (lower[k] in _ROLE_GLUE or pos[k] == "CCONJ" or t.length[k] < 2):
        k += 1
    # "the death of conservative Justice Antonin Scalia": the role is what follows "of",
    # unless "of" belongs to an office ("Secretary of State").
    for m in range(i - 1, k, -1):
        if lower[m] == "of" and not t.is_title[m - 1]:
            k = m + 1
            break
    if k >= i:
        return [], None
    last = i - 1
    linked = i <= t.head[last] < j or last in t.head[i:j] or t.dep[last] in _LINKED_DEPS
    if not linked:
        return [], None
    roles: list[str] = []
    start = k
    for m in range(k, i + 1):
        if m == i or lower[m] == "and":
            if m > start and any(pos[q] == "NOUN" or text[q] in titles for q in range(start, m)) \
                    and lower[m - 1] not in _ROLE_GLUE:
                roles.append(t.span_text(start, m))
            start = m + 1
    if not roles:
        return [], None
    return roles, t.idx[k]


def _role_ahead(doc: Doc, i: int, j: int) -> str | None:
    """A descriptor the name is in apposition to: "Her husband, Bill Clinton," -> "husband"."""
    t = token_table(doc)
    if i < 2 or t.text[i - 1] != ",":
        return None
    head = i - 2
    if t.pos[head] != "NOUN" or not any(t.dep[k] == "appos" and t.head[k] == head for k in range(i, j)):
        return None
    start = head
    while start > 0 and t.dep[start - 1] in ("amod", "compound") and t.head[start - 1] >= start:
        start -= 1
    return t.span_text(start, head + 1)


def _role_after(doc: Doc, i: int, j: int) -> str | None:
    """An appositive after a name: "Kim Chong Hun, the last survivor of the eight"."""
    t = token_table(doc)
    if j + 1 >= t.n or t.text[j] != ",":
        return None
    children = tree_edges(doc).children
    for child in children[j - 1]:
        if t.dep[child] == "appos" and child > j and t.ent_type[child] not in ("PERSON", "GPE", "DATE"):
            sub = subtree_in_order(children, child)
            if any(t.ent_type[k] == "PERSON" or t.text[k] in POSSESSIVE_TOKENS
                   or any(ch.isdigit() for ch in t.text[k]) for k in sub):
                return None
            after = max(sub) + 1
            if after < t.n and not (t.is_punct[after] or t.lower[after] in _CLAUSE_OPENERS):
                return None  # "said Mr Lee, this data was lost": a new clause's subject, not his role
            relative = [k for k in sub if t.dep[k] == "relcl"]
            if relative:  # "boss of Acme, which made the tool": the role ends before the clause
                sub = [k for k in sub if k < tree_edges(doc).left[relative[0]]]
            if not sub or len(sub) > 10 or not any(t.pos[k] == "NOUN" for k in sub):
                return None
            start = sub[0] + (1 if t.pos[sub[0]] == "DET" else 0)
            end = sub[-1] + 1
            while end > start and t.is_punct[end - 1]:
                end -= 1
            return t.span_text(start, end) if end > start else None
    return None


def subtree_in_order(children: list[list[int]], i: int) -> list[int]:
    """Token i's subtree in ``token.subtree`` order: left children's subtrees, the token, right
    children's subtrees (not sorted: a non-projective parse interleaves them)."""
    out: list[int] = []
    stack: list[tuple[int, bool]] = [(i, False)]
    while stack:
        k, expanded = stack.pop()
        if expanded:
            out.append(k)
            continue
        stack.extend((c, False) for c in reversed(children[k]) if c > k)
        stack.append((k, True))
        stack.extend((c, False) for c in reversed(children[k]) if c < k)
    return out


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f", "it": "n", "its": "n"}


def _pronoun_gender(doc: Doc, j: int) -> str:
    """Gender of the first personal pronoun after the name in its sentence ("Cruz said he ...",
    "n" for "Pernod said it ..."), when no other name comes between."""
    t = token_table(doc)
    sent_end = t.sent_bounds[j - 1][1] if j else t.n
    # Within the clause the name is subject of ("Cruz said he ..."), not the next clause's
    # subject ("to ensure Labour was re-elected, he insisted").
    sent_end = min(sent_end, tree_edges(doc).right[t.head[j - 1]] + 1) if j else sent_end
    for k in range(j, min(sent_end, j + 12, t.n)):
        if t.ent_type[k] == "PERSON" or t.text[k] in ("“", '"', "‘"):
            return "-"
        g = _PRONOUN_GENDER.get(t.lower[k])
        if g == "n" and k > j + 1:
            continue  # only "Pernod said it", not "Cyril explained how important it is"
        if g:
            return g
    return "-"


def _mention(doc: Doc, i: int, j: int, title: str | None) -> Mention:
    t = token_table(doc)
    if title is None and i > 0 and t.text[i - 1] in names.titles():
        title = t.text[i - 1]
    if title is None and j - i == 1:
        title = _plural_title(t, i)
    roles, role_start = _roles_before(doc, i, j)
    gender = names.titles().get(title or "", ("", "-"))[1]
    if gender == "-" and j - i == 1 and t.dep[i] in ("nsubj", "nsubjpass"):
        gender = _pronoun_gender(doc, j)  # "Cruz said he ...", not "Rendell, a Clinton surrogate, said he"
    neuter = gender == "n"
    gender = "-" if neuter else gender
    thing_like = i > 0 and t.lower[i - 1] in _DETERMINERS and not roles and not title \
        or j - i == 1 and j < t.n and t.pos[j] == "NOUN" and bool(t.is_lower[j])
    modifier = j < t.n and bool(t.is_lower[j]) and t.pos[j] == "NOUN" \
        and t.dep[j - 1] in ("compound", "nmod", "amod") and t.head[j - 1] >= j
    m = Mention(i, j, t.idx[i], t.end_char(j - 1), name_words(doc, i, j), title, roles,
                role_start, gender, bool(title or roles) or person_context(doc, i, j), thing_like)
    m.modifier = modifier
    m.neuter = neuter
    m.plural = j - i == 1 and t.tag[i] in ("NNS", "NNPS")
    m.role_ahead, m.role_after = _role_ahead(doc, i, j), _role_after(doc, i, j)
    m.relative = _introduced_as_relative(doc, m)
    return m


def _plural_title(t: TokenTable, i: int) -> str | None:
    """ "Princes William and Harry": the title each of the coordinated given names bears (not
    "Kings Cross and Euston": a place's name)."""
    if not names.known_given_name(t.text[i]):
        return None
    if i > 0 and t.lower[i - 1] in PLURAL_TITLES:
        return PLURAL_TITLES[t.lower[i - 1]]
    if i > 2 and t.lower[i - 1] == "and" and t.lower[i - 3] in PLURAL_TITLES and names.known_given_name(t.text[i - 2]):
        return PLURAL_TITLES[t.lower[i - 3]]
    return None


def _introduced_as_relative(doc: Doc, m: Mention) -> bool:
    """ "his wife, Heidi Cruz", "Trump's son Donald Trump Jr.", "Heidi Cruz, his wife"."""
    kinship = names.kinship_nouns()
    if any(w in kinship for r in m.roles for w in r.lower().split()):
        return True
    if not kinship.isdisjoint(token_table(doc).lower[max(0, m.start - 3) : m.start]):
        return True
    around = f"{m.role_ahead or ''} {m.role_after or ''}"
    return not kinship.isdisjoint(around.lower().split())


# ---------------------------------------------------------------- which person a mention means


def _choose(candidates: list[Person], mention: Mention, short: str, *, strict: bool = False) -> Person | None:
    """The person a short form ("Kim", "Ms Hewitt") most plausibly means.

    ``strict``: nobody when the mention's gender ("Mr. Obama") rules every candidate out.
    """
    gender = mention.gender
    if gender != "-":
        fitting = [p for p in candidates if p.gender in ("-", gender)]
        if not fitting and strict:
            return None
        candidates = fitting or candidates
    if mention.role:
        role_words = set(mention.role.lower().split())
        matching = [p for p in candidates if any(role_words & set(r.lower().split()) for r in p.roles)]
        if matching:
            candidates = matching
    # The person most recently introduced or referred to by this short form: repeating a
    # full name ("close ally of Kim Il Sung") does not make that person "the Kim" of the text,
    # nor does introducing a relative ("his wife, Heidi Cruz").
    # Only a prominent introduction counts, one with a description ("Kim Chong Hun, the last
    # survivor of the eight, went"), not "whether Melania Trump's story" or "Ivanka Trump said";
    # and it does not take the short form from the person it was just used for ("Scott had a
    # gun ... Rakeyia Scott can be heard ... Scott was shot": the holder keeps it).
    if not candidates:
        return None
    holder = max(candidates, key=lambda p: p.short_forms_used_at.get(short, -1))
    held_at = holder.short_forms_used_at.get(short, -1)
    newer = [p for p in candidates if p.prominent_at > held_at + (HOLD_WINDOW if held_at >= 0 else 0)]
    if newer:
        return max(newer, key=lambda p: p.prominent_at)
    if held_at >= 0:
        return holder
    # Nobody described yet: the person introduced in their own right, not as someone's relative
    # ("Hillary Clinton ... daughter Chelsea Clinton ... Clinton's van"), then the latest.
    return max(candidates, key=lambda p: (p.prominent_at, not p.relative, p.first))


def _capitalised(surname: str) -> str:
    """ "de Blasio" as a headline or a sentence start writes it: "De Blasio"."""
    return surname[:1].upper() + surname[1:]


def _resolve(people: list[Person], by_surname: dict[str, list[Person]], m: Mention) -> Person:
    name = " ".join(m.words)
    parts = names.parse(name)
    if parts.given:
        same_surname = {id(p): p for key in (parts.surname, _capitalised(parts.surname), m.words[-1])
                        for p in by_surname.get(key, [])}
        for p in sorted(same_surname.values(), key=lambda p: p.first):
            if p.full and (names.same_person_name(p.name, name) or names.is_tail_of(name, p.name)
                           or names.is_tail_of(p.name, name) or names.familiar_form(p.name, name)):
                return p
        earlier_short = [p for key in dict.fromkeys((parts.surname, _capitalised(parts.surname)))
                 for p in by_surname.get(key, []) if not p.full]
        if not earlier_short and not parts.family_first:
            earlier_short = [p for p in people if not p.full and p.name == parts.first]
        # "President Obama ... Michelle Obama": a full name of the other gender, or a relative,
        # is someone else, not the full name of the person so far called by the surname.
        new_gender = names.gender_of(name)
        earlier_short = [p for p in earlier_short if not m.relative and (p.gender == "-" or new_gender in ("-", p.gender))]
        if earlier_short and not parts.suffix:  # "Trump" or "Judy" before "Donald Trump", "Judy Finnigan"
            p = max(earlier_short, key=lambda p: p.first)
            p.aliases.append(p.name)
            p.name = name
            by_surname.setdefault(parts.surname, []).append(p)
            if p.gender == "-":
                p.gender = names.gender_of(name)
            return p
        p = Person(name, m.char_start, gender=names.gender_of(name))
        people.append(p)
        by_surname.setdefault(parts.surname, []).append(p)
        if parts.family_first:
            return p
        # Make a Western surname findable by its last word too ("de Vabres" -> "Vabres").
        last = parts.surname.split()[-1]
        if last != parts.surname:
            by_surname.setdefault(last, []).append(p)
        return p
    short = parts.surname
    pool = by_surname.get(short) or by_surname.get(short.split()[-1], [])
    cands = [p for p in pool if p.parts.suffix.rstrip(".") == parts.suffix.rstrip(".") or not parts.suffix]
    if m.title and names.titles()[m.title][0] == "office":
        cands = [p for p in cands if not _office_rules_out(p, m.title)]
    if m.title in PEERAGE:  # "Lord Roberts of Conwy" is not the article's Sion Roberts
        cands = [p for p in cands if any(pm.title in PEERAGE for pm in p.mentions)]
    chosen = _choose([p for p in cands if p.full], m, short, strict=True) or _choose(cands, m, short)
    if chosen is None:
        given = [p for p in people if p.full and names.same_given_name(short, p.parts.first)]
        chosen = _choose(given, m, short)
    if chosen is None:  # "President Lula" after "Luiz Inacio Lula da Silva": a name inside the full name
        inner = [p for p in people if p.full and short in p.parts.given[1:] and len(short) > 2]
        chosen = _choose(inner, m, short)
    if chosen is None:
        chosen = Person(name, m.char_start)
        people.append(chosen)
        by_surname.setdefault(short, []).append(chosen)
    return chosen


_OFFICE_WORDS = {"pres.": "president", "sen.": "senator", "sens.": "senator", "gov.": "governor",
                 "rep.": "representative", "reps.": "representative", "congressman": "representative",
                 "congresswoman": "representative"}
_OFFICE_ADJECTIVES = {"president": "presidential", "governor": "gubernatorial", "mayor": "mayoral",
                      "senator": "senate", "representative": "congressional"}
_CANDIDACY = {"nominee", "candidate", "hopeful", "contender", "challenger"}


def _office(word: str) -> str:
    return _OFFICE_WORDS.get(word.lower(), word.lower())


def _office_rules_out(p: Person, title: str) -> bool:
    """ "President Clinton" is not the article's Hillary Clinton when the text calls her a
    presidential nominee or candidate, or speaks of her campaign and never gives her the office:
    running for an office is not holding it."""
    office = _office(title)
    adjective = _OFFICE_ADJECTIVES.get(office)
    if adjective is None:
        return False
    roles = [set(r.lower().split()) for r in p.roles]
    if any(adjective in words and words & _CANDIDACY for words in roles):
        return True
    return p.campaigning and not any(office in {_office(w) for w in words} for words in roles)


_CAMPAIGN_LOOKAHEAD = 4
"""Tokens after a name within which "campaign" is the person's ("Clinton and her campaign")."""


def _campaigning(doc: Doc, m: Mention) -> bool:
    """ "the Clinton campaign", "Clinton's campaign", "Hillary Clinton and her campaign"."""
    t = token_table(doc)
    end = min(t.n, m.end + _CAMPAIGN_LOOKAHEAD, t.sent_bounds[m.end - 1][1])
    for k in range(m.end, end):
        if t.lemma[k].lower() == "campaign" and t.pos[k] == "NOUN":
            between = t.lower[m.end : k]
            return all(w in ("'s", "’s", "'", "and", "his", "her", "presidential") for w in between)
    return False


def _attach(doc: Doc, p: Person, m: Mention) -> None:
    if not p.mentions:
        p.relative = m.relative
    if len(m.words) > 1 and not p.relative and (m.roles or m.role_after):
        p.prominent_at = m.char_start
    p.mentions.append(m)
    p.evidence = p.evidence or m.evidence
    p.campaigning = p.campaigning or _campaigning(doc, m)
    surface = " ".join(m.words)
    if len(m.words) == 1 or (m.words and not names.parse(surface).given):
        p.short_forms_used_at[m.words[0]] = m.char_start
    else:
        p.full_forms[surface] = p.full_forms.get(surface, 0) + 1
    if surface != p.name and surface not in p.aliases:
        p.aliases.append(surface)
    if m.title:
        kind, gender = names.titles()[m.title]
        if gender != "-" and p.gender == "-":
            p.gender = gender
        if kind == "office" and m.title not in p.roles and not m.role:
            p.roles.append(m.title)
        if len(m.words) == 1:
            form = f"{m.title} {surface}"
            if form not in p.aliases:
                p.aliases.append(form)
    for role in m.roles:
        if role not in p.roles:
            p.roles.append(role)
    if m.role:
        if len(m.words) == 1 and len(m.role.split()) <= 2 and m.role_start is not None:
            form = doc_text(doc)[m.role_start : m.char_end]
            if form not in p.aliases:
                p.aliases.append(form)
    for extra in (m.role_ahead, m.role_after):
        if extra and extra not in p.roles:
            p.roles.append(extra)
            p.evidence = True


PEERAGE = frozenset({"Lord", "Lady", "Baroness", "Viscount"})
"""Titles that, before a single name, are part of how the person is named ("Lord Harris")."""
NAMING_TITLES = PEERAGE | {"Prince", "Princess", "King", "Queen", "Pope", "Sir", "Dame", "Uncle", "Aunt", "Auntie"}
"""Titles a reader names a person by when the text gives no full name ("Prince Charles")."""
PLURAL_TITLES = {"princes": "Prince", "princesses": "Princess", "kings": "King", "queens": "Queen"}
"""A plural title before coordinated names gives each the title: "Princes William and Harry"."""


def _person_entity(p: Person) -> Entity:
    mentions = sorted({(m.char_start, m.char_end) for m in p.mentions})
    if p.full_forms:  # the commonest full form names the person ("Hillary Clinton", not "Crooked Hillary Clinton")
        best = max(p.full_forms.items(), key=lambda kv: (kv[1], -len(kv[0].split())))[0]
        if best != p.name and p.full_forms.get(p.name, 0) < p.full_forms[best]:
            p.aliases.append(p.name)
            p.name = best
    elif " " not in p.name:  # "Lord Harris" is what a peer is called, never "Harris" alone
        peer = next((a for a in p.aliases if a.split()[0] in NAMING_TITLES and a.split()[1:] == [p.name]), None)
        if peer is not None:
            p.aliases.append(p.name)
            p.name = peer
    aliases = [a for a in dict.fromkeys(p.aliases) if a != p.name]
    return Entity(name=p.name, type="PERSON", mentions=mentions, aliases=aliases, roles=p.roles,
                  gender=person_gender(p))


GENDERS = {"f": "female", "m": "male"}


def person_gender(p: Person) -> str | None:
    """"female" or "male" from what the text says of the person (a gendered title, a pronoun
    referring back, a gendered role or kin word: "actress", "his mother, X"), by a clear
    majority; with no such word, a given name that is clearly one gender; else None (no guess)."""
    words = names.gender_words()
    said = [m.gender for m in p.mentions if m.gender in GENDERS]
    said += [words[r.split()[-1].lower()] for r in p.roles if r.split() and words.get(r.split()[-1].lower()) in GENDERS]
    if said:
        female = said.count("f")
        if female * 3 >= len(said) * 2:
            return "female"
        if (len(said) - female) * 3 >= len(said) * 2:
            return "male"
        return None
    return GENDERS.get(names.gender_of(p.name))
