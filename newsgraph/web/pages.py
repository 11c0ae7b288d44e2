"""HTML pages: overview, articles, article, people, person, search, timeline, map."""

from __future__ import annotations

import json
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from newsgraph import query
from newsgraph.web.db import conn_dependency
from newsgraph.web.listing import Pager, url
from newsgraph.web.markup import article_html, speaker_keys
from newsgraph.web.params import (
    ArticleId,
    ArticleRef,
    DateFrom,
    DateTo,
    Kind,
    NamePart,
    Offset,
    Order,
    Person,
    PersonName,
    Place,
    Scope,
    Search,
    Speaker,
    blank_to_none,
    resolve_article,
)

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
Conn = Annotated[sqlite3.Connection, Depends(conn_dependency)]
PAGE = 50
MAP_PLACES = 1000


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


def cached(request: Request, conn: sqlite3.Connection, fn: Any, **kwargs: Any) -> Any:
    return request.app.state.store.cached(conn, fn, **kwargs)


@router.get("/")
def overview(request: Request, conn: Conn) -> HTMLResponse:
    return render(request, "overview.html", stats=cached(request, conn, query.stats),
                  speakers=cached(request, conn, query.top_speakers, limit=15),
                  places=cached(request, conn, query.place_counts, limit=15), articles=query.articles(conn, limit=15))


@router.get("/articles")
def articles(request: Request, conn: Conn, offset: Offset = 0) -> HTMLResponse:
    rows = query.articles(conn, limit=PAGE + 1, offset=offset)
    return render(request, "articles.html", articles=rows[:PAGE], offset=offset,
                  next=url("/articles", offset=offset + PAGE) if len(rows) > PAGE else None,
                  prev=url("/articles", offset=max(0, offset - PAGE)) if offset else None)


@router.get("/article/{article_id}")
def article(request: Request, conn: Conn, article_id: ArticleId) -> HTMLResponse:
    art = query.load_article(conn, article_id)
    if art is None:
        raise HTTPException(404, f"no article with id {article_id}")
    keys = speaker_keys(art)
    people = sorted((e for e in art.entities if e.type == "PERSON"), key=lambda e: (-len(e.mentions), e.name))
    places = sorted((e for e in art.entities if e.type in ("GPE", "LOC", "FAC")),
                    key=lambda e: (-len(e.mentions), e.name))
    return render(request, "article.html", article=art, article_id=article_id, body=article_html(art, keys),
                  speakers=sorted(keys.values(), key=lambda k: (k.name is None, -k.quotes, k.label)),
                  people=people, places=places,
                  events=list(enumerate(art.timeline)))


@router.get("/people")
def people(request: Request, conn: Conn, name: NamePart = None) -> HTMLResponse:
    name = blank_to_none(name)
    return render(request, "people.html", people=cached(request, conn, query.people, limit=300, name=name),
                  name=name or "")


@router.get("/person/{name:path}")
def person(request: Request, conn: Conn, name: PersonName) -> HTMLResponse:
    profile = query.person_profile(conn, name)
    if profile is None:
        raise HTTPException(404, f"no person named {name!r} in this store")
    counts = query.timeline_counts(conn, person=name)
    return render(request, "person.html", p=profile, quotes=query.person_quotes(conn, name, limit=500),
                  co=query.co_mentioned(conn, name, limit=30), counts=counts,
                  events=query.timeline_events(conn, person=name, limit=200),
                  bar_link=lambda lo, hi: url("/timeline", person=name, date_from=lo, date_to=hi))


@router.get("/search")
def search(request: Request, conn: Conn, q: Search = None, speaker: Speaker = None, article: ArticleRef = None,
           date_from: DateFrom = None, date_to: DateTo = None, kind: Kind = None, order: Order = None,
           scope: Scope = None, offset: Offset = 0) -> HTMLResponse:
    """Quotations (default) or, with ``scope=articles``, articles whose text matches ``q``."""
    q, speaker, article, date_from, date_to, kind, order, scope = map(
        blank_to_none, (q, speaker, article, date_from, date_to, kind, order, scope))
    form = {"q": q, "speaker": speaker, "article": article, "date_from": date_from, "date_to": date_to, "kind": kind,
            "order": order}
    filters = {"search": q, "speaker": speaker, "article_id": resolve_article(conn, article), "kind": kind,
               "date_from": date_from, "date_to": date_to}
    article_filters = {"search": q, "date_from": date_from, "date_to": date_to}
    n_quotes = query.count_quotes(conn, **filters)
    n_articles = query.count_articles(conn, **article_filters) if q else None
    api_quotes = {"search": q, "speaker": speaker, "article": article, "kind": kind, "date_from": date_from,
                  "date_to": date_to, "order": order}
    if scope == "articles" and q:
        rows = query.articles(conn, **article_filters, limit=PAGE, offset=offset)
        pager = Pager("/search", n_articles or 0, offset, PAGE, len(rows), {**form, "scope": "articles"},
                      "/api/articles", article_filters)
    else:
        rows = query.quotes(conn, **filters, order=order or "newest", limit=PAGE, offset=offset)
        pager = Pager("/search", n_quotes, offset, PAGE, len(rows), form, "/api/quotes", api_quotes)
    return render(request, "search.html", form={k: v or "" for k, v in form.items()}, results=rows,
                  scope="articles" if scope == "articles" and q else "quotes", pager=pager,
                  total=pager.total, n_quotes=n_quotes, n_articles=n_articles,
                  tab=lambda sc: url("/search", **form, scope=sc if sc == "articles" else None))


@router.get("/timeline")
def timeline(request: Request, conn: Conn, person: Person = None, place: Place = None,
             date_from: DateFrom = None, date_to: DateTo = None, article: ArticleRef = None) -> HTMLResponse:
    person, place, date_from, date_to, article = map(blank_to_none, (person, place, date_from, date_to, article))
    article_id = resolve_article(conn, article)
    filters = {"person": person, "place": place, "date_from": date_from, "date_to": date_to, "article": article}
    events = query.timeline_events(conn, person=person, place=place, article_id=article_id, date_from=date_from,
                                   date_to=date_to, limit=501)
    counts = query.timeline_counts(conn, person=person, place=place, article_id=article_id,
                                   date_from=date_from, date_to=date_to)
    return render(request, "timeline.html", form={k: v or "" for k, v in filters.items()}, events=events[:500],
                  article_id=article_id,
                  more=len(events) > 500, counts=counts,
                  people=cached(request, conn, query.top_speakers, limit=40),
                  places=cached(request, conn, query.place_counts, limit=40),
                  bar_link=lambda lo, hi: url("/timeline", **{**filters, "date_from": lo, "date_to": hi}))


@router.get("/map")
def map_page(request: Request, conn: Conn, place: NamePart = None) -> HTMLResponse:
    places = cached(request, conn, query.place_counts, limit=MAP_PLACES + 1)
    capped = len(places) > MAP_PLACES
    places = places[:MAP_PLACES]
    located = [{"name": p["name"], "lat": p["lat"], "lon": p["lon"], "mentions": p["mentions"],
                "articles": p["articles"]} for p in places if p["lat"] is not None and p["lon"] is not None]
    # JSON for a <script type="application/json"> block: '<' escaped so no text can close the element
    data = json.dumps({"places": located, "selected": place}, ensure_ascii=False).replace("<", "\\u003c")
    return render(request, "map.html", places=places, capped=capped, located=len(located), data=data,
                  selected=place or "")
