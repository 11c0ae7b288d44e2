"""The CLI end to end on the bundled example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.cli import main

FIX = Path(__file__).parent / "fixtures"


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for cmd in ("ingest", "extract", "quotes", "people", "show", "report", "eval"):
        assert cmd in out


def test_extract_jsonl_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(FIX / "moscow8.txt"), "--format", "jsonl"]) == 0
    obj = json.loads(capsys.readouterr().out.strip().splitlines()[0])
    assert obj["document"] == "moscow8.txt"
    for key in ("quotes", "entities", "headings", "boilerplate", "timeline"):
        assert isinstance(obj[key], list), key
    q = obj["quotes"][0]
    assert set(q) >= {"content_spans", "speaker", "cue", "kind"}
    assert set(q["speaker"]) >= {"name", "mention"}
    text = (FIX / "moscow8.txt").read_text(encoding="utf-8")
    for q in obj["quotes"]:
        for s, e in q["content_spans"]:
            assert 0 <= s < e <= len(text)
            if q["kind"] == "direct":  # content excludes the quotation marks
                assert text[s] not in "\"“”" and text[e - 1] not in "\"“”"


def test_ingest_quotes_people_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "n.db")
    assert main(["ingest", str(FIX / "moscow8.txt"), "--db", db]) == 0
    assert "1 articles stored" in capsys.readouterr().out
    assert main(["quotes", "--db", db, "--search", "heartache"]) == 0
    assert "heartache" in capsys.readouterr().out
    assert main(["people", "--db", db]) == 0
    assert "Lee Seung-min" in capsys.readouterr().out
    assert main(["show", "moscow8.txt", "--db", db, "--no-colour"]) == 0
    assert "Living in exile" in capsys.readouterr().out
    assert main(["show", "nope", "--db", db]) == 2
    assert "no article" in capsys.readouterr().err


def test_report_prints_sections(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(FIX / "moscow8.txt")]) == 0
    out = capsys.readouterr().out
    for section in ("People", "Quotes", "Places", "Timeline"):
        assert section in out


def test_missing_db_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--db", str(tmp_path / "none.db")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "newsgraph ingest" in err


def test_extract_exits_1_when_no_input_could_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path / "empty.txt")]) == 1
    err = capsys.readouterr().err
    assert "empty.txt" in err and "empty file" in err
    assert main(["extract", str(tmp_path / "empty.txt"), str(FIX / "moscow8.txt")]) == 0
