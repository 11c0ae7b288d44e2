"""Person-name shapes: titles, particles, suffixes, East Asian family-name-first order.

Everything here is about the *form* of a name, read from data files beside this module
(``names_*.tsv|txt``), never about particular people: which word is the surname, which
words are given names, whether a preceding word is a title, and when two written names
can be the same person ("Donald Trump" ~ "Donald J. Trump", never ~ "Donald Trump Jr.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from newsgraph.analyse.base.data import data_rows

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_INITIAL = re.compile(r"^[A-Z]\.?$")
LEADING_PARTICLES = frozenset({"de", "van", "von", "di", "du", "da", "della", "del", "der", "den", "ter", "bin", "ibn"})
"""Particles that, capitalised, can start a surname written alone ("De Blasio", "Van Voorhis")."""
PEER_RANKS = frozenset({"Baron", "Baroness", "Viscount", "Viscountess", "Earl", "Countess", "Lord", "Lady"})
"""What a peer is called with the title's name ("Baron Kinnock" beside "Lord Kinnock", "Neil Kinnock");
read by the joins in an article and across the store."""


@cache
def word_set(name: str, *, lower: bool = False) -> frozenset[str]:
    """First column of a data file beside this module, as a set (loaded once per file)."""
    return frozenset(row[0].lower() if lower else row[0] for row in data_rows(name))


@lru_cache(maxsize=1)
def titles() -> dict[str, tuple[str, str]]:
    """title -> (kind, gender); kind "honorific" (Mr) or "office" (President, a role)."""
    return {row[0]: (row[1], row[2]) for row in data_rows("names_titles.tsv")}


def particles() -> frozenset[str]:
    return word_set("names_particles.txt")


def suffixes() -> frozenset[str]:
    return word_set("names_suffixes.txt")


def post_nominals() -> frozenset[str]:
    """Letters after a name ("QC", "OBE", "MP"): honours and posts, no part of the name."""
    return word_set("names_post_nominals.txt")


def not_person_heads() -> frozenset[str]:
    return word_set("names_not_person_heads.txt", lower=True)


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Common given name -> gender (f, m, u)."""
    return {row[0]: row[1] for row in data_rows("names_given.tsv")}


def kinship_nouns() -> frozenset[str]:
    return word_set("names_kinship.txt")


def person_verbs() -> frozenset[str]:
    return word_set("names_person_verbs.txt")


@lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """Given name -> the names it can stand for, itself included ("Larry" -> Larry, Lawrence, Laurence)."""
    out: dict[str, set[str]] = {}
    for nick, formal in data_rows("names_nicknames.tsv"):
        out.setdefault(nick, {nick}).add(formal)
        out.setdefault(formal, {formal}).add(nick)
    return {k: frozenset(v) for k, v in out.items()}


def short_forms_of_one_name(a: str, b: str) -> bool:
    """ "Rob" and "Robbie", both short for Robert: two forms of one given name that neither is
    of the other (weaker than ``same_given_name``, so only for a lone given name in one article)."""
    return a != b and not nicknames().get(a, frozenset()).isdisjoint(nicknames().get(b, frozenset()))


def same_given_name(a: str, b: str) -> bool:
    """ "Bill" ~ "William", "Larry" ~ "Laurence"; a name is always the same as itself."""
    return a == b or b in nicknames().get(a, ()) or a in nicknames().get(b, ())


@lru_cache(maxsize=1)
def given_name_detectors():
    """gender-guesser's ``Detector`` case-sensitive and case-insensitive, or ``(None, None)``
    without the package (optional at run time: then only names_given.tsv is known).

    Both come from ONE parse of its ~49k-line name file (~0.2 s CPU a parse, paid by every
    process): the case-insensitive table is filled line by line beside the case-sensitive
    one, so it is exactly what ``Detector(case_sensitive=False)`` builds, keys, inner dicts
    and their order included (its ``get_gender`` breaks ties by the first inner key)."""
    try:
        from gender_guesser.detector import Detector
    except ImportError:
        return None, None

    class BothCases(Detector):
        """Parses as ``Detector(case_sensitive=True)`` and records every entry lower-cased too."""

        def __init__(self) -> None:
            self.lowercase_names: dict[str, dict[str, str]] = {}
            super().__init__(case_sensitive=True)

        def _set(self, name: str, gender: str, country_values: str) -> None:
            super()._set(name, gender, country_values)  # a "+" name comes back here once per spelling
            if "+" not in name:
                self.lowercase_names.setdefault(name.lower(), {})[gender] = country_values

    sensitive = BothCases()
    insensitive = Detector.__new__(Detector)  # skips __init__'s second parse of the file
    insensitive.case_sensitive = False
    insensitive.names = sensitive.lowercase_names
    return sensitive, insensitive


@lru_cache(maxsize=4096)
def known_given_name(word: str) -> bool:
    """Is the word a first name anyone is known to bear (names_given.tsv, then gender-guesser's
    ~40k names)? "Reince" no, "Kellyanne" no, "Fancy", "Patriot", "Morning" no, "Jacob" yes."""
    if word in given_names():
        return True
    det = given_name_detectors()[0]
    return det is not None and det.get_gender(word) != "unknown"


def gender_of(name: str) -> str:
    """f, m or - from the first given name ("Hillary Clinton" -> f)."""
    parts = parse(name)
    g = given_names().get(parts.first, "u") if parts.given and not parts.family_first else "u"
    return g if g in ("f", "m") else "-"


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    """word -> "m"/"f" from ``gender_words.tsv`` (honorifics, roles, kin terms)."""
    return {w.strip(): g.strip() for w, g in data_rows("gender_words.tsv")}


def facility_words() -> frozenset[str]:
    return word_set("names_facility_words.txt")


def party_words() -> frozenset[str]:
    return word_set("names_party_words.txt")


def org_roles() -> frozenset[str]:
    return word_set("names_org_roles.txt")


def org_words() -> frozenset[str]:
    return word_set("names_org_words.txt")


@lru_cache(maxsize=1)
def east_asian_surnames() -> dict[str, bool]:
    """family name -> True when it is also a common Western given name (Kim, Lee)."""
    return {row[0]: len(row) > 1 and row[1] == "w" for row in data_rows("names_surnames_east_asian.tsv")}


def strip_possessive(name: str) -> str:
    """ "Kim Il Sung’s" -> "Kim Il Sung"; "Jones’" -> "Jones"."""
    if not name.endswith(("s", "'", "’", "\n")):  # _POSSESSIVE cannot match (its "$" also matches before a final newline)
        return name
    m = _POSSESSIVE.search(name)
    return name[: m.start()] if m and len(name) - len(m.group(0)) >= 2 else name


def is_suffix(word: str) -> bool:
    return word in suffixes()


def is_hyphenated_given(word: str) -> bool:
    """ "So-young", "Jae-in", "Seung-min": a capitalised syllable, a hyphen, a lower-case one."""
    return bool(re.fullmatch(r"[A-Z][a-z]+-[a-z]+", word))


@dataclass(frozen=True)
class NameParts:
    given: tuple[str, ...]  # given names and middle names/initials, in written order
    surname: str  # the family name ("Clinton", "de Vabres", "Kim")
    suffix: str = ""  # "Jr." etc.
    family_first: bool = False  # East Asian order: "Kim Il Sung"

    @property
    def first(self) -> str:
        return self.given[0] if self.given else ""


def family_name_first(words: list[str]) -> bool:
    """Is this an East Asian family-name-first name ("Han Tae Yong", "Moon Jae-in", "Xi Jinping")?"""
    if len(words) < 2 or words[0] not in east_asian_surnames():
        return False
    rest = words[1:]
    if any(is_hyphenated_given(w) for w in rest):
        return True
    if len(rest) == 2 and all(len(w) <= 5 and w.isalpha() and w[0].isupper() for w in rest):
        return True  # two short given-name syllables: "Il Sung", "Tae Yong", "Ung Pae"
    return len(rest) == 1 and not east_asian_surnames()[words[0]] and rest[0] not in suffixes()


@lru_cache(maxsize=8192)
def parse(name: str) -> NameParts:
    """Split a written person name into given names, surname and suffix (cached: an article
    parses each of its names dozens of times while grouping)."""
    words = [w for w in name.replace(",", " ").split() if w]
    if not words:
        return NameParts((), "")
    suffix = ""
    if len(words) > 1 and is_suffix(words[-1]):
        suffix = words.pop()
    if len(words) == 1:
        return NameParts((), words[0], suffix)
    if words[0].lower() in LEADING_PARTICLES and words[0][0].isupper():
        return NameParts((), " ".join(words), suffix)  # "De Blasio said": a surname with its particle
    if family_name_first(words):
        return NameParts(tuple(words[1:]), words[0], suffix, family_first=True)
    # The surname starts at the first particle after the first word ("Renaud Donnedieu de Vabres").
    start = len(words) - 1
    for i in range(1, len(words) - 1):
        if words[i] in particles():
            start = i
            break
    return NameParts(tuple(words[:start]), " ".join(words[start:]), suffix)


_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]+)$")
_NOT_NAME_WORDS = frozenset({"The", "Of", "And", "For", "In", "On", "A", "An", "To", "With", "My", "Our", "Your"})


def looks_like_name(words: list[str]) -> bool:
    """Capitalised words (particles allowed inside), no digits, no "The"/"Of", not an organisation's head."""
    return _looks_like_name(tuple(words))


@lru_cache(maxsize=8192)
def _looks_like_name(words: tuple[str, ...]) -> bool:
    """``looks_like_name``, cached: grouping asks it of the same few names again and again."""
    if not words or not words[0][:1].isupper() or words[-1] in org_words() or len(words) > 1 and words[-1] in titles():
        return False
    if all(w in titles() for w in words) or not any(len(w.strip(".")) > 1 for w in words):
        return False
    if len(words) == 2 and words[1] in party_words() and not known_given_name(words[0]):
        return False  # "Veteran Labour MP", "Old Labour": a word before a party's name, no person
    for k, w in enumerate(words):
        if not _WORD.match(w) or w in _NOT_NAME_WORDS or any(ch.isdigit() for ch in w):
            return False
        if w[0].islower() and not (w in particles() and 0 < k < len(words) - 1):
            return False
    return True


def name_shape_says_person(name: str) -> bool:
    """A known given name first, a family-name-first name, a particle, an initial, a hyphenated given name."""
    words = name.split()
    if len(words) < 2:
        return False
    parts = parse(name)
    return words[0] in given_names() or parts.family_first or any(
        w in particles() or len(w.rstrip(".")) == 1 or is_hyphenated_given(w) for w in words[:-1])


def is_tail_of(short: str, full: str) -> bool:
    """ "Symmons Roberts" is how "Michael Symmons Roberts" is written after the first time."""
    s, f = short.split(), full.split()
    return 1 < len(s) < len(f) and f[-len(s):] == s


def key_words(parts: NameParts) -> tuple[str, ...]:
    """The given names that identify a person: initials and middle names dropped."""
    return tuple(w for w in parts.given[:1] if not _INITIAL.match(w))


def same_person_name(a: str, b: str) -> bool:
    """Can two full names written differently be the same person?

    Same surname and suffix, and the first given names agree (one may be missing, or an
    initial of the other, or a short form that starts the other: "Bernie"/"Bernard" is
    not handled, "Hillary Rodham Clinton" ~ "Hillary Clinton" is).
    """
    pa, pb = parse(a), parse(b)
    if pa.surname.lower() != pb.surname.lower() or pa.suffix.rstrip(".") != pb.suffix.rstrip("."):
        return False
    if not pa.given or not pb.given:
        return True
    fa, fb = pa.given[0].rstrip("."), pb.given[0].rstrip(".")
    if same_given_name(fa, fb):
        # "Kim Jong Il" vs "Kim Jong Un": all given names must agree for family-name-first names.
        return not (pa.family_first or pb.family_first) or pa.given == pb.given
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return False


def familiar_form(a: str, b: str) -> bool:
    """Within one article, "Joe Biden" is the familiar form of "Joseph R. Biden Jr.": same surname,
    the suffix and middle name written only in the formal form, whose first name the other
    shortens (Joe/Joseph, Bill/William). Identical first names never qualify: "Donald Trump" and
    "Donald Trump Jr." are father and son."""
    pa, pb = parse(a), parse(b)
    if pa.surname.lower() != pb.surname.lower() or bool(pa.suffix) == bool(pb.suffix):
        return False
    formal, familiar = (pa, pb) if pa.suffix else (pb, pa)
    if len(formal.given) < 2 or len(familiar.given) != 1 or formal.family_first or familiar.family_first:
        return False
    f1, f2 = formal.given[0], familiar.given[0]
    return f1 != f2 and same_given_name(f1, f2)


def display_name(words: list[str]) -> str:
    return " ".join(words)


def person_roles() -> frozenset[str]:
    return word_set("names_person_roles.txt")
