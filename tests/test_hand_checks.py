"""The one way a hand-checked sample is counted (``scripts/sample_*.py --score``)."""

from __future__ import annotations

from pathlib import Path

from newsgraph.evaluate.hand_checks import verdict_summary


def test_verdicts_are_counted_and_unjudged_rows_left_out(tmp_path: Path) -> None:
    f = tmp_path / "checked.tsv"
    f.write_text("n\tname\tverdict\tnote\n1\tA\tok\t\n2\tB\tnot-person\ta band\n3\tC\t ok \t\n4\tD\t\t\n",
                 encoding="utf-8")
    assert verdict_summary(f) == "2/3 right; wrong: {'not-person': 1}"
    assert verdict_summary(f, right="not-person").startswith("1/3 right")
