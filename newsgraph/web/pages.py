"""HTML pages: overview, articles, article, people, person, search, timeline, map."""

from __future__ import annotations

import json
import sqlite3
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from newsgraph import query
from newsgraph.web.db import conn_dependency
from newsgraph.web.markup import article_html, speaker_keys
from newsgraph.web.params import (
    ArticleKey,
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
    Search,
    Speaker,
    article_by_key,
    blank_to_none,
    resolve_article,
)

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
Conn = Annotated[sqlite3.Connection, Depends(conn_dependency)]
PAGE = 50
MAP_PLACES = 1000


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


def url(path: str, **params: Any) -> str:
    """``path`` with the non-empty ``params`` as a query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


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


@router.get("/article/{key}", response_model=None)
def article(request: Request, conn: Conn, key: ArticleKey) -> HTMLResponse | RedirectResponse:
    article_id, moved_to = article_by_key(conn, key)
    if moved_to:
        return RedirectResponse(f"/article/{moved_to}", status_code=307)
    art = query.load_article(conn, article_id)
    if art is None:
        raise HTTPException(404, f"no article {key!r}")
    keys = speaker_keys(art)
    people = sorted((e for e in art.entities if e.type == "PERSON"), key=lambda e: (-len(e.mentions), e.name))
    places = sorted((e for e in art.entities if e.type in ("GPE", "LOC", "FAC")),
                    key=lambda e: (-len(e.mentions), e.name))
    return render(request, "article.html", article=art, article_key=key, body=article_html(art, keys),
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
           offset: Offset = 0) -> HTMLResponse:
    q, speaker, article, date_from, date_to, kind, order = map(
        blank_to_none, (q, speaker, article, date_from, date_to, kind, order))
    form = {"q": q, "speaker": speaker, "article": article, "date_from": date_from, "date_to": date_to, "kind": kind,
            "order": order}
    filters = {"search": q, "speaker": speaker, "article_id": resolve_article(conn, article), "kind": kind,
               "date_from": date_from, "date_to": date_to}
    rows = query.quotes(conn, **filters, order=order or "newest", limit=PAGE + 1, offset=offset)
    return render(request, "search.html", form={k: v or "" for k, v in form.items()}, results=rows[:PAGE],
                  total=query.count_quotes(conn, **filters), offset=offset, next=url("/search", **form, offset=offset + PAGE) if len(rows) > PAGE else None,
                  prev=url("/search", **form, offset=max(0, offset - PAGE)) if offset else None)


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
                  article_key=query.key_of(conn, article_id) if article_id else None,
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
