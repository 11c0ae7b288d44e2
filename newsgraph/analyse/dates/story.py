"""The story's time and the speaker's time: what a date without a year, or a quotation's
"today", is counted from when it is not the publication date (issue 17).

* A story set in the past ("On Dec. 28, 2015, police …", "In 1956 …") carries its dates: a
  month or day without a year told in the past tense belongs to the story's time, and the
  narrative moves forward (``occurrence_in_story``).  The story lasts while the narration
  stays in the past: a sentence told in the present or future (outside quotations) ends it
  (``narration_breaks``), as does a date of the publication's own days.
* A quotation's "today" or "yesterday" is the speaker's: when the attribution's verb
  governs a day ("said on 3 May", "told a press conference on Tuesday") the quotation's
  deictic dates count from that day (``speech_days``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from newsgraph.analyse.dates import values as tv
from newsgraph.model import Quote, TimeExpression

STORY_STEP_BACK = timedelta(days=31)
"""How far before the story's date a month or day may still lie ("arrested on Dec. 30 … the
shooting on Dec. 28"); anything earlier is read as the next year's, the narrative moving on."""

_PRESENT_TAGS = {"VBZ", "VBP"}


def occurrence_in_story(told: str, fmt: Callable[[int], str | None]) -> str | None:
    """``fmt(year)`` (a month or a day in some year) in the year a story told from ``told`` puts
    it: the story's year when the story is dated by a year or coarser ("In 1956 … in March"),
    else the first occurrence not before ``told`` less ``STORY_STEP_BACK`` ("on Dec. 29, 2010
    … by Jan. 3" is 2011-01-03)."""
    y = tv.year_of(told)
    if y is None:
        return None
    if tv.granularity(told) in ("year", "decade", "century"):
        return fmt(y)
    earliest = tv.interval(told)[0] - STORY_STEP_BACK
    for year in (y - 1, y, y + 1):
        v = fmt(year)
        if v is not None and tv.interval(v)[1] >= earliest:
            return v
    return None


def far_from(value: str, pub: date | None, days: int) -> bool:
    """True when ``value`` lies wholly more than ``days`` from the publication day (or there is none)."""
    if pub is None:
        return True
    lo, hi = tv.interval(value)
    return hi < pub - timedelta(days=days) or lo > pub + timedelta(days=days)


def _told_in_present(root: Token) -> bool:
    """A sentence narrated in the present or future: "The firm employs 300", "He has lived …", "will"."""
    if root.tag_ in _PRESENT_TAGS or root.tag_ == "MD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and (c.tag_ in _PRESENT_TAGS or c.tag_ == "MD") for c in root.children)


def narration_breaks(doc: Doc, quoted: Callable[[int, int], bool]) -> list[int]:
    """Start offsets of the sentences narrated in the present or future, in order: where a story
    set in the past gives way to the news present.  Sentences holding quoted words are not
    narration ("'It was awful,' she says" tells nothing of the story's time)."""
    if not doc.has_annotation("DEP"):
        return []
    out = []
    for sent in doc.sents:
        if quoted(sent.start_char, sent.end_char):
            continue
        if _told_in_present(sent.root):
            out.append(sent.start_char)
    return out


def _heads(doc: Doc, start: int, end: int, steps: int = 3) -> list[Token]:
    """The tokens up to ``steps`` heads above the expression at ``start:end``, nearest first."""
    span = doc.char_span(start, end, alignment_mode="expand")
    out: list[Token] = []
    tok = span.root if span is not None else None
    while tok is not None and len(out) < steps and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


def reported_when(doc: Doc, start: int, end: int, words: Collection[str]) -> bool:
    """The date at ``start:end`` says when something was said or published ("the agency said in
    March", "in a June report"): news time, never a story's."""
    for t in _heads(doc, start, end):
        if t.lemma_.lower() in words:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False  # "police said he was arrested on Dec. 30": the arrest's date
    return False


def speech_days(doc: Doc, quotes: list[Quote], times: list[TimeExpression]) -> list[tuple[Quote, str]]:
    """Each direct or partly quoted quotation whose reporting verb governs a day, with that day
    ("'We leave today,' he told reporters on Tuesday" → Tuesday's date)."""
    out = []
    for q in quotes:
        if q.kind == "indirect" or q.cue is None:
            continue
        cue = doc.char_span(*q.cue, alignment_mode="expand")
        if cue is None:
            continue
        sent = cue.root.sent
        for t in times:
            if not sent.start_char <= t.span[0] < sent.end_char or t.value is None or tv.granularity(t.value) not in ("day", "time"):
                continue
            if any(s <= t.span[0] < e for s, e in q.content_spans):
                continue
            if any(h.i == cue.root.i for h in _heads(doc, *t.span)):  # "said on Sunday"
                out.append((q, t.value[:10]))
                break
    return out
