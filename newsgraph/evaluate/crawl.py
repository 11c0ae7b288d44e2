"""Small WARC crawls built from saved pages, to test and measure WARC input without downloading one.

``write_warc`` writes what a crawler writes: a ``warcinfo`` record, and per page a request
and a response record (HTTP 200, ``text/html``), plus ``extras`` records a reader must skip:
images, robots.txt, 404 pages, ``metadata`` records and lone requests, in turn.
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warcio.warcwriter import WARCWriter

EXTRA_KINDS = ("image", "robots", "404", "metadata", "request")
FETCHED = "2020-01-02T03:04:05Z"


def write_warc(path: str | Path, pages: Iterable[tuple[str, bytes]], *, extras: int = 0,
               gzip: bool = True) -> Path:
    """A crawl of ``pages`` ((URL, HTML bytes)) plus ``extras`` records that are not HTML pages."""
    from warcio.warcwriter import WARCWriter

    path = Path(path)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsgraph"}))
        for url, body in pages:
            _request(writer, url)
            _response(writer, url, body)
        for i in range(extras):
            kind, url = EXTRA_KINDS[i % len(EXTRA_KINDS)], f"https://news.example.com/other/{i}"
            if kind == "image":
                _response(writer, url + ".png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
            elif kind == "robots":
                _response(writer, "https://news.example.com/robots.txt", b"User-agent: *\nDisallow:\n", "text/plain")
            elif kind == "404":
                _response(writer, url, b"<html><body><p>Not found, sorry.</p></body></html>", status="404 Not Found")
            elif kind == "metadata":
                writer.write_record(writer.create_warc_record(url, "metadata", payload=io.BytesIO(b"via: test\n"),
                                                              warc_content_type="application/warc-fields"))
            else:
                _request(writer, url)
    return path


def _response(writer: WARCWriter, url: str, body: bytes, ctype: str = "text/html; charset=utf-8",
              status: str = "200 OK") -> None:
    from warcio.statusandheaders import StatusAndHeaders

    http = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": FETCHED}))


def _request(writer: WARCWriter, url: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders

    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.com")], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                  http_headers=http))


def articles_and_quotes(db: str | Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """A store's articles (hash, title, date, outlet, author, text) and quotations, in a stable order:
    what two ways of ingesting the same pages must agree on (ids, sources and names may differ)."""
    conn = sqlite3.connect(db)
    try:
        arts = sorted(conn.execute("SELECT hash, title, published, outlet, author, text FROM articles"))
        quotes = sorted(conn.execute("SELECT a.hash, q.start, q.\"end\", q.kind, q.speaker, q.content FROM quotes q "
                                     "JOIN articles a ON a.id = q.article_id"))
    finally:
        conn.close()
    return arts, quotes


def sources_committed(db: str | Path) -> int:
    """Inputs a (possibly running) ingest has committed to ``db``; 0 before the store exists."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM sources").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0
