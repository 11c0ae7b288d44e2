"""How far to trust a quotation in marks: the chance that its words and its speaker are right.

Reported speech carries the attribution model's probability (``indirect.py``). Direct and mixed
quotations are rated by how their speaker was found, the *route*: the attribution strategy
(``attribution.ATTRIBUTION_STRATEGIES``; ``mixed`` for a fragment's governing cue, ``unattributed``
when no strategy found anyone) and the words that name the speaker (``mention_kind``). Each route's
confidence is the share of its quotations that were right on PolNeAR train, smoothed toward the
broader route it belongs to, in ``data/quote_confidence.tsv`` (``scripts/calibrate_confidence.py``,
``make train``). A route too rare to rate backs off to its strategy, then to its kind of mention,
then to all quotations in marks (``ANY``).
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.analyse.base.cues import RELATIVE_PRONOUNS
from newsgraph.analyse.base.data import data_rows
from newsgraph.analyse.quotes.person_names import PRONOUNS
from newsgraph.model import Quote, Speaker

CONFIDENCE_TABLE = "quote_confidence.tsv"
ANY = "*"
"""The pooled part of a route: ``cue_in_sentence/*`` is every kind of mention that strategy found."""

MIXED = "mixed"
UNATTRIBUTED = "unattributed"
CARRIED_BY = "last_speaker_continues"
GROUP_TYPES = frozenset({"ORG", "GROUP"})
POINTING = frozenset(PRONOUNS) | RELATIVE_PRONOUNS | {"it"}
"""Words that point at a speaker named elsewhere: the speaker is as good as the resolution."""


def mention_kind(text: str, speaker: Speaker, quote_start: int) -> str:
    """What names the speaker: ``name``, ``pronoun``, ``descriptor`` ("the minister" resolved to a
    person), ``organisation`` (an organisation or a group), ``unnamed`` ("a spokesman"), ``carried``
    (the last quotation's speaker, named in this paragraph) or ``carried_paragraph`` (named in an
    earlier paragraph), or ``none`` (no one)."""
    if speaker.name is None:
        return "none"
    if speaker.found_by == CARRIED_BY:
        named_at = speaker.mention[1] if speaker.mention else quote_start
        return "carried_paragraph" if "\n" in text[named_at:quote_start] else "carried"
    if speaker.type in GROUP_TYPES:
        return "organisation"
    if speaker.type == "UNNAMED":
        return "unnamed"
    words = text[speaker.mention[0] : speaker.mention[1]].strip() if speaker.mention else ""
    if words.lower() in POINTING:
        return "pronoun"
    named = set(speaker.name.lower().split()) & set(words.lower().split())
    return "name" if named else "descriptor"


def quote_route(text: str, quote: Quote) -> str:
    """``strategy/mention kind`` of a direct or mixed quotation (``cue_in_sentence/pronoun``)."""
    strategy = MIXED if quote.kind == MIXED else quote.speaker.found_by or UNATTRIBUTED
    return f"{strategy}/{mention_kind(text, quote.speaker, quote.start)}"


def backoff(route: str) -> list[str]:
    """The rows that may rate ``route``, the narrowest first."""
    strategy, kind = route.split("/", 1)
    return [route, f"{strategy}/{ANY}", f"{ANY}/{kind}", f"{ANY}/{ANY}"]


@lru_cache(maxsize=1)
def confidence_table() -> dict[str, float]:
    """Route -> calibrated confidence, from ``quote_confidence.tsv`` (route, quotations, right, confidence)."""
    return {row[0]: float(row[3]) for row in data_rows(CONFIDENCE_TABLE)}


def route_confidence(route: str, table: dict[str, float] | None = None) -> float:
    """The confidence of the narrowest row of ``table`` (the shipped one by default) rating ``route``."""
    table = confidence_table() if table is None else table
    return next((table[r] for r in backoff(route) if r in table), 1.0)


def rate_quotes(text: str, quotes: list[Quote]) -> None:
    """Set the confidence of each direct and mixed quotation from its route (reported speech keeps
    the model's probability)."""
    for q in quotes:
        if q.kind != "indirect":
            q.confidence = route_confidence(quote_route(text, q))
