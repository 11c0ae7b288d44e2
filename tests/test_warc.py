"""WARC input: HTML responses read as articles, other records skipped and counted, damage survived, resume by record.

The WARC files are built here with warcio from the repository's fixture pages (no download).
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from newsgraph.evaluate.crawl import articles_and_quotes, write_warc
from newsgraph.read import RawArticle, ReadError, iter_articles
from newsgraph.read.sources import read_file
from newsgraph.run import ingest

PAGES = sorted((Path(__file__).resolve().parent / "fixtures" / "html" / "pages").glob("*.html"))
NON_HTML = 50


def make_warc(path: Path, pages: list[Path], *, extras: int = 0, gzip: bool = True) -> Path:
    """A crawl of ``pages`` (each with its request record) plus ``extras`` records that are not HTML pages."""
    return write_warc(path, [(f"https://news.example.com/story/{i}", p.read_bytes()) for i, p in enumerate(pages)],
                      extras=extras, gzip=gzip)


def _member_offsets(path: Path) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        return [it.offset for _ in it]


def test_warc_reads_each_html_response_and_counts_the_other_records(tmp_path: Path) -> None:
    warc = make_warc(tmp_path / "crawl.warc.gz", PAGES, extras=NON_HTML)
    skipped: Counter[str] = Counter()
    items = list(iter_articles([warc], skipped))
    assert all(isinstance(i, RawArticle) for i in items), [str(i) for i in items if isinstance(i, ReadError)]
    assert len(items) == len(PAGES)
    for page, art in zip(PAGES, items, strict=True):
        (alone,) = list(read_file(str(page)))
        assert (art.text, art.title, art.author, art.outlet) == (alone.text, alone.title, alone.author, alone.outlet)
        assert art.source and art.source.startswith(f"{warc}:") and art.source.rsplit(":", 1)[1].isdigit()
    assert items[0].document == "https://news.example.com/story/0"
    # 1 warcinfo + a request per page + the 50 extras, none of them an error
    assert sum(skipped.values()) == 1 + len(PAGES) + NON_HTML
    assert skipped["request record"] == len(PAGES) + NON_HTML // 5
    assert skipped["HTTP status 404"] == NON_HTML // 5 and skipped["not an HTML page (image/png)"] == NON_HTML // 5


def test_uncompressed_warc_and_folders_of_warcs_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "crawls"
    folder.mkdir()
    make_warc(folder / "a.warc", PAGES[:1], gzip=False)
    make_warc(folder / "b.warc.gz", PAGES[1:2])
    items = list(iter_articles([folder]))
    assert [type(i) for i in items] == [RawArticle, RawArticle]


def test_gzip_member_cut_short_is_one_error_and_the_file_goes_on(tmp_path: Path) -> None:
    whole = make_warc(tmp_path / "whole.warc.gz", PAGES[:3]).read_bytes()
    offsets = _member_offsets(tmp_path / "whole.warc.gz")  # warcinfo, then request/response pairs
    cut_start, cut_end = offsets[4], offsets[5]  # the second page's response record
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(whole[:cut_start + (cut_end - cut_start) // 2] + whole[cut_end:])
    items = list(iter_articles([damaged]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1 and f"{damaged}:{cut_start}" in str(errors[0]) and "damaged WARC record" in str(errors[0])
    assert [i.title for i in items if isinstance(i, RawArticle)] == [
        list(read_file(str(p)))[0].title for p in (PAGES[0], PAGES[2])]
    cut_request = tmp_path / "cut_request.warc.gz"  # a record that is not a page, cut short: all pages read
    cut_request.write_bytes(whole[:offsets[3] + (offsets[4] - offsets[3]) // 2] + whole[offsets[4]:])
    items = list(iter_articles([cut_request]))
    assert [type(i) for i in items] == [RawArticle, ReadError, RawArticle, RawArticle], [str(i) for i in items]
    truncated = tmp_path / "truncated.warc.gz"  # the file itself ends inside the last member
    truncated.write_bytes(whole[:len(whole) - 500])
    items = list(iter_articles([truncated]))
    assert sum(isinstance(i, RawArticle) for i in items) == 2 and sum(isinstance(i, ReadError) for i in items) == 1


def test_page_in_the_charset_the_server_declared(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = "<html><body><p>\u201cCaf\u00e9 prices rose,\u201d said Ann Lee, the owner, on Monday.</p></body></html>"
    warc = tmp_path / "latin.warc.gz"
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1252")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example.com/cafe", "response", http_headers=http,
                                                      payload=io.BytesIO(body.encode("cp1252"))))
    (art,) = list(iter_articles([warc]))
    assert isinstance(art, RawArticle) and "Caf\u00e9 prices rose" in art.text


def test_not_a_warc_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"this is not a crawl\n" * 10)
    (err,) = list(iter_articles([bad]))
    assert isinstance(err, ReadError) and str(bad) in str(err) and "\n" not in str(err)


@pytest.mark.slow
def test_warc_ingest_equals_the_pages_ingested_one_by_one_and_resumes_by_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files_db, warc_db = tmp_path / "files.db", tmp_path / "warc.db"
    for page in PAGES:
        ingest([page], files_db)
    warc = make_warc(tmp_path / "crawl.warc.gz", PAGES, extras=NON_HTML)
    first = ingest([warc], warc_db, batch_size=1)
    assert (first.stored, len(first.errors), sum(first.records_skipped.values())) == (
        len(PAGES), 0, 1 + len(PAGES) + NON_HTML)
    assert "WARC records not HTML pages" in first.summary()
    assert articles_and_quotes(files_db) == articles_and_quotes(warc_db)
    from newsgraph.read import warc as warc_reader

    def not_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("a stored record was read again")

    monkeypatch.setattr(warc_reader, "read_html", not_again)  # a rerun passes over stored records unread
    again = ingest([warc], warc_db)
    assert (again.stored, again.already, again.skipped, len(again.errors)) == (0, 0, len(PAGES), 0)
    assert articles_and_quotes(files_db) == articles_and_quotes(warc_db)


@pytest.mark.parametrize("gzip", [True, False])
def test_any_damage_to_a_warc_is_errors_never_a_crash(gzip: bool, tmp_path: Path) -> None:
    """Bytes flipped, removed or inserted anywhere: every item is an article or a one-line error, and the
    file is read to its end (seeded, so a failure reproduces)."""
    import random

    suffix = ".warc.gz" if gzip else ".warc"
    small_warc = make_warc(tmp_path / f"small{suffix}", PAGES[:2], extras=5, gzip=gzip).read_bytes()
    rng = random.Random(16)
    for case in range(40):
        data = bytearray(small_warc)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(data))
            kind = rng.choice(("flip", "cut", "insert"))
            if kind == "flip":
                data[at] ^= 1 << rng.randrange(8)
            elif kind == "cut":
                del data[at:at + rng.randint(1, 2000)]
            else:
                data[at:at] = rng.randbytes(rng.randint(1, 50))
        path = tmp_path / f"damaged{case}{suffix}"
        path.write_bytes(bytes(data))
        items = list(iter_articles([path]))
        assert all(isinstance(i, RawArticle) or (isinstance(i, ReadError) and "\n" not in str(i)) for i in items)
        assert sum(isinstance(i, RawArticle) for i in items) <= 2
