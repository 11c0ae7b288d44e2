"""HTML pages: overview, articles, article, people, person, search, timeline, map."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from newsgraph import query
from newsgraph.attention import UNITS, attention
from newsgraph.web.chart import attention_chart
from newsgraph.web.db import conn_dependency
from newsgraph.web.listing import Pager, url
from newsgraph.web.markup import article_html, person_url, script_json, speaker_keys
from newsgraph.web.params import (
    Act,
    ArticleAfter,
    ArticleKey,
    ArticleRef,
    By,
    DateFrom,
    DateTo,
    Desc,
    Gender,
    Kind,
    NamePart,
    Offset,
    Order,
    Outlet,
    PeopleSort,
    Person,
    PersonName,
    Place,
    PlaceSort,
    Scope,
    Search,
    SearchAfter,
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
from newsgraph.who_is_quoted import TYPES, top_by_type, who_is_quoted

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
Conn = Annotated[sqlite3.Connection, Depends(conn_dependency)]
PAGE = 50
TIMELINE_PAGE = 500
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
def articles(request: Request, conn: Conn, q: Search = None, outlet: Outlet = None, date_from: DateFrom = None,
             date_to: DateTo = None, offset: Offset = 0, after: ArticleAfter = None) -> HTMLResponse:
    q, outlet, date_from, date_to = map(blank_to_none, (q, outlet, date_from, date_to))
    filters = {"search": q, "outlet": outlet, "date_from": date_from, "date_to": date_to}
    rows = query.articles(conn, **filters, limit=PAGE, offset=offset, after=after)
    sample = query.article_sample(conn, q)  # a common word: facets of its latest matches
    form = {"q": q, "outlet": outlet, "date_from": date_from, "date_to": date_to}
    total, exact = query.count_articles_about(conn, **filters)
    pager = Pager("/articles", total, offset, PAGE, len(rows), form,
                  "/api/articles", filters, exact=exact, after=rows[-1]["id"] if rows else None)
    return render(request, "articles.html", articles=rows, pager=pager, form={k: v or "" for k, v in form.items()},
                  facets=cached(request, conn, query.article_facets, sample=sample, **filters), sample=sample,
                  facet_link=lambda **change: url("/articles", **{**form, **change}))


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
def people(request: Request, conn: Conn, name: NamePart = None, sort: PeopleSort = None, desc: Desc = None,
           offset: Offset = 0) -> HTMLResponse:
    """People as a table: sortable, paged, filtered by part of any of their names, downloadable."""
    return name_table(request, "people", query.people, query.count_people(conn, name=blank_to_none(name)),
                      conn=conn, name=name, sort=sort or "quotes", desc=desc, offset=offset, default="quotes")


def name_table(request: Request, kind: str, rows: Any, total: int, *, conn: sqlite3.Connection, name: str | None,
               sort: str, desc: bool | None, offset: int, default: str) -> HTMLResponse:
    """A page of a per-store table (people, places): ``rows(conn, name, sort, desc, limit, offset)``,
    its ``total``, sort links and downloads (the /api list of the same ``kind``) with the filters kept."""
    name, desc = blank_to_none(name), descending(sort, desc)
    page_rows = rows(conn, name=name, sort=sort, desc=desc, limit=PAGE, offset=offset)
    params = sort_params(name=name, sort=sort, desc=desc, default=default)
    pager = Pager(f"/{kind}", total, offset, PAGE, len(page_rows), params, f"/api/{kind}", params)
    return render(request, f"{kind}.html", rows=page_rows, name=name or "", pager=pager,
                  sort_link=sort_links(f"/{kind}", params, sort, desc))


def sort_params(*, sort: str, desc: bool, default: str, **filters: Any) -> dict[str, Any]:
    """A view's query parameters, the sort and direction left out where they are the defaults."""
    return {**filters, "sort": None if sort == default else sort,
            "desc": None if desc == descending(sort, None) else str(desc).lower()}


def sort_links(path: str, params: dict[str, Any], sort: str, desc: bool) -> Any:
    """``link(column)``: the URL sorting by ``column`` (the sorted column again flips the direction),
    with the view's other filters kept, back on the first page; its arrow and aria-sort value."""
    def link(column: str) -> dict[str, str]:
        to_desc = not desc if column == sort else descending(column, None)
        filters = {k: v for k, v in params.items() if k not in ("sort", "desc")}
        target = url(path, **sort_params(sort=column, desc=to_desc, default="", **filters))
        arrow = ("▼" if desc else "▲") if column == sort else ""
        return {"href": target, "arrow": arrow,
                "aria": ("descending" if desc else "ascending") if column == sort else "none"}
    return link


@router.get("/person/{name:path}", response_model=None)
def person(request: Request, conn: Conn, name: PersonName, act: Act = None) -> HTMLResponse | RedirectResponse:
    """One person under any of their names, in any case: other names redirect to the display name's page.
    Their quotations are what they said (speech) unless ``act`` asks for the rest."""
    profile = person_or_404(conn, name)
    if profile["name"] != name:
        return RedirectResponse(person_url(profile["name"]), status_code=307)
    act = blank_choice(act) or "speech"
    since = query.latest_articles_since(conn, person=name)  # named in many articles: the latest of them
    events, _, counts = query.timeline_view(conn, person=name, limit=200, since=since)
    return render(request, "person.html", p=profile, quotes=query.person_quotes(conn, name, act=act, limit=PAGE),
                  act=act, n_act=query.count_quotes(conn, person=name, act=act),
                  act_link=lambda a: url(person_url(name), act=None if a == "speech" else a),
                  a=attention_context(request, conn, person=name, width=340, height=150),  # whole, from the totals
                  latest=query.LATEST_ARTICLES if since else None,
                  co=query.co_mentioned(conn, name, limit=30, since=since), counts=counts,
                  events=events,
                  bar_link=lambda lo, hi: url("/timeline", person=name, date_from=lo, date_to=hi))


@router.get("/search")
def search(request: Request, conn: Conn, q: Search = None, speaker: Speaker = None, person: Person = None,
           article: ArticleRef = None, date_from: DateFrom = None, date_to: DateTo = None, kind: Kind = None,
           outlet: Outlet = None, speaker_type: SpeakerType = None, gender: Gender = None, order: Order = None,
           scope: Scope = None, act: Act = None, unattributed: Unattributed = None, offset: Offset = 0,
           after: SearchAfter = None) -> HTMLResponse:
    """Quotations (default) or, with ``scope=articles``, articles whose text matches ``q``."""
    q, speaker, person, article, date_from, date_to, outlet = map(
        blank_to_none, (q, speaker, person, article, date_from, date_to, outlet))
    kind, speaker_type, gender = blank_choice(kind), blank_choice(speaker_type), blank_choice(gender)
    order, scope = blank_choice(order), blank_choice(scope)
    act = blank_choice(act) or "speech"  # what was said, by default; the form switches to the rest
    unattributed = blank_choice(unattributed) or "hide"  # by someone, by default
    person = person_or_404(conn, person)["name"] if person else None
    form = {"q": q, "speaker": speaker, "person": person, "article": article, "date_from": date_from,
            "date_to": date_to, "kind": kind, "outlet": outlet, "speaker_type": speaker_type, "gender": gender,
            "order": order, "act": None if act == "speech" else act,  # the defaults stay out of links
            "unattributed": None if unattributed == "hide" else unattributed}
    filters: query.QuoteFilter = {
        "search": q, "speaker": speaker, "person": person, "article_id": resolve_article(conn, article), "kind": kind,
        "outlet": outlet, "date_from": date_from, "date_to": date_to, "speaker_type": speaker_type, "gender": gender,
        "act": act, "unattributed": unattributed}
    article_filters = {"search": q, "outlet": outlet, "date_from": date_from, "date_to": date_to}
    sample = query.search_sample(conn, q)  # a common word: facets of its latest matches, no chart
    facets = cached(request, conn, query.quote_facets, sample=sample, **filters) if scope != "articles" or not q \
        else None
    n_quotes, exact = query.count_quotes_about(conn, facets=facets, **filters)  # a sample's count: the facets' sum
    n_articles, articles_exact = query.count_articles_about(conn, **article_filters) if q else (None, True)
    api_quotes = {**{k: v for k, v in form.items() if k != "q"}, "search": q}
    if scope == "articles" and q:
        rows = query.articles(conn, **article_filters, limit=PAGE, offset=offset,
                              after=int(after) if after and after.isdigit() else None)
        pager = Pager("/search", n_articles or 0, offset, PAGE, len(rows), {**form, "scope": "articles"},
                      "/api/articles", article_filters, exact=articles_exact,
                      after=str(rows[-1]["id"]) if rows else None)
    else:
        rows = query.quotes(conn, **filters, order=order or "newest", limit=PAGE, offset=offset,
                            after=after if after and "~" in after else None)
        pager = Pager("/search", n_quotes, offset, PAGE, len(rows), form, "/api/quotes", api_quotes, exact=exact,
                      after=query.cursor(rows[-1]) if rows and (order or "newest") == "newest" else None)
    charted = q and not (person or speaker or article)
    chart_is_cheap = sample is None and (n_articles or 0) <= query.SAMPLE
    seen = attention_context(request, conn, q=q) if charted and chart_is_cheap else None
    return render(request, "search.html", form={k: v or "" for k, v in form.items()}, results=rows, facets=facets,
                  a=seen, sample=sample, n_exact=exact,
                  attention_link=url("/attention", q=q) if charted and not chart_is_cheap else None,
                  facet_link=lambda **change: url("/search", **{**form, **change}),
                  scope="articles" if scope == "articles" and q else "quotes", pager=pager,
                  total=pager.total, n_quotes=n_quotes, n_articles=n_articles, n_articles_exact=articles_exact,
                  tab=lambda sc: url("/search", **form, scope=sc if sc == "articles" else None),
                  all_speakers=url("/search", **{**form, "person": None}))


@router.get("/timeline")
def timeline(request: Request, conn: Conn, person: Person = None, place: Place = None,
             date_from: DateFrom = None, date_to: DateTo = None, article: ArticleRef = None,
             offset: Offset = 0) -> HTMLResponse:
    person, place, date_from, date_to, article = map(blank_to_none, (person, place, date_from, date_to, article))
    article_id = resolve_article(conn, article)
    filters = {"person": person, "place": place, "date_from": date_from, "date_to": date_to, "article": article}
    chosen: query.EventFilter = {"person": person, "place": place, "article_id": article_id, "date_from": date_from,
                                 "date_to": date_to}
    since = query.latest_articles_since(conn, person=person, place=place) if (person or place) and \
        article_id is None else None  # named in many articles: the latest of them
    events, total, counts = query.timeline_view(conn, **chosen, limit=TIMELINE_PAGE, offset=offset, since=since)
    pager = Pager("/timeline", total, offset, TIMELINE_PAGE, len(events), filters, "/api/timeline", filters)
    charted = bool(person) != bool(place)  # one of them: counted whole, from the totals
    return render(request, "timeline.html", form={k: v or "" for k, v in filters.items()}, events=events,
                  a=attention_context(request, conn, person=person, place=place) if charted else None,
                  latest=query.LATEST_ARTICLES if since else None,
                  article_key=query.key_of(conn, article_id) if article_id else None, pager=pager,
                  counts=counts,
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
    data = script_json({"places": located, "selected": place})
    return render(request, "map.html", places=places, capped=capped, located=len(located), data=data,
                  selected=place or "")


@router.get("/who")
def who(request: Request, conn: Conn, by: By = None, outlet: Outlet = None) -> HTMLResponse:
    """Who is quoted: speaker types and gender, with the counts behind every share."""
    by, outlet = blank_choice(by) or "total", blank_to_none(outlet)
    rows = cached(request, conn, who_is_quoted, by=by, outlet=outlet)
    params = {"by": None if by == "total" else by, "outlet": outlet}
    pager = Pager("/who", len(rows), 0, len(rows) or 1, len(rows), params, "/api/who", params)
    return render(request, "who.html", rows=rows, by=by, outlet=outlet or "", pager=pager, types=TYPES,
                  orgs=cached(request, conn, top_by_type, type_="organisation", limit=10),
                  link=lambda **change: url("/who", **{**params, **change}))


def period_bounds(period: str, unit: str) -> tuple[str, str]:
    """The date_from/date_to of one chart period: a month or year is its own prefix; a week runs
    from its Monday to its Sunday."""
    if unit == "week":
        monday = dt.date.fromisoformat(period)
        return period, (monday + dt.timedelta(days=6)).isoformat()
    return period, period


def attention_context(request: Request, conn: sqlite3.Connection, *, person: str | None = None,
                      place: str | None = None, q: str | None = None, unit: str = "month",
                      width: int = 900, height: int = 180) -> dict[str, Any]:
    """The chart, its data and its links, for any page that shows attention over time."""
    data = cached(request, conn, attention, person=person, place=place, search=q, unit=unit)
    which = {"person": person, "place": place, "q": q}

    def link(period: str) -> str:
        lo, hi = period_bounds(period, unit)
        if place and not person and not q:
            return url("/timeline", place=place, date_from=lo, date_to=hi)
        return url("/search", person=person, q=q, date_from=lo, date_to=hi)

    api = {"person": person, "place": place, "search": q, "unit": None if unit == "month" else unit}
    return {"data": data, "chart": attention_chart(data["periods"], link, width=width, height=height),
            "which": which, "unit": unit,
            "csv": url("/api/attention", **api, format="csv"), "json": url("/api/attention", **api),
            "page": url("/attention", **which, unit=api["unit"]),
            "units": {u: url("/attention", **which, unit=None if u == "month" else u) for u in UNITS}}


@router.get("/attention")
def attention_page(request: Request, conn: Conn, person: Person = None, place: Place = None, q: Search = None,
                   unit: Unit = None) -> HTMLResponse:
    """Articles and quotations over time for a person, a place or a search, with the data and CSV."""
    person, place, q = map(blank_to_none, (person, place, q))
    person = person_or_404(conn, person)["name"] if person else None
    return render(request, "attention.html", a=attention_context(request, conn, person=person, place=place, q=q,
                                                                 unit=blank_to_none(unit) or "month"))


@router.get("/places")
def places(request: Request, conn: Conn, name: NamePart = None, sort: PlaceSort = None, desc: Desc = None,
           offset: Offset = 0) -> HTMLResponse:
    """Places as a table: sortable, paged, filtered by part of the name, downloadable."""
    return name_table(request, "places", query.place_counts, query.count_places(conn, name=blank_to_none(name)),
                      conn=conn, name=name, sort=sort or "mentions", desc=desc, offset=offset, default="mentions")
