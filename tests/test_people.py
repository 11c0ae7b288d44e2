"""People of one article: names, grouping, roles, aliases (seed gold + invented sentences)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsgraph
from newsgraph.analyse.entities import names
from newsgraph.model import Entity
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    """spaCy + the paragraph marks + the people component only (independent of later components)."""
    import spacy

    from newsgraph.analyse import components  # noqa: F401  (registers the components)
    from newsgraph.analyse.model_choice import default_model

    pipe = spacy.load(default_model())
    pipe.add_pipe("newsgraph_paragraphs", before="parser")
    pipe.add_pipe("newsgraph_people")
    return pipe


def analyse(nlp, text: str) -> list[Entity]:  # type: ignore[no-untyped-def]
    from newsgraph.analyse.pipeline import make_doc
    from newsgraph.clean import segment

    return nlp(make_doc(nlp, text, segment(text, None), None))._.entities


def people(ents: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in ents if e.type == "PERSON"}


def owner(ents: list[Entity], text: str, start: int) -> str | None:
    """Name of the person whose mention starts at ``start``."""
    for e in ents:
        if e.type == "PERSON" and any(s == start for s, _ in e.mentions):
            return e.name
    return None


# ------------------------------------------------------------------ the seed article


@pytest.fixture(scope="module")
def seed(nlp, seed_text):  # type: ignore[no-untyped-def]
    return analyse(nlp, seed_text)


@pytest.fixture(scope="module")
def gold() -> dict:  # type: ignore[type-arg]
    return json.loads((FIXTURES / "moscow8.gold.json").read_text("utf-8"))


def test_seed_people_exactly_gold(seed, gold) -> None:  # type: ignore[no-untyped-def]
    assert set(people(seed)) == set(gold["people"])


def test_seed_mentions_are_names_without_possessive(seed, seed_text) -> None:  # type: ignore[no-untyped-def]
    for e in seed:
        if e.type == "PERSON":
            for s, t in e.mentions:
                mention = seed_text[s:t]
                assert not mention.endswith(("’s", "'s")), mention
                assert mention in (e.name, *e.aliases) or mention in e.name.split(), (e.name, mention)


def test_seed_three_kims_kept_apart(seed, seed_text) -> None:  # type: ignore[no-untyped-def]
    starts = [i for i in range(len(seed_text)) if seed_text.startswith("Kim ", i)
              and not seed_text.startswith(("Kim Il", "Kim Jong", "Kim So", "Kim Chong", "Kim family"), i)]
    found = [(seed_text[i - 12 : i + 12], owner(seed, seed_text, i)) for i in starts]
    assert found[0][1] == "Kim So-young"  # "filmmaker Kim said"
    assert all(who == "Kim Chong Hun" for _, who in found[1:]), found  # "Kim says in the film" ...
    family = seed_text.index("Kim family")
    assert owner(seed, seed_text, family) is None


def test_seed_aliases_and_roles(seed, gold) -> None:  # type: ignore[no-untyped-def]
    by_name = {e.name: e for e in seed}
    for a, b in gold["aliases"]:
        linked = [e for e in seed if {a, b} <= {e.name, *e.aliases}]
        assert linked, (a, b)
    ppl = people(seed)
    assert "filmmaker" in ppl["Kim So-young"].roles
    assert "film critic" in ppl["Lee Seung-min"].roles
    assert "South Korean president" in ppl["Moon Jae-in"].roles
    assert "Soviet leader" in ppl["Nikita Khrushchev"].roles
    assert by_name["Moscow 8"].type == "ORG"


# ------------------------------------------------------------------ name shapes


@pytest.mark.parametrize(("text", "name"), [
    ("Park Geun-hye met the delegation in Seoul on Monday.", "Park Geun-hye"),
    ("South Korean president Moon Jae-in visited the theatre.", "Moon Jae-in"),
    ("The film was made by filmmaker Kim So-young, who studied in Seoul.", "Kim So-young"),
    ("“We call it home,” wrote one, Han Tae Yong, in a short story.", "Han Tae Yong"),
    ("The French culture minister Renaud Donnedieu de Vabres said the law was needed.",
     "Renaud Donnedieu de Vabres"),
    ("As Kim Il Sung’s forces advanced, the city fell.", "Kim Il Sung"),
    ("County Prosecutor Peter K Lamson Jr, who led the case, said there was no charge.", "Peter K Lamson Jr"),
    ("Lord Pennick, who sits on the board, said the plan was flawed. Pennick added more.", "Lord Pennick"),
])
def test_name_shapes(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in people(analyse(nlp, text))


def test_title_and_surname_join_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Patricia Hewitt, the health secretary, said the plan was sound. "
            "Ms Hewitt added that it would start in April.")
    ppl = people(analyse(nlp, text))
    assert set(ppl) == {"Patricia Hewitt"}
    assert "Ms Hewitt" in ppl["Patricia Hewitt"].aliases
    assert "health secretary" in ppl["Patricia Hewitt"].roles
    assert owner(analyse(nlp, text), text, text.index("Hewitt added")) == "Patricia Hewitt"


def test_bill_and_hillary_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Hillary Clinton spoke in Ohio on Monday. Her husband, Bill Clinton, joined her on stage. "
            "Clinton said she would win.")
    ents = analyse(nlp, text)
    assert {"Hillary Clinton", "Bill Clinton"} <= set(people(ents))
    assert owner(ents, text, text.rindex("Clinton said")) == "Hillary Clinton"
    assert "husband" in people(ents)["Bill Clinton"].roles


def test_trump_and_trump_jr_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Donald Trump Jr. spoke first. Then Donald Trump said the election was rigged. "
            "Trump added that he would accept the result.")
    ents = analyse(nlp, text)
    assert {"Donald Trump", "Donald Trump Jr."} <= set(people(ents))
    assert owner(ents, text, text.rindex("Trump added")) == "Donald Trump"


def test_relative_does_not_take_the_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Sen. Ted Cruz endorsed the nominee on Friday. His wife, Heidi Cruz, was at the event. "
            "Cruz said he had kept his word.")
    ents = analyse(nlp, text)
    assert owner(ents, text, text.rindex("Cruz said")) == "Ted Cruz"


def test_surname_first_then_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trump wins again\n\nDonald Trump won the primary on Tuesday, and Trump thanked his voters."
    ppl = people(analyse(nlp, text))
    assert "Donald Trump" in ppl and "Trump" not in ppl
    assert len(ppl["Donald Trump"].mentions) == 3


def test_declared_alias_of_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Acme Corp, now known as Globex Corporation, reported profits. Its chief executive John Smith said so."
    ents = analyse(nlp, text)
    acme = next(e for e in ents if e.name == "Acme Corp")
    assert acme.type == "ORG" and "Globex Corporation" in acme.aliases
    assert "Globex Corporation" not in people(ents)
    assert "chief executive" in people(ents)["John Smith"].roles


# ------------------------------------------------------------------ the name parser


def test_parse_shapes() -> None:
    assert names.parse("Kim Il Sung").surname == "Kim"
    assert names.parse("Moon Jae-in").family_first
    assert names.parse("Kim Kardashian").surname == "Kardashian"
    assert names.parse("Renaud Donnedieu de Vabres").surname == "de Vabres"
    assert names.parse("Donald Trump Jr.").suffix == "Jr."
    assert names.same_person_name("Donald J. Trump", "Donald Trump")
    assert not names.same_person_name("Donald Trump", "Donald Trump Jr.")
    assert not names.same_person_name("Kim Jong Il", "Kim Jong Un")
    assert names.strip_possessive("Kim Il Sung’s") == "Kim Il Sung"
    assert names.strip_possessive("Jones’") == "Jones"


_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8).map(str.capitalize)


@given(st.lists(st.one_of(_word, st.sampled_from(["de", "van", "Jr.", "III", "Kim", "Lee"])), min_size=1,
                max_size=5))
def test_parse_keeps_every_word(words: list[str]) -> None:
    parts = names.parse(" ".join(words))
    rebuilt = (parts.surname, *parts.given) if parts.family_first else (*parts.given, parts.surname)
    rebuilt_words = " ".join(w for w in (*rebuilt, parts.suffix) if w).split()
    assert sorted(rebuilt_words) == sorted(words)
    assert names.same_person_name(" ".join(words), " ".join(words)) or not parts.surname


def test_gendered_title_keeps_surname_with_its_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("President Obama spoke in Ohio. Mr. Obama said the plan would work.\n\n"
            "The campaign will use the first lady, Michelle Obama, in Ohio. Mr. Obama will also travel.")
    ents = analyse(nlp, text)
    assert owner(ents, text, text.rindex("Obama will")) == "Obama"
    assert people(ents)["Michelle Obama"].mentions == [(text.index("Michelle Obama"),
                                                        text.index("Michelle Obama") + len("Michelle Obama"))]


# ---------------------------------------------------------------- evidence for and against a person


@pytest.mark.parametrize("text,name", [
    ("Two polls came out. Morning Consult and Rasmussen had similar numbers.", "Morning Consult"),
    ("The mine is owned by Patriot Fuels, which filed for bankruptcy.", "Patriot Fuels"),
])
def test_unsupported_name_is_not_a_person(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name not in people(analyse(nlp, text))


@pytest.mark.parametrize("text,name", [
    # coordinated with named people whose given names are known
    ("The winners were Jolene Byrne, Maria McCambridge and Fionnualla Britton.", "Fionnualla Britton"),
    # in apposition to a nationality
    ("The record was set by another Ethiopian, Berhane Adera, in Stuttgart.", "Berhane Adera"),
    # the subject of "is the ... columnist"
    ("Zorvan Drummond is the tax columnist for the newspaper.", "Zorvan Drummond"),
    # a relative of a named person
    ("Keith Scott was shot. Rakeyia Scott can be heard yelling.", "Rakeyia Scott"),
])
def test_unknown_given_name_with_personal_context_kept(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in people(analyse(nlp, text))


def test_known_given_name() -> None:
    assert names.known_given_name("Jacob") and names.known_given_name("Laura")
    assert not names.known_given_name("Patriot") and not names.known_given_name("Morning")


def test_familiar_form() -> None:
    assert names.familiar_form("Joseph R. Biden Jr.", "Joe Biden")
    assert names.familiar_form("Bill Mallory", "William J. Mallory III")
    assert not names.familiar_form("Donald Trump", "Donald J. Trump Jr.")  # father and son
    assert not names.familiar_form("Joe Biden", "Joseph Biden")  # no suffix: same_person_name's job
    assert not names.familiar_form("Joe Mallory", "Joseph R. Biden Jr.")


def test_familiar_and_formal_forms_grouped(nlp) -> None:  # type: ignore[no-untyped-def]
    ppl = people(analyse(nlp, "Vice President Joseph R. Mallory Jr. spoke. Later Joe Mallory said he was glad."))
    assert list(ppl) == ["Joseph R. Mallory Jr."] and "Joe Mallory" in ppl["Joseph R. Mallory Jr."].aliases
    ppl = people(analyse(nlp, "Donald Trump spoke. Donald Trump Jr. said he was happy."))
    assert set(ppl) == {"Donald Trump", "Donald Trump Jr."}


def test_name_inside_programme_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "She called in to The Wendy Marsh Show on Monday. Wendy asked about taxes, and Wendy laughed."
    ppl = people(analyse(nlp, text))
    assert list(ppl) == ["Wendy Marsh"]
    assert [text[s:e] for s, e in ppl["Wendy Marsh"].mentions] == ["Wendy", "Wendy"]  # the title is no mention


def test_programme_title_alone_makes_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not people(analyse(nlp, "She called in to The Wendy Marsh Show on Monday."))


def test_organisation_apposition_is_not_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The mine belonged to Patriot Coal, one of the nation's largest coal companies. "
            "Patriot said it would sell. Patriot agreed to lend money.")
    assert "Patriot Coal" not in people(analyse(nlp, text))
    text = "Zorvan Drummond, a spokesman for the company, said the mine would close."
    assert "Zorvan Drummond" in people(analyse(nlp, text))


def test_capitalised_particle_joins_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "De Vargas says the blast was intentional. Mayor Bill de Vargas called it an attack."
    ppl = people(analyse(nlp, text))
    assert list(ppl) == ["Bill de Vargas"] and len(ppl["Bill de Vargas"].mentions) == 2


def test_surname_goes_to_the_person_not_the_relative(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Hillary Clinton was headed to a hospital but detoured to daughter Chelsea Clinton's "
            "apartment, The Post has learned. Clinton's van was supposed to be escorted.")
    ppl = people(analyse(nlp, text))
    assert len(ppl["Hillary Clinton"].mentions) == 2 and len(ppl["Chelsea Clinton"].mentions) == 1


@pytest.mark.parametrize("text,name", [
    ("Pernod said it was seeking acquisitions. Pernod refused to comment.", "Pernod"),  # "X said it"
    ("A survey revealed that many Britons believe the gap is fair.", "Britons"),  # a plural noun
    ("The stage adaptation of children's film Mary Poppins opened in London.", "Mary Poppins"),  # a work
])
def test_thing_evidence(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name not in people(analyse(nlp, text))


def test_expletive_it_is_no_evidence_against_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Zorvan Drummond, the director, spoke. Drummond explained how important it is to vote."
    assert "Zorvan Drummond" in people(analyse(nlp, text))


def test_programme_title_word_is_not_a_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "She appeared on The Steve Harvey Morning Show on Tuesday. She told Harvey she would win."
    assert "Steve Harvey" in people(analyse(nlp, text))


def test_person_typed_org_with_an_age(nlp) -> None:  # type: ignore[no-untyped-def]
    # spaCy sm types this full name ORG; the age after it says a person.
    text = "Protests broke out after Keith Lamont Scott, 43, was killed by police. Scott, who was black, died."
    ppl = people(analyse(nlp, text))
    assert list(ppl) == ["Keith Lamont Scott"] and len(ppl["Keith Lamont Scott"].mentions) == 2


def test_lone_given_name_starting_an_organisation_is_not_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("He took over obligations from Walter Energy, another mining company. "
            "He also picked up a coke plant from Walter.")
    assert "Walter" not in people(analyse(nlp, text))
    assert "Melanie" in people(analyse(nlp, "The prize went to Melanie."))


def test_named_group_prefilter_covers_every_verb() -> None:
    """named_groups skips its regex when no verb's literal part is in the text: each verb
    ("[Kk]nown", "[Dd]ubbed" ...) must contain one of those parts."""
    import re

    from newsgraph.analyse.entities.aliases import NAMED_QUOTED, NAMED_QUOTED_WORDS

    verbs = re.match(r"\\b\(\?:(.*?)\)", NAMED_QUOTED.pattern).group(1).split("|")  # type: ignore[union-attr]
    assert len(verbs) >= 6
    for verb in verbs:
        written = re.sub(r"\[(\w)\w\]", r"\1", verb)
        assert any(word in written for word in NAMED_QUOTED_WORDS), verb


def test_an_appositive_role_stops_at_a_relative_clause_and_needs_its_closing_comma() -> None:
    text = ("Often, said Mr Oduya, this private data was hidden. \"It is a big problem,\" said Ken Oduya, "
            "European boss of Brightwell Data which commissioned the research.")
    (person,) = [e for e in newsgraph.extract(text).entities if e.type == "PERSON"]
    assert person.roles == ["European boss of Brightwell Data"]


def test_a_relative_introduced_by_a_given_name_takes_the_family_name() -> None:
    text = ("The library was opened by Tom Reddick and his wife, Marla, who spoke of her plans. "
            "Ian Holt's ex-model wife, Sandra, is to play a leading role. Reddick said it was a gift.")
    people = {e.name for e in newsgraph.extract(text).entities if e.type == "PERSON"}
    assert {"Marla Reddick", "Sandra Holt", "Tom Reddick", "Ian Holt"} <= people
    quotes = newsgraph.extract(text).quotes
    assert [q.speaker.name for q in quotes if q.cue_lemma == "say"] == ["Tom Reddick"]


def test_a_one_word_name_that_only_speaks_or_is_bought_is_no_person() -> None:
    text = ("Vantrix announced a new service on Monday. Analysts expect Orlon to end up buying Vantrix "
            "next year. Vantrix said it would grow.")
    assert not [e for e in newsgraph.extract(text).entities if e.type == "PERSON"]


def test_an_office_title_does_not_join_a_candidate_for_that_office() -> None:
    text = ("Democratic presidential nominee Joan Hale spoke in Ohio on Monday. She attacked the tax plan. "
            "President Hale signed a similar law in 1996. Senator Hale said no.")
    people = [e for e in newsgraph.extract(text).entities if e.type == "PERSON"]
    joan = next(e for e in people if e.name == "Joan Hale")
    assert "President Hale" not in joan.aliases and "Senator Hale" in joan.aliases


def test_a_long_name_led_by_an_article_is_a_title() -> None:
    text = "The last opera he directed was Massenet's Le Roi de Lahore, staged in May."
    assert not {e.name for e in newsgraph.extract(text).entities if e.type == "PERSON"}


def test_a_descriptor_spacy_took_into_a_name_is_left_out() -> None:
    text = "The race is between himself, Dutchman Arnoud Okken and Archbishop Aris Shirvanian of Zion."
    people = {e.name for e in newsgraph.extract(text).entities if e.type == "PERSON"}
    assert {"Arnoud Okken", "Aris Shirvanian"} <= people


def test_a_relative_after_an_age_takes_the_family_name_and_a_company_in_apposition_is_no_one() -> None:
    text = ("Mr. Reddick is facing this question right now with his 17-year-old daughter, Ellie, a senior. "
            "Tom Reddick placed the mines under a new company, Kissito (pronounced kiss-E-tow) Healthcare.")
    people = {e.name for e in newsgraph.extract(text).entities if e.type == "PERSON"}
    assert "Ellie Reddick" in people and "Kissito" not in people


def test_a_one_word_name_coordinated_with_an_organisation_is_a_thing() -> None:
    text = "There were two polls. Morning Consult and Rasmussen had very similar numbers, Caddell said."
    assert "Rasmussen" not in {e.name for e in newsgraph.extract(text).entities if e.type == "PERSON"}


def test_a_full_name_typed_org_whose_surname_is_a_person_is_that_person() -> None:
    text = "Ireland's Alistair Cragg won in 7:39.89. \"I did not want to sit back,\" said Cragg."
    people = [e for e in newsgraph.extract(text).entities if e.type == "PERSON"]
    assert [(e.name, e.aliases) for e in people] == [("Alistair Cragg", ["Cragg"])]


def test_a_full_name_typed_a_thing_names_the_person_of_that_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = analyse(nlp, "The stake is held by the racing tycoons JP Donnelly and John Magnier. It is not "
                        "known whether Mr Donnelly and Mr Magnier will sell.")
    found = people(ents)
    assert "Donnelly" not in found
    assert "JP Donnelly" in found and "Mr Donnelly" in found["JP Donnelly"].aliases


def test_a_name_inside_a_long_full_name_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(analyse(nlp, "President Luiz Inacio Lula da Silva promised reform. Despite his "
                                "background, President Lula has been cautious."))
    assert list(found) == ["Luiz Inacio Lula da Silva"]


def test_a_club_named_like_a_person_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(analyse(nlp, "Chelsea have won only two games this season. Chester were bottom of the "
                                "league when Chelsea took over the club. Chelsea were relegated in May."))
    assert "Chelsea" not in found
    found = people(analyse(nlp, "Valencia coach Claudio Ranieri has been sacked. Ranieri took over the Valencia "
                                "job in June. Valencia are seventh in the league."))
    assert "Valencia" not in found
    found = people(analyse(nlp, "According to a report by UK think-tank Futuria, broadband changes lives."))
    assert "Futuria" not in found


def test_president_with_a_surname_is_not_the_campaigning_namesake(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Okonjo and her campaign want attention away from the debate. Her rival invited a woman who "
            "once had an affair with President Okonjo to sit in the front row.")
    found = people(analyse(nlp, text))
    assert "President Okonjo" not in found["Maria Okonjo"].aliases
    text = ("Her rival invited a woman who once had an affair with President Okonjo. Maria Okonjo and her "
            "campaign want attention away from the debate.")
    found = people(analyse(nlp, text))
    assert "President Okonjo" not in found["Maria Okonjo"].aliases and "Okonjo" in found
    text = "Maria Okonjo was questioned about her emails. Many hope to say in 2017: President Okonjo, thank you."
    assert "President Okonjo" in people(analyse(nlp, text))["Maria Okonjo"].aliases


def test_a_peer_is_not_the_commoner_of_that_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(analyse(nlp, "Police said Gareth Ellis Pryce was convicted in 1993. Former minister Lord "
                                "Pryce of Bangor denied that the security services were involved."))
    assert "Lord Pryce" in found and "Lord Pryce" not in found["Gareth Ellis Pryce"].aliases


def test_a_work_named_after_a_person_is_no_mention_of_them(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = analyse(nlp, "Jamie Foxx played Charles in the hit movie Ray. Ray Charles died in 2004.")
    assert "Ray" not in people(ents)["Ray Charles"].aliases
    assert any(e.type == "WORK_OF_ART" and e.name == "Ray" for e in ents)


def test_royal_titles_name_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(analyse(nlp, "Tomlinson, 27, is a close friend of princesses Anne and Margaret."))
    assert {"Princess Anne", "Princess Margaret"} <= set(found)
    found = people(analyse(nlp, "Commuters at mainline stations such as Kings Cross and Euston were asked."))
    assert "King Euston" not in found
    found = people(analyse(nlp, "Prince Edward visited the school on Monday. Edward said the pupils were a credit."))
    assert list(found) == ["Prince Edward"]


def test_an_award_or_a_team_named_like_a_person_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "Oscar" not in people(analyse(nlp, "Gibson has vowed not to campaign for an Oscar for his film."))
    found = people(analyse(nlp, "Chester were bottom of the league when the new manager arrived. "
                                "Fans said Chester have been poor all season."))
    assert "Chester" not in found
    found = people(analyse(nlp, "Anastacia said she was delighted. Anastacia and Dido were winners."))
    assert "Anastacia" in found


def test_a_pronoun_of_the_next_clause_says_nothing_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(analyse(nlp, "Talks went on all night. Corrigan said he would stay in the job."))
    assert found["Corrigan"].gender == "male"
    found = people(analyse(nlp, "Talks went on all night. Her aim was to ensure Corrigan was re-elected, she insisted."))
    assert "Corrigan" not in found or found["Corrigan"].gender != "female"


def test_a_name_ending_a_title_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = analyse(nlp, "Maroon 5's album Songs About Jane has moved up to number seven despite being released last year.")
    assert "Jane" not in people(ents)
    assert "Jane" in people(analyse(nlp, "Sam said he was talking about Jane, not Mary."))


def test_storms_and_companies_described_as_such_are_no_people(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = analyse(nlp, "Relief came after Hurricane Mitch. Mitch killed about 10,000 people.")
    assert not people(ents) and any(e.type == "EVENT" and len(e.mentions) == 2 for e in ents)
    found = people(analyse(nlp, "French media giant Vivendi Universal is being investigated by the regulator."))
    assert "Vivendi Universal" not in found


def test_an_uncle_by_given_name_is_the_person_of_that_given_name(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(analyse(nlp, "Ossie Davis, the actor and activist, has died aged 87. His niece quoted the man she "
                                "knew as Uncle Ossie. \"Ossie was my hero,\" she said."))
    assert list(found) == ["Ossie Davis"] and "Uncle Ossie" in found["Ossie Davis"].aliases


def test_a_role_does_not_take_the_date_or_adverb_in_front_of_it() -> None:
    art = newsgraph.extract("Harbour news\n\nIn October harbour master Jane Okoro said the pier was safe. "
                            "The 42-year-old engineer Tom Reyes agreed.\n")
    roles = {e.name: e.roles for e in art.entities if e.type == "PERSON"}
    assert roles["Jane Okoro"] == ["harbour master"] and roles["Tom Reyes"] == ["engineer"]



def test_a_full_name_the_tagger_missed_joins_the_surname_it_tagged() -> None:
    """ "Tomas Ruzic" left untagged (its given name perhaps typed as a nationality) while "Ruzic"
    alone is tagged: the repair adds the full name; "The Treasury" is no given name's."""
    from newsgraph.analyse.entities.name_spans import unlabelled_full_names
    from newsgraph.analyse.pipeline import load_nlp

    doc = load_nlp()("They may sign Tomas Ruzic soon. Ruzic said so. The Treasury said nothing. Treasury aides agreed.")
    words = [t.text for t in doc]
    alone = [(words.index("Ruzic", 5), words.index("Ruzic", 5) + 1, "ORG", None),
             (words.index("Treasury", 12), words.index("Treasury", 12) + 1, "ORG", None),
             (words.index("Tomas"), words.index("Tomas") + 1, "NORP", None)]
    added = unlabelled_full_names(doc, alone)
    assert [doc[i:j].text for i, j, label, _ in added] == ["Tomas Ruzic"] and added[0][2] == "PERSON"
