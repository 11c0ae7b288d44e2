"""Across articles: a "person" the rest of the store knows as a thing is retyped.

spaCy's small model types many organisations, products and places PERSON in one article
("Gazprom", "Freeview", "Heathrow") with nothing in that article to say otherwise, while other
articles type the same name ORG, PRODUCT or FAC. An entity typed PERSON is retyped to the
name's usual type when

1. its own article gives no person evidence that the store keeps: no gender (a gendered
   pronoun, title or kin word, or a gendered given name), no title among its written forms
   ("Mr", "President"), no role but organisation or work nouns ("operating system"), and no
   known given name or person-name shape in the name; and
2. across the store the same name is typed non-person in a clear majority of the articles
   naming it: at least ``MIN_ARTICLES`` articles and at least ``RATIO`` times the articles
   typing it PERSON.

Two stronger rules reach what that one cannot:

3. an overwhelming majority (at least ``STRONG_ARTICLES`` articles and ``STRONG_RATIO`` times
   the PERSON ones) outweighs the weak evidence of a one-word name: a known given name that is
   not a common surname ("Chelsea" in 60 football articles), a role no person-only noun heads
   ("owner of X", "leaders"), and, past ``GENDER_ARTICLES`` articles and ``GENDER_RATIO`` times,
   a gender (one misresolved pronoun: "Yahoo ... he"). A title, a person's role ("striker"),
   kin, or the text around a mention ("X, 45,", "said X.") still keep it a person;
4. an entity its article describes only as a thing ("Anglo-Dutch household products group",
   "Malian desert blues band") with no person evidence is retyped whatever the store holds: to
   the name's usual thing type, else WORK_OF_ART for a work noun, else ORG;
5. a name of several words with only a given name's shape for evidence, that the store's texts
   call a thing in at least ``DESCRIBED_ARTICLES`` articles ("rock band X", "the X is") and a
   person in none, is retyped (``described_as_thing``);
6. a side of a fixture ("Ipswich v X") with no person evidence is a team (``in_fixture``).

The entity takes that type and joins the global entity of that type and name; the quotations
it speaks become an organisation's; the totals (``person_totals``, ``quote_tally``,
``speaker_articles``, ``speaker_names``, ``place_totals``) move with it. Each retype is logged in
``entity_merges`` with its rule (``retyped PERSON → ORG: …``); ``unretype`` turns it back into a
person of its own and keeps it so. Bounded: after each ingest batch only the names of that
batch are looked at, through the index on ``entities(name)``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

RETYPED = "retyped PERSON → "
KEPT_PERSON = "kept PERSON (retype undone)"
MIN_ARTICLES = 2
RATIO = 2.0
STRONG_ARTICLES = 5  # rule 3: weak evidence of a one-word name gives way
STRONG_RATIO = 5.0
GENDER_ARTICLES = 10  # rule 3: a gender (one pronoun) gives way too
GENDER_RATIO = 10.0
STORE_THING_HEADS = frozenset({"unit", "side", "market", "port", "serial"})  # "oil unit X", "club side X"
_PREPOSITION = re.compile(r"\s(?:of|for|at|with|behind|in|on|from|to|by)\s")
COUNT_CAP = 10_000
THING_TYPES = ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LAW")
_TYPES_SQL = ", ".join(f"'{t}'" for t in THING_TYPES)
PLACE_TYPES = ("GPE", "LOC", "FAC")  # the place totals' types (schema.sql)
_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"


def _work_nouns() -> frozenset[str]:
    from newsgraph.analyse.base.data import work_nouns

    return work_nouns()


def _names():
    # The store never imports spaCy; names.py is plain Python and data files.
    from newsgraph.analyse.entities import names

    return names


def person_evidence(name: str, aliases: Iterable[str], roles: Iterable[str], gender: str | None) -> str | None:
    """What the stored entity says of a person, or None: a gender, a title, a person's role, a
    given name or a person-name shape."""
    names = _names()
    if gender:
        return f"gender {gender}"
    titles = names.titles()
    for form in (name, *aliases):
        first = form.split()[0] if form.split() else ""
        if first in titles:
            return f"title {first}"
    roles = [r for r in roles if r.split()]
    if roles and not thing_roles(roles):
        return f"role {roles[0]}"
    words = name.split()
    if not words or names.known_given_name(words[0]) or names.name_shape_says_person(name):
        return "given name"
    return None


_AFTER = re.compile(r"\s*,\s*(?:(who)\b|\d{1,3}\s*,)|'s\s+([a-z-]+)")
_CLAUSE_END = re.compile(r"\s*[.,;:]")
_BEFORE = re.compile(r"\b(?:said|says|added|according\s+to)\s+$|\b([A-Z][a-z]+\.?)\s+$")
_COORDINATED = re.compile(r"([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*)\s*,?\s+(?:and|or)\s+$")


def context_evidence(conn: sqlite3.Connection, entity_id: int, *, who: bool = True) -> str | None:
    """What the article's text around the entity's mentions says of a person, read from the stored
    text and mention offsets (no parse): "X, who", "X, 45,", "X's wife", "said X." , a
    title before it, or another person of the article whose name holds it ("Robin Butler").
    ``who=False`` leaves out "X, who", which bands and clubs take as well."""
    row = conn.execute("SELECT e.article_id, e.name FROM entities e WHERE e.id = ?", (entity_id,)).fetchone()
    words = set(row["name"].split())
    for other in conn.execute("SELECT name, aliases FROM entities WHERE article_id = ? AND type = 'PERSON' AND id <> ?",
                              (row["article_id"], entity_id)):
        if any(len(form.split()) > len(words) and words <= set(form.split())
               for form in (other["name"], *_json(other["aliases"]))):
            return f"part of the name {other['name']}"
    text = conn.execute("SELECT text FROM articles WHERE id = ?", (row["article_id"],)).fetchone()[0]
    things = {r[0] for r in conn.execute(f"SELECT name FROM entities WHERE article_id = ? AND type IN ({_TYPES_SQL})",
                                         (row["article_id"],))} if who else set()
    for start, end in conn.execute('SELECT start, "end" FROM mentions WHERE entity_id = ?', (entity_id,)):
        sign = text_person_sign(text, start, end, things if who else None)
        if sign:
            return sign
    return None


def text_person_sign(text: str, start: int, end: int, things: set[str] | None) -> str | None:
    """The person sign of the text around one mention ``text[start:end]``: "X, 45,", "X's wife",
    "said X.", a title before it, and, unless ``things`` is None, "X, who" when X is not
    coordinated with a name the article types a thing ("Arsenal or Chelsea, who won")."""
    names = _names()
    after = _AFTER.match(text, end)
    if after and after.group(1) and things is not None:
        joined = _COORDINATED.search(text[max(0, start - 60):start])
        words = joined.group(1).split() if joined else []
        if not any(" ".join(words[i:]) in things for i in range(len(words))):
            return f"after it: {after.group(0).strip()}"
    elif after and not after.group(1) and (after.group(2) is None or after.group(2) in names.kinship_nouns()):
        return f"after it: {after.group(0).strip()}"
    before = _BEFORE.search(text[max(0, start - 30):start])
    if before and (before.group(1) is None and _CLAUSE_END.match(text, end) or before.group(1) in names.titles()):
        return f"before it: {before.group(0).strip()}"
    return None


# the word right before the name, on its line and not a verb's object ("can play X", "to group X")
_THING_BEFORE = re.compile(r"(?<!\bcan )(?<!\bwill )(?<!\bto )(?<!\bwould )(?<!\bcould )(?<!\bmay )"
                           r"(?<!\bmight )(?<!\bmust )(?<!\bshould )(?<![\w'-])([a-z]+) $")
_THE_THING = re.compile(r"\s*(?:[.,;:!?)]|(?:is|was|has|had|comes|offers|will|can|should)\b)")
DESCRIBED_ARTICLES = 2  # rule 5: articles the store's text calls the name a thing in
TEXT_ARTICLES_CAP = 200
PLACE_WORDS = frozenset({"river", "lake", "loch", "mount", "bay", "sea", "ocean", "island", "valley", "forest"})


def described_as_thing(conn: sqlite3.Connection, name: str) -> str | None:
    """Rule 5: how the store's articles call a name of several words a thing, or None. At least
    ``DESCRIBED_ARTICLES`` articles must name it after a thing noun ("rock band X", "charity X") or
    as "the X" ending a clause or before a verb ("the X is"), and no article may say it is a person:
    no entity of the name with a gender, a title or a person's role, no title, age, kin or
    speech around it in any article's text ("X, who" does not count: "X, who were")."""
    words = name.split()
    if len(words) < 2:
        return None
    for r in conn.execute("SELECT aliases, roles, gender FROM entities WHERE name = ? LIMIT ?", (name, COUNT_CAP)):
        roles = _json(r["roles"])
        if r["gender"] or person_role(roles) or person_evidence(name, _json(r["aliases"]), [], None) not in (
                None, "given name"):
            return None
    phrase = '"' + name.replace('"', '""') + '"'
    pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
    described: set[int] = set()
    for article_id, text in conn.execute(
            "SELECT a.id, a.text FROM articles a WHERE a.id IN (SELECT rowid FROM articles_fts_exact "
            "WHERE articles_fts_exact MATCH ? LIMIT ?)", (phrase, TEXT_ARTICLES_CAP)):
        for m in pattern.finditer(text):
            if text_person_sign(text, m.start(), m.end(), None):
                return None
            before = _THING_BEFORE.search(text, max(0, m.start() - 40), m.start())
            word = before.group(1) if before else ""
            if word in _thing_heads() or word == "the" and _THE_THING.match(text, m.end()):
                described.add(article_id)
    if len(described) < DESCRIBED_ARTICLES:
        return None
    return f"the store's text calls it a thing in {len(described)} articles"


@dataclass
class _Counts:
    person: int
    things: Counter[str]


def _counts(conn: sqlite3.Connection, name: str) -> _Counts | None:
    """Articles naming ``name`` as a person and as each kind of thing, or None when no entity of
    that name is a PERSON (most names of a batch: one lookup). Read through the index on
    entities(type, name), each count capped at ``COUNT_CAP`` rows so a name in every article costs
    the same as one in a thousand."""
    people = conn.execute("SELECT article_id, roles FROM entities WHERE type = 'PERSON' AND name = ? LIMIT ?",
                          (name, COUNT_CAP)).fetchall()
    if not people:
        return None
    things: Counter[str] = Counter()
    for type_ in THING_TYPES:
        n = conn.execute("SELECT count(DISTINCT article_id) FROM (SELECT article_id FROM entities "
                         "WHERE type = ? AND name = ? LIMIT ?)", (type_, name, COUNT_CAP)).fetchone()[0]
        if n:
            things[type_] = n
    # PERSON entities described as a thing ("the operating system Linux") count for the thing
    described = {r["article_id"] for r in people if thing_roles(_json(r["roles"]))}
    person = len({r["article_id"] for r in people} - described)
    if described and things:
        things[things.most_common(1)[0][0]] += len(described)
    return _Counts(person, things)


def role_head(role: str) -> str:
    """The noun a role phrase is about, lower case: its last word before a preposition
    ("spokeswoman for the bank" -> spokeswoman, "Russian crude producer" -> producer)."""
    words = _PREPOSITION.split(role.lower(), maxsplit=1)[0].split()
    return words[-1] if words else ""


def thing_roles(roles: list[str]) -> bool:
    """Every role of the entity is headed by an organisation or thing noun ("operating system",
    "household products group")."""
    return bool(roles) and all(role_head(r) in _thing_heads() for r in roles if r.split())


@lru_cache(maxsize=1)
def _thing_heads() -> frozenset[str]:
    """Role heads no person bears: organisation, thing and work nouns, and the organisation nouns
    that stand for a named one ("the company said") unless a person bears them too ("producer")."""
    names = _names()
    return (names.org_roles() | names.not_person_heads() | _work_nouns() | STORE_THING_HEADS
            | _org_nouns() - names.person_roles() - {"broker"})


def person_role(roles: Iterable[str]) -> str | None:
    """The first role headed by a noun only a person bears ("striker", "uncle"), or None."""
    names = _names()
    people = (names.person_roles() | names.kinship_nouns()) - _org_nouns()
    return next((r for r in roles if role_head(r) in people), None)


def _org_nouns() -> frozenset[str]:
    from newsgraph.analyse.quotes.non_person_speakers import org_nouns

    return org_nouns()


def strong_person_evidence(name: str, aliases: list[str], roles: list[str], gender: str | None,
                           counts: _Counts) -> str | None:
    """Rule 3: what keeps a one-word PERSON a person against an overwhelming thing majority, or
    None: a title, a person's role, a name very many people bear as surname, a gender unless the
    majority passes the gender bar. Names of more words keep rule 1."""
    from newsgraph.store.person_context import common_surname

    things = sum(counts.things.values())
    if len(name.split()) != 1 or things < STRONG_ARTICLES or things < STRONG_RATIO * counts.person:
        return "not overwhelming"
    evidence = person_evidence(name, aliases, [], None)
    if evidence and evidence != "given name":
        return evidence
    if common_surname(name):
        return "common surname"
    role = person_role(roles)
    if role:
        return f"role {role}"
    if gender and (things < GENDER_ARTICLES or things < GENDER_RATIO * counts.person):
        return f"gender {gender}"
    return None


def retype_names(conn: sqlite3.Connection, names_seen: Iterable[str]) -> int:
    """Retype the evidence-less PERSON entities of these names (those of the latest batch) that
    the store types non-person in a clear majority of articles. Runs inside the caller's write
    transaction. Returns how many entities were retyped."""
    done = 0
    described: dict[str, str | None] = {}  # rule 5, read once per name
    for name in sorted(set(names_seen)):  # a fixed order: the log must not depend on the hash seed
        counts = _counts(conn, name)
        if counts is None:
            continue
        total = sum(counts.things.values()) + counts.person
        usual = counts.things.most_common(1)[0] if counts.things else None
        majority = usual is not None and total - counts.person >= max(MIN_ARTICLES, RATIO * counts.person)
        rows = conn.execute(
            "SELECT e.id, e.name, e.aliases, e.roles, e.gender FROM entities e WHERE e.name = ? AND e.type = 'PERSON' "
            "AND NOT EXISTS (SELECT 1 FROM entity_merges m WHERE m.entity_id = e.id "
            f"AND (m.rule LIKE '{RETYPED}%' OR m.rule = ?))", (name, KEPT_PERSON)).fetchall()
        for r in rows:
            aliases, roles = _json(r["aliases"]), _json(r["roles"])
            weak = person_evidence(r["name"], aliases, roles, r["gender"])
            if weak is None and context_evidence(conn, int(r["id"])) is None and (majority or thing_roles(roles)):
                new_type = usual[0] if usual else _described_type(roles)
                why = "described as a thing in its article" if not majority else "no person evidence in its article"
            elif usual is not None and weak is not None and strong_person_evidence(
                    r["name"], aliases, roles, r["gender"], counts) is None \
                    and context_evidence(conn, int(r["id"])) is None:
                new_type, why = usual[0], f"only weak person evidence ({weak}) in its article"
            elif weak in (None, "given name") and not r["gender"] and person_role(roles) is None \
                    and context_evidence(conn, int(r["id"]), who=False) is None \
                    and _described(conn, name, described):
                new_type = usual[0] if usual else "LOC" if name.split()[0].lower() in PLACE_WORDS else "ORG"
                why = f"only weak person evidence ({weak}) in its article; {described[name]}"
            elif not r["gender"] and person_role(roles) is None and in_fixture(conn, int(r["id"])) \
                    and person_evidence(r["name"], aliases, [], None) in (None, "given name") \
                    and context_evidence(conn, int(r["id"])) is None:
                new_type, why = usual[0] if usual else "ORG", "a side of a fixture (X v Y) in its article"
            else:
                continue
            store = f"{new_type} in {usual[1]} of {total} articles naming it" if usual else "no article types it"
            retype(conn, int(r["id"]), new_type, f"{RETYPED}{new_type}: {why}; {store}")
            done += 1
    return done


_FIXTURE_AFTER = re.compile(r" v [A-Z]")
_FIXTURE_BEFORE = re.compile(r"[A-Za-z] v $")


def in_fixture(conn: sqlite3.Connection, entity_id: int) -> bool:
    """Rule 6: a mention of the entity is a side of a fixture ("Ipswich v X", "X v Derby"): a team,
    not a person (a contest of people is written "vs." in news: "Trump vs. Clinton")."""
    text = conn.execute("SELECT a.text FROM articles a JOIN entities e ON e.article_id = a.id WHERE e.id = ?",
                        (entity_id,)).fetchone()[0]
    return any(_FIXTURE_AFTER.match(text, end) or _FIXTURE_BEFORE.search(text, max(0, start - 5), start)
               for start, end in conn.execute('SELECT start, "end" FROM mentions WHERE entity_id = ?', (entity_id,)))


def _described(conn: sqlite3.Connection, name: str, seen: dict[str, str | None]) -> str | None:
    """``described_as_thing`` read once per name of a pass."""
    if name not in seen:
        seen[name] = described_as_thing(conn, name)
    return seen[name]


def _described_type(roles: list[str]) -> str:
    """Rule 4's type when no article types the name a thing: a work's or an organisation's."""
    return "WORK_OF_ART" if all(role_head(r) in _work_nouns() for r in roles) else "ORG"


def retype_batch(conn: sqlite3.Connection, article_ids: Iterable[int]) -> int:
    """``retype_names`` for the names of people and things of these articles (a batch just
    stored): a new PERSON is judged, and so is every PERSON of a name a new thing bears."""
    found: set[str] = set()
    for article in sorted(set(article_ids)):
        found.update(r[0] for r in conn.execute(
            f"SELECT name FROM entities WHERE article_id = ? AND type IN ('PERSON', {_TYPES_SQL})", (article,)))
    return retype_names(conn, found)


def retype_store(conn: sqlite3.Connection) -> int:
    """Look at every name typed PERSON somewhere (a store ingested before retyping existed);
    a full pass, for ``newsgraph remerge``-like repairs, not for each batch."""
    with conn:
        names = [r[0] for r in conn.execute("SELECT DISTINCT name FROM entities WHERE type = 'PERSON'")]
        return retype_names(conn, names)


def _json(text: str) -> list[str]:
    return [str(x) for x in json.loads(text or "[]")]


def retype(conn: sqlite3.Connection, entity_id: int, new_type: str, rule: str) -> None:
    """Make a PERSON entity a ``new_type`` one, moving every total with it, and log ``rule``."""
    gid = _global_of(conn, entity_id, new_type)
    _quote_facts(conn, entity_id, -1)
    _person_totals(conn, entity_id, -1)
    place = conn.execute("SELECT lat, lon, country, place_kind FROM entities WHERE type = ? AND name = "
                         "(SELECT name FROM entities WHERE id = ?) AND lat IS NOT NULL LIMIT 1",
                         (new_type, entity_id)).fetchone() if new_type in PLACE_TYPES else None
    conn.execute("UPDATE entities SET type = ?, global_id = ?, gender = NULL WHERE id = ?", (new_type, gid, entity_id))
    if place is not None:
        conn.execute("UPDATE entities SET lat = ?, lon = ?, country = ?, place_kind = ? WHERE id = ?",
                     (*place, entity_id))
    conn.execute("UPDATE quotes SET speaker_type = 'ORG' WHERE speaker_entity_id = ? AND speaker_type = 'PERSON'",
                 (entity_id,))
    _quote_facts(conn, entity_id, +1)
    if new_type in PLACE_TYPES:
        _place_totals(conn, entity_id, +1)
    conn.execute("UPDATE entity_merges SET undone_at = " + _NOW + " WHERE entity_id = ? AND undone_at IS NULL",
                 (entity_id,))
    conn.execute("INSERT INTO entity_merges(global_id, entity_id, rule) VALUES (?,?,?)", (gid, entity_id, rule))


def unretype(conn: sqlite3.Connection, entity_id: int) -> bool:
    """Undo a retype: the entity is a PERSON of its own again and is never retyped again.
    Returns False when the entity was not retyped."""
    with conn:
        row = conn.execute("SELECT e.type, e.name FROM entities e WHERE e.id = ? AND e.type != 'PERSON' AND EXISTS "
                           f"(SELECT 1 FROM entity_merges m WHERE m.entity_id = e.id AND m.rule LIKE '{RETYPED}%')",
                           (entity_id,)).fetchone()
        if row is None:
            return False
        _quote_facts(conn, entity_id, -1)
        if row["type"] in PLACE_TYPES:
            _place_totals(conn, entity_id, -1)
        gid = int(conn.execute("INSERT INTO global_entities(name, type) VALUES (?, 'PERSON')",
                               (row["name"],)).lastrowid or 0)
        conn.execute("UPDATE entities SET global_id = ? WHERE id = ?", (gid, entity_id))  # not a PERSON yet: no trigger
        conn.execute("UPDATE entities SET type = 'PERSON' WHERE id = ?", (entity_id,))
        _person_totals(conn, entity_id, +1)
        conn.execute("UPDATE quotes SET speaker_type = 'PERSON' WHERE speaker_entity_id = ? AND speaker_type = 'ORG'",
                     (entity_id,))
        _quote_facts(conn, entity_id, +1)
        conn.execute("UPDATE entity_merges SET undone_at = " + _NOW + " WHERE entity_id = ? AND undone_at IS NULL",
                     (entity_id,))
        conn.execute("INSERT INTO entity_merges(global_id, entity_id, rule) VALUES (?,?,?)", (gid, entity_id, KEPT_PERSON))
    return True


def retypes(conn: sqlite3.Connection, *, limit: int = 1000) -> list[dict]:
    """The retyped entities, newest first: id, article, name, type now, rule, whether undone."""
    rows = conn.execute(
        "SELECT m.entity_id, e.article_id, e.name, e.type, m.rule, m.merged_at, "
        f"EXISTS (SELECT 1 FROM entity_merges k WHERE k.entity_id = m.entity_id AND k.rule = ?) AS undone "
        f"FROM entity_merges m JOIN entities e ON e.id = m.entity_id WHERE m.rule LIKE '{RETYPED}%' "
        "ORDER BY m.id DESC LIMIT ?", (KEPT_PERSON, limit)).fetchall()
    return [dict(r) for r in rows]


def _global_of(conn: sqlite3.Connection, entity_id: int, type_: str) -> int:
    """The global entity of that type and name (merge.py's rule 4), made if none."""
    name = conn.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()[0]
    row = conn.execute("SELECT id FROM global_entities WHERE type = ? AND name = ? ORDER BY id LIMIT 1",
                       (type_, name)).fetchone()
    if row:
        return int(row[0])
    return int(conn.execute("INSERT INTO global_entities(name, type) VALUES (?,?)", (name, type_)).lastrowid or 0)


def _quote_facts(conn: sqlite3.Connection, entity_id: int, sign: int) -> None:
    """Take away (-1) or add (+1) the totals of the quotations the entity speaks, as the quotes
    triggers of schema.sql count them from ``quote_facts``; speaker_articles' own triggers keep
    person_totals' quotations."""
    facts = "FROM quote_facts WHERE speaker_entity_id = ?"
    conn.execute(f"INSERT INTO speaker_names(speaker, type, quotes) SELECT speaker, type, ? * count(*) {facts} "
                 "AND speaker IS NOT NULL GROUP BY 1, 2 ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes",
                 (sign, entity_id))
    conn.execute("DELETE FROM speaker_names WHERE quotes <= 0 AND (speaker, type) IN "
                 f"(SELECT speaker, type {facts})", (entity_id,))
    conn.execute("INSERT INTO quote_tally(speaker_key, linked, type, outlet, month, act, kind, quotes) "
                 f"SELECT speaker_key, linked, type, outlet, month, act, kind, ? * count(*) {facts} "
                 "GROUP BY 1, 2, 3, 4, 5, 6, 7 ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes",
                 (sign, entity_id))
    conn.execute("DELETE FROM quote_tally WHERE quotes <= 0 AND (speaker_key, linked, type, outlet, month, act, kind) "
                 f"IN (SELECT speaker_key, linked, type, outlet, month, act, kind {facts})", (entity_id,))
    conn.execute("INSERT INTO speaker_articles(key, article_id, quotes, published) "
                 f"SELECT identity_key, article_id, ? * count(*), published {facts} AND identity_key IS NOT NULL GROUP BY 1, 2 "
                 "ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes", (sign, entity_id))
    conn.execute("DELETE FROM speaker_articles WHERE quotes <= 0 AND (key, article_id) IN "
                 f"(SELECT identity_key, article_id {facts})", (entity_id,))


def _person_totals(conn: sqlite3.Connection, entity_id: int, sign: int) -> None:
    """Take away (-1) or add (+1) a PERSON entity's share of person_totals, person_names and its
    attention over time, through the view the totals_people_* triggers of schema.sql use."""
    conn.execute("INSERT INTO person_totals_delta(entity_id, global_id, sign) SELECT id, global_id, ? FROM entities "
                 "WHERE id = ?", (sign, entity_id))


def _place_totals(conn: sqlite3.Connection, entity_id: int, sign: int) -> None:
    """Take away (-1) or add (+1) a place entity's share of place_totals and place_types, as the
    totals_places_* triggers count it."""
    conn.execute(
        "INSERT INTO place_totals(name, entities, mentions, articles, lat, lon, country) "
        "SELECT e.name, ?, ? * (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id), ? * NOT EXISTS "
        "(SELECT 1 FROM entities o WHERE o.article_id = e.article_id AND o.id <> e.id AND o.name = e.name "
        "AND o.type IN ('GPE', 'LOC', 'FAC')), e.lat, e.lon, e.country FROM entities e WHERE e.id = ? "
        "ON CONFLICT DO UPDATE SET entities = entities + excluded.entities, mentions = mentions + excluded.mentions, "
        "articles = articles + excluded.articles, "
        "lat = CASE WHEN lat IS NULL OR excluded.lat > lat THEN coalesce(excluded.lat, lat) ELSE lat END, "
        "lon = CASE WHEN lon IS NULL OR excluded.lon > lon THEN coalesce(excluded.lon, lon) ELSE lon END, "
        "country = CASE WHEN country IS NULL OR excluded.country > country THEN coalesce(excluded.country, country) "
        "ELSE country END",
        (sign, sign, sign, entity_id))
    name, type_ = conn.execute("SELECT name, type FROM entities WHERE id = ?", (entity_id,)).fetchone()
    conn.execute("DELETE FROM place_totals WHERE name = ? AND entities <= 0", (name,))
    conn.execute("INSERT INTO place_types(name, type, entities) VALUES (?, ?, ?) "
                 "ON CONFLICT DO UPDATE SET entities = entities + excluded.entities", (name, type_, sign))
    conn.execute("DELETE FROM place_types WHERE name = ? AND type = ? AND entities <= 0", (name, type_))
    conn.execute(  # its attention over time, as attention_places_ai/_bd count it
        "INSERT INTO attention_delta(key, published, articles, quotes) SELECT 'p' || e.name, a.published, ?, "
        "? * (SELECT count(*) FROM quotes q WHERE q.article_id = e.article_id) FROM entities e "
        "JOIN articles a ON a.id = e.article_id WHERE e.id = ? AND NOT EXISTS (SELECT 1 FROM entities o "
        "WHERE o.article_id = e.article_id AND o.id <> e.id AND o.name = e.name AND o.type IN ('GPE', 'LOC', 'FAC'))",
        (sign, sign, entity_id))
