"""The search syntax, one parser for the web page, the API and the CLI.

What a user types means what it says:

* ``war`` is the whole word (not "warned"); ``war*`` is every word starting with "war";
* ``"prime minister"`` is the words in that order, side by side (``"prime min"*`` a phrase prefix);
* words are all required (AND); ``Blair OR Brown`` is either, and OR binds its two neighbours
  only: ``Blair OR Brown war`` is (Blair or Brown) and war;
* case never matters; an unaccented letter matches any accent ("Pena" finds "Peña" and "Pena"),
  but a typed accent is kept ("Peña" does not find "Pena", nor "penalties").

A word is what SQLite's ``unicode61`` tokenizer makes a token (letters, digits, combining marks),
so ``Seung-min`` or ``3.5`` are two-word phrases, as in the index. The store keeps two FTS5
indexes per searchable table: one with accents removed (every search) and one with accents
kept (consulted only for the terms typed with an accent); see store/schema.sql.

Anything typed parses: stray quotes, asterisks and operators are ignored, never an FTS5 syntax
error. `SearchQuery.matches` and `SearchQuery.highlight` apply the same rules in Python to
mark the matched words in a quotation or an article sentence.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

MAX_TERMS = 32
"""Terms beyond this are ignored: a pasted paragraph must not make a query with hundreds of MATCHes."""


@functools.cache
def _marks() -> tuple[str, str]:
    """Character-class bodies: combining marks (Mn), and private-use characters (Co) of the BMP."""
    mn, co = [], []
    for c in range(0x30000):
        cat = unicodedata.category(chr(c))
        if cat == "Mn":
            mn.append(re.escape(chr(c)))
        elif cat == "Co" and c < 0x10000:
            co.append(re.escape(chr(c)))
    return "".join(mn), "".join(co)


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    """unicode61's token characters: letters and numbers (``\\w`` less ``_``, split off after), combining
    marks, private use. One character class: a regex alternation per character is ten times slower."""
    mn, co = _marks()
    return re.compile(f"[\\w{mn}{co}\U000f0000-\U0010fffd]+")


@functools.cache
def _mark_pattern() -> re.Pattern[str]:
    return re.compile(f"[{_marks()[0]}]+")


def tokens(text: str) -> list[tuple[int, int]]:
    """Spans of the words of ``text`` as the FTS5 index splits it."""
    out = []
    for m in _token_pattern().finditer(text):
        if "_" not in m.group():
            out.append(m.span())
            continue
        base = m.start()
        out += [(base + p.start(), base + p.end()) for p in re.finditer(r"[^_]+", m.group())]
    return out


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case, accents removed (as ``remove_diacritics 2``): "Peña" -> "pena"."""
    return _mark_pattern().sub("", unicodedata.normalize("NFD", word.lower()))


@functools.lru_cache(maxsize=65536)
def _exact(word: str) -> str:
    return unicodedata.normalize("NFC", word.lower())


Words = list[tuple[int, int, str, str]]
"""A text's words: (start, end, lower case, lower case without accents)."""


def words_of(text: str) -> Words:
    return [(s, e, _exact(text[s:e]), fold(text[s:e])) for s, e in tokens(text)]


@dataclass(frozen=True)
class Term:
    """One word or phrase; ``prefix``: its last word may continue ("war*")."""

    words: tuple[str, ...]
    prefix: bool = False

    @property
    def accented(self) -> bool:
        """Typed with an accent: matched against the accent-keeping index."""
        return any(fold(w) != _exact(w) for w in self.words)

    def fts(self) -> str:
        """The FTS5 phrase (words are token characters only, so no quoting problem)."""
        return '"' + " ".join(_exact(w) for w in self.words) + '"' + ("*" if self.prefix else "")

    def __str__(self) -> str:
        text = " ".join(self.words)
        # quoted when a phrase, or a word that would read back as an operator ("OR" searched for)
        text = f'"{text}"' if len(self.words) > 1 or text in ("OR", "AND") else text
        return text + ("*" if self.prefix else "")

    @functools.cached_property
    def forms(self) -> tuple[str, ...]:
        """The words as compared: lower case, and without accents unless typed with one."""
        return tuple(_exact(w) if self.accented else fold(w) for w in self.words)

    def spans_in(self, words: Words) -> list[tuple[int, int]]:
        """Where the term occurs among a text's ``words``."""
        forms, n = self.forms, len(self.words)
        out = []
        for i in range(len(words) - n + 1):
            ok = True
            for k in range(n):
                theirs = words[i + k][2] if self.accented else words[i + k][3]
                if not (theirs.startswith(forms[k]) if self.prefix and k == n - 1 else theirs == forms[k]):
                    ok = False
                    break
            if ok:
                out.append((words[i][0], words[i + n - 1][1]))
        return out


@dataclass(frozen=True)
class SearchQuery:
    """All of ``groups`` must match; a group matches when any of its terms does."""

    groups: tuple[tuple[Term, ...], ...]

    def __bool__(self) -> bool:
        return bool(self.groups)

    def __str__(self) -> str:
        """The query written back in the syntax (normalised: the form a link should carry)."""
        return " ".join(" OR ".join(str(t) for t in g) for g in self.groups)

    def fts(self, *, column: str | None = None) -> str:
        """The FTS5 expression for the accent-free index: necessary for a match, and sufficient
        when no term carries an accent (see `exact_checks`)."""
        expr = " AND ".join("(" + " OR ".join(t.fts() for t in g) + ")" for g in self.groups)
        return f"{{{column}}} : ({expr})" if column else expr

    def exact_checks(self, *, column: str | None = None) -> list[tuple[str | None, str | None]]:
        """Per group with an accented term: (expression for the accent-keeping index, expression
        for the accent-free index) of which one must match; None where the group has no such term."""
        out = []
        for g in self.groups:
            if not any(t.accented for t in g):
                continue
            exact = " OR ".join(t.fts() for t in g if t.accented)
            plain = " OR ".join(t.fts() for t in g if not t.accented) or None
            wrap = (lambda e: f"{{{column}}} : ({e})") if column else (lambda e: e)
            out.append((wrap(exact), wrap(plain) if plain else None))
        return out

    def terms(self) -> list[Term]:
        return [t for g in self.groups for t in g]

    def highlight(self, text: str) -> list[tuple[int, int]]:
        """The matched words of ``text``, as sorted non-overlapping [start, end) spans."""
        words = words_of(text)
        spans = sorted(s for t in self.terms() for s in t.spans_in(words))
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        return merged

    def matches(self, text: str) -> bool:
        """Whether ``text`` (one field) matches, by the same rules as the index."""
        words = words_of(text)
        return bool(self.groups) and all(any(t.spans_in(words) for t in g) for g in self.groups)


_CHUNK = re.compile(r'"([^"]*)("?)(\*?)|([^\s"]+)')


def parse(text: str | None) -> SearchQuery:
    """The user's search ``text`` as a query; an empty query when it holds no word."""
    text = unicodedata.normalize("NFC", text or "")
    groups: list[list[Term]] = []
    pending_or = False
    for m in _CHUNK.finditer(text):
        if m.group(4) is not None:
            chunk = m.group(4)
            if chunk == "OR":
                pending_or = bool(groups)
                continue
            if chunk == "AND":
                continue
            spans = tokens(chunk)
            prefix = bool(spans) and chunk[spans[-1][1]:spans[-1][1] + 1] == "*"
        else:
            chunk = m.group(1)
            spans = tokens(chunk)
            prefix = bool(m.group(3)) and bool(m.group(2))
        if not spans:
            continue
        term = Term(tuple(chunk[s:e] for s, e in spans), prefix)
        if pending_or:
            groups[-1].append(term)
        elif len(groups) < MAX_TERMS:
            groups.append([term])
        pending_or = False
    return SearchQuery(tuple(tuple(dict.fromkeys(g)) for g in groups))


def fts_condition(query: SearchQuery, rowid: str, index: str, exact_index: str,
                  column: str | None = None, latest: int | None = None, seek: bool = False) -> tuple[str, list[Any]]:
    """SQL (with its arguments) keeping the rows whose ``rowid`` matches ``query``: the accent-free
    ``index`` first, then ``exact_index`` for the terms typed with an accent. ``latest``: only among
    the index's ``latest`` matches of highest rowid (the latest ingested; FTS5 reads them in that
    order, so a sample of a search matching a large share of the store costs what a small one does).
    ``seek``: each row looked up in ``index`` by its rowid, rather than in the set of all the index's
    matches built first (which costs every match: the cheaper for rows checked one by one against a
    search matching many of them)."""
    if seek and latest is None:
        sql = [f"EXISTS (SELECT 1 FROM {index} WHERE {index} MATCH ? AND {index}.rowid = {rowid})"]
        args: list[Any] = [query.fts(column=column)]
    elif latest is None:
        sql = [f"{rowid} IN (SELECT rowid FROM {index} WHERE {index} MATCH ?)"]
        args = [query.fts(column=column)]
    else:
        sql = [f"{rowid} IN (SELECT rowid FROM {index} WHERE {index} MATCH ? ORDER BY rowid DESC LIMIT ?)"]
        args = [query.fts(column=column), latest]
    sql_exact, args_exact = exact_condition(query, rowid, index, exact_index, column)
    return " AND ".join(sql + sql_exact), args + args_exact


def exact_condition(query: SearchQuery, rowid: str, index: str, exact_index: str,
                    column: str | None = None) -> tuple[list[str], list[Any]]:
    """The accent checks alone (for a query that already joins ``index`` on its MATCH)."""
    sql: list[str] = []
    args: list[Any] = []
    for exact, plain in query.exact_checks(column=column):
        either = [f"{rowid} IN (SELECT rowid FROM {exact_index} WHERE {exact_index} MATCH ?)"]
        args.append(exact)
        if plain:
            either.append(f"{rowid} IN (SELECT rowid FROM {index} WHERE {index} MATCH ?)")
            args.append(plain)
        sql.append("(" + " OR ".join(either) + ")")
    return sql, args


SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n\s*")
SNIPPET_MAX = 320


def snippet(text: str, query: SearchQuery) -> dict[str, Any] | None:
    """The first sentence of ``text`` with a match: ``{"text", "start", "highlights"}`` (``start``
    its offset in ``text``, highlights relative to the sentence); None when no sentence matches.
    A very long sentence is cut around the match. Sentences are tested by a substring first, so
    only the matching one is read word by word (an article page lists fifty of these)."""
    needles = {t.forms[0] for t in query.terms()}
    lo = 0
    for end in [*(m for m in SENTENCE_END.finditer(text)), None]:
        hi = len(text) if end is None else (end.start() + 1 if text[end.start()] in ".!?" else end.start())
        sentence = text[lo:hi]
        lower = sentence.lower()
        plain = lower if lower.isascii() else fold(lower)
        if any(n in lower or n in plain for n in needles):
            spans = query.highlight(sentence)
            if spans:
                return _cut(sentence, lo, spans)
        lo = end.end() if end is not None else lo
    return None


def _cut(sentence: str, start: int, spans: list[tuple[int, int]]) -> dict[str, Any]:
    """The sentence (at ``start`` in its text), cut to ``SNIPPET_MAX`` around its first match."""
    lo, hi = 0, len(sentence)
    if hi > SNIPPET_MAX:
        lo = max(0, spans[0][0] - SNIPPET_MAX // 2)
        hi = min(hi, lo + SNIPPET_MAX)
    return {"text": sentence[lo:hi], "start": start + lo,
            "highlights": [[s - lo, e - lo] for s, e in spans if s >= lo and e <= hi]}


def marked(text: str, highlights: list[list[int]] | list[tuple[int, int]]) -> str:
    """``text`` with each highlight in ``[[`` ``]]`` (the API's ``highlighted`` and the CLI's form)."""
    out, pos = [], 0
    for s, e in highlights:
        out += [text[pos:s], "[[", text[s:e], "]]"]
        pos = e
    return "".join(out) + text[pos:]
