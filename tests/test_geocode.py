"""Geocoding places on invented sentences: every kind of place, context deciding between
same-named places, one entity per real place, non-places out (issue 17)."""

from __future__ import annotations

from collections import Counter

import pytest

import newsgraph.analyse.components  # noqa: F401  (registers the components the fixture adds)
from newsgraph.analyse.entities import geocode, places
from newsgraph.analyse.entities.places import Place
from newsgraph.model import Entity
from tests.test_people import analyse, nlp  # noqa: F401  (the people-only pipeline fixture)


def geo_places(nlp, text: str) -> dict[str, Entity]:  # type: ignore[no-untyped-def]  # noqa: F811
    return {e.name: e for e in analyse(nlp, text) if e.type in ("GPE", "LOC")}


# ---------------------------------------------------------------- the gazetteer


@pytest.mark.parametrize("name, kind, country", [
    ("Kazakhstan", "country", "KZ"), ("France", "country", "FR"), ("Soviet Union", "country", "SU"),
    ("Texas", "state", "US"), ("Ontario", "state", "CA"), ("Wales", "nation", "GB"), ("England", "nation", "GB"),
    ("Central Asia", "region", None), ("Middle East", "region", None), ("Russian Far East", "region", "RU"),
    ("Siberia", "region", "RU"), ("Scandinavia", "region", None), ("Arctic Circle", "region", None),
    ("Asia", "continent", None), ("New York", "city", "US"), ("Washington", "city", "US"),
])
def test_every_kind_of_place_has_coordinates(name: str, kind: str, country: str | None) -> None:
    place = places.lookup(name)
    assert place is not None and place.kind == kind and place.country == country
    assert place.lat is not None and place.lon is not None
    assert set(place.geo()) == {"lat", "lon", "country", "kind"}


def test_written_forms_of_one_country_are_one_place() -> None:
    us = {places.lookup(n).geonameid for n in ("US", "USA", "U.S.", "United States", "America", "the US")}  # type: ignore[union-attr]
    uk = {places.lookup(n).geonameid for n in ("UK", "Britain", "United Kingdom", "Great Britain")}  # type: ignore[union-attr]
    assert len(us) == 1 and len(uk) == 1
    assert places.lookup("England").geonameid not in uk  # type: ignore[union-attr]


def test_generic_division_names_are_no_places() -> None:
    for word in ("Central", "Capital", "North", "East", "Centre"):
        assert places.lookup(word) is None, word


# ---------------------------------------------------------------- choosing by context


def _city(name: str, country: str, lat: float, lon: float, pop: int, division: str, gid: int) -> Place:
    return Place(name, "city", country, lat, lon, pop, True, gid, division)


def test_close_rivals_leave_no_coordinates_and_support_decides() -> None:
    a = _city("Springfield", "AA", 10.0, 10.0, 300_000, "01", 1)
    b = _city("Springfield", "BB", -30.0, 140.0, 280_000, "02", 2)
    none: geocode.Support = (Counter(), Counter())
    assert geocode.choose(((a, b), frozenset()), none) is None
    assert geocode.choose(((a, b), frozenset()), (Counter({"BB": 1}), Counter())) is b
    assert geocode.choose(((a, b), frozenset()), (Counter({"AA": 1}), Counter({("AA", "01"): 1}))) is a


def test_a_weak_alternative_name_needs_its_division() -> None:
    alt = _city("Topeka", "AA", 39.0, -95.7, 120_000, "KS", 3)
    assert geocode.choose(((alt,), frozenset({3})), (Counter({"AA": 2}), Counter())) is None
    assert geocode.choose(((alt,), frozenset({3})), (Counter({"AA": 1}), Counter({("AA", "KS"): 1}))) is alt


def test_context_chooses_between_same_named_cities(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    uk = geo_places(nlp, "Supporters drove from London to Newcastle for the game. Police in England said it was calm.")
    assert uk["Newcastle"].geo["country"] == "GB"  # type: ignore[index]
    au = geo_places(nlp, "The port of Newcastle in New South Wales ships coal. Traders in Sydney were pleased.")
    assert au["Newcastle"].geo["country"] == "AU"  # type: ignore[index]
    alone = geo_places(nlp, "Officials said the council in Newcastle had approved the plan on Monday.")
    assert not alone["Newcastle"].geo or alone["Newcastle"].geo["lat"] is None


def test_a_borough_named_like_foreign_cities(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ents = geo_places(nlp, "Ministers met at Westminster while protesters marched through London.")
    assert ents["Westminster"].geo["country"] == "GB"  # type: ignore[index]


def test_a_big_city_wins_without_context(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ents = geo_places(nlp, "The designer opened a shop in Paris last year.")
    assert ents["Paris"].geo["country"] == "FR"  # type: ignore[index]


# ---------------------------------------------------------------- one entity per real place


def test_forms_of_one_country_merge_into_its_name(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ents = geo_places(nlp, "Officials in the US said America would act. The United States and Britain agreed, "
                           "and the UK sent ships. England was not consulted.")
    us = ents["United States"]
    assert {"US", "America"} <= set(us.aliases) and len(us.mentions) == 3
    assert "United Kingdom" in ents and "England" in ents
    assert ents["England"].geo["kind"] == "nation"  # type: ignore[index]
    assert not {"US", "America", "UK", "Britain"} & set(ents)


def test_regions_are_locations_with_a_point(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ents = geo_places(nlp, "He grew up in Kazakhstan, in Central Asia, and later worked in Siberia and the Middle East.")
    for name in ("Kazakhstan", "Central Asia", "Siberia", "Middle East"):
        assert ents[name].geo and ents[name].geo["lat"] is not None, name
    assert ents["Central Asia"].type == "LOC" and ents["Kazakhstan"].type == "GPE"


# ---------------------------------------------------------------- non-places


def test_compass_words_are_no_places_unless_the_article_says_which_country(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ents = geo_places(nlp, "Talks between the North and the South stalled, officials in Rome said.")
    assert not {"North", "South", "the North", "North and South"} & set(ents)
    korea = geo_places(nlp, "North Korean soldiers crossed the border. The North denied it, diplomats in Seoul said.")
    assert "North Korea" in korea and korea["North Korea"].geo["country"] == "KP"  # type: ignore[index]


def test_short_capital_names_unknown_to_the_gazetteer_are_organisations() -> None:
    assert geocode.non_place(Entity("BT", "GPE"), Counter()) == "ORG"
    assert geocode.non_place(Entity("UK", "GPE"), Counter()) is None
    assert geocode.non_place(Entity("Acme", "GPE"), Counter({("Acme", "ORG"): 2, ("Acme", "GEO"): 1})) == "ORG"


def test_celestial_bodies_and_common_words_get_no_coordinates(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ents = geo_places(nlp, "The film Earth opened in Madrid. Scientists said the Earth was warming.")
    assert "Earth" not in ents or not ents["Earth"].geo


def test_a_surname_typed_as_a_place_joins_its_person(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ents = analyse(nlp, "Striker Tomas Verbaro scored twice. Midfielder Joe Smith took a pass from Verbaro in the end.")
    assert not any(e.name == "Verbaro" and e.type in ("GPE", "LOC") for e in ents)


def test_a_place_that_may_be_this_one_is_no_evidence_for_it() -> None:
    country = Place("Arcadia", "country", "AR", 20.0, -100.0, 1_000_000, True, -5)
    capital = Place("Arcadia City", "city", "AR", 19.4, -99.1, 9_000_000, True, 77, "09")
    sure = {1: [capital], 2: [Place("Port", "city", "AR", 29.0, -111.0, 800_000, True, 78, "26")]}
    support = geocode.context_support(sure, 0, ((country, capital), frozenset()))
    assert geocode.choose(((country, capital), frozenset()), support) is country


def test_a_small_city_abroad_needs_its_country_in_the_article() -> None:
    town = _city("Oakmoor", "CC", 49.1, -123.1, 20_000, "02", 9)
    assert geocode.choose(((town,), frozenset()), (Counter({"DD": 2}), Counter())) is None
    assert geocode.choose(((town,), frozenset()), (Counter({"CC": 0}), Counter())) is town
    assert geocode.choose(((town,), frozenset()), (Counter(), Counter())) is town


def test_a_town_name_before_a_team_word_is_the_club() -> None:
    text = "Man City 0-2 Man Utd"
    second = text.index("Man", 1)
    assert geocode.names_a_team(text, Entity("Man", "GPE", mentions=[(0, 3), (second, second + 3)]))
    other = "Man is a town. Man City won."
    second = other.index("Man", 1)
    assert not geocode.names_a_team(other, Entity("Man", "GPE", mentions=[(0, 3), (second, second + 3)]))


# ---------------------------------------------------------------- issue 17, second round


def _span(text: str, name: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return start, start + len(name)


def test_a_title_an_event_and_an_organisation_are_no_places() -> None:
    band = "Wham! played in Bristol. Fans of Wham! sang."
    assert geocode.shape_verdict(band, Entity("Wham", "GPE", [_span(band, "Wham"), _span(band, "Wham", 1)])) == "ORG"
    event = "Spain won the Davis Cup after a long Davis Cup final."
    assert geocode.shape_verdict(event, Entity("Davis", "GPE", [_span(event, "Davis"), _span(event, "Davis", 1)])) == "drop"
    party = "She joined the Unity Coalition last year."
    assert geocode.shape_verdict(party, Entity("Unity", "GPE", [_span(party, "Unity")])) == "ORG"
    college = "He studied at Cardiff University."  # a city of 100,000+: the place is still named
    assert geocode.shape_verdict(college, Entity("Cardiff", "GPE", [_span(college, "Cardiff")])) is None
    plain = "Davis is a town. Rain fell on Davis."
    assert geocode.shape_verdict(plain, Entity("Davis", "GPE", [_span(plain, "Davis"), _span(plain, "Davis", 1)])) is None


def test_a_town_under_15000_needs_its_country_in_the_article() -> None:
    assert places.lookup("Gorebridge") is None  # not a place for typing names...
    town = places.towns()["Gorebridge"][0]  # ...but a candidate when geocoding one
    assert town.town and town.country == "GB" and town.lat is not None
    assert geocode.choose(((town,), frozenset()), (Counter(), Counter())) is None
    assert geocode.choose(((town,), frozenset()), (Counter({"US": 2}), Counter())) is None
    assert geocode.choose(((town,), frozenset()), (Counter({"GB": 1}), Counter())) is town


def test_where_the_article_only_names_countries_nothing_is_abroad() -> None:
    resort = _city("Belmare", "FF", 43.5, 7.0, 70_000, "93", 11)
    named_only: geocode.Support = (Counter({"CC": 0, "DD": 0}), Counter())
    assert geocode.choose(((resort,), frozenset()), named_only) is resort
    set_elsewhere: geocode.Support = (Counter({"CC": 2}), Counter())
    assert geocode.choose(((resort,), frozenset()), set_elsewhere) is None


def test_a_small_namesake_far_from_the_other_places_gets_little_support() -> None:
    famous = Place("Lagoona", "city", "IT", 45.4, 12.3, 51_000, True, 21, "20", False, 66)
    namesake = _city("Lagoona", "US", 27.1, -82.4, 40_000, "FL", 22)
    # the article names a US city in another state and only names Italy
    support: geocode.Support = (Counter({"US": 2, "IT": 0}), Counter({("US", "NY"): 2}))
    assert geocode.choose(((famous, namesake), frozenset()), support) is famous
    # a place in the namesake's own state does support it
    local: geocode.Support = (Counter({"US": 2}), Counter({("US", "FL"): 1}))
    assert geocode.choose(((famous, namesake), frozenset()), local) is namesake


def test_a_hyphenated_city_is_also_called_by_its_first_part() -> None:
    assert places.common_form("Clermont", "Clermont-Ferrand")
    assert not places.common_form("Ferrandia", "Clermont-Ferrand")


def test_a_person_typed_as_a_place(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    text = "Tennis star Lindsay Davenport won easily. \u201cI felt strong,\u201d said Davenport after the match."
    doc = nlp(text)
    said = Entity("Davenport", "GPE", [_span(text, "Davenport", 1)])
    assert geocode.person_named(doc, said, {}) == "Lindsay Davenport"
    home = "Tennis star Lindsay Davenport flew home. Rain fell in Davenport on Sunday."
    assert geocode.person_named(nlp(home), Entity("Davenport", "GPE", [_span(home, "Davenport", 1)]), {}) is None
    race = "Sara Lind beat France's Hind Dehiba and Russia's Olga Petrova in the final."
    doc = nlp(race)
    athlete = Entity("Hind Dehiba", "GPE", [_span(race, "Hind Dehiba")])
    assert not geocode.in_place_context(doc, *athlete.mentions[0])  # "France's" says whose, not where
    assert geocode.person_named(doc, athlete, {}) == "Hind Dehiba"


def test_surnames_in_a_team_sheet_are_no_places(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    text = "Subs not used: Macken, Weaver, Onuoha, Jordan. Referee: H Webb."
    doc = nlp(text)
    player = Entity("Onuoha", "GPE", [_span(text, "Onuoha")])
    assert geocode.unknown_name_label(doc, player, Counter()) == "ORG"
    trip = "The team trained in Onuoha all week."
    assert geocode.unknown_name_label(nlp(trip), Entity("Onuoha", "GPE", [_span(trip, "Onuoha")]), Counter()) is None
    goal = "Chelsea went down to strikes from Onuoha and Weaver."
    assert geocode.unknown_name_label(nlp(goal), Entity("Onuoha", "GPE", [_span(goal, "Onuoha")]), Counter()) == "ORG"


def test_a_state_office_names_the_state_not_its_city(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ents = geo_places(nlp, "The New York Attorney General opened an inquiry into the insurer on Monday.")
    assert ents["New York"].geo["kind"] == "state"  # type: ignore[index]
    city = geo_places(nlp, "The insurer opened an office in New York on Monday.")
    assert city["New York"].geo["kind"] == "city"  # type: ignore[index]


def test_a_name_after_an_organisation_noun_is_the_organisation() -> None:
    text = "Subscriptions to mobile phone network Tangerine grew, and Tangerine hired staff."
    ent = Entity("Tangerine", "GPE", [_span(text, "Tangerine"), _span(text, "Tangerine", 1)])
    assert geocode.shape_verdict(text, ent) == "ORG"
    giant = "Exports to the Asian giant China grew."
    assert geocode.shape_verdict(giant, Entity("China", "GPE", [_span(giant, "China")])) is None


def test_agency_abbreviations_of_us_states() -> None:
    for written, state in (("Ala.", "Alabama"), ("N.C.", "North Carolina"), ("Ga.", "Georgia"), ("Calif.", "California")):
        place = places.lookup(written)
        assert place is not None and (place.name, place.kind, place.country) == (state, "state", "US"), written


def test_in_a_film_or_at_an_employer_is_no_place(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    for text, name in (("She won praise for her role in Starlit, a thriller.", "Starlit"),
                       ("Tom Hale, chief economist at Brennick, said rates would rise.", "Brennick")):
        ent = Entity(name, "GPE", [_span(text, name)])
        assert geocode.unknown_name_label(nlp(text), ent, Counter()) == "ORG", text
    stay = "She spent a week in Starlit before the final."
    assert geocode.unknown_name_label(nlp(stay), Entity("Starlit", "GPE", [_span(stay, "Starlit")]), Counter()) is None


def test_the_first_word_of_a_longer_name_or_a_company_described_is_no_place() -> None:
    storm = "Aid came after Hurricane Kestrel hit the coast."
    assert geocode.shape_verdict(storm, Entity("Hurricane", "GPE", [_span(storm, "Hurricane")])) == "drop"
    film = "New entries included The Wedding Date, a comedy."
    assert geocode.shape_verdict(film, Entity("Wedding", "GPE", [_span(film, "Wedding")])) == "drop"
    firm = "Rival Tanshan, the country's largest steel producer, said prices would rise."
    assert geocode.shape_verdict(firm, Entity("Tanshan", "GPE", [_span(firm, "Tanshan")])) == "ORG"
    town = "He visited Wells. Bath is near."
    assert geocode.shape_verdict(town, Entity("Wells", "GPE", [_span(town, "Wells")])) is None


def test_a_name_listed_with_states_is_the_state(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ents = geo_places(nlp, "Auditors read his tax filings in New York, New Jersey and Connecticut last year.")
    assert ents["New York"].geo["kind"] == "state"  # type: ignore[index]


def test_a_town_keeps_its_place_context(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    for text in ("The tour visits Canterbury, Wells and Taunton this week.", "A bus runs from Wells to Bristol."):
        ent = Entity("Wells", "GPE", [_span(text, "Wells")])
        assert geocode.unknown_name_label(nlp(text), ent, Counter()) is None, text


# ---------------------------------------------------------------- issue 17, fifth round


def test_a_ship_named_after_a_place_is_no_place() -> None:
    text = "The band played aboard HMS Glenrock, moored on the river."
    assert geocode.shape_verdict(text, Entity("Glenrock", "GPE", [_span(text, "Glenrock")])) == "drop"
    town = "The band played in Glenrock last night."
    assert geocode.shape_verdict(town, Entity("Glenrock", "GPE", [_span(town, "Glenrock")])) is None


def test_a_town_before_a_comma_and_its_county_or_state_is_the_one_there(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    county = geo_places(nlp, "Mr Hale, of Woodbridge, Suffolk, has resigned as the branch chairman.")
    assert county["Suffolk"].geo["country"] == "GB" and county["Suffolk"].geo["lat"] is not None  # type: ignore[index]
    assert county["Woodbridge"].geo["country"] == "GB"  # type: ignore[index]
    state = geo_places(nlp, "She grew up in Paris, Texas, before moving abroad.")
    assert state["Paris"].geo["country"] == "US"  # type: ignore[index]


def test_a_work_after_casting_a_name_is_no_place(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ents = geo_places(nlp, "The director was praised for directing Marceau in Zorbelle in 2003, her first lead.")
    assert "Zorbelle" not in ents


def test_a_place_name_before_a_persons_surname_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    text = "The revival of the Nevada Kowalczyk comedy opens in Leeds. Its star, Arthur Kowalczyk, is his grandson."
    ents = analyse(nlp, text)
    assert "Nevada" not in {e.name for e in ents if e.type in ("GPE", "LOC")}
    assert any(e.name == "Leeds" for e in ents if e.type == "GPE") and any(e.name == "Nevada Kowalczyk" for e in ents)


def test_a_big_capital_outweighs_a_small_namesake_unless_its_state_is_written_next_to_it(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    film = geo_places(nlp, "The actor retired to Malibu, California, after years on the Dublin stage.")
    assert film["Dublin"].geo["country"] == "IE"  # type: ignore[index]
    games = geo_places(nlp, "The sprinters from Texas and Ohio won gold in Athens last summer.")
    assert games["Athens"].geo["country"] == "GR"  # type: ignore[index]
    town = geo_places(nlp, "He grew up in Dublin, Ohio, and studied in Columbus.")
    assert town["Dublin"].geo["country"] == "US"  # type: ignore[index]


def test_a_big_city_of_its_own_name_beats_a_former_name() -> None:
    assert all(p.primary for p in places.candidates("Philadelphia"))
    assert places.lookup("Stalingrad").name == "Volgograd"  # type: ignore[union-attr]


def test_a_county_the_second_level_splits_and_a_county_beside_its_country(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert places.lookup("Lanarkshire").kind == "county"  # type: ignore[union-attr]
    born = geo_places(nlp, "Born in Runcorn, Cheshire, she later moved to Venice.")
    assert born["Cheshire"].geo["country"] == "GB" and born["Runcorn"].geo["country"] == "GB"  # type: ignore[index]
    assert born["Venice"].geo["country"] == "IT"  # type: ignore[index]  # a city the world knows is never "abroad"
    county = geo_places(nlp, "The floods hit farms across Kent, and ministers in the UK promised help.")
    assert county["Kent"].geo["kind"] == "county"  # type: ignore[index]


def test_a_part_of_a_city_has_the_citys_point() -> None:
    assert [p.name for p in geocode.qualified_city("west London")][:1] == ["London"]
    assert [p.name for p in geocode.qualified_city("North-East Leeds")] == ["Leeds"]
    assert geocode.qualified_city("west Narnia") == [] and geocode.qualified_city("Westwood") == []
