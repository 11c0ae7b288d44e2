"""Joins over the article's finished entities: a person written as a thing, a titled given name
or another spelling is the one person of the article it names ("Mr Kilroy-Silk" typed ORG,
"Dame Julie" beside "Julie Andrews", "Robert Kilroy Silk" beside "Robert Kilroy-Silk").

Last in ``people.group_entities``, because only the whole article says who is known by which
short or variant form."""

from __future__ import annotations

import re

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
    if not owner.gender and other.gender:
        owner.gender, owner.gender_basis = other.gender, other.gender_basis


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
        owner = _misspelt_surname_owner(ent, persons, gone) or _titled_misspelling_owner(ent, persons, gone)
        if owner is not None:
            absorb(owner, ent)
            gone.add(id(ent))
    for ent in sorted(persons, key=lambda e: len(e.mentions)):
        owner = _variant_full_name_owner(text, ent, persons, gone)
        if owner is not None:
            absorb(owner, ent)
            gone.add(id(ent))
    return [e for e in entities if id(e) not in gone]


_VARIANT_MIN = 4
"""Letters a given name needs before another spelling of it one letter off is read as it ("Victor"/"Viktor")."""
_SURNAME_VARIANT_MIN = 6
"""Letters a surname needs before a spelling of it one letter off is read as it ("Cotterill"/"Cotterills")."""
_VARIANT_MENTIONS = 2
"""A variant spelling is written at most this often: two names each written often are two people."""


def _genders_fit(a: Entity, b: Entity) -> bool:
    return not a.gender or not b.gender or a.gender == b.gender


def _variant_full_name_owner(text: str, ent: Entity, persons: list[Entity], gone: set[int]) -> Entity | None:
    """ "Victor Makarov" quoted in an article about Viktor Makarov, "Steve Cotterills' Clarets" beside
    Burnley boss Steve Cotterill: a full name written at most twice whose given name is one letter
    off another full name's (same surname), or whose surname is (same given name; long surnames, or
    an "s" before the apostrophe) is that person's: one article does not name two people so alike."""
    if id(ent) in gone or len(ent.name.split()) != 2 or len(ent.mentions) > _VARIANT_MENTIONS:
        return None
    mine = names.parse(ent.name)
    if mine.family_first or not mine.given:
        return None
    near = []
    for other in persons:
        if other is ent or id(other) in gone or len(other.name.split()) != 2 or not _genders_fit(ent, other) \
                or (len(other.mentions), -other.mentions[0][0]) < (len(ent.mentions), -ent.mentions[0][0]):
            continue  # the spelling written more often (or first) names the person
        theirs = names.parse(other.name)
        if theirs.family_first or not theirs.given:
            continue
        a, b = mine.first, theirs.first
        if mine.surname == theirs.surname:
            if a != b and a[0] == b[0] and min(len(a), len(b)) >= _VARIANT_MIN and _edit_distance(a, b) == 1 \
                    and names.gender_of(a) in ("-", names.gender_of(b)):
                near.append(other)
        elif a == b and mine.surname[:1] == theirs.surname[:1] and _edit_distance(mine.surname, theirs.surname) == 1 \
                and _surname_variant(text, ent, mine.surname, theirs.surname):
            near.append(other)
    return near[0] if len(near) == 1 else None


def _surname_variant(text: str, ent: Entity, mine: str, theirs: str) -> bool:
    """``mine`` (one letter off ``theirs``) is a spelling of it: a long surname, or an "s" that went
    before the apostrophe ("Cotterills' Clarets"); not a plural ("We can't all be Wayne Rooneys")."""
    if mine == theirs + "s" or theirs == mine + "s":
        return mine == theirs + "s" and all(text.startswith("'", e) for _s, e in ent.mentions)
    return min(len(mine), len(theirs)) >= _SURNAME_VARIANT_MIN


def _titled_misspelling_owner(ent: Entity, persons: list[Entity], gone: set[int]) -> Entity | None:
    """ "Mr Tracey" in an article about David Treacy ("Mr Treacy"): a surname only ever written
    after an honorific, that nobody of the article bears, with the letters of exactly one
    person's surname (named in full, of a fitting gender) one letter off or two swapped; a shorter
    surname only with a doubled letter written once ("Mr Barot" of Jacques Barrot) or an "h" after a
    consonant left out ("Ms Chada" of Anita Chadha)."""
    name = ent.name
    if " " in name or id(ent) in gone or len(name) < _DOUBLED_MIN or not name.isalpha():
        return None
    honorifics = {t for t, (kind, _g) in names.titles().items() if kind == "honorific"} - FIRST_NAME_TITLES
    titled = [a for a in ent.aliases if a.split()[-1] == name and a.split()[0] in honorifics]
    if not titled or len(titled) != len([a for a in ent.aliases if a.split()[-1] == name]):
        return None
    gender = {"m": "male", "f": "female"}.get(names.titles()[titled[0].split()[0]][1])
    surnames = {id(e): names.parse(e.name).surname for e in persons if " " in e.name and id(e) not in gone}
    if name in surnames.values():
        return None
    short = len(name) < _SURNAME_VARIANT_MIN
    near = [e for e in persons if id(e) in surnames and surnames[id(e)][:1] == name[:1]
            and (_one_letter_undoubled(surnames[id(e)], name) or _h_left_out(surnames[id(e)], name) if short else
                 _edit_distance(surnames[id(e)], name) == 1
                 or sorted(surnames[id(e)]) == sorted(name) and _edit_distance(surnames[id(e)], name) == 2)
            and (not gender or not e.gender or e.gender == gender)]
    return near[0] if len(near) == 1 else None


_DOUBLED_MIN = 4
"""Letters a titled surname needs before a doubled letter written once is read as a misspelling."""


def _one_letter_undoubled(a: str, b: str) -> bool:
    """One of the two is the other with a doubled letter written once ("Barrot"/"Barot")."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return len(long) == len(short) + 1 and any(
        long[k] == long[k - 1] and long[:k] + long[k + 1 :] == short for k in range(1, len(long)))


def _h_left_out(full: str, short: str) -> bool:
    """``short`` is ``full`` with one "h" after a consonant left out, as transliterations differ
    ("Chadha"/"Chada", "Bhatia"/"Batia"); ``short`` of at least ``_DOUBLED_MIN`` letters."""
    return len(full) == len(short) + 1 and len(short) >= _DOUBLED_MIN and any(
        full[k] == "h" and full[k - 1].lower() not in "aeiouh" and full[:k] + full[k + 1 :] == short
        for k in range(1, len(full)))


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
        peer = len(words) == 2 and words[0] in names.PEER_RANKS
        if len(words) > 2 or names.known_given_name(words[0]) and words[0].lower() not in names.particles() and not peer:
            continue
        in_headline = all(e <= headline_end for _s, e in ent.mentions)
        forms = {ent.name, words[-1]} if in_headline and _descriptor_led(ent.name) else {ent.name}
        owners = [p for p in full if p is not ent and (any(_ends_with(p.name, form) for form in forms)
                                                       or peer and _ends_with(p.name, words[-1]) and _a_peer(p))]
        titled = [a.split()[0] for a in ent.aliases if len(a.split()) > 1]
        if len(owners) != 1 or any(names.titles().get(t, ("", ""))[0] == "office" for t in titled) \
                or owners[0].gender and ent.gender and owners[0].gender != ent.gender:
            continue
        absorb(owners[0], ent)
        gone.add(id(ent))
    return [e for e in entities if id(e) not in gone]


def _a_peer(p: Entity) -> bool:
    """The article also calls the person by a peer's title ("Lord Kinnock"): "Baron Kinnock" is them,
    where "Baron Davis" beside another Davis is a given name."""
    return any(a.split()[0] in names.PEER_RANKS for a in p.aliases if len(a.split()) > 1)


def _ends_with(full: str, short: str) -> bool:
    """The full name's last words are the short form, and it has more words ("Robert De Niro", "De Niro")."""
    f, s = full.split(), short.split()
    return len(s) < len(f) and f[-len(s):] == s


def _descriptor_led(name: str) -> bool:
    """Two words, the first capitalised like a headline's descriptor and no one's given name ("Comic Morris")."""
    words = name.split()
    return len(words) == 2 and not names.known_given_name(words[0]) and words[0].lower() not in names.particles() \
        and words[0].isalpha() and len(words[0]) > 2


_BIRTH_NAME = re.compile(r"(?<![\w-])(?:[Bb]orn(?: as)?|n[ée]e|(?:whose\s+)?(?:real|birth|given) name(?:\s+(?:is|was)|:|,)?)\s+$")
"""What comes right before a name someone was born with or goes by off stage: "born", "née", "real name",
"whose real name is", "real name:"."""
_BEFORE_BIRTH_NAME = re.compile(r"[\w-]{0,3}\s*(?:[,(]|[-–—])?\s*(?:(?:was|is)\s+)?$")
"""Between the person's name and the birth name's phrase: "Jay-Z, real name", "Ann (née", "Ann was born"."""
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)$")


def join_birth_names(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """A name the text gives as someone's birth or real name ("Snoop Dogg - real name Calvin Broadus",
    "Jane Doe (née Smith)", "Born Jocelyn Stoker, the Devon diva ...") is another name of that person,
    not a person of its own: the person named right before the phrase, or, when "Born" opens the
    sentence, the person the article named last (of a gender that fits)."""
    text = doc_text(doc)
    persons = [e for e in entities if e.type == "PERSON"]
    starts = sorted((s, e, p) for p in persons for s, e in p.mentions)
    gone: set[int] = set()
    for ent in persons:
        owner = None
        for s, _e in ent.mentions:
            phrase = _BIRTH_NAME.search(text, max(0, s - 30), s)
            if phrase is None:
                continue
            before = [(ms, me, p) for ms, me, p in starts if me <= phrase.start() and p is not ent and id(p) not in gone]
            if not before:
                continue
            ms, me, p = before[-1]
            if _BEFORE_BIRTH_NAME.fullmatch(text, me, phrase.start()) and "\n" not in text[me:phrase.start()]:
                owner = p
            elif _SENTENCE_OPENING.search(text, max(0, phrase.start() - 4), phrase.start()) and text[phrase.start()] == "B" \
                    and _genders_fit(p, ent):
                owner = p  # "... Ms Stone is due to perform. Born Jocelyn Stoker, the Devon diva ..."
            if owner is not None:
                break
        if owner is not None:
            absorb(owner, ent)
            gone.add(id(ent))
    return [e for e in entities if id(e) not in gone]


_GIVEN_SYLLABLE = 6
"""Letters of one given-name syllable written after a family name ("Kay Peng", "Chee Hwa")."""


def join_family_name_first(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """ "Dr Khoo Kay Peng ... Dr Khoo": a family name written first, which the text also gives with an
    honorific alone, and the given names after it that spaCy took for a name of their own are one
    person, named in full ("Khoo Kay Peng"); the given names alone are nobody."""
    text = doc_text(doc)
    honorifics = {t for t, (kind, _g) in names.titles().items() if kind == "honorific"} - FIRST_NAME_TITLES
    titled_single = {e.name: e for e in entities if e.type == "PERSON" and " " not in e.name
                     and any(a.split()[0] in honorifics and a.split()[1:] == [e.name] for a in e.aliases if " " in a)}
    gone: set[int] = set()
    for ent in entities:
        if ent.type != "PERSON" or not 2 <= len(ent.name.split()) <= 3 or not ent.mentions:
            continue
        s, e = ent.mentions[0]
        words = text[max(0, s - 40):s].split()
        family = names.strip_possessive(words[-1]) if words else ""
        owner = titled_single.get(family)
        if owner is None or id(owner) in gone or not text[:s].endswith(family + " ") or len(words) < 2 \
                or words[-2] not in honorifics or names.known_given_name(family) \
                or any(len(w) > _GIVEN_SYLLABLE for w in ent.name.split()):
            continue
        owner.aliases = list(dict.fromkeys([owner.name, *owner.aliases]))
        owner.name = f"{family} {ent.name}"
        owner.mentions = sorted(set(owner.mentions) | {(s - len(family) - 1, e)} | set(ent.mentions[1:]))
        owner.roles = list(dict.fromkeys([*owner.roles, *ent.roles]))
        gone.add(id(ent))
    return [e for e in entities if id(e) not in gone]


_SPEAKER_LABEL = re.compile(r"^\W{0,3}([A-Z][A-Z'’-]{2,})\s?:", re.M)


def _label_case(label: str) -> str:
    return re.sub(r"[A-Z]+", lambda m: m.group().capitalize(), label)


def _vocative(text: str, start: int, end: int) -> bool:
    """ "…, Chris." / "…, Chris?": a name said to the listener, set off by a comma."""
    return text[max(0, start - 2) : start] == ", " and text[end : end + 1] in {".", ",", "?", "!"}


def join_transcript_host(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """In a transcript of speaker labels ("WALLACE: …", "PENCE: …") a lone given name said to the
    speaker of the turn before (", Chris.") is that speaker, whose all-caps label is a surname:
    one person "Chris Wallace", the label's entity joined in. Only when every mention of the given
    name is such a vocative to one label, the article names nobody else of that given name in full,
    and nobody of that surname in full."""
    text = doc_text(doc)
    labels = [(m.start(1), m.group(1)) for m in _SPEAKER_LABEL.finditer(text)]
    if len({word for _pos, word in labels}) < 2:
        return entities
    persons = [e for e in entities if e.type == "PERSON"]
    out = list(entities)
    for given in [e for e in persons if " " not in e.name and not e.name.isupper() and names.known_given_name(e.name)]:
        if any(" " in p.name and p.name.split()[0] == given.name for p in persons):
            continue
        addressed = {_addressed_label(labels, s) if _vocative(text, s, e) else None for s, e in given.mentions}
        label = addressed.pop() if len(addressed) == 1 else None
        if label is None or any(" " in p.name and names.parse(p.name).surname.upper() == label for p in persons):
            continue
        host = next((p for p in persons if p.name == label and p in out), None)
        given.aliases = list(dict.fromkeys([given.name, *given.aliases, *([label] if host else [])]))
        given.name = f"{given.name} {_label_case(label)}"
        if host is not None:
            given.mentions = sorted(set(given.mentions) | set(host.mentions))
            given.roles = list(dict.fromkeys([*given.roles, *host.roles]))
            out.remove(host)
    return out


def _addressed_label(labels: list[tuple[int, str]], start: int) -> str | None:
    """The label of the turn before the one ``start`` is in, if another speaker's."""
    before = [word for pos, word in labels if pos < start]
    if not before:
        return None
    current = before[-1]
    return next((word for word in reversed(before) if word != current), None)
