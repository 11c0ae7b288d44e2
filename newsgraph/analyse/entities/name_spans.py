"""Person-name spans in a parsed Doc: repair what spaCy splits, trims or mistypes.

Token-level companions of ``people.py``: trimming titles and possessives, growing spans over
split name parts (family names, hyphenated given names, particles, suffixes, coordinated
names), family-name-first names spaCy missed, headline words around a known name, surname
mentions typed NORP/ORG/GPE or left unlabelled, and the place context that retypes a
"person" as a place. Spans are ``(start token, end token, label, title)``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress
from operator import and_

from spacy.tokens import Doc

from newsgraph.analyse.base.token_table import TokenTable, token_table
from newsgraph.analyse.entities import names, places

GEO_LABELS = {"GPE", "LOC"}
"""spaCy labels of geographic names, the ones the gazetteer checks (a facility is no place name)."""
STRONG_PLACE_PREPOSITIONS = {"in", "near", "outside", "across", "around", "towards", "toward"}
POSSESSIVE_TOKENS = {"'s", "’s", "'", "’"}
Spans = list[tuple[int, int, str, "str | None"]]
NATIONALITY_NOUNS = frozenset({"Scot", "Scotsman", "Scotswoman", "Welshman", "Welshwoman", "Englishman",
                               "Englishwoman", "Irishman", "Irishwoman", "Ulsterman", "Briton", "Dane", "Swede",
                               "Finn", "Pole", "Kiwi", "Aussie", "Frenchman", "Dutchman", "Spaniard"})
"""Nouns of a nationality before a full name ("Scot Ann Lee"): some are given names too ("Scot", "Dane",
"Finn"), so only a known given name after one says the name starts there."""


def cap(t: TokenTable, k: int) -> bool:
    """Token k is capitalised like a name: "Clinton", "McConnell", "DuVernay" (``is_title`` misses the last two)."""
    return t.text[k][:1].isupper() and not t.is_upper[k] or bool(t.is_title[k])


def trim(doc: Doc, i: int, j: int) -> tuple[int, int, str | None]:
    """Drop a leading "the"/title and trailing possessive/punctuation; return the title found."""
    t = token_table(doc)
    text, titles = t.text, names.titles()
    title = None
    while i < j and (t.lower[i] == "the" or text[i] in titles):
        if text[i] in titles:
            title = text[i]
        i += 1
    while j > i and (text[j - 1] in POSSESSIVE_TOKENS or t.is_punct[j - 1] and text[j - 1] != "."
                     or j - i > 2 and (text[j - 1].rstrip(".") in names.post_nominals()
                                       or text[j - 1].isdigit() and text[j : j + 1] in (["-"], ["–"]))):
        j -= 1  # "Ann Lee QC's", "Ann Lee OBE", "past Ann Lee 2-6 6-2": honours, posts and scores are no part of it
    for k in range(i + 1, j - 1):  # "Arsene Wenger - he's always said": a spaced dash ends the name
        if text[k] in ("-", "–", "—") and t.space[k - 1] and t.space[k]:
            j = k
            break
    for k in range(i + 2, j):  # "Malcolm X. Besides Dee": an initial closes a sentence, a function word opens one
        if len(text[k - 1]) == 2 and text[k - 1][0].isupper() and text[k - 1][1] == "." and t.is_stop[k] \
                and text[k] not in names.particles():
            j = k
            break
    if j - i >= 3 and (text[i] in names.party_words() or text[i] in NATIONALITY_NOUNS) \
            and names.known_given_name(text[i + 1]):
        i += 1  # "fellow Tory David Heathcoat-Amory", "ahead of Scot Ann Lee": a member's noun, then the name
    for k in range(j - 2, i - 1, -1):  # "Charlotte Mayor Jennifer Roberts": the name follows the title
        if text[k] in titles and titles[text[k]][0] == "office":
            return k + 1, j, text[k]
    return i, j, title


_APOSTROPHISED = re.compile(r"[A-Z][a-z]{0,2}['’][A-Za-z][a-z]*")
"""A given name with an apostrophe inside ("Ma'a", "D'Arcy", "N'Golo"): no alphabetic token, still a name."""


def extend(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """Grow a name span over split name parts: family names, hyphenated given names, particles, suffixes."""
    t = token_table(doc)
    text, n = t.text, t.n
    ea = names.east_asian_surnames()
    # A family name left outside ("Han" NORP + "Tae Yong" PERSON).
    if i > 0 and text[i - 1] in ea and t.is_title[i - 1] and not t.sent_start[i - 1]:
        words = text[i - 1 : j]
        if names.family_name_first(join_hyphens(words)):
            i -= 1
    elif i > 0 and text[i - 1] in ea and t.is_title[i - 1]:
        words = text[i - 1 : j]
        if len(words) == 3 and names.family_name_first(words):
            i -= 1
    elif i > 0 and j - i == 1 and (cap(t, i - 1) and t.is_alpha[i - 1] or _APOSTROPHISED.fullmatch(text[i - 1])) \
            and t.space[i - 1] \
            and t.ent_type[i - 1] != "PERSON" and text[i - 1] not in names.titles() \
            and (text[i - 1] in names.given_names()
                 or t.tag[i - 1] == "NNP" and not t.ent_type[i - 1]
                 and places.lookup(text[i - 1]) is None):
        i -= 1  # "Ivanka" + "Trump" PERSON, "Rakeyia" + "Scott"
    elif i > 0 and j - i >= 2 and _middle_name_led(t, i - 1, i, j):
        i -= 1  # "Rhodri" + "Glyn Thomas" PERSON: the given name before a middle name
    if j - i == 1 and names.known_given_name(text[i]) and text[i] not in names.titles():
        j = _surname_after_given(t, j)  # "champion [[Edith]] Masai", "[[Ahmed]] 'Mido' Hossam"
    elif j - i == 2 and _middle_name_led(t, j - 1, j - 2, j) and t.head[j - 1] == j:
        j = _surname_after_given(t, j)  # "James Dean" PERSON + "Bradfield": a middle name is no surname
    elif j - i == 2 and j < n and t.head[j - 1] == j and t.dep[j - 1] == "compound" \
            and names.known_given_name(text[i]) and _surname_shaped(t, j):
        j = _surname_after_given(t, j)  # "Sally Quillan" PERSON + "Yates": the parse makes the name a compound of it
    # "Alicia M" (a name cut short): the initial without a full stop is dropped, unless the
    # surname the tagger left out follows it ("Bruce L" + "Castor Jr").
    if j - i >= 2 and len(text[j - 1]) == 1 and t.is_upper[j - 1]:
        if j < n and t.space[j - 1] and t.is_title[j] and t.is_alpha[j] and len(text[j]) > 1 \
                and t.ent_type[j] in ("", "PERSON") and not t.sent_start[j]:
            j += 1
        else:
            j -= 1
    changed = True
    while changed and j < n:
        changed = False
        # "Jae" + "-" + "in": a glued hyphen and lower-case syllable.
        if j + 1 < n and text[j] == "-" and not t.space[j - 1] and not t.space[j] \
                and t.is_alpha[j + 1] and t.is_lower[j + 1]:
            j += 2
            changed = True
        # "Kim" + "So-young": a hyphenated given name after a family name.
        elif j + 2 < n and t.is_title[j] and t.is_alpha[j] and text[j + 1] == "-" \
                and not t.space[j] and not t.space[j + 1] and t.is_lower[j + 2] \
                and text[j - 1] in ea and j - i == 1:
            j += 3
            changed = True
        # "Donnedieu" + "de Vabres": a particle and a capitalised word.
        elif j + 1 < n and text[j] in names.particles() and cap(t, j + 1) \
                and t.ent_type[j + 1] not in ("GPE", "LOC") and text[j] not in ("do", "y"):
            j += 2
            changed = True
        elif text[j] in names.suffixes() and (text[j] != "II" or j - i >= 2):
            j += 1
        elif text[j] == "," and j + 1 < n and text[j + 1] in names.suffixes():
            j += 2
    return i, j


_QUOTE_OPEN = {"'": "'", "‘": "’", '"': '"', "“": "”"}


def _middle_name_led(t: TokenTable, k: int, i: int, j: int) -> bool:
    """Token k, a given name spaCy left out of the name i..j, leads into another given name: the
    parse makes it a compound inside the name ("Rhodri" before "Glyn Thomas") or of the untyped
    word after it ("James Dean" before "Bradfield"), so the name's second given name is a middle
    name, not the first. Not a role that is a given name too ("Wing Ann Lee")."""
    return t.ent_type[k] in ("", "PERSON") and cap(t, k) and bool(t.is_alpha[k]) \
        and t.dep[k] == "compound" and i <= t.head[k] <= j and names.known_given_name(t.text[k]) \
        and t.text[k] not in names.titles() and t.lower[k] not in names.person_roles() \
        and names.known_given_name(t.text[i]) \
        and (k > i or not t.ent_type[k] and bool(t.space[k]))


def _surname_shaped(t: TokenTable, k: int) -> bool:
    """Token k can be a surname: a known one, or a word the article never writes in lower case that
    closes no organisation's or building's name ("Foundation", "Centre")."""
    word = t.text[k]
    if word in names.word_set("names_common_surnames.txt"):
        return True
    return word not in names.org_words() and word not in names.facility_words() and word not in names.titles() \
        and t.lower[k] not in set(compress(t.lower, t.is_lower))


def _surname_after_given(t: TokenTable, j: int) -> int:
    """The end of a name whose given name (token j - 1) spaCy typed alone: the capitalised word
    after it that spaCy left untyped ("champion Edith Masai with"), also after a nickname in quote
    marks ("Ahmed 'Mido' Hossam"). Not a word that runs on into more capitalised words (a title or
    a firm's name), a title, a place or a word at a sentence start."""
    k = j
    if k + 3 < t.n and t.text[k] in _QUOTE_OPEN and t.is_title[k + 1] and t.text[k + 2] == _QUOTE_OPEN[t.text[k]]:
        k += 3  # the nickname in marks
    if k >= t.n or not t.space[k - 1] or not t.is_title[k] or not t.is_alpha[k] or t.pos[k] != "PROPN" \
            or t.sent_start[k] or t.text[k] in names.titles() or k + 1 < t.n and (
                cap(t, k + 1) and t.is_alpha[k + 1] or t.like_num[k + 1] or t.is_lower[k + 1] and t.pos[k + 1] == "NOUN"):
        return j  # ... nor a word that modifies what follows ("Sydney Olympic 100m champion")
    place = places.lookup(t.text[k])
    if t.ent_type[k] not in ("", "PERSON", "GPE") or place is not None and (
            t.ent_type[k] == "GPE" or place.kind in ("country", "continent", "state")):
        return j  # "Ann Masai" (a town too) is a name; "Ann France", or a known place spaCy typed so, is not
    return k + 1


def join_hyphens(words: list[str]) -> list[str]:
    out: list[str] = []
    k = 0
    while k < len(words):
        if k + 2 < len(words) and words[k + 1] == "-":
            out.append(words[k] + "-" + words[k + 2])
            k += 3
        else:
            out.append(words[k])
            k += 1
    return out


def name_words(doc: Doc, i: int, j: int) -> list[str]:
    """Words of a name with hyphenated parts rejoined ("Moon", "Jae-in")."""
    t = token_table(doc)
    text, space = t.text, t.space
    words: list[str] = []
    skip = -1
    for k in range(i, j):
        w = text[k]
        if w in _QUOTE_OPEN and k + 2 < j and text[k + 2] == _QUOTE_OPEN[w]:
            skip = k + 2  # a nickname in marks inside the name ("Ahmed 'Mido' Hossam") is no part of it
        if k <= skip:
            continue
        if words and (w == "-" or words[-1].endswith("-")) and not space[k - 1]:
            words[-1] += w
        elif words and w == ",":
            continue
        else:
            words.append(w)
    return words


def east_asian_candidates(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Family-name-first names spaCy missed: "Ho Ung Pae", "Kim So-young" outside any PERSON span."""
    t = token_table(doc)
    text, n, is_title, ent_type = t.text, t.n, t.is_title, t.ent_type
    ea = names.east_asian_surnames()
    out: list[tuple[int, int]] = []
    if ea.keys().isdisjoint(text):
        return out
    for i in compress(range(n), map(ea.__contains__, text)):
        if i in taken or not is_title[i] or t.is_stop[i] or ent_type[i] not in ("", "NORP", "PERSON"):
            continue
        j = i + 1
        k = j
        while k < n and k - j < 2 and is_title[k] and t.is_alpha[k] and t.length[k] <= 5 \
                and not t.is_stop[k] and ent_type[k] in ("", "PERSON", "NORP"):
            k += 1
        if k - j == 2 and not (k < n and is_title[k]):
            out.append((i, k))
        elif j + 2 < n and names.is_hyphenated_given(t.span_text(j, j + 3)):
            out.append((i, j + 3))
    return out


def person_after_title(doc: Doc, i: int) -> bool:
    """Token i follows an honorific ("Ms", "Mr")."""
    text = token_table(doc).text
    return i > 0 and text[i - 1] in names.titles() and names.titles()[text[i - 1]][0] == "honorific"


def particle_shaped(words: list[str]) -> bool:
    return 2 <= len(words) <= 4 and any(w in names.particles() for w in words[1:-1]) \
        and words[0][:1].isupper() and words[-1][:1].isupper()


# ---------------------------------------------------------------- places by context


def place_context(doc: Doc, i: int, j: int) -> bool:
    """Does the text around tokens i..j say "a place"? ("in X", "X and <place>", "<place> and X")."""
    t = token_table(doc)
    lower, ent_type = t.lower, t.ent_type
    if i > 0 and lower[i - 1] in STRONG_PLACE_PREPOSITIONS:
        return True
    if i > 1 and lower[i - 1] in ("and", "or", ",") and ent_type[i - 2] in GEO_LABELS:
        return True
    if j + 1 < t.n and lower[j] in ("and", "or") and ent_type[j + 1] in GEO_LABELS:
        return True
    return t.dep[j - 1] == "conj" and ent_type[t.head[j - 1]] in GEO_LABELS


def unlabelled_places(doc: Doc, covered: set[int]) -> Spans:
    """Well-known places spaCy left unlabelled, in a place context ("as far apart as Irkutsk and ...")
    or naming something ("the 1980 Gwangju Uprising")."""
    t = token_table(doc)
    text, lower, is_title, n = t.text, t.lower, t.is_title, t.n
    out: Spans = []
    for i in compress(range(n), map(and_, is_title, map("PROPN".__eq__, t.pos))):
        if t.sent_start[i] or i in covered:
            continue
        place = places.lookup(text[i])
        if place is None or not place.primary or place.kind == "city" and place.population < 100_000:
            continue
        nxt = i + 2 if i + 2 < n and lower[i + 1] in ("and", "or") else None
        prev = i - 2 if i >= 2 and lower[i - 1] in ("and", "or", ",") else None
        after = i + 1 if i + 1 < n else None
        names_a_thing = (after is not None and is_title[after] and t.is_alpha[after] and after not in covered
                         and (i == 0 or not is_title[i - 1]))  # "the 1980 Gwangju Uprising"
        if place_context(doc, i, i + 1) or names_a_thing or any(
                k is not None and is_title[k] and places.lookup(text[k]) is not None for k in (nxt, prev)):
            out.append((i, i + 1, "GPE", None))
    return out


def is_place(doc: Doc, i: int, j: int, text: str, alias_of_place: bool) -> bool:
    place = places.lookup(text)
    if place is None:
        return False
    if alias_of_place or place.kind in ("country", "continent") and place.primary:
        return True
    t = token_table(doc)
    if j < t.n and t.text[j] in POSSESSIVE_TOKENS:
        return False
    return place_context(doc, i, j)


# ---------------------------------------------------------------- roles


def not_a_person_here(doc: Doc, j: int) -> bool:
    """ "the Kim family", "the Trump campaign": the name modifies something else; "activities
    such as yoga and Ann Lee": an example coordinated with a common noun is no person."""
    t = token_table(doc)
    k = j + 1 if j < t.n and t.text[j] in POSSESSIVE_TOKENS else j
    return k == j and k < t.n and t.lower[k] in names.not_person_heads() or example_beside_a_common_noun(t, j - 1)


def example_beside_a_common_noun(t: TokenTable, k: int) -> bool:
    """ "activities such as yoga and Ann Lee", "like Ann Lee and pilates": token k (a name's last)
    and a lower-case common noun, no person's, are listed right after "such as", "like" or
    "including" (read on the tokens: the parse often hangs such lists wrongly)."""
    i = k
    while i > 0 and cap(t, i - 1) and not t.sent_start[i]:
        i -= 1
    before, after = i - 2, k + 2
    if before >= 1 and t.lower[i - 1] in ("and", ",") and _plain_noun(t, before) and _opens_examples(t, before - 1):
        return True
    return after < t.n and t.lower[k + 1] in ("and", "or") and _plain_noun(t, after) and i > 0 \
        and _opens_examples(t, i - 1) and (after + 1 == t.n or not t.is_lower[after + 1] or t.pos[after + 1] != "NOUN")


def _plain_noun(t: TokenTable, k: int) -> bool:
    """A lower-case singular common noun that names no person ("yoga", not "wife", "coach")."""
    return bool(t.is_lower[k]) and t.pos[k] == "NOUN" and t.tag[k] == "NN" and t.lower[k] not in names.person_roles() \
        and t.lower[k] not in names.kinship_nouns() and t.lower[k] not in names.gender_words()


def _opens_examples(t: TokenTable, k: int) -> bool:
    return t.lower[k] in ("like", "including") or t.lower[k] == "as" and k > 0 and t.lower[k - 1] == "such"


def shared_surname(doc: Doc, i: int, j: int, person_ends: dict[int, int]) -> str | None:
    """The surname two coordinated given names share: "Charles G. and David H. Koch" -> "Koch".

    ``person_ends``: start token -> end token of every PERSON span.
    """
    t = token_table(doc)
    last = t.text[j - 1]
    if not (len(last) == 2 and last.endswith(".") or j - i == 1 and last in names.given_names()) \
            or j + 1 >= t.n or t.lower[j] != "and":
        return None
    j2 = person_ends.get(j + 1)
    return t.text[j2 - 1] if j2 is not None and j2 - (j + 1) >= 2 else None


def places_in_name(doc: Doc, i: int, j: int, add_other) -> None:
    """The place naming an event or work ("the 1980 Gwangju Uprising", "the Vietnam War")."""
    t = token_table(doc)
    while i < j and not t.is_title[i]:
        i += 1
    for k in range(min(j - 1, i + 3), i, -1):
        place = places.lookup(t.span_text(i, k))
        if place is not None and t.is_title[k]:
            add_other(i, k, "GPE")
            return


def name_in_title(doc: Doc, i: int, j: int) -> str | None:
    """The person a programme or work is named after ("The Laura Ingraham Show" -> Laura
    Ingraham): two or three capitalised words led by a known given name, followed by more of
    the title. The title itself is not a mention of the person."""
    t = token_table(doc)
    for k in range(i, j - 2):
        if not names.known_given_name(t.text[k]):
            continue
        for n in (3, 2):  # three words only with a middle initial ("The Mary J. Blige Show")
            words = t.text[k : k + n]
            if k + n < j and all(cap(t, m) for m in range(k, min(k + n, t.n))) and names.looks_like_name(words) \
                    and not names.is_suffix(words[-1]) and (n == 2 or len(words[1].rstrip(".")) == 1):
                return " ".join(words)
        return None
    return None


def join_adjacent_names(doc: Doc, spans: Spans) -> Spans:
    """ "Keith" + "Lamont Scott": two PERSON spans split by nothing but a space are one name."""
    t = token_table(doc)
    spans = sorted(spans)
    out: Spans = []
    for sp in spans:
        if out and sp[2] == "PERSON" and out[-1][2] == "PERSON" and out[-1][1] == sp[0] \
                and t.space[sp[0] - 1] and sp[1] - out[-1][0] <= 4 \
                and names.looks_like_name(t.text[out[-1][0] : out[-1][1]]):
            out[-1] = (out[-1][0], sp[1], "PERSON", out[-1][3])
        else:
            out.append(sp)
    return out


def unlabelled_full_names(doc: Doc, spans: Spans) -> Spans:
    """ "Michael Howard is to …" left untagged while the article names "Howard" alone elsewhere: a
    capitalised known given name before a word the article tags alone (one-word PERSON or ORG
    span) is that person's full name, so the short mentions get it ("Mutu" typed ORG then joins
    "Adrian Mutu" through ``surname_tokens``)."""
    t = token_table(doc)
    # a given name spaCy typed alone as something else ("Adrian" NORP) may start the name
    covered = {k for i, j, label, _ in spans if j - i > 1 or label == "PERSON" for k in range(i, j)}
    alone = {t.text[i] for i, j, label, _ in spans if j - i == 1 and label in ("PERSON", "ORG") and cap(t, i)}
    people = {t.text[i] for i, j, label, _ in spans if j - i == 1 and label == "PERSON" and cap(t, i)}
    out: Spans = []
    for k in range(t.n - 1):
        if t.text[k + 1] in alone and k not in covered and k + 1 not in covered and cap(t, k) \
                and t.pos[k] == "PROPN" and t.text[k] not in names.titles() \
                and (names.known_given_name(t.text[k]) or t.text[k + 1] in people and _rare_given_name(t, k)) \
                and not (k + 2 < t.n and cap(t, k + 2) and t.is_alpha[k + 2]):
            out.append((k, k + 2, "PERSON", None))
    return out


def _rare_given_name(t: TokenTable, k: int) -> bool:
    """ "Lleyton Hewitt gave …" untagged, "Hewitt" tagged a person elsewhere: a proper noun no list
    knows as a given name is one when it is no place and the article writes it only before that surname."""
    word, surname = t.text[k], t.text[k + 1]
    return t.tag[k] == "NNP" and not t.ent_type[k] and places.lookup(word) is None \
        and all(t.text[m + 1 : m + 2] == [surname] for m in range(t.n) if t.text[m] == word)


@dataclass
class KnownNames:
    """How often the article writes each multi-word person name, its surnames and given names."""

    full: Counter[str] = field(default_factory=Counter)
    surnames: Counter[str] = field(default_factory=Counter)
    given: Counter[str] = field(default_factory=Counter)

    def add(self, name: str, k: int = 1) -> None:
        parts = names.parse(name)
        self.full[name] += k
        for s in {parts.surname, parts.surname.split()[-1]}:
            self.surnames[s] += k
        if parts.given:
            self.given[parts.given[0]] += k

    def without(self, name: str) -> tuple[_Except, _Except, _Except]:
        """(full, surnames, given) with one writing of ``name`` taken out: is a word known from
        elsewhere in the article? Constant time: nothing is copied."""
        mine = KnownNames()
        if self.full[name] > 0:
            mine.add(name)
        return (_Except(self.full, mine.full), _Except(self.surnames, mine.surnames),
                _Except(self.given, mine.given))


@dataclass
class _Except:
    counts: Counter[str]
    minus: Counter[str]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.counts[key] - self.minus[key] > 0


def known_names(doc: Doc, spans: Spans) -> KnownNames:
    known = KnownNames()
    for i, j, label, _ in spans:
        if label != "PERSON":
            continue
        words = name_words(doc, i, j)
        if len(words) > 1 and names.looks_like_name(words):
            known.add(" ".join(words))
    return known


def headline_like(doc: Doc, i: int, seen: dict[tuple[int, int], bool] | None = None) -> bool:
    """Is token i in a title-case line ("Clinton Hid Past Health Problems")? ``seen``: the
    answers so far by sentence, for a caller asking about many tokens."""
    t = token_table(doc)
    bounds = t.sent_bounds[i]
    if seen is None:
        return _headline_sentence(t, *bounds)
    if bounds not in seen:
        seen[bounds] = _headline_sentence(t, *bounds)
    return seen[bounds]


def _headline_sentence(t: TokenTable, start: int, end: int) -> bool:
    """Are at least 70% of the sentence's words of four letters or more (three at least) title-case?"""
    alpha, length, title = t.is_alpha, t.length, t.is_title
    words = [k for k in range(start, end) if alpha[k] and length[k] > 3]
    return len(words) >= 3 and sum(title[k] for k in words) >= 0.7 * len(words)


def _loose_first_word(doc: Doc, i: int, headlines: dict[tuple[int, int], bool]) -> bool:
    """Is token i, first of a name span, a word that may not belong to the name: an adjective
    or verb ("Crooked", "Injecting Clinton's marital troubles"), or a word of a headline?
    (Asked only when the rest of the span is a known name: the headline test reads the sentence.)"""
    t = token_table(doc)
    return t.pos[i] in ("ADJ", "VERB") or t.tag[i] == "VBG" or headline_like(doc, i, headlines) \
        or bool(t.sent_start[i]) and t.text[i].endswith("ing")


def trim_to_known_names(doc: Doc, spans: Spans) -> Spans:
    """ "Crooked Hillary Clinton" -> "Hillary Clinton", "Injecting Clinton" -> "Clinton",
    "Clinton Plan" (a headline) -> "Clinton": extra capitalised words around a name the article
    gives elsewhere in a clear shape. An initial ("C Smith") is never such a word."""
    t = token_table(doc)
    text = t.text
    all_known = known_names(doc, spans)
    singles = {text[i] for i, j, label, _ in spans if label == "PERSON" and j - i == 1}
    headlines: dict[tuple[int, int], bool] = {}
    out = []
    for i, j, label, title in spans:
        if label == "PERSON" and j - i >= 2:
            # What the article says elsewhere, not counting this very name.
            full, surnames, given = all_known.without(" ".join(name_words(doc, i, j)))
            first = text[i]
            rest = t.span_text(i + 1, j)
            initial = len(first) == 1 and first.isupper()
            if not initial and not names.known_given_name(first) and first not in names.east_asian_surnames() \
                    and first not in names.particles() \
                    and (rest in full and text[i + 1] in names.given_names()
                         or j - i == 2 and (rest in given and rest not in all_known.surnames
                                            or (rest in surnames or rest in singles) and _loose_first_word(doc, i, headlines))):
                i += 1
            elif not initial and (first in surnames or first in given or first in singles) \
                    and headline_like(doc, i, headlines) and text[j : j + 1] != ["("] \
                    and text[j - 1] not in surnames and t.span_text(i, j) not in full:
                # ... not a list's "Chris Cusiter (Borders), Chris Paterson (Edinburgh)", title-case as it is
                j = i + 1
        out.append((i, j, label, title))
    return out


def surname_tokens(doc: Doc, spans: Spans) -> tuple[list[int], Spans]:
    """Surname mentions spaCy missed or mistyped ("author Han" NORP, "DuVernay said" ORG).

    Returns the tokens to add as one-word person mentions and the spans with mistyped names of
    the article's people (a lone surname, or a full name, typed ORG/GPE/NORP) retyped PERSON.
    """
    t = token_table(doc)
    text = t.text
    known = known_names(doc, spans)
    full, surnames = known.full, known.surnames
    retyped = []
    for i, j, label, title in spans:
        if label in ("ORG", "GPE", "NORP", "LOC", "FAC"):
            span_text = t.span_text(i, j)
            if span_text in full or span_text in surnames and (j - i == 1 or len(name_words(doc, i, j)) == 1) \
                    and not place_context(doc, i, j):  # "Kilroy-Silk" typed ORG: three tokens, one name
                label = "PERSON"
        retyped.append((i, j, label, title))
    covered: dict[int, str] = {k: lab for i, j, lab, _ in retyped for k in range(i, j)}
    out = []
    for i in compress(range(t.n), map(surnames.__contains__, text)):  # a Counter: a missing word is not added
        if not cap(t, i) or i in covered:
            continue
        if i + 1 < t.n and (cap(t, i + 1) and t.is_alpha[i + 1] or not_a_person_here(doc, i + 1)):
            continue
        prev = i - 1
        if i and cap(t, prev) and t.is_alpha[prev] and text[prev] not in names.titles() \
                and not t.sent_start[prev] and t.pos[prev] == "PROPN":
            continue
        out.append(i)
    return out, retyped
