"""Readers: formats, metadata, and one clear error per bad input without stopping the batch."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.read import RawArticle, ReadError, iter_articles


def _write(p: Path, data: bytes) -> str:
    p.write_bytes(data)
    return str(p)


def test_text_title_and_offsets(tmp_path: Path) -> None:
    body = "Ad sales boost profit\r\n\r\nQuarterly profits rose 76%, it said.\r\n"
    f = _write(tmp_path / "a.txt", body.encode())
    (art,) = list(iter_articles([f]))
    assert isinstance(art, RawArticle)
    assert art.title == "Ad sales boost profit"
    assert art.text == body  # no newline translation: offsets are into the file as read
    assert art.document == "a.txt"


def test_jsonl_fields_and_broken_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "One said so.", "title": "T", "published": "2016-09-11", "id": "x1"}),
             "{broken", json.dumps({"title": "no text"}), json.dumps({"text": "Two."})]
    f = _write(tmp_path / "b.jsonl", "\n".join(lines).encode())
    items = list(iter_articles([f]))
    assert [type(i).__name__ for i in items] == ["RawArticle", "ReadError", "ReadError", "RawArticle"]
    assert items[0].published == "2016-09-11" and items[0].document == "x1"
    assert ":2" in items[1].source and "JSON" in items[1].problem
    assert items[3].document == "b.jsonl#4"


def test_html_main_text(tmp_path: Path) -> None:
    html = ("<html><head><title>Minister quits</title><meta name='date' content='2019-04-02'></head><body>"
            "<nav>Home | World</nav><article><h1>Minister quits</h1>"
            + "".join(f"<p>\u201cI have done my part,\u201d the minister said in paragraph {i}.</p>" for i in range(6))
            + "</article><footer>Cookies</footer></body></html>")
    f = _write(tmp_path / "c.html", html.encode())
    (art,) = list(iter_articles([f]))
    assert isinstance(art, RawArticle), art
    assert "I have done my part" in art.text and "Cookies" not in art.text
    assert art.title == "Minister quits"


def test_bad_inputs_each_one_line_and_batch_goes_on(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt", b"Title\n\nHe said it was fine.")
    bad = [
        _write(tmp_path / "empty.txt", b""),
        _write(tmp_path / "bin.txt", b"\x00\x01\x02binary"),
        _write(tmp_path / "latin1.txt", "caf\xe9".encode("latin-1")),
        _write(tmp_path / "utf16.txt", "\ufeffhello".encode("utf-16")),
        str(tmp_path / "missing.txt"),
    ]
    items = list(iter_articles([*bad, good]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == len(bad)
    for e in errors:
        line = str(e)
        assert "\n" not in line and Path(e.source).name in line
    assert isinstance(items[-1], RawArticle)


def test_directory_is_sorted_and_recursive(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.txt"):
        (tmp_path / name).write_text("Some text here.")
    names = [a.document for a in iter_articles([tmp_path])]
    assert names == ["a.txt", "b.txt", "sub/c.txt"]  # the path below the folder given: unique in it
    assert [a.document for a in iter_articles([tmp_path / "sub" / "c.txt", str(tmp_path / "s*")])] == [
        "c.txt", "c.txt"]  # a file given (or matched) by itself is named by its own name
