"""Who is quoted: the share of quotations by speaker type and, for people, by gender where known.

The Gender Gap Tracker's question (what share of the people quoted are women, per outlet, over
time) and the sourcing one (how much comes from unnamed sources, from organisations), answered
from the store with the counts behind every percentage.

Speaker type of a quotation:

the ``speaker_type`` the analysis stored (schema 4; speakers.py and non_person_speakers.py):

* ``person``: a PERSON (the identity of identity.py);
* ``organisation``: an ORG ("Northfield Mining", "the company", "it");
* ``group``: a GROUP ("analysts", "police");
* ``unnamed``: an unnamed source ("a spokesman for the union") or no speaker found;
* ``other``: a named speaker of no known type (stores made before schema 4).

Gender of a person, where known: what the articles say (``entities.gender``: gendered titles,
pronouns referring back, gendered role and kin words), else an honorific among the person's
names (each by a two-thirds majority of the person's articles), else the given name when
names_given.tsv lists it as one gender's (as the analysis reads it; an entity whose gender only
the name decided stores none) or gender-guesser gives it to one gender in every country that lists it ("mostly_…", "andy" and
names of both genders, "Jean", "Andrea", stay unknown).
It is inferred, not self-described: a share is of quotations whose speaker's gender could be
inferred, and the unknown are counted beside it.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from newsgraph.identity import identities
from newsgraph.tables import per_store

TYPES = ("person", "organisation", "group", "other", "unnamed")
GENDERS = ("female", "male", "unknown")
BY = ("total", "outlet", "month", "year")
TITLES = {"mr": "male", "mr.": "male", "sir": "male", "lord": "male", "mrs": "female", "mrs.": "female",
          "ms": "female", "ms.": "female", "miss": "female", "lady": "female", "dame": "female"}


SPEAKER_TYPE_SQL = """CASE
    WHEN q.speaker IS NULL OR q.speaker_type = 'UNNAMED' THEN 'unnamed'
    WHEN q.speaker_type = 'PERSON' OR q.speaker_type IS NULL AND q.speaker_entity_id IS NOT NULL THEN 'person'
    WHEN q.speaker_type = 'ORG' THEN 'organisation'
    WHEN q.speaker_type = 'GROUP' THEN 'group'
    WHEN q.speaker_type IS NULL AND EXISTS (SELECT 1 FROM entities o WHERE o.article_id = q.article_id
                 AND o.name = q.speaker AND o.type = 'ORG') THEN 'organisation'
    ELSE 'other' END"""
"""The speaker type of quotation ``q`` (one of TYPES), in SQL: the one definition of the page, the
facets and the ``speaker_type`` filter."""


def quote_types(conn: sqlite3.Connection) -> list[tuple[str, str | None, str | None, str, int]]:
    """(type, outlet, month, identity key or "", quotations) for the whole store, from the totals
    the store keeps (``quote_tally``): the identity of a quotation whose speaker is linked to an entity."""
    return [(r[0], r[1] or None, r[2] or None, r[3], r[4]) for r in conn.execute(
        "SELECT type, outlet, month, CASE WHEN linked THEN speaker_key ELSE '' END, sum(quotes)"
        " FROM quote_tally GROUP BY 1, 2, 3, 4")]


def gender_condition(conn: sqlite3.Connection, gender: str) -> tuple[str, list[Any]]:
    """SQL keeping the quotations of people of ``gender`` ("female", "male"; "unknown": people
    whose gender is not known), by their identities (so every merged name counts)."""
    known = per_store(conn, genders)
    if gender == "unknown":
        keys = [p.key for p in identities(conn).all if p.kind == "person" and p.key not in known]
    else:
        keys = [k for k, (g, _) in known.items() if g == gender]
    gids = [int(k[1:]) for k in keys if k.startswith("g")]
    names = [k[1:] for k in keys if k.startswith("n")]
    return ("(q.speaker_entity_id IN (SELECT id FROM entities WHERE global_id IN (SELECT value FROM json_each(?)))"
            " OR q.speaker_entity_id IN (SELECT id FROM entities WHERE global_id IS NULL AND type = 'PERSON'"
            " AND name IN (SELECT value FROM json_each(?))))", [json.dumps(gids), json.dumps(names)])


def genders(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """identity key -> (gender, basis) for the people whose gender is known ("text", "title" or
    "given name"); what the articles say and the titles come from the store's ``person_totals``,
    each by a two-thirds majority of the person's articles (one article wrongly joined, "Mrs
    Wilkinson" into Jonny Wilkinson, does not decide); a given name only where nothing is said."""
    out: dict[str, tuple[str, str]] = {}
    said: set[str] = set()  # the text says something: no guess from the given name
    for key, said_f, said_m, titled_f, titled_m in conn.execute(
            "SELECT key, said_female, said_male, titled_female, titled_male FROM person_totals WHERE entities > 0"
            " AND said_female + said_male + titled_female + titled_male > 0"):
        said.add(key)
        for basis, f, m in (("text", said_f, said_m), ("title", titled_f, titled_m)):
            if f + m and max(f, m) * 3 >= (f + m) * 2:
                out[key] = ("female" if f > m else "male", basis)
                break
    from newsgraph.analyse.entities.gender import plain_given_gender
    from newsgraph.analyse.entities.names import gender_of, parse

    for p in identities(conn).all:
        if p.kind != "person" or p.key in out or p.key in said or " " not in p.name:
            continue
        given = [g for g in parse(p.name).given if len(g.rstrip(".")) > 1]
        listed = {"f": "female", "m": "male"}.get(gender_of(p.name))  # names_given.tsv, as the analysis reads it
        guess = listed or plain_given_gender(given[0]) if given else None
        if guess:
            out[p.key] = (guess, "given name")
    return out


def who_is_quoted(conn: sqlite3.Connection, *, by: str = "total", outlet: str | None = None) -> list[dict[str, Any]]:
    """One row per ``by`` group (``total``: one row; ``outlet``; ``month`` or ``year`` of publication),
    its ``value`` the outlet, month or year (null: not known; "all" for the total):
    quotations by speaker type (``person``, ``organisation``, ``group``, ``other``, ``unnamed``) and,
    among people, by gender (``female``, ``male``, ``unknown``), with ``quotes`` (all) and the shares
    ``share_<type>`` (of all quotations) and ``share_female`` (of quotations by people whose
    gender is known). ``outlet`` keeps one outlet. Counts come from one cached grouping of the store."""
    if by not in BY:
        raise ValueError(f"unknown grouping {by!r} (choose from {', '.join(BY)})")
    gender_of = per_store(conn, genders)
    groups: dict[str | None, dict[str, int]] = {}
    for type_, out, month, who, n in per_store(conn, quote_types):
        if outlet and out != outlet:
            continue
        group = {"total": "all", "outlet": out, "month": month, "year": month[:4] if month else None}[by]
        g = groups.setdefault(group, dict.fromkeys(("quotes", *TYPES, *GENDERS), 0))
        g["quotes"] += n
        g[type_] += n
        if type_ == "person":
            g[gender_of.get(who, ("unknown", ""))[0]] += n
    rows = []
    for group in sorted(groups, key=lambda k: (k is None, k or "")):
        g = groups[group]
        row: dict[str, Any] = {"by": by, "value": group, **g}
        for t in TYPES:
            row[f"share_{t}"] = round(g[t] / g["quotes"], 4) if g["quotes"] else None
        known = g["female"] + g["male"]
        row["share_female"] = round(g["female"] / known, 4) if known else None
        rows.append(row)
    return rows


def top_by_type(conn: sqlite3.Connection, type_: str, *, limit: int = 10) -> list[dict[str, Any]]:
    """The most quoted named speakers of one type ("organisation", "group", "other"), from the
    store's totals per speaker name and type."""
    rows = conn.execute("SELECT speaker, quotes FROM speaker_names WHERE type = ? ORDER BY quotes DESC, speaker"
                        " LIMIT ?", (type_, limit)).fetchall()
    return [{"name": r[0], "quotes": r[1]} for r in rows]
