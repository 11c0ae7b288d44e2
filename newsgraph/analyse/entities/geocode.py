"""Places of one article: which real place each name is, one entity per real place, non-places out.

Runs on the article's entities once they are grouped (``resolve_places``), because the
choice between same-named places needs the other places of the article:

* **Candidates** come from the gazetteer (``places.candidates``) for the name and its aliases.
  A former/alternative name of a city under a million people ("Newcastle" for Newcastle upon
  Tyne, but also "Google" for Topeka in GeoNames) counts only when the article names the
  city's own division or another place in it; a town under 15,000 people (``places.towns``)
  only when the article names a place of its country ("Wells" among Bath and Taunton).
* **Score** = the candidate's prior (kind, population: ``Place.prior``) + support from the
  other places of the article: its country named by one or two of them, its first-level
  division (state, nation, province) by any. Context comes from the places that are sure
  (one candidate, or all in one country), then once more from the first pass's choices.
* **Written next to its area**: a city before a comma and a county, state or country holding it
  is that one ("Woodbridge, Suffolk": ``apposed``); otherwise a big capital outweighs a small far
  namesake ("Dublin" beside Malibu: ``eligible``).
* **No coordinates rather than a wrong one**: when a candidate far from the best scores within
  ``MARGIN`` of it, the entity keeps only the country they share, if any.
* **One entity per real place**: countries, nations, states, regions get the gazetteer's name
  ("US", "America" -> "United States"; England stays England), the written forms as aliases,
  and entities of one place merge; their type follows the kind (GPE for countries, divisions
  and cities, LOC for continents, regions and seas) so that stores merge them across articles.
* **Non-places**: compass words ("the North", "East and West") are dropped, except a lone one
  the article spells out as a country ("the North" with "North Korean" -> North Korea); a name that
  spaCy types ORG more often than GPE/LOC in the article, or an all-capitals short name the
  gazetteer does not know ("BT"), is an organisation; a one-word name the article also writes
  as a lower-case word ("man") is geocoded only where a mention sits in a place context;
  celestial bodies ("Earth") are never geocoded; a name the gazetteer does not know that is a
  person's surname in the article ("Baros" after "Milan Baros") joins that person; so does a
  name the article also writes after a given name ("said Davenport" with "Lindsay Davenport"),
  or a name shaped like a person's ("Hind Dehiba"), where no mention stands in a place context;
  a name written with "!" ("Wham!") is a title, one always followed by "Cup" or "Trophy" an
  event ("Davis Cup"); "France's" before a name says whose it is, not that it is a place; a name
  always followed by a state's office ("New York Attorney General", "Washington state"), or listed
  with states ("New York, New Jersey and Connecticut"), is the state; the first word of a longer
  name ("Hurricane Mitch", "The Wedding Date"; not a country or a city of 100,000) or one after a
  ship's prefix ("HMS Belfast") is no place.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from newsgraph.analyse.base.data import data_lines
from newsgraph.analyse.entities import places
from newsgraph.analyse.entities.name_spans import GEO_LABELS, POSSESSIVE_TOKENS, place_context
from newsgraph.analyse.entities.names import known_given_name, org_words, titles
from newsgraph.analyse.entities.places import Place
from newsgraph.model import Entity

MARGIN = 5.0  # score points: a rival this close (and far away) leaves the place undecided
COUNTRY_SUPPORT = 12.0  # per city or division of the article in the candidate's country (at most two)
COUNTRY_NAMED = 6.0  # the country itself named: weak ("the US" in a story about Athens, Greece)
DIVISION_SUPPORT = 12.0  # another place of the article in the candidate's division
BIG_CAPITAL = 300_000  # a capital this big is what a name means unless the article names the namesake's state
OVERSHADOW = 4  # ...when the namesake has under a quarter of its people
SMALL_CITY = 100_000
KNOWN_ABROAD = 60  # names GeoNames lists for a small city the world knows ("Venice": 66; Runcorn: 8)  # below this, a city in a country the article never names is not taken
NEAR_KM = 100.0  # candidates closer than this are one answer as far as a map is concerned
COUNTY_KM = 60.0  # a city this close to a county's point may be in it ("Woodbridge, Suffolk")
APPOSED = re.compile(r",[ \t]+")
AREA_KINDS = ("continent", "region", "sea")
CANONICAL_KINDS = ("country", "nation", "state", "continent", "region", "sea")
TEAM_WORDS = {"City", "United", "Utd", "Rovers", "Athletic", "Albion", "Wanderers", "FC", "Hotspur", "Villa"}
TEAM_AFTER = re.compile(rf"[ \t]+(?:{'|'.join(sorted(TEAM_WORDS))})\b")
EVENT_AFTER = re.compile(r"[ \t]+(?:Cup|Trophy)\b")  # "Davis Cup", "Ryder Cup": an event, no place
WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
ORG_NOUN_AFTER = re.compile(rf",[ \t]+(?:the|a|an)[ \t]+(?:[\w'’-]+[ \t]+){{0,4}}?"
                            rf"(?:{'|'.join(sorted(data_lines('org_nouns.txt')))})\b")
ORG_NOUN_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(data_lines('org_nouns.txt')))})[ \t]+$")
# offices of a state or province: "the New York attorney general" is the state, not the city
STATE_AFTER = re.compile(r"[ \t]+(?:Gov\.|[Gg]overnor|[Aa]ttorney [Gg]eneral|State\b|state\b|[Ll]egislature|"
                         r"[Aa]ssembly|[Ss]enate|[Pp]remier\b)")
PLACE_WORDS = {"in", "at", "from", "to", "near", "outside", "across", "around", "towards", "toward", "into",
               "throughout", "via", "inside", "within"}
# where a person cannot stand either ("a pass from Fabregas", "sold to Davenport" can be a person)
WHERE_WORDS = PLACE_WORDS - {"from", "to", "towards", "toward", "into", "via"}
# "in"/"at" after these is about a work or an employer: "his role in Closer", "economist at Gerrard"
WORK_BEFORE = {"role", "roles", "part", "performance", "performances", "starring", "starred", "stars", "appeared",
               "appears", "appearance", "cameo", "character", "economist", "analyst", "strategist"}
CELESTIAL = {"Earth", "Moon", "Mars", "Venus", "Jupiter", "Saturn", "Mercury", "Pluto", "Sun", "Universe",
             "Neptune", "Uranus", "Milky Way"}
_COMPASS = r"((north|south)[- ]?(east|west)|north|south|east|west)(ern)?(\s+coast)?"
COMPASS_ONLY = re.compile(rf"^(the\s+)?{_COMPASS}(\s*(and|&|-|/)\s*(the\s+)?{_COMPASS})?$", re.IGNORECASE)
CITY_PART = re.compile(r"(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west|central|inner|outer)[ \t]+(?=[A-Z])",
                       re.IGNORECASE)
SHORT_CAPS = re.compile(r"^[A-Z&]{2,5}$")
SHIP_BEFORE = re.compile(r"\b(?:HMS|HMAS|HMCS|HMNZS|USS|USNS|RMS|MV)[ \t]+$")  # "HMS Belfast": a ship
# a verb or noun of a work before "<person> in <title>": "directing Tautou in Amelie"
WORK_VERBS = {"directing", "directed", "directs", "cast", "casting", "starring", "starred", "stars", "partnering",
              "opposite", "alongside"}

Support = tuple[Counter[str], Counter[tuple[str, str]]]
Candidates = tuple[tuple[Place, ...], frozenset[int]]  # the places, the geonameids of weak ones


def resolve_places(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """The article's entities with every place decided, merged and geocoded (others unchanged)."""
    if not any(e.type in GEO_LABELS for e in entities):
        return entities
    org_votes = _label_votes(doc)
    out: list[Entity] = []
    geo_ents: list[Entity] = []
    orgs = {e.name: e for e in entities if e.type == "ORG"}
    people = {k: e for e in entities if e.type == "PERSON" for k in (e.name, e.name.split()[-1])}
    ellipses: dict[int, Candidates] = {}
    for ent in entities:
        if ent.type not in GEO_LABELS:
            out.append(ent)
            continue
        verdict = shape_verdict(doc.text, ent) or non_place(ent, org_votes)
        elliptic = elliptic_country(doc.text, ent.name) if verdict == "drop" else None
        if verdict == "drop" and elliptic is None:
            continue
        if verdict == "ORG":
            _retype(ent, "ORG", orgs, out)
            continue
        full_name = person_named(doc, ent, people) if elliptic is None else None
        if full_name is not None:
            _to_person(ent, full_name, people, out)
            continue
        if elliptic is None and not places.candidates(ent.name) and not any(map(places.candidates, ent.aliases)):
            person = people.get(ent.name)
            if person is not None:  # "a pass from Baros" after "Milan Baros": the person
                person.mentions = sorted(person.mentions + ent.mentions)
                continue
            label = unknown_name_label(doc, ent, org_votes)
            if label is not None:
                _retype(ent, label, orgs, out)
                continue
        out.append(ent)
        geo_ents.append(ent)
        if elliptic is not None:
            ellipses[id(ent)] = ((elliptic,), frozenset())
    cands = apposed({id(e): ellipses.get(id(e)) or _candidates(doc, e) for e in geo_ents}, doc.text, geo_ents)
    sure = {id(e): _sure(cands[id(e)]) for e in geo_ents}
    chosen = {id(e): choose(cands[id(e)], context_support(sure, id(e), cands[id(e)])) for e in geo_ents}
    sure = {k: ([p] if p is not None else sure[k]) for k, p in chosen.items()}
    kept = {id(e): eligible(cands[id(e)], context_support(sure, id(e), cands[id(e)])) for e in geo_ents}
    chosen = {k: choose(c, context_support(sure, k, cands[k])) for k, c in kept.items()}
    merged = _apply(geo_ents, kept, chosen)
    return [e for e in out if id(e) not in merged]


def shape_verdict(text: str, ent: Entity) -> str | None:
    """What the written form around every mention says: "ORG" for a club ("Man Utd"), a title
    written with "!" ("Wham!"), a name after an organisation noun ("network Orange"; never a
    country, state or region), or the first word of an organisation's name ("the Unity
    Coalition", "Liberal Democrats"; not a country or a city of 100,000 people: "Cardiff
    University" is in Cardiff), "drop" for an event ("Davis Cup"), else None."""
    if names_a_team(text, ent) or any(text[e:e + 1] == "!" for _, e in ent.mentions):
        return "ORG"
    if ent.mentions and all(SHIP_BEFORE.search(text, max(0, s - 8), s) for s, _ in ent.mentions):
        return "drop"  # "HMS Belfast", "USS Arizona": a ship named after the place
    if any(ORG_NOUN_BEFORE.search(text, max(0, s - 30), s) or ORG_NOUN_AFTER.match(text, e) for s, e in ent.mentions) \
            and not any(p.kind in CANONICAL_KINDS for p in places.candidates(ent.name)):
        return "ORG"  # "mobile phone network Orange", "Baoshan, the country's largest steel producer"
    if ent.mentions and all(EVENT_AFTER.match(text, e) for _, e in ent.mentions):
        return "drop"  # before the organisation words, which end events' names too ("Cup")
    if ent.mentions and all(_org_after(text, e) for _, e in ent.mentions) \
            and not any(p.kind in ("country", "nation", "continent") or p.kind == "city" and p.population >= SMALL_CITY
                        for p in places.candidates(ent.name)):
        return "ORG"
    if ent.mentions and all(_inside_a_name(text, s, e) for s, e in ent.mentions) \
            and not any(p.kind in CANONICAL_KINDS or p.kind == "city" and p.population >= SMALL_CITY
                        for p in places.candidates(ent.name)):
        return "drop"  # "Hurricane Mitch", "The Wedding Date": the first word of a longer name
    return None


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """Is the mention the first word of a longer capitalised name the gazetteer does not know
    ("Hurricane Mitch"), not starting a sentence?"""
    m = WORD_AFTER.match(text, end)
    if m is None or places.candidates(text[start:m.end()]):
        return False
    before = text[max(0, start - 2):start].strip()
    return start > 0 and before not in (".", "!", "?", "") or text[max(0, start - 4):start] in ("The ", "the ")


def person_named(doc: Doc, ent: Entity, people: dict[str, Entity]) -> str | None:
    """The person a name typed as a place is, where no mention stands in a place context: the
    full name when the article writes it after a given name ("Lindsay Davenport" for "said
    Davenport") or has a person of that first name ("Lester Holt" for "pressure on Lester"), not
    for a country, a state, a capital or a city of a million; or the name itself when it is
    unknown to the gazetteer and shaped like a person's ("Hind Dehiba"); or the name and the
    word after it when every mention is followed by the surname of a person of the article
    named with a given name ("Tennessee Williams" beside "Roy Williams"; not "Glasgow Rugby"
    beside a "Glasgow Rugby" spaCy took for a person). Else None."""
    if any(in_place_context(doc, s, e, WHERE_WORDS) for s, e in ent.mentions) \
            or len(ent.name.split()) > 1 and ent.name.split()[-1] in TEAM_WORDS:
        return None  # "Man City" is a club, though "Man" is a given name
    followed = {m[1] for m in (WORD_AFTER.match(doc.text, e) for _, e in ent.mentions) if m}
    if len(followed) == 1 and len(ent.mentions) == sum(bool(WORD_AFTER.match(doc.text, e)) for _, e in ent.mentions):
        surname = followed.pop()  # "the Tennessee Williams drama" where Williams is a person of the article
        words = people[surname].name.split() if surname in people else []
        if len(words) >= 2 and words[-1] == surname and given_name(doc.text, words[0]) and surname != ent.name \
                and not places.candidates(f"{ent.name} {surname}"):
            return f"{ent.name} {surname}"
    found = places.candidates(ent.name)
    if all(p.kind == "city" and not p.capital and p.population < places.ALT_NAME_TRUSTED_POPULATION for p in found):
        first = [n for n in people if n.startswith(ent.name + " ") and people[n].name == n]
        if len(first) == 1 and " " not in ent.name:
            return first[0]
        for m in re.finditer(rf"\b([A-Z][a-z]+)[ \t]+{re.escape(ent.name)}\b(?![ \t]+[A-Z])", doc.text):
            if given_name(doc.text, m[1]) and not places.candidates(m[0]):
                return m[0].replace("\t", " ")
    words = ent.name.split()
    if not found and len(words) >= 2 and all(w[:1].isupper() and w.isalpha() for w in words) \
            and given_name(doc.text, words[0]):
        return ent.name
    return None


def _org_after(text: str, end: int) -> bool:
    m = WORD_AFTER.match(text, end)
    return m is not None and m[1] in _org_heads()


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    """Last words of organisations' names (names_org_words.txt), and of parties and plans."""
    return org_words() | {"Democrats", "Republicans", "Plan"}


def given_name(text: str, word: str) -> bool:
    """A word that is someone's first name here: a known given name, not a title ("King"), not a
    function word ("The", "In") and never written in lower case in the article ("Said", "Bay")."""
    return (known_given_name(word) and word not in titles() and word.lower() not in STOP_WORDS
            and not re.search(rf"\b{re.escape(word.lower())}\b", text))


def in_place_context(doc: Doc, start: int, end: int, words: set[str] = PLACE_WORDS, *, coordinated: bool = True) -> bool:
    """Does a mention stand where a place goes: after "in", "at", "from"…, or (``coordinated``)
    coordinated with a place the gazetteer knows (a team sheet's surnames are coordinated with
    each other, all typed as places) — unless a place's possessive says whose it is ("France's
    Hind Dehiba and …") or the words before say a work or an employer ("his role in Closer")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    i, j = span.start, span.end
    if i > 1 and doc[i - 1].text in POSSESSIVE_TOKENS and doc[i - 2].ent_type_ in GEO_LABELS:
        return False
    if i > 0 and doc[i - 1].lower_ in words:
        return not (i > 1 and doc[i - 1].lower_ in ("in", "at") and _work_before(doc, i - 2))
    return coordinated and place_context(doc, i, j) and any(_known_place(doc, k) for k in (i - 2, j + 1, doc[j - 1].head.i))


def _work_before(doc: Doc, k: int) -> bool:
    """Does token ``k`` (before "in"/"at") end a work or an employer: "his role", "economist", or
    a name after a verb of casting ("directing Tautou", "starring Jude Law")?"""
    if doc[k].lower_ in WORK_BEFORE:
        return True
    names = 0
    while k >= 0 and doc[k].pos_ == "PROPN" and names < 3:  # spaCy may type the person anything
        k, names = k - 1, names + 1
    return names > 0 and k >= 0 and doc[k].lower_ in WORK_VERBS


def _beside_a_state(doc: Doc, start: int, end: int) -> bool:
    """Is the mention in a list with a state ("New York, New Jersey and Connecticut")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    i, j = span.start, span.end
    near = [k for k, link in ((i - 2, i - 1), (j + 1, j)) if 0 <= link < len(doc) and doc[link].lower_ in (",", "and", "or")]
    for ent in doc.ents:
        if ent.label_ in GEO_LABELS and any(ent.start <= k < ent.end for k in near):
            place = places.lookup(ent.text)
            if place is not None and place.kind == "state":
                return True
    return False


def _known_place(doc: Doc, k: int) -> bool:
    """Is token ``k`` inside a place-typed entity the gazetteer knows?"""
    if not 0 <= k < len(doc) or doc[k].ent_type_ not in GEO_LABELS:
        return False
    return any(span.start <= k < span.end and bool(places.candidates(span.text)) for span in doc.ents)


def names_a_team(text: str, ent: Entity) -> bool:
    """Every mention directly followed by a team word ("Man City", "Man Utd"): a club, whatever
    town the first word may also be."""
    return bool(ent.mentions) and all(TEAM_AFTER.match(text, e) for _, e in ent.mentions)


def non_place(ent: Entity, org_votes: Counter[tuple[str, str]]) -> str | None:
    """"drop" (not an entity), "ORG" (an organisation spaCy typed as a place) or None."""
    name = ent.name
    if COMPASS_ONLY.match(name) or name in CELESTIAL:
        return "drop"
    if org_votes[(name, "ORG")] > org_votes[(name, "GEO")]:
        return "ORG"
    if SHORT_CAPS.match(name) and not places.candidates(name):
        return "ORG"
    return None


def elliptic_country(text: str, name: str) -> Place | None:
    """ "the North" is North Korea where the article writes "North Korea(n)" and no other country
    of that compass word ("North Macedonia"); else None."""
    words = name.split()
    if words[0].lower() == "the":
        words = words[1:]
    if len(words) != 1 or words[0].lower() not in ("north", "south", "east", "west"):
        return None
    word = words[0].capitalize()
    named = [p for p in places.countries_starting(word) if re.search(rf"\b{re.escape(p.name)}", text)]
    return named[0] if len(named) == 1 else None


def unknown_name_label(doc: Doc, ent: Entity, votes: Counter[tuple[str, str]]) -> str | None:
    """A name the gazetteer does not know, typed as a place, with no mention where a place goes
    (after "in", "at", "near"…; "from" and "to" are no evidence for a name no gazetteer knows
    ("strikes from Rivaldo"), nor being coordinated with places, as in a team sheet: "Macken,
    Weaver, Onuoha, Jordan"): the label spaCy gives it elsewhere in
    the article, else ORG; a team ("Manchester City") is ORG wherever it stands. None: a place.
    PERSON only for a name led by a known given name ("Almunia, Lauren, Cygan" in a team sheet):
    one the people stage judged a thing ("USB and Firewire ports") does not come back a person by spaCy's vote."""
    if ent.name.split()[-1] in TEAM_WORDS and len(ent.name.split()) > 1:
        return "ORG"
    # a town of 5,000+ keeps the whole place context: "from Gorebridge to Edinburgh", "Bath, Wells, Frome"
    town = bool(places.towns().get(ent.name))
    if any(in_place_context(doc, s, e, PLACE_WORDS if town else WHERE_WORDS, coordinated=town) for s, e in ent.mentions):
        return None
    other = [(n, label) for (text, label), n in votes.items() if text == ent.name and label != "GEO"
             and (label != "PERSON" or known_given_name(ent.name.split()[0]))]
    return max(other)[1] if other else "ORG"


def apposed(cands: dict[int, Candidates], text: str, geo_ents: list[Entity]) -> dict[int, Candidates]:
    """ "Woodbridge, Suffolk", "Paris, Texas", "Perth, Australia": a city written before a comma
    and a division or country that holds one of its candidates is that candidate, and the
    division the one that holds it, whatever the rest of the article names."""
    starts = {s: e for e in geo_ents for s, _ in e.mentions}
    out = dict(cands)
    for ent in geo_ents:
        for _, end in ent.mentions:
            comma = APPOSED.match(text, end)
            other = starts.get(comma.end()) if comma else None
            if other is None or other is ent:
                continue
            pairs = [(p, q) for p in out[id(ent)][0] if p.kind == "city" for q in out[id(other)][0] if holds(q, p)]
            if pairs:
                out[id(ent)] = (tuple(dict.fromkeys(p for p, _ in pairs)), frozenset())
                out[id(other)] = (tuple(dict.fromkeys(q for _, q in pairs)), frozenset())
    return out


def holds(area: Place, city: Place) -> bool:
    """Is the city in that country, state or nation (same division), or county (near its point)?"""
    if area.country != city.country or area.country is None:
        return False
    if area.kind == "country":
        return True
    if area.kind in ("state", "nation"):
        return bool(area.division) and area.division == city.division
    return area.kind == "county" and distance_km(area, city) < COUNTY_KM


def eligible(cands: Candidates, support: Support) -> Candidates:
    """The candidates the article allows: a weak one only when the article names its division, a
    small city abroad only when the article's places include its country ("Broadmoor" in a story
    set in England is not the Canadian town; where the article only names countries, nothing is
    abroad: "Cannes" among Canada and Germany; a city the world knows is never abroad: "Venice"), a town under 15,000 only with its country, and a
    small namesake of a big capital not at all (``_overshadowed``)."""
    countries, divisions = support
    set_in = any(countries.values())  # some country has a city or division of the article
    capital = next((p for p in cands[0] if p.kind == "city" and p.capital and p.population >= BIG_CAPITAL), None)
    return (tuple(p for p in cands[0] if (p.geonameid not in cands[1] or p.country and divisions[(p.country, p.division)])
                  and not (set_in and p.kind == "city" and p.population < SMALL_CITY and p.country not in countries
                           and p.fame < KNOWN_ABROAD)
                  and not (p.town and p.country not in countries)
                  and not (capital and _overshadowed(p, capital))),
            frozenset())


def _overshadowed(p: Place, capital: Place) -> bool:
    """Is ``p`` a city under a quarter of a same-named capital of 300,000+, far from it ("Dublin",
    California beside Malibu; "Washington", England; "Athens", Georgia in a story of US athletes)? Such a town needs its state or county
    written next to it ("Dublin, Ohio": ``apposed``); the article's other places say less."""
    return p.kind == "city" and p.population * OVERSHADOW < capital.population and distance_km(p, capital) > NEAR_KM


def choose(cands: Candidates, support: Support) -> Place | None:
    """The ``eligible`` candidate the evidence decides for, or None when a far rival scores within MARGIN."""
    countries, divisions = support
    cands = eligible(cands, support)
    if not cands[0]:
        return None
    scored = sorted(((score(p, countries, divisions), n, p) for n, p in enumerate(cands[0])),
                    key=lambda s: (-s[0], s[1]))
    best_score, _, best = scored[0]
    if best.kind == "country" and best.country not in countries:
        # a division of a country the article is about beats a same-named country it never
        # mentions ("Georgia" among Florida and Ohio)
        local = [p for _, _, p in scored if p.kind == "state" and p.country and countries[p.country] >= 2]
        if len(local) == 1:
            return local[0]
    for s, _, p in scored[1:]:
        if best_score - s >= MARGIN:
            break
        if p.geonameid != best.geonameid and distance_km(p, best) > NEAR_KM:
            return None
    return best


def score(p: Place, countries: Counter[str], divisions: Counter[tuple[str, str]]) -> float:
    """Prior plus what the other places of the article say for this candidate."""
    s = p.prior()
    if p.country and p.country in countries:
        local = bool(p.division and divisions[(p.country, p.division)])
        if p.kind == "city" and p.population < SMALL_CITY and not local:
            s += COUNTRY_NAMED  # a town far from every other place named (Venice, Florida beside New York)
        else:
            s += COUNTRY_SUPPORT * min(countries[p.country], 2) or COUNTRY_NAMED
        if local:
            s += DIVISION_SUPPORT
    return s


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance; unknown coordinates count as far apart."""
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return math.inf
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    dlon = math.radians(b.lon - a.lon)
    c = math.sin(la1) * math.sin(la2) + math.cos(la1) * math.cos(la2) * math.cos(dlon)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


# ---------------------------------------------------------------- helpers


def _label_votes(doc: Doc) -> Counter[tuple[str, str]]:
    """How often each entity text is typed as a place (GEO) or as a named thing by spaCy in this article."""
    votes: Counter[tuple[str, str]] = Counter()
    for span in doc.ents:
        label = "GEO" if span.label_ in GEO_LABELS else span.label_
        if label in ("GEO", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "PERSON"):
            votes[(span.text, label)] += 1
    return votes


def _to_person(ent: Entity, name: str, people: dict[str, Entity], out: list[Entity]) -> None:
    """A person's name typed as a place: its mentions join the article's person of that name (or
    surname), else it becomes that person, the written form kept as an alias."""
    person = people.get(name) or people.get(ent.name)
    if person is not None:
        person.mentions = sorted(person.mentions + ent.mentions)
        return
    ent.type, ent.geo = "PERSON", None
    if name != ent.name:
        ent.aliases = [ent.name, *ent.aliases]
        ent.name = name
    people[name] = ent
    out.append(ent)


def _retype(ent: Entity, label: str, orgs: dict[str, Entity], out: list[Entity]) -> None:
    """A non-place typed as a place: an organisation joins the article's ORG entity of that name
    (or becomes one), anything else takes its label."""
    ent.geo = None
    if label == "ORG" and ent.name in orgs:
        orgs[ent.name].mentions = sorted(orgs[ent.name].mentions + ent.mentions)
        return
    ent.type = label
    if label == "ORG":
        orgs[ent.name] = ent
    out.append(ent)


def _candidates(doc: Doc, ent: Entity) -> Candidates:
    """Places the entity may be, from its name and aliases, with the non-place rules applied; and
    the weak ones among them (an alternative name of a city under a million people)."""
    if ent.name in CELESTIAL:
        return (), frozenset()
    state = places.division(ent.name)
    if state is not None and ent.mentions and (all(STATE_AFTER.match(doc.text, e) for _, e in ent.mentions)
                                               or any(_beside_a_state(doc, s, e) for s, e in ent.mentions)):
        return (state,), frozenset()
    found: list[Place] = []
    for name in [ent.name, *ent.aliases]:
        found.extend(p for p in (*places.candidates(name), *places.towns().get(name, ())) if p not in found)
    if not found:
        found = qualified_city(ent.name)
    if found and ent.name.istitle() and " " not in ent.name and _common_word(doc, ent):
        return (), frozenset()
    primaries = {p.geonameid for p in found if p.primary}
    weak = frozenset(p.geonameid for p in found if not p.primary and p.geonameid not in primaries
                     and p.population < places.ALT_NAME_TRUSTED_POPULATION)
    return tuple(found), weak


def qualified_city(name: str) -> list[Place]:
    """The city a part of it names ("west London", "north-west Leeds": the city's point), or a
    lower-cased name's own places ("north America"); [] for anything else."""
    m = CITY_PART.match(name)
    if m is not None:
        return [p for p in places.candidates(name[m.end():]) if p.kind == "city"]
    return list(places.candidates(name[:1].upper() + name[1:])) if name[:1].islower() else []


def _common_word(doc: Doc, ent: Entity) -> bool:
    """A one-word name the article also writes in lower case ("man"), with no mention in a place context."""
    if not re.search(rf"(?<![\w-]){re.escape(ent.name.lower())}(?![\w-])", doc.text):
        return False
    for s, e in ent.mentions:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and place_context(doc, span.start, span.end):
            return False
    return True


def _sure(cands: Candidates) -> list[Place]:
    """The candidates an entity contributes as context before any choice: all of them when they
    share one country (weak ones aside), else none."""
    real = [p for p in cands[0] if p.geonameid not in cands[1]]
    return real if real and len({p.country for p in real}) == 1 else []


def context_support(sure: dict[int, list[Place]], own: int, own_cands: Candidates) -> Support:
    """Countries and divisions named by the article's other places (each place counted once); a
    place that may be this one ("Mexico City" for "Mexico") is no evidence for it."""
    countries: Counter[str] = Counter()
    named: set[str] = set()
    divisions: Counter[tuple[str, str]] = Counter()
    own_ids = {p.geonameid for p in own_cands[0]}
    for key, ps in sure.items():
        if key == own or not ps or any(p.geonameid in own_ids for p in ps):
            continue
        p = ps[0]
        if not p.country:
            continue
        if p.kind == "country":
            named.add(p.country)
            continue
        countries[p.country] += 1
        if p.division and all(q.division == p.division for q in ps):
            divisions[(p.country, p.division)] += 1
    for code in named - set(countries):
        countries[code] = 0  # present, weakly (see score)
    return countries, divisions


def _apply(geo_ents: list[Entity], cands: dict[int, Candidates], chosen: dict[int, Place | None]) -> set[int]:
    """Set geo, canonical name and type; merge entities of one place. Returns the ids merged away."""
    first: dict[int, Entity] = {}
    merged: set[int] = set()
    for ent in geo_ents:
        place = chosen[id(ent)]
        if place is None:
            shared = {p.country for p in cands[id(ent)][0] if p.geonameid not in cands[id(ent)][1]}
            ent.geo = {"lat": None, "lon": None, "country": shared.pop(), "kind": None} \
                if len(shared) == 1 and None not in shared else None
            continue
        ent.geo = place.geo()
        ent.type = "LOC" if place.kind in AREA_KINDS else "GPE"
        if place.kind in CANONICAL_KINDS and place.name != ent.name:
            if ent.name not in ent.aliases:
                ent.aliases.insert(0, ent.name)
            ent.name = place.name
            ent.aliases = [a for a in ent.aliases if a != place.name]
        keeper = first.setdefault(place.geonameid, ent)
        if keeper is not ent:
            keeper.mentions = sorted(keeper.mentions + ent.mentions)
            for a in [ent.name, *ent.aliases]:
                if a != keeper.name and a not in keeper.aliases:
                    keeper.aliases.append(a)
            merged.add(id(ent))
    return merged
