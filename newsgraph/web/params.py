"""Query parameters shared by pages and /api, validated so bad input is a 4xx, never a 500."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any, Literal, TypeVar

from fastapi import HTTPException, Path, Query

from newsgraph import query

DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty allowed: a blank form field
MAX_ID = 2**63 - 1

ArticleKey = Annotated[str, Path(pattern=r"^([0-9a-f]{16}|[0-9]{1,18})$", description=(
    "the article's stable key (16 hex digits, the start of its content hash: the same in every store built from "
    "the same inputs; see /api/articles); an ingest-order id (digits) redirects to it"))]
PersonName = Annotated[str, Path(min_length=1, max_length=300, description="any of the person's names, any case")]
Search = Annotated[str | None, Query(max_length=300, description=(
    'words, all required: `war` the whole word, `war*` a prefix, `"prime minister"` a phrase, '
    "`Blair OR Brown` either; case-insensitive; an unaccented letter matches any accent, a typed accent is kept"))]
Scope = Annotated[Literal["quotes", "articles", ""] | None, Query(
    description="search the quotations (default) or the articles' text")]
Speaker = Annotated[str | None, Query(max_length=300, description="part of the speaker's name")]
ArticleRef = Annotated[str | None, Query(max_length=300, description="article id or document name")]
Person = Annotated[str | None, Query(max_length=300, description="a person: any of their names, any case")]
Place = Annotated[str | None, Query(max_length=300, description="a place's exact name")]
NamePart = Annotated[str | None, Query(max_length=300, description="part of the name")]
DateFrom = Annotated[str | None, Query(pattern=DATE, description="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")]
DateTo = Annotated[str | None, Query(pattern=DATE, description="up to this date, inclusive (YYYY[-MM[-DD]])")]
Act = Annotated[Literal["speech", "thought", "other", "all", ""] | None, Query(description=(
    "speech (said, wrote: the pages' default), thought (believes, wants), other (what data shows, actions, "
    "criticised X) or all (the API's default)"))]
Unattributed = Annotated[Literal["hide", "include", "only", ""] | None, Query(description=(
    "quotations whose speaker was not found: hide them (the pages' default), include them (the API's "
    "default) or list only them"))]
Kind = Annotated[Literal["direct", "mixed", "indirect", ""] | None, Query(description="kind of quotation")]
Order = Annotated[Literal["newest", "oldest", "relevance", "speaker", ""] | None, Query(
    description="newest article first (default), oldest first, the best full-text match first, or by speaker")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="skip this many results")]
QuoteAfter = Annotated[str | None, Query(max_length=200, pattern=r"^[^~]+~[0-9]+~[0-9]+$", description=(
    "the `next` link's key of the last quotation before this page (newest order): read from it "
    "instead of skipping `offset` quotations"))]
SearchAfter = Annotated[str | None, Query(max_length=200, pattern=r"^([0-9]+|[^~]+~[0-9]+~[0-9]+)$",
                                         description="the next link's key of the last row before this page")]
ArticleAfter = Annotated[int | None, Query(ge=0, description=(
    "the `next` link's key (id) of the last article before this page: read from it instead of skipping `offset`"))]


Limit = Annotated[int, Query(ge=1, le=1000, description="at most this many results (≤ 1000)")]
PageLimit = Annotated[int | None, Query(ge=1, le=1000, description="rows per page (≤ 1000); with format=csv, "
                                                                 "no limit is every row")]
Format = Annotated[Literal["json", "csv", ""] | None, Query(description="json (default): a page; csv: a file")]
Outlet = Annotated[str | None, Query(max_length=300, description="the outlet, exactly")]
Desc = Annotated[bool | None, Query(description="descending (the default for counts) or ascending (false; "
                                                 "the default for names)")]


def descending(sort: str, desc: bool | None) -> bool:
    """Counts sort largest first, names A to Z, unless ``desc`` says otherwise."""
    return desc if desc is not None else sort != "name"
PeopleSort = Annotated[Literal["quotes", "mentions", "articles", "name", ""] | None, Query(
    description="the column to sort by")]
By = Annotated[Literal["total", "outlet", "month", "year", ""] | None, Query(
    description="one row for the whole store (default), or one per outlet, month or year of publication")]
Unit = Annotated[Literal["week", "month", "year", ""] | None, Query(description="per week, month (default) or year")]
SpeakerType = Annotated[Literal["person", "organisation", "group", "other", "unnamed", ""] | None, Query(
    description="speaker type, as /api/who defines it")]
Gender = Annotated[Literal["female", "male", "unknown", ""] | None, Query(
    description="quotations of people of this gender, as /api/who infers it (unknown: not inferred)")]
PlaceSort = Annotated[Literal["mentions", "articles", "name", ""] | None, Query(description="the column to sort by")]


def article_by_key(conn: sqlite3.Connection, ref: str) -> tuple[int, str | None]:
    """(store id, key to redirect to or None) of an article URL's ``ref``: a stable key is served as it
    is; an old ingest-order id is redirected to its key (links made before keys keep working);
    anything else is a 404."""
    from newsgraph.model import KEY_LENGTH

    if len(ref) == KEY_LENGTH and (found := query.find_article_by_key(conn, ref)) is not None:
        return found, None
    if ref.isdigit() and len(ref) < KEY_LENGTH:
        row = conn.execute("SELECT id, hash FROM articles WHERE id = ?", (int(ref),)).fetchone()
        if row:
            return int(row[0]), str(row[1])[:KEY_LENGTH]
    raise HTTPException(404, f"no article {ref!r}")


def blank_to_none(value: str | None) -> str | None:
    """Empty form fields arrive as ''; they mean 'no filter'."""
    return value.strip() or None if value is not None else None


Choice = TypeVar("Choice", bound=str)


def blank_choice(value: Choice | None) -> Choice | None:
    """A ``Literal`` parameter (one of its values, or '' for a blank form field: FastAPI has checked
    it) as the chosen value, or None; its type stays the ``Literal``."""
    return value or None


def resolve_article(conn: sqlite3.Connection, ref: str | None) -> int | None:
    """An ``article`` filter (id or document name) to an id; unknown is a 404, blank is no filter."""
    ref = blank_to_none(ref)
    if ref is None:
        return None
    # query.find_article_id takes str.isdigit() for an id: "²" or a 20-digit number would crash it
    unusable = ref.isdigit() and (not ref.isascii() or int(ref) > MAX_ID)
    found = None if unusable else query.find_article_id(conn, ref)
    if found is None:
        raise HTTPException(404, f"no article {ref!r} (give an id or a document name)")
    return found


class PersonNotFound(HTTPException):
    """A name no one in the store has: a 404 carrying the nearest names ("did you mean …")."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(404, f"no person named {name!r} in this store{hint}")
        self.suggestions = suggestions


def person_or_404(conn: sqlite3.Connection, name: str) -> dict[str, Any]:
    """The profile of the person ``name`` means (any name, any case), else a PersonNotFound."""
    profile = query.person_profile(conn, name)
    if profile is None:
        raise PersonNotFound(name, query.suggest_people(conn, name))
    return profile
