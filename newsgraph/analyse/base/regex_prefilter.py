"""Cheap literal tests that tell when a compiled regex cannot match a text, so it is not run.

Why: Python's ``re`` tries a pattern at every position of the text; a pattern that opens
with a look-behind or an alternation of words gets no fast skip, so thirty of them cost
milliseconds per article even where none of their words occurs.  ``requirement`` reads the
parsed pattern once and returns what every match must contain, as and/or of literal words
(e.g. the "3 weeks ago" pattern: a unit word *and* "ago" or "from … now"); ``Prefilter``
checks the words with ``in``, which is memchr fast.  ``check_core`` vouches for a piece of a
pattern (its "core") that every match contains, so that searching for the core alone is a
second such test, and ``first_class`` the characters every match starts with (a look-ahead
for them spares ``re`` trying case-insensitive alternatives at every word).  The tests are
only ever necessary conditions: when they pass, the regex runs as before, so the matches
are the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]  # see below
from re import _parser  # type: ignore[attr-defined]  # see below
from typing import Any, NamedTuple

# re's parser is the only way to a pattern's parse tree; typeshed does not list it, and its public
# names before 3.11 (sre_constants, sre_parse) warn on import since.

_FOLD_EXTRA = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})
"""Characters ``re.IGNORECASE`` matches to an ASCII letter that ``str.lower`` does not map to
it: dotless i, long s, and the combining dot ``"İ".lower()`` leaves after its "i"."""


def fold(text: str) -> str:
    """Lower-cased ``text`` in which every case-insensitive match of an ASCII letter shows as that letter."""
    low = text.lower()
    if "ı" in low or "ſ" in low or "\u0307" in low:
        low = low.translate(_FOLD_EXTRA)
    return low


class Word(NamedTuple):
    """A literal every match contains: as written (``cased``) or in any case."""

    text: str
    cased: bool

    def covers(self, other: Word) -> bool:
        """True when a text with ``other`` has this word too (so ``other`` adds nothing to an any-of)."""
        if self.cased:
            return other.cased and self.text in other.text
        return self.text in other.text.lower()


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Requirement, ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Requirement, ...]


Requirement = Word | AllOf | AnyOf
ALWAYS = AllOf(())
"""No literal is certain: the pattern must always run."""


@dataclass(frozen=True)
class _Exact:
    """A piece of pattern that matches one of ``strings`` exactly, whitespace runs written as one
    space; in any case (``strings`` then in lower case) unless ``cased``.  ``loose``: what its
    alternations and look-arounds need, fewer words to test than the strings (tested first)."""

    strings: frozenset[str]
    cased: bool
    loose: tuple[Requirement, ...] = ()


_SPACE = _Exact(frozenset({" "}), True)
_EMPTY = _Exact(frozenset({""}), True)
_MAX_STRINGS = 16
"""Phrases are spelt out ("the day before", "the week after" …) up to this many per piece: each
one absent from a text costs a scan of it."""


def _caseless_safe(ch: str) -> bool:
    """ASCII, or a character without case (’, £): ``fold`` shows every case-insensitive match of it."""
    return ch.isascii() or ch.lower() == ch.upper() == ch


def _uncased(piece: _Exact) -> _Exact | None:
    """``piece`` in lower case, to join a case-insensitive one; None where lowering is not exact."""
    if not piece.cased:
        return piece
    if not all(_caseless_safe(ch) for s in piece.strings for ch in s):
        return None
    return _Exact(frozenset(s.lower() for s in piece.strings), False, piece.loose)


def _join(a: _Exact, b: _Exact) -> _Exact | None:
    """``a`` then ``b`` as one piece, or None when that spells out too many strings."""
    if len(a.strings) * len(b.strings) > _MAX_STRINGS:
        return None
    if a.cased != b.cased:
        ua, ub = _uncased(a), _uncased(b)
        if ua is None or ub is None:
            return None
        a, b = ua, ub
    strings = frozenset(re.sub(r"\s+", " ", x + y) for x in a.strings for y in b.strings)
    return _Exact(strings, a.cased, _loose(a) + _loose(b))


def _loose(piece: _Exact) -> tuple[Requirement, ...]:
    """The tests a piece passes on to a phrase it is part of: its own words if it is an alternation."""
    return (_need(piece),) if len(piece.strings) > 1 else piece.loose


def _union(pieces: list[_Exact | Requirement]) -> _Exact | Requirement:
    """What an alternation needs: the alternatives' strings together, else any of their needs."""
    exact = [p for p in pieces if isinstance(p, _Exact)]
    if len(exact) == len(pieces) and sum(len(p.strings) for p in exact) <= 4 * _MAX_STRINGS:
        if all(p.cased for p in exact):
            return _Exact(frozenset().union(*(p.strings for p in exact)), True)
        lowered = [_uncased(p) for p in exact]
        if all(lowered):
            return _Exact(frozenset().union(*(p.strings for p in lowered if p)), False)
    return _any([_need(p) for p in pieces])


def _need(piece: _Exact | Requirement) -> Requirement:
    """What a text must contain for ``piece`` to match in it."""
    if not isinstance(piece, _Exact):
        return piece
    words: list[Requirement] = []
    for s in sorted(piece.strings):
        s = s.strip()  # the text around may have other whitespace
        if not s:
            return ALWAYS
        if " " in s and piece.cased:  # phrases are looked up in the folded text, with spaces normalised
            if all(_caseless_safe(ch) for ch in s):
                words.append(Word(s.lower(), False))
            else:
                words.append(Word(max(s.split(" "), key=len), True))
        else:
            words.append(Word(s, piece.cased))
    return _all([_any(words), *piece.loose])


def _all(parts: list[Requirement]) -> Requirement:
    flat: list[Requirement] = []
    for p in parts:
        flat.extend(p.parts if isinstance(p, AllOf) else (p,))
    flat = sorted(set(flat), key=_cost)  # the few-word tests first: most texts fail one of them
    return flat[0] if len(flat) == 1 else AllOf(tuple(flat))


def _cost(need: Requirement) -> int:
    """How many words testing ``need`` may take."""
    return 1 if isinstance(need, Word) else sum(map(_cost, need.parts))


def _any(parts: list[Requirement]) -> Requirement:
    """Any of ``parts``, without the words another of its words implies ("Jan" makes "January" moot)."""
    flat: list[Requirement] = []
    for p in parts:
        if p == ALWAYS:
            return ALWAYS
        flat.extend(p.parts if isinstance(p, AnyOf) else (p,))
    words = [p for p in flat if isinstance(p, Word)]
    kept = [p for p in flat if not isinstance(p, Word) or not any(
        w.covers(p) and (w != p or words.index(w) < words.index(p)) for w in words if w is not p)]
    return kept[0] if len(kept) == 1 else AnyOf(tuple(kept))


def _sequence(items: Any, ignore_case: bool) -> _Exact | Requirement:
    """What a sequence of parsed items matches exactly, or else needs: its phrases and its mandatory parts."""
    needs: list[Requirement] = []
    side: list[Requirement] = []  # what look-arounds need: tested, but they consume nothing, so no phrase breaks
    run: _Exact | None = None
    for op, av in items:
        piece = _item(op, av, ignore_case)
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            side.append(piece)  # type: ignore[arg-type]  # a look-around item is never None
        elif isinstance(piece, _Exact):
            joined = piece if run is None else _join(run, piece)
            if joined is None:
                needs.append(_need(run))  # type: ignore[arg-type]  # a join fails only after a first piece
                joined = piece
            run = joined
        else:
            if run is not None:
                needs.append(_need(run))
                run = None
            needs.append(piece)
    if not needs:
        run = run or _EMPTY
        return _Exact(run.strings, run.cased, run.loose + tuple(n for n in side if n != ALWAYS))
    if run is not None:
        needs.append(_need(run))
    return _all(needs + side)


def _is_space(items: Any) -> bool:
    """True for ``\\s`` or a whitespace character."""
    return len(items) == 1 and (items[0] == (sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])
                                or (items[0][0] is sre.LITERAL and chr(items[0][1]).isspace()))


def _item(op: Any, av: Any, ignore_case: bool) -> _Exact | Requirement:
    if op is sre.LITERAL:
        ch = chr(av)
        if ch.isspace():
            return _SPACE
        if not ignore_case:
            return _Exact(frozenset({ch}), True)
        return _Exact(frozenset({ch.lower()}), False) if _caseless_safe(ch) else ALWAYS
    if _is_space([(op, av)]):
        return _SPACE
    if op is sre.IN and len(av) <= 8 and all(o is sre.LITERAL for o, _ in av):  # ['’], [-–/]
        return _union([_item(o, a, ignore_case) for o, a in av])
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        if add_flags & re.IGNORECASE:
            ignore_case = True
        if del_flags & re.IGNORECASE:
            ignore_case = False
        return _sequence(items, ignore_case)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, ignore_case)
    if op is sre.BRANCH:
        return _union([_sequence(alt, ignore_case) for alt in av[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _SPACE if _is_space(av[2]) else _need(_sequence(av[2], ignore_case))
    if op is sre.ASSERT:  # a look-ahead/behind's words are in the text, if not in the match
        return _need(_sequence(av[1], ignore_case))
    return ALWAYS  # classes, optional parts, negative assertions, anchors: nothing certain


def first_class(pattern: str) -> str | None:
    """A character-class body (``"aelmt\\d"``) holding the first character of every match of
    ``pattern``, read in any case; None where that is not known (e.g. it can match nothing)."""
    found: set[str] = set()
    return "".join(sorted(found)) if _firsts(_parser.parse(pattern), found) else None


def _firsts(items: Any, found: set[str]) -> bool:
    """Add the first characters of ``items`` to ``found``; False when unknown or when it can match nothing."""
    for op, av in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # consumes nothing: the next item decides
        if op is sre.LITERAL:
            found.add(re.escape(chr(av)))
        elif op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL:
                    found.add(re.escape(chr(value)))
                elif kind is sre.RANGE:
                    found.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif (kind, value) == (sre.CATEGORY, sre.CATEGORY_DIGIT):
                    found.add("\\d")
                else:
                    return False
        elif op is sre.BRANCH:
            if not all(_firsts(alt, found) for alt in av[1]):
                return False
        elif op is sre.SUBPATTERN:
            if not _firsts(av[3], found):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            if not _firsts(av[2], found):
                return False
            if av[0] == 0:
                continue  # optional: what follows may come first
        else:
            return False
        return True
    return False  # every item may match nothing


def requirement(pattern: re.Pattern[str]) -> Requirement:
    """What every match of ``pattern`` contains; ``ALWAYS`` when no literal is certain."""
    return _need(_sequence(_parser.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.IGNORECASE)))


def check_core(before: str, core: str, after: str) -> None:
    """Raise ``ValueError`` unless every match of ``before + core + after`` implies a match of ``core``
    alone in the text: ``core`` must stand outside any group, repetition or alternative, or be the
    whole of a look-ahead or look-behind that stands so."""
    parsed = _parser.parse(f"{before}(?P<core_start_>){core}(?P<core_end_>){after}")
    markers = {parsed.state.groupdict["core_start_"], parsed.state.groupdict["core_end_"]}
    levels = [parsed, *(av[1] for op, av in parsed if op is sre.ASSERT)]
    if not any(markers <= {av[0] for op, av in level if op is sre.SUBPATTERN} for level in levels):
        raise ValueError(f"core {core!r} is inside a group, repetition or alternative of its pattern")


class Prefilter:
    """Tells, for one text, which patterns may match; each word and each and/or is tested once per text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._spaced: str | None = None  # folded, each run of whitespace one space: where phrases are looked up
        self._words: dict[Word, bool] = {}
        self._groups: dict[int, bool] = {}  # by id: rules share their requirements' and/or objects

    def may_match(self, need: Requirement) -> bool:
        if isinstance(need, Word):
            found = self._words.get(need)
            if found is None:
                found = self._words[need] = need.text in self._haystack(need)
            return found
        met = self._groups.get(id(need))
        if met is None:
            met = self._groups[id(need)] = self._group(need)
        return met

    def _group(self, need: AllOf | AnyOf) -> bool:
        wanted = isinstance(need, AnyOf)  # the outcome that decides: one part met, or one part not met
        for part in need.parts:
            if self.may_match(part) is wanted:
                return wanted
        return not wanted

    def _haystack(self, word: Word) -> str:
        if " " in word.text:
            if self._spaced is None:
                self._spaced = " ".join(self.folded.split())
            return self._spaced
        return self.text if word.cased else self.folded

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded
