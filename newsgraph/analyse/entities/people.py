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
``merge_declared_aliases``, ``add_named_groups``, ``name_from_titles``, ``name_relatives``,
``separate_office_holders`` (``person_resolution.py``), ``keep_people``, ``fold_into_things``,
``build_entities``, then the joins of ``entity_joins.py``. What one mention says (roles, gender,
context) is read in ``mention_context.py``; how a mention picks its person, in
``person_resolution.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from itertools import compress

from spacy.tokens import Doc

from newsgraph.analyse.base.data import work_nouns
from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.token_table import TokenTable, token_table
from newsgraph.analyse.entities import names, places
from newsgraph.analyse.entities.aliases import declared_aliases, named_groups
from newsgraph.analyse.entities.entity_joins import (
    THING_TYPES,
    join_birth_names,
    join_family_name_first,
    join_lone_surnames,
    join_named_things,
    join_spelling_variants,
    join_titled_given_names,
    join_titled_surnames,
    join_transcript_host,
)
from newsgraph.analyse.entities.entity_spans import collect_spans, repair_spans, resolve_overlaps, team_list_clubs
from newsgraph.analyse.entities.evidence import is_person
from newsgraph.analyse.entities.mention_context import read_mention
from newsgraph.analyse.entities.name_spans import (
    GEO_LABELS,
    Spans,
    headline_like,
    is_place,
    name_in_title,
    name_words,
    not_a_person_here,
    place_context,
    places_in_name,
    shared_surname,
)
from newsgraph.analyse.entities.person import Person
from newsgraph.analyse.entities.person_resolution import (
    attach_mention,
    name_from_titles,
    name_relatives,
    person_entity,
    resolve_mention,
    separate_office_holders,
)
from newsgraph.analyse.entities.thing_names import (
    called_title_start,
    cut_from_a_title,
    event_name_end,
    example_of_things,
    named_as_a_thing,
    shaped_or_said_as_a_thing,
)
from newsgraph.model import Entity

_NOT_NAME_START_TAGS = {"VBG", "VB", "VBD", "VBZ", "VBP", "IN", "DT", "JJ", "JJR", "JJS", "RB"}
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
    people = keep_people(doc, grouping.people, grouping.others)
    kept = {id(p) for p in people}
    fold_into_things(doc, [p for p in grouping.people if id(p) not in kept], grouping.others)
    entities = join_named_things(join_titled_surnames(doc, build_entities(people, grouping.others)))
    entities = join_spelling_variants(doc, join_titled_given_names(doc, join_family_name_first(doc, entities)))
    return join_transcript_host(doc, join_birth_names(doc, join_lone_surnames(doc, entities)))


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
    (``resolve_mention``); a name already used for a person is not re-read as a place.
    """
    t = token_table(doc)
    grouping = Grouping()
    by_surname: dict[str, list[Person]] = {}

    add_other = partial(grouping.add_other, t)
    person_ends = {i: j for i, j, label, _ in spans if label == "PERSON"}
    clubs = team_list_clubs(t)
    storms: dict[str, Entity] = {}  # "Mitch" -> the storm Hurricane Mitch
    event_until = 0  # the end of the last day's or prize's name read ("Free Ann and Bo Day")
    for i, j, label, title in spans:
        if i < event_until:
            continue
        span_text = t.span_text(i, j)
        if label in _NAME_LABELS:
            event_end = event_name_end(t, j)
            if event_end is not None:
                add_other(i, event_end, "EVENT")
                event_until = event_end
                continue
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
                and t.is_title[i - 1] and names.known_given_name(t.text[i - 1]) and t.text[i - 1] not in names.titles():
            i -= 1  # "Ivanka [[Trump]]": the given name spaCy left out is part of the name (not "Gen", "Prince")
        words = name_words(doc, i, j)
        if len(words) > 2 and t.text[i] == words[0] and _descriptor_word(words) or _role_led(t, i, j, words):
            i, words = i + 1, words[1:]  # "Archbishop Aris Shirvanian", "Dutchman Arnoud Okken", "Rapper Eminem"
        if len(words) > 1 and (words[-1] in names.org_words() or _country_closes(words)):
            add_other(i, j, "ORG")  # "Globex Corporation", "Crosscut Strategies", "Voxcom Ruritania" typed PERSON
            continue
        if span_text in clubs and not names.known_given_name(t.text[i]):
            add_other(i, j, "ORG")  # a club of the team list, wherever it is named
            continue
        if _club_before_a_role(t, i, j, words):
            add_other(i + 1, j, "ORG")  # the descriptor word is no part of the club's name
            continue
        if len(words) > 1 and t.tag[i] in _NOT_NAME_START_TAGS and words[0] not in names.given_names():
            continue  # "Being Digital"
        if i > 0 and t.text[i - 1] in _STORM_WORDS:
            storms[t.text[j - 1]] = add_other(i - 1, j, "EVENT")  # "after Hurricane Mitch"
            continue
        if j - i == 1 and t.text[i] in storms:  # "... after Hurricane Mitch. Mitch killed 10,000 people"
            storms[t.text[i]].mentions.append((t.idx[i], t.end_char(i)))
            continue
        called = called_title_start(t, i)
        if called is not None:
            add_other(called, j, "WORK_OF_ART")  # "a documentary called 'No More Mr Ann Lee'"
            continue
        cut = cut_from_a_title(t, i, j, words)
        if cut is not None:
            add_other(cut, j, "WORK_OF_ART")  # "and Ould Ferri Syne", "Mr Drum Man"
            continue
        if in_a_title(doc, i):
            add_other(i, j, "WORK_OF_ART")  # "the album Songs About Jane"
            continue
        if not names.looks_like_name(words) or not_a_person_here(doc, j):
            continue
        example = example_of_things(t, i, j)
        if example is not None:
            add_other(i, j, example)  # "titles such as Fifa and Ann Lee", "groups like Ann Lee"
            continue
        m = read_mention(doc, i, j, title)
        if not m.title and m.roles and all(r.lower().split()[-1] in work_nouns() for r in m.roles):
            add_other(i, j, "WORK_OF_ART")  # "the hit movie Ray", "the Colombian drama Maria Full of Grace"
            continue
        shared = shared_surname(doc, i, j, person_ends) if m.title is None else None
        if shared:  # (not "Prince Charles and Camilla Parker Bowles")
            m.words.append(shared)  # "Charles G. and David H. Koch" -> Charles G. Koch
        p = resolve_mention(grouping.people, by_surname, m, doc_text(doc))
        attach_mention(doc, p, m)
        grouping.span_entity[(i, j)] = p
    return grouping


_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
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
    return _asked_in_a_title(t, i) or _and_the_title(t, i) or _of_the_title(t, i)


def _of_the_title(t: TokenTable, i: int) -> bool:
    """ "in The Life and Death of Ann Lee": a name after "of" closing a run of capitalised words
    (with "and") opened by a capitalised "The" inside a sentence is a work's title, not "the Duke of
    Ann Lee" (a title word) nor "the Life of Ann Lee" (running text writes "the")."""
    k = i - 1
    if k < 2 or t.text[k] != "of":
        return False
    k -= 1
    while k > 0 and i - k < 8 and (t.is_title[k] and t.text[k] not in names.titles() or t.lower[k] in ("and", "&", "of")):
        if t.text[k] == "The":
            return k < i - 2 and not t.sent_start[k] and t.text[k + 1] != "of"
        k -= 1
    return False


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


def _club_before_a_role(t: TokenTable, i: int, j: int, words: list[str]) -> bool:
    """ "Fellow Bathford prop Dan Bell", "Veteran Chelsea defender X": a descriptor no one bears as a
    given name, then a club or place, then a person's role and the person: the club is no person."""
    return len(words) == 2 and j - i == 2 and j + 1 < t.n and not names.known_given_name(words[0]) \
        and bool(t.is_lower[j]) and t.lower[j] in names.person_roles() and t.ent_type[j + 1] == "PERSON" \
        and (places.lookup(words[1]) is not None or any(
            label in THING_TYPES and e - s == 1 and t.text[s] == words[1] for s, e, label in t.ents))


def _role_led(t: TokenTable, i: int, j: int, words: list[str]) -> bool:
    """ "Rapper Eminem beats ...", "Singer Ann Lee": a person's role noun capitalised only because it
    opens the sentence (or a headline), which no one bears as a given name, before the name."""
    return len(words) >= 2 and j - i == len(words) and t.text[i].lower() in names.person_roles() \
        and not names.known_given_name(t.text[i]) and bool(t.sent_start[i])


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


def _country_closes(words: list[str]) -> bool:
    """ "Voxcom Norway": a country's name closes a name led by no given name, as a national arm of a
    firm's is ("Ann Jordan" keeps her given name)."""
    place = places.lookup(words[-1])
    return place is not None and place.kind == "country" and place.name == words[-1] \
        and not names.known_given_name(words[0])


def keep_people(doc: Doc, people: list[Person], others: dict[tuple[str, str], Entity]) -> list[Person]:
    """The people with some support for being a person (``evidence.is_person``), whose name the
    article gives no work, firm or event (``thing_names.named_as_a_thing``).

    spaCy types many organisations, brands and titles PERSON with no clue in one mention; the
    judgement needs all of a person's mentions, so it runs once per grouped person.
    """
    t = token_table(doc)
    lower_words = set(compress(t.text, t.is_lower))
    org_texts = {t.span_text(s, e) for s, e, label in t.ents if label in THING_TYPES and label != "NORP"}
    family_names = {p.parts.surname for p in people if p.full and names.known_given_name(p.parts.first)}
    text = doc_text(doc)
    things = [e for e in others.values() if e.type in _THING_LABELS and e.mentions]
    return [p for p in people if p.mentions and is_person(doc, p, lower_words, org_texts, family_names)
            and not named_as_a_thing(text, p, things) and not shaped_or_said_as_a_thing(doc, p)]


_THING_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "FAC", "GPE", "LOC"})


def fold_into_things(doc: Doc, dropped: list[Person], others: dict[tuple[str, str], Entity]) -> None:
    """Mentions of a name judged no person join the article's organisation, product or work of that
    name, in place: "Yukos" typed PERSON here and ORG there is the one company Yukos; a place the
    gazetteer knows and one mention puts in a place's context is that place ("succeed in Norwich"), and a
    name shaped or treated like a thing's is an organisation ("the Lib Dems say")."""
    for p in dropped:
        thing = next((others[(label, p.name)] for label in ("ORG", "PRODUCT", "WORK_OF_ART", "GPE", "LOC", "FAC")
                      if (label, p.name) in others), None)
        if thing is None and " " not in p.name and places.lookup(p.name) is not None and any(
                place_context(doc, m.start, m.end) for m in p.mentions):
            thing = others[("GPE", p.name)] = Entity(name=p.name, type="GPE")
        elif thing is None and shaped_or_said_as_a_thing(doc, p):  # "Ask Jeeves said it ...": the firm still speaks
            thing = others[("ORG", p.name)] = Entity(name=p.name, type="ORG")
        if thing is not None:
            thing.mentions.extend((m.char_start, m.char_end) for m in p.mentions)


def build_entities(people: list[Person], others: dict[tuple[str, str], Entity]) -> list[Entity]:
    """The component's output: people, then other entities (places with coordinates), ordered
    by first mention.

    Last, because a person's name is the commonest of all their full forms and a place's
    coordinates may come from any of its declared names.
    """
    out: list[Entity] = [person_entity(p) for p in people]
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
