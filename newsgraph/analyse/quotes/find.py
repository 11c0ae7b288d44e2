"""All quotations of a Doc: direct and mixed first, then reported speech around them."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.analyse.quotes.confidence import rate_quotes
from newsgraph.analyse.quotes.direct import QuoteFinder
from newsgraph.analyse.quotes.indirect import MIN_CONFIDENCE, find_indirect_quotes
from newsgraph.analyse.quotes.nesting import link_nested
from newsgraph.model import Quote, Speaker


def find_quotes(doc: Doc, *, indirect_min_confidence: float = MIN_CONFIDENCE) -> list[Quote]:
    """The Doc's quotations in text order, each piece of speech once (``nesting.link_nested``),
    each with its confidence (``confidence.rate_quotes``; the model's for reported speech).
    Indirect candidates inside a direct quotation's words are judged knowing it, so the direct
    ones are found first."""
    finder = QuoteFinder(doc)
    quotes = finder.quotes()
    rate_quotes(finder.text, quotes)
    spans = sorted(sp for q in quotes for sp in q.content_spans)
    quotes.extend(find_indirect_quotes(doc, spans, finder.people, min_confidence=indirect_min_confidence))
    for q in quotes:
        without_pronoun_descriptor(q.speaker)
    return link_nested(quotes)


POINTING_WORDS = frozenset({
    "it", "its", "you", "he", "she", "they", "his", "her", "their", "this", "that", "these",
    "those", "what", "which", "who", "one", "some", "many", "most", "all", "others", "both", "each"})
"""Words that point at a speaker without describing one: left unresolved, they are no descriptor.
("I" and "we" stay: the writer of a letter or column speaks, and a reader knows who that is.)"""


def without_pronoun_descriptor(speaker: Speaker) -> None:
    """A speaker nobody could be found for keeps its mention (where the text points) but not a
    "descriptor" such as "It" or "which", which lists would show as if it named a source."""
    if speaker.name is None and speaker.descriptor and speaker.descriptor.strip().lower() in POINTING_WORDS:
        speaker.descriptor = None
        if speaker.type == "UNNAMED":
            speaker.type = None
