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
    """Groups by size through the ``quote_groups_size`` index (no count over every quotation)."""
    where, args = "g.size >= ?", list[Any]([max(1, min_occurrences)])
    if speaker:
        where += (" AND EXISTS (SELECT 1 FROM quote_group_members m JOIN quotes q ON q.id = m.quote_id "
                  "WHERE m.group_id = g.id AND q.speaker LIKE ?)")
        args.append(f"%{speaker.strip()}%")
    return where, args


def count_quotation_groups(conn: sqlite3.Connection, *, speaker: str | None = None, min_occurrences: int = 2) -> int:
    where, args = _filter(speaker, min_occurrences)
    return int(conn.execute(f"SELECT count(*) FROM quote_groups g WHERE {where}", args).fetchone()[0])


def quotation_groups(conn: sqlite3.Connection, *, speaker: str | None = None, min_occurrences: int = 2,
                     limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Groups of at least ``min_occurrences`` quotations, the most reported first."""
    where, args = _filter(speaker, min_occurrences)
    ids = [r[0] for r in conn.execute(f"SELECT g.id FROM quote_groups g WHERE {where} "
                                      "ORDER BY g.size DESC, g.id LIMIT ? OFFSET ?", [*args, limit, offset])]
    return [g for g in (quotation_group(conn, i) for i in ids) if g is not None]


def quotation_group(conn: sqlite3.Connection, group_id: int) -> dict[str, Any] | None:
    """One group: ``{"id", "text", "speaker", "occurrences", "first_seen", "variants"}``."""
    rows = conn.execute(
        f"SELECT q.id AS quote_id, q.content, q.spans, q.speaker, a.document, a.published, a.outlet, "
        f"{ARTICLE_KEY} AS article_key, g.name AS person FROM quote_group_members m "
        "JOIN quotes q ON q.id = m.quote_id JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN entities e ON e.id = q.speaker_entity_id LEFT JOIN global_entities g ON g.id = e.global_id "
        "WHERE m.group_id = ? ORDER BY a.published IS NULL, a.published, a.id, q.id", (group_id,)).fetchall()
    if not rows:
        return None
    occurrences = [{"document": r["document"], "published": r["published"], "outlet": r["outlet"],
                    "spans": json.loads(r["spans"]), "article_key": r["article_key"], "quote_id": r["quote_id"],
                    "text": " ".join(r["content"].split())} for r in rows]
    text, variants = _variants(occurrences)
    first = occurrences[0]
    return {"id": group_id, "text": text, "speaker": rows[0]["person"] or rows[0]["speaker"],
            "occurrences": occurrences,
            "first_seen": {k: first[k] for k in ("document", "published", "outlet", "article_key")},
            "variants": variants}


def _variants(occurrences: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """The group's text and each distinct wording with its count, the most frequent first.

    Wordings differ by their words: "[European]" and "(European)" are one wording, shown as first printed.
    """
    shown: dict[tuple[str, ...], str] = {}
    counts: dict[tuple[str, ...], int] = {}
    for o in occurrences:  # earliest first
        key = tuple(words(o["text"]))
        shown.setdefault(key, o["text"])
        counts[key] = counts.get(key, 0) + 1
    order = sorted(counts, key=lambda k: (-counts[k], -len(k)))  # stable: ties keep the earliest
    return shown[order[0]], [{"text": shown[k], "count": counts[k]} for k in order]


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
