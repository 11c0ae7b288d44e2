"""Reading quotation groups (built by quote_groups.py): one quotation with its occurrences, first
appearance and variants, for the CLI's ``quotations``, ``/api/quotations`` and ``/quotations``.

A group's ``text`` is its most frequent wording (ties: the longest, then the earliest), so a
wire quotation reads as the wire printed it and a trimmed copy shows as a variant. Occurrences
are ordered by publication date (undated last), then ingest order; the first is ``first_seen``.
"""

from __future__ import annotations

import json
import sqlite3
from difflib import SequenceMatcher
from typing import Any

from newsgraph.query import ARTICLE_KEY
from newsgraph.quote_groups import words


def _filter(speaker: str | None, min_occurrences: int) -> tuple[str, list[Any]]:
    """Groups by size through the ``quote_groups_size`` index (no count over every quotation); a
    speaker's through the names printed (``speaker_names``, a few thousand) and the groups kept per
    name (``quote_group_speakers``), not a look through every group's members."""
    where, args = "g.size >= ?", list[Any]([max(1, min_occurrences)])
    if speaker:
        where += (" AND g.id IN (SELECT s.group_id FROM quote_group_speakers s "
                  "WHERE s.speaker IN (SELECT speaker FROM speaker_names WHERE speaker LIKE ?))")
        args.append(f"%{speaker.strip()}%")
    return where, args


def count_quotation_groups(conn: sqlite3.Connection, *, speaker: str | None = None, min_occurrences: int = 2) -> int:
    where, args = _filter(speaker, min_occurrences)
    return int(conn.execute(f"SELECT count(*) FROM quote_groups g WHERE {where}", args).fetchone()[0])


def quotation_groups(conn: sqlite3.Connection, *, speaker: str | None = None, min_occurrences: int = 2,
                     limit: int = 50, offset: int = 0, shown: int | None = None,
                     printers: int | None = None) -> list[dict[str, Any]]:
    """Groups of at least ``min_occurrences`` quotations, the most reported first (``shown``,
    ``printers``: as ``quotation_group``)."""
    where, args = _filter(speaker, min_occurrences)
    ids = [r[0] for r in conn.execute(f"SELECT g.id FROM quote_groups g WHERE {where} "
                                      "ORDER BY g.size DESC, g.id LIMIT ? OFFSET ?", [*args, limit, offset])]
    return [g for g in (quotation_group(conn, i, shown=shown, printers=printers) for i in ids) if g is not None]


_IN_ORDER = "published IS NULL, published, article_id, quote_id"
"""Occurrences in order: publication date (undated last), then ingest order (the members' indexes' order)."""


def _order_key(r: sqlite3.Row) -> tuple[bool, str, int, int]:
    return r["published"] is None, r["published"] or "", r["article_id"], r["quote_id"]


def quotation_group(conn: sqlite3.Connection, group_id: int, *, shown: int | None = None,
                    printers: int | None = None) -> dict[str, Any] | None:
    """One group: ``{"id", "text", "speaker", "occurrences", "first_seen", "variants"}``.

    ``shown``: list only the first ``shown`` occurrences and the first ``printers`` (default
    ``shown``) of each wording (a page's view: a wire quotation in a big store has hundreds; a list
    that shows no wording's printers needs only the first, whose words the variant prints), and add
    ``occurrence_count``; the variants' counts are of all of them either way. What is read is
    bounded by ``shown``: the group's kept figures (size, quotations per wording) and the first
    rows of its members' indexes.
    """
    size = conn.execute("SELECT size FROM quote_groups WHERE id = ?", (group_id,)).fetchone()
    if size is None or not size[0]:
        return None
    limit = -1 if shown is None else shown
    member = "SELECT quote_id, published, article_id FROM quote_group_members WHERE group_id = ?"
    listed = {r["quote_id"]: r for r in conn.execute(f"{member} ORDER BY {_IN_ORDER} LIMIT ?", (group_id, limit))}
    firsts: dict[str, tuple[bool, str, int, int]] = {}  # each wording's first printing
    counts = dict(conn.execute("SELECT wording, quotes FROM quote_group_wordings WHERE group_id = ?", (group_id,)))
    per_wording = 1 if shown is None else max(1, shown if printers is None else printers)  # all: listed above
    for key in counts:
        rows = conn.execute(f"{member} AND wording = ? ORDER BY {_IN_ORDER} LIMIT ?", (group_id, key, per_wording)
                            ).fetchall()
        firsts[key] = _order_key(rows[0])
        listed.update((r["quote_id"], r) for r in rows)
    ordered = sorted(listed.values(), key=_order_key)
    occurrences, speaker = _occurrences(conn, [r["quote_id"] for r in ordered])
    by_id = {o["quote_id"]: o for o in occurrences}
    printed = {key: by_id[firsts[key][3]]["text"] for key in counts}
    order = sorted(counts, key=lambda k: (-counts[k], -len(k.split()), firsts[k]))
    variants = [{"text": printed[k], "count": counts[k]} for k in order]
    first = occurrences[0]
    group = {"id": group_id, "text": variants[0]["text"], "speaker": speaker, "occurrences": occurrences,
             "first_seen": {k: first[k] for k in ("document", "published", "outlet", "article_key")},
             "variants": variants}
    return group if shown is None else {**group, "occurrence_count": int(size[0])}


def group_occurrences(conn: sqlite3.Connection, group_id: int, *, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    """A page of a group's occurrences in order (``quotation_group``'s), read through the members'
    index: a quotation's own page lists every printing of it, ``limit`` at a time."""
    ids = [r[0] for r in conn.execute(f"SELECT quote_id FROM quote_group_members WHERE group_id = ? "
                                      f"ORDER BY {_IN_ORDER} LIMIT ? OFFSET ?", (group_id, limit, offset))]
    return _occurrences(conn, ids)[0] if ids else []


def _occurrences(conn: sqlite3.Connection, quote_ids: list[int]) -> tuple[list[dict[str, Any]], str | None]:
    """Where each of ``quote_ids`` was printed, in their order; and the first one's speaker (the
    group's): the person they are, else the name printed."""
    rows = {r["quote_id"]: r for r in conn.execute(
        f"SELECT q.id AS quote_id, q.content, q.spans, a.document, a.published, a.outlet, "
        f"{ARTICLE_KEY} AS article_key FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE q.id IN (SELECT value FROM json_each(?))", (json.dumps(quote_ids),))}
    first = conn.execute("SELECT g.name, q.speaker FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id "
                         "LEFT JOIN global_entities g ON g.id = e.global_id WHERE q.id = ?", (quote_ids[0],)).fetchone()
    return [{"document": r["document"], "published": r["published"], "outlet": r["outlet"],
             "spans": json.loads(r["spans"]), "article_key": r["article_key"], "quote_id": r["quote_id"],
             "text": " ".join(r["content"].split())} for r in (rows[i] for i in quote_ids)], first[0] or first[1]


def differing_words(text: str, variant: str) -> list[tuple[str, bool]]:
    """``variant`` as (word, differs from ``text``) pieces, for highlighting a misquotation."""
    pieces = variant.split()
    base = [" ".join(words(p)) for p in text.split()]
    mine = [" ".join(words(p)) for p in pieces]
    same: set[int] = set()
    for block in SequenceMatcher(None, mine, base, autojunk=False).get_matching_blocks():
        same.update(range(block.a, block.a + block.size))
    return [(p, i not in same and bool(mine[i])) for i, p in enumerate(pieces)]


__all__ = ["count_quotation_groups", "differing_words", "group_occurrences", "quotation_group", "quotation_groups"]
