"""Evidence for and against a PERSON entity: what says a person (a known given name, a title,
a pronoun, being coordinated with or in apposition to a person) and what says a thing (an
organisation noun in apposition, "X said it", a plural noun, a word the article writes in lower
case). spaCy sm types many organisations, brands and titles PERSON with no clue in the name
itself; these checks run once per grouped entity, after the mentions are resolved."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.analyse.base.data import work_nouns
from newsgraph.analyse.base.token_table import TokenTable, token_table
from newsgraph.analyse.base.tree_edges import tree_edges
from newsgraph.analyse.entities import names, places
from newsgraph.analyse.entities.entity_spans import person_context
from newsgraph.analyse.entities.person import Person

ARTICLES = frozenset({"The", "Le", "La", "Les", "Los", "Las", "El", "Il", "Der", "Die", "Das"})
"""A name of three or more words led by an article is a work's or a thing's ("Le Roi de Lahore")."""


def is_person(doc: Doc, p: Person, lower_words: set[str], org_texts: set[str], family_names: set[str]) -> bool:
    """Keep a PERSON only with some support. A lone word ("Brexit", "Diageo" in spaCy's eyes)
    needs a person's context, being named again, or a known given name ("Melanie said"); a
    name led by a word the article also writes in lower case ("Gender Equality", "Being
    Digital") needs context or a surname mention."""
    if len(p.name.split()) == 1 and p.mentions and all(m.title in ("Miss", "Mister") for m in p.mentions):
        return False  # "Miss Universe", "Miss America": a title, not a woman called Universe
    if len(p.name.split()) > 1 and places.lookup(p.name.split()[0]) is not None and ends_in_a_plural(doc, p):
        return False  # "Charlotte Panthers", "Minnesota Vikings": a place's team
    words = p.name.split()
    if len(words) == 2 and words[0] == words[1] or len(words) > 1 and words[0] in names.facility_words():
        return False  # "Duran Duran", "Talk Talk": a band; "Hotel Rwanda", "Museum Folkwang": a place or a work
    if len(p.name.split()) > 2 and p.name.split()[0] in ARTICLES:
        return False  # "Le Roi de Lahore", "The Man Who Knew": a title, not "Le Pen"
    if all(m.thing_like for m in p.mentions) and p.name.split()[0] not in names.given_names():
        return False  # "the Brexit vote", "The Da Vinci Code"
    if mostly_a_thing(p):
        return False  # "the new Ann Lee single ... the Ann Lee song ... said Ann Lee"
    if named_as_an_animal(doc, p):
        return False  # "their friend Wilbur the pig"
    if p.roles and all(organisation_role(r, lone_name=len(words) == 1 and not names.known_given_name(p.name))
                       for r in p.roles) and not any(m.title for m in p.mentions):
        return False  # "German music publisher Bertelsmann", "household products group X", "analysts X"
    if any(len(r.split()) <= 3 and r.lower().split()[-1] in names.org_roles() for r in p.roles) \
            and not any(m.title for m in p.mentions) and (len(p.name.split()) == 1 or p.gender == "-"):
        return False  # "marketing company Doubleclick, one of the leading providers ...", "media giant Vivendi Universal"
    if len(p.name.split()) > 1 and all(m.modifier for m in p.mentions):
        return False  # "Lib Dem leader Charles Kennedy": only ever modifying a noun
    if names_a_series(doc, p):
        return False  # "the next Ann Lee film", "past four Ann Lee films", "the Ann Lee franchise"
    words = p.name.split()
    first = words[0]
    if len(words) > 1 and not p.evidence and first.lower() in lower_words and first not in names.given_names() \
            and all(len(m.words) > 1 for m in p.mentions):
        return False
    if len(words) > 1 and unsupported_name(doc, p, lower_words, org_texts, family_names):
        return False
    if p.gender == "-" and not p.roles and not any(m.title or m.gender != "-" for m in p.mentions) \
            and not names.known_given_name(p.parts.first if p.parts.given else words[0]) \
            and (any(m.neuter for m in p.mentions) or all(m.plural for m in p.mentions)):
        return False  # "Pernod said it was seeking acquisitions", "many Britons believe"
    if p.gender == "-" and not any(m.title or m.gender != "-" for m in p.mentions) \
            and any(organisation_context(doc, m.start, m.end) for m in p.mentions):
        return False  # "Patriot Coal, one of the nation's largest coal companies, which ..."
    if (len(words) == 1 or not names.known_given_name(words[0])) and p.gender == "-" and not p.roles \
            and not any(m.title or m.roles or m.gender != "-" for m in p.mentions) \
            and any(plural_agreement(doc, m.end - 1) for m in p.mentions):
        return False  # "Chelsea have not played", "Snow Patrol were the big winners": a team or a band,
        # though teams play and bands sing like people
    if len(words) == 1 and not strong_evidence(doc, p, family_names, given_name=False) and (
            p.name in org_texts or any(m.thing_like or plural_agreement(doc, m.end - 1) for m in p.mentions)
            or places.lookup(p.name) is not None and used_as_a_modifier(doc, p.name)):
        return False  # "Chelsea" typed ORG too, "an Oscar", "Chester were", "the Valencia coach":
        # a given name is no evidence for a club or an award
    if len(words) == 1 and not strong_evidence(doc, p, family_names) and (
            p.name in org_texts or any(m.thing_like or m.neuter or coordinated_with_a_thing(doc, m.end - 1)
                                       for m in p.mentions) or used_as_a_modifier(doc, p.name)):
        return False  # "Twitter announced ... Twitter followers": a thing's name, nothing personal
    if p.evidence or len(p.mentions) > 1 or len(words) > 1:
        return True
    # A lone given name, once, with nothing personal: not when it starts an organisation's
    # name in the same article ("Walter Energy ... from Walter").
    return p.name in names.given_names() and not any(o.startswith(p.name + " ") for o in org_texts)


def organisation_role(role: str, *, lone_name: bool) -> bool:
    """A descriptor that makes the name after it an organisation's: a noun of organisations closes
    it and, in a longer one, no "of"/"at" or noun of a person's role says the name is a member's
    ("household products group X", not "reviews editor at Mac Format magazine X"); or, before one word no one bears as a given name (``lone_name``), a plural noun of
    people, which a firm of them is ("analysts Gartner", "pollsters X"; "ministers Ann and Bo" are two)."""
    words = role.lower().split()
    if not words or role.lower() in names.org_roles():
        return bool(words)  # "market leader"
    last = words[-1]
    if last in names.org_roles() and (len(words) <= 3 or not any(
            w in _ROLE_LINKS or w in names.person_roles() for w in words)):
        return True
    return lone_name and len(words) == 1 and last in FIRMS_OF_PEOPLE


FIRMS_OF_PEOPLE = frozenset({"analysts", "consultants", "pollsters", "researchers", "brokers", "stockbrokers",
                             "accountants", "auditors", "economists", "forecasters", "advisers", "advisors"})
"""Plural nouns of people that name a firm of them before its name ("analysts Gartner")."""


_ROLE_LINKS = frozenset({"of", "at", "for", "with", "from", "in", "and", "to"})


def mostly_a_thing(p: Person) -> bool:
    """Nothing personal (no title, role, gendered word) and at least three mentions, two in three of
    them after "the"/"a" or modifying a noun ("the Band Aid single", "a Mac Mini is"), as a
    product's, a work's or a group's name is used, a person's seldom."""
    if p.roles or p.gender != "-" or any(m.title or m.roles or m.gender != "-" for m in p.mentions):
        return False
    things = sum(m.thing_like or m.modifier for m in p.mentions)
    return len(p.mentions) >= 3 and 3 * things >= 2 * len(p.mentions)


ANIMAL_NOUNS = frozenset({"pig", "dog", "cat", "horse", "pony", "cow", "bull", "sheep", "goat", "donkey", "bear",
                          "lion", "tiger", "elephant", "rabbit", "mouse", "rat", "duck", "goose", "hen",
                          "parrot", "dolphin", "whale", "monkey", "gorilla", "panda", "hamster", "tortoise",
                          "fox", "owl", "penguin", "giraffe", "spider", "frog", "puppy", "kitten", "gerbil"})
"""Nouns of animals: "Wilbur the pig" names a pig."""


def named_as_an_animal(doc: Doc, p: Person) -> bool:
    """Some mention is followed by "the" and a noun of animals ("Wilbur the pig"), and none has a title."""
    t = token_table(doc)
    return not any(m.title for m in p.mentions) and any(
        m.end + 1 < t.n and t.lower[m.end] == "the" and t.lower[m.end + 1] in ANIMAL_NOUNS for m in p.mentions)


SERIES_NOUNS = frozenset({"franchise", "series", "saga", "sequel", "spin-off", "remake", "adaptation"})
"""Nouns of a run of works that a name modifies ("the Ann Lee franchise")."""


def names_a_series(doc: Doc, p: Person) -> bool:
    """Most mentions (at least two) modify a noun of works ("the next Ann Lee film", "two previous
    Ann Lee movies", "the Ann Lee franchise") and none has a title or a gendered word: the name is
    a series' or a character's brand, not a person the article is about (a director's "the new Ann
    Lee film" is outnumbered by what the article says of her)."""
    if any(m.title or m.gender != "-" for m in p.mentions):
        return False  # (a given name's gender is no evidence here: "the next James Hale film")
    t = token_table(doc)
    nouns = work_nouns() | SERIES_NOUNS
    series = sum(m.modifier and t.lemma[t.head[m.end - 1]].lower() in nouns for m in p.mentions)
    return series >= 2 and 2 * series > len(p.mentions)


def strong_evidence(doc: Doc, p: Person, family_names: set[str], *, given_name: bool = True) -> bool:
    """What a one-word name needs to be a person: a title, a role, a gendered pronoun or title,
    "who", an age or kin after it, a verb only people do ("Stalin deported"), a known given name
    (unless ``given_name`` is False: the article also types the word a thing), or the surname of
    someone named in full. Speaking is not enough: companies announce and papers say."""
    name = p.name
    if given_name and names.known_given_name(name) or name in family_names or p.roles or p.gender != "-":
        return True
    t = token_table(doc)
    verbs = names.person_verbs()
    return any(m.title or m.roles or m.gender != "-" or m.role_ahead or m.role_after
               or person_context(doc, m.start, m.end, speech=False)
               or t.dep[m.end - 1] in ("nsubj", "nsubjpass") and t.lemma[t.head[m.end - 1]].lower() in verbs
               or m.end < t.n and t.pos[m.end] == "VERB" and t.lemma[m.end].lower() in verbs
               for m in p.mentions)


def coordinated_with_a_thing(doc: Doc, k: int) -> bool:
    """ "Morning Consult and Rasmussen had similar numbers": coordinated with an organisation or a
    name of several words whose first no one bears as a given name."""
    t = token_table(doc)
    edges = tree_edges(doc)
    partners = [t.head[k]] if t.dep[k] == "conj" else []
    partners += [c for c in edges.children[k] if t.dep[c] == "conj"]
    return any(t.ent_type[c] in ("ORG", "PRODUCT") or t.pos[c] == "PROPN" and edges.left[c] < c
               and t.pos[edges.left[c]] == "PROPN" and not names.known_given_name(t.text[edges.left[c]])
               for c in partners)


_PLURAL_VERBS = frozenset({"are", "were", "have", "'re", "'ve"})


def plural_agreement(doc: Doc, k: int) -> bool:
    """ "Chester were bottom of the league": one name, the subject of a plural verb, is a team or
    a company in British usage, never one person (unless coordinated: "Cole and Lauren were")."""
    t = token_table(doc)
    if t.dep[k] not in ("nsubj", "nsubjpass") or t.tag[k] != "NNP":
        return False
    head = t.head[k]
    children = tree_edges(doc).children
    if any(t.dep[c] == "conj" for c in children[k]):
        return False
    verbs = [head, *(c for c in children[head] if t.dep[c] in ("aux", "auxpass") and c < head)]
    return t.tag[head] == "VBP" or any(t.lower[v] in _PLURAL_VERBS for v in verbs)  # "Bolton await"


def ends_in_a_plural(doc: Doc, p: Person) -> bool:
    """Every full mention ends in a plural proper noun ("Panthers")."""
    t = token_table(doc)
    full = [m for m in p.mentions if len(m.words) > 1]
    return bool(full) and all(t.tag[m.end - 1] == "NNPS" and t.text[m.end - 1].endswith("s") for m in full)


def used_as_a_modifier(doc: Doc, name: str) -> bool:
    """The word modifies a lower-case noun somewhere in the article ("Twitter followers", "the
    Firefox browser", "Linux push"): a brand or product, when nothing else says person."""
    found = doc.user_data.get(_MODIFIERS_KEY)
    if found is None:
        t = token_table(doc)
        found = doc.user_data[_MODIFIERS_KEY] = frozenset(
            t.text[k] for k in range(t.n) if t.dep[k] == "compound" and t.head[k] > k
            and t.pos[t.head[k]] == "NOUN" and t.is_lower[t.head[k]])
    return name in found


_MODIFIERS_KEY = "newsgraph_noun_modifiers"


def unsupported_name(doc: Doc, p: Person, lower_words: set[str], org_texts: set[str],
                      family_names: set[str]) -> bool:
    """A several-word "person" with nothing personal about it: no title, role, speech verb or
    pronoun, a first word no one is known to bear as a given name (gender-guesser), no person's
    name shape; and either never shortened to a surname, or with a word the article writes in
    lower case, or typed an organisation elsewhere: "Fancy Bear", "Morning Consult", "Cloud Atlas"."""
    if p.evidence or p.gender != "-" or any(m.gender != "-" for m in p.mentions):
        return False
    first = p.parts.first if p.parts.given else p.name.split()[0]
    if names.known_given_name(first) or names.name_shape_says_person(p.name):
        return False
    if any(linked_to_a_person(doc, m.start, m.end) for m in p.mentions) or p.parts.surname in family_names:
        return False  # ... or a relative of a named person ("Keith Scott" ... "Rakeyia Scott")
    initialled = [len(m.words) > 1 and len(m.words[0].rstrip(".")) == 1 for m in p.mentions]
    shortened = any(len(m.words) == 1 for m in p.mentions) or any(initialled) and not all(initialled)
    # ... to "Murphy", or to "G Murphy" beside "Geordan Murphy" (not "J. Crew" alone)
    return not shortened or p.name in org_texts \
        or any(w.lower() in lower_words for w in p.name.split())


def is_common_noun(t: TokenTable, k: int) -> bool:
    return t.pos[k] == "NOUN" and bool(t.is_lower[k]) and t.lemma[k] not in names.org_roles() \
        and t.text[k].capitalize() not in names.org_words()


def organisation_context(doc: Doc, i: int, j: int) -> bool:
    """The text treats the name as a thing: ", which" after it, or an appositive headed by an
    organisation noun ("Patriot Coal, one of the nation's largest coal companies", "Velvet
    Otter, a hacking group")."""
    t = token_table(doc)
    nxt = t.lower[j : j + 2]
    if nxt[:1] == ["which"] or nxt == [",", "which"]:
        return True
    org_roles = names.org_roles()
    children = tree_edges(doc).children
    if t.dep[j - 1] == "appos" and t.lemma[t.head[j - 1]].lower() in org_roles \
            or i >= 2 and t.text[i - 1] == "," and t.pos[i - 2] == "NOUN" and t.lemma[i - 2].lower() in org_roles:
        return True  # "a new company, Kissito (pronounced ...) Healthcare"
    for c in children[j - 1]:
        if t.dep[c] != "appos" or c < j:
            continue
        if t.lemma[c].lower() in org_roles:
            return True
        if t.lower[c] == "one" and any(t.lower[p] == "of" and any(
                t.dep[o] == "pobj" and t.lemma[o].lower() in org_roles for o in children[p])
                for p in children[c]):
            return True
    return False


def linked_to_a_person(doc: Doc, i: int, j: int) -> bool:
    """The parse puts the name beside a person: coordinated with a named person whose given name
    is known ("Maria McCambridge and Fionnualla Britton"), in apposition to a person noun or a
    nationality ("the daughter of Aung San, the Burmese leader", "another Ethiopian, Berhane
    Adera"), or the subject of "is the ... columnist"."""
    t = token_table(doc)
    children = tree_edges(doc).children
    root = j - 1
    head = t.head[root]
    partners = [head] if t.dep[root] == "conj" else []
    partners += [c for c in children[root] if t.dep[c] == "conj"]
    for k in partners:
        if t.ent_type[k] == "PERSON" and k > 0 and t.ent_type[k - 1] == "PERSON" \
                and names.known_given_name(t.text[k - 1]):
            return True
    if t.dep[root] == "appos" and (is_common_noun(t, head) or t.ent_type[head] == "NORP"):
        return True
    if any(t.dep[c] == "appos" and is_common_noun(t, c) for c in children[root]):
        return True
    return t.dep[root] == "nsubj" and t.lemma[head] == "be" and any(
        t.dep[c] == "attr" and is_common_noun(t, c) for c in children[head])
