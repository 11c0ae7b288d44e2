"""GraphML of people, organisations, places, articles and quotations, for Gephi or networkx.

Nodes carry ``kind`` (person, organisation, place, article, quotation) and ``label``; edges
carry ``relation``: ``said`` (speaker → quotation), ``part_of`` (quotation → article),
``mentioned_in`` (entity → article, weight = mentions there), ``co_mentioned`` (entity —
entity, weight = articles naming both; stored once, from the smaller node id) and
``occurrence_of`` (quotation → ``quotation group``: the same words reported in several articles).
An entity is one node across articles: its cross-article identity when the store has one,
else its type and canonical name.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from newsgraph.export.selection import Selection, reported_elsewhere, where

ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
LABEL_CHARS = 80


def entity_node(kind: str, name: str) -> str:
    return f"{kind}:{name}"


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    """GraphML has no null: drop missing attributes."""
    return {k: v for k, v in attrs.items() if v is not None}


def _label(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def build_graph(conn: sqlite3.Connection, selection: Selection):
    import networkx as nx

    g = nx.DiGraph()
    for a in selection.rows(conn, "articles"):
        g.add_node(f"article:{a['id']}", **_clean({
            "kind": "article", "label": a["title"] or a["document"], "document": a["document"],
            "title": a["title"], "published": a["published"], "outlet": a["outlet"], "url": a["url"],
            "hash": a["hash"]}))
    node_of_entity: dict[int, str] = {}
    in_article: dict[int, set[str]] = defaultdict(set)
    for e in selection.rows(conn, "entities"):
        kind = ENTITY_KINDS.get(e["type"])
        if kind is None:
            continue
        name = e["global_name"] or e["name"]
        node = entity_node(kind, name)
        node_of_entity[e["id"]] = node
        if node not in g:
            g.add_node(node, **_clean({"kind": kind, "label": name, "type": e["type"], "lat": e["lat"],
                                       "lon": e["lon"], "country": e["country"]}))
        art = f"article:{e['article_id']}"
        weight = g.edges[node, art]["weight"] if g.has_edge(node, art) else 0
        g.add_edge(node, art, relation="mentioned_in", weight=weight + max(e["mentions"], 1))
        in_article[e["article_id"]].add(node)
    for nodes in in_article.values():
        for u, v in combinations(sorted(nodes), 2):
            weight = g.edges[u, v]["weight"] if g.has_edge(u, v) else 0
            g.add_edge(u, v, relation="co_mentioned", weight=weight + 1)
    quotes = list(selection.rows(conn, "quotes"))
    groups = reported_elsewhere(conn, quotes)
    for gid, grp in groups.items():
        first = grp["first_seen"]
        g.add_node(f"quotation_group:{gid}", **_clean({
            "kind": "quotation group", "label": _label(grp["text"]), "text": grp["text"], "speaker": grp["speaker"],
            "occurrences": len(grp["occurrences"]), "wordings": len(grp["variants"]),
            "first_document": first["document"], "first_published": first["published"],
            "first_outlet": first["outlet"]}))
    for q in quotes:
        node = f"quote:{q['id']}"
        content = q["content"]
        g.add_node(node, **_clean({
            "kind": "quotation", "label": _label(content),
            "text": content, "quote_kind": q["kind"], "speaker": q["speaker"], "descriptor": q["descriptor"],
            "document": q["document"], "start": q["start"], "end": q["end"], "confidence": q["confidence"],
            "act": q.get("act")}))
        g.add_edge(node, f"article:{q['article_id']}", relation="part_of", weight=1)
        if q["quote_group_id"] in groups:
            g.add_edge(node, f"quotation_group:{q['quote_group_id']}", relation="occurrence_of", weight=1)
        speaker = node_of_entity.get(q["speaker_entity_id"]) if q["speaker_entity_id"] is not None else None
        if speaker is None and q["speaker"]:
            known = [n for n in (entity_node(k, q["speaker"]) for k in ("person", "organisation")) if n in g]
            speaker = known[0] if known else entity_node("person", q["speaker"])
            if speaker not in g:
                g.add_node(speaker, kind="person", label=q["speaker"], type="PERSON")
        if speaker is not None:
            g.add_edge(speaker, node, relation="said", weight=1)
    return g


def write(conn: sqlite3.Connection, selection: Selection, out: Path | None, *, force: bool = False) -> str:
    import sys

    import networkx as nx

    g = build_graph(conn, selection)
    if out is None or str(out) == "-":
        for line in nx.generate_graphml(g, named_key_ids=True):
            sys.stdout.write(line + "\n")
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        nx.write_graphml(g, out, named_key_ids=True)
    return f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges → {where(out)}"
