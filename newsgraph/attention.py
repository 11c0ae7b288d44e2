"""Attention over time: articles and quotations per week, month or year, for a person, a place or a
search (MediaCloud's attention chart), on the publication date of the articles.

* a person (identity.py, every merged name): the articles naming them, and their own quotations;
* a place: the articles naming it, and the quotations in those articles;
* a search (search.py syntax): the articles whose text matches, and the quotations that match.

A person or a place alone is read from the totals ingest keeps (store/schema.sql ``attention_tally``,
schema 7), and so is a search of one word by month or year (``word_tally``, schema 8): every article
counted, at the cost of a few rows per period. Any other search (a phrase, OR, a prefix, an accent, a
word the tally cannot spell as the index does, by week), or a person and a place together, is counted
in the rows themselves, on a sample when it is common (``SAMPLE``).
Articles with no publication date cannot be placed in time; they are counted in ``undated``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from newsgraph import query
from newsgraph.identity import lookup
from newsgraph.model import PLACE_TYPES
from newsgraph.search import SearchQuery, exact_condition, parse

UNITS = ("week", "month", "year")
PERIOD_SQL = {
    "week": "date(a.published, 'weekday 0', '-6 days')",  # the Monday of its week (as attention_delta's)
    "month": "substr(a.published, 1, 7)",
    "year": "substr(a.published, 1, 4)",
}
DATES = "articles a INDEXED BY articles_dates"
"""The articles' dates read from an index (id, published), not from rows that hold the whole text."""
QUOTE_ARTICLES = "quotes q INDEXED BY quotes_article_of"
"""A search's matching quotations' articles read from an index (id, article_id), not from their rows."""
KEPT_PERIOD_SQL = {"week": "week", "month": "month", "year": "substr(month, 1, 4)"}
"""The same periods in ``attention_tally`` ('' for an article without a date)."""

SAMPLE = query.SAMPLE
"""A search (or a person and a place together) in more articles than this is charted on its ``SAMPLE``
latest-ingested articles (and the quotations in them; a search: its ``SAMPLE`` latest matching
quotations), read through the indexes in ingest order: a chart costs the same at any store size,
and says it is a sample (``"sample"``), as the search page's counts of a common word do."""


Selection = tuple[str, list[Any], str, list[Any], bool]
"""(SELECT of the periods of articles ``a``, args, of quotations ``q`` in ``a``, args, sampled)."""


def _selection(conn: sqlite3.Connection, person: str | None, place: str | None, search: str | None,
               period: str) -> Selection:
    """Each selector bounded to its ``SAMPLE`` latest-ingested rows (sampled when one had more). A
    search drives: its latest matches read in the index, each joined to its row's period (through
    indexes only, unless a person's quotations must be checked by their speaker)."""
    a_from, q_from = DATES, f"quotes q JOIN {DATES} ON a.id = q.article_id"
    a_from_args: list[Any] = []
    q_from_args: list[Any] = []
    arts: list[str] = []
    quotes: list[str] = []
    a_args: list[Any] = []
    q_args: list[Any] = []
    sampled = False

    def latest(sql: str, args: list[Any]) -> tuple[str, list[Any]]:
        """``sql`` (a SELECT of ids newest first) bounded to ``SAMPLE``; notes when it had more."""
        nonlocal sampled
        sampled = sampled or conn.execute(f"SELECT count(*) FROM ({sql} LIMIT ?)", [*args, SAMPLE + 1]
                                          ).fetchone()[0] > SAMPLE
        return f"{sql} LIMIT ?", [*args, SAMPLE]

    nothing: Selection = ("SELECT NULL, 0 WHERE 0", [], "SELECT NULL, 0 WHERE 0", [], False)
    if person:
        who = lookup(conn, person)
        if who is None:
            return nothing
        cond, args = who.entity_condition("e")
        named, named_args = latest(f"SELECT e.article_id FROM entities e WHERE {cond} ORDER BY e.id DESC", args)
        arts.append(f"a.id IN ({named})")
        a_args += named_args
        cond, args = who.quote_condition("+q")  # "+": the articles drive, each one's quotations are checked
        quotes.append(f"{cond} AND q.article_id IN ({named})")  # their quotations in those articles
        q_args += [*args, *named_args]
    if place:
        named, args = latest("SELECT article_id FROM entities WHERE name = ? AND type IN"
                             f" ({','.join('?' * len(PLACE_TYPES))}) ORDER BY id DESC", [place, *PLACE_TYPES])
        arts.append(f"a.id IN ({named})")
        quotes.append(f"q.article_id IN ({named})")
        a_args += args
        q_args += args
    if search:
        sq = parse(search)
        if not sq:
            return nothing
        driver = "(SELECT rowid AS id FROM {0} WHERE {0} MATCH ? ORDER BY rowid DESC LIMIT ?) m CROSS JOIN"
        a_from = f"{driver.format('articles_fts')} {DATES} ON a.id = m.id"
        a_from_args = [sq.fts(), SAMPLE]
        sampled = sampled or _more_than_sample(conn, sq.fts(), "articles_fts")
        cond_list, args = exact_condition(sq, "a.id", "articles_fts", "articles_fts_exact")
        arts += cond_list
        a_args += args
        q_from = (f"{driver.format('quotes_fts')} {'quotes q' if person else QUOTE_ARTICLES} ON q.id = m.id"
                  f" CROSS JOIN {DATES} ON a.id = q.article_id")
        q_from_args = [sq.fts(column="content"), SAMPLE]
        sampled = sampled or _more_than_sample(conn, sq.fts(column="content"), "quotes_fts")
        cond_list, args = exact_condition(sq, "q.id", "quotes_fts", "quotes_fts_exact", "content")
        quotes += cond_list
        q_args += args
    return (f"SELECT {period}, count(*) FROM {a_from} WHERE {' AND '.join(arts) or '1'} GROUP BY 1",
            [*a_from_args, *a_args],
            f"SELECT {period}, count(*) FROM {q_from} WHERE {' AND '.join(quotes) or '1'} GROUP BY 1",
            [*q_from_args, *q_args], sampled)


def _more_than_sample(conn: sqlite3.Connection, match: str, index: str) -> bool:
    return bool(conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {index} WHERE {index} MATCH ? LIMIT ?)",
                             (match, SAMPLE + 1)).fetchone()[0] > SAMPLE)


def attention(conn: sqlite3.Connection, *, person: str | None = None, place: str | None = None,
              search: str | None = None, unit: str = "month") -> dict[str, Any]:
    """``{"unit", "periods": [{"period", "articles", "quotes"}], "undated": {"articles", "quotes"}, "sample"}``;
    every period from the first to the last is listed, empty ones with zeros (a gap in attention is
    information). ``period`` is "2016-09" (month), "2016" (year) or the Monday "2016-09-12" (week).
    ``sample``: ``SAMPLE`` when the counts are of the latest ``SAMPLE`` articles (or matching
    quotations) only, else None."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r} (choose from {', '.join(UNITS)})")
    counts: dict[str, dict[str, int]] = {}
    undated = {"articles": 0, "quotes": 0}
    sampled = False
    word = tallied_word(parse(search)) if search and not person and not place and unit != "week" else None
    if (bool(person) != bool(place) and not search) or word:
        key = word or _kept_key(conn, person, place)
        table = "word_tally WHERE word = ?" if word else "attention_tally WHERE key = ?"
        rows = conn.execute(f"SELECT {KEPT_PERIOD_SQL[unit]}, sum(articles), sum(quotes) FROM {table} GROUP BY 1",
                            (key,)).fetchall() if key else []
        for p, articles, quotes in rows:
            if p == "":
                undated = {"articles": articles, "quotes": quotes}
            else:
                counts[p] = {"articles": articles, "quotes": quotes}
    else:
        a_sql, a_args, q_sql, q_args, sampled = _selection(conn, person, place, search, PERIOD_SQL[unit])
        for what, sql, args in (("articles", a_sql, a_args), ("quotes", q_sql, q_args)):
            for p, n in conn.execute(sql, args):
                if p is None:
                    undated[what] = n
                else:
                    counts.setdefault(p, {"articles": 0, "quotes": 0})[what] = n
    return {"unit": unit, "periods": [{"period": p, **counts.get(p, {"articles": 0, "quotes": 0})}
                                      for p in fill(sorted(counts), unit)], "undated": undated,
            "sample": SAMPLE if sampled else None}


def tallied_word(query: SearchQuery) -> str | None:
    """The word ``word_tally`` counts ``query`` by, when it is one whole word with neither accent nor
    prefix, in ASCII letters and digits (which unicode61 keeps whole and only lower-cases, so the
    tally's spelling is the index's); None: the query is counted in the rows."""
    if len(query.groups) != 1 or len(query.groups[0]) != 1:
        return None
    term = query.groups[0][0]
    word = term.forms[0] if len(term.words) == 1 and not term.prefix else ""
    return word if word.isascii() and word.isalnum() and not term.accented else None


def _kept_key(conn: sqlite3.Connection, person: str | None, place: str | None) -> str | None:
    """The key of ``attention_tally`` for a person (their identity's) or a place; None: nobody of that name."""
    if place:
        return "p" + place
    who = lookup(conn, person or "")
    return who.key if who else None


def fill(periods: list[str], unit: str) -> list[str]:
    """Every period from the first to the last of ``periods`` (sorted), the empty ones included;
    values that are not dates (a malformed publication date) are kept as they are, after the rest."""
    good = [p for p in periods if _parse(p, unit) is not None]
    if not good:
        return periods
    out: list[str] = []
    cur, last = _parse(good[0], unit), _parse(good[-1], unit)
    while cur is not None and last is not None and cur <= last and len(out) < 5000:
        out.append(_label(cur, unit))
        cur = _next(cur, unit)
    return out + [p for p in periods if p not in good]


def _parse(p: str, unit: str) -> dt.date | None:
    try:
        if unit == "year":
            return dt.date(int(p), 1, 1)
        if unit == "month":
            return dt.date(int(p[:4]), int(p[5:7]), 1) if len(p) == 7 else None
        return dt.date.fromisoformat(p)
    except ValueError:
        return None


def _next(d: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return d + dt.timedelta(days=7)
    if unit == "month":
        return dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return dt.date(d.year + 1, 1, 1)


def _label(d: dt.date, unit: str) -> str:
    return {"week": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}[unit]
