"""Person-name spans in a parsed Doc: repair what spaCy splits, trims or mistypes.

Token-level companions of ``people.py``: trimming titles and possessives, growing spans over
split name parts (family names, hyphenated given names, particles, suffixes, coordinated
names), family-name-first names spaCy missed, headline words around a known name, surname
mentions typed NORP/ORG/GPE or left unlabelled, and the place context that retypes a
"person" as a place. Spans are ``(start token, end token, label, title)``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.analyse import names, places

PLACE_TYPES = {"GPE", "LOC"}
STRONG_PLACE_PREPOSITIONS = {"in", "near", "outside", "across", "around", "towards", "toward"}
POSSESSIVE_TOKENS = {"'s", "’s", "'", "’"}


def cap(tok: Token) -> bool:
    """Capitalised like a name: "Clinton", "McConnell", "DuVernay" (``is_title`` misses the last two)."""
    return tok.text[:1].isupper() and not tok.is_upper or tok.is_title


def glued(a: Token, b: Token) -> bool:
    return not a.whitespace_ and a.i + 1 == b.i


def trim(doc: Doc, i: int, j: int) -> tuple[int, int, str | None]:
    """Drop a leading "the"/title and trailing possessive/punctuation; return the title found."""
    title = None
    while i < j and (doc[i].lower_ == "the" or doc[i].text in names.titles()):
        if doc[i].text in names.titles():
            title = doc[i].text
        i += 1
    while j > i and (doc[j - 1].text in POSSESSIVE_TOKENS or doc[j - 1].is_punct and doc[j - 1].text != "."):
        j -= 1
    for k in range(j - 2, i - 1, -1):  # "Charlotte Mayor Jennifer Roberts": the name follows the title
        if doc[k].text in names.titles() and names.titles()[doc[k].text][0] == "office":
            return k + 1, j, doc[k].text
    return i, j, title


def extend(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """Grow a name span over split name parts: family names, hyphenated given names, particles, suffixes."""
    ea = names.east_asian_surnames()
    # A family name left outside ("Han" NORP + "Tae Yong" PERSON).
    if i > 0 and doc[i - 1].text in ea and doc[i - 1].is_title and not doc[i - 1].is_sent_start:
        words = [doc[i - 1].text] + [t.text for t in doc[i:j]]
        if names.family_name_first(join_hyphens(words)):
            i -= 1
    elif i > 0 and doc[i - 1].text in ea and doc[i - 1].is_title:
        words = [doc[i - 1].text] + [t.text for t in doc[i:j]]
        if len(words) == 3 and names.family_name_first(words):
            i -= 1
    elif i > 0 and j - i == 1 and cap(doc[i - 1]) and doc[i - 1].is_alpha and doc[i - 1].whitespace_ \
            and doc[i - 1].ent_type_ != "PERSON" and doc[i - 1].text not in names.titles() \
            and (doc[i - 1].text in names.given_names()
                 or doc[i - 1].tag_ == "NNP" and not doc[i - 1].ent_type_
                 and places.lookup(doc[i - 1].text) is None):
        i -= 1  # "Ivanka" + "Trump" PERSON, "Rakeyia" + "Scott"
    # "Alicia M" (a name cut short): the initial without a full stop is dropped.
    if j - i >= 2 and len(doc[j - 1].text) == 1 and doc[j - 1].is_upper:
        j -= 1
    changed = True
    while changed and j < len(doc):
        changed = False
        # "Jae" + "-" + "in": a glued hyphen and lower-case syllable.
        if j + 1 < len(doc) and doc[j].text == "-" and glued(doc[j - 1], doc[j]) and glued(doc[j], doc[j + 1]) \
                and doc[j + 1].is_alpha and doc[j + 1].is_lower:
            j += 2
            changed = True
        # "Kim" + "So-young": a hyphenated given name after a family name.
        elif j + 2 < len(doc) and doc[j].is_title and doc[j].is_alpha and doc[j + 1].text == "-" \
                and glued(doc[j], doc[j + 1]) and glued(doc[j + 1], doc[j + 2]) and doc[j + 2].is_lower \
                and doc[j - 1].text in ea and j - i == 1:
            j += 3
            changed = True
        # "Donnedieu" + "de Vabres": a particle and a capitalised word.
        elif j + 1 < len(doc) and doc[j].text in names.particles() and cap(doc[j + 1]) \
                and doc[j + 1].ent_type_ not in ("GPE", "LOC") and doc[j].text not in ("do", "y"):
            j += 2
            changed = True
        elif doc[j].text in names.suffixes() and (doc[j].text != "II" or j - i >= 2):
            j += 1
        elif doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].text in names.suffixes():
            j += 2
    return i, j


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
    words: list[str] = []
    for t in doc[i:j]:
        if words and (t.text == "-" or words[-1].endswith("-")) and not doc[t.i - 1].whitespace_:
            words[-1] += t.text
        elif words and t.text == ",":
            continue
        else:
            words.append(t.text)
    return words


def east_asian_candidates(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Family-name-first names spaCy missed: "Ho Ung Pae", "Kim So-young" outside any PERSON span."""
    out = []
    ea = names.east_asian_surnames()
    for tok in doc:
        if tok.i in taken or tok.text not in ea or not tok.is_title or tok.is_stop:
            continue
        if tok.ent_type_ not in ("", "NORP", "PERSON"):
            continue
        i = tok.i
        j = i + 1
        k = j
        while k < len(doc) and k - j < 2 and doc[k].is_title and doc[k].is_alpha and len(doc[k]) <= 5 \
                and not doc[k].is_stop and doc[k].ent_type_ in ("", "PERSON", "NORP"):
            k += 1
        if k - j == 2 and not (k < len(doc) and doc[k].is_title):
            out.append((i, k))
        elif j + 2 < len(doc) and names.is_hyphenated_given(doc[j : j + 3].text):
            out.append((i, j + 3))
    return out


def person_after_title(doc: Doc, span: Span) -> bool:
    i = span.start
    return i > 0 and doc[i - 1].text in names.titles() and names.titles()[doc[i - 1].text][0] == "honorific"


def particle_shaped(span: Span) -> bool:
    words = [t.text for t in span]
    return 2 <= len(words) <= 4 and any(w in names.particles() for w in words[1:-1]) \
        and words[0][:1].isupper() and words[-1][:1].isupper()


# ---------------------------------------------------------------- places by context


def place_context(doc: Doc, i: int, j: int) -> bool:
    """Does the text around tokens i..j say "a place"? ("in X", "X and <place>", "<place> and X")."""
    if i > 0 and doc[i - 1].lower_ in STRONG_PLACE_PREPOSITIONS:
        return True
    if i > 1 and doc[i - 1].lower_ in ("and", "or", ",") and doc[i - 2].ent_type_ in PLACE_TYPES:
        return True
    if j + 1 < len(doc) and doc[j].lower_ in ("and", "or") and doc[j + 1].ent_type_ in PLACE_TYPES:
        return True
    head = doc[j - 1]
    return head.dep_ == "conj" and head.head.ent_type_ in PLACE_TYPES


def unlabelled_places(doc: Doc, covered: set[int]) -> list[tuple[int, int, str, str | None]]:
    """Well-known places spaCy left unlabelled, in a place context ("as far apart as Irkutsk and ...")
    or naming something ("the 1980 Gwangju Uprising")."""
    out: list[tuple[int, int, str, str | None]] = []
    for tok in doc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.is_title or tok.is_sent_start:
            continue
        place = places.lookup(tok.text)
        if place is None or not place.primary or place.kind == "city" and place.population < 100_000:
            continue
        nxt = doc[tok.i + 2] if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in ("and", "or") else None
        prev = doc[tok.i - 2] if tok.i >= 2 and doc[tok.i - 1].lower_ in ("and", "or", ",") else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        names_a_thing = (after is not None and after.is_title and after.is_alpha and after.i not in covered
                         and (tok.i == 0 or not doc[tok.i - 1].is_title))  # "the 1980 Gwangju Uprising"
        if place_context(doc, tok.i, tok.i + 1) or names_a_thing or any(
                t is not None and t.is_title and places.lookup(t.text) is not None for t in (nxt, prev)):
            out.append((tok.i, tok.i + 1, "GPE", None))
    return out


def is_place(doc: Doc, i: int, j: int, text: str, alias_of_place: bool) -> bool:
    place = places.lookup(text)
    if place is None:
        return False
    if alias_of_place or place.kind in ("country", "continent") and place.primary:
        return True
    if j < len(doc) and doc[j].text in POSSESSIVE_TOKENS:
        return False
    return place_context(doc, i, j)


# ---------------------------------------------------------------- roles


def not_a_person_here(doc: Doc, j: int) -> bool:
    """ "the Kim family", "the Trump campaign": the name modifies something else."""
    k = j + 1 if j < len(doc) and doc[j].text in POSSESSIVE_TOKENS else j
    return k == j and k < len(doc) and doc[k].lower_ in names.not_person_heads()


def shared_surname(doc: Doc, i: int, j: int, person_ends: dict[int, int]) -> str | None:
    """The surname two coordinated given names share: "Charles G. and David H. Koch" -> "Koch".

    ``person_ends``: start token -> end token of every PERSON span.
    """
    last = doc[j - 1].text
    if not (len(last) == 2 and last.endswith(".") or j - i == 1 and last in names.given_names()) \
            or j + 1 >= len(doc) or doc[j].lower_ != "and":
        return None
    j2 = person_ends.get(j + 1)
    return doc[j2 - 1].text if j2 is not None and j2 - (j + 1) >= 2 else None


def places_in_name(doc: Doc, i: int, j: int, add_other) -> None:  # type: ignore[no-untyped-def]
    """The place naming an event or work ("the 1980 Gwangju Uprising", "the Vietnam War")."""
    while i < j and not doc[i].is_title:
        i += 1
    for k in range(min(j - 1, i + 3), i, -1):
        place = places.lookup(doc[i:k].text)
        if place is not None and doc[k].is_title:
            add_other(i, k, "GPE")
            return


def name_in_title(doc: Doc, i: int, j: int) -> str | None:
    """The person a programme or work is named after ("The Laura Ingraham Show" -> Laura
    Ingraham): two or three capitalised words led by a known given name, followed by more of
    the title. The title itself is not a mention of the person."""
    for k in range(i, j - 2):
        if not names.known_given_name(doc[k].text):
            continue
        for n in (3, 2):  # three words only with a middle initial ("The Mary J. Blige Show")
            words = [t.text for t in doc[k : k + n]]
            if k + n < j and all(cap(t) for t in doc[k : k + n]) and names.looks_like_name(words) \
                    and not names.is_suffix(words[-1]) and (n == 2 or len(words[1].rstrip(".")) == 1):
                return " ".join(words)
        return None
    return None


def join_adjacent_names(doc: Doc, spans: list[tuple[int, int, str, str | None]]
                         ) -> list[tuple[int, int, str, str | None]]:
    """ "Keith" + "Lamont Scott": two PERSON spans split by nothing but a space are one name."""
    spans = sorted(spans)
    out: list[tuple[int, int, str, str | None]] = []
    for sp in spans:
        if out and sp[2] == "PERSON" and out[-1][2] == "PERSON" and out[-1][1] == sp[0] \
                and doc[sp[0] - 1].whitespace_ == " " and sp[1] - out[-1][0] <= 4 \
                and names.looks_like_name([t.text for t in doc[out[-1][0] : out[-1][1]]]):
            out[-1] = (out[-1][0], sp[1], "PERSON", out[-1][3])
        else:
            out.append(sp)
    return out


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


def known_names(doc: Doc, spans: list[tuple[int, int, str, str | None]]) -> KnownNames:
    known = KnownNames()
    for i, j, label, _ in spans:
        words = name_words(doc, i, j)
        if label == "PERSON" and len(words) > 1 and names.looks_like_name(words):
            known.add(" ".join(words))
    return known


def headline_like(doc: Doc, i: int) -> bool:
    """Is token i in a title-case line ("Clinton Hid Past Health Problems")?"""
    sent = doc[i].sent
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) >= 0.7 * len(words)


def trim_to_known_names(doc: Doc, spans: list[tuple[int, int, str, str | None]]
                         ) -> list[tuple[int, int, str, str | None]]:
    """ "Crooked Hillary Clinton" -> "Hillary Clinton", "Injecting Clinton" -> "Clinton",
    "Clinton Plan" (a headline) -> "Clinton": extra capitalised words around a name the article
    gives elsewhere in a clear shape."""
    all_known = known_names(doc, spans)
    singles = {doc[i].text for i, j, label, _ in spans if label == "PERSON" and j - i == 1}
    out = []
    for i, j, label, title in spans:
        if label == "PERSON" and j - i >= 2:
            # What the article says elsewhere, not counting this very name.
            full, surnames, given = all_known.without(" ".join(name_words(doc, i, j)))
            first = doc[i].text
            rest = doc[i + 1 : j].text
            loose = doc[i].pos_ in ("ADJ", "VERB") or doc[i].tag_ == "VBG" or headline_like(doc, i) \
                or doc[i].is_sent_start and first.endswith("ing")  # "Injecting Clinton's marital troubles"
            if first not in names.given_names() and first not in names.east_asian_surnames() \
                    and first not in names.particles() \
                    and (rest in full and doc[i + 1].text in names.given_names()
                         or j - i == 2 and (rest in given and rest not in all_known.surnames
                                            or (rest in surnames or rest in singles) and loose)):
                i += 1
            elif headline_like(doc, i) and (first in surnames or first in given or first in singles) \
                    and doc[j - 1].text not in surnames and doc[i:j].text not in full:
                j = i + 1
        out.append((i, j, label, title))
    return out


def surname_tokens(doc: Doc, spans: list[tuple[int, int, str, str | None]]
                    ) -> tuple[list[int], list[tuple[int, int, str, str | None]]]:
    """Surname mentions spaCy missed or mistyped ("author Han" NORP, "DuVernay said" ORG).

    Returns the tokens to add as one-word person mentions and the spans with mistyped names of
    the article's people (a lone surname, or a full name, typed ORG/GPE/NORP) retyped PERSON.
    """
    known = known_names(doc, spans)
    full, surnames = known.full, known.surnames
    retyped = []
    for i, j, label, title in spans:
        text = doc[i:j].text
        if label in ("ORG", "GPE", "NORP", "LOC", "FAC") and (
                text in full or j - i == 1 and text in surnames and not place_context(doc, i, j)):
            label = "PERSON"
        retyped.append((i, j, label, title))
    covered: dict[int, str] = {k: lab for i, j, lab, _ in retyped for k in range(i, j)}
    out = []
    for tok in doc:
        if tok.text not in surnames or not cap(tok) or tok.i in covered:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (cap(nxt) and nxt.is_alpha or not_a_person_here(doc, tok.i + 1)):
            continue
        prev = doc[tok.i - 1] if tok.i else None
        if prev is not None and cap(prev) and prev.is_alpha and prev.text not in names.titles() \
                and not prev.is_sent_start and prev.pos_ == "PROPN":
            continue
        out.append(tok.i)
    return out, retyped


