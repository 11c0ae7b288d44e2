"""JSON-LD with schema.org types, so results can be published and merged as linked data.

NewsArticle (headline, datePublished, url, publisher, mentions), Quotation (text,
spokenByCharacter, isPartOf; the same words reported in several articles are one more Quotation
whose ``workExample``s are the occurrences, identified by its first appearance), Person, Organization, Place (geo: GeoCoordinates) and Event
(startDate, description, subjectOf). The @context is embedded: nothing is fetched to read it.
Identifiers are URNs that stay the same across stores: articles by text hash, entities by
type and canonical name, quotations by article hash and offsets.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote as urlquote

from newsgraph.export.selection import Selection, open_output, reported_elsewhere, where

SCHEMA = "https://schema.org/"
NEWSGRAPH = "urn:newsgraph:"
CONTEXT: dict[str, Any] = {
    "@vocab": SCHEMA,
    "schema": SCHEMA,
    "ng": NEWSGRAPH,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "url": {"@id": "schema:url", "@type": "@id"},
    "quoteKind": "ng:quoteKind",  # direct | mixed | indirect
    "quoteAct": "ng:quoteAct",  # speech | thought | other
    "startOffset": "ng:startOffset",  # str offsets of the quotation in the article text
    "endOffset": "ng:endOffset",
    "occurrences": "ng:occurrences",  # how many articles' quotations a quotation group holds, store-wide
    "firstSeen": {"@id": "ng:firstSeen"},  # {document, datePublished, publisher} of the earliest occurrence
    "variants": {"@id": "ng:variants", "@container": "@list"},  # [{text, occurrences}] most frequent first
}
SCHEMA_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


def entity_iri(schema_type: str, name: str) -> str:
    return f"{NEWSGRAPH}{schema_type.lower()}:{urlquote(name, safe='')}"


def article_iri(text_hash: str) -> str:
    return f"{NEWSGRAPH}article:{text_hash}"


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v not in (None, [], "")}


def build_graph(conn: sqlite3.Connection, selection: Selection) -> list[dict[str, Any]]:
    """The @graph: one node per article, entity (merged across articles), quotation and event."""
    articles: dict[int, dict[str, Any]] = {}
    for a in selection.rows(conn, "articles"):
        articles[a["id"]] = _clean({
            "@id": article_iri(a["hash"]), "@type": "NewsArticle", "headline": a["title"],
            "name": a["document"], "identifier": a["hash"], "datePublished": a["published"], "url": a["url"],
            "publisher": {"@type": "Organization", "name": a["outlet"]} if a["outlet"] else None,
            "mentions": []})
    entities: dict[str, dict[str, Any]] = {}
    iri_of_entity: dict[int, str] = {}
    places_by_name: dict[tuple[int, str], str] = {}
    for e in selection.rows(conn, "entities"):
        schema_type = SCHEMA_TYPES.get(e["type"])
        if schema_type is None:
            continue
        name = e["global_name"] or e["name"]
        iri = entity_iri(schema_type, name)
        iri_of_entity[e["id"]] = iri
        if schema_type == "Place":
            places_by_name[(e["article_id"], e["name"])] = iri
        node = entities.setdefault(iri, {"@id": iri, "@type": schema_type, "name": name, "alternateName": []})
        for alias in [e["name"], *e["aliases"]]:
            if alias != name and alias not in node["alternateName"]:
                node["alternateName"].append(alias)
        if e["roles"] and schema_type == "Person":
            node.setdefault("jobTitle", [])
            node["jobTitle"] += [r for r in e["roles"] if r not in node["jobTitle"]]
        if schema_type == "Place" and e["lat"] is not None and "geo" not in node:
            node["geo"] = _clean({"@type": "GeoCoordinates", "latitude": e["lat"], "longitude": e["lon"],
                                  "addressCountry": e["country"]})
        mentions = articles[e["article_id"]].setdefault("mentions", [])
        if {"@id": iri} not in mentions:
            mentions.append({"@id": iri})
    quotations = []
    quotes = list(selection.rows(conn, "quotes"))
    groups = {gid: _group_node(grp) for gid, grp in reported_elsewhere(conn, quotes).items()}
    for q in quotes:
        art = articles[q["article_id"]]
        speaker: dict[str, Any] | None = None
        if q["speaker_entity_id"] in iri_of_entity:
            speaker = {"@id": iri_of_entity[q["speaker_entity_id"]]}
        elif q["speaker"]:
            known = [i for i in (entity_iri(t, q["speaker"]) for t in ("Person", "Organization")) if i in entities]
            iri = known[0] if known else entity_iri("Person", q["speaker"])
            entities.setdefault(iri, {"@id": iri, "@type": "Person", "name": q["speaker"]})
            speaker = {"@id": iri}
        elif q["descriptor"]:
            speaker = {"@type": "Person", "description": q["descriptor"]}
        iri = f"{art['@id']}:quote:{q['start']}-{q['end']}"
        group = groups.get(q["quote_group_id"])
        if group is not None:
            group["workExample"].append({"@id": iri})
            group.setdefault("spokenByCharacter", speaker)
        quotations.append(_clean({
            "@id": iri, "@type": "Quotation", "text": q["content"],
            "spokenByCharacter": speaker, "isPartOf": {"@id": art["@id"]}, "quoteKind": q["kind"], "quoteAct": q.get("act"),
            "startOffset": q["start"], "endOffset": q["end"],
            "exampleOfWork": {"@id": group["@id"]} if group is not None else None}))
    events = []
    for ev in selection.rows(conn, "events"):
        art = articles[ev["article_id"]]
        places = [places_by_name[(ev["article_id"], p)] for p in ev["places"] if (ev["article_id"], p) in places_by_name]
        events.append(_clean({
            "@id": f"{art['@id']}:event:{ev['start']}-{ev['end']}", "@type": "Event", "description": ev["text"],
            "startDate": ev["date"], "location": [{"@id": p} for p in places], "subjectOf": {"@id": art["@id"]}}))
    return ([_clean(a) for a in articles.values()] + [_clean(e) for e in entities.values()]
            + quotations + [_clean(g) for g in groups.values()] + events)


def _group_node(group: dict[str, Any]) -> dict[str, Any]:
    """A quotation reported in several articles (``quote_group_list.quotation_group``), named by where it first appeared."""
    first = group["first_seen"]
    span = group["occurrences"][0]["spans"][0]
    return {"@id": f"{NEWSGRAPH}quotation:{first['article_key']}:{span[0]}-{span[1]}", "@type": "Quotation",
            "text": group["text"], "occurrences": len(group["occurrences"]),
            "firstSeen": _clean({"name": first["document"], "datePublished": first["published"],
                                 "publisher": first["outlet"]}),
            "variants": [{"text": v["text"], "occurrences": v["count"]} for v in group["variants"]],
            "workExample": []}


def document(conn: sqlite3.Connection, selection: Selection) -> dict[str, Any]:
    return {"@context": CONTEXT, "@graph": build_graph(conn, selection)}


def write(conn: sqlite3.Connection, selection: Selection, out: Path | None, *, force: bool = False) -> str:
    doc = document(conn, selection)
    with open_output(out) as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return f"{len(doc['@graph'])} nodes → {where(out)}"
