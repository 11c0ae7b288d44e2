"""A quotation's wording: the words that identify it (quote_groups.py), also a SQL function for
the schema-6 migration, which fills each grouped quotation's wording in the store."""

from __future__ import annotations

import re
import sqlite3

WORD = re.compile(r"\w+(?:['’]\w+)*")
SQL_FUNCTION = "newsgraph_wording"
"""``newsgraph_wording(text)``: ``wording(text)`` in SQL (registered by store/db.py ``migrate``)."""


def words(text: str) -> list[str]:
    """The words that identify a quotation: case-folded, punctuation and quotation marks dropped."""
    return [w.replace("’", "'") for w in WORD.findall(text.casefold())]


def wording(text: str) -> str:
    """``words`` as one string (a key of ``quote_group_wordings``): two printings are one wording
    when their words are."""
    return " ".join(words(text))


def register(conn: sqlite3.Connection) -> None:
    conn.create_function(SQL_FUNCTION, 1, wording, deterministic=True)


__all__ = ["SQL_FUNCTION", "register", "wording", "words"]
