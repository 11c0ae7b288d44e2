"""The place page: ``/place/{name}`` — where the place is (a small offline map), the articles that
name it and the quotations whose words name it, each list paged ("1–50 of N", next page), the
most recently added first (see place_mentions for why, and for the window of quotations).

Map markers, the places list, the map's list and place names in articles link here. With
``show=articles`` or ``show=quotations`` the page pages through that one list.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from newsgraph import place_mentions
from newsgraph.web.db import conn_dependency
from newsgraph.web.listing import Pager
from newsgraph.web.markup import place_url, script_json
from newsgraph.web.params import Offset

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
Conn = Annotated[sqlite3.Connection, Depends(conn_dependency)]
PAGE = 50
Show = Annotated[Literal["articles", "quotations"] | None, Query(description="page through one list")]


@router.get("/place/{name:path}", response_model=None)
def place(request: Request, conn: Conn, name: str, show: Show = None,
          offset: Offset = 0) -> HTMLResponse | RedirectResponse:
    """One place by its stored name (another case redirects to it)."""
    found = place_mentions.find_place(conn, name)
    if found is None:
        raise HTTPException(404, f"no place named {name!r} (see /places)")
    if found != name:
        return RedirectResponse(place_url(found), status_code=307)
    profile = place_mentions.place_profile(conn, name)
    if profile is None:
        raise HTTPException(404, f"no place named {name!r} (see /places)")
    path = place_url(name)
    arts = quotes = None
    if show != "quotations":
        at = offset if show == "articles" else 0
        rows = place_mentions.articles(conn, name, limit=PAGE, offset=at)
        arts = (rows, Pager(path, profile["articles"], at, PAGE, len(rows), {"show": "articles"}))
    if show != "articles":
        at = offset if show == "quotations" else 0
        rows = place_mentions.quotes(conn, name, limit=PAGE, offset=at)
        quotes = (rows, Pager(path, profile["quotes"], at, PAGE, len(rows), {"show": "quotations"}))
    return request.app.state.templates.TemplateResponse(request, "place.html", {
        "p": profile, "show": show, "articles": arts, "quotes": quotes, "data": map_data(profile),
        "window": place_mentions.WINDOW})


def map_data(profile: dict[str, Any]) -> str:
    """The small map's JSON (map.js reads it): the place as the one, selected marker."""
    located = [{"name": profile["name"], "lat": profile["lat"], "lon": profile["lon"], "mentions": profile["mentions"],
                "articles": profile["articles"]}] if profile["lat"] is not None else []
    zoom = 3 if profile["kind"] in ("country", "continent", "region", "sea") else 5
    return script_json({"places": located, "selected": profile["name"], "zoom": zoom})
