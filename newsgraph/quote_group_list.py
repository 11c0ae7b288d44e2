"""Reading quotation groups (built by quote_groups.py): one quotation with its occurrences, first
appearance and variants, for the CLI's ``quotations``, ``/api/quotations`` and ``/quotations``.

A group's ``text`` is its most frequent wording (ties: the longest, then the earliest), so a
wire quotation reads as the wire printed it and a trimmed copy shows as a variant. Occurrences
are ordered by publication date (undated last), then ingest order; the first is ``first_seen``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from difflib import SequenceMatcher
from operator import itemgetter
from typing import Any

from newsgraph.query import ARTICLE_KEY
from newsgraph.quote_groups import words


def _filter(speaker: str | None, min_occurrences: int) -> tuple[str, list[Any]]:
    """Groups by size through the ``quote_groups_size`` index (no count over every quotation); a
    speaker's through the names printed (``speaker_names``, a few thousand) and their quotations
    by the ``quotes_speaker`` index, not a look through every group's members."""
    where, args = "g.size >= ?", list[Any]([max(1, min_occurrences)])
    if speaker:
        where += (" AND g.id IN (SELECT m.group_id FROM quotes q JOIN quote_group_members m ON m.quote_id = q.id "
                  "WHERE q.speaker IN (SELECT speaker FROM speaker_names WHERE speaker LIKE ?))")
        args.append(f"%{speaker.strip()}%")
    return where, args


def count_quotation_groups(conn: sqlite3.Connection, *, speaker: str | None = None, min_occurrences: int = 2) -> int:
    where, args = _filter(speaker, min_occurrences)
    return int(conn.execute(f"SELECT count(*) FROM quote_groups g WHERE {where}", args).fetchone()[0])


def quotation_groups(conn: sqlite3.Connection, *, speaker: str | None = None, min_occurrences: int = 2,
                     limit: int = 50, offset: int = 0, shown: int | None = None) -> list[dict[str, Any]]:
    """Groups of at least ``min_occurrences`` quotations, the most reported first (``shown``: as
    ``quotation_group``)."""
    where, args = _filter(speaker, min_occurrences)
    ids = [r[0] for r in conn.execute(f"SELECT g.id FROM quote_groups g WHERE {where} "
                                      "ORDER BY g.size DESC, g.id LIMIT ? OFFSET ?", [*args, limit, offset])]
    return [g for g in (quotation_group(conn, i, shown=shown) for i in ids) if g is not None]


_IN_ORDER = "a.published IS NULL, a.published, a.id, q.id"
"""Occurrences in order: publication date (undated last), then ingest order."""


def quotation_group(conn: sqlite3.Connection, group_id: int, *, shown: int | None = None) -> dict[str, Any] | None:
    """One group: ``{"id", "text", "speaker", "occurrences", "first_seen", "variants"}``.

    ``shown``: list only the first ``shown`` occurrences and the first ``shown`` of each wording (a
    page's view: a wire quotation in a big store has hundreds), and add ``occurrence_count``; the
    variants' counts are of all of them either way.
    """
    order = conn.execute(
        "SELECT q.id, q.content FROM quote_group_members m JOIN quotes q ON q.id = m.quote_id "
        f"JOIN articles a ON a.id = q.article_id WHERE m.group_id = ? ORDER BY {_IN_ORDER}", (group_id,)).fetchall()
    if not order:
        return None
    printed = Counter(map(itemgetter(1), order))  # each text as stored: its count, earliest first
    texts = {content: " ".join(content.split()) for content in printed}
    keys = {content: tuple(words(t)) for content, t in texts.items()}  # words() once per distinct text
    text, variants, per_key = _variants(printed, texts, keys)
    listed = [i for i, _ in order] if shown is None else _first_of_each(order, keys, per_key, shown)
    occurrences, speaker = _occurrences(conn, listed)
    first = occurrences[0]
    group = {"id": group_id, "text": text, "speaker": speaker, "occurrences": occurrences,
             "first_seen": {k: first[k] for k in ("document", "published", "outlet", "article_key")},
             "variants": variants}
    return group if shown is None else {**group, "occurrence_count": len(order)}


def _first_of_each(order: list[Any], keys: dict[str, tuple[str, ...]], per_key: dict[tuple[str, ...], int],
                   shown: int) -> list[int]:
    """The first ``shown`` of the (quotation id, text) ``order``, and the first ``shown`` of each
    wording (``keys``; ``per_key``: each one's count), in order: a walk that stops when it has them."""
    seen = dict.fromkeys(per_key, 0)
    missing = sum(min(shown, n) for n in per_key.values())  # wordings' firsts not reached yet
    out = []
    for n, (quote_id, content) in enumerate(order):
        if n >= shown and not missing:
            break
        key = keys[content]
        if n < shown or seen[key] < shown:
            out.append(quote_id)
        if seen[key] < shown:
            missing -= 1
        seen[key] += 1
    return out


def _occurrences(conn: sqlite3.Connection, quote_ids: list[int]) -> tuple[list[dict[str, Any]], str | None]:
    """Where each of ``quote_ids`` was printed, in their order; and the first one's speaker (the
    group's): the person they are, else the name printed."""
    rows = {r["quote_id"]: r for r in conn.execute(
        f"SELECT q.id AS quote_id, q.content, q.spans, q.speaker, a.document, a.published, a.outlet, "
        f"{ARTICLE_KEY} AS article_key, g.name AS person FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN entities e ON e.id = q.speaker_entity_id LEFT JOIN global_entities g ON g.id = e.global_id "
        "WHERE q.id IN (SELECT value FROM json_each(?))", (json.dumps(quote_ids),))}
    first = rows[quote_ids[0]]
    return [{"document": r["document"], "published": r["published"], "outlet": r["outlet"],
             "spans": json.loads(r["spans"]), "article_key": r["article_key"], "quote_id": r["quote_id"],
             "text": " ".join(r["content"].split())} for r in (rows[i] for i in quote_ids)], first["person"] or first["speaker"]


def _variants(printed: Counter[str], texts: dict[str, str], keys: dict[str, tuple[str, ...]]
              ) -> tuple[str, list[dict[str, Any]], dict[tuple[str, ...], int]]:
    """The group's text, each distinct wording with its count (the most frequent first) and the
    counts by wording's words.

    Wordings differ by their words: "[European]" and "(European)" are one wording, shown as first printed.
    ``printed``: each text as stored with its count, the earliest first; ``texts``, ``keys``: each
    one with its spaces made single, and its words.
    """
    shown: dict[tuple[str, ...], str] = {}
    counts: dict[tuple[str, ...], int] = {}
    for content, n in printed.items():
        key = keys[content]
        shown.setdefault(key, texts[content])
        counts[key] = counts.get(key, 0) + n
    order = sorted(counts, key=lambda k: (-counts[k], -len(k)))  # stable: ties keep the earliest
    return shown[order[0]], [{"text": shown[k], "count": counts[k]} for k in order], counts


def differing_words(text: str, variant: str) -> list[tuple[str, bool]]:
    """``variant`` as (word, differs from ``text``) pieces, for highlighting a misquotation."""
    pieces = variant.split()
    base = [" ".join(words(p)) for p in text.split()]
    mine = [" ".join(words(p)) for p in pieces]
    same: set[int] = set()
    for block in SequenceMatcher(None, mine, base, autojunk=False).get_matching_blocks():
        same.update(range(block.a, block.a + block.size))
    return [(p, i not in same and bool(mine[i])) for i, p in enumerate(pieces)]


__all__ = ["count_quotation_groups", "differing_words", "quotation_group", "quotation_groups"]
