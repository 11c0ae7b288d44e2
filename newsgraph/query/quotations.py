"""Quotations: lists in several orders (walked article by article where that pays), counts, facets."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any, TypedDict

from newsgraph.identity import identities, lookup
from newsgraph.query.common import ARTICLE_KEY, FACET_SIZE, and_where, contains, dict_rows, published_between
from newsgraph.query.sampling import fts_count, search_sample
from newsgraph.render import lead_in
from newsgraph.search import SearchQuery, exact_condition, fts_condition, marked, parse
from newsgraph.tables import per_store
from newsgraph.who_is_quoted import SPEAKER_TYPE_SQL, gender_condition, genders

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
    sample: int | None = None, by_person: bool = False, seek: bool = False,
) -> tuple[str, str, list[Any]]:
    """FROM and WHERE (with their arguments) shared by ``quotes`` and ``count_quotes``. ``person``:
    the quotations of one identity (all their names; none for a name no one has). ``act``:
    "speech", "thought" or "other" (None or "all": every act, rows stored before acts included).
    ``unattributed``: the quotations whose speaker was not found, "hide" them, show "only" them, or
    "include" them (None). ``by_article``: the articles in date order drive the query (``BY_ARTICLE``), the other
    conditions only check; ``ranked``: the search joins the index, for its rank (``f.rank``);
    ``sample``: only the search's ``sample`` latest-ingested matches (``search_sample``); ``by_person``
    (with ``by_article``): the articles quoting ``person`` drive the query (``BY_SPEAKER_ARTICLE``);
    ``seek`` (with ``by_article``): each walked quotation is looked up in the search's index, rather
    than in the set of all its matches built first (``search.fts_condition``)."""
    where: list[str] = []
    args: list[Any] = []
    check = "+" if by_article else ""  # a unary + keeps SQLite from reading the quotations by that column
    if act and act != "all":
        where.append(f"{check}q.act = ?")
        args.append(act)
    if unattributed in ("hide", "only"):
        where.append(f"{check}q.speaker IS {'NOT ' if unattributed == 'hide' else ''}NULL")
    if person:
        who = lookup(conn, person)
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
        args.append(lookup(conn, person).key)  # type: ignore[union-attr]  # by_person: someone found
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
            cond, cargs = fts_condition(sq, f"{check}q.id", "quotes_fts", "quotes_fts_exact", "content", sample,
                                        seek=seek and by_article)
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
    published_between(where, args, date_from, date_to)
    return frm, (" WHERE " + " AND ".join(where)) if where else "", args


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
    matches = walk_from = seek_from = 0
    if sq and limit >= 0:  # the matches, about, to decide the plan
        walk_from, seek_from = _walk_pays(conn, offset + limit), _seek_pays(conn, offset + limit)
        matches = _matches_about(conn, sq)
    by_article = order != "speaker" and not ranked and article_id is None and (
        _many_quotes_named(conn, speaker, offset + limit) and not (person or sq) if speaker else
        _many_quotes_of(conn, person, offset + limit) if person else
        not sq or (limit >= 0 and matches >= walk_from))
    by_article = by_article and not (person and sq)
    # A search matching a large share walked by date: each quotation looked up in the index (a few
    # hundred seeks) instead of first building the set of every match (``_seek_pays``).
    seek = by_article and bool(sq) and matches >= seek_from
    # Someone's quotations by date: the articles quoting them, newest first (speaker_articles_newest).
    who = lookup(conn, person) if person else None
    by_person = who is not None and order == "newest" and not sq and not speaker and article_id is None
    frm, where, args = _quote_filter(conn, search=search, speaker=speaker, person=person, article_id=article_id,
                                     kind=kind, outlet=outlet, date_from=date_from, date_to=date_to,
                                     speaker_type=speaker_type, gender=gender, act=act,
                                     unattributed=unattributed, by_article=by_article or by_person, ranked=ranked,
                                     by_person=by_person, seek=seek)
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
        where, args = and_where(where, args, *_after(after, *sort.split(", ")[:2]))
        offset = 0
    sql = f"SELECT {select} FROM {frm}{where} ORDER BY {sort} LIMIT ? OFFSET ?"
    rows = dict_rows(conn.execute(sql, [*args, limit, offset]))
    for r in rows:
        r["spans"] = json.loads(r["spans"])
    _with_parents(conn, rows)
    add_cue_words(conn, rows)
    if sq:
        _highlight(rows, sq)
    return rows


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


SEEK_FACTOR = 45
"""``_seek_pays``'s constant, measured at a million quotations (a page of 50 quotations of "we", 71,767
matches: 32 ms through the set of matches, 11 by seeks; "said", 11,094: 17 against 45; about even
at 30,000 to 50,000)."""


def _seek_pays(conn: sqlite3.Connection, rows: int) -> int:
    """The matches above which a search's page walked by date (``_walk_pays``) is cheaper to find by
    looking up each walked quotation in the index than by building the set of all matches first:
    the walk reads about rows * quotations / matches quotations, each a seek costing some tens of
    times what one member of the set does, so seeks pay from about sqrt(SEEK_FACTOR * rows * quotations)."""
    total = int(conn.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0])  # about the count, by index
    return int((SEEK_FACTOR * rows * total) ** 0.5) + 1


def _matches_about(conn: sqlite3.Connection, sq: SearchQuery) -> int:
    """A search's matches in the quotations' text, as ``fts_count`` gives them (exact up to ``SAMPLE``,
    beyond that estimated from its ``SAMPLE`` latest matches): what decides the plan, at the cost of
    2,000 matches however common the words. Counting up to the plan's thresholds read up to 47,000
    ("we" at a million quotations: 1.7 to 3.9 ms of CPU, against 0.1); the plans give the same rows,
    so an estimate a little off near a threshold only costs a little time."""
    return fts_count(conn, sq, "quotes_fts", column="content")[0]


def _many_quotes_of(conn: sqlite3.Connection, person: str, rows: int) -> bool:
    """Whether a person's page of quotations is cheaper to walk to (``_walk_pays``): the most quoted,
    counted in the totals."""
    who = lookup(conn, person)
    return rows >= 0 and who is not None and who.quotes >= _walk_pays(conn, rows)


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


def narrowing(filters: dict[str, Any]) -> dict[str, Any]:
    """The filters that leave quotations out: given, and not a value meaning "every" (``act="all"``,
    ``unattributed="include"``)."""
    return {k: v for k, v in filters.items() if v is not None and v != "" and not (k == "act" and v == "all")
            and not (k == "unattributed" and v == "include")}


def count_quotes_about(conn: sqlite3.Connection, facets: dict[str, list[dict[str, Any]]] | None = None,
                       **filters: Any) -> tuple[int, bool]:
    """(``count_quotes``, True) when that is cheap, else (an estimate, False): a search matching more
    than ``SAMPLE`` quotations, with other filters, is the index's count of its matches times the
    share of its ``SAMPLE`` latest-ingested matches the other filters keep; a search alone is counted
    in its index (``fts_count``: estimated there too beyond ``SAMPLE`` matches). ``facets``: the
    ``quote_facets`` of the same filters and sample, when the caller has them (a page keeps them in
    its cache): the sample's kept quotations are their kinds' sum, not counted again."""
    sq = parse(filters.get("search")) if filters.get("search") else None
    if not sq:
        return count_quotes(conn, **filters), True
    others = {k: v for k, v in narrowing(filters).items() if k != "search"}
    if not others and not sq.exact_checks():
        return fts_count(conn, sq, "quotes_fts", column="content")
    sample = search_sample(conn, filters["search"])
    if sample is None:
        return count_quotes(conn, **filters), True
    kept = sum(f["count"] for f in facets["kind"]) if facets is not None \
        else count_quotes(conn, sample=sample, **filters)
    total, _ = fts_count(conn, sq, "quotes_fts", column="content")
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
        who = lookup(conn, given.pop("person"))
        if who is None:
            return None
        given = {"speaker_key": who.key, **given}
    where = [TALLY_UNATTRIBUTED[v] if k == "unattributed" else f"{TALLY_FILTERS.get(k, k)} = ?"
             for k, v in given.items()]
    args = [v for k, v in given.items() if k != "unattributed"]
    return (" WHERE " + " AND ".join(where)) if where else "", args
