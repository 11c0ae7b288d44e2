"""The Dask engine: a LocalCluster of 2 worker processes gives exactly the store a local run gives."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from newsgraph import extract_many
from newsgraph.cli import main
from newsgraph.read import RawArticle, iter_articles
from newsgraph.run import ingest
from newsgraph.run.dask_engine import read_shard, shard_name, write_shard
from newsgraph.run.verify import differing_tables, store_contents
from newsgraph.run.workers import BatchResult

CORPUS = Path(__file__).resolve().parent / "fixtures" / "ingest_corpus"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def local_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("local") / "local.db"
    ingest([CORPUS], db, batch_size=3)
    return db


def test_dask_local_cluster_equals_local_run(local_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "dask.db"
    status = main(["ingest", str(CORPUS), "--db", str(db), "--engine", "dask", "--workers", "2",
                   "--batch-size", "3", "--quiet"])
    assert status == 0
    assert differing_tables(db, local_db) == []
    quotes = store_contents(db)["quotes"]
    assert len(quotes) >= 28  # two direct quotes per article at least
    assert not (tmp_path / "dask.db.shards").exists()  # shards loaded, then removed


def test_shard_left_by_killed_run_is_loaded_not_recomputed(tmp_path: Path) -> None:
    from distributed import LocalCluster

    raws = [r for r in iter_articles(sorted(CORPUS.glob("00[0-3].txt"))) if isinstance(r, RawArticle)]
    shards = tmp_path / "shards"
    shards.mkdir()
    # a killed run had written the first batch's shard (here with a recognisable title) before it died
    done = BatchResult(2, list(extract_many(raws[:2])))
    done.articles[0].title = "FROM THE LEFTOVER SHARD"
    write_shard(done, str(shards / shard_name(raws[:2], _model())))
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        rep = ingest([r.source for r in raws if r.source], tmp_path / "s.db", batch_size=2, engine="dask",
                     scheduler=cluster.scheduler_address, shard_dir=shards)
    assert rep.stored == 4
    titles = [r[3] for r in sorted(store_contents(tmp_path / "s.db")["articles"])]
    assert titles[0] == "FROM THE LEFTOVER SHARD"
    assert not shards.exists()


def test_shard_roundtrip_keeps_every_field(tmp_path: Path) -> None:
    raws = [r for r in iter_articles([CORPUS]) if isinstance(r, RawArticle)][:3]
    arts = list(extract_many(raws))
    path = tmp_path / "x.parquet"
    write_shard(BatchResult(len(raws), arts), str(path))
    back = read_shard(path, len(raws))
    assert [asdict(a) for a in back.articles] == [asdict(a) for a in arts]  # exact: confidences, every field


def _model() -> str:
    from newsgraph.analyse.model_choice import default_model

    return default_model()
