"""ISO-style time values: the strings newsgraph stores, their intervals and arithmetic.

A value names a calendar interval, never a guess:

=================  ============================  ==================================
form               example                       meaning
=================  ============================  ==================================
``YYYY``           ``1957``                      a year
``YYYY-MM``        ``2019-04``                   a month
``YYYY-MM-DD``     ``2016-09-11``                a day
``…THH:MM``        ``2016-09-11T21:00``          a time of day
``YYYY-Www``       ``2016-W37``                  an ISO week; ``-WE`` its weekend
``YYYY-Qn``        ``2016-Q3``                   a quarter
``YYYY-SS``        ``2016-SU``                   a season (SP, SU, FA, WI; WI = Dec–Feb)
``YYYX``           ``199X``                      a decade (the 1990s)
``YYXX``           ``19XX``                      a century (the 20th century = 1900–1999)
=================  ============================  ==================================

Pure Python, no spaCy: the store's query layer uses it to filter and order events.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

VALUE = re.compile(
    r"^(?:\d{4}(?:-(?:\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?|W\d{2}(?:-WE)?|Q[1-4]|SP|SU|FA|WI))?|\d{3}X|\d{2}XX)$"
)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def is_value(value: str) -> bool:
    """True when ``value`` is one of the documented forms and names a real interval."""
    if not VALUE.match(value):
        return False
    try:
        interval(value)
    except ValueError:
        return False
    return True


def parse_published(published: str | None) -> date | None:
    """The publication day from an ISO date or datetime string; None when absent or unreadable."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def interval(value: str) -> tuple[date, date]:
    """First and last day the value covers (``ValueError`` when it is not a value)."""
    if not VALUE.match(value):
        raise ValueError(f"not a time value: {value!r}")
    if value.endswith("XX"):
        c = int(value[:2]) * 100
        return date(max(c, 1), 1, 1), date(c + 99, 12, 31)
    if value.endswith("X"):
        d = int(value[:3]) * 10
        return date(max(d, 1), 1, 1), date(d + 9, 12, 31)
    y = int(value[:4])
    rest = value[5:]
    if not rest:
        return date(y, 1, 1), date(y, 12, 31)
    if rest.startswith("W"):
        monday = date.fromisocalendar(y, int(rest[1:3]), 1)
        if rest.endswith("-WE"):
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if rest.startswith("Q"):
        q = int(rest[1])
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
    if rest in _SEASON_MONTHS:
        a, b = _SEASON_MONTHS[rest]
        return date(y, a, 1), _month_end(y + (1 if b < a else 0), b)
    m = int(rest[:2])
    if len(rest) == 2:
        return date(y, m, 1), _month_end(y, m)
    day = date(y, m, int(rest[3:5]))
    return day, day


def sort_key(value: str | None) -> tuple[str, str]:
    """Chronological order: by first day, then the narrower interval first; None last."""
    if not value:
        return ("9999-99-99", "")
    try:
        lo, hi = interval(value)
    except ValueError:
        return ("9999-99-98", value)
    return (lo.isoformat() + value[10:], hi.isoformat())


def bounds(user: str) -> tuple[str, str]:
    """A user's ``--from``/``--to`` (any value form, e.g. ``2016`` or ``2016-09``) as ISO day bounds."""
    lo, hi = interval(user.strip())
    return lo.isoformat(), hi.isoformat()


def day_lo(value: str | None) -> str | None:
    """First ISO day of a value (None when not a value); registered as an SQL function by query.py."""
    try:
        return interval(value)[0].isoformat() if value else None
    except ValueError:
        return None


def day_hi(value: str | None) -> str | None:
    try:
        return interval(value)[1].isoformat() if value else None
    except ValueError:
        return None


def granularity(value: str) -> str:
    """year | month | day | time | week | weekend | quarter | season | decade | century."""
    if value.endswith("XX"):
        return "century"
    if value.endswith("X"):
        return "decade"
    rest = value[5:]
    if not rest:
        return "year"
    if rest.startswith("W"):
        return "weekend" if rest.endswith("WE") else "week"
    if rest.startswith("Q"):
        return "quarter"
    if rest in _SEASON_MONTHS:
        return "season"
    if len(rest) == 2:
        return "month"
    return "time" if "T" in rest else "day"


def year_of(value: str) -> int | None:
    return int(value[:4]) if value[:4].isdigit() else None


def day_of(value: str) -> date | None:
    """The day a day-or-finer value names, else None."""
    return date.fromisoformat(value[:10]) if granularity(value) in ("day", "time") else None


def fmt_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def fmt_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def shift(value: str, n: int, unit: str) -> str | None:
    """``value`` moved by ``n`` units (day, week, month, year, decade), at the unit's granularity.

    None when the value is too coarse for the unit ("the next day" after "1956").
    """
    g = granularity(value)
    y = year_of(value)
    if unit == "year":
        return f"{y + n:04d}" if y is not None and 0 <= y + n <= 9999 else None
    if unit == "decade":
        if g == "decade":
            return f"{int(value[:3]) + n:03d}X"
        return f"{(y + 10 * n) // 10:03d}X" if y is not None else None
    if unit == "month":
        if g not in ("month", "day", "time"):
            return None
        yy, mm = add_months(int(value[:4]), int(value[5:7]), n)
        return fmt_month(yy, mm)
    d = day_of(value) if g in ("day", "time") else None
    if unit == "week":
        if d is None and g in ("week", "weekend"):
            d = interval(value)[0]
        return fmt_week(d + timedelta(weeks=n)) if d else None
    if unit == "day":
        return (d + timedelta(days=n)).isoformat() if d else None
    return None


def truncate(value: str, unit: str) -> str | None:
    """The ``unit`` (year, month, day, week) containing ``value``; None when the value is coarser."""
    g = granularity(value)
    if unit == "year":
        return value[:4] if year_of(value) is not None else None
    if unit == "month":
        return value[:7] if g in ("month", "day", "time") else None
    if unit == "day":
        return value[:10] if g in ("day", "time") else None
    if unit == "week":
        d = day_of(value)
        return fmt_week(d) if d else (value[:8] if g in ("week", "weekend") else None)
    if unit == "decade":
        return shift(value, 0, "decade")
    return None
