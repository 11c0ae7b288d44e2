"""The FastAPI application: pages, /api, static files, offline API docs and error pages."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import __version__
from newsgraph.web.db import QueryTimeout, ReadOnlyStore

log = logging.getLogger("newsgraph.web")
HERE = Path(str(resources.files("newsgraph.web")))
# Pages load only their own scripts and styles; map tiles are the one outside resource (an optional
# layer the reader switches on; the map's base layer is vendored country outlines).
CSP = ("default-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; script-src 'self'; "
       "style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

API_DESCRIPTION = """\
Read-only JSON over a newsgraph store: articles with their quotations, people, places and
dated events. Every span is `[start, end]`, Python str offsets into the article text
(`GET /api/articles/{id}` returns the text). Nothing here writes; queries stop after a time
budget with **503**; bad parameters get **422** and unknown articles or people **404**, all in one
shape: `{"status", "detail" (a sentence), "problems" (each bad parameter), "suggestions" (the nearest
names, for a person)}`. Every list answers `{"items", "total", "limit", "offset", "next"}` and takes
`format=csv` for the same view as a CSV file."""


def create_app(db: str | Path, *, timeout_ms: int = 3000) -> FastAPI:
    """The app over the store at ``db`` (opened read-only; raises StoreError if unusable)."""
    store = ReadOnlyStore(db, timeout_ms=timeout_ms)
    app = FastAPI(title="newsgraph", version=__version__, description=API_DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_tags=[
                      {"name": "api", "description": "JSON for the same data the pages show"}])
    app.state.store = store
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from newsgraph.web import api, pages, place, quotations

    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(quotations.page_router)
    app.include_router(quotations.api_router)
    app.include_router(place.router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="newsgraph API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png")

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response: Response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        if request.url.path != "/docs":  # Swagger UI boots with an inline script
            response.headers["Content-Security-Policy"] = CSP
        return response

    _error_handlers(app)
    app.router.add_event_handler("startup", store.warm)
    app.router.add_event_handler("startup", lambda: warm_pages(app))
    app.router.add_event_handler("shutdown", store.close)
    return app


def templates() -> Jinja2Templates:
    from newsgraph.render import is_bare_fragment
    from newsgraph.web import markup
    from newsgraph.web.chart import year_chart

    t = Jinja2Templates(directory=HERE / "templates")
    t.env.globals.update(person_url=markup.person_url, map_url=markup.map_url, place_url=markup.place_url,
                         year_chart=year_chart, version=__version__)
    t.env.filters["highlight"] = markup.highlight_html
    t.env.filters["spans"] = markup.spans_html
    t.env.tests["bare_fragment"] = is_bare_fragment
    return t


WARM_PATH = "/.newsgraph-warm"
"""A path no route matches: asking for it once walks every route."""


def warm_pages(app: FastAPI) -> None:
    """In the background at start, what the first request of each page kind would otherwise wait for
    (tens of milliseconds each): its template and macros compiled, and FastAPI's routes (which it
    builds on first match) built, by one request in-process for a path no route matches."""
    async def unmatched() -> None:
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": WARM_PATH, "raw_path": WARM_PATH.encode(), "query_string": b"",
                 "root_path": "", "headers": [], "client": ("127.0.0.1", 0), "server": ("127.0.0.1", 0),
                 "state": {}}

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: MutableMapping[str, Any]) -> None:
            return None

        await app(scope, receive, send)

    def run() -> None:
        env = app.state.templates.env
        for name in env.list_templates(extensions=["html"]):
            env.get_template(name)
        try:
            asyncio.run(unmatched())
        except Exception:  # noqa: BLE001  (a warm-up only: the first real request builds what is missing)
            log.debug("warm-up request failed", exc_info=True)

    threading.Thread(target=run, name="newsgraph-warm-pages", daemon=True).start()


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str, *, problems: list[dict[str, str]] | None = None,
                   suggestions: list[str] | None = None) -> Response:
    """One error shape: JSON ``{"status", "detail", "problems", "suggestions"}`` on the API (schemas.Error),
    the error page on HTML (with links to the suggested names)."""
    if wants_json(request):
        return JSONResponse({"status": status, "detail": message, "problems": problems or [],
                             "suggestions": suggestions or []}, status_code=status)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "suggestions": suggestions or []},
        status_code=status)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, message, suggestions=getattr(exc, "suggestions", None))

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        problems = [{"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]) or "request",
                     "message": str(e.get("msg"))} for e in exc.errors()]
        text = "; ".join(f"{p['parameter']}: {p['message']}" for p in problems)
        return error_response(request, 422 if wants_json(request) else 400, f"bad parameter ({text})",
                              problems=problems)

    @app.exception_handler(ValueError)  # e.g. a date that matches the pattern but is no date (2019-13-45)
    async def bad_value(request: Request, exc: ValueError) -> Response:
        return error_response(request, 400, f"bad parameter ({exc})")

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout) -> Response:
        return error_response(request, 503, f"{exc}; the server may be busy: try again, or narrow the search "
                                                "(a speaker, fewer words, a date range)")

    @app.exception_handler(sqlite3.DatabaseError)  # OperationalError (busy, interrupted) and damaged files
    async def db_error(request: Request, exc: sqlite3.DatabaseError) -> Response:
        budget = getattr(request.state, "budget", None)
        if budget is not None and budget.fired:
            return error_response(request, 503, f"the query took longer than {request.app.state.store.timeout_ms}"
                                                " ms and was stopped (the server may be busy: try again, or narrow the search)")
        log.warning("database error on %s: %s", request.url.path, exc)
        if isinstance(exc, sqlite3.OperationalError):  # locked, busy, I/O: worth a retry
            return error_response(request, 503, f"the database could not answer ({exc}); try again")
        return error_response(request, 503, f"the store {request.app.state.store.path.name} is damaged ({exc}); "
                                            "ingest the articles again into a new --db")
