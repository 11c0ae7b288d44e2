"""The metadata sidecar (`ingest --metadata`): CSV/TSV rows matched to input files by name."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.read import RawArticle, iter_articles
from newsgraph.read.metadata import MetadataError, load_metadata, with_metadata


def test_tsv_rows_match_files_with_or_without_extension(tmp_path: Path) -> None:
    sidecar = tmp_path / "meta.tsv"
    sidecar.write_text("filename\tpublication_date\ttitle\tauthor\tpublisher\n"
                       "a\t2016-09-12\tFirst story\tDan Riehl\tbreitbart\n"
                       "b.txt\t2016-10-01\tSecond\tNone\t\n", encoding="utf-8")
    meta = load_metadata(sidecar)
    assert meta.warnings == []
    assert meta.lookup("a.txt") == {"published": "2016-09-12", "title": "First story", "author": "Dan Riehl",
                                    "outlet": "breitbart"}
    assert meta.lookup("b.txt") == {"published": "2016-10-01", "title": "Second"}  # None / empty: not given
    assert meta.lookup("c.txt") is None


def test_csv_with_bom_and_other_column_names(tmp_path: Path) -> None:
    sidecar = tmp_path / "meta.csv"
    sidecar.write_bytes("\ufeffid,Date,Headline,URL\nx.html,2020-03-01T10:00:00Z,\"A, quoted\",https://e.x/1\n"
                        .encode())
    assert load_metadata(sidecar).lookup("x.html") == {"published": "2020-03-01T10:00:00Z", "title": "A, quoted",
                                                       "url": "https://e.x/1"}


def test_bad_rows_are_warnings_and_the_rest_is_used(tmp_path: Path) -> None:
    sidecar = tmp_path / "m.csv"
    sidecar.write_text("file,date\n,2020-01-01\nk,last Tuesday\nk,2020-01-02\n", encoding="utf-8")
    meta = load_metadata(sidecar)
    assert [w.split(": ", 1)[1] for w in meta.warnings] == [
        "no file name; row ignored", "publication date 'last Tuesday' is not YYYY-MM-DD; ignored",
        "k has an earlier row; this one is used"]
    assert all(w.startswith(f"{sidecar}:") for w in meta.warnings)
    assert meta.lookup("k.txt") == {"published": "2020-01-02"}


@pytest.mark.parametrize(("content", "problem"), [
    ("title,date\nx,2020-01-01\n", "no column naming the files"),
    (b"\xff\xfe\x00bad", "not a UTF-8 CSV/TSV file"),
    (None, "cannot read the metadata file"),
])
def test_unusable_sidecar_is_one_clear_error(tmp_path: Path, content: str | bytes | None, problem: str) -> None:
    sidecar = tmp_path / "m.csv"
    if isinstance(content, bytes):
        sidecar.write_bytes(content)
    elif content is not None:
        sidecar.write_text(content)
    with pytest.raises(MetadataError) as err:
        load_metadata(sidecar)
    assert str(err.value).startswith(f"{sidecar}: {problem}") and "\n" not in str(err.value)


_cell = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30).map(str.strip)


@settings(max_examples=60, deadline=None)
@given(rows=st.dictionaries(st.from_regex(r"[a-z0-9_]{1,12}", fullmatch=True), st.tuples(_cell, _cell),
                            max_size=8),
       tab=st.booleans())
def test_any_written_table_reads_back(tmp_path_factory: pytest.TempPathFactory,
                                      rows: dict[str, tuple[str, str]], tab: bool) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t" if tab else ",", lineterminator="\n")
    writer.writerow(["filename", "title", "author"])
    for name, (title, author) in rows.items():
        writer.writerow([name, title, author])
    sidecar = tmp_path_factory.mktemp("meta") / "m.csv"
    sidecar.write_text(buf.getvalue(), encoding="utf-8")
    meta = load_metadata(sidecar)
    for name, (title, author) in rows.items():
        expected = {k: v for k, v in (("title", title), ("author", author))
                    if v and v.lower() not in {"none", "null", "nan", "n/a"}}
        assert meta.lookup(name + ".txt") == expected


def test_ingest_with_metadata_dates_relative_times(tmp_path: Path) -> None:
    from newsgraph import query
    from newsgraph.run import ingest
    from newsgraph.store import connect

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "report.txt").write_text(
        "Council vote\n\nThe council voted on Monday to close the bridge, the mayor said.\n", encoding="utf-8")
    sidecar = tmp_path / "meta.tsv"
    sidecar.write_text("filename\tpublication_date\tauthor\nreport\t2016-09-15\tJo Reporter\n", encoding="utf-8")
    rep = ingest([tmp_path / "in"], tmp_path / "n.db", metadata=sidecar)
    assert rep.stored == 1 and not rep.errors
    conn = connect(tmp_path / "n.db", readonly=True)
    art = query.load_article(conn, 1)
    assert art is not None and art.published == "2016-09-15" and art.author == "Jo Reporter"
    monday = [t for t in art.times if t.text == "Monday"]
    assert monday and monday[0].value == "2016-09-12"


def test_cli_metadata_errors_and_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main

    (tmp_path / "a.txt").write_text("The minister said the port would reopen.")
    bad = tmp_path / "bad.csv"
    bad.write_text("title\nx\n")
    assert main(["ingest", "--quiet", "--db", str(tmp_path / "n.db"), "--metadata", str(bad),
                 str(tmp_path / "a.txt")]) == 2
    assert "no column naming the files" in capsys.readouterr().err
    ok = tmp_path / "ok.csv"
    ok.write_text("file,date\na,soon\n")
    assert main(["ingest", "--quiet", "--db", str(tmp_path / "n.db"), "--metadata", str(ok),
                 str(tmp_path / "a.txt")]) == 0
    assert "publication date 'soon' is not YYYY-MM-DD" in capsys.readouterr().err


def test_polnear_metadata_covers_the_dev_texts(shared: Path) -> None:
    meta = load_metadata(shared / "corpora" / "polnear" / "metadata.tsv")
    items = list(with_metadata(iter_articles([shared / "corpora" / "polnear" / "dev" / "text"]), meta))
    arts = [i for i in items if isinstance(i, RawArticle)]
    assert arts and all(a.published and a.published[:4] == "2016" for a in arts)
    assert all(a.published in a.document for a in arts)  # the file names carry the date too: they agree
