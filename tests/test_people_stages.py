"""The people component's stages one at a time (``people.group_entities`` calls them in order),
on invented sentences."""

from __future__ import annotations

from spacy.tokens import Doc

import newsgraph.analyse.components  # noqa: F401  (registers the components the nlp fixture adds)
from newsgraph.analyse.entities.entity_spans import collect_spans, repair_spans, resolve_overlaps
from newsgraph.analyse.entities.people import (
    add_named_groups,
    build_entities,
    find_declared_aliases,
    group_entities,
    group_mentions,
    keep_people,
    merge_declared_aliases,
)
from newsgraph.analyse.entities.person import Mention, Person
from newsgraph.analyse.entities.person_resolution import name_from_titles
from newsgraph.model import Entity
from tests.test_people import nlp  # noqa: F401  (the people-only pipeline fixture)


def parse(nlp, text: str) -> Doc:  # type: ignore[no-untyped-def]  # noqa: F811
    from newsgraph.analyse.pipeline import make_doc
    from newsgraph.clean import segment

    return nlp(make_doc(nlp, text, segment(text, None), None))


def spans_of(doc: Doc) -> list[tuple[int, int, str, str | None]]:
    """The first three stages: the spans grouping reads."""
    return resolve_overlaps(repair_spans(doc, collect_spans(doc)))


def texts(doc: Doc, spans: list[tuple[int, int, str, str | None]]) -> list[tuple[str, str, str | None]]:
    return [(doc[i:j].text, label, title) for i, j, label, title in spans]


# ------------------------------------------------------------------ spans


def test_collect_spans_trims_the_title_and_relabels_a_titled_name(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    doc = parse(nlp, "Ms Quarrington visited Lyon on Monday.")
    spans = texts(doc, collect_spans(doc))
    assert ("Quarrington", "PERSON", "Ms") in spans  # the title is kept apart from the name
    assert all(label != "DATE" for _, label, _ in spans)  # dates are not entities here


def test_repair_spans_makes_a_lone_surname_a_person(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    text = "Mayor Helena Quarrington opened the bridge on Monday. Quarrington said the city had waited."
    doc = parse(nlp, text)
    repaired = texts(doc, repair_spans(doc, collect_spans(doc)))
    assert ("Helena Quarrington", "PERSON", None) in repaired
    assert ("Quarrington", "PERSON", None) in repaired


def test_resolve_overlaps_keeps_one_span_per_token() -> None:
    spans = [
        (0, 1, "NORP", None), (0, 3, "PERSON", None),  # a person beats what it touches
        (5, 7, "ORG", None), (6, 8, "GPE", None),  # two non-persons: the earlier stays
        (10, 12, "PERSON", None), (11, 13, "PERSON", None),  # two persons: the earlier stays
        (20, 21, "GPE", None), (15, 16, "ORG", None),  # out of order in, in order out
    ]
    assert resolve_overlaps(spans) == [(0, 3, "PERSON", None), (5, 7, "ORG", None), (10, 12, "PERSON", None),
                                       (15, 16, "ORG", None), (20, 21, "GPE", None)]
    assert resolve_overlaps([(4, 5, "ORG", None), (4, 6, "ORG", None)]) == [(4, 6, "ORG", None)]  # then longer


# ------------------------------------------------------------------ aliases, grouping


def test_declared_aliases_of_a_place_and_of_an_acronym(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    doc = parse(nlp, "The talks in Stalingrad – now Volgograd – ended late.")
    aliases = find_declared_aliases(doc, spans_of(doc))
    assert [(doc[a[0]:a[1]].text, doc[b[0]:b[1]].text) for a, b in aliases.pairs] == [("Stalingrad", "Volgograd")]
    assert aliases.places == {aliases.pairs[0][0], aliases.pairs[0][1]}

    doc = parse(nlp, "Officials of the Northern Grain Board (NGB) met farmers. The NGB said prices would rise.")
    spans = spans_of(doc)
    aliases = find_declared_aliases(doc, spans)
    assert [(doc[a[0]:a[1]].text, doc[b[0]:b[1]].text) for a, b in aliases.pairs] == [("Northern Grain Board", "NGB")]
    assert not aliases.places
    grouping = group_mentions(doc, spans, aliases.places)
    merge_declared_aliases(aliases.pairs, grouping)
    board = grouping.others[("ORG", "Northern Grain Board")]
    assert board.aliases == ["NGB"] and len(board.mentions) == 3  # its own, "(NGB)" and "The NGB"
    assert not grouping.others[("ORG", "NGB")].mentions


def test_a_surname_joins_the_full_name_introduced_earlier(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    text = "Reporter Dana Whitcombe spoke to Greg Ostrander. Ostrander said he was tired, and Whitcombe agreed."
    doc = parse(nlp, text)
    grouping = group_mentions(doc, spans_of(doc), set())
    assert {p.name: [" ".join(m.words) for m in p.mentions] for p in grouping.people} == {
        "Dana Whitcombe": ["Dana Whitcombe", "Whitcombe"],
        "Greg Ostrander": ["Greg Ostrander", "Ostrander"],
    }


def test_a_known_place_typed_org_is_grouped_as_a_place(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    doc = parse(nlp, "Torvald said it would open a new plant near Lyon.")
    grouping = group_mentions(doc, spans_of(doc), set())
    assert ("GPE", "Lyon") in grouping.others and ("ORG", "Lyon") not in grouping.others


def test_add_named_groups_only_where_nothing_else_names_it(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    text = "The hackers, known as the “Velvet Nine”, struck again on Tuesday."
    doc = parse(nlp, text)
    others: dict[tuple[str, str], Entity] = {}
    add_named_groups(doc, others)
    start = text.index("Velvet")
    assert others == {("ORG", "Velvet Nine"): Entity(name="Velvet Nine", type="ORG", mentions=[(start, start + 11)])}
    covered = {("ORG", "Nine"): Entity(name="Nine", type="ORG", mentions=[(start, start + 11)])}
    add_named_groups(doc, covered)
    assert list(covered) == [("ORG", "Nine")]


# ------------------------------------------------------------------ after grouping


def test_name_from_titles_takes_the_only_full_name_that_fits() -> None:
    harvey, dana = Person("Harvey", 10), Person("Dana", 40)
    name_from_titles([harvey, dana, Person("Dana Whitcombe", 0)], ["Steve Harvey", "Dana Lorne"])
    assert (harvey.name, harvey.aliases) == ("Steve Harvey", ["Harvey"])
    assert dana.name == "Dana"  # someone in the article already carries "Dana" in a full name


def test_keep_people_drops_a_title_taken_for_a_name(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    doc = parse(nlp, "She was crowned Miss Universe in Lyon last year. Carla Menzies said she was proud.")
    grouping = group_mentions(doc, spans_of(doc), set())
    people = grouping.people
    assert {p.name for p in people} >= {"Universe", "Carla Menzies"}
    assert [p.name for p in keep_people(doc, people, grouping.others)] == ["Carla Menzies"]


def test_build_entities_orders_by_first_mention_and_drops_emptied_entities() -> None:
    person = Person("Greg Ostrander", 30)
    person.mentions.append(Mention(5, 7, 30, 44, ["Greg", "Ostrander"]))
    person.full_forms["Greg Ostrander"] = 1
    others = {("GPE", "Lyon"): Entity(name="Lyon", type="GPE", mentions=[(60, 64), (0, 4)]),
              ("ORG", "NGB"): Entity(name="NGB", type="ORG")}
    out = build_entities([person], others)
    assert [(e.name, e.mentions) for e in out] == [("Lyon", [(0, 4), (60, 64)]), ("Greg Ostrander", [(30, 44)])]
    assert out[0].geo is not None and out[0].geo["country"] == "FR"


def test_group_entities_is_the_component(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    doc = parse(nlp, "Reporter Dana Whitcombe met Greg Ostrander near Lyon. Ostrander said he was tired.")
    assert group_entities(doc) == doc._.entities
    assert [e.name for e in doc._.entities] == ["Dana Whitcombe", "Greg Ostrander", "Lyon"]


def test_group_mentions_takes_in_a_given_name_the_ner_left_out(nlp) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from spacy.tokens import Span

    doc = parse(nlp, "Donald Reddick spoke on Monday. Later Ivanka Reddick noted the rule.")
    surname = next(t.i for t in doc if t.text == "Reddick" and doc[t.i - 1].text == "Ivanka")
    kept = [e for e in doc.ents if not e.start <= surname < e.end and not e.start <= surname - 1 < e.end]
    doc.ents = [*kept, Span(doc, surname, surname + 1, "PERSON")]
    doc.user_data.clear()  # the token table is read again from the new entities
    names = sorted(p.name for p in group_mentions(doc, spans_of(doc), set()).people)
    assert names == ["Donald Reddick", "Ivanka Reddick"]
