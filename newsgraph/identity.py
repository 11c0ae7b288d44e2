"""One identity per person: the same person on every page, count, link and filter.

A person is a global entity (store/merge.py joins an article's "Blair" to the Tony Blair of other
articles by ``global_id``); a quotation belongs to the person of its speaker's entity
(``quotes.speaker_entity_id``), so a "Blair" quoted in an article about Ian Blair is not counted
for Tony Blair, and every name merged into Tony Blair is. A speaker no PERSON entity stands for
(an organisation, "the Tories") is an identity of its own name, of kind ``other``; so is a person
entity never merged (no ``global_id``), by name.

The whole table (names, counts) is read from the totals the store keeps current (schema 5,
store/schema.sql) and kept until the store changes, so lists, look-ups and suggestions cost no
query of their own.
"""

from __future__ import annotations

import difflib
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from newsgraph.tables import per_store, store_state


@dataclass
class Identity:
    """One person (or other speaker): ``key`` is ``g<global_id>`` or ``n<name>``."""

    key: str
    name: str
    kind: str  # person | other
    names: dict[str, int] = field(default_factory=dict)  # name -> entities (or quotations) using it
    articles: int = 0
    mentions: int = 0
    quotes: int = 0

    @property
    def global_id(self) -> int | None:
        return int(self.key[1:]) if self.key.startswith("g") else None

    def row(self) -> dict[str, Any]:
        return {"name": self.name, "names": sorted(self.names), "kind": self.kind, "global_id": self.global_id,
                "quotes": self.quotes, "mentions": self.mentions, "articles": self.articles}

    def quote_condition(self, alias: str = "q") -> tuple[str, list[Any]]:
        """SQL keeping this identity's quotations (uses the index on quotes.speaker_entity_id)."""
        if self.global_id is not None:
            return (f"{alias}.speaker_entity_id IN (SELECT id FROM entities WHERE global_id = ?)",
                    [self.global_id])
        return (f"({alias}.speaker = ? AND NOT EXISTS (SELECT 1 FROM entities x WHERE x.id = {alias}.speaker_entity_id"
                " AND x.global_id IS NOT NULL AND x.type = 'PERSON'))", [self.name])  # as the totals' speaker_key

    def entity_condition(self, alias: str = "e") -> tuple[str, list[Any]]:
        """SQL keeping this identity's PERSON entities (one per article naming it)."""
        if self.global_id is not None:
            return f"{alias}.global_id = ?", [self.global_id]
        return f"({alias}.name = ? AND {alias}.type = 'PERSON' AND {alias}.global_id IS NULL)", [self.name]


def display_name(names: dict[str, int], first: str | None = None) -> str:
    """The name to show: a full name (with a space) first, then the commonest, then the global
    entity's own name (``first``, the name it was created with), then alphabetical."""
    return min(names, key=lambda n: (" " not in n, -names[n], n != first, n))


def rank(p: Identity) -> tuple[int, int, str]:
    """The order of identities: most quoted first, then most mentioned, then by display name."""
    return -p.quotes, -p.mentions, p.name


class Identities:
    """Every identity of a store, with look-up by any of its names (case-insensitive)."""

    def __init__(self, people: list[Identity]) -> None:
        self.all = sorted(people, key=rank)
        self._by_key = {p.key: p for p in self.all}
        self._by_names: tuple[dict[str, list[Identity]], dict[str, list[Identity]]] | None = None

    def _names(self) -> tuple[dict[str, list[Identity]], dict[str, list[Identity]]]:
        """Identities by each of their names, as given and case-folded; built on the first look-up
        (a list of people, the one thing `newsgraph people` does, needs neither), and set whole, so
        a thread looking up at the same time sees both or builds its own."""
        if self._by_names is None:
            by_name: dict[str, list[Identity]] = {}
            by_folded: dict[str, list[Identity]] = {}
            for p in self.all:
                for n in p.names:
                    by_name.setdefault(n, []).append(p)
                    by_folded.setdefault(n.casefold(), []).append(p)
            self._by_names = by_name, by_folded
        return self._by_names

    def by_key(self, key: str) -> Identity | None:
        """The identity of ``g<global_id>`` or ``n<name>``."""
        return self._by_key.get(key)

    def find(self, name: str) -> Identity | None:
        """The identity ``name`` means: the one it names first (its display name), else the best known of those
        using it as a name (a lone "Blair" in several merges), else the same ignoring case."""
        by_name, by_folded = self._names()
        for table, key in ((by_name, name), (by_folded, name.casefold())):
            found = table.get(key, [])
            named = [p for p in found if (p.name if table is by_name else p.name.casefold()) == key]
            if named or found:
                return (named or found)[0]  # self.all's order: most quoted first
        return None

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """The nearest display names ("did you mean …"), closest first."""
        folded = {p.name.casefold(): p.name for p in self.all}
        close = difflib.get_close_matches(name.casefold(), list(folded), n=n, cutoff=0.6)
        if len(close) < n:  # a part of a name ("blair") is near no whole name: names containing it
            close += [k for k in folded if name.casefold() in k and k not in close][:n - len(close)]
        return [folded[k] for k in close]


def identities(conn: sqlite3.Connection) -> Identities:
    """The store's identities, built once per state of the store file."""
    return per_store(conn, _build)


_built: dict[str, tuple[tuple, Identities]] = {}
"""The identities built last per store file, with the file's state before they were read (``lookup``)."""
_looked_up: dict[tuple[str, tuple, str], Identity | None] = {}
"""``lookup``'s answers per store file, state and name."""


def _build(conn: sqlite3.Connection) -> Identities:
    """One read transaction, so that a concurrent ingest cannot add a person between the queries."""
    state = store_state(conn)
    if conn.in_transaction:
        built = _build_in(conn)
    else:
        conn.execute("BEGIN")
        try:
            built = _build_in(conn)
        finally:
            conn.execute("COMMIT")
    if state:
        _built[state[0]] = (state[1], built)
    return built


def _build_in(conn: sqlite3.Connection) -> Identities:
    """From the totals the store keeps (store/schema.sql ``person_totals``, ``person_names``): one row
    per identity, not a pass over every entity and quotation."""
    return Identities(_assemble(conn, "", []))


def _assemble(conn: sqlite3.Connection, keys_sql: str, args: list[Any]) -> list[Identity]:
    """The identities whose key is in ``keys_sql`` (a SELECT of keys; "": every one), names and counts."""
    people: dict[str, Identity] = {}
    rows = conn.cursor()
    rows.row_factory = None  # plain tuples: thousands of rows, each unpacked once
    among = f" AND key IN ({keys_sql})" if keys_sql else ""
    for key, entities, articles, mentions, quotes, quote_articles in rows.execute(
            "SELECT key, entities, articles, mentions, quotes, quote_articles FROM person_totals"
            f" WHERE (entities > 0 OR quotes > 0){among}", args):
        if entities > 0:
            people[key] = Identity(key, key[1:], "person", articles=articles, mentions=mentions, quotes=quotes)
        else:  # a speaker no PERSON entity stands for
            people[key] = Identity(key, key[1:], "other", {key[1:]: quotes}, quote_articles, 0, quotes)
    if not people:
        return []
    for key, name, n in rows.execute(f"SELECT key, name, entities FROM person_names{' WHERE 1' + among if among else ''}",
                                     args):
        if key in people:
            people[key].names[name] = n
    firsts = dict(rows.execute("SELECT id, name FROM global_entities WHERE type = 'PERSON'" + (
        f" AND id IN (SELECT CAST(substr(key, 2) AS INTEGER) FROM ({keys_sql}) WHERE key GLOB 'g*')"
        if keys_sql else ""), args).fetchall())
    for p in people.values():
        if len(p.names) > 1:  # one name is its own display name (most of them: thousands of calls saved)
            p.name = display_name(p.names, firsts.get(p.global_id))
        elif p.names:
            p.name = next(iter(p.names))
    return list(people.values())


def built_identities(conn: sqlite3.Connection) -> Identities | None:
    """The store's identities when this process has built them for the store's present state, else None."""
    state = store_state(conn)
    hit = _built.get(state[0]) if state else None
    return hit[1] if hit and state and hit[0] == state[1] else None


def lookup(conn: sqlite3.Connection, name: str) -> Identity | None:
    """``identities(conn).find(name)``, without building every identity when this process has not (a
    CLI command about one person): the identities using ``name`` read from the totals by name."""
    built = built_identities(conn)
    if built is not None:
        return built.find(name)
    state = store_state(conn)
    memo = (state[0], state[1], name) if state else None
    if memo in _looked_up:  # a command asks several times (its profile, quotations, counts, co-mentions)
        return _looked_up[memo]
    conn.create_function("newsgraph_casefold", 1, str.casefold, deterministic=True)
    who = None
    for folded, keys_sql, key in ((False, "SELECT key FROM person_names WHERE name = ? UNION SELECT key FROM"
                                   " person_totals WHERE key = 'n' || ? AND entities <= 0", name),
                                  (True, "SELECT key FROM person_names WHERE newsgraph_casefold(name) = ? UNION"
                                   " SELECT key FROM person_totals WHERE entities <= 0"
                                   " AND newsgraph_casefold(substr(key, 2)) = ?", name.casefold())):
        # as given (by index), then ignoring case (a pass over the names)
        found = _assemble(conn, keys_sql, [key, key])
        named = [p for p in found if (p.name.casefold() if folded else p.name) == key]
        if named or found:  # the first in Identities.all's order (its input: person_totals by key)
            who = min(named or found, key=lambda p: (*rank(p), p.key))
            break
    if memo:
        if len(_looked_up) > 1000:
            _looked_up.clear()
        _looked_up[memo] = who
    return who


def identities_of(conn: sqlite3.Connection, keys_sql: str, args: list[Any]) -> list[Identity]:
    """The identities whose key ``keys_sql`` (a SELECT) gives, in ``Identities.all``'s order."""
    return sorted(_assemble(conn, keys_sql, args), key=lambda p: (*rank(p), p.key))
