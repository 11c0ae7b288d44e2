"""The JSON API under /api: the data the pages show, documented at /docs and /openapi.json.

Every list takes ``limit``/``offset`` and the filters of its page, and answers a `Page`:
``{"items", "total", "limit", "offset", "next"}``; ``format=csv`` gives the same view as a CSV
file (every row when no ``limit`` is given). Errors have one shape (schemas.Error).
"""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from newsgraph import query
from newsgraph.attention import attention
from newsgraph.web.db import conn_dependency
from newsgraph.web.listing import CSV_MAX, csv_response, envelope
from newsgraph.web.params import (
    Act,
    ArticleAfter,
    ArticleKey,
    ArticleRef,
    By,
    DateFrom,
    DateTo,
    Desc,
    Format,
    Gender,
    Kind,
    NamePart,
    Offset,
    Order,
    Outlet,
    PageLimit,
    PeopleSort,
    Person,
    PersonName,
    Place,
    PlaceSort,
    QuoteAfter,
    Search,
    Speaker,
    SpeakerType,
    Unattributed,
    Unit,
    article_by_key,
    blank_choice,
    blank_to_none,
    descending,
    person_or_404,
    resolve_article,
)
from newsgraph.web.schemas import (
    ERRORS,
    ArticleItem,
    AttentionPage,
    EstimatedPage,
    Page,
    PersonItem,
    PlaceItem,
    QuoteItem,
    TimelinePage,
    WhoRow,
)
from newsgraph.who_is_quoted import who_is_quoted

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)
Conn = Annotated[sqlite3.Connection, Depends(conn_dependency)]
LIST_DOC = ("\n\nA page of the list: `items`, `total` (rows in the whole filtered list), `limit`, `offset`, "
            "`next` (URL of the next page, null on the last). `format=csv`: the same view as CSV "
            f"(every row, up to {CSV_MAX:,}, unless `limit` is given).")


def _page(request: Request, fmt: str | None, name: str, limit: int | None, offset: int, default: int,
          rows: Any, total: Any, key: Any = None) -> Any:
    """A list endpoint's answer: ``rows(limit, offset)`` as JSON (a Page) or CSV. ``total()`` is the
    count, or (count, exact) when it may be an estimate. ``key(row)``: the last row's key, for a
    ``next`` link that reads on from it (keyset pagination)."""
    if fmt == "csv":
        return csv_response(rows(limit or CSV_MAX, offset), name)
    limit = limit or default
    n = total()
    n, exact = n if isinstance(n, tuple) else (n, True)
    items = rows(limit, offset)
    return envelope(request, items, n, limit, offset, exact=exact, after=key(items[-1]) if key and items else None)


@router.get("/stats", summary="Counts of articles, quotes, people, places and failed inputs")
def stats(request: Request, conn: Conn) -> dict[str, int]:
    return request.app.state.store.cached(conn, query.stats)


@router.get("/overview", summary="What the overview page shows")
def overview(request: Request, conn: Conn, limit: PageLimit = None) -> dict[str, Any]:
    """Counts, most-quoted speakers, most-mentioned places and the latest ingested articles."""
    store, limit = request.app.state.store, limit or 15
    return {"stats": store.cached(conn, query.stats), "top_speakers": query.top_speakers(conn, limit=limit),
            "top_places": query.place_counts(conn, limit=limit), "recent_articles": query.articles(conn, limit=limit)}


@router.get("/articles", summary="Articles, latest ingested first; full-text search of title and text",
            response_model=EstimatedPage[ArticleItem], description=(
                "Each: `id`, `document`, `title`, `published`, `outlet`, `ingested_at`, `quotes` (count). With "
                "`search`, `snippet`: the sentence of the first match (`text`, `start` in the article, "
                "`highlights` as spans in the sentence, `highlighted` with matches in `[[` `]]`)." + LIST_DOC))
def articles(request: Request, conn: Conn, search: Search = None, outlet: Outlet = None, date_from: DateFrom = None,
             date_to: DateTo = None, limit: PageLimit = None, offset: Offset = 0, format: Format = None,
             after: ArticleAfter = None) -> Any:
    filters = {"search": blank_to_none(search), "outlet": blank_to_none(outlet),
               "date_from": blank_to_none(date_from), "date_to": blank_to_none(date_to)}
    return _page(request, format, "articles", limit, offset, 50,
                 lambda n, o: query.articles(conn, **filters, limit=n, offset=o, after=after),
                 lambda: query.count_articles_about(conn, **filters), key=lambda r: r["id"])


@router.get("/articles/facets", summary="Counts of the articles an /api/articles view lists, by outlet and year")
def article_facets(request: Request, conn: Conn, search: Search = None, outlet: Outlet = None,
                   date_from: DateFrom = None, date_to: DateTo = None) -> dict[str, Any]:
    """The filters of /api/articles; `{outlet, year}`, each `[{value, count}]` (outlets largest first).
    `sample`: null, or the number of latest-ingested matches the counts are of, when a search matches
    more articles than that."""
    filters = {"search": blank_to_none(search), "outlet": blank_to_none(outlet),
               "date_from": blank_to_none(date_from), "date_to": blank_to_none(date_to)}
    sample = query.article_sample(conn, filters["search"])
    return {**request.app.state.store.cached(conn, query.article_facets, sample=sample, **filters), "sample": sample}


@router.get("/articles/{key}", summary="One article with its text and everything found in it", response_model=None)
def article(conn: Conn, key: ArticleKey) -> dict[str, Any] | RedirectResponse:
    """The documented JSON record (README, "Output format") with `text`, the stable `key` and the
    store `id` (ingest order: it changes when a store is rebuilt). An id in the URL redirects to the key."""
    article_id, moved_to = article_by_key(conn, key)
    if moved_to:
        return RedirectResponse(f"/api/articles/{moved_to}", status_code=307)
    art = query.load_article(conn, article_id)
    if art is None:
        raise HTTPException(404, f"no article {key!r}")
    return {"id": article_id, "key": art.key, **art.to_dict(with_text=True)}


@router.get("/people", summary="People (merged names included) with quote, mention and article counts",
            response_model=Page[PersonItem], description=(
                "Each: `name` (display name), `names` (all merged into this person), `quotes`, `mentions`, "
                "`articles`: the counts of the person's page. `sort`: quotes (default), mentions, articles or "
                "name; `desc`: descending (default for counts) or not (default for names)." + LIST_DOC))
def people(request: Request, conn: Conn, name: NamePart = None, sort: PeopleSort = None, desc: Desc = None,
           limit: PageLimit = None, offset: Offset = 0, format: Format = None) -> Any:
    name, sort = blank_to_none(name), blank_choice(sort) or "quotes"
    desc = descending(sort, desc)
    return _page(request, format, "people", limit, offset, 100,
                 lambda n, o: query.people(conn, name=name, sort=sort, desc=desc, limit=n, offset=o),
                 lambda: query.count_people(conn, name=name))


@router.get("/people/{name:path}", summary="One person: names, aliases, roles, quotations, "
                                          "co-mentioned people, timeline")
def person(conn: Conn, name: PersonName, limit: PageLimit = None) -> dict[str, Any]:
    """`name` (display name; any of the person's names finds them, in any case), `names` (merged across
    articles), `aliases`, `roles`, counts (`articles`, `mentions`, `quotes`), `quotations` (as in
    /api/quotes?person=), `co_mentioned` (`name`, `articles` shared) and `timeline` (as in /api/timeline
    `items`). An unknown name is a 404 whose `detail` suggests the nearest names."""
    profile = person_or_404(conn, name)
    limit = limit or 500
    return {**profile, "quotations": query.person_quotes(conn, profile["name"], limit=limit),
            "co_mentioned": query.co_mentioned(conn, profile["name"], limit=50),
            "timeline": query.timeline_events(conn, person=profile["name"], limit=limit)}


@router.get("/quotes", summary="Quotations: full-text search and filters", response_model=EstimatedPage[QuoteItem],
            description=(
                "Each: `id`, `article_id`, `document`, `title`, `published`, `content`, `spans` (`[start, end]` "
                "pieces in the article text), `kind`, `speaker` (null when unnamed), `descriptor`, "
                "`speaker_start`/`speaker_end`, `cue_start`/`cue_end`, `cue_lemma`, `confidence`. With `search`, "
                "`highlights` (matched words as spans in `content`) and `highlighted` (`content` with them in "
                "`[[` `]]`). `person`: every quotation of one person, under any of their names; `speaker_type` and "
                "`gender` as /api/who defines them; `unattributed=hide` leaves out quotations whose speaker was not "
                "found, as the pages do. Dates filter on "
                "the article's publication date. `order`: newest (default), oldest, relevance (the best "
                "full-text match first) or speaker. Facet counts of the same view: /api/quotes/facets."
                + LIST_DOC))
def quotes(request: Request, conn: Conn, search: Search = None, speaker: Speaker = None, person: Person = None,
           article: ArticleRef = None, kind: Kind = None, outlet: Outlet = None, date_from: DateFrom = None,
           date_to: DateTo = None, speaker_type: SpeakerType = None, gender: Gender = None, order: Order = None,
           act: Act = None, unattributed: Unattributed = None, limit: PageLimit = None, offset: Offset = 0,
           format: Format = None, after: QuoteAfter = None) -> Any:
    filters = _quote_filters(conn, search, speaker, person, article, kind, outlet, date_from, date_to,
                             speaker_type, gender, act, unattributed)
    return _page(request, format, "quotes", limit, offset, 100,
                 lambda n, o: query.quotes(conn, **filters, order=order or "newest", limit=n, offset=o, after=after),
                 lambda: query.count_quotes_about(conn, **filters),
                 key=query.cursor if (order or "newest") == "newest" else None)


@router.get("/quotes/facets", summary="Counts of the quotations a /api/quotes view lists, by facet")
def quote_facets(request: Request, conn: Conn, search: Search = None, speaker: Speaker = None, person: Person = None,
                 article: ArticleRef = None, kind: Kind = None, outlet: Outlet = None, date_from: DateFrom = None,
                 date_to: DateTo = None, speaker_type: SpeakerType = None,
                 gender: Gender = None, act: Act = None,
                 unattributed: Unattributed = None) -> dict[str, Any]:
    """The filters of /api/quotes; `{kind, outlet, year, speaker, type, gender}`, each `[{value, count}]`
    largest first (years in order; speakers are people with their merged names counted together, the 12
    most quoted; `type` and `gender` as /api/who defines them). `sample`: null, or the number of
    latest-ingested matches the counts are of, when a search matches more quotations than that."""
    filters = _quote_filters(conn, search, speaker, person, article, kind, outlet, date_from, date_to,
                             speaker_type, gender, act, unattributed)
    sample = query.search_sample(conn, filters["search"])
    return {**request.app.state.store.cached(conn, query.quote_facets, sample=sample, **filters), "sample": sample}


def _quote_filters(conn: sqlite3.Connection, search: str | None, speaker: str | None, person: str | None,
                   article: str | None, kind: str | None, outlet: str | None, date_from: str | None,
                   date_to: str | None, speaker_type: str | None, gender: str | None,
                   act: str | None = None, unattributed: str | None = None) -> query.QuoteFilter:
    """The /api/quotes parameters as query.quotes filters (a person by their display name; 404s for
    an unknown person or article)."""
    person = blank_to_none(person)
    return {"search": blank_to_none(search), "speaker": blank_to_none(speaker),
            "person": person_or_404(conn, person)["name"] if person else None,
            "article_id": resolve_article(conn, article), "kind": blank_to_none(kind),
            "outlet": blank_to_none(outlet), "date_from": blank_to_none(date_from), "date_to": blank_to_none(date_to),
            "speaker_type": blank_to_none(speaker_type), "gender": blank_to_none(gender), "act": blank_to_none(act),
            "unattributed": blank_to_none(unattributed)}


@router.get("/timeline", summary="Dated events and their counts per year", response_model=TimelinePage,
            description=(
                "`items`: `id`, `article_id`, `document`, `title`, `published`, `date` (ISO, null when undated), "
                "`text` (the event's clause), `start`/`end`, `participants`, `places`, `kind` (`event`, or "
                "`quote`: a quotation dated by its article), `time_start`/`time_end` (the time expression that "
                "dates it; null for a quotation); `per_year`: [`year`, `events`] of the whole filtered list. A "
                "person or place is in an event when named as a participant/place or mentioned in its clause."
                + LIST_DOC))
def timeline(request: Request, conn: Conn, person: Person = None, place: Place = None, article: ArticleRef = None,
             date_from: DateFrom = None, date_to: DateTo = None, limit: PageLimit = None, offset: Offset = 0,
             format: Format = None) -> Any:
    kw: query.EventFilter = {"person": blank_to_none(person), "place": blank_to_none(place), "article_id": resolve_article(conn, article),
          "date_from": blank_to_none(date_from), "date_to": blank_to_none(date_to)}
    out = _page(request, format, "timeline", limit, offset, 500,
                lambda n, o: query.timeline_events(conn, **kw, limit=n, offset=o),
                lambda: query.count_events(conn, **kw))
    if isinstance(out, Response):
        return out
    return {**out, "per_year": query.timeline_counts(conn, **kw)}


@router.get("/places", summary="Places by mentions, with coordinates when known (else null)",
            response_model=Page[PlaceItem], description=(
                "Each: `name`, `mentions`, `articles`, `lat`, `lon`, `country` (null until known), `types`. "
                "`sort`: mentions (default), articles or name; `desc`: descending (default for counts) or not (default for names)." + LIST_DOC))
def places(request: Request, conn: Conn, name: NamePart = None, sort: PlaceSort = None, desc: Desc = None,
           limit: PageLimit = None, offset: Offset = 0, format: Format = None) -> Any:
    name, sort = blank_to_none(name), blank_choice(sort) or "mentions"
    desc = descending(sort, desc)
    return _page(request, format, "places", limit, offset, 200,
                 lambda n, o: query.place_counts(conn, name=name, sort=sort, desc=desc, limit=n, offset=o),
                 lambda: query.count_places(conn, name=name))


@router.get("/who", summary="Who is quoted: quotations by speaker type and by gender, overall or per outlet/month",
            response_model=Page[WhoRow], description=(
                "One item per group (`by`: total, outlet, month or year; `value` is the outlet, month or year, "
                "null when unknown): `quotes`, counts per speaker type (`person`, `organisation`, `group`, "
                "`other`, `unnamed`) and, among quotations by people, per gender (`female`, `male`, `unknown`); "
                "`share_<type>` of all quotations and `share_female` of those by people whose gender is known "
                "(an honorific in the articles, else the given name). `format=csv` for the same table."))
def who(request: Request, conn: Conn, by: By = None, outlet: Outlet = None, limit: PageLimit = None,
        offset: Offset = 0, format: Format = None) -> Any:
    rows = request.app.state.store.cached(conn, who_is_quoted, by=blank_to_none(by) or "total",
                                          outlet=blank_to_none(outlet))
    return _page(request, format, "who-is-quoted", limit, offset, 1000, lambda n, o: rows[o:o + n], lambda: len(rows))


@router.get("/attention", summary="Attention over time: articles and quotations per week, month or year",
            response_model=AttentionPage, description=(
                "For a `person` (their articles and their own quotations), a `place` (the articles naming it and "
                "the quotations in them) or a `search` (matching articles and quotations), or all of them "
                "together: `items` are `{period, articles, quotes}` from the first period to the last, empty "
                "ones included; `undated` counts what has no publication date. A person or a place alone is counted "
                "whole (`sample`: null); a search, or a person with a place, in more articles than `sample` is "
                "counted in that many latest articles only. `format=csv` for the table."))
def attention_api(request: Request, conn: Conn, person: Person = None, place: Place = None, search: Search = None,
                  unit: Unit = None, limit: PageLimit = None, offset: Offset = 0, format: Format = None) -> Any:
    person = blank_to_none(person)
    data = request.app.state.store.cached(
        conn, attention, person=person_or_404(conn, person)["name"] if person else None,
        place=blank_to_none(place), search=blank_to_none(search), unit=blank_to_none(unit) or "month")
    rows = data["periods"]
    out = _page(request, format, "attention", limit, offset, 1000, lambda n, o: rows[o:o + n], lambda: len(rows))
    return out if isinstance(out, Response) else {**out, "unit": data["unit"], "undated": data["undated"],
                                                               "sample": data["sample"]}
