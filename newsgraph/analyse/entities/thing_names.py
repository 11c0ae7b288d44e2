"""Names shaped like a person's that the sentence shows are a thing's: an example of works or
firms ("titles such as Fifa and Ann Lee"), a day or prize named after people ("Free Ann and Bo
Day"), a name the article also gives a work or a firm, an acronym spelt out after it.

Read by ``people.group_mentions`` (the sentence around one span) and ``people.keep_people``
(all of a grouped person's mentions), before anything is called a person: the evidence a reader
uses is the noun the name is an example of, the word that closes the name, and the lack of
anything only a person has (a title, a role, a pronoun, speech).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.analyse.base.data import work_nouns
from newsgraph.analyse.base.token_table import TokenTable, token_table
from newsgraph.analyse.entities import names, places
from newsgraph.analyse.entities.evidence import SERIES_NOUNS, organisation_context
from newsgraph.analyse.entities.name_spans import POSSESSIVE_TOKENS, cap, place_context
from newsgraph.analyse.entities.person import Person
from newsgraph.model import Entity

EXAMPLE_OPENERS = frozenset({"like", "including"})
"""Words that open examples of the noun right before them ("groups like X", "brands including X";
"such as"), or after a comma of a plural ("films, including X"), not of one group ("the all-party
group, including Ann Lee" names its members)."""
THING_HEADS = frozenset({"title", "product", "console", "device", "gadget", "service", "programme",
                         "program", "show", "franchise", "format", "technology", "port", "brand"})
"""Nouns of things (besides works and organisations) whose examples are no people."""
WORK_HEADS = frozenset({"hit", "track", "tune", "smash", "favourite"})
"""Nouns of works besides ``work_nouns()`` whose examples are titles ("hits such as Ann Lee")."""
EVENT_HEADS = frozenset({"battle", "war", "campaign", "siege", "offensive", "uprising", "revolution",
                         "tournament", "championship", "race", "match", "final", "festival", "disaster"})
"""Nouns of events whose examples are events ("battles, including Guadalcanal and Pearl Harbour")."""
LISTED_FIRM_HEADS = frozenset({"brand", "label", "product"})
"""Nouns whose listed examples are brands or firms ("its brands include Bass, Ann Lee and Fizzo")."""
PEOPLES_HEADS = frozenset({"leader", "giant", "body"})
"""Organisation nouns that name people too ("leaders such as Ann Lee", "media giants like Ann Lee")."""
EVENT_WORDS = frozenset({"Day", "Week", "Night", "Lecture", "Memorial", "Awards", "Prize", "Cup", "Trophy",
                         "Festival"})
"""Capitalised words that close the name of a day, an event or a prize ("Free Ann and Bo Day")."""
_EVENT_RUN = 6
"""Tokens after a name within which the closing event word is looked for."""


def example_of_things(t: TokenTable, i: int, j: int) -> str | None:
    """ "titles such as Fifa and Ann Lee", "hits such as Ann Lee", "groups like Ann Lee", "battles,
    including Ann Lee": the name (or a name it is coordinated with) is an example of a noun of works,
    organisations or events, or the sentence says it is a work ("Ann Lee is an enchanting book",
    ``said_to_be_a_work``); the label that noun gives (WORK_OF_ART, ORG or EVENT), else None. Not
    "stars like Ann Lee"."""
    if said_to_be_a_work(t, i, j):
        return "WORK_OF_ART"
    listed = listed_works_head(t, i, j)
    if listed is not None:
        lemma = t.lemma[listed].lower()
        if lemma in LISTED_FIRM_HEADS:
            return "ORG"
        return "WORK_OF_ART" if lemma in work_nouns() or lemma in WORK_HEADS else "EVENT"
    if in_a_works_title(t, i, j) or released_by_a_firm(t, i, j) or acted_in(t, i, j):
        return "WORK_OF_ART"
    k = j - 1
    if t.dep[k] == "compound" and t.head[k] > k and t.pos[t.head[k]] == "NOUN":
        k = t.head[k]  # "products like Acme cookies and sugary Zingo drinks": the brand names the thing
    while t.dep[k] == "conj" and t.head[k] < k:
        k = t.head[k]
    prep = t.head[k]
    if t.dep[k] != "pobj" or not (t.lower[prep] in EXAMPLE_OPENERS or t.lower[prep] == "as" and prep > 0
                                   and t.lower[prep - 1] == "such"):
        return None
    noun = t.head[prep]
    if t.lower[noun] == "such" and t.head[noun] != noun:
        noun = t.head[noun]
    opener = prep - 1 if t.lower[prep] == "as" else prep
    if t.pos[noun] != "NOUN" or noun >= i or not (opener == noun + 1 or opener == noun + 2
                                                   and t.text[noun + 1] == "," and t.tag[noun] == "NNS"):
        return None  # "the group, like Ann Lee, ...", "the group, including Ann Lee" are no examples
    lemma = t.lemma[noun].lower()
    if lemma in work_nouns() or lemma in WORK_HEADS:
        return "WORK_OF_ART"
    if lemma in EVENT_HEADS:
        return "EVENT"
    if (lemma in names.org_roles() or lemma in THING_HEADS) and lemma not in PEOPLES_HEADS:
        return "ORG"
    return None


_LIST_WORDS = frozenset({",", "and", "&", "of", "the", "a", "in", "on", "to", "'s", "’s", "'", ":", "-", "!", "?"})
"""Lower-case words and marks a list of titles holds between its capitalised words ("Shaun of the Dead")."""
_LIST_RUN = 30
_INCLUDE_AUX = frozenset({"have", "has", "had", "will", "would", "also"})


def listed_works_head(t: TokenTable, i: int, j: int) -> int | None:
    """ "hits such as Come Tomorrow and Ann Lee", "films, including Jungle Fire, Summer of Ann",
    "whose films include Blue List, Ann Lee and Star Roads": the name stands in an unbroken list of
    titles (capitalised words, numbers and the small words titles hold) that a noun of works or
    events opens; that noun's token, else None. Read on the tokens, not the parse, which often
    hangs a list of titles on the wrong word. Not the author of a title ("films such as Ann Lee's Blue")."""
    if j < t.n and t.text[j] in POSSESSIVE_TOKENS or any(t.text[k].endswith(".") for k in range(i, j)):
        return None  # (nor a name run over a sentence's end: "and Malcolm X. Ann Lee, the daughter")
    k = i - 1
    while k > 0 and i - k < _LIST_RUN and (cap(t, k) or t.like_num[k] or t.lower[k] in _LIST_WORDS) \
            and not t.sent_start[k]:
        k -= 1
    if t.lower[k] == "as" and t.lower[k - 1] == "such":
        noun = k - 2
    elif t.lower[k] in ("including", "like"):
        noun = k - 1
    elif t.lemma[k] == "include":
        noun = k - 1
        while noun > 0 and t.lower[noun] in _INCLUDE_AUX:
            noun -= 1
        if t.dep[noun] != "nsubj":
            return None  # "whose films include"; not "Nominees for best film include"
    else:
        return None
    if noun > 0 and t.text[noun] == "," and t.tag[noun - 1] == "NNS":
        noun -= 1  # "films, including ..."
    if noun < 0 or t.pos[noun] != "NOUN":
        return None
    lemma = t.lemma[noun].lower()
    return noun if lemma in work_nouns() or lemma in WORK_HEADS or lemma in EVENT_HEADS \
        or lemma in LISTED_FIRM_HEADS else None


_TITLE_RUN = 8
_WORK_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "new", "latest"})


def in_a_works_title(t: TokenTable, i: int, j: int) -> bool:
    """ "in the teen comedy Ann and Bo's Big Day": the name stands in a run of capitalised words
    (and the small words titles hold) right after "the" (and lower-case modifiers) and a noun of
    works, and the run goes on after the name with a capitalised word no one is named by: the
    title holds the name. Not "the film Ann Lee directed", "the film director Ann Lee"."""
    k = i - 1
    while k > 0 and i - k < _TITLE_RUN and (cap(t, k) or t.like_num[k] or t.lower[k] in _LIST_WORDS) \
            and t.lower[k] != "the" and not t.sent_start[k]:
        k -= 1
    if not t.is_lower[k] or t.pos[k] != "NOUN" or t.lemma[k].lower() not in work_nouns() or k + 1 < i and t.text[k + 1] == ",":
        return False
    m = k - 1
    while m > 0 and k - m < 4 and t.is_lower[m] and t.pos[m] in ("ADJ", "NOUN") and t.lower[m] not in _WORK_OPENERS:
        m -= 1
    if t.lower[m] not in _WORK_OPENERS and t.dep[m] != "poss":
        return False
    nxt = j + 1 if j < t.n and t.text[j] in POSSESSIVE_TOKENS else j
    return nxt < t.n and cap(t, nxt) and bool(t.is_alpha[nxt]) and t.ent_type[nxt] != "PERSON" and not t.sent_start[nxt] \
        and not names.known_given_name(t.text[nxt])


def released_by_a_firm(t: TokenTable, i: int, j: int) -> bool:
    """ "Universal, which released nominee Ann": a one-word name that a firm ("which", or a name
    typed an organisation) releases is a film's or a record's (people are released by captors, not
    "which"). Not "Ann Lee", "who ..." after it."""
    k = j - 1
    if t.dep[k] == "appos" and t.head[k] == k - 1:
        k -= 1  # "released nominee Ann", the noun read as the object
    if j - i != 1 or t.dep[k] != "dobj" or t.lemma[t.head[k]].lower() != "release" or t.lower[j : j + 1] == ["who"]:
        return False
    verb = t.head[k]
    return any(t.head[s] == verb and t.dep[s] == "nsubj" and (t.lower[s] == "which" or t.ent_type[s] == "ORG")
               for s in range(max(0, verb - 8), verb))


_ACTING_WORDS = frozenset({"play", "star", "portray", "role", "cameo"})


def acted_in(t: TokenTable, i: int, j: int) -> bool:
    """ "for playing Bo Lee in Ann", "her role in Ann": a one-word name right after "in" that one plays
    a named part, stars or has a role in is a film's or a play's (not "Ann's", not "in the League")."""
    k = j - 1
    if j - i != 1 or t.dep[k] != "pobj" or t.head[k] != i - 1 or t.lower[i - 1] != "in" \
            or j < t.n and t.text[j] in POSSESSIVE_TOKENS:
        return False
    head = t.head[t.head[k]]
    if t.dep[head] == "dobj" and t.ent_type[head] == "PERSON":
        head = t.head[head]  # "playing Bo Lee in Ann": the "in" hung on the part played
    lemma = t.lemma[head].lower()
    if lemma == "play" and not any(t.head[o] == head and t.dep[o] == "dobj" and cap(t, o) for o in range(head + 1, i)):
        return False  # "played in Ann last season" (a club's town), "playing week in and week out in the
        # League": only a part played (a name) says a film
    return lemma in _ACTING_WORDS and head < i


def said_to_be_a_work(t: TokenTable, i: int, j: int) -> bool:
    """ "Ann Lee is an enchanting book", "Ann Lee was his first film": the name is the subject of
    "be" whose complement is a noun of works (not "Ann Lee is the film's star")."""
    k = j - 1
    if t.dep[k] not in ("nsubj", "nsubjpass"):
        return False
    verb = t.head[k]
    if t.lemma[verb] != "be" or verb != j:
        return False  # the verb right after the name: not "Ann Lee, who wrote it, is ..."
    for attr in range(verb + 1, min(t.n, verb + 6)):
        if t.dep[attr] == "attr" and t.head[attr] == verb:
            return t.pos[attr] == "NOUN" and t.lemma[attr].lower() in work_nouns() \
                and not any(t.text[c] in ("'s", "’s") for c in range(verb + 1, attr))
    return False


def event_name_end(t: TokenTable, j: int) -> int | None:
    """ "as Free Ann and Bo Day", "the Ann Lee Memorial": the name runs on (over "and" and
    capitalised words no one is named by) to a word that closes a day's, an event's or a prize's
    name; the end of that longer name, else None."""
    for k in range(j, min(t.n, j + _EVENT_RUN)):
        word = t.text[k]
        if word in EVENT_WORDS and not t.sent_start[k]:
            return k + 1 if k > j or t.is_title[k] else None
        if t.ent_type[k] == "PERSON" or not (word in ("and", "&") or t.is_title[k] and t.is_alpha[k]):
            return None
    return None


PERSON_NOUN_WORDS = frozenset({"Man", "Woman", "Boy", "Girl", "Men", "Women", "Boys", "Girls"})
"""Capitalised nouns for a person that close a title's name ("Mr Drum Man", "Rain Man"), not a surname."""


def cut_from_a_title(t: TokenTable, i: int, j: int, words: list[str]) -> int | None:
    """ "and Ould Ferri Syne,", "produced Mr Drum Man for": a name led by no given name that closes
    with a noun for a person after a title, or led by no given name that a capitalised word no one is named by runs into mid-sentence
    (spaCy typed it with the name or left it out), is cut from a longer capitalised title; the title's start, else None."""
    if len(words) > 1 and words[-1] in PERSON_NOUN_WORDS and not names.known_given_name(words[0]) \
            and i > 0 and t.text[i - 1] in names.titles():
        return i - 1  # (not "reggae artist Zappo Man", a stage name)
    k = i - 1
    if k < 1 or names.known_given_name(words[0]) or t.sent_start[k] or not (t.is_title[k] and t.is_alpha[k]) or t.ent_type[k] not in ("", "PERSON") \
            or t.text[k] in names.titles() or names.known_given_name(t.text[k]) \
            or t.lower[k] in names.person_roles() or t.is_title[k - 1] or t.pos[k] != "PROPN":
        return None
    return k


_CALLING_WORDS = frozenset({"called", "titled", "entitled", "named"})
_QUOTE_MARKS = frozenset({"'", '"', "‘", "“", "`", "``"})


def called_title_start(t: TokenTable, i: int) -> int | None:
    """ "a documentary called 'No More Mr Ann Lee'", "the film titled The Ann Lee Story": the name
    ends a run of capitalised words (or marks) right after "called" and a noun of works; the start
    of the work's title, else None."""
    k = i - 1
    while k > 0 and i - k < 8 and (t.is_title[k] or t.text[k] in _QUOTE_MARKS):
        k -= 1
    if t.lower[k] not in _CALLING_WORDS or k == 0:
        return None
    noun = t.head[k] if t.head[k] < k else k - 1
    if t.lemma[noun].lower() not in work_nouns():
        return None
    start = k + 1
    while start < i and t.text[start] in _QUOTE_MARKS:
        start += 1
    return start


def inside_a_work(text: str, p: Person, things: list[Entity]) -> bool:
    """Every mention lies inside a longer name of a work the article gives ("No More Mr Ann Lee is
    shown on Saturday" after "a documentary called 'No More Mr Ann Lee'"), whatever title it bears."""
    works = [w.name for w in things if w.type == "WORK_OF_ART" and len(w.name) > len(p.name)]
    return bool(works) and all(any(
        start <= m.char_start and m.char_end <= start + len(work)
        for work in works for start in (found.start() for found in re.finditer(re.escape(work), text)))
        for m in p.mentions)


def no_person_evidence(p: Person) -> bool:
    """Nothing in the text says person: no title, role, descriptor, gendered word or pronoun, no
    person's context ("who", an age, speech)."""
    return not p.evidence and not p.roles and not any(m.title or m.roles or m.gender != "-" for m in p.mentions)


def named_as_a_thing(text: str, p: Person, things: list[Entity]) -> bool:
    """A "person" with no person evidence whose name the article also gives a work, a firm or an
    event ("Maria Full" typed both), or each of whose mentions is cut from such a name ("Los
    Caballeros de Plan" + " G"), or an acronym the text spells out after it ("WEEE (Waste
    Electrical and Electronic Equipment)"), a roman numeral ("XV"), a robot or a prize
    (``robot_or_prize``)."""
    if " " not in p.name and all(spelt_out(text, m.char_end, p.name) for m in p.mentions) \
            and not any(m.title or m.gender != "-" for m in p.mentions):
        return True  # a descriptor ("a directive, WEEE (...)") is no person's evidence here
    if inside_a_work(text, p, things) or roman_numeral(p.name):
        return True  # "in the starting XV": a numeral, no one's name (and no firm's)
    if not p.roles and not any(m.title or m.roles or m.gender != "-" for m in p.mentions) and robot_or_prize(text, p):
        return True
    if " " not in p.name and not names.known_given_name(p.name) and not p.roles and not any(m.title or m.roles or m.gender != "-" for m in p.mentions) \
            and any(thing.type == "ORG" and thing.name.endswith(" " + p.name) for thing in things):
        return True  # "Twentieth Century Fox ... If Fox decided": the firm's short name (a verb is no
        # evidence); not "Elvis" beside a mistyped "European Elvis"
    personal = bool(p.roles) or any(m.title or m.roles or m.gender != "-" for m in p.mentions)
    if not personal and (" " in p.name or not names.known_given_name(p.name)) \
            and any(thing.type == "WORK_OF_ART" and thing.name == p.name for thing in things):
        return True  # "Ann Lee is an enchanting book ... Ann Lee tells the story of", "hit comedy Zog ...
        # Zog returned": a verb is no evidence
    if not no_person_evidence(p):
        return False
    for thing in things:
        if thing.type in _PLACE_LABELS:  # "succeed in Norwich ... if you come to Norwich"
            if thing.name == p.name and " " not in p.name:
                return True
        elif thing.name == p.name and (thing.type != "ORG" or not names.known_given_name(p.name.split()[0])) \
                or all(text.startswith(thing.name, m.char_start) and len(thing.name) > len(p.name) for m in p.mentions):
            return True  # (spaCy types many a person ORG once: "Ann Lee" typed both is no firm for that)
    return False


_PLACE_LABELS = frozenset({"GPE", "LOC"})
_INNER_CAPITAL = re.compile(r"^([A-Z][a-z]+)[A-Z][a-z]")
_NAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St", "Fitz", "Al", "El"})
"""Prefixes after which a name has a capital inside ("McDonald", "DiCaprio", "LeBron")."""


def shaped_or_said_as_a_thing(doc: Doc, p: Person) -> bool:
    """A "person" with no person evidence whose name is shaped like a thing's, or whom the text
    treats as one: several words ending in a plural ("Lib Dems"), a word with a capital inside that
    no name prefix explains ("PlayStation"), a kin noun first ("Wife Swap": "Uncle" is a title), a
    known place in a place's context; or, with nothing but a verb for it, "the" before a name led by
    no given name ("the Lib Dems say"), or twice ", which" or an organisation noun in apposition
    (``evidence.organisation_context``), which a given name does not outweigh ("Laura Ashley,
    which is due to report"), or three names none of them a given name (``_founders_names``)."""
    said_of_things = sum(organisation_context(doc, m.start, m.end) for m in p.mentions)
    words = p.name.split()
    t = token_table(doc)
    if not p.roles and not any(m.title or m.roles or m.gender != "-" for m in p.mentions) and (
            said_of_things >= 2 or not names.known_given_name(words[0]) and (
                len(words) > 1 and sum(m.thing_like for m in p.mentions) * (2 if p.evidence else len(p.mentions))
                >= len(p.mentions) or any(_based(t, m.start) for m in p.mentions)
                or _founders_names(p.name))):
        return True  # twice ", which"; "the Lib Dems say"; "Santa Monica-based Activison is said to be a firm":
        # more than a verb a firm shares with people
    if not p.roles and not any(m.title or m.roles or m.gender != "-" for m in p.mentions) and any(
            said_as_a_firm(t, m.start, m.end, given=names.known_given_name(words[0]))
            or law_title_end(t, m.end) or owns_a_work_title(t, m.end) for m in p.mentions):
        return True  # "shares in GW Pharma", "Illva Saronno has agreed to buy 33% of Ann Lee Wines",
        # "Lord X's Ann to the Crown Bill", "a remake of Ann Lee's Schooldays"
    if not any(m.title or m.gender != "-" for m in p.mentions) and all(r.lower() in _THING_NOUNS or r.lower() in work_nouns() for r in p.roles) \
            and any(after_a_thing_noun(t, m.start) for m in p.mentions):
        return True  # "the show Ann Lee highlights new talent": the noun read as her role names the thing
    if not any(m.title or m.gender != "-" for m in p.mentions) and all(r.lower() in names.org_roles() for r in p.roles) \
            and (team_shaped(t, p) or _said_as_plural(t, p)):
        return True  # "Ann Lee were the only UK band to win": a band or a team; "Charlotte Panthers" (a
        # team's verbs, "played", are a person's too)
    if not any(m.title or m.roles or m.gender != "-" for m in p.mentions) and street_name(words):
        return True  # "Downing St said": a street's name stands for the office in it
    if not no_person_evidence(p):
        return False
    if len(words) > 1 and all(t.tag[m.end - 1] == "NNPS" and t.text[m.end - 1].endswith("s")
                              for m in p.mentions if len(m.words) > 1) and not names.known_given_name(words[0]):
        return True
    if any((m := _INNER_CAPITAL.match(w)) and m[1] not in _NAME_PREFIXES for w in words):
        return True
    if len(words) > 1 and words[0].lower() in names.kinship_nouns() and words[0] not in names.titles():
        return True
    if len(words) == 1 and places.lookup(p.name) is not None and any(
            place_context(doc, m.start, m.end) for m in p.mentions):
        return True  # "I want industry to succeed in Norwich": a place the text puts somewhere
    if len(words) == 1 and not names.known_given_name(p.name) and any(joined_club(t, m.end - 1) for m in p.mentions):
        return True  # "Stuart joins Norwich", "before joining Everton", "signed for Wigan": a club
    return False


STREET_WORDS = frozenset({"St", "Road"})
"""Words that close a street's name ("Downing St", "Abbey Road"), never a person's."""
_ROMAN_NUMERAL = re.compile(r"^(?=[MDCLXVI]{2,}$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROBOT_AFTER = re.compile(r"(?:\s+and(?:\s+[A-Z][\w-]*(?:['’]s)?){1,3})?\s+[Rr]obots?\b")
"""What follows a robot's name: "Qrio robots", "Asimo and Sony's Qrio robots"."""
_AWARD_BEFORE = re.compile(r"\b(?:won|wins|win|winning|nominated\s+for|received|receive|scooped|landed|collected|earned)"
                           r"\s+an?\s+$")
"""What precedes a prize counted as a thing: "nominated for an Oscar", "won an Emmy"."""


def street_name(words: list[str]) -> bool:
    """ "Downing St", "Abbey Road" (or the "St" left of it): a name closed by a street word; "Street"
    only after a word that is no given name ("Downing Street", not "Picabo Street")."""
    return words[-1] in STREET_WORDS or len(words) == 2 and words[1] == "Street" \
        and not names.known_given_name(words[0])


def roman_numeral(name: str) -> bool:
    """ "XV", "XI": a roman numeral of two letters or more ("the starting XV") names no one."""
    return _ROMAN_NUMERAL.match(name) is not None


def robot_or_prize(text: str, p: Person) -> bool:
    """ "Sony's Qrio robots", "the Ann Lee Robot", "Honda's Asimo and Sony's Qrio robots": a name
    that closes with or modifies a robot noun; "nominated for an Oscar", "won an Emmy": one word
    counted with "a"/"an" as the object of winning. Text-only, so the name is dropped, not made a firm."""
    return p.name.split()[-1] in ("Robot", "Robots") or any(
        _ROBOT_AFTER.match(text, m.char_end) or " " not in p.name
        and _AWARD_BEFORE.search(text, max(0, m.char_start - 40), m.char_start) for m in p.mentions)


def _said_as_plural(t: TokenTable, p: Person) -> bool:
    """Some mention is the subject of a plural verb and none of a singular one."""
    numbers = {subject_number(t, m.start, m.end) for m in p.mentions}
    return "plural" in numbers and "singular" not in numbers


def subject_number(t: TokenTable, i: int, j: int) -> str | None:
    """ "plural" for "Ann Lee were followed by", "Ann Lee have won": the name alone (no "and", no
    article) is the subject of a verb agreeing with a plural, as a band's or a team's name is;
    "singular" for "Ann Lee was", "Lee uses"; None when the mention is no subject of such a verb."""
    k = j - 1
    if t.dep[k] not in ("nsubj", "nsubjpass") or "and" in t.lower[i:j] or i > 1 and (
            t.lower[i - 1] in _NO_LONE_SUBJECT_AFTER or t.text[i - 1] == "," and cap(t, i - 2)) \
            or any(t.head[c] == k and t.dep[c] in ("conj", "cc") for c in range(k + 1, min(t.n, k + 12))):
        return None
    verb = t.head[k]
    if any(t.head[c] == verb and t.dep[c] in ("aux", "auxpass") for c in range(max(0, i - 4), i)):
        return None  # "would Ann Lee have gone": the verb agrees with nothing
    finite = j + 1 if j + 1 < t.n and t.pos[j] == "ADV" else j
    if finite >= t.n or verb not in (finite, t.head[finite]) or t.pos[finite] not in ("VERB", "AUX") \
            or not t.is_alpha[finite]:
        return None
    if t.tag[finite] == "VBZ" or t.lower[finite] == "was":
        return "singular"
    place = places.lookup(t.span_text(i, j))
    if any(t.tag[c] in ("NNS", "NNPS") for c in range(i, j)) or place is not None and place.kind in ("nation", "country"):
        return None  # a plural in the name ("Golden Globes", "Britons") or a nation ("Wales"): no band's verb
        # (a town's name may be its club's: "Blackburn are trying to buy me")
    if t.lower[finite] == "were" and any(t.lower[c] in _SUBJUNCTIVE_OPENERS for c in range(max(0, i - 3), i)):
        return None  # "if Ann Lee were a woman": a subjunctive, no plural
    return "plural" if t.tag[finite] == "VBP" or t.lower[finite] == "were" else None


_SUBJUNCTIVE_OPENERS = frozenset({"if", "though", "wish", "wished", "suppose", "imagine", "unless"})


_NO_LONE_SUBJECT_AFTER = frozenset({"and", "or", "&", "nor", "a", "an"})
"""Words after which a name is one of a list or counted ("a Bo Deans try"), no lone subject."""


def team_shaped(t: TokenTable, p: Person) -> bool:
    """ "the Boston Pelicans", "the League's Charlotte Panthers": a place's name and a plural no
    surname is, as a team is named; when the place is a given name too, written after "the" or a
    possessive as a team is (not "with Martin Clunes")."""
    words = p.name.split()
    last = words[-1]
    return len(words) == 2 and places.lookup(words[0]) is not None and last.endswith("s") \
        and not last.endswith(("ss", "us", "is")) and last.lower() not in names.word_set("names_common_surnames.txt", lower=True) \
        and not names.known_given_name(last) and (not names.known_given_name(words[0]) or any(
            m.start > 0 and (t.lower[m.start - 1] == "the" or t.text[m.start - 1] in POSSESSIVE_TOKENS) for m in p.mentions))


def after_a_thing_noun(t: TokenTable, i: int) -> bool:
    """ "the show Ann Lee", "the film Ann Lee": the name right after "the" and a noun of works or
    things, which it names (not "the film director Ann Lee")."""
    if i < 2 or t.lower[i - 2] != "the" or not t.is_lower[i - 1] or t.pos[i - 1] != "NOUN" \
            or t.head[i - 1] < i and t.head[t.head[i - 1]] != i - 1:
        return False  # (not "the end of the game Ann Lee scored": the noun is no part of her name)
    lemma = t.lemma[i - 1].lower()
    return lemma in work_nouns() or lemma in _THING_NOUNS


_THING_NOUNS = WORK_HEADS | THING_HEADS


def owns_a_work_title(t: TokenTable, j: int) -> bool:
    """ "a remake of Ann Lee's Schooldays": the name owns a capitalised word no one is named by that is
    what a noun of works ("remake", "film", "version") is of: the name opens the work's title."""
    if j + 1 >= t.n or t.text[j] not in POSSESSIVE_TOKENS:
        return False
    owned = t.head[j - 1]
    if owned <= j or t.ent_type[owned] == "PERSON" or not cap(t, owned) or t.pos[owned] != "PROPN" \
            or t.dep[owned] != "pobj" or t.lower[t.head[owned]] != "of":
        return False
    noun = t.lemma[t.head[t.head[owned]]].lower()
    return noun in work_nouns() or noun in SERIES_NOUNS or noun == "version"


LAW_WORDS = frozenset({"Bill", "Act"})
_TITLE_SMALL_WORDS = frozenset({"to", "the", "of", "for", "and", "on", "in"})


def law_title_end(t: TokenTable, j: int) -> bool:
    """ "Lord X's Ann to the Crown Bill": the name runs on over a small word and capitalised words
    to "Bill" or "Act", the title of a law (a small word: "the Ann Lee Bill" may be about her)."""
    small = False
    for k in range(j, min(t.n, j + _EVENT_RUN)):
        if t.text[k] in LAW_WORDS and not t.sent_start[k]:
            return small and k > j
        if t.lower[k] in _TITLE_SMALL_WORDS and not t.is_title[k]:
            small = True
        elif not (t.is_title[k] and t.is_alpha[k]) or t.sent_start[k]:
            return False
    return False


_CLUB_VERBS = frozenset({"join", "sign", "move", "head", "return", "transfer", "loan"})


def joined_club(t: TokenTable, k: int) -> bool:
    """Token k is what a player joins: the object of "join" or of "for"/"to" after a verb of a move
    ("signed for X", "moved to X", "heading to X"), or coordinated with such a name."""
    while t.dep[k] == "conj" and t.head[k] < k:
        k = t.head[k]
    head = t.head[k]
    if t.dep[k] == "dobj":
        return t.lemma[head].lower() == "join"
    return t.dep[k] == "pobj" and t.lower[head] in ("for", "to") and t.head[head] < head \
        and t.lemma[t.head[head]].lower() in _CLUB_VERBS


HOLDING_NOUNS = frozenset({"share", "stake", "shareholding", "stock"})
"""Nouns of a holding in a firm: "shares in X", "a 20% stake in X" (a person holds shares, not in one)."""
FIRM_POSSESSIONS = frozenset({"shareholder", "profit", "turnover", "revenue", "earnings", "subsidiary",
                              "chairman", "board", "headquarters", "stockholder"})
"""Nouns only a firm has: "X's shareholders", "X's pre-tax profits", "X's chairman"."""
_BUYING_VERBS = frozenset({"buy", "acquire", "sell", "take", "raise", "cut"})


def said_as_a_firm(t: TokenTable, i: int, j: int, *, given: bool) -> bool:
    """The mention i..j is a firm's by what the sentence does with it: the object of "shares in" or
    "a stake in", the owner of shareholders or profits; and, when the name is led by no known given
    name (``given`` False: people hold shares and buy stakes too), the owner of shares or the buyer
    of a stake or a percentage ("X has agreed to buy 33% of Y")."""
    k = j - 1
    while t.dep[k] == "conj" and t.head[k] < k:
        k = t.head[k]
    head = t.head[k]
    if t.dep[k] == "pobj" and t.lower[head] == "in" and t.lemma[t.head[head]].lower() in HOLDING_NOUNS \
            and t.head[head] < head:
        return True
    if t.dep[k] == "poss" and j < t.n and t.text[j] in POSSESSIVE_TOKENS:
        owned = t.lemma[head].lower()
        return owned in FIRM_POSSESSIONS or not given and owned in HOLDING_NOUNS
    if given or t.dep[k] not in ("nsubj", "nsubjpass"):
        return False
    verbs = [head, *(c for c in range(head + 1, min(t.n, head + 4)) if t.head[c] == head and t.dep[c] == "xcomp")]
    return any(t.lemma[v].lower() in _BUYING_VERBS and any(
        t.head[o] == v and t.dep[o] == "dobj" and (t.lemma[o].lower() in HOLDING_NOUNS or t.text[o] == "%")
        for o in range(v + 1, min(t.n, v + 6))) for v in verbs)


def _founders_names(name: str) -> bool:
    """ "Vossler Kleinhardt Amberg": three or more names none of which is a given name, a particle
    or an initial, with nothing in the text for a person, are a firm's founders' names run together."""
    words = name.split()
    return len(words) >= 3 and not names.name_shape_says_person(name) \
        and not any(names.known_given_name(w) for w in words)


def _based(t: TokenTable, k: int) -> bool:
    """ "Santa Monica-based X": where the firm is based, right before the name."""
    return k >= 2 and t.lower[k - 1] == "based" and t.text[k - 2] == "-"


_BRACKETED = re.compile(r"\s*\(([^()]{3,80})\)")


def spelt_out(text: str, end: int, acronym: str) -> bool:
    """The words in brackets right after ``end`` have the acronym's letters as initials ("WEEE
    (Waste Electrical and Electronic Equipment)"); small words may be skipped."""
    if len(acronym) < 3 or not acronym.isupper() or not acronym.isalpha():
        return False
    m = _BRACKETED.match(text, end)
    if m is None:
        return False
    initials = "".join(w[0] for w in m[1].split() if w[:1].isupper())
    return initials == acronym
