"""Plain, JSON-ready records of what newsgraph finds in an article.

Every span is ``(start, end)``: Python ``str`` offsets into ``Article.text``, the
original input exactly as read (UTF-8, no newline translation), so any result can
be highlighted in its article and checked by a person.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]

PLACE_TYPES = ("GPE", "LOC", "FAC")
"""Entity types shown as places (countries and cities, other locations, facilities)."""


def content_hash(text: str) -> str:
    """Identity of an article's text: the same text ingested twice is one article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


KEY_LENGTH = 16
"""Hex digits of the content hash in an article's stable key (64 bits: no collision in any real store)."""


def article_key(text_hash: str) -> str:
    """The article's stable key, for links and API URLs: the start of its content hash, so the same
    article has the same key in every store built from the same inputs (ingest order does not matter)."""
    return text_hash[:KEY_LENGTH]


@dataclass
class Paragraph:
    start: int
    end: int
    kind: str = "text"  # "text" | "heading"


@dataclass
class Speaker:
    name: str | None = None  # resolved full name as introduced in the article
    mention: Span | None = None  # the words naming or pointing at the speaker
    descriptor: str | None = None  # "a source", "film critic" (kept when unnamed)
    type: str | None = None  # "PERSON" | "ORG" | "GROUP" | "UNNAMED"; None when no speaker was found
    affiliation: str | None = None  # whom an unnamed source or group speaks for ("the union")
    # the attribution strategy that found the speaker (quotes/attribution.py), which quotes/confidence.py
    # rates; not output, and no part of a speaker's identity
    found_by: str | None = field(default=None, compare=False, repr=False)


@dataclass
class Quote:
    content_spans: list[Span]
    kind: str  # "direct" | "mixed" | "indirect"
    speaker: Speaker = field(default_factory=Speaker)
    cue: Span | None = None
    cue_lemma: str | None = None
    confidence: float = 1.0
    act: str = "speech"  # "speech" | "thought" | "other" (analyse/quotes/acts.py)
    parent: int | None = None  # index (in Article.quotes) of the quotation this one is reported inside

    @property
    def start(self) -> int:
        return self.content_spans[0][0]

    @property
    def end(self) -> int:
        return self.content_spans[-1][1]

    def content(self, text: str) -> str:
        """The quoted words: the article ``text`` of each content span, joined by a space."""
        return " ".join(text[s:e] for s, e in self.content_spans)


@dataclass
class Entity:
    name: str  # canonical name
    type: str  # PERSON | ORG | GPE | LOC | NORP | ...
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    geo: dict[str, Any] | None = None  # {"lat", "lon", "country"}
    gender: str | None = None  # PERSON: "female" | "male" when the text (or else the given name) says so, else None
    gender_basis: str | None = None  # what decided ``gender``: "text" (titles, pronouns, role/kin words) | "name"

    @property
    def said_gender(self) -> str | None:
        """The gender the text says (not one only the given name decided): what a store keeps."""
        return None if self.gender_basis == "name" else self.gender


@dataclass
class TimeExpression:
    span: Span
    text: str
    value: str | None  # ISO 8601 value ("1957", "2016-09-11", "2019-04") or None
    how: str  # how it was resolved: "absolute", "publication", "narrative", "quotation", "unresolved"
    anchor: str | None = None  # the date it was counted from (publication, story or speech date); not serialised


@dataclass
class Event:
    date: str | None
    text: str  # the clause the date governs
    span: Span
    participants: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    time_span: Span | None = None
    kind: str = "event"  # "event" (dated by a time expression) | "quote" (a quotation, dated by the article)


@dataclass
class Article:
    text: str
    document: str = "<text>"  # base name of the input file, or an id
    title: str | None = None
    published: str | None = None
    source: str | None = None  # path or URL it came from
    outlet: str | None = None
    url: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    boilerplate: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
    author: str | None = None  # byline, when the input has one (stored in articles.author, schema 2)

    @property
    def hash(self) -> str:
        return content_hash(self.text)

    @property
    def key(self) -> str:
        return article_key(self.hash)

    @property
    def headings(self) -> list[Span]:
        return [(p.start, p.end) for p in self.paragraphs if p.kind == "heading"]

    def span_text(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        """The documented JSON object (README, "Output format"); scorer-compatible."""
        out: dict[str, Any] = {
            "document": self.document,
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "outlet": self.outlet,
            "url": self.url,
            "author": self.author,
            "hash": self.hash,
            "quotes": [_quote_dict(q, self.text, self.entities) for q in self.quotes],
            "entities": [asdict(e) for e in self.entities],
            "headings": [list(s) for s in self.headings],
            "boilerplate": [list(s) for s in self.boilerplate],
            "paragraphs": [[p.start, p.end, p.kind] for p in self.paragraphs],
            "times": [asdict(t) for t in self.times],
            "timeline": [
                {
                    "date": e.date,
                    "text": e.text,
                    "span": list(e.span),
                    "participants": e.participants,
                    "places": e.places,
                    "time_span": list(e.time_span) if e.time_span else None,
                    "kind": e.kind,
                }
                for e in self.timeline
            ],
        }
        for ent in out["entities"]:
            ent["mentions"] = [list(m) for m in ent["mentions"]]
        for t in out["times"]:
            t["span"] = list(t["span"])
            del t["anchor"]  # not in the store yet: JSON says what a stored article says
        if with_text:
            out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Inverse of ``to_dict(with_text=True)`` (used by Parquet shards and tests)."""
        art = cls(
            text=d["text"],
            document=d.get("document", "<text>"),
            title=d.get("title"),
            published=d.get("published"),
            source=d.get("source"),
            outlet=d.get("outlet"),
            url=d.get("url"),
            author=d.get("author"),
        )
        art.paragraphs = [Paragraph(s, e, k) for s, e, k in d.get("paragraphs", [])]
        art.boilerplate = [tuple(s) for s in d.get("boilerplate", [])]
        for q in d.get("quotes", []):
            spk = q.get("speaker") or {}
            art.quotes.append(
                Quote(
                    content_spans=[tuple(s) for s in q["content_spans"]],
                    kind=q["kind"],
                    speaker=Speaker(
                        spk.get("name"),
                        tuple(spk["mention"]) if spk.get("mention") else None,
                        spk.get("descriptor"),
                        spk.get("type"),
                        spk.get("affiliation"),
                    ),
                    cue=tuple(q["cue"]) if q.get("cue") else None,
                    cue_lemma=q.get("cue_lemma"),
                    confidence=q.get("confidence", 1.0),
                    act=q.get("act", "speech"),
                    parent=q.get("parent"),
                )
            )
        for e in d.get("entities", []):
            art.entities.append(
                Entity(
                    name=e["name"],
                    type=e["type"],
                    mentions=[tuple(m) for m in e.get("mentions", [])],
                    aliases=list(e.get("aliases", [])),
                    roles=list(e.get("roles", [])),
                    geo=e.get("geo"),
                    gender=e.get("gender"),
                    gender_basis=e.get("gender_basis"),
                )
            )
        for t in d.get("times", []):
            art.times.append(TimeExpression(tuple(t["span"]), t["text"], t["value"], t["how"]))
        for ev in d.get("timeline", []):
            art.timeline.append(
                Event(
                    ev["date"],
                    ev["text"],
                    tuple(ev["span"]),
                    list(ev.get("participants", [])),
                    list(ev.get("places", [])),
                    tuple(ev["time_span"]) if ev.get("time_span") else None,
                    ev.get("kind", "event"),
                )
            )
        return art


SPEAKER_ENTITY_TYPES = {"PERSON": ("PERSON",), "ORG": ("ORG", "NORP", "GPE", "LOC", "FAC")}
"""Entity types a speaker of each type may point at in the article's ``entities``."""


def speaker_entity(speaker: Speaker, entities: list[Entity]) -> int | None:
    """Index of the speaker's entry in ``entities`` (by name or alias and type), or None."""
    types = SPEAKER_ENTITY_TYPES.get(speaker.type or "PERSON")  # untyped: records made before types
    if not speaker.name or types is None:
        return None
    for k, ent in enumerate(entities):
        if ent.type in types and (ent.name == speaker.name or speaker.name in ent.aliases):
            return k
    return None


def _quote_dict(q: Quote, text: str, entities: list[Entity]) -> dict[str, Any]:
    return {
        "content_spans": [list(s) for s in q.content_spans],
        "content": q.content(text),
        "speaker": {
            "name": q.speaker.name,
            "type": q.speaker.type,
            "entity": speaker_entity(q.speaker, entities),
            "mention": list(q.speaker.mention) if q.speaker.mention else None,
            "descriptor": q.speaker.descriptor,
            "affiliation": q.speaker.affiliation,
        },
        "cue": list(q.cue) if q.cue else None,
        "cue_lemma": q.cue_lemma,
        "kind": q.kind,
        "confidence": round(q.confidence, 3),
        "act": q.act,
        "parent": q.parent,
    }
