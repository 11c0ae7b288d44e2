"""The read API over the store, shared by the CLI, the web app and exports.

Beside it only its companions read the store: identity.py (who a person is), sources.py (who
is quoted), attention.py (attention over time); search.py turns what a user types into FTS5
queries. Every function takes an open connection and returns plain dicts.
"""

from __future__ import annotations

import heapq
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any, TypedDict

from newsgraph.identity import Identity, identities
from newsgraph.model import (
    KEY_LENGTH,
    PLACE_TYPES,
    Article,
    Entity,
    Event,
    Paragraph,
    Quote,
    Speaker,
    TimeExpression,
)
from newsgraph.render import lead_in
from newsgraph.search import SearchQuery, exact_condition, fts_condition, marked, parse, snippet
from newsgraph.tables import Table, per_store
from newsgraph.who_is_quoted import SPEAKER_TYPE_SQL, gender_condition, genders

ARTICLE_KEY = f"substr(a.hash, 1, {KEY_LENGTH})"
"""The stable key of article ``a`` in SQL (``model.article_key``)."""


def _rows(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    return [dict(r) for r in cur.fetchall()]


def contains(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, literally (use with ``ESCAPE '\\'``)."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """Counts of the store, from the totals it keeps (store/schema.sql, schema 5)."""
    one = lambda sql: int(conn.execute(sql).fetchone()[0] or 0)  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "quotes": one("SELECT sum(quotes) FROM quote_tally"),
        "people": one("SELECT count(*) FROM person_totals WHERE entities > 0"),
        "places": one("SELECT count(DISTINCT name) FROM place_types WHERE type IN ('GPE','LOC')"),
        "failures": one("SELECT count(*) FROM failures"),
    }


QUOTE_ORDERS = ("newest", "oldest", "relevance", "speaker")
"""``newest``: latest article first (the default: news is read by date); ``oldest`` the reverse.
``relevance``: with a full-text search, the best match first (FTS5's bm25 rank); the same as newest
without one. ``speaker``: by speaker name, A to Z (unnamed last), newest first for each."""


QUOTES_WITH_ARTICLES = "quotes q JOIN articles a ON a.id = q.article_id"


def _quote_filter(
    conn: sqlite3.Connection, *, search: str | None = None, speaker: str | None = None, person: str | None = None,
    article_id: int | None = None, kind: str | None = None, outlet: str | None = None, date_from: str | None = None,
    date_to: str | None = None, speaker_type: str | None = None, gender: str | None = None,
    act: str | None = None, unattributed: str | None = None, by_article: bool = False, ranked: bool = False,
    sample: int | None = None, by_person: bool = False,
) -> tuple[str, str, list[Any]]:
    """FROM and WHERE (with their arguments) shared by ``quotes`` and ``count_quotes``. ``person``:
    the quotations of one identity (all their names; none for a name no one has). ``act``:
    "speech", "thought" or "other" (None or "all": every act, rows stored before acts included).
    ``unattributed``: the quotations whose speaker was not found, "hide" them, show "only" them, or
    "include" them (None). ``by_article``: the articles in date order drive the query (``BY_ARTICLE``), the other
    conditions only check; ``ranked``: the search joins the index, for its rank (``f.rank``);
    ``sample``: only the search's ``sample`` latest-ingested matches (``search_sample``); ``by_person``
    (with ``by_article``): the articles quoting ``person`` drive the query (``BY_SPEAKER_ARTICLE``)."""
    where: list[str] = []
    args: list[Any] = []
    check = "+" if by_article else ""  # a unary + keeps SQLite from reading the quotations by that column
    if act and act != "all":
        where.append(f"{check}q.act = ?")
        args.append(act)
    if unattributed in ("hide", "only"):
        where.append(f"{check}q.speaker IS {'NOT ' if unattributed == 'hide' else ''}NULL")
    if person:
        who = identities(conn).find(person)
        if who is None:
            where.append("0")
        else:
            cond, cargs = who.quote_condition(f"{check}q")
            if check and who.global_id is not None:  # each walked row checked by its entity's rowid: the
                # identity's list of entities (every article naming them) is never built
                cond = "EXISTS (SELECT 1 FROM entities x WHERE x.id = +q.speaker_entity_id AND x.global_id = ?)"
            where.append(cond)
            args += cargs
    frm = BY_ARTICLE if by_article else QUOTES_WITH_ARTICLES
    if by_person and person:
        frm = BY_SPEAKER_ARTICLE
        where.append("s.key = ?")
        args.append(identities(conn).find(person).key)  # type: ignore[union-attr]  # by_person: someone found
    if search:
        sq = parse(search)
        if not sq:
            where.append("0")  # punctuation only: no word to look for
        elif ranked:
            frm += " JOIN quotes_fts f ON f.rowid = q.id"
            where.append("quotes_fts MATCH ?")
            args.append(sq.fts(column="content"))
            exact_sql, exact_args = exact_condition(sq, "q.id", "quotes_fts", "quotes_fts_exact", "content")
            where += exact_sql
            args += exact_args
        else:  # the matches' ids, read once from the index
            cond, cargs = fts_condition(sq, f"{check}q.id", "quotes_fts", "quotes_fts_exact", "content", sample)
            where.append(cond)
            args += cargs
    if speaker:  # the names first (the store's speaker_names), then their quotations by index
        where.append(f"{check}q.speaker IN (SELECT speaker FROM speaker_names WHERE speaker LIKE ? ESCAPE '\\')")
        args.append(contains(speaker))
    if article_id is not None:
        where.append("q.article_id = ?")
        args.append(article_id)
    if kind:
        where.append(f"{check}q.kind = ?")
        args.append(kind)
    if outlet:
        where.append("a.outlet = ?")
        args.append(outlet)
    if speaker_type:
        where.append(f"{SPEAKER_TYPE_SQL} = ?")
        args.append(speaker_type)
    if gender:
        cond, cargs = gender_condition(conn, gender)
        where.append(cond)
        args += cargs
    _published_between(where, args, date_from, date_to)
    return frm, (" WHERE " + " AND ".join(where)) if where else "", args


def _published_between(where: list[str], args: list[Any], date_from: str | None, date_to: str | None) -> None:
    """Articles published in [date_from, date_to], at the precision given: ``date_to`` "2021"
    keeps 2021-06-01; both bounds can use the index on published."""
    if date_from:
        where.append("a.published >= ?")
        args.append(date_from)
    if date_to:
        where.append("a.published < ?")  # anything starting with date_to sorts below date_to + U+FFFF
        args.append(date_to + "\uffff")


class QuoteFilter(TypedDict):
    """The filters ``quotes``, ``count_quotes`` and ``quote_facets`` take, as keyword arguments."""

    search: str | None
    speaker: str | None
    person: str | None
    article_id: int | None
    kind: str | None
    outlet: str | None
    date_from: str | None
    date_to: str | None
    speaker_type: str | None
    gender: str | None
    act: str | None
    unattributed: str | None


UNATTRIBUTED_CHOICES = ("hide", "include", "only")
"""What lists do with quotations whose speaker was not found. Reading lists hide them by default:
in hand checks nearly all of them were not something anyone said (a poll, the journalist's own
words) or had their speaker a sentence away; an article's own view still shows them."""


def quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    person: str | None = None,
    search: str | None = None,
    article_id: int | None = None,
    kind: str | None = None,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    speaker_type: str | None = None,
    gender: str | None = None,
    act: str | None = None,
    unattributed: str | None = None,
    order: str = "newest",
    limit: int = 100,
    offset: int = 0,
    after: str | None = None,
) -> list[dict[str, Any]]:
    """Quotations in ``order`` (see ``QUOTE_ORDERS``); ``search`` is full-text (FTS5) with highlights.
    ``after`` (newest order, not ranked): the ``cursor`` of the last row of the page before, read
    instead of skipping ``offset`` rows (keyset pagination: a deep page costs what the first does)."""
    if order not in QUOTE_ORDERS:
        raise ValueError(f"unknown order {order!r} (choose from {', '.join(QUOTE_ORDERS)})")
    sq = parse(search) if search else None
    ranked = bool(sq) and order == "relevance"
    # By date, with no narrow filter (or a search matching many): the articles in date order (their
    # index), each article's quotations in turn, until the page is full, rather than a sort of
    # every match.
    by_article = order != "speaker" and not ranked and article_id is None and (
        _many_quotes_named(conn, speaker, offset + limit) and not (person or sq) if speaker else
        _many_quotes_of(conn, person, offset + limit) if person else
        not sq or (limit >= 0 and _many_matches(conn, sq, offset + limit)))
    by_article = by_article and not (person and sq)
    # Someone's quotations by date: the articles quoting them, newest first (speaker_articles_newest).
    who = identities(conn).find(person) if person else None
    by_person = who is not None and order == "newest" and not sq and not speaker and article_id is None
    frm, where, args = _quote_filter(conn, search=search, speaker=speaker, person=person, article_id=article_id,
                                     kind=kind, outlet=outlet, date_from=date_from, date_to=date_to,
                                     speaker_type=speaker_type, gender=gender, act=act,
                                     unattributed=unattributed, by_article=by_article or by_person, ranked=ranked,
                                     by_person=by_person)
    select = f"q.*, {ARTICLE_KEY} AS article_key, a.document, a.title, a.published"
    newest = "a.published DESC, q.article_id, q.start"
    sort = newest
    if ranked:
        sort = f"f.rank, {newest}"
    elif order == "oldest":
        sort = "a.published IS NULL, a.published, q.article_id, q.start"
    elif order == "speaker":
        sort = f"q.speaker IS NULL, q.speaker COLLATE NOCASE, {newest}"
    if by_person:
        sort = "s.published DESC, s.article_id, q.start"
    elif by_article:
        sort = sort.replace("q.article_id", "a.id")
    if after is not None and sort.startswith(("a.published DESC", "s.published DESC")):
        where, args = _and(where, args, *_after(after, *sort.split(", ")[:2]))
        offset = 0
    sql = f"SELECT {select} FROM {frm}{where} ORDER BY {sort} LIMIT ? OFFSET ?"
    rows = _rows(conn.execute(sql, [*args, limit, offset]))
    for r in rows:
        r["spans"] = json.loads(r["spans"])
    _with_parents(conn, rows)
    add_cue_words(conn, rows)
    if sq:
        _highlight(rows, sq)
    return rows


def _and(where: str, args: list[Any], cond: str, more: list[Any] | None = None) -> tuple[str, list[Any]]:
    """A `` WHERE …`` clause (or "") with one more condition (``cond``: a bare one, or `` AND …``)."""
    cond = cond.removeprefix(" AND ").strip()
    if not cond:
        return where, args
    return (f"{where} AND {cond}" if where else f" WHERE {cond}"), [*args, *(more or [])]


def cursor(row: dict[str, Any]) -> str:
    """Where a page of quotations by date ends, for the next page's ``after``: the article's date
    (``-`` for none), id and the quotation's start."""
    return f"{row['published'] or '-'}~{row['article_id']}~{row['start']}"


def _after(key: str, published_desc: str, article: str) -> tuple[str, list[Any]]:
    """The rows after ``key`` (``cursor``) in the newest-first order (date descending, undated
    last; then article, start): a condition the walk's index of articles can start from."""
    published, article_id, start = key.rsplit("~", 2)
    pub = published_desc.split()[0]
    aid, st = int(article_id), int(start)
    if published == "-":
        return f"({pub} IS NULL AND {article} >= ? AND ({article} > ? OR q.start > ?))", [aid, aid, st]
    return (f"({pub} < ? OR {pub} IS NULL OR ({pub} = ? AND {article} >= ? AND ({article} > ? OR q.start > ?)))",
            [published, published, aid, aid, st])


def _with_parents(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
    """A nested quotation (Lenin's words inside Kim's) names the quotation it is reported in:
    ``parent_speaker`` and ``parent_start`` (for a link into the article); one lookup per page."""
    ids = sorted({r["parent_id"] for r in rows if r.get("parent_id") is not None})
    parents = {pid: (speaker, descriptor, start) for pid, speaker, descriptor, start in conn.execute(
        f"SELECT id, speaker, descriptor, start FROM quotes WHERE id IN ({','.join('?' * len(ids))})", ids)} if ids else {}
    for r in rows:
        speaker, descriptor, start = parents.get(r.get("parent_id"), (None, None, None))
        r["parent_speaker"], r["parent_start"] = speaker or descriptor, start


def add_cue_words(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
    """Each quotation's cue as the article writes it (``cue``: "denied", "according to"; None without
    one), so a list can show how the words were reported: a denial read as "reported: X" says the
    opposite of what was said; and ``lead_in``, the words framing quoted words that complete a
    sentence (render.lead_in). One lookup per page, after the page is chosen."""
    ids = [r["id"] for r in rows if r.get("cue_start") is not None]
    found = {i: (cue, gap) for i, cue, gap in conn.execute(
        "SELECT q.id, substr(a.text, q.cue_start + 1, q.cue_end - q.cue_start),"
        " CASE WHEN q.kind <> 'indirect' AND q.cue_end <= q.start THEN substr(a.text, q.cue_end + 1, min(q.start - q.cue_end, 200)) END"
        f" FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id IN ({','.join('?' * len(ids))})", ids)} if ids else {}
    for r in rows:
        cue, gap = found.get(r["id"], (None, None))
        r["cue"] = " ".join(cue.split()) if cue else None
        # the journalist's words framing quoted words that complete a sentence (render.lead_in)
        r["lead_in"] = lead_in(r["kind"], r.get("content") or "", r["cue"], gap)


BY_ARTICLE = "articles a CROSS JOIN quotes q ON q.rowid IN (SELECT x.rowid FROM quotes x WHERE x.article_id = a.id)"
"""Quotations article by article, the articles driving (in the order of an index on them). A plain
join would let SQLite build a Bloom filter over every quotation first."""
BY_SPEAKER_ARTICLE = ("speaker_articles s CROSS JOIN articles a ON a.id = s.article_id"
                      " CROSS JOIN quotes q ON q.rowid IN (SELECT x.rowid FROM quotes x WHERE x.article_id = s.article_id)")
"""Someone's quotations article by article, the articles quoting them driving, newest first (the
index ``speaker_articles_newest``): a page reads the articles it shows, however often they are quoted."""


def _walk_pays(conn: sqlite3.Connection, rows: int) -> int:
    """The matches above which a page ending at row ``rows`` is cheaper to find article by article, in
    date order, than by sorting every match: a walk reads about rows * quotations / matches quotations,
    the sort reads every match, but each apart and with its article where the walk reads quotations
    stored side by side (an article's in a row): measured at a million quotations, the walk is the
    faster from about half the matches at which the two read as many."""
    total = int(conn.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0])  # about the count, by index
    return int((rows * total) ** 0.5 / 2) + 1


def _many_quotes_named(conn: sqlite3.Connection, speaker: str, rows: int) -> bool:
    """Whether the quotations of the speakers named like ``speaker`` are cheaper to walk to
    (``_walk_pays``), counted in the totals (``speaker_names``)."""
    named = conn.execute("SELECT coalesce(sum(quotes), 0) FROM speaker_names WHERE speaker LIKE ? ESCAPE '\\'",
                         (contains(speaker),)).fetchone()[0]
    return rows >= 0 and int(named) >= _walk_pays(conn, rows)


def _many_matches(conn: sqlite3.Connection, sq: SearchQuery, rows: int) -> bool:
    """Whether a search's page is cheaper to walk to (``_walk_pays``); the index alone counts the
    matches (up to what decides)."""
    enough = _walk_pays(conn, rows)
    found = conn.execute("SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)",
                         (sq.fts(column="content"), enough)).fetchone()[0]
    return bool(found >= enough)


def _many_quotes_of(conn: sqlite3.Connection, person: str, rows: int) -> bool:
    """Whether a person's page of quotations is cheaper to walk to (``_walk_pays``): the most quoted,
    counted in the totals."""
    who = identities(conn).find(person)
    return rows >= 0 and who is not None and who.quotes >= _walk_pays(conn, rows)


FACET_SIZE = 12


def quote_facets(conn: sqlite3.Connection, sample: int | None = None, **filters: Any) -> dict[str, list[dict[str, Any]]]:
    """Counts of the quotations ``quotes`` pages through with the same filters, by ``kind``, ``outlet``,
    ``year`` (of publication), ``speaker`` (identities, so merged names count as one; the
    ``FACET_SIZE`` most quoted), speaker ``type`` and, among people, ``gender`` (who_is_quoted.py):
    ``{facet: [{"value", "count"}]}``, largest first (years in order).
    One grouped pass over the matching quotations, summed per facet here; ``sample``: over the
    search's latest-ingested matches only (``search_sample``)."""
    tallies: dict[str, dict[Any, int]] = {f: {} for f in ("kind", "outlet", "year", "speaker", "type", "gender")}
    gender_of = per_store(conn, genders)
    tally = _tally_filter(conn, filters) if sample is None else None
    if tally is not None:  # the store's totals: no pass over the quotations
        where, args = tally
        rows = conn.execute("SELECT kind, nullif(outlet, ''), nullif(substr(month, 1, 4), ''), nullif(speaker_key, ''),"
                            f" type, sum(quotes) FROM quote_tally{where} GROUP BY 1, 2, 3, 4, 5", args)
    else:
        frm, where, args = _quote_filter(conn, **filters, sample=sample)
        rows = conn.execute(
            f"SELECT q.kind, a.outlet, substr(a.published, 1, 4), CASE WHEN e.global_id IS NOT NULL THEN"
            f" 'g' || e.global_id WHEN q.speaker IS NOT NULL THEN 'n' || q.speaker END, {SPEAKER_TYPE_SQL}, count(*)"
            f" FROM {frm} LEFT JOIN entities e ON e.id = q.speaker_entity_id AND e.type = 'PERSON'{where}"
            " GROUP BY 1, 2, 3, 4, 5", args)
    for kind, outlet, year, key, type_, n in rows:
        for facet, value in (("kind", kind), ("outlet", outlet), ("year", year), ("type", type_)):
            tallies[facet][value] = tallies[facet].get(value, 0) + n
        if key is not None:
            tallies["speaker"][key] = tallies["speaker"].get(key, 0) + n
            if type_ == "person":
                g = gender_of.get(key, ("unknown", ""))[0]
                tallies["gender"][g] = tallies["gender"].get(g, 0) + n
    people = identities(conn)
    by_count = lambda d: sorted(d.items(), key=lambda kv: (-kv[1], str(kv[0])))  # noqa: E731
    out = {facet: [{"value": v, "count": n} for v, n in by_count(tallies[facet])]
           for facet in ("kind", "outlet", "type", "gender")}
    out["outlet"] = out["outlet"][:FACET_SIZE]
    out["year"] = [{"value": v, "count": n} for v, n in sorted(tallies["year"].items(), key=lambda kv: (kv[0] is None, kv[0] or ""))]
    speakers = []
    for key, n in by_count(tallies["speaker"])[:FACET_SIZE]:
        who = people.by_key(key)
        speakers.append({"value": who.name if who else key[1:], "count": n})
    out["speaker"] = speakers
    return out


def _highlight(rows: list[dict[str, Any]], sq: SearchQuery) -> None:
    """Each quotation's matched words: ``highlights`` (spans in ``content``) and ``highlighted``
    (the content with them in ``[[`` ``]]``)."""
    for r in rows:
        spans = sq.highlight(r["content"])
        r["highlights"] = [list(s) for s in spans]
        r["highlighted"] = marked(r["content"], spans)


def count_quotes(conn: sqlite3.Connection, sample: int | None = None, **filters: Any) -> int:
    """How many quotations ``quotes`` pages through with the same filters (its keyword arguments
    ``speaker``, ``person``, ``search``, ``article_id``, ``kind``, ``outlet``, ``date_from``, ``date_to``,
    ``speaker_type`` (who_is_quoted.TYPES), ``gender`` ("female", "male", "unknown": of people, as /who infers it),
    ``act``, ``unattributed``); ``sample``: among the search's latest-ingested matches only (``search_sample``)."""
    tally = _tally_filter(conn, filters) if sample is None else None
    if tally is not None:
        return int(conn.execute(f"SELECT coalesce(sum(quotes), 0) FROM quote_tally{tally[0]}", tally[1]).fetchone()[0])
    frm, where, args = _quote_filter(conn, **filters, sample=sample)
    if frm == QUOTES_WITH_ARTICLES and not re.search(r"\ba\.", where):  # every quotation has its article:
        frm = "quotes q"  # counted without reading them (in an index alone when it holds the columns)
    return int(conn.execute(f"SELECT count(*) FROM {frm}{where}", args).fetchone()[0])


SAMPLE = 2000
"""A search matching more quotations than this is counted and faceted on its ``SAMPLE`` latest-ingested
matches (the count scaled to the index's total and shown as "about"), so a common word costs what a
rare one does; one matching fewer is counted exactly."""


def fts_matches(conn: sqlite3.Connection, sq: SearchQuery, index: str, *, column: str | None = None,
                up_to: int | None = None) -> int:
    """Rows of the accent-free full-text ``index`` matching ``sq`` (``up_to``: stop counting there),
    read in the index alone."""
    match = f"SELECT 1 FROM {index} WHERE {index} MATCH ?"
    if up_to is None:
        return int(conn.execute(f"SELECT count(*) FROM ({match})", (sq.fts(column=column),)).fetchone()[0])
    return int(conn.execute(f"SELECT count(*) FROM ({match} LIMIT ?)", (sq.fts(column=column), up_to)).fetchone()[0])


def article_sample(conn: sqlite3.Connection, search: str | None) -> int | None:
    """``SAMPLE`` when ``search`` matches more articles than that (``article_facets`` then take a
    sample), else None."""
    sq = parse(search) if search else None
    if not sq:
        return None
    return SAMPLE if fts_matches(conn, sq, "articles_fts", up_to=SAMPLE + 1) > SAMPLE else None


def search_sample(conn: sqlite3.Connection, search: str | None) -> int | None:
    """``SAMPLE`` when ``search`` matches more quotations than that (``count_quotes`` and
    ``quote_facets`` then take a sample), else None (exact counts cost little)."""
    sq = parse(search) if search else None
    if not sq:
        return None
    return SAMPLE if fts_matches(conn, sq, "quotes_fts", column="content", up_to=SAMPLE + 1) > SAMPLE else None


def narrowing(filters: dict[str, Any]) -> dict[str, Any]:
    """The filters that leave quotations out: given, and not a value meaning "every" (``act="all"``,
    ``unattributed="include"``)."""
    return {k: v for k, v in filters.items() if v is not None and v != "" and not (k == "act" and v == "all")
            and not (k == "unattributed" and v == "include")}


def count_quotes_about(conn: sqlite3.Connection, **filters: Any) -> tuple[int, bool]:
    """(``count_quotes``, True) when that is cheap, else (an estimate, False): a search matching more
    than ``SAMPLE`` quotations, with other filters, is the index's count of its matches times the
    share of its ``SAMPLE`` latest-ingested matches the other filters keep; a search alone is counted
    in its index."""
    sq = parse(filters.get("search")) if filters.get("search") else None
    if not sq:
        return count_quotes(conn, **filters), True
    others = {k: v for k, v in narrowing(filters).items() if k != "search"}
    if not others and not sq.exact_checks():
        return fts_matches(conn, sq, "quotes_fts", column="content"), True
    sample = search_sample(conn, filters["search"])
    if sample is None:
        return count_quotes(conn, **filters), True
    kept = count_quotes(conn, sample=sample, **filters)
    total = fts_matches(conn, sq, "quotes_fts", column="content")
    return round(total * kept / sample), False


TALLY_FILTERS = {"act": "act", "kind": "kind", "outlet": "outlet", "speaker_type": "type"}
"""Filters the store's ``quote_tally`` answers (its columns): counts and facets without a pass over
the quotations."""

TALLY_UNATTRIBUTED = {"hide": "speaker_key <> ''", "only": "speaker_key = ''"}
"""``unattributed`` over ``quote_tally``: a quotation with no speaker has no speaker key."""


def _tally_filter(conn: sqlite3.Connection, filters: dict[str, Any]) -> tuple[str, list[Any]] | None:
    """WHERE (with arguments) over ``quote_tally`` for ``filters``, or None when a filter needs the quotations.
    A ``person`` is their identity's key (the tally's ``speaker_key``: ``g`` global id or ``n`` name)."""
    given = narrowing(filters)
    if any(k not in TALLY_FILTERS and k not in ("unattributed", "person") for k in given):
        return None
    if "person" in given:
        who = identities(conn).find(given.pop("person"))
        if who is None:
            return None
        given = {"speaker_key": who.key, **given}
    where = [TALLY_UNATTRIBUTED[v] if k == "unattributed" else f"{TALLY_FILTERS.get(k, k)} = ?"
             for k, v in given.items()]
    args = [v for k, v in given.items() if k != "unattributed"]
    return (" WHERE " + " AND ".join(where)) if where else "", args


PEOPLE_SORTS = ("quotes", "mentions", "articles", "name")


def people(conn: sqlite3.Connection, *, name: str | None = None, sort: str = "quotes", desc: bool = True,
           limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """People (one row per identity, merged names included) with their quotations, mentions and
    articles: the counts every page shows. ``name``: part of any of their names, any case."""
    return per_store(conn, people_table).page(name=name, sort=sort, desc=desc, limit=limit, offset=offset)[0]


def count_people(conn: sqlite3.Connection, *, name: str | None = None) -> int:
    return per_store(conn, people_table).page(name=name, sort="quotes", desc=True, limit=0, offset=0)[1]


def people_table(conn: sqlite3.Connection) -> Table:
    """Every person (not other speakers) as a row, for lists that sort and page in memory."""
    return Table([p.row() for p in identities(conn).all if p.kind == "person"], PEOPLE_SORTS, names="names")


def find_article_by_key(conn: sqlite3.Connection, key: str) -> int | None:
    """An article by its stable key or any prefix of its hash (6+ hex digits), through the hash's
    index: every hash starting with ``key`` lies between ``key`` and ``key + "g"``."""
    if not re.fullmatch(r"[0-9a-f]{6,64}", key):
        return None
    row = conn.execute("SELECT id FROM articles WHERE hash >= ? AND hash < ? ORDER BY hash LIMIT 1",
                       (key, key + "g")).fetchone()
    return int(row[0]) if row else None


def key_of(conn: sqlite3.Connection, article_id: int) -> str | None:
    """The stable key of the article with store id ``article_id``."""
    row = conn.execute(f"SELECT {ARTICLE_KEY} FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
    return str(row[0]) if row else None


def find_article_id(conn: sqlite3.Connection, ref: str) -> int | None:
    """An article by stable key, id, document name, source path or hash prefix (6+ hex digits)."""
    if len(ref) == KEY_LENGTH and (found := find_article_by_key(conn, ref)) is not None:
        return found
    if ref.isascii() and ref.isdigit() and len(ref) <= 18:
        row = conn.execute("SELECT id FROM articles WHERE id = ?", (int(ref),)).fetchone()
        if row:
            return int(row[0])
    lookups = [
        ("SELECT id FROM articles WHERE document = ? ORDER BY id LIMIT 1", ref),
        ("SELECT article_id FROM sources WHERE source = ? LIMIT 1", ref),
    ]
    for sql, arg in lookups:
        row = conn.execute(sql, (arg,)).fetchone()
        if row:
            return int(row[0])
    return find_article_by_key(conn, ref)


def _article_filter(search: str | None = None, outlet: str | None = None, date_from: str | None = None,
                    date_to: str | None = None, sample: int | None = None) -> tuple[str, list[Any]]:
    """WHERE (with arguments) shared by ``articles`` and ``count_articles``; ``sample``: among the
    search's ``sample`` latest-ingested matches only."""
    where: list[str] = []
    args: list[Any] = []
    if search:
        sq = parse(search)
        if not sq:
            where.append("0")
        else:
            sql, a = fts_condition(sq, "a.id", "articles_fts", "articles_fts_exact", latest=sample)
            where.append(sql)
            args += a
    if outlet:
        where.append("a.outlet = ?")
        args.append(outlet)
    _published_between(where, args, date_from, date_to)
    return (" WHERE " + " AND ".join(where)) if where else "", args


def articles(conn: sqlite3.Connection, *, search: str | None = None, outlet: str | None = None,
             date_from: str | None = None, date_to: str | None = None,
             limit: int = 50, offset: int = 0, after: int | None = None) -> list[dict[str, Any]]:
    """Articles, latest ingested first. ``search`` (the syntax of newsgraph/search.py) matches the
    title or text; each hit then has ``snippet``: the sentence with the first match, its ``start``
    in the text and ``highlights`` relative to the sentence. ``after``: the id of the last article
    of the page before, read from instead of skipping ``offset`` (keyset pagination)."""
    sq = parse(search) if search else None
    before = "" if after is None else f" AND rowid < {int(after)}"
    offset = offset if after is None else 0
    if sq and not (outlet or date_from or date_to or sq.exact_checks()) and limit >= 0:
        # A search alone: the page read from the index in its own (rowid = id) order, not every match.
        where, args = (" WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
                       f"{before} ORDER BY rowid DESC LIMIT ? OFFSET ?)"), [sq.fts(), limit, offset]
        offset = 0
    else:
        where, args = _and(*_article_filter(search, outlet, date_from, date_to), before)
    rows = _rows(conn.execute(
        f"SELECT a.id, {ARTICLE_KEY} AS key, a.document, a.title, a.published, a.outlet, a.author, a.url, a.ingested_at,"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes"
        f" FROM articles a{where} ORDER BY a.id DESC LIMIT ? OFFSET ?", [*args, limit, offset]))
    if sq:
        for r in rows:
            text = conn.execute("SELECT text FROM articles WHERE id = ?", (r["id"],)).fetchone()[0]
            r["snippet"] = snippet(text, sq) or snippet(r["title"] or "", sq)
            if r["snippet"]:
                r["snippet"]["highlighted"] = marked(r["snippet"]["text"], r["snippet"]["highlights"])
    return rows


def article_facets(conn: sqlite3.Connection, sample: int | None = None, **filters: Any) -> dict[str, list[dict[str, Any]]]:
    """Counts of the articles ``articles`` pages through with the same filters, by ``outlet`` (the
    ``FACET_SIZE`` largest) and ``year`` of publication (in order): ``{facet: [{"value", "count"}]}``;
    ``sample``: of the search's latest-ingested matches only (``article_sample``)."""
    where, args = _article_filter(**filters, sample=sample)
    outlets: dict[Any, int] = {}
    years: dict[Any, int] = {}
    for outlet, year, n in conn.execute(
            f"SELECT a.outlet, substr(a.published, 1, 4), count(*) FROM articles a{where} GROUP BY 1, 2", args):
        outlets[outlet] = outlets.get(outlet, 0) + n
        years[year] = years.get(year, 0) + n
    return {"outlet": [{"value": v, "count": n} for v, n in
                       sorted(outlets.items(), key=lambda kv: (-kv[1], str(kv[0])))[:FACET_SIZE]],
            "year": [{"value": v, "count": n} for v, n in
                     sorted(years.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))]}


def count_articles(conn: sqlite3.Connection, **filters: Any) -> int:
    """How many articles ``articles`` pages through with the same filters. A search alone is counted
    in its index (one row per article), without reading the articles."""
    sq = parse(filters.get("search"))
    if sq and not any(v for k, v in filters.items() if k != "search"):
        exact, exact_args = exact_condition(sq, "rowid", "articles_fts", "articles_fts_exact")
        return int(conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
                                + "".join(f" AND {c}" for c in exact), [sq.fts(), *exact_args]).fetchone()[0])
    where, args = _article_filter(**filters)
    return int(conn.execute(f"SELECT count(*) FROM articles a{where}", args).fetchone()[0])


def load_article(conn: sqlite3.Connection, article_id: int) -> Article | None:
    """Rebuild the full Article record from the store."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    art = Article(text=row["text"], document=row["document"], title=row["title"], published=row["published"],
                  source=row["source"], outlet=row["outlet"], url=row["url"],
                  author=row["author"] if "author" in row.keys() else None)
    art.paragraphs = [Paragraph(r["start"], r["end"], r["kind"]) for r in conn.execute(
        'SELECT start, "end", kind FROM paragraphs WHERE article_id = ? ORDER BY start', (article_id,))]
    art.boilerplate = [(r[0], r[1]) for r in conn.execute(
        'SELECT start, "end" FROM boilerplate WHERE article_id = ? ORDER BY start', (article_id,))]
    for e in conn.execute("SELECT * FROM entities WHERE article_id = ? ORDER BY id", (article_id,)).fetchall():
        mentions = [(m[0], m[1]) for m in conn.execute(
            'SELECT start, "end" FROM mentions WHERE entity_id = ? ORDER BY start', (e["id"],))]
        located = e["lat"] is not None or e["country"] is not None  # a country alone (e.g. "US") is kept too
        geo: dict[str, Any] | None = {"lat": e["lat"], "lon": e["lon"], "country": e["country"]} if located else None
        if geo is not None and e["place_kind"] is not None:
            geo["kind"] = e["place_kind"]
        art.entities.append(Entity(e["name"], e["type"], mentions, json.loads(e["aliases"]),
                                   json.loads(e["roles"]), geo, e["gender"]))
    rows = conn.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY start, id", (article_id,)).fetchall()
    index_of = {q["id"]: k for k, q in enumerate(rows)}
    for q in rows:
        mention = (q["speaker_start"], q["speaker_end"]) if q["speaker_start"] is not None else None
        cue = (q["cue_start"], q["cue_end"]) if q["cue_start"] is not None else None
        art.quotes.append(Quote([tuple(s) for s in json.loads(q["spans"])], q["kind"],
                                Speaker(q["speaker"], mention, q["descriptor"], q["speaker_type"], q["affiliation"]),
                                cue, q["cue_lemma"], q["confidence"],
                                q["act"] or ("speech" if q["kind"] != "indirect" else "other"),
                                index_of.get(q["parent_id"])))
    art.times = [TimeExpression((r["start"], r["end"]), r["text"], r["value"], r["how"]) for r in conn.execute(
        "SELECT * FROM times WHERE article_id = ? ORDER BY start", (article_id,))]
    art.timeline = [Event(r["date"], r["text"], (r["start"], r["end"]), json.loads(r["participants"]),
                          json.loads(r["places"]),
                          (r["time_start"], r["time_end"]) if r["time_start"] is not None else None, r["kind"])
                    for r in conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY id", (article_id,))]
    return art


def failures(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(conn.execute("SELECT * FROM failures ORDER BY at, source"))


# --- export (issue 9): selections and whole tables, streamed for `newsgraph export` ---

EXPORT_TABLES = ("articles", "quotes", "entities", "mentions", "events", "times")

_EXPORT_SQL = {
    "articles": "SELECT a.id, a.hash, a.document, a.title, a.published, a.outlet, a.url, a.source,"
                " a.ingested_at, length(a.text) AS length, a.text FROM articles a"
                " WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id",
    "quotes": "SELECT q.id, q.article_id, a.document, q.start, q.\"end\", q.spans, q.content, q.kind, q.speaker,"
              " q.speaker_type, q.affiliation, q.act, q.parent_id,"
              " (SELECT gm.group_id FROM quote_group_members gm WHERE gm.quote_id = q.id) AS quote_group_id,"
              " q.speaker_entity_id, e.global_id AS speaker_global_id, q.speaker_start, q.speaker_end,"
              " substr(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start) AS speaker_text,"
              " q.descriptor, q.cue_start, q.cue_end,"
              " substr(a.text, q.cue_start + 1, q.cue_end - q.cue_start) AS cue_text, q.cue_lemma, q.confidence"
              " FROM quotes q JOIN articles a ON a.id = q.article_id"
              " LEFT JOIN entities e ON e.id = q.speaker_entity_id"
              " WHERE q.article_id IN (SELECT value FROM json_each(?)) {speaker} ORDER BY q.article_id, q.start, q.id",
    "entities": "SELECT e.id, e.article_id, e.global_id, g.name AS global_name, e.name, e.type, e.aliases, e.roles,"
                " e.lat, e.lon, e.country, e.place_kind, e.gender,"
                " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions"
                " FROM entities e LEFT JOIN global_entities g ON g.id = e.global_id"
                " WHERE e.article_id IN (SELECT value FROM json_each(?)) ORDER BY e.article_id, e.id",
    "mentions": "SELECT m.entity_id, m.article_id, e.name, e.type, m.start, m.\"end\","
                " substr(a.text, m.start + 1, m.\"end\" - m.start) AS text"
                " FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id"
                " WHERE m.article_id IN (SELECT value FROM json_each(?)) ORDER BY m.article_id, m.start, m.entity_id",
    "events": "SELECT v.id, v.article_id, v.date, v.text, v.start, v.\"end\", v.participants, v.places,"
              " v.time_start, v.time_end, v.kind FROM events v WHERE v.article_id IN (SELECT value FROM json_each(?)) ORDER BY v.article_id, v.start",
    "times": "SELECT t.article_id, t.start, t.\"end\", t.text, t.value, t.how"
             " FROM times t WHERE t.article_id IN (SELECT value FROM json_each(?)) ORDER BY t.article_id, t.start",
}
_JSON_COLUMNS = {"spans", "aliases", "roles", "participants", "places"}


def export_article_ids(
    conn: sqlite3.Connection,
    *,
    articles: list[str] | None = None,
    speaker: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[int]:
    """Ids of the articles an export covers, oldest first.

    ``articles`` are references as `find_article_id` takes them (an unknown one raises
    LookupError naming it); ``speaker`` keeps articles with a quotation by a matching
    speaker; dates compare with ``published`` at the precision given ("2016" .. "2016-09-12").
    """
    where, args = [], []
    if articles:
        ids = []
        for ref in articles:
            aid = find_article_id(conn, ref)
            if aid is None:
                raise LookupError(ref)
            ids.append(aid)
        where.append("a.id IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(ids))
    if speaker:
        where.append("EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id AND q.speaker LIKE ? ESCAPE '\\')")
        args.append(contains(speaker))
    if date_from:
        where.append("substr(a.published, 1, length(?)) >= ?")
        args += [date_from, date_from]
    if date_to:
        where.append("substr(a.published, 1, length(?)) <= ?")
        args += [date_to, date_to]
    sql = "SELECT a.id FROM articles a" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.id"
    return [int(r[0]) for r in conn.execute(sql, args)]


def export_rows(
    conn: sqlite3.Connection, table: str, article_ids: list[int], *, speaker: str | None = None
) -> Iterator[dict[str, Any]]:
    """Rows of one of EXPORT_TABLES for these articles (JSON columns decoded to lists).

    ``speaker`` narrows the quotes table to quotations by a matching speaker (as `quotes`).
    """
    sql = _EXPORT_SQL[table]
    args: list[Any] = [json.dumps(article_ids)]
    if table == "quotes":
        sql = sql.format(speaker="AND q.speaker LIKE ? ESCAPE '\\'" if speaker else "")
        if speaker:
            args.append(contains(speaker))
    for row in conn.execute(sql, args):
        out = dict(row)
        for key in _JSON_COLUMNS & out.keys():
            out[key] = json.loads(out[key])
        yield out


def export_articles(
    conn: sqlite3.Connection, article_ids: list[int], *, speaker: str | None = None
) -> Iterator[tuple[int, Article]]:
    """(id, full Article) per article; ``speaker`` keeps only quotations by a matching speaker."""
    needle = (speaker or "").casefold()
    for aid in article_ids:
        art = load_article(conn, aid)
        if art is None:
            continue
        if speaker:
            art.quotes = [q for q in art.quotes if q.speaker.name and needle in q.speaker.name.casefold()]
        yield aid, art


# --- web (newsgraph serve): read functions for the pages and /api ---------------------------------



def person_names(conn: sqlite3.Connection, name: str) -> list[str]:
    """The names one person goes by in the store (newsgraph/identity.py): the display name first,
    then the names merged with it; ``[name]`` when no one is known by it."""
    who = identities(conn).find(name)
    if who is None:
        return [name]
    return [who.name] + sorted(set(who.names) - {who.name})


def _in(names: list[str]) -> str:
    return ",".join("?" * len(names))


def find_identity(conn: sqlite3.Connection, name: str) -> Identity | None:
    """The person (or other speaker) ``name`` means, any of their names, any case (identity.Identities.find)."""
    return identities(conn).find(name)


def suggest_people(conn: sqlite3.Connection, name: str, n: int = 5) -> list[str]:
    """Names near ``name`` for a "did you mean …" when it names no one."""
    return identities(conn).suggest(name, n)


def person_profile(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    """A person's names, aliases, roles and counts (the same as in every list); None when no one
    is known by ``name`` (in any case). Aliases and roles: of the ``LATEST_ARTICLES`` latest-ingested
    articles naming them (their entities, through the index by global id), the most frequent first."""
    who = identities(conn).find(name)
    if who is None:
        return None
    cond, args = who.entity_condition("e")
    aliases: dict[str, int] = {}
    roles: dict[str, int] = {}
    for e in conn.execute(f"SELECT aliases, roles, count(*) AS n FROM (SELECT aliases, roles FROM entities e WHERE {cond}"
                          " ORDER BY e.id DESC LIMIT ?) GROUP BY 1, 2", [*args, LATEST_ARTICLES]):
        for a in json.loads(e["aliases"]):  # the same lists recur article after article: each read once
            aliases[a] = aliases.get(a, 0) + e["n"]
        for r in json.loads(e["roles"]):
            roles[r] = roles.get(r, 0) + e["n"]
    by_count = lambda d: sorted(d, key=lambda k: (-d[k], k))  # noqa: E731
    names = person_names(conn, who.name)
    return {**who.row(), "names": names, "aliases": [a for a in by_count(aliases) if a not in names],
            "roles": by_count(roles)}


def person_quotes(conn: sqlite3.Connection, name: str, *, act: str | None = None, limit: int = 200,
                  offset: int = 0) -> list[dict[str, Any]]:
    """The person's quotations (any of their names; of one ``act``, or every one), newest article first."""
    return quotes(conn, person=name, act=act, limit=limit, offset=offset)


def co_mentioned(conn: sqlite3.Connection, name: str, *, limit: int = 30, since: int | None = None) -> list[dict[str, Any]]:
    """People named in the same articles as the person, with how many articles they share;
    ``since``: in the articles from that id on (``latest_articles_since``)."""
    return _co_occurring(conn, name, ("PERSON",), limit, since)


LATEST_ARTICLES = 200
"""A person's page, and a person's or place's timeline page, read the ``LATEST_ARTICLES`` latest-ingested
articles naming them (and say so) for their co-mentions and timeline: what a page shows of someone
named in thousands of articles costs what it does for someone named in a few hundred."""


def latest_articles_since(conn: sqlite3.Connection, *, person: str | None = None, place: str | None = None,
                          n: int | None = None) -> int | None:
    """The id of the ``n``-th latest-ingested article (``LATEST_ARTICLES``) naming the person (any of
    their names) or the place; None when fewer name them (then every article counts). Read backwards
    through the index of entities by global id or name, whose rows follow ingest order. Another
    speaker (an organisation, a group): the articles quoting it or with an entity of one of its
    names (of any type, as its timeline reads them)."""
    n = LATEST_ARTICLES if n is None else n
    if person:
        who = identities(conn).find(person)
        if who is None:
            return None
        if who.kind != "person":
            return _nth_latest(n, conn.execute("SELECT article_id FROM speaker_articles WHERE key = ?"
                                               " ORDER BY article_id DESC", (who.key,)),
                               *(conn.execute("SELECT article_id FROM entities WHERE name = ? ORDER BY id DESC",
                                              (name,)) for name in person_names(conn, who.name)))
        cond, args = who.entity_condition("e")
    elif place:
        cond, args = f"e.name = ? AND +e.type IN ({_in(list(PLACE_TYPES))})", [place, *PLACE_TYPES]
    else:
        return None
    row = conn.execute(f"SELECT e.article_id FROM entities e WHERE {cond} ORDER BY e.id DESC LIMIT 1 OFFSET ?",
                       [*args, n - 1]).fetchone()
    return int(row[0]) if row else None


def _nth_latest(n: int, *newest_first: Iterable[Any]) -> int | None:
    """The ``n``-th latest of the articles the cursors give, each newest first (the cursors of
    indexes in ingest order, read only as far as needed); None when they give fewer."""
    seen: set[int] = set()
    for article_id in heapq.merge(*((r[0] for r in rows) for rows in newest_first), reverse=True):
        seen.add(article_id)
        if len(seen) == n:
            return int(article_id)
    return None


def _first_rows(conn: sqlite3.Connection, article_id: int) -> tuple[int, int]:
    """The first entity and quotation ids of the articles from ``article_id`` on (rows are stored
    article after article, so their ids follow the articles'); past the end when there are none."""
    first = [conn.execute(f"SELECT id FROM {table} WHERE article_id >= ? ORDER BY article_id, id LIMIT 1",
                          (article_id,)).fetchone() for table in ("entities", "quotes")]
    return (int(first[0][0]) if first[0] else 1 << 62), (int(first[1][0]) if first[1] else 1 << 62)


def _co_occurring(conn: sqlite3.Connection, name: str, types: tuple[str, ...], limit: int,
                  since: int | None = None) -> list[dict[str, Any]]:
    """Entities of ``types`` in the articles naming the person (the person's own names left out),
    from article ``since`` on when given.

    CROSS JOIN and the unary ``+`` keep SQLite from driving the join by the (type, name) index,
    which made this a scan of every entity of that type on a large store."""
    who = identities(conn).find(name)
    if who is None:
        return []
    names = person_names(conn, name)
    cond, args = who.entity_condition("p")
    if since is not None:
        cond, args = f"{cond} AND p.id >= ?", [*args, _first_rows(conn, since)[0]]
    return _rows(conn.execute(
        f"SELECT o.name AS name, count(DISTINCT o.article_id) AS articles, max(o.country) AS country"
        f" FROM entities p CROSS JOIN entities o ON o.article_id = p.article_id"
        f" AND +o.type IN ({_in(list(types))}) AND o.name NOT IN ({_in(names)})"
        f" WHERE {cond}"
        f" GROUP BY o.name ORDER BY articles DESC, o.name LIMIT ?", [*types, *names, *args, limit]))


def top_speakers(conn: sqlite3.Connection, *, limit: int = 10) -> list[dict[str, Any]]:
    """Most-quoted speakers (people and others), counted as on their own pages."""
    return [{"name": p.name, "quotes": p.quotes, "articles": p.articles, "kind": p.kind}
            for p in sorted(identities(conn).all, key=lambda p: (-p.quotes, p.name))[:limit] if p.quotes]


def place_counts(conn: sqlite3.Connection, *, limit: int = 50, name: str | None = None, sort: str = "mentions",
                 desc: bool = True, offset: int = 0) -> list[dict[str, Any]]:
    """Places by mentions (or ``sort``), with the articles naming them and coordinates when known
    (else null); ``name`` is part of the name, any case."""
    return _places(conn).page(name=name, sort=sort, desc=desc, limit=limit, offset=offset)[0]


def count_places(conn: sqlite3.Connection, *, name: str | None = None) -> int:
    return _places(conn).page(name=name, sort="mentions", desc=True, limit=0, offset=0)[1]


PLACE_SORTS = ("mentions", "articles", "name")


def _places(conn: sqlite3.Connection) -> Table:
    return per_store(conn, place_table)


def place_table(conn: sqlite3.Connection) -> Table:
    """Every place with its counts, from the totals the store keeps (lists sort and page it in memory)."""
    types: dict[str, list[str]] = {}
    for name, type_ in conn.execute("SELECT name, type FROM place_types ORDER BY name, type"):
        types.setdefault(name, []).append(type_)
    return Table([{**r, "types": ",".join(types.get(r["name"], []))} for r in _rows(conn.execute(
        "SELECT name, mentions, articles, lat, lon, country FROM place_totals"
        " ORDER BY mentions DESC, name"))], PLACE_SORTS)


def _event_filter(conn: sqlite3.Connection, person: str | None, place: str | None, article_id: int | None,
                  date_from: str | None, date_to: str | None, since: int | None = None) -> tuple[str, list[Any]]:
    """WHERE clause for events: a person/place is in an event when it is a listed participant/place
    or one of its mentions lies inside the event's clause; ``since``: in the articles from that id on.

    A listed name is an entity of the event's article or (participants) the speaker of one of its
    quotations (analyse/dates/events.py), so only the events of the articles naming it are read:
    one set of event ids from indexes, not a look into every event's list."""
    where: list[str] = []
    args: list[Any] = []
    for who, types, column in ((person, ("PERSON",), "participants"), (place, PLACE_TYPES, "places")):
        if not who:
            continue
        identity = identities(conn).find(who) if types == ("PERSON",) else None
        names = person_names(conn, who) if identity else [who]
        ph = _in(names)
        cond, cargs = identity.entity_condition("en") if identity else (f"en.name IN ({ph})", names)
        # From article ``since`` on: from the first entity and quotation of that article on, a range of
        # the rowids the name indexes hold (no row read to learn its article).
        first_entity, first_quote = _first_rows(conn, since) if since is not None else (None, None)
        later = " AND id >= ?" if since is not None else ""
        speakers = f" UNION SELECT article_id FROM quotes WHERE speaker IN ({ph}){later}" \
            if column == "participants" else ""
        where.append(
            f"ev.id IN (SELECT x.id FROM entities en JOIN mentions m ON m.entity_id = en.id"
            f" JOIN events x ON x.article_id = m.article_id AND m.start >= x.start AND m.\"end\" <= x.\"end\""
            f" WHERE {cond} AND en.type IN ({_in(list(types))}){later.replace('id', 'en.id')}"
            f" UNION SELECT y.id FROM events y WHERE y.article_id IN (SELECT article_id FROM entities WHERE name IN"
            f" ({ph}){later}{speakers}) AND EXISTS (SELECT 1 FROM json_each(y.{column}) j WHERE j.value IN ({ph})))")
        after = [first_entity] if since is not None else []
        args += [*cargs, *types, *after, *names, *after, *(names + ([first_quote] if later else []) if speakers else []),
                 *names]
    if article_id is not None:
        where.append("ev.article_id = ?")
        args.append(article_id)
    if date_from or date_to:  # by interval: "2016" overlaps --from 2016-09, "199X" sorts as 1990
        from newsgraph.analyse.dates import values as timevalues

        _time_functions(conn)
        if date_from:
            where.append("ng_day_hi(ev.date) >= ?")
            args.append(timevalues.bounds(date_from)[0])
        if date_to:
            where.append("ng_day_lo(ev.date) <= ?")
            args.append(timevalues.bounds(date_to)[1])
    return (" WHERE " + " AND ".join(where)) if where else "", args


class EventFilter(TypedDict):
    """The filters ``timeline_events``, ``count_events`` and ``timeline_counts`` take, as keyword arguments."""

    person: str | None
    place: str | None
    article_id: int | None
    date_from: str | None
    date_to: str | None


def timeline_events(conn: sqlite3.Connection, *, person: str | None = None, place: str | None = None,
                    article_id: int | None = None, date_from: str | None = None, date_to: str | None = None,
                    limit: int = 500, offset: int = 0) -> list[dict[str, Any]]:
    """Dated events (undated last), filtered by a person or place taking part and by date."""
    cond, args = _event_filter(conn, person, place, article_id, date_from, date_to)
    return _event_rows(conn, cond, args, limit, offset)


def _event_rows(conn: sqlite3.Connection, cond: str, args: list[Any], limit: int, offset: int) -> list[dict[str, Any]]:
    rows = _rows(conn.execute(
        f"SELECT ev.id, ev.article_id, ev.date, ev.text, ev.start, ev.\"end\", ev.participants, ev.places,"
        f" ev.time_start, ev.time_end, ev.kind,"
        f" {ARTICLE_KEY} AS article_key, a.document, a.title, a.published FROM events ev"
        f" JOIN articles a ON a.id = ev.article_id{cond}"
        f" ORDER BY ev.date IS NULL, ev.date, ev.article_id, ev.start LIMIT ? OFFSET ?", [*args, limit, offset]))
    for r in rows:
        r["participants"] = json.loads(r["participants"])
        r["places"] = json.loads(r["places"])
    return rows


def count_events(conn: sqlite3.Connection, *, person: str | None = None, place: str | None = None,
                 article_id: int | None = None, date_from: str | None = None, date_to: str | None = None) -> int:
    """How many events ``timeline_events`` pages through with the same filters."""
    cond, args = _event_filter(conn, person, place, article_id, date_from, date_to)
    return int(conn.execute(f"SELECT count(*) FROM events ev{cond}", args).fetchone()[0])


def timeline_counts(conn: sqlite3.Connection, *, person: str | None = None, place: str | None = None,
                    article_id: int | None = None, date_from: str | None = None,
                    date_to: str | None = None) -> list[dict[str, Any]]:
    """Events per year (dates that start with a four-digit year), for a chart."""
    if not (person or place or article_id is not None or date_from or date_to):
        return _rows(conn.execute("SELECT year, events FROM event_years ORDER BY year"))  # the store's totals
    cond, args = _event_filter(conn, person, place, article_id, date_from, date_to)
    cond += (" AND" if cond else " WHERE") + " substr(ev.date, 1, 4) GLOB '[0-9][0-9][0-9][0-9]'"
    return _rows(conn.execute(
        f"SELECT substr(ev.date, 1, 4) AS year, count(*) AS events FROM events ev{cond}"
        f" GROUP BY year ORDER BY year", args))


def timeline_view(conn: sqlite3.Connection, *, limit: int = 500, offset: int = 0, since: int | None = None,
                  **filters: Any) -> tuple[list[dict[str, Any]], int, list[dict[str, Any]]]:
    """(``timeline_events``, ``count_events``, ``timeline_counts``) of the same filters (``EventFilter``),
    what a timeline page shows. A filtered set of events is found once (the three would each find
    it again), then counted, charted and paged here, in the order of ``timeline_events``. ``since``:
    a person's or place's events in the articles from that id on (``latest_articles_since``)."""
    if not any(v is not None and v != "" for v in filters.values()):  # the store's index and totals
        return (timeline_events(conn, limit=limit, offset=offset), count_events(conn),
                timeline_counts(conn))
    cond, args = _event_filter(conn, filters.get("person"), filters.get("place"), filters.get("article_id"),
                               filters.get("date_from"), filters.get("date_to"), since)
    found = conn.execute(f"SELECT ev.id, ev.date, ev.article_id, ev.start FROM events ev{cond}", args).fetchall()
    found.sort(key=lambda r: (r[1] is None, r[1] or "", r[2], r[3]))  # UTF-8 order is code point order
    years: dict[str, int] = {}
    for r in found:
        if r[1] is not None and re.match(r"[0-9]{4}", r[1]):
            years[r[1][:4]] = years.get(r[1][:4], 0) + 1
    page = [r[0] for r in found[offset:offset + limit]] if limit >= 0 else [r[0] for r in found[offset:]]
    rows = _event_rows(conn, " WHERE ev.id IN (SELECT value FROM json_each(?))", [json.dumps(page)], -1, 0)
    return rows, len(found), [{"year": y, "events": n} for y, n in sorted(years.items())]


# --- people and places (issue 4): people across articles, person lookup, merges ----------------


def find_person(conn: sqlite3.Connection, text: str) -> str | None:
    """The stored person a user means by ``text``: an exact name, else the best-known person
    whose name or alias contains it (most articles first)."""
    if " " in text.strip():  # a full name as stored; a lone "Clinton" goes to the best-known Clinton
        row = conn.execute("SELECT name FROM entities WHERE type = 'PERSON' AND name = ? LIMIT 1",
                           (text,)).fetchone()
        if row:
            return str(row[0])
    like = contains(text)
    row = conn.execute(
        "SELECT e.name, count(DISTINCT o.article_id) AS n, count(DISTINCT e.id) AS k FROM entities e"
        " LEFT JOIN entities o ON o.global_id = e.global_id"
        " WHERE e.type = 'PERSON' AND (e.name LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\')"
        " GROUP BY e.name ORDER BY (instr(e.name, ' ') > 0) DESC, n DESC, k DESC,"
        " (SELECT count(*) FROM mentions m JOIN entities x ON x.id = m.entity_id"
        "  WHERE x.name = e.name AND x.type = 'PERSON') DESC, length(e.name), e.name LIMIT 1",
        (like, like)).fetchone()
    return str(row[0]) if row else None


def person_places(conn: sqlite3.Connection, name: str, *, limit: int = 20, since: int | None = None) -> list[dict[str, Any]]:
    """Places named in the articles that name the person, with how many articles they share
    (``since``: as ``co_mentioned``)."""
    return _co_occurring(conn, name, ("GPE", "LOC"), limit, since)


def merge_list(conn: sqlite3.Connection, *, name: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Global entities joining entities of several articles, with their names and merge rules."""
    from newsgraph.store.merge import merges

    return merges(conn, name=name, limit=limit)


# --- time and timelines (issue 5): events by overlapping dates, chronological ----------------------


def _time_functions(conn: sqlite3.Connection) -> None:
    """SQL functions over time values (first/last day they cover), so "2016" overlaps "2016-09"."""
    from newsgraph.analyse.dates import values as timevalues

    conn.create_function("ng_day_lo", 1, timevalues.day_lo, deterministic=True)
    conn.create_function("ng_day_hi", 1, timevalues.day_hi, deterministic=True)


def timeline(conn: sqlite3.Connection, *, person: str | None = None, place: str | None = None,
             article_id: int | None = None, date_from: str | None = None, date_to: str | None = None,
             quotes: bool = True, limit: int = 500, offset: int = 0) -> list[dict[str, Any]]:
    """Dated events in chronological order, kept when their interval overlaps [date_from, date_to].

    ``kind`` of each row: "quote" for a quotation's event, else "event"; ``quotes=False`` leaves
    quotations out.  Dates are any time value ("2016", "2016-09", "2016-09-11", "199X"): an event dated "2016"
    is inside ``--from 2016-09``; a decade sorts at its first year.  ``ValueError`` on a bad date.
    """

    _time_functions(conn)
    cond, args = _event_filter(conn, person, place, article_id, date_from, date_to)
    where = [cond.removeprefix(" WHERE ")] if cond else []
    where.append("ev.date IS NOT NULL")
    if not quotes:
        where.append("ev.kind != 'quote'")
    rows = _rows(conn.execute(
        "SELECT ev.id, ev.article_id, ev.date, ev.text, ev.start, ev.\"end\", ev.participants, ev.places,"
        " ev.time_start, ev.time_end, ev.kind,"
        f" {ARTICLE_KEY} AS article_key, a.document, a.title, a.published FROM events ev"
        " JOIN articles a ON a.id = ev.article_id"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY ng_day_lo(ev.date), ng_day_hi(ev.date), ev.article_id, ev.start LIMIT ? OFFSET ?",
        [*args, limit, offset]))
    for r in rows:
        r["participants"] = json.loads(r["participants"])
        r["places"] = json.loads(r["places"])
    return rows


def time_expressions(conn: sqlite3.Connection, *, article_id: int | None = None, how: str | None = None,
                     limit: int = 1000) -> list[dict[str, Any]]:
    """Time expressions as found (value NULL when unresolved), by article and position."""
    where: list[str] = []
    args: list[Any] = []
    if article_id is not None:
        where.append("t.article_id = ?")
        args.append(article_id)
    if how:
        where.append("t.how = ?")
        args.append(how)
    sql = ("SELECT t.article_id, t.start, t.\"end\", t.text, t.value, t.how, a.document FROM times t"
           " JOIN articles a ON a.id = t.article_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    return _rows(conn.execute(sql + " ORDER BY t.article_id, t.start LIMIT ?", [*args, limit]))
