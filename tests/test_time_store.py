"""No date before 1500 in a store of the BBC corpus and PolNeAR dev comes from a clock time, a
quantity or a title (issue 17). Affordable: only the articles holding a number that could be read
as such a year (1000–1499) are stored, and every value they get before 1500 must be a year the
text gives as one ("in 1337")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.run import ingest
from newsgraph.store import connect

EARLY_NUMBER = re.compile(r"(?<![\d.,$£€])1[0-4]\d\d(?![\d]|[.,]\d)")
AS_A_YEAR = re.compile(r"(?i:\b(?:in|since|from|of|by|until|circa|around|the year)\s+)$")


def candidates(shared: Path) -> list[Path]:
    files = sorted((shared / "corpora/bbc").glob("*/*.txt")) + sorted((shared / "corpora/polnear/dev/text").glob("*.txt"))
    return [f for f in files if EARLY_NUMBER.search(f.read_text(encoding="utf-8"))]


@pytest.mark.slow
def test_no_early_date_in_the_store_comes_from_a_clock_time_or_a_title(shared: Path, tmp_path: Path) -> None:
    paths = candidates(shared)
    assert len(paths) > 10  # the corpus has clock times ("1230 GMT"), prices ("1130p") and distances
    db = tmp_path / "early.db"
    ingest(paths, db)
    conn = connect(db, readonly=True)
    rows = conn.execute("SELECT a.text, t.start, t.\"end\", t.value FROM times t JOIN articles a ON a.id = t.article_id"
                        " WHERE t.value IS NOT NULL AND substr(t.value, 1, 4) < '1500'").fetchall()
    wrong = [(text[max(0, s - 30):e + 15], value) for text, s, e, value in rows
             if not AS_A_YEAR.search(text[max(0, s - 12):s])]
    assert not wrong, wrong
