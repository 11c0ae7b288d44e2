"""Quotations across articles: the same words by the same speaker, reported in several articles, as one group.

A wire quotation carried by forty papers is forty ``quotes`` rows; grouping them answers "who
printed it first, and did they all quote the same words". Each new quotation is matched when it
is stored (``group_new_quotations``, called by ingest after each batch, like the entity merge):

* **Which quotations.** Direct and mixed quotations (the words are the speaker's) of at least
  ``MIN_WORDS`` words by a named speaker. Indirect ones are the reporter's words, and short ones
  ("a good day") recur by chance.
* **Same speaker.** The speaker's identity is the person's global entity (``entities.global_id``
  of ``quotes.speaker_entity_id``), else the speaker name case-folded: the same words by
  another speaker stay apart (``same_speaker``; a lone surname is compared by name). The
  speaker's surname is hashed into every shingle, so the index only proposes quotations by
  speakers of that surname, and ``same_speaker`` decides among them.
* **Index, never all pairs.** Each quotation's word 3-grams (case-folded, punctuation dropped)
  are hashed into ``quote_shingles``; a new quotation's candidates are the quotations sharing
  shingles with it (at most ``MAX_CANDIDATES``, most shared first). Any quotation of 6+ words
  with one word changed keeps at least one 3-gram.
* **Match.** The candidate's words are aligned with the new ones (``difflib``); they are the
  same quotation when the aligned runs of 2+ words cover ``MIN_COVER`` of the shorter one. That joins the
  identical, the trimmed (one sentence of a longer quotation: cover 1.0) and the slightly
  reworded (one word of six changed: 0.83). The new quotation joins the group of its best
  candidate (highest cover, most words, lowest id), else starts its own group.
* **Deterministic.** Quotations are taken in id (ingest) order and each is matched only against
  earlier ones, through a store-wide watermark (``meta.quote_groups_through``); batches of any
  size give the same groups, and a run killed between a batch and its grouping is finished by
  the next one.
* **Undoable.** Every assignment is logged in ``quote_group_log`` with its rule;
  ``detach_quotation`` / ``ungroup`` move quotations into groups of their own, mark the log rows
  undone and take the quotations out of the index, so they are never joined again automatically.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from difflib import SequenceMatcher

from newsgraph.store.db import run_write
from newsgraph.store.wording import words

MIN_WORDS = 6
SHINGLE = 3
MIN_COVER = 0.8
MAX_CANDIDATES = 20
KINDS = ("direct", "mixed")
KEPT_APART = "kept apart (detached)"
WATERMARK = "quote_groups_through"


def speaker_key(global_id: int | None, speaker: str | None) -> str | None:
    """Who said it, as recorded on a group: the global entity, else the name case-folded (None: unnamed)."""
    if global_id is not None:
        return f"g:{global_id}"
    if speaker and speaker.strip():
        return "n:" + " ".join(speaker.casefold().split())
    return None


@dataclass(frozen=True)
class Who:
    """A quotation's speaker as grouping compares them: global entity and name (case-folded)."""

    global_id: int | None
    name: str

    @property
    def surname(self) -> str:
        return self.name.rsplit(" ", 1)[-1]

    @property
    def alone(self) -> bool:
        return " " not in self.name


def same_speaker(a: Who, b: Who) -> bool:
    """The same person: one global entity; a lone surname ("Roddick") and a name ending in it; two
    equal names without entities. Two full names follow the entity merge (Bill and Hillary Clinton
    stay apart). Any speaker type alike: the analysis types some people as organisations ("Ferdinand").
    A lone surname is compared by the name, not by its global entity, because which
    person it joins can change as later articles arrive (merge.py rule 2): by the name, a
    quotation's group never depends on when it was ingested."""
    if a.alone or b.alone:
        return a.surname == b.surname
    if a.global_id is not None and b.global_id is not None:
        return a.global_id == b.global_id
    return a.name == b.name


def shingles(key: str, ws: list[str]) -> set[int]:
    """Hashes of (speaker's surname, 3 consecutive words): stable across runs (no Python ``hash`` seed)."""
    out = set()
    for i in range(len(ws) - SHINGLE + 1):
        digest = hashlib.blake2b(f"{key}\x1f{' '.join(ws[i:i + SHINGLE])}".encode(), digest_size=8).digest()
        out.add(int.from_bytes(digest, "big", signed=True))
    return out


def cover(a: list[str], b: list[str]) -> tuple[float, int]:
    """(share of the shorter quotation's words aligned with the other, words aligned).

    Only runs of two or more words count: one shared word between two different sentences ("of",
    "the") is chance, and counting it joined "of being a New Labour stooge" to another remark.
    """
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    matched = sum(block.size for block in blocks if block.size >= 2)
    return matched / max(1, min(len(a), len(b))), matched


def rule_for(a: list[str], b: list[str], share: float) -> str:
    """The log's reason: identical, a contiguous part (trimmed), or reworded (with the share aligned)."""
    if a == b:
        return "identical"
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1)):
        return "part of a longer quotation"
    return f"wording differs ({share:.0%} of the words)"


def group_new_quotations(conn: sqlite3.Connection) -> int:
    """Group every quotation stored since the last call; returns how many joined an existing group.

    Runs in its own write transaction (taken before the first read), so two processes ingesting
    into one store never group a quotation twice.
    """
    return run_write(conn, _group_new, conn)


def regroup(conn: sqlite3.Connection) -> int:
    """Redo every grouping from scratch, in ingest order (detached quotations stay alone).

    For a store grouped by an older rule; the log keeps the old assignments, marked undone.
    """
    def redo() -> int:
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            kept = {r[0] for r in conn.execute("SELECT quote_id FROM quote_group_log WHERE rule = ? "
                                               "AND undone_at IS NULL", (KEPT_APART,))}
            conn.execute("UPDATE quote_group_log SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                         "WHERE undone_at IS NULL AND rule != ?", (KEPT_APART,))
            for table in ("quote_group_members", "quote_groups", "quote_shingles"):
                conn.execute(f"DELETE FROM {table}")
            conn.execute("DELETE FROM meta WHERE key = ?", (WATERMARK,))
            return _group_all(conn, kept)
    return int(run_write(conn, redo))


def _group_new(conn: sqlite3.Connection) -> int:
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        return _group_all(conn, set())


def _group_all(conn: sqlite3.Connection, kept: set[int]) -> int:
    """Every quotation past the watermark, in id order (inside the caller's transaction)."""
    joined = 0
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (WATERMARK,)).fetchone()
    through = int(row[0]) if row else 0
    rows = conn.execute(
        "SELECT q.id, q.content, q.kind, q.speaker, q.speaker_type, e.global_id FROM quotes q "
        "LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE q.id > ? ORDER BY q.id", (through,)
    ).fetchall()
    for r in rows:
        through = r["id"]
        key = speaker_key(r["global_id"], r["speaker"])
        if r["kind"] not in KINDS or key is None or r["speaker_type"] == "UNNAMED":
            continue
        ws = words(r["content"])
        if len(ws) < MIN_WORDS:
            continue
        joined += _place(conn, r["id"], key, _who(r), ws, alone=r["id"] in kept)
    if rows:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (WATERMARK, str(through)))
    return joined


def _who(r: sqlite3.Row) -> Who:
    return Who(r["global_id"], " ".join((r["speaker"] or "").casefold().split()))


def _place(conn: sqlite3.Connection, quote_id: int, key: str, who: Who, ws: list[str], *,
           alone: bool = False) -> int:
    """Put one quotation in its group (an earlier one's, or a new one); 1 if it joined.
    ``alone``: a detached quotation, regrouped: its own group, out of the index."""
    if alone:
        own = int(conn.execute("INSERT INTO quote_groups(speaker_key) VALUES (?)", (key,)).lastrowid or 0)
        _add_member(conn, quote_id, own, ws)
        conn.execute("UPDATE quote_group_log SET group_id = ? WHERE quote_id = ? AND rule = ? AND undone_at IS NULL",
                     (own, quote_id, KEPT_APART))
        return 0
    hashes = sorted(shingles(who.surname, ws))
    marks = ",".join("?" * len(hashes))
    cands = conn.execute(
        f"SELECT quote_id, count(*) AS n FROM quote_shingles WHERE shingle IN ({marks}) "
        "GROUP BY quote_id ORDER BY n DESC, quote_id LIMIT ?", [*hashes, MAX_CANDIDATES]).fetchall()
    best: tuple[float, int, int] | None = None
    best_words: list[str] = []
    for c in cands:
        found = conn.execute("SELECT q.content, q.speaker, e.global_id FROM quotes q LEFT JOIN entities e "
                             "ON e.id = q.speaker_entity_id WHERE q.id = ?", (c["quote_id"],)).fetchone()
        if found is None or not same_speaker(who, _who(found)):  # deleted, or another speaker of that surname
            continue
        other = words(found["content"])
        share, matched = cover(ws, other)
        if share >= MIN_COVER and (best is None or (share, matched, -c["quote_id"]) > (best[0], best[1], -best[2])):
            best, best_words = (share, matched, c["quote_id"]), other
    group_id: int | None = None
    rule = "new"
    if best is not None:
        hit = conn.execute("SELECT group_id FROM quote_group_members WHERE quote_id = ?", (best[2],)).fetchone()
        if hit is not None:
            group_id, rule = int(hit[0]), rule_for(ws, best_words, best[0])
    if group_id is None:
        group_id = int(conn.execute("INSERT INTO quote_groups(speaker_key) VALUES (?)", (key,)).lastrowid or 0)
    _add_member(conn, quote_id, group_id, ws)
    conn.execute("INSERT INTO quote_group_log(group_id, quote_id, rule) VALUES (?,?,?)", (group_id, quote_id, rule))
    conn.executemany("INSERT OR IGNORE INTO quote_shingles(shingle, quote_id) VALUES (?, ?)",
                     [(h, quote_id) for h in hashes])
    return int(rule != "new")


def _add_member(conn: sqlite3.Connection, quote_id: int, group_id: int, ws: list[str]) -> None:
    """A quotation joins a group, with what the group's figures and its ordered lists read (its
    wording, article, date and speaker as printed); the schema's triggers count it in."""
    conn.execute("INSERT INTO quote_group_members(quote_id, group_id, wording, published, article_id, speaker) "
                 "SELECT q.id, ?, ?, a.published, a.id, q.speaker FROM quotes q JOIN articles a ON a.id = q.article_id "
                 "WHERE q.id = ?", (group_id, " ".join(ws), quote_id))


def detach_quotation(conn: sqlite3.Connection, quote_id: int) -> bool:
    """Take one quotation out of its group into a group of its own, for good (the log says why).

    Returns False when the quotation is in no group or already alone.
    """
    with conn:
        row = conn.execute("SELECT m.group_id, g.speaker_key, g.size AS n FROM quote_group_members m "
                           "JOIN quote_groups g ON g.id = m.group_id WHERE m.quote_id = ?", (quote_id,)).fetchone()
        if row is None or row["n"] < 2:
            return False
        _detach(conn, quote_id, row["speaker_key"])
    return True


def ungroup(conn: sqlite3.Connection, group_id: int, *, quote_ids: list[int] | None = None) -> int:
    """Detach quotations (all but the earliest, or ``quote_ids``) from a group; returns how many.

    Like ``store.merge.unmerge``: without ``quote_ids`` the earliest keeps the group and is kept apart
    too, so the next wire copy does not rebuild the group undone.
    """
    with conn:
        g = conn.execute("SELECT speaker_key FROM quote_groups WHERE id = ?", (group_id,)).fetchone()
        members = [r[0] for r in conn.execute(
            "SELECT quote_id FROM quote_group_members WHERE group_id = ? ORDER BY quote_id", (group_id,))]
        if g is None or len(members) < 2:
            return 0
        targets = members[1:] if quote_ids is None else [m for m in members if m in set(quote_ids)]
        if targets and quote_ids is None:  # the whole group undone: the earliest stays, alone for good
            conn.execute("INSERT INTO quote_group_log(group_id, quote_id, rule) VALUES (?,?,?)",
                         (group_id, members[0], KEPT_APART))
            conn.execute("DELETE FROM quote_shingles WHERE quote_id = ?", (members[0],))
        for q in targets:
            _detach(conn, q, g["speaker_key"])
    return len(targets)


def _detach(conn: sqlite3.Connection, quote_id: int, key: str) -> None:
    new = int(conn.execute("INSERT INTO quote_groups(speaker_key) VALUES (?)", (key,)).lastrowid or 0)
    kept = conn.execute("SELECT wording, published, article_id, speaker FROM quote_group_members WHERE quote_id = ?",
                        (quote_id,)).fetchone()
    conn.execute("DELETE FROM quote_group_members WHERE quote_id = ?", (quote_id,))  # the figures: its triggers
    conn.execute("INSERT INTO quote_group_members(quote_id, group_id, wording, published, article_id, speaker) "
                 "VALUES (?, ?, ?, ?, ?, ?)", (quote_id, new, *kept))
    conn.execute("UPDATE quote_group_log SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                 "WHERE quote_id = ? AND undone_at IS NULL", (quote_id,))
    conn.execute("INSERT INTO quote_group_log(group_id, quote_id, rule) VALUES (?,?,?)", (new, quote_id, KEPT_APART))
    conn.execute("DELETE FROM quote_shingles WHERE quote_id = ?", (quote_id,))  # never proposed again


__all__ = ["KEPT_APART", "MIN_COVER", "MIN_WORDS", "detach_quotation", "group_new_quotations", "Who", "regroup", "same_speaker", "speaker_key",
           "ungroup", "words"]
