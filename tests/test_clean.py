"""Cleaning classifies spans without moving a character."""

from __future__ import annotations

from newsgraph.clean import masked_text, segment


def test_seed_headings_and_boilerplate(seed_text: str) -> None:
    layout = segment(seed_text)
    headings = [seed_text[s:e] for s, e in layout.headings]
    assert headings == ["Living in exile", "‘The biggest heartache’"]
    junk = [seed_text[s:e] for s, e in layout.boilerplate]
    assert "Click Here:" in junk
    assert all(set(j) == {"#"} for j in junk if j != "Click Here:")


def test_masking_keeps_length_and_text(seed_text: str) -> None:
    layout = segment(seed_text)
    masked = masked_text(seed_text, layout)
    assert len(masked) == len(seed_text)
    assert "###" not in masked and "Click Here" not in masked
    for p in layout.paragraphs:
        assert masked[p.start : p.end] == seed_text[p.start : p.end]


def test_general_leftovers() -> None:
    text = "Title line\n\nHe said it.\n\nAdvertisement\n\nRead the rest here.\n\nFollow Pam Key on Twitter @pamkeyNEN.\n\nEnd."
    layout = segment(text, "Title line")
    junk = {text[s:e] for s, e in layout.boilerplate}
    assert junk == {"Advertisement", "Read the rest here.", "Follow Pam Key on Twitter @pamkeyNEN."}
    assert layout.paragraphs[0].kind == "heading"
    assert [text[p.start:p.end] for p in layout.paragraphs if p.kind == "text"] == ["He said it.", "End."]
