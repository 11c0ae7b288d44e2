"""What an article says of a person beyond the name, so that namesakes are not joined across articles.

A full name alone does not make one person: the goalkeeper David James of the sport pages is not
the business trouble-shooter David James of a spending review, nor is "Mrs Wilkinson" the dance
teacher the fly-half Jonny Wilkinson. Before store/merge.py joins an article's person to a global
person it compares their *context*:

- **gender**: a gendered title ("Mrs", "Mr") or what the article says (``entities.gender``);
- **fields** of the roles the articles give (``entities.roles``: "goalkeeper" → sport,
  "trouble-shooter" → business; ``analyse/data/role_fields.tsv``);
- the **section** of the article, from the path or URL it was read from ("sport/061.txt",
  ".../business/..."), when it names one of the usual news sections;
- the **sport** of a sport-section article, from the words it uses (``sport_words.tsv``: "scrum-half",
  "striker"): the Wales number eight Michael Owen is not the Real Madrid striker;
- **co-mentioned** people and organisations (names of the same articles, if not named everywhere).

A global person's context is read from its latest articles (one indexed query per candidate,
never all pairs). Genders that differ keep two apart; otherwise each differing field set or
section is one conflict (as are sports that differ, where the shared sport section then agrees
nothing), each shared field, section or co-mentioned entity one agreement, and a
join needs at least as many agreements as conflicts (see merge.py for how a common name is
treated when nothing agrees).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

PROFILE_ARTICLES = 200
"""A global person's roles, genders and sections are read from this many latest articles (as the person page)."""
COMENTION_ARTICLES = 50
"""Co-mentioned entities are read from this many latest articles of the global person."""

_SECTIONS = {
    "sport": "sport", "sports": "sport", "football": "sport", "rugby": "sport", "cricket": "sport",
    "tennis": "sport", "athletics": "sport", "golf": "sport",
    "business": "business", "money": "business", "economy": "business", "markets": "business",
    "finance": "business",
    "politics": "politics", "election": "politics", "elections": "politics",
    "entertainment": "entertainment", "arts": "entertainment", "culture": "entertainment",
    "music": "entertainment", "film": "entertainment", "showbiz": "entertainment", "tv": "entertainment",
    "tech": "tech", "technology": "tech", "science": "science", "health": "health",
}
_NEIGHBOURS = {frozenset(p) for p in (("politics", "business"), ("business", "tech"), ("entertainment", "tech"),
                                       ("science", "tech"), ("science", "health"), ("politics", "health"))}
"""Sections that share their people (the chancellor in business news, a film star in a games review):
a person of one is no stranger in the other."""
_FIELD_SECTION = {"sport": "sport", "politics": "politics", "business": "business", "arts": "entertainment",
                  "media": "entertainment", "science": "science"}
"""The section whose people work in a field: a "medal winner" of an arts story is the sport pages' sprinter."""
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}
_TEXT_GENDER = {"female": "f", "male": "m"}
_WORD = re.compile(r"[a-z][a-z-]*")
_BOTH_IN = "both in "
_ROLES_IN = "roles in "
_NAMED_WITH = "named with "


@lru_cache(maxsize=1)
def role_fields() -> dict[str, str]:
    """Role word -> field of work (``role_fields.tsv``)."""
    from newsgraph.analyse.base.data import data_rows

    return {row[0]: row[1] for row in data_rows("role_fields.tsv")}


def fields_of(roles: Iterable[str]) -> frozenset[str]:
    """The fields of work the role phrases name: {"sport"} for "Scotland coach", {"business"} for
    "Arsenal vice-chairman"."""
    table = role_fields()
    words = {w for role in roles for word in _WORD.findall(role.lower()) for w in (word, *word.split("-"))}
    return frozenset(table[w] for w in words if w in table)


def common_surname(surname: str) -> bool:
    """A surname very many people bear (``names_common_surnames.txt``): its namesakes need agreeing context."""
    from newsgraph.analyse.entities.names import word_set

    return surname.lower() in word_set("names_common_surnames.txt", lower=True)


@lru_cache(maxsize=1)
def _sport_words() -> re.Pattern[str]:
    from newsgraph.analyse.base.data import data_rows

    words = sorted((row[0] for row in data_rows("sport_words.tsv")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


@lru_cache(maxsize=1)
def _word_sports() -> dict[str, str]:
    from newsgraph.analyse.base.data import data_rows

    return {row[0]: row[1] for row in data_rows("sport_words.tsv")}


SPORT_MIN_WORDS = 3
"""Words of one sport an article needs (twice as many as of any other) to be about that sport."""


def sport_of(text: str) -> str | None:
    """The one sport a sports article is about, from its words ("scrum-half" rugby, "striker"
    football), or None when it uses few or mixes several (a round-up, an awards story)."""
    counts = Counter(_word_sports()[w] for w in _sport_words().findall(text))
    ranked = [*counts.most_common(2), ("", 0), ("", 0)]
    best, runner_up = ranked[0], ranked[1]
    return best[0] if best[1] >= SPORT_MIN_WORDS and best[1] >= 2 * runner_up[1] else None


def _article_sport(conn: sqlite3.Connection, article_id: int, entity_id: int | None = None) -> str | None:
    """The sport of a sport article; for one with too few words of a sport, the sport word right
    before a mention of the person ("Wales number eight Michael Owen"), if ``entity_id`` is given."""
    row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if not row:
        return None
    text = row[0] or ""
    sport = sport_of(text)
    if sport is None and entity_id is not None:
        starts = [r[0] for r in conn.execute("SELECT start FROM mentions WHERE entity_id = ? ORDER BY start",
                                             (entity_id,))]
        led = next((m for s in starts if (m := re.search(_sport_words().pattern + r"\s+$",
                                                         text[max(0, s - _ROLE_REACH) : s]))), None)
        sport = _word_sports()[led.group(0).strip()] if led else None
    return sport


_ROLE_REACH = 40
"""Characters before a person's mention read for a sport word of the role ("number eight")."""


def section_of(document: str) -> str | None:
    """The news section an article was filed under, from the folders of its path or URL, if one is named."""
    parts = [p for p in re.split(r"[/\\]", document.lower()) if p][:-1]
    for part in parts:
        if part in _SECTIONS:
            return _SECTIONS[part]
    return None


def genders_of(aliases: Iterable[str], said: Iterable[str | None]) -> frozenset[str]:
    """"f"/"m" from gendered titles among the names ("Mrs Wilkinson") and from what the article said."""
    found = {_TITLE_GENDER[a.split()[0].rstrip(".").lower()] for a in aliases
             if a.split() and a.split()[0].rstrip(".").lower() in _TITLE_GENDER}
    return frozenset(found | {_TEXT_GENDER[g] for g in said if g in _TEXT_GENDER})


@dataclass
class Context:
    """What one article (or a global person's latest articles) says of a person besides the name."""

    genders: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)
    sections: set[str] = field(default_factory=set)
    comentioned: Counter[str] = field(default_factory=Counter)
    """Names of the people and organisations of the articles: in how many articles each."""
    articles: int = 1
    sports: set[str] = field(default_factory=set)
    """The sports of the sport-section articles (``sport_of``)."""

    def add(self, other: Context) -> None:
        self.genders |= other.genders
        self.fields |= other.fields
        self.sections |= other.sections
        self.comentioned.update(other.comentioned)
        self.articles += other.articles
        self.sports |= other.sports

    def copy(self) -> Context:
        return Context(set(self.genders), set(self.fields), set(self.sections), Counter(self.comentioned),
                       self.articles, set(self.sports))

    @property
    def gender(self) -> str:
        return next(iter(self.genders)) if len(self.genders) == 1 else "-"


@dataclass(frozen=True)
class Comparison:
    """How an article's person compares with a global person: evidence for and against one person."""

    agree: tuple[str, ...]
    conflict: tuple[str, ...]

    @property
    def apart(self) -> bool:
        return len(self.conflict) > len(self.agree)

    def reason(self) -> str:
        return "; ".join(self.agree) if self.agree else "nothing against"

    @property
    def beyond_the_section(self) -> bool:
        """Something agrees besides a shared section (a role, a name named with both)."""
        return any(not a.startswith(_BOTH_IN) for a in self.agree)

    @property
    def of_the_person(self) -> bool:
        """Something agrees of the person themselves: a role field of both, or telling names named
        with both; not a section, nor a role that only fits the other's section."""
        return any(a.startswith((_ROLES_IN, _NAMED_WITH)) for a in self.agree)

    @property
    def same_section(self) -> bool:
        return any(a.startswith(_BOTH_IN) for a in self.agree)


_COMENTIONED_SQL = ("SELECT DISTINCT name FROM entities WHERE article_id = ? AND type IN ('PERSON', 'ORG') "
                    "AND id <> ? AND name <> ?")
"""People and organisations named with a person, by name: those of the same batch have no global entity yet."""


def entity_context(conn: sqlite3.Connection, row: sqlite3.Row) -> Context:
    """The context of one article entity (``row``: id, article_id, name, aliases, roles, gender)."""
    doc = conn.execute("SELECT document FROM articles WHERE id = ?", (row["article_id"],)).fetchone()
    section = section_of(doc[0]) if doc else None
    sport = _article_sport(conn, row["article_id"], row["id"]) if section == "sport" else None
    return Context(
        sports={sport} if sport else set(),
        genders=set(genders_of(json.loads(row["aliases"]), [row["gender"]])),
        fields=set(fields_of(json.loads(row["roles"]))),
        sections={section} if section else set(),
        comentioned=Counter(r[0] for r in conn.execute(_COMENTIONED_SQL, (row["article_id"], row["id"], row["name"]))),
    )


_PROFILE_SQL = ("SELECT e.id, e.article_id, e.name, e.aliases, e.roles, e.gender, a.document FROM entities e "
                "JOIN articles a ON a.id = e.article_id WHERE e.global_id = ? ORDER BY e.article_id DESC LIMIT ?")


def global_context(conn: sqlite3.Connection, global_id: int) -> Context:
    """A global person's context from its latest articles (bounded: one indexed query, LIMIT)."""
    rows = conn.execute(_PROFILE_SQL, (global_id, PROFILE_ARTICLES)).fetchall()
    ctx = Context(articles=min(len(rows), COMENTION_ARTICLES))
    for k, r in enumerate(rows):
        ctx.genders |= genders_of(json.loads(r["aliases"]), [r["gender"]])
        ctx.fields |= fields_of(json.loads(r["roles"]))
        section = section_of(r["document"])
        if section:
            ctx.sections.add(section)
        if k < COMENTION_ARTICLES and section == "sport":
            sport = _article_sport(conn, r["article_id"], r["id"])
            if sport:
                ctx.sports.add(sport)
        if k < COMENTION_ARTICLES:
            ctx.comentioned.update(x[0] for x in conn.execute(_COMENTIONED_SQL, (r["article_id"], r["id"], r["name"])))
    return ctx


def _telling(conn: sqlite3.Connection, mine: Context, theirs: Context) -> list[str]:
    """The names of both contexts that say something: named in few of the store's articles (< 2 %),
    or 3× as often in the global person's articles as in the store (the colleague of a much-named
    minister). "BBC" or "England" with a namesake of the sport pages is neither; nor is a name led
    by a name of 5 % of the store's articles or more ("BBC Sport", "BBC Radio 4")."""
    shared = sorted(set(mine.comentioned) & set(theirs.comentioned))
    if not shared:
        return []
    top = max(1, int(conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]))
    cap = min(1000, max(10, top // 50))
    everywhere = max(20, top // 20)
    telling = []
    for name in shared:
        n = _named_in(conn, name)
        seen = theirs.comentioned[name]
        if " " in name and _named_in(conn, name.split()[0]) >= everywhere:
            continue  # "BBC Sport", "BBC Radio 4" of the much-named "BBC": the outlet's own pages and programmes
        if n < cap or seen / max(1, theirs.articles) >= 3 * n / top:
            telling.append(name)
    return telling


_PLACES_SQL = "SELECT DISTINCT name FROM entities WHERE article_id = ? AND type = 'GPE'"
_ARTICLES_OF_SQL = "SELECT DISTINCT article_id FROM entities WHERE global_id = ? ORDER BY article_id DESC LIMIT ?"


def telling_places(conn: sqlite3.Connection, article_id: int, global_id: int) -> list[str]:
    """Places named both in an article and in a global person's latest articles that few articles of
    the store name (< 2 %): "Vermont" beside a senator "Pat Leahy" and "Patrick J. Leahy"; never
    "United States" or "London"."""
    mine = {r[0] for r in conn.execute(_PLACES_SQL, (article_id,))}
    theirs = {r[0] for (a,) in conn.execute(_ARTICLES_OF_SQL, (global_id, COMENTION_ARTICLES))
              for r in conn.execute(_PLACES_SQL, (a,))}
    top = max(1, int(conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]))
    cap = min(1000, max(10, top // 50))
    return sorted(p for p in mine & theirs if _named_in(conn, p) < cap)


def _named_in(conn: sqlite3.Connection, name: str) -> int:
    """How many entities of the store have this name (about its articles; counted up to 1000)."""
    return int(conn.execute("SELECT count(*) FROM (SELECT 1 FROM entities WHERE name = ? LIMIT 1000)",
                            (name,)).fetchone()[0])


def compare(conn: sqlite3.Connection, mine: Context, theirs: Context, *, common: bool) -> Comparison:
    """The evidence that an article's person (``mine``) is or is not the global person (``theirs``).

    Conflicts: genders that differ, role fields that share nothing and, for a ``common`` name
    ("Matt Williams"), sections that are neither shared nor neighbours (a rare name in another
    section is the same public figure: "Vladimir Putin" in a business story), and sport articles
    about different sports (then the sport section and sport roles they share agree nothing: the
    rugby and the football player of one name; nor do the names named with both, the sport pages'
    media and clubs). Agreements: a shared field or section, a field of one that is the section of
    the other, telling names named with both. With nothing agreeing, a person of only the sport pages
    and no role conflicts with one of roles only in the arts."""
    agree: list[str] = []
    conflict: list[str] = []
    if mine.gender != "-" and theirs.gender != "-" and mine.gender != theirs.gender:
        conflict.append("gender differs")
    other_sport = bool(mine.sports and theirs.sports and not mine.sports & theirs.sports)
    if other_sport:  # the sport pages are shared by the rugby and the football player of one name
        conflict.append(f"{', '.join(sorted(mine.sports))} vs {', '.join(sorted(theirs.sports))} articles")
    if mine.fields and theirs.fields:
        shared = sorted(mine.fields & theirs.fields - ({"sport"} if other_sport else set()))
        if shared:
            agree.append(f"{_ROLES_IN}{', '.join(shared)}")
        elif not other_sport:
            conflict.append(f"roles in {', '.join(sorted(mine.fields))} vs {', '.join(sorted(theirs.fields))}")
    crossed = sorted(({_FIELD_SECTION[f] for f in mine.fields if f in _FIELD_SECTION} & theirs.sections
                      | {_FIELD_SECTION[f] for f in theirs.fields if f in _FIELD_SECTION} & mine.sections)
                     - ({"sport"} if other_sport else set()))
    if crossed:
        agree.append(f"role of the {', '.join(crossed)} section")
    if mine.sections and theirs.sections:
        shared = sorted(mine.sections & theirs.sections - ({"sport"} if other_sport else set()))
        if shared:
            agree.append(f"{_BOTH_IN}{', '.join(shared)}")
        elif common and not other_sport and not any(frozenset((a, b)) in _NEIGHBOURS for a in mine.sections for b in theirs.sections):
            conflict.append(f"{', '.join(sorted(mine.sections))} vs {', '.join(sorted(theirs.sections))} articles")
    both = [] if other_sport else _telling(conn, mine, theirs)  # "BBC Sport" beside the rugby and the football player
    if both:
        agree.append(f"{_NAMED_WITH}{', '.join(both[:3])}")
    if not agree and (_sport_page_and_artist(mine, theirs) or _sport_page_and_artist(theirs, mine)):
        conflict.append("a sport page's person vs roles only in the arts")
    return Comparison(tuple(agree), tuple(conflict))


_ARTS_FIELDS = frozenset({"arts", "media"})


def _sport_page_and_artist(page: Context, artist: Context) -> bool:
    """Only sport-section articles with no role on one side, only roles in the arts on the other (the
    runner and the rapper of one name): with nothing agreeing that is two people. A footballer
    without a role in a celebrity story still joins the sport pages' footballer."""
    return page.sections == {"sport"} and not page.fields and bool(artist.fields) and artist.fields <= _ARTS_FIELDS
