"""Bad input, tried for real: the committed corpus in fixtures/bad/ plus what is made at test time
(20 MB files, FIFO, device, broken link, unreadable file and directory). Each bad input gives one
line naming the file, the problem and what to do; the batch goes on; an ingest records them,
`newsgraph errors` lists them and a rerun retries only those."""

from __future__ import annotations

import os
import shutil
import threading
import tracemalloc
from pathlib import Path

import pytest

from newsgraph.read import RawArticle, ReadError, iter_articles
from newsgraph.read import sources as read_sources
from newsgraph.read.base import MAX_BYTES, MAX_CHARS

BAD = Path(__file__).parent / "fixtures" / "bad"

# file (or file:line) -> a word of the expected problem, or None for "read as an article"
EXPECTED: dict[str, str | None] = {
    "binary.txt": "binary",
    "blank.txt": "empty",
    "broken.jsonl:1": None,
    "broken.jsonl:2": "broken JSON",
    "broken.jsonl:3": '"text"',
    "broken.jsonl:4": None,  # raw U+2028 and U+0085 inside the JSON string: one line, not three
    "broken.jsonl:5": None,  # a lone surrogate escape becomes U+FFFD (same length)
    "broken.jsonl:6": '"text"',  # a JSON list, not an object
    "broken.jsonl:7": None,
    "broken.jsonl:8": "UTF-8",
    "broken.jsonl:9": "nested too deeply",
    "broken_tag.html": None,  # broken markup still has an article
    "controls.txt": None,  # control characters, lone \r, U+2028: odd but text
    "empty.txt": "empty",
    "good.txt": None,
    "invalid_utf8.txt": "UTF-8",
    "no_article.html": "no article",
    "utf16_bom.txt": "UTF-16",
    "utf16_nobom.txt": "UTF-16",
    "windows1252.html": None,  # not UTF-8, but the page declares its charset
    "latin1_undeclared.html": "UTF-8",
}
HINT_WORDS = ("convert", "remove", "fix", "give", "split", "check", "each line", "is it")


def _key(item: RawArticle | ReadError) -> str:
    source = item.source if isinstance(item, ReadError) else item.source or item.document
    return os.path.relpath(source, BAD) if os.path.isabs(source) or source.startswith(str(BAD)) else source


def _assert_one_line_error(err: ReadError, path_part: str) -> None:
    line = str(err)
    assert "\n" not in line and "\r" not in line, line
    assert path_part in line, line
    assert any(w in err.hint for w in HINT_WORDS), f"no advice in {line!r}"


def test_committed_corpus_every_input_as_expected() -> None:
    items = list(iter_articles([BAD]))
    got = {_key(i): i for i in items}
    assert set(got) == set(EXPECTED), set(got) ^ set(EXPECTED)
    for key, problem in EXPECTED.items():
        item = got[key]
        if problem is None:
            assert isinstance(item, RawArticle), f"{key}: {item}"
            assert item.text.strip()
        else:
            assert isinstance(item, ReadError), f"{key} was read: {item!r:.200}"
            assert problem in item.problem, f"{key}: {item}"
            _assert_one_line_error(item, key.split(":")[0])


def test_jsonl_line_separators_stay_inside_the_text() -> None:
    by_key = {_key(i): i for i in iter_articles([BAD / "broken.jsonl"])}
    art = by_key["broken.jsonl:4"]
    assert isinstance(art, RawArticle)
    assert "\u2028" in art.text and "\x85" in art.text and art.document == "ls-4"
    fixed = by_key["broken.jsonl:5"]
    assert isinstance(fixed, RawArticle) and "\ufffd" in fixed.text
    fixed.text.encode("utf-8")  # storable


def test_html_in_its_declared_charset_is_decoded() -> None:
    (art,) = list(iter_articles([BAD / "windows1252.html"]))
    assert isinstance(art, RawArticle) and art.title == "Caf\u00e9 closes" and "\u201cWe are closed" in art.text


def _peak_mib(fn) -> tuple[object, float]:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    try:
        out = fn()
        return out, tracemalloc.get_traced_memory()[1] / 1_048_576
    finally:
        tracemalloc.stop()


def test_twenty_mb_single_paragraph_text_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        for _ in range(20):
            fh.write(b"The minister said the plan would work. " * 26_900)  # ~1 MiB, no newline
    assert big.stat().st_size > 20_000_000
    items, peak = _peak_mib(lambda: list(iter_articles([big])))
    (err,) = items
    assert isinstance(err, ReadError) and "too large" in err.problem and "MiB" in err.problem
    _assert_one_line_error(err, "huge.txt")
    assert peak < 2, f"read {peak:.1f} MiB of a file it refuses"


def test_text_under_the_byte_limit_but_over_spacy_length_is_refused(tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    long.write_text("He said it would rain. " * (MAX_CHARS // 23 + 10))
    assert long.stat().st_size < MAX_BYTES
    (err,) = list(iter_articles([long]))
    assert isinstance(err, ReadError) and "too long to analyse" in err.problem
    _assert_one_line_error(err, "long.txt")


def test_twenty_mb_jsonl_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    line = ('{"text": "' + "Officials said the talks would continue next week. " * 40 + '"}\n').encode()
    n_lines = 20_000_000 // len(line)
    with open(big, "wb") as fh:
        for _ in range(n_lines):
            fh.write(line)
    assert big.stat().st_size > 19_000_000

    def count() -> int:
        return sum(1 for item in iter_articles([big]) if isinstance(item, RawArticle))

    n, peak = _peak_mib(count)
    assert n == n_lines
    assert peak < 8, f"peak {peak:.1f} MiB for a 20 MB JSONL: not streamed"


def test_jsonl_line_over_the_limit_is_one_error_and_the_file_goes_on(tmp_path: Path) -> None:
    f = tmp_path / "oneline.jsonl"
    with open(f, "wb") as fh:
        fh.write(b'{"text": "' + b"x" * (MAX_BYTES + 5) + b'"}\n')
        fh.write(b'{"text": "The next line is fine, she said."}\n')
    items, peak = _peak_mib(lambda: list(iter_articles([f])))
    assert [type(i) for i in items] == [ReadError, RawArticle]
    assert items[0].source.endswith("oneline.jsonl:1") and "longer than" in items[0].problem
    _assert_one_line_error(items[0], "oneline.jsonl:1")
    assert peak < 2 * MAX_BYTES / 1_048_576 + 4, f"peak {peak:.1f} MiB"


def _no_hang(fn, seconds: float = 20):  # type: ignore[no-untyped-def]
    out: list[object] = []
    t = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    t.start()
    t.join(seconds)
    assert out, "blocked (reading a FIFO or a device never ends)"
    return out[0]


def test_fifo_device_and_broken_link_are_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    paths = [fifo, "/dev/zero", link]
    items = _no_hang(lambda: list(iter_articles(paths)))
    assert [type(i) for i in items] == [ReadError] * 3
    assert "FIFO" in items[0].problem and "device" in items[1].problem and "link" in items[2].problem
    for err, p in zip(items, paths, strict=True):
        _assert_one_line_error(err, Path(p).name)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file; see the simulated test below")
def test_unreadable_file_chmod(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("He said so.")
    f.chmod(0)
    (err,) = list(iter_articles([f]))
    assert isinstance(err, ReadError) and "cannot read" in err.problem


def test_unreadable_file_and_directory_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permission errors as the OS raises them (works as root, where chmod 000 does not deny reads)."""
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "locked" / "x.txt").write_text("Hidden text, she said.")
    (tmp_path / "in" / "secret.txt").write_text("He said so.")
    (tmp_path / "in" / "ok.txt").write_text("Title\n\nShe said the vote was close.")
    real_open, real_scandir = open, os.scandir

    def guarded_open(file, *a, **k):  # type: ignore[no-untyped-def]
        if str(file).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *a, **k)

    def guarded_scandir(path="."):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(read_sources, "open", guarded_open, raising=False)
    monkeypatch.setattr(os, "scandir", guarded_scandir)
    items = list(iter_articles([tmp_path / "in"]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert {Path(e.source).name for e in errors} == {"locked", "secret.txt"}, items
    for e in errors:
        assert "Permission denied" in e.problem
        _assert_one_line_error(e, Path(e.source).name)
    assert [i.document for i in items if isinstance(i, RawArticle)] == ["ok.txt"]


def test_file_name_with_newline_still_gives_one_line(tmp_path: Path) -> None:
    f = tmp_path / "two\nlines.txt"
    f.write_bytes(b"")
    (err,) = list(iter_articles([f]))
    assert "\n" not in str(err) and "lines.txt" in str(err)


def test_deeply_nested_and_huge_html_do_not_crash(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 100_000 + "<p>\u201cDeep,\u201d said Ann Lee today.</p>"
                    + "</div>" * 100_000 + "</body></html>")
    huge = tmp_path / "huge.html"
    huge.write_bytes(b"<html><body><p>" + b"word " * (MAX_BYTES // 5 + 10) + b"</p></body></html>")
    items = list(iter_articles([deep, huge]))
    assert len(items) == 2
    assert isinstance(items[1], ReadError) and "too large" in items[1].problem
    if isinstance(items[0], ReadError):
        _assert_one_line_error(items[0], "deep.html")


# --- through ingest and the CLI: recorded, listed, retried -----------------------------------------


def test_ingest_records_every_failure_lists_them_and_retries_only_those(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main
    from newsgraph.run import ingest

    corpus = tmp_path / "corpus"
    shutil.copytree(BAD, corpus)
    db = tmp_path / "n.db"
    expected_bad = {k for k, v in EXPECTED.items() if v is not None}
    expected_ok = {k for k, v in EXPECTED.items() if v is None}

    first = ingest([corpus], db)
    assert {os.path.relpath(e.source, corpus) for e in first.errors} == expected_bad
    assert first.stored == len(expected_ok)

    assert main(["errors", "--db", str(db)]) == 0
    listed = capsys.readouterr().out.strip().splitlines()
    assert len(listed) == len(expected_bad)
    for line in listed:
        assert any(line.startswith(str(corpus / k)) for k in expected_bad), line

    second = ingest([corpus], db)  # good inputs skipped, bad ones tried again
    assert second.stored == 0 and second.skipped == len(expected_ok)
    assert {os.path.relpath(e.source, corpus) for e in second.errors} == expected_bad

    (corpus / "empty.txt").write_text("Fixed\n\n\u201cNow it has words,\u201d the editor said.")
    (corpus / "utf16_bom.txt").write_text("Converted\n\nThe mayor said the budget was final.")
    third = ingest([corpus], db)
    assert third.stored == 2 and third.skipped == len(expected_ok)
    assert len(third.errors) == len(expected_bad) - 2
    main(["errors", "--db", str(db)])
    listed = capsys.readouterr().out
    assert "empty.txt" not in listed and "utf16_bom.txt" not in listed and "binary.txt" in listed


def test_fixed_jsonl_file_clears_its_whole_file_failure(tmp_path: Path) -> None:
    """A JSONL file refused as a whole (here: UTF-16) is recorded under its path; once fixed, its
    articles are stored under path:line and the file's failure goes away."""
    from newsgraph import query
    from newsgraph.run import ingest
    from newsgraph.store import connect

    f = tmp_path / "feed.jsonl"
    f.write_bytes('{"text": "The minister said the port would reopen."}\n'.encode("utf-16"))
    db = tmp_path / "n.db"
    assert len(ingest([f], db).errors) == 1
    f.write_text('{"text": "The minister said the port would reopen."}\n')
    rep = ingest([f], db)
    assert rep.stored == 1 and not rep.errors
    assert query.failures(connect(db, readonly=True)) == []


def test_a_broken_jsonl_line_deleted_from_its_file_is_no_longer_listed(tmp_path: Path) -> None:
    """The broken last line is removed (so no input of its name is ever stored): reading the
    file again drops its old failure; a line still broken is recorded again."""
    from newsgraph import query
    from newsgraph.run import ingest
    from newsgraph.store import connect

    f = tmp_path / "feed.jsonl"
    good = '{"text": "The minister said the port would reopen."}\n'
    f.write_text(good + '{"text": "The mayor said the bridge was safe."}\n' + "{not json\n")
    db = tmp_path / "n.db"
    assert [e.source for e in ingest([f], db).errors] == [f"{f}:3"]
    f.write_text(good + "{also broken\n" + '{"text": "The mayor said the bridge was safe."}\n')
    rep = ingest([f], db)
    assert [e.source for e in rep.errors] == [f"{f}:2"]
    assert [r["source"] for r in query.failures(connect(db, readonly=True))] == [f"{f}:2"]
    f.write_text(good)
    ingest([f], db)
    assert query.failures(connect(db, readonly=True)) == []


def test_utf8_bom_is_kept_in_the_text_but_not_in_the_title(tmp_path: Path) -> None:
    from newsgraph.clean import segment

    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffCouncil approves budget\r\n\r\nThe leader said it was fine.\r\n".encode())
    (art,) = list(iter_articles([f]))
    assert art.text.startswith("\ufeff") and art.title == "Council approves budget"
    assert [p.kind for p in segment(art.text, art.title).paragraphs] == ["heading", "text"]


def test_linked_folders_are_followed_once_and_loops_end(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "in" / "a.txt").write_text("First text here.")
    (tmp_path / "in" / "sub" / "b.txt").write_text("Second text here.")
    (tmp_path / "elsewhere" / "c.txt").write_text("Linked text here.")
    (tmp_path / "in" / "linked").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "in" / "sub" / "loop").symlink_to(tmp_path / "in")  # a cycle
    items = _no_hang(lambda: list(iter_articles([tmp_path / "in"])))
    assert sorted(i.document for i in items if isinstance(i, RawArticle)) == ["a.txt", "linked/c.txt", "sub/b.txt"]


def test_file_names_that_are_not_utf8_are_read_stored_and_listed(tmp_path: Path) -> None:
    """Names from old archives (latin-1 bytes) used to crash the whole ingest at the first write."""
    from newsgraph import query
    from newsgraph.run import ingest
    from newsgraph.store import connect

    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as fh:
        fh.write("Title\n\n\u201cThe plan is fine,\u201d the mayor said.".encode())
    with open(os.path.join(folder, b"empty\xff.txt"), "wb") as fh:
        fh.write(b"")
    db = tmp_path / "n.db"
    first = ingest([tmp_path / "in"], db)
    assert first.stored == 1 and [e.source.rsplit("/", 1)[-1] for e in first.errors] == ["empty\\xff.txt"]
    conn = connect(db, readonly=True)
    assert [a["document"] for a in query.articles(conn)] == ["caf\\xe9.txt"]
    assert ingest([tmp_path / "in"], db).skipped == 1  # the rerun recognises it


def test_file_names_with_escape_sequences_cannot_drive_the_terminal(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main
    from newsgraph.run import ingest

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x\x1b]0;HACKED\x07.txt").write_bytes(b"")
    (tmp_path / "in" / "evil\u202etxt.exe.txt").write_bytes(b"\x00")
    db = tmp_path / "n.db"
    assert len(ingest([tmp_path / "in"], db).errors) == 2
    main(["errors", "--db", str(db)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "x\\x1b]0;HACKED\\x07.txt" in out and "evil\\u202etxt.exe.txt" in out
    assert ingest([tmp_path / "in"], db).errors  # still recognised and retried


def test_html_prose_check_keeps_articles_in_any_script_and_drops_navigation() -> None:
    from newsgraph.read.html import looks_like_prose

    assert looks_like_prose("市长周一表示，这座桥将于五月重新开放。交通部长也表示支持。")
    assert looks_like_prose("The mayor said the bridge will reopen in May.")
    assert not looks_like_prose("Home | World | Business | Politics | Sport")
    assert not looks_like_prose("Home | World ")
