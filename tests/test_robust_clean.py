"""Cleaning on awkward layouts: every newline style, separators with \\r, control characters,
no paragraphs, and texts too long for the parser (refused with a clear error, not a crash)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.clean import masked_text, segment
from newsgraph.read.base import MAX_CHARS

BODY = ["Storm closes schools", "\u201cStay at home,\u201d the mayor, Ann Lee, said on Monday.",
        "Roads reopen on Tuesday, officials said."]


@pytest.mark.parametrize("sep", ["\n\n", "\r\n\r\n", "\r\r", "\u2028\u2028", "\u2029", "\n \t\n"])
def test_every_newline_style_gives_the_same_paragraphs(sep: str) -> None:
    text = sep.join(BODY)
    layout = segment(text, title=BODY[0])
    assert [text[p.start:p.end] for p in layout.paragraphs] == BODY
    assert [p.kind for p in layout.paragraphs] == ["heading", "text", "text"]


def test_separator_lines_with_carriage_returns_are_boilerplate() -> None:
    text = "Title\r\n\r\nFirst paragraph here.\r\n### \r\nClick Here: ###\r\nSecond paragraph here.\r\n"
    layout = segment(text)
    assert [text[p.start:p.end] for p in layout.paragraphs] == ["Title", "First paragraph here.",
                                                               "Second paragraph here."]
    masked = masked_text(text, layout)
    assert len(masked) == len(text) and "###" not in masked and masked.count("\r\n") == text.count("\r\n")


def test_control_characters_stay_where_they_are() -> None:
    text = "He said \x07\x1b[31m\u201cfine\u201d\x1b[0m\x00 today.\x0c\n\nNext\u200b one."
    layout = segment(text)
    assert masked_text(text, layout) == text
    assert [text[p.start:p.end] for p in layout.paragraphs] == [text.split("\n\n")[0].rstrip(), "Next\u200b one."]


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\r\r\r", "\u2029\u2029", "\t \u3000\n"])
def test_no_paragraphs(text: str) -> None:
    layout = segment(text)
    assert layout.paragraphs == [] and masked_text(text, layout) == text


def test_two_megabyte_single_paragraph_is_segmented_in_one_pass() -> None:
    text = "The minister said \u201cwe will act now\u201d and left the room. " * 40_000
    layout = segment(text)
    assert len(layout.paragraphs) == 1 and layout.paragraphs[0].end == len(text.rstrip())


def test_text_longer_than_the_parser_takes_is_a_clear_error(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The reader refuses it with advice (CLI: one line naming the file); the library raises
    spaCy's own E088 ValueError, which names the length and the limit, before any parsing."""
    import newsgraph
    from newsgraph.cli import main

    big = tmp_path / "transcript.txt"
    big.write_text("He said it would rain. " * (MAX_CHARS // 23 + 100))
    main(["extract", str(big)])
    err = capsys.readouterr().err.strip().splitlines()
    assert any("transcript.txt" in line and "too long to analyse" in line and "split" in line for line in err), err
    with pytest.raises(ValueError, match="exceeds maximum"):
        newsgraph.extract(big.read_text())
