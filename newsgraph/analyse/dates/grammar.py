"""A small grammar of English time expressions: regular expressions built from
``time_lexicon.json`` that turn text into *readings* (what an expression says),
before anything is resolved against a publication date or the narrative.

Why our own grammar: spaCy's small model finds DATE entities but not their
meaning, misses "at the time" and "now", and mixes in durations and ages
("for 20 years", "40-year-old"); dateparser is slow and guesses.  Only point
references are read here; durations, ages and frequencies have no pattern.
Linear in the text: a fixed set of compiled patterns, each scanned once, and only
where the words or the ⟨core⟩ every match contains occur (``Rule.may_match``): the
scans, not the handlers, are what costs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph.analyse.base.data import data_json
from newsgraph.analyse.base.regex_prefilter import Prefilter, Requirement, check_core, first_class, requirement


@dataclass
class Reading:
    """One expression as written: ``rule`` says how to resolve it, ``args`` with what.

    rules: ``abs`` (value given), ``pub`` (offset ``n`` ``unit`` from the publication
    date), ``anchor`` (offset from the narrative's last date), ``same`` ("at the time"),
    ``present`` ("now"), ``month`` (month[/day] without a year), ``weekday``,
    ``season``, ``holiday``, ``clock`` (time of day), ``vague`` (never resolved).
    """

    start: int
    end: int
    rule: str
    args: dict[str, Any] = field(default_factory=dict)
    needs_context: bool = False  # bare years/months: kept only where the parse agrees it is a date


@cache
def lexicon() -> dict[str, Any]:
    lex: dict[str, Any] = data_json("time_lexicon.json")
    return lex


def _alt(words: list[str], *, cased: bool = False) -> str:
    """Regex alternation, longest first; ``cased`` words also match ALL CAPS."""
    forms: list[str] = []
    for w in sorted(set(words), key=len, reverse=True):
        forms.append(re.escape(w))
        if cased and w.upper() != w:
            forms.append(re.escape(w.upper()))
    return "(?:" + "|".join(forms) + ")"


def _ci(s: str) -> str:
    return f"(?i:{s})"


def _guarded(words: str) -> str:
    """``words`` (a case-insensitive alternation) behind a look-ahead for its first characters.

    Why: ``re`` tries case-insensitive alternatives one by one at every word start; the
    look-ahead turns most word starts away with one test.  It only states what every match
    of ``words`` begins with (``first_class``), so the matches are the same.
    """
    first = first_class(words)
    return f"(?=(?i:[{first}])){words}" if first else words


_CLOCK_ZONES = r"(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|hrs|hours|h|local\s+time)(?![\w])"
_CLOCK_AFTER = rf"(?:\s*(?:-|–|to|and|until)\s*(?:[01]\d|2[0-3])[0-5]\d)?\s*{_CLOCK_ZONES}"
"""What follows a 24-hour clock time written as four digits: "1230 GMT", "1130 to 1215 GMT"."""


@cache
def _parts() -> dict[str, str]:
    lx = lexicon()
    months = _alt(list(lx["months"]), cased=True)
    num_words = [w for w in lx["numbers"]]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    num = _ci(rf"(?:(?:{tens})[-\s](?:{ones})|{_alt(num_words)[3:-1]}|\d{{1,3}})")
    return {
        "MONTH": rf"(?P<month>{months})(?![\w])",
        "MONTH2": rf"(?P<month2>{months})(?![\w])",
        "WEEKDAY": rf"(?P<wd>{_alt(list(lx['weekdays']), cased=True)})(?![\w])",
        "DAY": r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        "DAY2": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        # a year is never a clock time ("1230 GMT") nor a quantity with its unit ("1130p", "1500m")
        "YEAR": rf"(?P<year>1[0-9]\d\d|20\d\d)(?![\d,]\d)(?![A-Za-z])(?!{_CLOCK_AFTER})",
        "NUM": rf"(?P<num>{_guarded(num)})",
        "VAGUE": rf"(?P<vague>{_guarded(_ci(_alt(lx['vague_numbers'])))})",
        "UNIT": rf"(?P<unit>{_ci(_alt(list(lx['units'])))})",
        "SEASON": rf"(?P<season>{_ci(_alt(list(lx['seasons'])))})",
        "PART": rf"(?:\s+(?P<part>{_ci(_alt(lx['parts_of_day']))}))?",
        "MOD": _guarded(_ci(r"(?:(?:early|late|mid|the end of|the beginning of|the start of|the middle of)[-\s]+)")),
        "BOUND": rf"(?:(?P<bound>{_guarded(_ci(_alt(lx['bound_modifiers'])))})\s+)?",
        "HOLIDAY": rf"(?P<holiday>{_alt(list(lx['holidays']))})",
    }


@dataclass(frozen=True)
class Rule:
    """One pattern of the grammar and the handler that reads its matches.

    ``need`` (literal words) and ``core`` are necessary conditions, tested before the
    pattern: where they fail, the pattern cannot match and is not run (see regex_prefilter).
    """

    name: str
    regex: re.Pattern[str]
    handler: Callable[[re.Match[str]], Reading | None]
    need: Requirement
    core: re.Pattern[str] | None = None

    def may_match(self, prefilter: Prefilter) -> bool:
        return prefilter.may_match(self.need) and (self.core is None or self.core.search(prefilter.text) is not None)


def _expand(pattern: str) -> str:
    parts = _parts()
    return re.sub(r"«(\w+)»", lambda m: parts[m.group(1)], pattern)


def make_rule(name: str, pattern: str, handler: Callable[[re.Match[str]], Reading | None]) -> Rule:
    """A rule for ``pattern`` («PART»s expanded; matches start after no word character, with one
    of the pattern's possible first characters).

    ``⟨…⟩`` marks the pattern's core: a piece every match contains (or its look-ahead), outside
    any optional group, that is cheaper to search for than the whole pattern (which tries its
    optional modifiers at every word); texts without it skip the pattern.
    """
    split = re.fullmatch(r"([^⟨]*)(?:⟨(.*)⟩)?(.*)", pattern, re.S)
    assert split is not None  # the expression matches any string
    before, core, after = (_expand(piece) for piece in split.groups(""))
    if core:
        check_core(before, core, after)
    body = before + core + after
    first = first_class(body)  # most word starts fail this one test (see _guarded)
    regex = re.compile(r"(?<![\w$£€])" + (f"(?=(?i:[{first}]))" if first else "") + body)
    return Rule(name, regex, handler, requirement(regex), re.compile(core) if core else None)


def _month(s: str) -> int:
    return int(lexicon()["months"][s.title() if s.isupper() else s])


def _weekday(s: str) -> int:
    return int(lexicon()["weekdays"][s.title() if s.isupper() else s])


def _number(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.lower().strip()
    if s.isdigit():
        return int(s)
    nums = lexicon()["numbers"]
    if s in nums:
        return int(nums[s])
    m = re.match(r"(\w+)[-\s](\w+)$", s)
    if m and m.group(1) in nums and m.group(2) in nums:
        return int(nums[m.group(1)]) + int(nums[m.group(2)])
    return None


def _unit(s: str) -> str:
    return str(lexicon()["units"][s.lower()])


def _rel(s: str | None) -> int | None:
    """last → -1, next/following → +1, this/that/same → 0."""
    if not s:
        return None
    s = " ".join(s.lower().split())
    if s in ("last", "this past", "the past", "previous", "the previous", "preceding", "the preceding",
             "prior", "the prior"):
        return -1
    if s in ("next", "the next", "following", "the following", "coming", "the coming", "the very next"):
        return 1
    return 0


_EXACT = {"just", "only"}
"""Of the modifiers before a count ("more than", "nearly", "about" …) only these keep it exact."""


# ---------------------------------------------------------------------------------------------
# Patterns: (name, regex, handler). The handler turns a match into a Reading (or None to drop).


def _h_iso(m: re.Match[str]) -> Reading | None:
    y, mo, d = (int(x) for x in m.group(1, 2, 3))
    return _abs_date(m, y, mo, d)


def _h_us_numeric(m: re.Match[str]) -> Reading | None:
    mo, d, y = (int(x) for x in m.group(1, 2, 3))
    if y < 100:
        y += 2000 if y < 50 else 1900
    return _abs_date(m, y, mo, d)


def _abs_date(m: re.Match[str], y: int, mo: int, d: int | None) -> Reading | None:
    from datetime import date

    try:
        date(y, mo, d or 1)
    except ValueError:
        return None
    value = f"{y:04d}-{mo:02d}" + (f"-{d:02d}" if d else "")
    return Reading(m.start(), m.end(), "abs", {"value": value})


def _h_month_day(m: re.Match[str]) -> Reading | None:
    g = m.groupdict()
    mo = _month(g["month"])
    d = int(re.match(r"\d+", g["day"]).group(0))  # type: ignore[union-attr]  # the rule's day group starts with digits
    if g.get("year"):
        return _abs_date(m, int(g["year"]), mo, d)
    yrel = _rel(g.get("yrel"))
    return Reading(m.start(), m.end(), "month", {"month": mo, "day": d, "year_rel": yrel})


def _h_month_year(m: re.Match[str]) -> Reading | None:
    return _abs_date(m, int(m.group("year")), _month(m.group("month")), None)


def _h_month(m: re.Match[str]) -> Reading | None:
    g = m.groupdict()
    month_word = g["month"]
    rel = _rel(g.get("rel"))
    yrel = _rel(g.get("yrel"))
    amb = month_word in lexicon()["ambiguous_months"] or month_word.upper() == month_word
    needs = amb and not g.get("rel") and not g.get("mod") and not g.get("yrel")
    if not month_word.endswith(".") and len(month_word) <= 4 and month_word not in ("May", "June", "July"):
        needs = True  # "Jan", "Dec": names as often as months
    return Reading(m.start(), m.end(), "month",
                   {"month": _month(month_word), "rel": rel, "year_rel": yrel}, needs_context=needs)


def _h_year(m: re.Match[str]) -> Reading | None:
    g = m.groupdict()
    value = g["year"]
    if g.get("season"):
        value += "-" + lexicon()["seasons"][g["season"].lower()]
    has_context = bool(g.get("season") or g.get("mod") or g.get("the"))
    return Reading(m.start(), m.end(), "abs", {"value": value}, needs_context=not has_context)


def _h_decade(m: re.Match[str]) -> Reading | None:
    g = m.groupdict()
    if g.get("dec"):
        return Reading(m.start(), m.end(), "abs", {"value": g["dec"][:3] + "X"})
    d2 = g["d2"]
    return Reading(m.start(), m.end(), "abs", {"value": ("20" if d2 == "00" else "19") + d2[0] + "X"})


def _h_century(m: re.Match[str]) -> Reading | None:
    c = int(m.group("c"))
    if not 1 <= c <= 21:
        return None
    return Reading(m.start(), m.end(), "abs", {"value": f"{c - 1:02d}XX"})


def _h_rel_century(m: re.Match[str]) -> Reading | None:
    return Reading(m.start(), m.end(), "pub", {"unit": "century", "n": _rel(m.group("rel")) or 0})


def _h_quarter(m: re.Match[str]) -> Reading | None:
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4}[m.group("q").lower()]
    return Reading(m.start(), m.end(), "abs", {"value": f"{m.group('year')}-Q{q}"})


def _h_season(m: re.Match[str]) -> Reading | None:
    return Reading(m.start(), m.end(), "season",
                   {"season": lexicon()["seasons"][m.group("season").lower()], "rel": _rel(m.group("rel"))})


def _h_deictic_day(m: re.Match[str]) -> Reading | None:
    w = m.group("dd").lower()
    n = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last": -1, "this": 0}[w.split()[0]]
    return Reading(m.start(), m.end(), "pub", {"unit": "day", "n": n})


def _duration_context(m: re.Match[str]) -> bool:
    """ "(over) the last year", "in the next week": a stretch of time, not a point."""
    before = m.string[max(0, m.start() - 16):m.start()].lower().split()
    return bool(before) and (before[-1] in ("the", "over", "for", "during", "within", "throughout")
                             or (len(before) > 1 and before[-1] == "in" and m.group(0).lower().startswith("the next")))


def _h_rel_unit(m: re.Match[str]) -> Reading | None:
    """this/last/next week|weekend|month|year; earlier/later this …; the end of this …."""
    unit = m.group("u").lower()
    rel = _rel(m.group("rel"))
    if m.group(0).lower().startswith(("last", "next", "this past")) and _duration_context(m):
        return None
    if not m.group("rel"):  # "the end of the year": the narrative's year, else the publication's
        return Reading(m.start(), m.end(), "anchor", {"unit": unit, "n": 0, "or_pub": True})
    return Reading(m.start(), m.end(), "pub", {"unit": unit, "n": rel or 0})


def _h_ago(m: re.Match[str]) -> Reading | None:
    g = m.groupdict()
    n = _number(g.get("num"))
    if n is None or (g.get("bound") and g["bound"].lower() not in _EXACT):
        return Reading(m.start(), m.end(), "vague")  # "nearly a decade ago": approximate, not a date
    unit = _unit(g["unit"])
    sign = -1 if g["dir"].lower() == "ago" else 1
    return Reading(m.start(), m.end(), "pub", {"unit": unit, "n": sign * n})


def _h_vague(m: re.Match[str]) -> Reading | None:
    return Reading(m.start(), m.end(), "vague")


def _h_anaphoric_unit(m: re.Match[str]) -> Reading | None:
    """the following year, that day, the same month, the day before, later that week."""
    unit = m.group("u").lower()
    rel = _rel(m.group("rel"))
    n = rel or 0
    if _duration_context(m):
        return None
    if re.match(r"\s+(?:of|that|when|as|which|in which)\b", m.string[m.end():m.end() + 12], re.I):
        return Reading(m.start(), m.end(), "vague")  # "the same day as the debate": relative to an event
    if unit in ("morning", "afternoon", "evening", "night"):
        unit = "day"
    if unit in lexicon()["seasons"]:
        return Reading(m.start(), m.end(), "anchor_season",
                       {"season": lexicon()["seasons"][unit], "n": n})
    return Reading(m.start(), m.end(), "anchor", {"unit": unit, "n": n})


def _h_unit_before_after(m: re.Match[str]) -> Reading | None:
    unit = m.group("u").lower()
    follows = m.string[m.end():m.end() + 2]
    if re.match(r"\s[\w$“\"‘']", follows) and m.group("dir").lower() in ("before", "after"):
        return Reading(m.start(), m.end(), "vague")  # "the day after the debate": relative to an event
    n = 1 if m.group("dir").lower() in ("after", "later") else -1
    return Reading(m.start(), m.end(), "anchor", {"unit": unit, "n": n})


def _h_count_later(m: re.Match[str]) -> Reading | None:
    g = m.groupdict()
    n = _number(g.get("num"))
    d = g["dir"].lower()
    follows = m.string[m.end():m.end() + 2]
    if n is None or (g.get("bound") and g["bound"].lower() not in _EXACT):
        return Reading(m.start(), m.end(), "vague")
    if d in ("before", "after") and re.match(r"\s[\w$“\"‘']", follows):
        return Reading(m.start(), m.end(), "vague")
    if re.match(r"\s+than\b", m.string[m.end():m.end() + 8], re.I):
        return Reading(m.start(), m.end(), "vague")  # "five years earlier than expected": a comparison
    sign = 1 if d in ("later", "after") else -1
    return Reading(m.start(), m.end(), "anchor", {"unit": _unit(g["unit"]), "n": sign * n})


def _h_at_the_time(m: re.Match[str]) -> Reading | None:
    return Reading(m.start(), m.end(), "same")


def _h_present(m: re.Match[str]) -> Reading | None:
    return Reading(m.start(), m.end(), "present")


def _h_weekday(m: re.Match[str]) -> Reading | None:
    g = m.groupdict()
    before = m.string[max(0, m.start() - 14):m.start()].lower().split()
    if before and before[-1] in lexicon()["not_weekday_before"]:
        return None
    rel = g.get("rel")
    week_rel = _rel(g.get("wrel"))
    return Reading(m.start(), m.end(), "weekday",
                   {"weekday": _weekday(g["wd"]), "rel": _rel(rel) if rel and rel.lower() in
                    ("last", "next", "this", "this past", "this coming", "coming") else None,
                    "week_rel": week_rel})


def _h_holiday(m: re.Match[str]) -> Reading | None:
    g = m.groupdict()
    rule = lexicon()["holidays"][g["holiday"]]
    year = int(g["year"]) if g.get("year") else None
    return Reading(m.start(), m.end(), "holiday", {"rule": rule, "year": year, "rel": _rel(g.get("rel"))},
                   needs_context=year is None and not g.get("rel"))


def _h_clock24(m: re.Match[str]) -> Reading | None:
    """ "1230 GMT", "at 0800": a time of day, whatever year the digits look like."""
    return Reading(m.start(), m.end(), "clock", {"hh": int(m.group("h24")), "mm": int(m.group("m24"))})


def _h_clock(m: re.Match[str]) -> Reading | None:
    g = m.groupdict()
    if g.get("word"):
        w = g["word"].lower()
        return Reading(m.start(), m.end(), "clock", {"hh": 12 if w == "noon" else 0, "mm": 0})
    h = int(g["h"])
    mi = int(g["mi"] or 0)
    ap = (g.get("ap") or "").lower()
    if ap.startswith("p") and h < 12:
        h += 12
    if ap.startswith("a") and h == 12:
        h = 0
    return Reading(m.start(), m.end(), "clock", {"hh": h, "mm": mi})


_TZ = r"(?:\s*(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|BST|UTC|e\.t\.|(?i:eastern)(?:\s+time)?))?"
_REL = _guarded(r"(?i:this past|this coming|the past|the coming|last|next|this)")


def _h_named_day(m: re.Match[str]) -> Reading | None:
    for rx, value in lexicon()["named_days"].items():
        hit = None if rx.startswith("_") else re.compile(rx).match(m.string, m.start())
        if hit and hit.end() == m.end():
            return Reading(m.start(), m.end(), "abs", {"value": value, "named": True})
    return None


@cache
def rules() -> list[Rule]:
    ord_words = "first|second|third|fourth"
    named = "|".join(f"(?:{rx})" for rx in lexicon()["named_days"] if not rx.startswith("_"))
    return [
        make_rule("named_day", named, _h_named_day),
        # before "year": "at 1330" is a clock time although it looks like a year (not "at 1958 levels":
        # after "at", only times before 1500 are read as clock times without a time zone)
        make_rule("clock24", rf"(?P<h24>[01]\d|2[0-3])(?P<m24>[0-5]\d)(?=⟨{_CLOCK_AFTER}⟩)", _h_clock24),
        make_rule("clock24_at", r"(?<=\b[Aa]t\s)(?P<h24>0\d|1[0-4])(?P<m24>[0-5]\d)(?![.,:]?\d)(?!%)(?!\s*(?:p\b|pence|BC|AD))",
                  _h_clock24),
        make_rule("iso", r"(\d{4})⟨-(\d{2})-⟩(\d{2})(?![\d-])", _h_iso),
        make_rule("us_numeric", r"(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/(\d{4}|\d{2})(?![\d/])", _h_us_numeric),
        make_rule("month_day", r"(?:«WEEKDAY»(?:,|['’]s)?\s+)?(?:«MOD»)?⟨«MONTH»\s+«DAY»⟩(?:\s*(?:-|–|to|through)\s*«DAY2»)?"
                           r"(?:(?:,\s*|\s+)«YEAR»|(?:\s+(?i:of))?\s+(?P<yrel>(?i:last|next|this))\s+(?i:year))?",
              _h_month_day),
        make_rule("day_month", r"(?:«WEEKDAY»,?\s+)?(?:(?i:the)\s+)?«DAY»(?:\s+(?i:of))?\s+«MONTH»(?:,?\s+«YEAR»)?",
              _h_month_day),
        make_rule("month_year", r"(?:«MOD»)?⟨«MONTH»(?:\s+(?i:of))?,?\s+«YEAR»⟩", _h_month_year),
        make_rule("month", rf"(?:(?P<rel>{_REL})\s+|(?P<mod>«MOD»))?«MONTH»"
                       r"(?:(?:\s+(?i:of))?\s+(?P<yrel>(?i:last|next|this))\s+(?i:year))?(?!\s*\d)", _h_month),
        make_rule("season_year", r"(?:(?P<the>(?i:the))\s+)?(?:«MOD»)?«SEASON»(?:\s+(?i:of))?\s+«YEAR»", _h_year),
        make_rule("year", r"(?:(?P<the>(?i:the year))\s+|(?P<mod>«MOD»))?«YEAR»(?![-–/]\d\d(?!\d))(?!['’]?s\b)"
                      r"(?![-\s](?i:year|yr)[-\s]?old)", _h_year),
        make_rule("year_range", r"«YEAR»(?=⟨[-–/]\d\d(?!\d)⟩)", _h_year),
        make_rule("decade", r"(?:(?i:the)\s+)?(?:«MOD»)?⟨(?:(?P<dec>1[0-9]\d0|20\d0)['’]?s|['’](?P<d2>\d0)['’]?s)⟩(?!\w)",
              _h_decade),
        make_rule("decade_word", rf"(?i:the)\s+(?:«MOD»)?(?P<dw>(?i:{'|'.join(lexicon()['decade_words'])}))(?!\w)",
              lambda m: Reading(m.start(), m.end(), "abs", {"value": lexicon()["decade_words"][m.group("dw").lower()]})),
        make_rule("century", r"(?:(?i:the)\s+)?(?:«MOD»)?(?P<c>\d{1,2})(?:st|nd|rd|th)[-\s](?i:century)", _h_century),
        make_rule("rel_century", rf"(?P<rel>{_REL})\s+(?i:century)(?!\w)", _h_rel_century),
        make_rule("quarter", rf"(?i:the\s+)?(?P<q>(?i:{ord_words}))\s+(?i:quarter)(?:\s+(?i:of))?,?\s+«YEAR»", _h_quarter),
        make_rule("season", rf"(?P<rel>{_REL})\s+«SEASON»(?!\w)", _h_season),
        make_rule("deictic_day", r"(?P<dd>(?i:today|tonight|yesterday|tomorrow)(?:\s+(?i:morning|afternoon|evening|night))?"
                             r"|(?i:last\s+night)|(?i:this\s+(?:morning|afternoon|evening)))(?!\w)", _h_deictic_day),
        make_rule("rel_unit", r"(?:(?i:earlier|later|early|late|(?:by\s+)?the\s+(?:end|beginning|start|middle)\s+of)\s+)?"
                          r"(?P<rel>(?i:this past|this coming|last|next|this))\s+"
                          r"(?P<u>(?i:week|weekend|month|year))(?!\w)", _h_rel_unit),
        make_rule("end_of_the_unit", r"(?i:the\s+(?:end|beginning|start|middle)\s+of\s+the\s+)(?P<u>(?i:week|month|year))"
                                 r"(?!\w)(?P<rel>)", _h_rel_unit),
        make_rule("ago", r"«BOUND»(?:«NUM»|«VAGUE»)⟨\s+«UNIT»\s+(?P<dir>(?i:ago|from\s+now))(?!\w)⟩", _h_ago),
        make_rule("vague_ago", r"(?i:(?:not\s+)?(?:so\s+)?long\s+ago|a\s+long\s+time\s+ago|(?:days|weeks|months|years|decades)"
                           r"\s+(?:ago|from\s+now))(?!\w)", _h_vague),
        make_rule("vague_after", r"(?i:(?:only\s+|just\s+)?(?:hours|days|weeks|months|years|decades)\s+(?:after|before|later|earlier))"
                             r"(?!\w)", _h_vague),
        make_rule("count_later", r"«BOUND»(?:«NUM»|«VAGUE»)⟨\s+«UNIT»\s+(?P<dir>(?i:later|earlier|after|before))(?!\w)⟩",
              _h_count_later),
        make_rule("anaphoric_unit", r"(?:(?i:later|earlier)\s+)?(?P<rel>(?i:the\s+very\s+next|the\s+following|the\s+next|the\s+previous"
                                r"|the\s+preceding|the\s+prior|the\s+same|that|the\s+very\s+same))\s+"
                                r"(?P<u>(?i:day|week|weekend|month|year|decade|morning|afternoon|evening|night|spring|summer"
                                r"|fall|autumn|winter))(?!\w)", _h_anaphoric_unit),
        make_rule("unit_before_after", r"(?i:the)\s+(?P<u>(?i:day|week|month|year|night))\s+(?P<dir>(?i:before|after))(?!\w)",
              _h_unit_before_after),
        make_rule("earlier_in_the_day", r"(?i:(?:earlier|later)\s+(?:in\s+)?the\s+)(?P<u>(?i:day))(?!\w)(?P<rel>)",
              _h_anaphoric_unit),
        make_rule("at_the_time", r"(?i:at\s+(?:the|that)\s+time)(?!\s+(?:when|of|that|which|in)\b)(?!\w)", _h_at_the_time),
        make_rule("present", r"(?i:(?:right\s+|just\s+)?now)(?!\w)(?![\s,]+(?i:known|called|named|former))", _h_present),
        make_rule("weekday", rf"(?:(?P<rel>{_REL}|(?i:early|late|earlier|later))\s+)?«WEEKDAY»«PART»"
                         r"(?:\s+(?i:of)\s+(?P<wrel>(?i:last|next|this))\s+(?i:week))?", _h_weekday),
        make_rule("holiday", rf"(?:(?P<rel>{_REL})\s+)?«HOLIDAY»(?:,?\s+«YEAR»)?(?!\w)", _h_holiday),
        make_rule("clock", r"(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm))(?!\w)"
                       + _TZ + r"|(?P<word>(?i:noon|midnight))(?!\w))", _h_clock),
    ]


def readings(text: str) -> list[Reading]:
    """Every point-in-time expression the grammar recognises, longest first where they overlap."""
    found: list[tuple[bool, Reading]] = []
    prefilter = Prefilter(text)
    for rule in rules():
        if not rule.may_match(prefilter):
            continue
        for m in rule.regex.finditer(text):
            r = rule.handler(m)
            if r is not None and r.end > r.start:
                found.append((rule.name != "named_day", r))  # a named day ("9/11") wins over its parts
    found.sort(key=lambda pr: (pr[0], -(pr[1].end - pr[1].start), pr[1].start))
    taken: list[Reading] = []
    occupied: set[int] = set()
    for _, r in found:
        if any(i in occupied for i in range(r.start, r.end)):
            continue
        taken.append(r)
        occupied.update(range(r.start, r.end))
    taken.sort(key=lambda r: r.start)
    return taken
