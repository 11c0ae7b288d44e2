"""WARC crawls (``.warc``, ``.warc.gz``): every HTTP response that is an HTML page, as an article.

Web archives and news crawls (Common Crawl News, Heritrix, wget ``--warc-file``) store pages
as WARC records. The file is streamed record by record with warcio, so a multi-gigabyte
crawl never sits in memory: a payload that is not read is skipped by warcio in blocks, and
an HTML payload is read up to ``MAX_BYTES``. The page's URL and fetch date come from the
record headers (``WARC-Target-URI``, ``WARC-Date``).

Each article's source is ``<file>:<byte offset of its record>``, so a rerun skips the records
already stored (resume by record) and a failure names the record. Records that are not
pages (requests, metadata, warcinfo, revisits, images, robots.txt, non-200 responses) are
counted in ``skipped`` by reason, not reported as errors. A damaged record (a gzip member
cut short, garbage between records, a payload that does not match its recorded digest) is
one ``ReadError``; reading goes on at the next record start found after it.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from newsgraph.read.base import MAX_BYTES, AlreadyDone, RawArticle, ReadError, check_text, decode_html_bytes, one_line
from newsgraph.read.html import read_html

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
SCAN_BLOCK = 1 << 20


class DamagedRecord(Exception):
    """A record that ends before its declared length: reading resumes at the next record found."""


def is_warc(path: str) -> bool:
    """A WARC file by its name (``.warc`` or ``.warc.gz``)."""
    return path.lower().endswith(WARC_SUFFIXES)


def read_warc(path: str, skipped: Counter[str] | None = None,
              done: Callable[[str], bool] | None = None) -> Iterator[RawArticle | ReadError | AlreadyDone]:
    """The HTML pages of a WARC file, streamed; other records are counted in ``skipped``. A page whose
    source ``done`` says is stored already comes as ``AlreadyDone``, its payload not read."""
    from warcio.archiveiterator import ArchiveIterator

    skipped = skipped if skipped is not None else Counter()
    gz = path.lower().endswith(".gz")
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield ReadError(path, f"cannot read ({exc.strerror or exc})", "check it exists and you may read it")
        return
    with fh:
        start: int | None = 0
        records = 0
        while start is not None:
            fh.seek(start)
            it = None
            try:
                it = ArchiveIterator(fh, check_digests="raise")  # a payload cut short is caught
                for record in it:
                    if not records and not str(getattr(record, "format", "")).startswith("warc"):
                        yield ReadError(path, "not a WARC file (its first record is not a WARC record)",
                                        "give newsgraph .warc or .warc.gz crawls")
                        return
                    records += 1
                    yield from _page(record, path, it.offset, skipped, done)
            except Exception as exc:  # warcio, zlib and gzip raise many kinds on damaged input
                # it.offset: the record being read, or the next one when moving on to it failed
                bad: int = it.offset if it is not None else start
                what = str(exc) if isinstance(exc, DamagedRecord) else f"{type(exc).__name__}: {exc}"
                yield ReadError(f"{path}:{bad}", f"damaged WARC record ({one_line(what)[:120]})",
                                "the rest of the file is still read")
                records += 1
                start = _next_record_start(fh, bad + 1, gz)
            else:
                start = None
        if not records:
            yield ReadError(path, "no WARC records", "is it a WARC file?")


def _page(record: ArcWarcRecord, path: str, offset: int, skipped: Counter[str],
          done: Callable[[str], bool] | None = None) -> Iterator[RawArticle | ReadError | AlreadyDone]:
    """The article of one record, or nothing (counted in ``skipped``) when it is not an HTML page."""
    where = f"{path}:{offset}"
    kind = record.rec_type
    if kind != "response":
        _skip(record, skipped, f"{kind} record")
        return
    http = record.http_headers
    if http is None:
        _skip(record, skipped, "response without HTTP headers")
        return
    status = (http.get_statuscode() or "").strip()
    if status != "200":
        _skip(record, skipped, f"HTTP status {status or '?'}")
        return
    ctype = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if ctype not in HTML_TYPES:
        _skip(record, skipped, f"not an HTML page ({ctype or 'no type'})")
        return
    if done is not None and done(where):
        _skip(record, Counter(), "done")  # read past it (checking it is whole), not counted as not a page
        yield AlreadyDone(where)
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    fetched = record.rec_headers.get_header("WARC-Date")
    data = record.content_stream().read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        yield ReadError(where, f"page larger than {MAX_BYTES // 1_048_576} MiB", "skipped; the rest is read")
        return
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:  # warcio returns what there is (the file ended, or zlib failed and warcio only warned)
        raise DamagedRecord(f"cut short, {missing} bytes missing")
    text = decode_html_bytes(data, where)
    charset = _header_charset(http.get_header("Content-Type") or "")
    if isinstance(text, ReadError) and charset:  # the server said which (the page did not)
        try:
            text = data.decode(codecs.lookup(charset).name)
        except (LookupError, UnicodeDecodeError):
            pass
    if isinstance(text, ReadError):
        yield text
        return
    item = read_html(text, url or where, where, url=url, fetched=fetched)
    yield (check_text(item.text, where) or item) if isinstance(item, RawArticle) else item


def _header_charset(content_type: str) -> str | None:
    """The ``charset`` of an HTTP Content-Type header, if any."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip(' "\''):
            return value.strip(' "\'')
    return None


def _skip(record: ArcWarcRecord, skipped: Counter[str], reason: str) -> None:
    """Count a record that is not a page, reading past its payload in blocks (what warcio would do)
    to make sure it is whole: a damaged one must not silently end the reading of the file."""
    stream = record.raw_stream
    while stream.read(SCAN_BLOCK):
        pass
    if getattr(stream, "limit", 0):
        raise DamagedRecord(f"cut short, {stream.limit} bytes missing")
    skipped[reason] += 1


def _next_record_start(fh: BinaryIO, pos: int, gz: bool) -> int | None:
    """Where the next record may start at or after ``pos``: a gzip member header, or a line
    starting ``WARC/1.``; None at the end of the file."""
    magic = GZIP_MAGIC if gz else b"\n" + WARC_MAGIC
    fh.seek(pos)
    carry = b""
    base = pos
    while block := fh.read(SCAN_BLOCK):
        data = carry + block
        found = data.find(magic)
        if found >= 0:
            return base - len(carry) + found + (0 if gz else 1)
        carry = data[-(len(magic) - 1):]
        base += len(block)
    return None
