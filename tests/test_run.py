"""Batch ingestion: kill -9 then rerun equals an uninterrupted run; workers; resume; progress; bounded window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from newsgraph.evaluate.crawl import sources_committed
from newsgraph.read import RawArticle
from newsgraph.run import count_inputs, ingest
from newsgraph.run.ingest import batched_by_size
from newsgraph.run.verify import differing_tables, store_contents
from newsgraph.run.workers import ordered_window

ROOT = Path(__file__).resolve().parent.parent

CORPUS = Path(__file__).resolve().parent / "fixtures" / "ingest_corpus"
"""14 small news articles (quotes, people, places, years) and one file that is not UTF-8."""


@pytest.fixture(scope="module")
def corpus() -> Path:
    return CORPUS


ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def reference_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The uninterrupted, single-process run every other run must equal."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    run = subprocess.run(_ingest_cmd(CORPUS, db, 1), env=ENV, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "14 articles stored" in run.stdout and "1 failed" in run.stdout
    return db


def _ingest_cmd(corpus: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", str(db),
            "--batch-size", "2", "--workers", str(workers), "--quiet"]


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_kill_9_mid_ingest_then_rerun_equals_uninterrupted_run(
    corpus: Path, reference_db: Path, tmp_path: Path, workers: int
) -> None:
    db = tmp_path / "killed.db"
    env = ENV
    proc = subprocess.Popen(_ingest_cmd(corpus, db, workers), env=env, cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 90
    while sources_committed(db) < 2:  # the first batch is committed
        assert proc.poll() is None, "the ingest ended before it could be killed"
        assert time.monotonic() < deadline, "no batch committed within 90 s"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its worker processes, mid-run
    proc.wait()
    partial = sources_committed(db)
    assert 2 <= partial < 14, f"not killed mid-run ({partial} of 14 inputs committed)"

    rerun = subprocess.run(_ingest_cmd(corpus, db, workers), env=env, cwd=tmp_path, capture_output=True,
                           text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} inputs skipped" in rerun.stdout
    assert differing_tables(db, reference_db) == []
    contents = store_contents(db)
    assert len(contents["articles"]) == 14 and len(contents["sources"]) == 14
    assert [Path(r[0]).name for r in contents["failures"]] == ["broken.txt"]


def test_rerun_stores_nothing_twice_and_resumes(corpus: Path, reference_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    first = ingest(sorted(corpus.glob("00*.txt")), db, batch_size=4)
    assert (first.stored, first.skipped) == (10, 0)
    messages = []
    second = ingest([corpus], db, batch_size=4, on_error=messages.append)
    assert (second.stored, second.already, second.skipped, len(second.errors)) == (4, 0, 10, 1)
    assert Path(messages[0].source).name == "broken.txt" and "not valid UTF-8" in messages[0].problem
    third = ingest([corpus], db, batch_size=4, resume=False)
    assert (third.stored, third.already) == (0, 14)
    # same articles, quotes, entities as one uninterrupted run (article ids follow batch order)
    ours, ref = store_contents(db), store_contents(reference_db)
    for table in ("articles", "quotes", "entities", "mentions", "times", "events", "sources", "failures"):
        assert len(ours[table]) == len(ref[table]), table
    assert {r[2] for r in ours["articles"]} == {r[2] for r in ref["articles"]}


def test_progress_bar_shows_rate_total_and_errors(corpus: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    ingest([corpus / "000.txt", corpus / "001.txt", corpus / "broken.txt"], tmp_path / "p.db", progress=True)
    err = capsys.readouterr().err
    assert "3/3" in err and "articles/s" in err and "errors=1" in err


def test_count_inputs_is_known_for_files_unknown_for_jsonl(corpus: Path, tmp_path: Path) -> None:
    assert count_inputs([corpus]) == 15
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n')
    assert count_inputs([corpus, tmp_path / "a.jsonl"]) is None


def test_ordered_window_bounds_in_flight_and_keeps_order() -> None:
    submitted = received = peak = 0

    def task(x: int) -> int:
        time.sleep(0.01 * ((7 * x) % 5))  # later tasks often finish first
        return x

    with ThreadPoolExecutor(4) as pool:
        def submit(x: int) -> Future[int]:
            nonlocal submitted, peak
            submitted += 1
            peak = max(peak, submitted - received)
            return pool.submit(task, x)

        out = []
        for r in ordered_window(submit, range(20), window=3):
            received += 1
            out.append(r)
    assert out == list(range(20)) and peak == 3


def test_cli_rejects_scheduler_without_dask(tmp_path: Path) -> None:
    from newsgraph.cli import main

    assert main(["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--scheduler", "tcp://h:1"]) == 2


def test_batches_are_capped_by_count_and_by_characters() -> None:
    arts = [RawArticle("x" * n, f"d{i}") for i, n in enumerate([10, 10, 10, 50, 45, 100, 5, 5])]
    batches = [[a.document for a in b] for b in batched_by_size(arts, 3, max_chars=60)]
    # at most 3 articles and 60 characters; an article longer than the cap goes alone
    assert batches == [["d0", "d1", "d2"], ["d3"], ["d4"], ["d5"], ["d6", "d7"]]
    assert [a for b in batched_by_size(arts, 32) for a in b] == arts  # nothing lost or reordered
