"""The JSON API under /api: the data the pages show, documented at /docs and /openapi.json."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request

from newsgraph import query
from newsgraph.web.db import conn_dependency
from newsgraph.web.params import (
    ArticleId,
    ArticleRef,
    DateFrom,
    DateTo,
    Kind,
    Limit,
    NamePart,
    Offset,
    Order,
    Person,
    PersonName,
    Place,
    Search,
    Speaker,
    blank_to_none,
    resolve_article,
)

router = APIRouter(prefix="/api", tags=["api"])
Conn = Annotated[sqlite3.Connection, Depends(conn_dependency)]
NOT_FOUND = {404: {"description": "no such item"}}


@router.get("/stats", summary="Counts of articles, quotes, people, places and failed inputs")
def stats(request: Request, conn: Conn) -> dict[str, int]:
    return request.app.state.store.cached(conn, query.stats)


@router.get("/overview", summary="What the overview page shows")
def overview(request: Request, conn: Conn, limit: Limit = 15) -> dict[str, Any]:
    """Counts, most-quoted speakers, most-mentioned places and the latest ingested articles."""
    store = request.app.state.store
    return {"stats": store.cached(conn, query.stats), "top_speakers": store.cached(conn, query.top_speakers, limit=limit),
            "top_places": store.cached(conn, query.place_counts, limit=limit),
            "recent_articles": query.articles(conn, limit=limit)}


@router.get("/articles", summary="Stored articles, latest ingested first; full-text search of title and text")
def articles(conn: Conn, search: Search = None, date_from: DateFrom = None, date_to: DateTo = None,
             limit: Limit = 50, offset: Offset = 0) -> list[dict[str, Any]]:
    """Each: `id`, `document`, `title`, `published`, `outlet`, `ingested_at`, `quotes` (count). With
    `search`, `snippet`: the sentence of the first match (`text`, `start` in the article,
    `highlights` as spans in the sentence, `highlighted` with matches in `[[` `]]`)."""
    return query.articles(conn, search=blank_to_none(search), date_from=blank_to_none(date_from),
                          date_to=blank_to_none(date_to), limit=limit, offset=offset)


@router.get("/articles/{article_id}", summary="One article with its text and everything found in it",
            responses=NOT_FOUND)
def article(conn: Conn, article_id: ArticleId) -> dict[str, Any]:
    """The documented JSON record (README, "Output format") with `text` and the store `id`."""
    art = query.load_article(conn, article_id)
    if art is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return {"id": article_id, **art.to_dict(with_text=True)}


@router.get("/people", summary="People with mention, quote and article counts")
def people(conn: Conn, name: NamePart = None, limit: Limit = 100) -> list[dict[str, Any]]:
    """Each: `name`, `articles`, `mentions`, `quotes`; most quoted first."""
    return query.people(conn, limit=limit, name=blank_to_none(name))


@router.get("/people/{name:path}", summary="One person: names, aliases, roles, quotations, "
                                          "co-mentioned people, timeline", responses=NOT_FOUND)
def person(conn: Conn, name: PersonName, limit: Limit = 500) -> dict[str, Any]:
    """`name`, `names` (merged across articles), `aliases`, `roles`, counts (`articles`, `mentions`,
    `quotes`), `quotations` (as in /api/quotes), `co_mentioned` (`name`, `articles` shared) and
    `timeline` (as in /api/timeline `events`)."""
    profile = query.person_profile(conn, name)
    if profile is None:
        raise HTTPException(404, f"no person named {name!r} in this store")
    return {**profile, "quotations": query.person_quotes(conn, name, limit=limit),
            "co_mentioned": query.co_mentioned(conn, name, limit=50),
            "timeline": query.timeline_events(conn, person=name, limit=limit)}


@router.get("/quotes", summary="Quotations: full-text search and filters")
def quotes(conn: Conn, search: Search = None, speaker: Speaker = None, article: ArticleRef = None,
           kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None, order: Order = None,
           limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
    """Each: `id`, `article_id`, `document`, `title`, `published`, `content`, `spans` (JSON list of
    `[start, end]` in the article text), `kind`, `speaker` (null when unnamed), `descriptor`,
    `speaker_start`/`speaker_end`, `cue_start`/`cue_end`, `cue_lemma`, `confidence`. With `search`,
    `highlights` are the matched words as spans in `content`, and `highlighted` the content with them
    in `[[` `]]`. Dates filter on the article's
    publication date. `order=relevance` puts the best full-text match first."""
    return query.quotes(conn, search=blank_to_none(search), speaker=blank_to_none(speaker),
                        article_id=resolve_article(conn, article), kind=blank_to_none(kind),
                        date_from=blank_to_none(date_from), date_to=blank_to_none(date_to),
                        order=order or "newest", limit=limit, offset=offset)


@router.get("/timeline", summary="Dated events and their counts per year")
def timeline(conn: Conn, person: Person = None, place: Place = None, article: ArticleRef = None,
             date_from: DateFrom = None, date_to: DateTo = None,
             limit: Limit = 500, offset: Offset = 0) -> dict[str, Any]:
    """`per_year`: [`year`, `events`]; `events`: `id`, `article_id`, `document`, `title`, `published`,
    `date` (ISO, null when undated), `text` (the event's clause), `start`/`end`, `participants`,
    `places`, `kind` (`event`, or `quote`: a quotation dated by its article), `time_start`/`time_end`
    (the time expression that dates it; null for a quotation). A person or place is in an event when named as a participant/place or mentioned in
    its clause."""
    kw = {"person": blank_to_none(person), "place": blank_to_none(place), "article_id": resolve_article(conn, article),
          "date_from": blank_to_none(date_from), "date_to": blank_to_none(date_to)}
    return {"per_year": query.timeline_counts(conn, **kw),
            "events": query.timeline_events(conn, **kw, limit=limit, offset=offset)}


@router.get("/places", summary="Places by mentions, with coordinates when known (else null)")
def places(conn: Conn, name: NamePart = None, limit: Limit = 200) -> list[dict[str, Any]]:
    """Each: `name`, `mentions`, `articles`, `lat`, `lon`, `country` (null until known), `types`."""
    return query.place_counts(conn, limit=limit, name=blank_to_none(name))
