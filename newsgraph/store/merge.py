"""Across articles: one global entity per real person (and per named place/organisation).

Each article's entities are grouped within the article by the analysis; here they are
joined across articles by writing ``entities.global_id``. The rule is deliberately
conservative — a wrong merge puts one person's words in another's mouth, a missed merge
only splits a list:

1. **Full names** (two or more words) join when their *name key* is equal: the first given
   name (middle names and initials ignored), the surname and the generational suffix, all
   case-folded. "Donald Trump", "Donald J. Trump" and "Mr. Donald Trump" join; "Donald Trump
   Jr." (suffix), "Bill Clinton" / "Hillary Clinton" (given name) never do, nor do middle
   initials that differ ("George H. W. Bush" / "George W. Bush"). Family-name-first
   names ("Kim Jong Un") must agree on every given name ("Kim Jong Il" stays apart). The name
   is not enough: what the articles say of the two (person_context.py: gender, role fields,
   section, people named with them) must not conflict more than it agrees — the goalkeeper is
   not the business trouble-shooter of the same name — and where several people of the name are
   possible, something must agree.
2. **A surname alone** ("Trump" in an article that never gives the full name) joins the
   global person with that surname only if that person holds at least 90 % of the articles
   naming anyone of that surname in full, in at least 3 articles; a gendered title in the
   article ("Mrs Clinton", "Mr Clinton"), or what the article says of the person ("Obama said he
   …", ``entities.gender``), first removes people of the other known gender; an office title
   ("President Clinton") first removes people some article calls a candidate for that office
   ("presidential nominee Hillary Clinton"), and with no dominant person it joins the one person
   of that surname some article gives that office ("President Barack Obama", not Michelle
   Obama). Otherwise it stays on its own; a context that conflicts (person_context.py) keeps it
   on its own too ("Mrs Wilkinson" the dance teacher is not the fly-half).
3. **A single name that is nobody's surname** ("Stalin", "Pele") joins the same single name.
4. **Places and organisations** join on exact type and name (places also on their alias).

Every assignment is logged in ``entity_merges`` (rule, time). ``unmerge`` detaches entities
into their own global entity and marks the log rows undone; detached entities are never
re-merged automatically. A lone surname left alone because nobody dominated yet is looked at
again whenever a later batch names someone of that surname in full; other decisions stand
until ``remerge`` recomputes them all.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.store.db import run_write
from newsgraph.store.person_context import (
    Comparison,
    Context,
    common_surname,
    compare,
    entity_context,
    genders_of,
    global_context,
    telling_places,
)
from newsgraph.store.retype import retype_batch

DOMINANCE = 0.9
MIN_ARTICLES = 3
MERGED_TYPES = ("PERSON", "GPE", "LOC", "ORG")
KEPT_APART = "kept apart (unmerged)"
_INITIAL = re.compile(r"^[A-Z]\.?$")


def _parse(name: str):
    # The store never imports spaCy; names.py is plain Python and data files.
    from newsgraph.analyse.entities.names import parse

    return parse(name)


_GIVEN_NAME_TITLES = frozenset({"Sir", "Dame", "Uncle", "Aunt", "Auntie", "Father", "Sister", "Sheikh", "Prince",
                                "Princess", "King", "Queen", "Pope"})
"""Titles written before a given name ("Sir Elton", "Prince Michael"): no sign of a surname."""


def given_name_alone(name: str, aliases: list[str]) -> bool:
    """ "Michael" written alone, never after a title ("Mr Michael", "President Michael"): a common
    given name (``names_given.tsv``) that is no common surname ("Howard", "Owen" are) is no surname
    on the name alone (the first names of two staff are not George Michael)."""
    from newsgraph.analyse.entities.names import given_names, titles

    titled = any(a.split()[-2] in titles() and a.split()[-2] not in _GIVEN_NAME_TITLES
                 for a in aliases if len(a.split()) > 1)
    return name in given_names() and not common_surname(name) and not titled


def name_key(name: str) -> tuple[str, ...] | None:
    """The identity of a full person name, or None for a single word."""
    parts = _parse(name)
    given = [g for g in parts.given if not _INITIAL.match(g)]
    if not given:
        return None
    kept = given if parts.family_first else given[:1]
    return (*(g.lower() for g in kept), parts.surname.lower(), parts.suffix.rstrip(".").lower())


def surname(name: str) -> str:
    return _parse(name).surname.lower()


_INITIALS = re.compile(r"^(?:[A-Z]\.?)+$")


def middle_initials(name: str) -> str:
    """The letters of the initials after the first given name: "HW" for "George H. W. Bush" and
    "George H.W. Bush", "W" for "George W. Bush", "" for "George Bush" or "J. Joe Ricketts"."""
    parts = _parse(name)
    if parts.family_first:
        return ""
    given = list(parts.given)
    first = next((k for k, g in enumerate(given) if not _INITIALS.match(g)), len(given))
    return "".join(ch for g in given[first + 1 :] if _INITIALS.match(g) for ch in g if ch.isalpha())


def initials_agree(a: str, b: str) -> bool:
    """Two full names of one key may be one person unless both give middle initials and they
    differ: the key ignores initials so that "Donald J. Trump" joins "Donald Trump"."""
    ia, ib = middle_initials(a), middle_initials(b)
    return not ia or not ib or ia == ib


@dataclass
class _Global:
    id: int
    name: str
    articles: int
    genders: set[str] = field(default_factory=set)

    @property
    def gender(self) -> str:
        return next(iter(self.genders)) if len(self.genders) == 1 else "-"


def _gender(aliases: list[str], said: Sequence[str | None] = ()) -> str:
    """"f", "m" or "-": from gendered titles among the names ("Mrs Clinton") and from what the
    articles said of the person (``entities.gender``: pronouns, role words), when all agree."""
    found = genders_of(aliases, said)
    return next(iter(found)) if len(found) == 1 else "-"


def _log(conn: sqlite3.Connection, global_id: int, entity_id: int, rule: str) -> None:
    conn.execute("INSERT INTO entity_merges(global_id, entity_id, rule) VALUES (?,?,?)", (global_id, entity_id, rule))


def _new_global(conn: sqlite3.Connection, name: str, type_: str) -> int:
    return int(conn.execute("INSERT INTO global_entities(name, type) VALUES (?,?)", (name, type_)).lastrowid or 0)


_Index = tuple[dict[tuple[str, ...], list[_Global]], dict[str, list[_Global]], dict[str, _Global]]


def _person_index(conn: sqlite3.Connection) -> _Index:
    """Every global person (not kept apart) with its articles and known gender, from the totals the
    store keeps (schema 5, ``person_totals``): one row per person, whatever the store's size."""
    by_key: dict[tuple[str, ...], list[_Global]] = defaultdict(list)
    by_surname: dict[str, list[_Global]] = defaultdict(list)
    single: dict[str, _Global] = {}
    rows = conn.execute(
        "SELECT g.id, g.name, t.articles AS n, t.alias_female, t.alias_male, t.said_female, t.said_male "
        "FROM global_entities g JOIN person_totals t ON t.key = 'g' || g.id WHERE g.type = 'PERSON' "
        "AND t.entities > 0 AND g.id NOT IN "
        "(SELECT global_id FROM entity_merges WHERE rule = ? AND undone_at IS NULL) ORDER BY g.id", (KEPT_APART,)
    ).fetchall()
    for r in rows:
        told = {g for g, n in (("f", r["alias_female"] + r["said_female"]), ("m", r["alias_male"] + r["said_male"])) if n}
        g = _Global(r["id"], r["name"], r["n"], told)
        key = name_key(g.name)
        if key is None:
            single.setdefault(g.name.lower(), g)
            continue
        by_key[key].append(g)
        by_surname[surname(g.name)].append(g)
    return by_key, by_surname, single


_cache: dict[tuple[int, str], tuple[int, _Index]] = {}


def _state(conn: sqlite3.Connection) -> tuple[tuple[int, str], int]:
    path = conn.execute("PRAGMA database_list").fetchone()[2] or ":memory:"
    top = conn.execute("SELECT coalesce(max(id), 0) FROM global_entities").fetchone()[0]
    return (id(conn), path), int(top)


def _cached_index(conn: sqlite3.Connection) -> _Index:
    """The person index, rebuilt only when another writer added global entities since our last batch."""
    where, top = _state(conn)
    hit = _cache.get(where)
    if hit is not None and hit[0] == top:
        return hit[1]
    index = _person_index(conn)
    _cache.clear()
    _cache[where] = (top, index)
    return index


def merge_new_entities(conn: sqlite3.Connection) -> int:
    """Give every entity without a global entity one (joining an existing one by the rules above).

    Returns how many entities joined an existing global entity. Runs in its own write
    transaction, taken before the first read, so two processes ingesting into one store never
    join the same entity twice; the person index is kept between batches of one ingest, so a
    batch costs its own size.
    """
    return run_write(conn, _merge_new_entities, conn)


def _is_new(rule: str) -> bool:
    return rule == "new" or rule.startswith(NAMESAKE)


def _merge_new_entities(conn: sqlite3.Connection) -> int:
    joined = 0
    touched: set[str] = set()
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        index = _cached_index(conn)
        people = _People(conn, index)
        # Organisations and places first: a person's co-mentioned entities are then known (person_context.py).
        todo = conn.execute(
            "SELECT id, article_id, name, type, aliases, roles, gender FROM entities INDEXED BY entities_unmerged "
            "WHERE global_id IS NULL AND type IN "
            f"({','.join('?' * len(MERGED_TYPES))}) ORDER BY type = 'PERSON', (instr(name, ' ') = 0), id",
            MERGED_TYPES).fetchall()
        for e in todo:
            gid, rule = None, "new"
            if e["type"] != "PERSON":
                for candidate in (e["name"], *json.loads(e["aliases"])):
                    row = conn.execute("SELECT id FROM global_entities WHERE type = ? AND name = ? ORDER BY id "
                                       "LIMIT 1", (e["type"], candidate)).fetchone()
                    if row:
                        gid, rule = int(row[0]), "same name and type"
                        break
                else:
                    gid = _new_global(conn, e["name"], e["type"])
            else:
                gid, rule = people.match(e)
                if name_key(e["name"]) is not None:
                    touched.add(surname(e["name"]))
            conn.execute("UPDATE entities SET global_id = ? WHERE id = ?", (gid, e["id"]))
            _log(conn, gid, e["id"], rule)
            joined += not _is_new(rule)
        joined += people.revisit_surnames(touched)
        retype_batch(conn, {e["article_id"] for e in todo})  # a "person" the store knows as a thing (retype.py)
        _cache[_state(conn)[0]] = (_state(conn)[1], index)
    return joined


NAMESAKE = "new, not the namesake"
"""The rule logged for a person kept apart from a global person of the same name by their context."""


class _People:
    """One batch's person joins: the index of global people, and their contexts read once per batch."""

    def __init__(self, conn: sqlite3.Connection, index: _Index) -> None:
        self.conn = conn
        self.by_key, self.by_surname, self.single = index
        self.contexts: dict[int, Context] = {}

    def context(self, g: _Global) -> Context:
        if g.id not in self.contexts:
            self.contexts[g.id] = global_context(self.conn, g.id)
        return self.contexts[g.id]

    def compare(self, mine: Context, g: _Global, common: bool) -> Comparison:
        return compare(self.conn, mine, self.context(g), common=common)

    def joined(self, g: _Global, mine: Context) -> None:
        g.articles += 1
        g.genders |= mine.genders
        if g.id in self.contexts:
            self.contexts[g.id].add(mine)

    def created(self, name: str, mine: Context) -> _Global:
        g = _Global(_new_global(self.conn, name, "PERSON"), name, 1, set(mine.genders))
        self.contexts[g.id] = mine.copy()
        return g

    def match(self, e: sqlite3.Row) -> tuple[int, str]:
        name = e["name"]
        mine = entity_context(self.conn, e)
        key = name_key(name)
        if key is not None:
            return self._match_full_name(name, key, mine, self.namesakes_beside(e, key), e["article_id"],
                                         json.loads(e["aliases"]))
        aliases = json.loads(e["aliases"])
        cands = _surname_candidates(self.conn, name, aliases, self.by_surname)
        if cands:
            best, rule = self.lone_surname(name, aliases, _gender(aliases, [e["gender"]]), cands, mine)
            if best is not None:
                self.joined(best, mine)
                return best.id, rule
            g = self.single.get(name.lower())
            cmp = self.compare(mine, g, True) if g is not None and not common_surname(name) else None
            if g is not None and cmp is not None and not cmp.apart and cmp.of_the_person \
                    and cmp.same_section and self.told_a_person(mine, g):
                self.joined(g, mine)  # "star Bez" of one show in two entertainment stories; Ulrich Bez is a carmaker
                return g.id, f"same single name, a surname of others: {cmp.reason()}"
            g = self.created(name, mine)
            self.single.setdefault(name.lower(), g)
            return g.id, "new"
        g = self.single.get(name.lower())
        if g is not None and not self.compare(mine, g, False).apart:
            self.joined(g, mine)
            return g.id, "same single name"
        g = self.created(name, mine)
        self.single.setdefault(name.lower(), g)
        return g.id, "new"

    def told_a_person(self, mine: Context, g: _Global) -> bool:
        """Something says a lone name is a person (a role of a field, a gender): the band "Keane"
        and the club "Bolton" of two stories have neither, the dancer "Bez" has."""
        theirs = self.context(g)
        return bool(mine.fields or mine.genders or theirs.fields or theirs.genders)

    def namesakes_beside(self, e: sqlite3.Row, key: tuple[str, ...]) -> list[tuple[str, int | None]]:
        """The other people of ``e``'s article with its name key (name, global id): the article tells
        them apart ("George W Bush, Bill Clinton, George Bush"), so none of theirs is ``e``'s."""
        rows = self.conn.execute("SELECT name, global_id FROM entities WHERE article_id = ? AND type = 'PERSON' "
                                 "AND id != ?", (e["article_id"], e["id"])).fetchall()
        return [(r["name"], r["global_id"]) for r in rows if r["name"] != e["name"] and name_key(r["name"]) == key]

    def _match_full_name(self, name: str, key: tuple[str, ...], mine: Context,
                         beside: Sequence[tuple[str, int | None]] = (), article_id: int | None = None,
                         aliases: Sequence[str] = ()) -> tuple[int, str]:
        """Rule 1 with context: among the global people of this name (initials agreeing), the one whose
        articles agree most; none when the context conflicts more than it agrees (for a common
        surname, sections far apart are a conflict). Not the person of a namesake the same article
        names apart (``beside``): not its global person, nor one named with its middle initials."""
        cands = [c for c in self.by_key.get(key, []) if initials_agree(name, c.name)
                 and not any(c.id == gid or middle_initials(other) and middle_initials(other) == middle_initials(c.name)
                             for other, gid in beside)]
        exact = [c for c in cands if middle_initials(c.name) == middle_initials(name)]
        if exact and len(exact) < len(cands) and middle_initials(name):  # "George H. W. Bush": his own first
            cands = exact
        common = common_surname(key[-2])
        scored = [(self.compare(mine, c, common), c) for c in cands]
        fitting = [(cmp, c) for cmp, c in scored if not cmp.apart]
        if fitting:
            cmp, best = max(fitting, key=lambda t: (len(t[0].agree) - len(t[0].conflict), t[1].articles, -t[1].id))
            self.joined(best, mine)
            return best.id, f"same full name: {cmp.reason()}"
        short = self.short_form_of(name, key, mine, article_id) if article_id is not None else None
        if short is None and not scored:
            short = self.peer_titled(name, aliases, mine)
        if short is not None:
            self.joined(short[0], mine)
            return short[0].id, short[1]
        g = self.created(name, mine)
        self.by_key.setdefault(key, []).append(g)
        self.by_surname[surname(name)].append(g)
        if scored:
            cmp, other = max(scored, key=lambda t: (t[1].articles, -t[1].id))
            why = "; ".join(cmp.conflict) or "nothing agrees"
            return g.id, f"{NAMESAKE} {other.name} (#{other.id}): {why}"
        return g.id, "new"

    def short_form_of(self, name: str, key: tuple[str, ...], mine: Context,
                      article_id: int) -> tuple[_Global, str] | None:
        """The one global person whose given name is the long or short form of this one ("Pat Leahy",
        "Patrick J. Leahy"; ``names_nicknames.tsv``), the surname and suffix the same, if their
        articles agree on more than a section: a role field, telling names, or a place few articles
        name ("Vermont"). Two people of the surname qualifying is no join."""
        from newsgraph.analyse.entities.names import same_given_name

        if len(key) != 3 or _parse(name).family_first:
            return None
        found = []
        for c in self.by_surname.get(key[1], []):
            other = name_key(c.name)
            if other is None or len(other) != 3 or other[0] == key[0] or other[2] != key[2] \
                    or not same_given_name(key[0].capitalize(), other[0].capitalize()) \
                    or not initials_agree(name, c.name):
                continue
            cmp = self.compare(mine, c, common_surname(key[1]))
            if cmp.apart:
                continue
            places = telling_places(self.conn, article_id, c.id)
            if cmp.of_the_person or places:
                found.append((c, "; ".join([*cmp.agree, *([f"places named with both: {', '.join(places[:3])}"]
                                                          if places else [])])))
        if len(found) != 1:
            return None
        return found[0][0], f"short and long form of a given name ({found[0][0].name}): {found[0][1]}"

    def peer_titled(self, name: str, aliases: Sequence[str], mine: Context) -> tuple[_Global, str] | None:
        """The global person stored under the peer's title this full name is called by in its article
        ("Peter Goldsmith" written "Lord Goldsmith" there; "Lord Goldsmith" of other stories), if
        their articles share the section and something of the person, and nobody of the full name
        is stored (a namesake's rule 1 is no peer's)."""
        from newsgraph.analyse.entities.names import PEER_RANKS

        last = _parse(name).surname
        for alias in aliases:
            words = alias.split()
            if len(words) != 2 or words[0] not in PEER_RANKS or words[1] != last:
                continue
            alias_key = name_key(alias)
            for g in self.by_key.get(alias_key, []) if alias_key is not None else []:
                cmp = self.compare(mine, g, common_surname(last))
                if g.name == alias and not cmp.apart and cmp.same_section and cmp.of_the_person:
                    return g, f"called by the peer's title {g.name}: {cmp.reason()}"
        return None

    def lone_surname(self, name: str, aliases: list[str], gender: str, cands: list[_Global],
                     mine: Context) -> tuple[_Global | None, str]:
        """Rule 2: the dominant person of the surname, else the one office holder, else the one whose
        context fits, if its context agrees. A judge ("Mr Justice Sullivan") is no one never called one."""
        if _judge_titled(name, aliases):
            cands = [c for c in cands if self.conn.execute(_JUDGE_SQL, (c.id,)).fetchone() is not None]
        best, rule = _dominant(cands, gender)
        if best is None:
            best, rule = _office_holder(self.conn, name, aliases, cands)
        if best is None:
            best, rule = self.fitting_dominant(cands, gender, mine)
        if best is None:
            return None, ""
        cmp = self.compare(mine, best, common_surname(name))
        if cmp.apart or not cmp.beyond_the_section and given_name_alone(name, aliases):
            return None, ""
        return best, rule

    def fitting_dominant(self, cands: list[_Global], gender: str, mine: Context) -> tuple[_Global | None, str]:
        """The person a lone surname means among the namesakes whose context fits its article (not
        apart): the sport pages' "Terry" is John Terry when the one other Terry is a fan of an arts
        story. The person must hold 90 % of the fitting namesakes' articles and share the section
        and something of the person (a role field, telling names), since fewer articles count."""
        if gender != "-":
            cands = [c for c in cands if c.gender in ("-", gender)]
        scored = [(self.compare(mine, c, True), c) for c in cands]
        fitting = [(cmp, c) for cmp, c in scored if not cmp.apart]
        if not fitting:
            return None, ""
        cmp, best = max(fitting, key=lambda t: (t[1].articles, -t[1].id))
        total = sum(c.articles for _, c in fitting)
        if best.articles < DOMINANCE * total or not (cmp.same_section and cmp.of_the_person):
            return None, ""
        return best, f"surname of the one {best.name} of this context ({best.articles}/{total} articles): {cmp.reason()}"

    def revisit_surnames(self, surnames: set[str]) -> int:
        """Lone surnames stored before their person became dominant ("Obama" in an early article)."""
        joined = 0
        for word in sorted(surnames):  # a fixed order: the merge log must not depend on the hash seed
            rows = self.conn.execute(LONE_SURNAMES_SQL, (word,)).fetchall()
            for r in rows:
                aliases = json.loads(r["aliases"])
                cands = _surname_candidates(self.conn, word, aliases, self.by_surname)
                mine = entity_context(self.conn, r)
                best, rule = self.lone_surname(r["name"], aliases, _gender(aliases, [r["gender"]]), cands, mine)
                if best is None:
                    continue
                self.conn.execute("UPDATE entity_merges SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                  "WHERE entity_id = ? AND undone_at IS NULL", (r["id"],))
                self.conn.execute("UPDATE entities SET global_id = ? WHERE id = ?", (best.id, r["id"]))
                self.conn.execute("DELETE FROM global_entities WHERE id = ?", (r["global_id"],))
                _log(self.conn, best.id, r["id"], rule)
                self.joined(best, mine)
                joined += 1
        return joined


_JUDGE_WORDS = frozenset({"Justice", "Judge"})
_JUDGE_SQL = ("SELECT 1 FROM entities WHERE global_id = ? AND type = 'PERSON' AND (lower(roles) LIKE '%judge%' "
              "OR lower(roles) LIKE '%justice%' OR aliases LIKE '%Judge %' OR aliases LIKE '%Justice %') LIMIT 1")


def _judge_titled(name: str, aliases: list[str]) -> bool:
    """A lone surname written after a judge's title ("Mr Justice Sullivan", "Lord Justice X", "Judge X")."""
    return any(len(w := a.split()) >= 2 and w[-1].lower() == name.lower() and w[-2] in _JUDGE_WORDS for a in aliases)


_OFFICE_ADJECTIVES = {"President": "presidential", "Governor": "gubernatorial", "Gov.": "gubernatorial",
                      "Mayor": "mayoral"}
_RAN_FOR_SQL = ("SELECT 1 FROM entities WHERE global_id = ? AND type = 'PERSON' AND lower(roles) LIKE ? "
                "AND (lower(roles) LIKE '%nominee%' OR lower(roles) LIKE '%candidate%') LIMIT 1")


def _office_of(name: str, aliases: list[str]) -> str | None:
    """The office a lone surname is titled with in its article ("President" of "President Clinton")."""
    for alias in aliases:
        words = alias.split()
        if len(words) >= 2 and words[-1].lower() == name.lower() and words[-2] in _OFFICE_ADJECTIVES:
            return words[-2]
    return None


def _surname_candidates(conn: sqlite3.Connection, name: str, aliases: list[str],
                        by_surname: dict[str, list[_Global]]) -> list[_Global]:
    """The global people a lone surname may join: those of that surname, less, for "President
    Clinton", anyone some article calls a candidate for that office."""
    cands = by_surname.get(name.lower(), [])
    office = _office_of(name, aliases)
    return [c for c in cands if not _ran_for(conn, c.id, office)] if office is not None and cands else cands


_HOLDS_SQL = ("SELECT 1 FROM entities WHERE global_id = ? AND type = 'PERSON' AND (roles LIKE ? OR aliases LIKE ?) "
              "LIMIT 1")


def _office_holder(conn: sqlite3.Connection, name: str, aliases: list[str],
                   cands: list[_Global]) -> tuple[_Global | None, str]:
    """ "President Obama" with no dominant Obama: the one person of that surname some article
    gives that office ("President Barack Obama"), if only one; Michelle Obama is never titled so."""
    office = _office_of(name, aliases)
    if office is None:
        return None, ""
    holders = [c for c in cands if conn.execute(
        _HOLDS_SQL, (c.id, f'%{office}"%', f'%"{office} {name.capitalize()}"%')).fetchone() is not None]
    if len(holders) != 1:
        return None, ""
    return holders[0], f"the one {office} {name.capitalize()} ({holders[0].name})"


def _ran_for(conn: sqlite3.Connection, global_id: int, office: str) -> bool:
    """Some article calls the global person a candidate or nominee for ``office`` ("Democratic
    presidential nominee Hillary Clinton"): running for it is not holding it."""
    return conn.execute(_RAN_FOR_SQL, (global_id, f"%{_OFFICE_ADJECTIVES[office]}%")).fetchone() is not None


def _dominant(cands: list[_Global], gender: str) -> tuple[_Global | None, str]:
    """The person a lone surname means across the store, if one clearly dominates (rule 2)."""
    if gender != "-":
        cands = [c for c in cands if c.gender in ("-", gender)]
    total = sum(c.articles for c in cands)
    if not cands:
        return None, ""
    best = max(cands, key=lambda c: c.articles)
    if best.articles >= MIN_ARTICLES and best.articles >= DOMINANCE * total:
        return best, f"surname of the dominant {best.name} ({best.articles}/{total} articles)"
    return None, ""


LONE_SURNAMES_SQL = (
    "SELECT e.id, e.article_id, e.name, e.global_id, e.aliases, e.roles, e.gender FROM entities e "
    "JOIN entity_merges m ON m.entity_id = e.id "
    "AND m.global_id = e.global_id AND m.undone_at IS NULL AND m.rule = 'new' "
    "WHERE e.type = 'PERSON' AND lower(e.name) = ? "
    "AND NOT EXISTS (SELECT 1 FROM entities o WHERE o.global_id = e.global_id AND o.id <> e.id)")
"""Entities that are a lone surname still on their own; looked up through the index on
lower(name), or every batch would scan the whole table (a quadratic ingest). "On their own" stops
at a second entity: a count read all of a famous person's thousands for each "Blair" merged into them."""




def merges(conn: sqlite3.Connection, *, name: str | None = None, limit: int = 100) -> list[dict]:
    """Global entities that join entities of more than one article, with the names and rules."""
    args: list[object] = []
    cond = ""
    if name:
        cond = "AND g.name LIKE ?"
        args.append(f"%{name}%")
    rows = conn.execute(
        f"""SELECT g.id, g.name, g.type, count(e.id) AS entities, count(DISTINCT e.article_id) AS articles,
                   group_concat(DISTINCT e.name) AS names,
                   (SELECT group_concat(DISTINCT m.rule) FROM entity_merges m
                     WHERE m.global_id = g.id AND m.undone_at IS NULL AND m.rule != 'new') AS rules
            FROM global_entities g JOIN entities e ON e.global_id = g.id
            WHERE 1 {cond} GROUP BY g.id HAVING count(DISTINCT e.article_id) > 1
            ORDER BY articles DESC, g.name LIMIT ?""", [*args, limit]).fetchall()
    return [dict(r) for r in rows]


def unmerge(conn: sqlite3.Connection, global_id: int, *, entity_ids: list[int] | None = None) -> int:
    """Detach entities (all joined ones, or ``entity_ids``) from a global entity, each into its own.

    The first entity given that global entity keeps it when no ``entity_ids`` are given.
    Returns how many entities were detached; they are not merged again automatically.
    """
    _cache.clear()
    with conn:
        rows = conn.execute("SELECT id, name, type FROM entities WHERE global_id = ? ORDER BY id",
                            (global_id,)).fetchall()
        if entity_ids is None:
            targets = rows[1:]
        else:
            targets = [r for r in rows if r["id"] in set(entity_ids)]
        if targets and entity_ids is None:
            _log(conn, global_id, rows[0]["id"], KEPT_APART)
        for r in targets:
            gid = _new_global(conn, r["name"], r["type"])
            conn.execute("UPDATE entities SET global_id = ? WHERE id = ?", (gid, r["id"]))
            conn.execute("UPDATE entity_merges SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                         "WHERE entity_id = ? AND global_id = ? AND undone_at IS NULL", (r["id"], global_id))
            _log(conn, gid, r["id"], KEPT_APART)
    return len(targets)


def remerge(conn: sqlite3.Connection) -> int:
    """Redo every automatic decision from scratch (kept-apart entities stay apart)."""
    _cache.clear()
    with conn:
        conn.execute("""UPDATE entities SET global_id = NULL WHERE id NOT IN
                        (SELECT entity_id FROM entity_merges WHERE rule = ?
                         AND undone_at IS NULL)""", (KEPT_APART,))
        conn.execute("UPDATE entity_merges SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                     "WHERE undone_at IS NULL AND rule != ?", (KEPT_APART,))
        conn.execute("DELETE FROM global_entities WHERE id NOT IN "
                     "(SELECT global_id FROM entities WHERE global_id IS NOT NULL)")
    return merge_new_entities(conn)
