"""Joins over the article's finished entities: a person written as a thing, a titled given name
or another spelling is the one person of the article it names ("Mr Kilroy-Silk" typed ORG,
"Dame Julie" beside "Julie Andrews", "Robert Kilroy Silk" beside "Robert Kilroy-Silk").

Last in ``people.group_entities``, because only the whole article says who is known by which
short or variant form."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.entities import names
from newsgraph.model import Entity

THING_TYPES = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})


def join_titled_surnames(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """A "thing" the text gives an honorific ("Mr Kilroy-Silk" typed ORG) is a person: the one
    person of the article with that surname, else a person of its own.

    Last, because spaCy types a surname differently mention by mention, and only the whole
    article says whose surname it is."""
    text = doc_text(doc)
    honorifics = {t for t, (kind, _g) in names.titles().items() if kind == "honorific"}
    persons = [e for e in entities if e.type == "PERSON"]
    out = []
    for ent in entities:
        titled = ent.type in THING_TYPES and " " not in ent.name and any(
            text[max(0, s - 12) : s].split()[-1:] and text[max(0, s - 12) : s].split()[-1] in honorifics
            for s, _e in ent.mentions)
        if titled:
            owners = [p for p in persons if names.parse(p.name).surname == ent.name]
            if len(owners) == 1:
                owner = owners[0]
                owner.mentions = sorted(set(owner.mentions) | set(ent.mentions))
                continue
            if not owners:
                ent.type = "PERSON"
        out.append(ent)
    return out


_NAMED_THING_TYPES = frozenset({"ORG", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})


def join_named_things(entities: list[Entity]) -> list[Entity]:
    """A person known only by a surname ("Mr McManus", "Hayes said") takes the full name that
    spaCy typed a thing ("JP McManus" ORG, "Philip French" ORG): one name of two or three words
    ending in that surname and led by a known given name, or by initials when a title says person.

    Last, with ``join_titled_surnames``: only the whole article says who is known by the surname
    alone. A surname that several such names end in, or that a person of the article already
    carries in full, is left alone."""
    out = list(entities)
    full_surnames = {names.parse(e.name).surname for e in entities if e.type == "PERSON" and " " in e.name}
    for person in [e for e in entities if e.type == "PERSON" and " " not in e.name and e.name not in full_surnames]:
        titled = any(a.split()[0] in names.titles() for a in person.aliases if " " in a)
        found = [e for e in out if e.type in _NAMED_THING_TYPES and 2 <= len(e.name.split()) <= 3
                 and e.name.split()[-1] == person.name and _leads_like_given_name(e.name.split()[0], titled)]
        if len(found) != 1:
            continue
        thing = found[0]
        person.aliases = list(dict.fromkeys([person.name, *person.aliases]))
        person.name = thing.name
        person.mentions = sorted(set(person.mentions) | set(thing.mentions))
        out.remove(thing)
    out.sort(key=lambda e: e.mentions[0])
    return out


def _leads_like_given_name(word: str, titled: bool) -> bool:
    """ "Philip", or "JP"/"J.P." when a title already says the surname is a person's."""
    initials = word.replace(".", "")
    return names.known_given_name(word) or titled and initials.isupper() and 1 <= len(initials) <= 3




FIRST_NAME_TITLES = frozenset({"Sir", "Dame"})
"""Titles written before a given name alone ("Sir Cameron", "Dame Julie"), unlike "Mr"/"Lord"."""


def absorb(owner: Entity, other: Entity) -> None:
    """``other``'s mentions, names and roles become ``owner``'s, in place."""
    owner.mentions = sorted(set(owner.mentions) | set(other.mentions))
    owner.aliases = [a for a in dict.fromkeys([*owner.aliases, other.name, *other.aliases]) if a != owner.name]
    owner.roles = list(dict.fromkeys([*owner.roles, *other.roles]))
    owner.gender = owner.gender or other.gender


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 12) : start].split()
    return words[-1] if words else ""


def join_titled_given_names(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """ "Dame Julie" (or a bare "Julie" the article also titles so) is the one person of the
    article whose full name starts with that given name ("Dame Julie Andrews"), even where the
    short form comes first (a headline): knights and dames are called by their given name."""
    text = doc_text(doc)
    persons = [e for e in entities if e.type == "PERSON"]
    out = []
    for ent in entities:
        if ent.type == "PERSON" and " " not in ent.name and any(
                _word_before(text, s) in FIRST_NAME_TITLES for s, _e in ent.mentions) or any(
                a.split()[0] in FIRST_NAME_TITLES and a.split()[1:] == [ent.name] for a in ent.aliases if " " in a):
            owners = [p for p in persons if p is not ent and len(p.name.split()) > 1
                      and names.parse(p.name).given[:1] == (ent.name,)]
            if len(owners) == 1 and (not owners[0].gender or not ent.gender or owners[0].gender == ent.gender):
                absorb(owners[0], ent)
                continue
        out.append(ent)
    return out


def _spelling_key(name: str) -> str:
    return " ".join(name.replace("-", " ").replace(".", " ").casefold().split())


_POSSESSIVES = ("'s", "\u2019s")


def join_spelling_variants(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """Two spellings of one name are one person: with and without a hyphen or dots ("Robert Kilroy
    Silk" / "Robert Kilroy-Silk"), and a surname whose final "s" went behind the apostrophe
    ("Mr Gate's" when the article names Bill Gates and nobody called Gate). The form written more
    often names the person, a hyphenated one first (a hyphen is dropped far more often than added)."""
    text = doc_text(doc)
    persons = [e for e in entities if e.type == "PERSON"]
    gone: set[int] = set()
    by_key: dict[str, Entity] = {}
    for ent in sorted(persons, key=lambda e: ("-" not in e.name, -len(e.mentions))):  # a hyphen is rarely added
        key = _spelling_key(ent.name)
        if key in by_key and " " in key:
            absorb(by_key[key], ent)
            gone.add(id(ent))
        else:
            by_key.setdefault(key, ent)
    surnames = {names.parse(e.name).surname: e for e in persons if " " in e.name and id(e) not in gone}
    for ent in persons:
        if " " in ent.name or id(ent) in gone or ent.name in surnames:
            continue
        owner = surnames.get(ent.name + "s")
        if owner is not None and sum(1 for e in persons if names.parse(e.name).surname == ent.name + "s") == 1 \
                and any(text.startswith(_POSSESSIVES, e) for _s, e in ent.mentions):
            absorb(owner, ent)
            gone.add(id(ent))
    for ent in persons:
        owner = _misspelt_surname_owner(ent, persons, gone)
        if owner is not None:
            absorb(owner, ent)
            gone.add(id(ent))
    return [e for e in entities if id(e) not in gone]


_LONG_SURNAME = 8
"""Letters a lone surname needs before a misspelling of it (edit distance 1–2) is read as it."""


def _misspelt_surname_owner(ent: Entity, persons: list[Entity], gone: set[int]) -> Entity | None:
    """ "Scrichapan said ..." in an article about Paradorn Srichaphan: a lone long word that is no
    given name, no common surname and no one's surname in the article, one or two letters from the surname of exactly one person named
    in full (same first letter, no other person's surname as near)."""
    name = ent.name
    if " " in name or id(ent) in gone or len(name) < _LONG_SURNAME or not name.isalpha() \
            or names.known_given_name(name) or name.lower() in names.word_set("names_common_surnames.txt", lower=True):
        return None  # "Williamson" beside Serena Williams is someone else
    surnames = {id(e): names.parse(e.name).surname for e in persons if " " in e.name and id(e) not in gone}
    if name in surnames.values():
        return None
    near = [e for e in persons if id(e) in surnames and surnames[id(e)][:1] == name[:1]
            and len(surnames[id(e)]) >= _LONG_SURNAME and _edit_distance(surnames[id(e)], name) <= 2]
    return near[0] if len(near) == 1 and (not near[0].gender or not ent.gender or near[0].gender == ent.gender) else None


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def join_lone_surnames(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """A surname alone ("De Niro"), or in the headline led by a word that is no given name
    ("Comic Morris" above "Chris Morris"), is the one person of the article named in full with that
    surname, when the grouping (which reads mentions in order) left it apart because it came
    first. Not a title of office ("President Clinton" is kept apart on purpose), not when the
    genders the text gives differ, not when two full names share the surname."""
    persons = [e for e in entities if e.type == "PERSON"]
    text = doc_text(doc)
    headline_end = text.find("\n") if "\n" in text.strip() else -1
    full = [e for e in persons if len(e.name.split()) > 1 and names.known_given_name(e.name.split()[0])]
    gone: set[int] = set()
    for ent in persons:
        words = ent.name.split()
        if len(words) > 2 or names.known_given_name(words[0]) and words[0].lower() not in names.particles():
            continue
        in_headline = all(e <= headline_end for _s, e in ent.mentions)
        forms = {ent.name, words[-1]} if in_headline and _descriptor_led(ent.name) else {ent.name}
        owners = [p for p in full if p is not ent and any(_ends_with(p.name, form) for form in forms)]
        titled = [a.split()[0] for a in ent.aliases if len(a.split()) > 1]
        if len(owners) != 1 or any(names.titles().get(t, ("", ""))[0] == "office" for t in titled) \
                or owners[0].gender and ent.gender and owners[0].gender != ent.gender:
            continue
        absorb(owners[0], ent)
        gone.add(id(ent))
    return [e for e in entities if id(e) not in gone]


def _ends_with(full: str, short: str) -> bool:
    """The full name's last words are the short form, and it has more words ("Robert De Niro", "De Niro")."""
    f, s = full.split(), short.split()
    return len(s) < len(f) and f[-len(s):] == s


def _descriptor_led(name: str) -> bool:
    """Two words, the first capitalised like a headline's descriptor and no one's given name ("Comic Morris")."""
    words = name.split()
    return len(words) == 2 and not names.known_given_name(words[0]) and words[0].lower() not in names.particles() \
        and words[0].isalpha() and len(words[0]) > 2
