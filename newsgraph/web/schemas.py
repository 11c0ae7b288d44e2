"""Response schemas of /api (OpenAPI at /openapi.json): every list is a `Page` of items.

Models name the fields every item has; extra fields pass through (``extra="allow"``), so a column
added to the store reaches the API before its schema says so.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Item(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``next`` is the URL of the following page (null on the last)."""

    items: list[T]
    total: int = Field(description="rows in the whole filtered list")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, null on the last")


class EstimatedPage(Page[T], Generic[T]):
    """A page whose total may be an estimate."""

    total_exact: bool = Field(True, description="false when `total` is an estimate: a search matching more "
                              "than 2,000 quotations or articles, counted from its latest matches")


class Snippet(Item):
    text: str = Field(description="the sentence of the first match")
    start: int = Field(description="its offset in the article text")
    highlights: list[list[int]] = Field(description="matched words, [start, end] in `text`")
    highlighted: str = Field(description="`text` with the matches in [[ ]]")


class ArticleItem(Item):
    id: int = Field(description="ingest order in this store (changes when a store is rebuilt)")
    key: str = Field(description="stable key: the start of the content hash (/api/articles/{key})")
    document: str
    author: str | None = None
    url: str | None = None
    title: str | None
    published: str | None
    outlet: str | None
    ingested_at: str
    quotes: int
    snippet: Snippet | None = Field(None, description="with `search`: where it matches")


class QuoteItem(Item):
    id: int
    article_id: int
    article_key: str = Field(description="the article's stable key")
    document: str
    title: str | None
    published: str | None
    content: str
    spans: list[list[int]] = Field(description="[start, end] pieces of the content in the article text")
    kind: str
    speaker: str | None
    speaker_type: str | None = Field(None, description="PERSON, ORG, GROUP or UNNAMED")
    affiliation: str | None = Field(None, description="whom an unnamed source or group speaks for")
    descriptor: str | None
    confidence: float
    highlights: list[list[int]] | None = Field(None, description="with `search`: matched words in `content`")
    highlighted: str | None = Field(None, description="with `search`: `content` with the matches in [[ ]]")


class PersonItem(Item):
    name: str = Field(description="display name (the person's page is /person/{name})")
    names: list[str] = Field(description="every name merged into this person")
    kind: str = Field(description="person, or other: a speaker no person entity stands for")
    global_id: int | None
    quotes: int
    mentions: int
    articles: int


class PlaceItem(Item):
    name: str
    mentions: int
    articles: int
    lat: float | None
    lon: float | None
    country: str | None
    types: str | None


class EventItem(Item):
    id: int
    article_id: int
    article_key: str = Field(description="the article's stable key")
    date: str | None
    text: str
    start: int
    end: int
    participants: list[str]
    places: list[str]
    kind: str


class TimelinePage(Page[EventItem]):
    per_year: list[dict[str, str | int]] = Field(description="[{year, events}] for the whole filtered list")


class WhoRow(Item):
    by: str
    value: str | None = Field(description="the outlet, month or year; null when not known; 'all' for the total")
    quotes: int
    person: int
    organisation: int
    group: int
    other: int
    unnamed: int
    female: int
    male: int
    unknown: int = Field(description="quotations by people whose gender is not known")
    share_person: float | None
    share_unnamed: float | None
    share_female: float | None = Field(description="female / (female + male)")


class Period(Item):
    period: str = Field(description="2016-09 (month), 2016 (year) or the Monday 2016-09-12 (week)")
    articles: int
    quotes: int


class AttentionPage(Page[Period]):
    unit: str
    undated: dict[str, int] = Field(description="articles and quotations with no publication date")
    sample: int | None = Field(None, description="the counts are of this many latest-ingested articles (a search: "
                               "and latest matching quotations) only; null: of all of them")


class Error(BaseModel):
    """Every API error: 404, 422 (``problems`` lists each bad parameter), 503."""

    status: int
    detail: str
    problems: list[dict[str, str]] = Field(default_factory=list, description="422: each bad parameter")
    suggestions: list[str] = Field(default_factory=list, description="404 of a person: the nearest names")


ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": Error, "description": "no such item (with suggestions when a name is close)"},
    422: {"model": Error, "description": "a bad parameter"},
    503: {"model": Error, "description": "the query ran past its time budget, or the store is busy"},
}
