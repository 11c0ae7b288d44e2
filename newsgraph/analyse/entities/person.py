"""A person as the people stage builds it: mentions found in the text, grouped under one name.

``people.group_entities`` makes these and turns each into an ``Entity``; ``evidence`` reads
them to decide whether a grouped name is a person at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.analyse.entities import names


@dataclass
class Mention:
    start: int  # token indices of the name words (no title, no possessive)
    end: int
    char_start: int
    char_end: int
    words: list[str]
    title: str | None = None  # honorific or office before the name ("Ms", "President")
    roles: list[str] = field(default_factory=list)  # descriptors before the name, nearest last
    role_start: int | None = None  # char offset where the nearest role begins
    gender: str = "-"  # from a gendered title or a pronoun referring back in the same sentence
    evidence: bool = False  # the context says "a person": a title, a role, "who", subject of "said"
    thing_like: bool = False  # "the Brexit vote": after a determiner, or modifying a lower-case noun
    relative: bool = False  # introduced as someone's relative ("his wife, Heidi Cruz")
    modifier: bool = False  # "Lib Dem leader": a compound of the lower-case noun after it
    neuter: bool = False  # "Pernod said it ...": the subject's pronoun is "it"
    plural: bool = False  # "many Britons believe": one word tagged as a plural noun
    role_ahead: str | None = None  # "Her husband, Bill Clinton": see mention_context.py (read twice, computed once)
    role_after: str | None = None  # "Kim Chong Hun, the last survivor": see mention_context.py

    @property
    def role(self) -> str | None:
        return self.roles[-1] if self.roles else None


@dataclass
class Person:
    name: str
    first: int  # char offset of the first mention (introduction order)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    gender: str = "-"
    short_forms_used_at: dict[str, int] = field(default_factory=dict)
    relative: bool = False  # introduced as someone's relative ("his wife, Heidi Cruz")
    prominent_at: int = -1  # last full-name mention with a description (role or appositive)
    evidence: bool = False  # some mention's context says "a person"
    full_forms: dict[str, int] = field(default_factory=dict)  # written full names -> count
    titled_forms: set[str] = field(default_factory=set)  # full forms written after an honorific ("Mrs Parker Bowles")
    campaigning: bool = False  # "Hillary Clinton and her campaign", "the Clinton campaign": running for office

    @property
    def full(self) -> bool:
        return len(self.name.split()) > 1

    @property
    def parts(self) -> names.NameParts:
        return names.parse(self.name)
