"""`newsgraph eval` prints exactly what the reference scorer prints for the same predictions."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.evaluate import predictions, run_eval, scorer

FIX = Path(__file__).parent / "fixtures"


def _reference(shared: Path, gold: Path, pred: Path) -> dict:
    out = subprocess.run([sys.executable, str(shared / "tools" / "score_quotes.py"), "--gold", str(gold),
                          "--pred", str(pred), "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def _ours(gold: Path, pred: Path) -> dict:
    return run_eval(str(gold), pred_path=str(pred))


def _strip(res: dict) -> dict:
    return {k: v for k, v in res.items() if k not in ("gold", "pred")}


def test_eval_matches_reference_on_seed(shared: Path, tmp_path: Path) -> None:
    gold = FIX / "moscow8.gold.json"
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(o) + "\n" for o in predictions(str(gold))))
    assert _strip(_ours(gold, pred)) == _strip(_reference(shared, gold, pred))


def polnear_sample(shared: Path, dest: Path, n: int = 12) -> Path:
    """The first n PolNeAR dev articles as a PolNeAR-layout folder (metadata one level up)."""
    dev = shared / "corpora" / "polnear" / "dev"
    sample = dest / "sample"
    (sample / "text").mkdir(parents=True)
    (sample / "attributions").mkdir()
    shutil.copy(shared / "corpora" / "polnear" / "metadata.tsv", dest / "metadata.tsv")
    for t in sorted((dev / "text").glob("*.txt"))[:n]:
        shutil.copy(t, sample / "text")
        for a in (dev / "attributions").glob(t.stem + "_*.ann"):
            shutil.copy(a, sample / "attributions")
    return sample


def test_eval_matches_reference_on_polnear_sample(shared: Path, tmp_path: Path) -> None:
    gold = polnear_sample(shared, tmp_path)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(o) + "\n" for o in predictions(str(gold))))
    ours, ref = _ours(gold, pred), _reference(shared, gold, pred)
    assert _strip(ours) == _strip(ref)
    assert ours["blocks"]["all"]["n_gold"] > 50


def test_vendored_scorer_logic_equals_reference(shared: Path) -> None:
    """The vendored copy differs from tools/score_quotes.py only in its module docstring."""
    ref = (shared / "tools" / "score_quotes.py").read_text()
    ours = Path(scorer.__file__).read_text()
    body = lambda s: s[s.index("from __future__"):]  # noqa: E731
    assert body(ours) == body(ref)


def test_cli_eval_prints_table(tmp_path: Path) -> None:
    from newsgraph.cli import main

    gold = tmp_path / "moscow8.gold.json"
    shutil.copy(FIX / "moscow8.gold.json", gold)
    shutil.copy(FIX / "moscow8.txt", tmp_path / "moscow8.txt")
    assert main(["eval", "--gold", str(gold)]) == 0


@pytest.mark.parametrize("bad", ["/nonexistent/gold"])
def test_cli_eval_missing_gold(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main

    assert main(["eval", "--gold", bad]) == 2
    assert "no such gold" in capsys.readouterr().err
