"""Cheap literal tests that tell when a compiled regex cannot match a text, so it is not run.

Why: Python's ``re`` tries a pattern at every position of the text; a pattern that opens
with a look-behind or an alternation of words gets no fast skip, so thirty of them cost
milliseconds per article even where none of their words occurs.  ``requirement`` reads the
parsed pattern once and returns what every match must contain, as and/or of literal words
(e.g. the "3 weeks ago" pattern: a unit word *and* "ago" or "from … now"); ``Prefilter``
checks the words with ``in``, which is memchr fast.  ``check_core`` vouches for a piece of a
pattern (its "core") that every match contains, so that searching for the core alone is a
second such test.  The tests are only ever necessary conditions: when they pass, the regex
runs as before, so the matches are the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre  # the parser's opcodes (public as sre_constants before 3.11)
from re import _parser
from typing import Any, NamedTuple

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


def _caseless_safe(ch: str) -> bool:
    """ASCII, or a character without case (’, £): ``fold`` shows every case-insensitive match of it."""
    return ch.isascii() or ch.lower() == ch.upper() == ch


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


def _sequence(items: Any, ignore_case: bool) -> Requirement:
    """What a sequence of parsed items needs: its runs of literals and what its mandatory parts need."""
    parts: list[Requirement] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL and (not ignore_case or _caseless_safe(chr(av))):
            run.append(chr(av).lower() if ignore_case else chr(av))
            continue
        if run:
            parts.append(Word("".join(run), not ignore_case))
            run = []
        parts.append(_item(op, av, ignore_case))
    if run:
        parts.append(Word("".join(run), not ignore_case))
    return _all(parts)


def _item(op: Any, av: Any, ignore_case: bool) -> Requirement:
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        if add_flags & re.IGNORECASE:
            ignore_case = True
        if del_flags & re.IGNORECASE:
            ignore_case = False
        return _sequence(items, ignore_case)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _sequence(av[2], ignore_case)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, ignore_case)
    if op is sre.ASSERT:  # a look-ahead/behind's words are in the text, if not in the match
        return _sequence(av[1], ignore_case)
    if op is sre.BRANCH:
        return _any([_sequence(alt, ignore_case) for alt in av[1]])
    return ALWAYS  # classes, optional parts, negative assertions, anchors: nothing certain


def requirement(pattern: re.Pattern[str]) -> Requirement:
    """What every match of ``pattern`` contains; ``ALWAYS`` when no literal is certain."""
    return _sequence(_parser.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.IGNORECASE))


def check_core(before: str, core: str, after: str) -> None:
    """Raise ``ValueError`` unless every match of ``before + core + after`` contains a match of
    ``core`` alone, i.e. ``core`` stands outside any group, repetition or alternative."""
    parsed = _parser.parse(f"{before}(?P<core_start_>){core}(?P<core_end_>){after}")
    at_top = {av[0] for op, av in parsed if op is sre.SUBPATTERN}
    if not {parsed.state.groupdict["core_start_"], parsed.state.groupdict["core_end_"]} <= at_top:
        raise ValueError(f"core {core!r} is inside a group, repetition or alternative of its pattern")


class Prefilter:
    """Tells, for one text, which patterns may match; each word is looked up once per text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._found: dict[Word, bool] = {}

    def may_match(self, need: Requirement) -> bool:
        if isinstance(need, AllOf):
            return all(self.may_match(p) for p in need.parts)
        if isinstance(need, AnyOf):
            return any(self.may_match(p) for p in need.parts)
        found = self._found.get(need)
        if found is None:
            found = self._found[need] = need.text in (self.text if need.cased else self.folded)
        return found

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded
