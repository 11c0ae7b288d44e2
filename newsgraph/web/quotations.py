"""Quotations across articles on the web: ``/api/quotations`` (a list Page) and the ``/quotations`` page.

A separate router (included by app.py) so the feature stays in one place: groups built at
ingest (newsgraph/quote_groups.py), read through newsgraph/quote_group_list.py.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import Field

from newsgraph.quote_group_list import (
    count_quotation_groups,
    differing_words,
    group_occurrences,
    quotation_group,
    quotation_groups,
)
from newsgraph.quote_groups import words
from newsgraph.web.db import conn_dependency
from newsgraph.web.listing import CSV_MAX, Pager, csv_response, envelope
from newsgraph.web.params import Format, Offset, PageLimit, Speaker, blank_to_none
from newsgraph.web.schemas import ERRORS, Item, Page

api_router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)
page_router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
Conn = Annotated[sqlite3.Connection, Depends(conn_dependency)]
GroupId = Annotated[int, Path(ge=1, le=(1 << 63) - 1, description="the group id (`/api/quotations` items' `id`)")]
MinOccurrences = Annotated[int, Query(ge=1, le=1_000_000, description="groups of at least this many occurrences")]
PAGE = 50
SHOWN_OCCURRENCES = 10
"""Printers of each other wording on a quotation's own page, the only ones read: a wire quotation in a
big store is carried hundreds of times."""
LISTED_OCCURRENCES = 3
"""Occurrences (and printers of each other wording) a group lists on ``/quotations`` and, by default,
in ``/api/quotations``: the first
printers, then "and N more", linking to the quotation's own page (``/quotations/{id}``), which lists
every occurrence, ``GROUP_PAGE`` at a time. A list page reads and renders what any store's does,
however many outlets carried each quotation."""
GROUP_PAGE = 50
Occurrences = Annotated[int, Query(ge=0, le=1_000_000, description=(
    f"occurrences listed per group, the earliest first (default {LISTED_OCCURRENCES}; 0: all of them; "
    "`/api/quotations/{id}`: one group's, paged); "
    "`occurrence_count` counts them all"))]


class Occurrence(Item):
    document: str
    published: str | None
    outlet: str | None
    spans: list[list[int]] = Field(description="[start, end] pieces of the quotation in the article text")
    article_key: str = Field(description="the article's stable key (/article/{key})")
    quote_id: int
    text: str = Field(description="the words as this article printed them")


class Variant(Item):
    text: str
    count: int


class QuotationGroupItem(Item):
    id: int = Field(description="the group id (`newsgraph ungroup ID` undoes it)")
    text: str = Field(description="the most frequent wording")
    speaker: str | None
    occurrences: list[Occurrence] = Field(description="earliest published first, then ingest order; the first "
                                          "`occurrences` of them")
    occurrence_count: int = Field(description="all its occurrences")
    first_seen: dict[str, Any] = Field(description="`document`, `published`, `outlet` of the first occurrence")
    variants: list[Variant] = Field(description="each distinct wording with how many articles printed it")


@api_router.get("/quotations", summary="The same quotation across articles: occurrences, first seen, variants",
                response_model=Page[QuotationGroupItem], description=(
                    "Quotations by the same speaker reported in several articles (identical, trimmed or with a few "
                    "words changed), grouped at ingest; the most reported first. `speaker`: part of the speaker's "
                    "name; `min_occurrences` (default 2); `occurrences`: how many of each group's occurrences to list "
                    f"(default {LISTED_OCCURRENCES}, 0: all). A page of the list: `items`, `total`, `limit`, "
                    "`offset`, `next`; `format=csv`: the groups as CSV, every occurrence."))
def api_quotations(request: Request, conn: Conn, speaker: Speaker = None, min_occurrences: MinOccurrences = 2,
                   limit: PageLimit = None, offset: Offset = 0, format: Format = None,
                   occurrences: Occurrences = LISTED_OCCURRENCES) -> Any:
    speaker = blank_to_none(speaker)
    if format == "csv":
        return csv_response(quotation_groups(conn, speaker=speaker, min_occurrences=min_occurrences,
                                             limit=limit or CSV_MAX, offset=offset), "quotations")
    limit = limit or PAGE
    rows = quotation_groups(conn, speaker=speaker, min_occurrences=min_occurrences, limit=limit, offset=offset,
                            shown=occurrences or None, printers=1)  # the API lists no wording's printers
    rows = [{**g, "occurrences": g["occurrences"][:occurrences]} if occurrences
            else {**g, "occurrence_count": len(g["occurrences"])} for g in rows]
    total = count_quotation_groups(conn, speaker=speaker, min_occurrences=min_occurrences)
    return envelope(request, rows, total, limit, offset)


@api_router.get("/quotations/{group_id}", summary="One quotation across articles: every occurrence",
                response_model=QuotationGroupItem, description=(
                    "One group of `/api/quotations` (its `id`) with all its occurrences, earliest first, or a page "
                    "of them: `occurrences` of them (default 0: all) from `offset`; `occurrence_count` counts them "
                    "all."))
def api_quotation(conn: Conn, group_id: GroupId, occurrences: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
                  offset: Offset = 0) -> Any:
    group = quotation_group(conn, group_id, shown=1, printers=1)
    if group is None:
        raise HTTPException(404, f"no quotation group {group_id}")
    return {**group, "occurrences": group_occurrences(conn, group_id, limit=occurrences or -1, offset=offset)}


def _with_variants_marked(group: dict[str, Any], shown: int) -> dict[str, Any]:
    """A page's view of a group (``quotation_group(shown=shown)``): each other wording with its
    differing words and who printed it (its first ``shown``)."""
    others = []
    printed: dict[str, list[dict[str, Any]]] = {}  # each wording's printers, in order
    wording_of: dict[str, str] = {}  # words() once per distinct text: wire copies print the same
    for o in group["occurrences"]:
        if o["text"] not in wording_of:
            wording_of[o["text"]] = " ".join(words(o["text"]))
        printed.setdefault(wording_of[o["text"]], []).append(o)
    for v in group["variants"][1:]:
        by = printed.get(" ".join(words(v["text"])), [])[:shown]
        pieces = differing_words(group["text"], v["text"])
        others.append({**v, "pieces": pieces, "by": by, "more": max(0, v["count"] - len(by)),
                       "part": len(v["text"]) < len(group["text"]) and not any(d for _, d in pieces)})
    total = group["occurrence_count"]
    return {**group, "other_variants": others, "occurrences": group["occurrences"][:shown],
            "more_occurrences": max(0, total - shown)}


@page_router.get("/quotations")
def quotations_page(request: Request, conn: Conn, speaker: Speaker = None, min_occurrences: MinOccurrences = 2,
                    offset: Offset = 0) -> HTMLResponse:
    """Quotations carried by several articles, each with its occurrences and its other wordings."""
    speaker = blank_to_none(speaker)
    rows = quotation_groups(conn, speaker=speaker, min_occurrences=min_occurrences, limit=PAGE, offset=offset,
                            shown=LISTED_OCCURRENCES)
    total = count_quotation_groups(conn, speaker=speaker, min_occurrences=min_occurrences)
    params = {"speaker": speaker, "min_occurrences": None if min_occurrences == 2 else min_occurrences}
    pager = Pager("/quotations", total, offset, PAGE, len(rows), params, "/api/quotations", params)
    return request.app.state.templates.TemplateResponse(request, "quotations.html", {
        "groups": [_with_variants_marked(g, LISTED_OCCURRENCES) for g in rows], "pager": pager,
        "speaker": speaker or "", "min_occurrences": min_occurrences})


@page_router.get("/quotations/{group_id}")
def quotation_page(request: Request, conn: Conn, group_id: GroupId, offset: Offset = 0) -> HTMLResponse:
    """One quotation carried by several articles: every occurrence, ``GROUP_PAGE`` at a time, and its
    other wordings with their first printers."""
    group = quotation_group(conn, group_id, shown=SHOWN_OCCURRENCES)
    if group is None:
        raise HTTPException(404, f"no quotation group {group_id}")
    rows = group_occurrences(conn, group_id, limit=GROUP_PAGE, offset=offset)
    pager = Pager(f"/quotations/{group_id}", group["occurrence_count"], offset, GROUP_PAGE, len(rows))
    return request.app.state.templates.TemplateResponse(request, "quotation.html", {
        "g": _with_variants_marked(group, SHOWN_OCCURRENCES), "occurrences": rows, "pager": pager})
