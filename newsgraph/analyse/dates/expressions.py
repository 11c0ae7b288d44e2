"""Time: the article's date expressions, normalised to ISO values, and the events they date.

Expressions come from our grammar (``dates/grammar.py``); spaCy's parse confirms the
ambiguous ones (a bare "1958" or "May" counts where spaCy sees a DATE or a preposition
introduces it, and never inside a name) and gives the tense that says which "Sunday"
is meant.  Each expression is then resolved, in text order, in one of four ways:

* ``absolute`` — it carries its year ("in 1958", "Sept. 11, 2001", "the 1990s");
* ``publication`` — deictic, counted from the publication date ("last month", "on Sunday", "now");
* ``narrative`` — anaphoric, counted from the narrative's last date in this or the previous
  paragraph ("the following year" after a paragraph about 1956 is 1957, "at the time"), or
  from the date of a story told in the past ("Dec. 30" after "on Dec. 28, 2015", see ``story.py``);
* ``quotation`` — a quotation's "today" or "yesterday", counted from the day its attribution gives;

and otherwise left ``unresolved`` (value None): nothing is guessed.  ``anchor`` keeps the date
each value was counted from.  Values are documented in ``dates/values.py``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import compress

from spacy.tokens import Doc, Token

from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.token_table import token_table
from newsgraph.analyse.dates import values as tv
from newsgraph.analyse.dates.grammar import Reading, lexicon, readings
from newsgraph.analyse.dates.story import far_from, narration_breaks, occurrence_in_story, reported_when, speech_days
from newsgraph.analyse.dates.values import parse_published
from newsgraph.model import TimeExpression

NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW"}
"""A time-looking word inside one of these is part of a name ("Theresa May", "Sunday Times")."""

_DATE_PREPOSITIONS = {"in", "since", "by", "until", "till", "from", "during", "before", "after", "of", "through",
                      "between", "to", "and", "on", "circa", "around", "throughout", "early", "late", "mid", "'s", "’s"}
_PAST_MODALS = {"would", "could", "might", "should"}
_NOUN_OPENERS = {"DT", "JJ", "JJR", "JJS", "PRP$"}


@dataclass
class Anchor:
    value: str
    how: str
    paragraph: int
    sentence: int = 0


def _paragraph_starts(doc: Doc, text: str) -> list[int]:
    layout = doc._.layout
    if layout is not None and layout.paragraphs:
        return [p.start for p in layout.paragraphs]
    return [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]


def _sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where ``doc.sents`` start (from the token table: no Span objects)."""
    if not doc.has_annotation("SENT_START"):
        return [0]
    t = token_table(doc)
    starts = list(compress(t.idx, t.sent_start))
    return starts if starts and starts[0] == 0 else [0, *starts]  # the first sentence starts at 0


_TIME_NOUNS = {"year", "years", "summer", "spring", "autumn", "fall", "winter", "season", "class", "vintage", "fiscal",
               "quarter", "half", "month", "week", "term", "period", "calendar", "financial", "tax", "academic",
               "school", "issues", "results", "profits", "sales", "budget"}
_QUOTES_OPEN = "\"“‘'"
_QUOTES_CLOSE = "\"”’'"
_FAR_FUTURE_YEARS = 25
STORY_DAYS = 183  # a month and day belongs to a told date's year when within half a year of it
STORY_YEARS = 10  # a story dated only by a year carries its months far only when set this long before publication
"""A bare year this far after the article's own time, not in the future tense, is a title or a
number ("nominated for 2046"), not a date."""


def names_a_thing(doc: Doc, text: str, r: Reading) -> bool:
    """A number that looks like a date but is part of a name or a count: a title or model
    ("Fahrenheit 9/11", "Windows 2000": right after a capitalised proper noun inside the
    sentence), a numbered thing ("resolution 1441": right after a common noun), a quoted title
    ("\u201c2046\u201d"), someone's work ("Orwell's 1984")."""
    bare = r.args.get("named") or r.needs_context
    if not bare:
        return False
    if r.start > 0 and r.end < len(text) and text[r.start - 1] in _QUOTES_OPEN and text[r.end] in _QUOTES_CLOSE:
        return True
    if r.start < 2 or text[r.start - 1] != " " or not text[r.start - 2].isalpha():
        return False
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    lx = lexicon()
    if prev.lower_ in lx["months"] or prev.lower_ in lx["weekdays"] or prev.text in lx["holidays"]:
        return False
    if prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if prev.tag_ == "POS" and (after is None or after.pos_ in ("PUNCT", "AUX", "ADV", "ADP", "CCONJ")) \
            and any(c.dep_ == "poss" and c.text[:1].isupper() for c in span.root.children):
        return True  # "Orwell's 1984": a work of someone's (not "Labour's 1997 victory", "Clapton's 1991 hit")
    return prev.tag_ in ("NN", "NNS") and prev.is_lower and prev.lower_ not in _TIME_NOUNS


def _confirmed(doc: Doc, text: str, r: Reading, date_chars: bytearray, name_chars: bytearray) -> bool:
    if any(name_chars[r.start:r.end]) or names_a_thing(doc, text, r):
        return False
    word = text[r.start:r.end]
    before = text[max(0, r.start - 12):r.start].split()
    if word.isupper() and len(word) > 3 and before and before[-1][:1].isupper():
        return False  # "USA TODAY": part of a name in capitals
    if r.rule == "pub" and r.args.get("unit") == "day" and " " not in word:
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is not None and span.start > 0 and doc[span.start - 1].tag_ in _NOUN_OPENERS:
            return False  # "a better tomorrow", "our today": a noun, not a day
    if r.rule == "present" or (r.rule == "holiday" and " " not in word):
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN":
            return False  # "Christmas trees"
    if not r.needs_context:
        return True
    if any(date_chars[r.start:r.end]):
        return True
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if span is not None and (span.root.ent_type_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
                             or (span.root.dep_ == "nummod" and span.root.head.tag_ == "NNS")):
        return False  # "1958 voters"
    return bool(before) and before[-1].lower() in _DATE_PREPOSITIONS


def tense(doc: Doc, start: int, end: int) -> str:
    """past | future | present for the clause governing the expression at ``start``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "present"
    tok: Token | None = span.root
    for _ in range(8):
        if tok is None or tok.pos_ in ("VERB", "AUX"):
            break
        tok = tok.head if tok.head is not tok else None
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return "present"
    future = set(lexicon()["future_markers"])
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.lower_ in future or any(a.lower_ in future for a in auxes):
        return "future"
    if any(a.lower_ == "going" for a in auxes) or (tok.lower_ == "going" and any(
            c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in tok.children)):
        return "future"
    if tok.lemma_ in ("schedule", "plan", "expect", "slate", "set") and any(c.dep_ == "xcomp" for c in tok.children):
        return "future"
    if any(a.lower_ in _PAST_MODALS for a in auxes):
        return "present"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    return "present"


def _pick(candidates: list[date], pub: date, direction: str) -> date:
    """The candidate the tense points at: latest not after publication, earliest not before, or nearest."""
    if direction == "past":
        past = [c for c in candidates if c <= pub]
        if past:
            return max(past)
    if direction == "future":
        future = [c for c in candidates if c >= pub]
        if future:
            return min(future)
    return min(candidates, key=lambda c: (abs((c - pub).days), c < pub))


def _holiday(rule: str, year: int) -> date:
    kind, *args = rule.split()
    if kind == "fixed":
        mo, d = (int(x) for x in args[0].split("-"))
        return date(year, mo, d)
    if kind == "nth":
        n, wd, mo = (int(x) for x in args)
        first = date(year, mo, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    if kind == "last":
        wd, mo = (int(x) for x in args)
        last = tv.interval(tv.fmt_month(year, mo))[1]
        return last - timedelta(days=(last.weekday() - wd) % 7)
    # US general election: the Tuesday after the first Monday in November
    nov1 = date(year, 11, 1)
    monday = nov1 + timedelta(days=(0 - nov1.weekday()) % 7)
    return monday + timedelta(days=1)


class Resolver:
    """Resolves readings in text order, keeping the narrative's anchor as it goes."""

    def __init__(self, doc: Doc, published: date | None, text: str) -> None:
        self.doc = doc
        self.text = text
        self.pub = published
        self.par_starts = _paragraph_starts(doc, text)
        self.sent_starts = _sentence_starts(doc)
        self.anchor: Anchor | None = None
        self.speech: Anchor | None = None  # last day named outside quotations: when a quote was spoken
        self.sentence_days: dict[int, str] = {}
        self.sentence_dir: dict[int, str] = {}  # a sentence that names a later date looks ahead
        self.quoted = sorted(s for q in (doc._.quotes or []) if q.kind != "indirect" for s in q.content_spans)
        self.quoted_starts = [s for s, _ in self.quoted]
        self.story: Anchor | None = None  # the last date of a story told in the past, far from publication
        self.breaks: list[int] | None = None  # sentences narrated in the present (story.narration_breaks)
        self.basis: str | None = None  # the date the reading being resolved was counted from

    def quoted_between(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.quoted_starts, end) - 1
        return i >= 0 and self.quoted[i][1] > start

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.par_starts, pos) - 1

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def narrative(self, r: Reading, *, same_paragraph: bool = False, not_publication: bool = False,
                  near: bool = False) -> str | None:
        """The narrative's date for ``r``: from this or the previous paragraph (``near``: this or the
        previous sentence of the same paragraph), else None."""
        a = self.anchor
        if a is None:
            return None
        p = self.paragraph(r.start)
        if a.paragraph < p - (0 if same_paragraph or near else 1):
            return None
        carries = tv.granularity(a.value) == "year" or a.how != "publication"  # "In 1953 …" / "On March 5, 1953 …"
        if near and a.sentence < self.sentence(r.start) - (1 if carries else 0):
            return None
        if not_publication and a.how == "publication":
            return None
        return a.value

    def in_story(self, r: Reading) -> str | None:
        """The date of the story told in the past that ``r`` belongs to: the story's last date was
        far from the publication, ``r`` is told in the past tense and no sentence since is
        narrated in the present; else None."""
        s = self.story
        if s is None or self.pub is None or self.direction(r) != "past" or self.reported(r):
            return None  # without a publication date nothing says the story is set in the past
        if tv.granularity(s.value) in ("year", "decade", "century") and not self.long_ago(s.value):
            return None  # "bought it in 2014 … In September, he handed it over": the news moved on
        if self.breaks is None:
            self.breaks = [self.sentence(b) for b in narration_breaks(self.doc, self.quoted_between)]
        here = self.sentence(r.start)
        i = bisect.bisect_right(self.breaks, s.sentence)
        if i < len(self.breaks) and self.breaks[i] < here:
            return None
        return s.value

    def long_ago(self, value: str) -> bool:
        """A year at least ``STORY_YEARS`` before publication: a story set in another time."""
        return self.pub is not None and tv.interval(value)[1].year <= self.pub.year - STORY_YEARS

    def reported(self, r: Reading) -> bool:
        """``r`` dates a report ("said in March", "a June report"): news time, not a story's."""
        return reported_when(self.doc, r.start, r.end, lexicon()["reporting_words"])

    def resolve(self, r: Reading) -> tuple[str | None, str]:
        self.basis = None
        handler = getattr(self, "_r_" + r.rule)
        value, how = handler(r)
        if value is None or not tv.is_value(value):
            return None, "unresolved"
        return value, how

    def anchor_of(self, how: str) -> str | None:
        """What the last resolved value was counted from, for ``TimeExpression.anchor``."""
        if how == "publication":
            return self.pub.isoformat() if self.pub else None
        return self.basis if how in ("narrative", "quotation") else None

    def remember(self, r: Reading, value: str | None, how: str) -> None:
        if value is None or r.rule in ("present", "clock") or tv.granularity(value) == "century":
            return
        if not self.tells_the_story(r):
            return
        self.anchor = Anchor(value, how, self.paragraph(r.start), self.sentence(r.start))
        if not self.in_quote(r.start) and (how != "narrative" or not far_from(value, self.pub, STORY_DAYS)):
            # a date the text gives far from publication begins a story; news time ends it
            told = how == "absolute" and not r.args.get("named")  # "9/11 plotter" names an event
            self.story = self.anchor if told and far_from(value, self.pub, STORY_DAYS) else None
        if tv.granularity(value) in ("day", "time"):
            self.sentence_days[self._sent_start(r.start)] = value[:10]
            if not self.in_quote(r.start):
                self.speech = Anchor(value[:10], how, self.paragraph(r.start))

    def tells_the_story(self, r: Reading) -> bool:
        """False for a date the narrative is not told from: the start of a stretch ("since Jan. 1,
        2015"), a comparison's base ("rose 2% from December 2003", "than in 2003"), a target
        not yet reached ("wants 10% by the end of 2005", "until 2008"; "By 1958 all had left" tells)."""
        before = self.text[max(0, r.start - 12):r.start].lower().split()
        word = before[-1] if before else ""
        if word == "in" and len(before) > 1:
            word = before[-2] if before[-2] == "than" else word
        if word in ("since", "than"):
            return False
        if word == "from":
            return bool(re.match(r"\s*(?:[-–]|(?:to|until|till|through|and)\b)", self.text[r.end:r.end + 10], re.I))
        return word not in ("by", "until", "till") or tense(self.doc, r.start, r.end) == "past"

    def direction(self, r: Reading) -> str:
        """past | future | present for a reading: "since" looks back, else the tense, else the sentence."""
        before = self.text[max(0, r.start - 8):r.start].split()
        if before and before[-1].lower() == "since":
            return "past"
        d = tense(self.doc, r.start, r.end)
        if d == "present":
            return self.sentence_dir.get(self._sent_start(r.start), d)
        return d

    def note_direction(self, r: Reading, value: str | None, how: str) -> None:
        if value is None or how != "publication" or self.pub is None or r.rule == "present":
            return
        if tv.interval(value)[0] > self.pub:  # only a later date says the sentence looks ahead
            self.sentence_dir.setdefault(self._sent_start(r.start), "future")

    def _sent_start(self, pos: int) -> int:
        span = self.doc.char_span(pos, min(pos + 1, len(self.text)), alignment_mode="expand")
        return span.sent.start_char if span is not None else -1

    # -- one method per reading rule --------------------------------------------------------

    def _r_abs(self, r: Reading) -> tuple[str | None, str]:
        return r.args["value"], "absolute"

    def _r_vague(self, r: Reading) -> tuple[str | None, str]:
        return None, "unresolved"

    def _r_pub(self, r: Reading) -> tuple[str | None, str]:
        if self.pub is None:
            return None, "unresolved"
        unit, n = r.args["unit"], r.args["n"]
        base = self.pub.isoformat()
        sp = self.speech
        if unit == "day" and sp and self.in_quote(r.start) and sp.paragraph >= self.paragraph(r.start) - 1:
            self.basis = sp.value  # "last night", said on Tuesday, is Monday night
            return tv.shift(sp.value, n, unit), "narrative"
        if unit == "weekend":
            if n == 0 and self.pub.weekday() < 5 and self.direction(r) == "past":
                n = -1  # "this weekend", told on a Monday in the past tense: the one just gone
            week = tv.shift(base, n, "week")
            return (week + "-WE" if week else None), "publication"
        if unit == "century":
            c = self.pub.year // 100 + n
            return f"{c:02d}XX", "publication"
        if unit == "decade":
            return tv.shift(base[:4], n * 10, "year"), "publication"
        value = tv.shift(base, n, unit)
        return value, "publication"

    def story_base(self, r: Reading) -> str | None:
        """The narrative's date for an anaphoric reading: this or the previous paragraph's, else
        (for a year, season or month) the date of the story told in the past it belongs to."""
        self.basis = self.narrative(r)
        if self.basis is None and r.args.get("unit") not in ("day", "week", "weekend"):
            self.basis = self.in_story(r)  # "that day", "earlier in the day" point at the last day told
        return self.basis

    def _r_anchor(self, r: Reading) -> tuple[str | None, str]:
        base = self.story_base(r)
        if base is None:
            if r.args.get("or_pub"):
                return self._r_pub(r)
            return None, "unresolved"
        unit, n = r.args["unit"], r.args["n"]
        value = tv.shift(base, n, unit) if n else tv.truncate(base, unit)
        return value, "narrative"

    def _r_anchor_season(self, r: Reading) -> tuple[str | None, str]:
        base = self.story_base(r)
        y = tv.year_of(base) if base else None
        if y is None:
            return None, "unresolved"
        return f"{y + r.args['n']:04d}-{r.args['season']}", "narrative"

    def _r_same(self, r: Reading) -> tuple[str | None, str]:
        base = self.basis = self.narrative(r)  # "at the time" of what was just told, not of a story long ago
        return (base, "narrative") if base else (None, "unresolved")

    def _r_present(self, r: Reading) -> tuple[str | None, str]:
        return (self.pub.isoformat(), "publication") if self.pub else (None, "unresolved")

    def _r_month(self, r: Reading) -> tuple[str | None, str]:
        mo, day = r.args["month"], r.args.get("day")
        rel, year_rel = r.args.get("rel"), r.args.get("year_rel")

        def fmt(y: int) -> str | None:
            try:
                return date(y, mo, day).isoformat() if day else tv.fmt_month(y, mo)
            except ValueError:
                return None

        if year_rel is not None:
            return (fmt(self.pub.year + year_rel), "publication") if self.pub else (None, "unresolved")
        if rel is not None:
            if self.pub is None:
                return None, "unresolved"
            y, m = self.pub.year, self.pub.month
            if rel == -1:
                return fmt(y if mo < m else y - 1), "publication"
            if rel == 1:
                return fmt(y if mo > m else y + 1), "publication"
            return fmt(y), "publication"
        # a narrative about another year carries its months ("In 1956 … in March")
        reported = self.pub is not None and self.reported(r)  # with a publication date, news time is known
        base = None if reported else self.narrative(r, near=True, not_publication=True)
        story_year = tv.year_of(base) if base else None
        if story_year is None or (self.pub is not None and story_year == self.pub.year):
            base = (self._near_story_day(r) if day else None) or self.in_story(r)
        if base is not None:
            self.basis = base
            return occurrence_in_story(base, fmt), "narrative"
        if self.pub is None:
            return None, "unresolved"
        direction = self.direction(r)
        cands = []
        for yy in (self.pub.year - 1, self.pub.year, self.pub.year + 1):
            v = fmt(yy)
            if v:
                cands.append(tv.interval(v)[0] if not day else date.fromisoformat(v))
        if not cands:
            return None, "unresolved"
        if not day:  # a month counts as "not after publication" when it has begun
            pub_month_start = self.pub.replace(day=1)
            pick = _pick(cands, pub_month_start, direction)
        else:
            pick = _pick(cands, self.pub, direction)
        return fmt(pick.year), "publication"

    def _near_story_day(self, r: Reading) -> str | None:
        """The full date of this or the previous paragraph ("on Dec. 28, 2015") a month and day
        ("Dec. 30") is told from, in the past tense (or the future, counting forward), when it is
        not of the publication's days: the crime story's arrest, not the publication year."""
        base = self.narrative(r, not_publication=True)
        if base is None or tv.granularity(base) not in ("day", "time") or self.anchor is None \
                or self.anchor.how != "absolute":
            return None  # only a date the text gives in full, not one itself inferred
        if not far_from(base, self.pub, STORY_DAYS):
            return None  # the story is the publication's own days: the usual reading serves
        if self.direction(r) == "present":
            return None  # "lawyers have until 21 March": the reader's time, not the story's
        return base

    def _r_weekday(self, r: Reading) -> tuple[str | None, str]:
        if self.pub is None:
            return None, "unresolved"
        wd, rel, week_rel = r.args["weekday"], r.args.get("rel"), r.args.get("week_rel")
        if week_rel is not None:
            monday = self.pub - timedelta(days=self.pub.weekday()) + timedelta(weeks=week_rel)
            return (monday + timedelta(days=wd)).isoformat(), "publication"
        back = self.pub - timedelta(days=(self.pub.weekday() - wd) % 7)
        fwd = self.pub + timedelta(days=(wd - self.pub.weekday()) % 7)
        if rel == -1:
            d = back if back != self.pub else back - timedelta(days=7)
        elif rel == 1:
            d = fwd if fwd != self.pub else fwd + timedelta(days=7)
        else:
            # news tells of days just gone unless it says otherwise, or the day is the next one or two
            direction = self.direction(r)
            soon = (fwd - self.pub).days <= 2 and (self.pub - back).days >= 5
            d = fwd if direction == "future" or (direction == "present" and soon) else back
        return d.isoformat(), "publication"

    def _r_season(self, r: Reading) -> tuple[str | None, str]:
        if self.pub is None:
            return None, "unresolved"
        season, rel = r.args["season"], r.args.get("rel") or 0
        this = self.pub.year - (1 if season == "WI" and self.pub.month <= 2 else 0)
        if rel == -1:  # "last spring": the latest spring already over
            y = this if tv.interval(f"{this:04d}-{season}")[1] < self.pub else this - 1
        else:
            y = this + rel
        return f"{y:04d}-{season}", "publication"

    def _r_holiday(self, r: Reading) -> tuple[str | None, str]:
        rule, year, rel = r.args["rule"], r.args.get("year"), r.args.get("rel")
        if year is not None:
            return _holiday(rule, year).isoformat(), "absolute"
        base = self.narrative(r, near=True, not_publication=True)
        y = tv.year_of(base) if base else None
        if y is not None and (self.pub is None or y != self.pub.year) and rel is None:
            if rule != "election" or y % 2 == 0:
                self.basis = base
                return _holiday(rule, y).isoformat(), "narrative"  # "in 2012 … soon after Election Day"
        if self.pub is None:
            return None, "unresolved"
        if rel is not None:
            return _holiday(rule, self.pub.year + rel).isoformat(), "publication"
        cands = [_holiday(rule, y) for y in (self.pub.year - 1, self.pub.year, self.pub.year + 1)]
        if rule == "election":
            cands = [c for c in cands if c.year % 2 == 0] or cands
        return _pick(cands, self.pub, self.direction(r)).isoformat(), "publication"

    def _r_clock(self, r: Reading) -> tuple[str | None, str]:
        """A time of day takes its sentence's day, else (outside quotations, e.g. a live blog's
        "6:05 p.m.") the publication day; "a 3 a.m. call" and schedules are no moment."""
        hhmm = f"T{r.args['hh']:02d}:{r.args['mm']:02d}"
        before = self.text[max(0, r.start - 60):r.start].lower().split()
        if set(before[-8:]) & set(lexicon()["recurring_markers"]) or (before and before[-1] in ("a", "an")):
            return None, "unresolved"
        day = self.sentence_days.get(self._sent_start(r.start))
        if day is not None:
            self.basis = day
            return day + hhmm, "narrative"
        if self.pub is not None and not self.in_quote(r.start):
            return self.pub.isoformat() + hhmm, "publication"
        return None, "unresolved"


def _without_far_future(doc: Doc, text: str, found: list[Reading], pub: date | None) -> list[Reading]:
    """Drop bare years far after the article's time (its publication, else the latest other year
    it names) unless the tense is future or a preposition of time leads them ("by 2050", "the
    whole of 2004")."""
    def year(r: Reading) -> int | None:
        v = r.args.get("value", "") if r.rule == "abs" else ""
        return int(v[:4]) if v[:4].isdigit() else None

    years = sorted(y for y in map(year, found) if y is not None)
    out = []
    for r in found:
        y = year(r) if r.needs_context else None
        if y is not None:
            others = list(years)
            others.remove(y)
            ref = pub.year if pub is not None else (others[-1] if others else None)
            if ref is not None and y > ref + _FAR_FUTURE_YEARS and tense(doc, r.start, r.end) != "future":
                before = text[max(0, r.start - 8):r.start].split()
                if not before or before[-1].lower() not in _DATE_PREPOSITIONS:
                    continue
        out.append(r)
    return out


def find_times(doc: Doc, published: str | None = None, text: str | None = None) -> list[TimeExpression]:
    """The doc's time expressions in text order, each with its value and how it was resolved.

    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it from the tokens on each access).
    """
    text = doc_text(doc) if text is None else text
    date_chars = bytearray(len(text))
    name_chars = bytearray(len(text))
    tokens = token_table(doc)  # the entities as doc.ents gives them, without Span objects
    for first, last, label in tokens.ents:
        start, end = tokens.idx[first], tokens.end_char(last - 1)
        if label in ("DATE", "TIME"):
            date_chars[start:end] = b"\x01" * (end - start)
        elif label in NAME_LABELS:
            name_chars[start:end] = b"\x01" * (end - start)
    resolver = Resolver(doc, parse_published(published if published is not None else doc._.published), text)
    found = [r for r in readings(text) if _confirmed(doc, text, r, date_chars, name_chars)]
    found = _without_far_future(doc, text, found, resolver.pub)
    # clock times take their day from the sentence: resolve them after the dates around them
    out: dict[int, TimeExpression] = {}
    for r in found:
        if r.rule == "clock":
            continue
        value, how = resolver.resolve(r)
        resolver.remember(r, value, how)
        resolver.note_direction(r, value, how)
        out[r.start] = TimeExpression((r.start, r.end), text[r.start:r.end], value, how, resolver.anchor_of(how))
    _count_from_speech(doc, resolver, [r for r in found if r.rule in _DEICTIC], out)
    for r in found:
        if r.rule == "clock":
            value, how = resolver.resolve(r)
            out[r.start] = TimeExpression((r.start, r.end), text[r.start:r.end], value, how, resolver.anchor_of(how))
    return [out[k] for k in sorted(out)]


_DEICTIC = ("pub", "present", "weekday")
"""Rules counted from the publication date that, inside a quotation, count from when it was said."""


def _count_from_speech(doc: Doc, resolver: Resolver, deictic: list[Reading], out: dict[int, TimeExpression]) -> None:
    """A quotation's "today", "yesterday", "now", "on Monday" count from the day its attribution
    gives ("said on 3 May"), not from the publication (``how`` "quotation")."""
    if not deictic:
        return
    said = speech_days(doc, list(doc._.quotes or []), [out[k] for k in sorted(out)])
    pub, speech = resolver.pub, resolver.speech
    resolver.speech = None  # the day the attribution gives, not the last day named before
    for q, day in said:
        resolver.pub = date.fromisoformat(day)
        for r in deictic:
            if any(s <= r.start < e for s, e in q.content_spans):
                value, how = resolver.resolve(r)
                if how == "publication":
                    out[r.start] = TimeExpression((r.start, r.end), out[r.start].text, value, "quotation", day)
    resolver.pub, resolver.speech = pub, speech

