"""Shared fixtures. Tests that need ../shared skip cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check answers, not speed: a first example that loads data or a model may take
# longer than hypothesis's 200 ms default on a loaded 2-core machine (speed lives in bench/).
settings.register_profile("newsgraph", deadline=None)
settings.load_profile("newsgraph")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
ARTIFACTS = ROOT / "test-artifacts"


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpora").is_dir():
        pytest.skip(f"needs the shared development material at {SHARED} (absent in a user's clone)")
    return SHARED


@pytest.fixture(scope="session")
def polnear_dev_sample(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 20 PolNeAR dev articles as a PolNeAR-layout folder (metadata one level up)."""
    import shutil

    dev = shared / "corpora" / "polnear" / "dev"
    dest = tmp_path_factory.mktemp("polnear")
    sample = dest / "sample"
    (sample / "text").mkdir(parents=True)
    (sample / "attributions").mkdir()
    shutil.copy(shared / "corpora" / "polnear" / "metadata.tsv", dest / "metadata.tsv")
    for t in sorted((dev / "text").glob("*.txt"))[:20]:
        shutil.copy(t, sample / "text")
        for a in (dev / "attributions").glob(t.stem + "_*.ann"):
            shutil.copy(a, sample / "attributions")
    return sample


@pytest.fixture(scope="session")
def seed_text() -> str:
    return read_text(FIXTURES / "moscow8.txt")


@pytest.fixture(scope="session")
def seed_article(seed_text: str):  # type: ignore[no-untyped-def]
    import newsgraph

    return newsgraph.extract(seed_text, document="moscow8.txt")


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# The Dask engine's Parquet dataset and a store of the same input, shared by the DuckDB and the
# Spark tests (tests/test_parquet_dataset.py, tests/test_parquet_spark.py): one LocalCluster run.
@pytest.fixture(scope="session")
def parquet_inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(input folder, metadata sidecar): ingest_corpus articles 000-005, 013 again as sub/003.txt (a
    name another article has), 001 again as sub/copy.txt (the same text), and the broken file."""
    import shutil

    corpus = FIXTURES / "ingest_corpus"
    folder = tmp_path_factory.mktemp("inputs") / "in"
    (folder / "sub").mkdir(parents=True)
    for name in ("000.txt", "001.txt", "002.txt", "003.txt", "004.txt", "005.txt", "broken.txt"):
        shutil.copy(corpus / name, folder / name)
    shutil.copy(corpus / "013.txt", folder / "sub" / "003.txt")
    shutil.copy(corpus / "001.txt", folder / "sub" / "copy.txt")
    meta = folder.parent / "dates.csv"
    meta.write_text("filename,published\n000.txt,2019-03-04\n001.txt,2019-05-06\n002.txt,2021-01-02\n",
                    encoding="utf-8")
    return folder, meta


@pytest.fixture(scope="session")
def parquet_store(parquet_inputs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsgraph.run import ingest

    db = tmp_path_factory.mktemp("store") / "news.db"
    ingest([parquet_inputs[0]], db, batch_size=3, metadata=parquet_inputs[1])
    return db


@pytest.fixture(scope="session")
def parquet_dataset(parquet_inputs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dataset") / "ds"
    assert ingest_parquet_dataset(parquet_inputs, out) == 0
    return out


def ingest_parquet_dataset(inputs: tuple[Path, Path], out: Path) -> int:
    """`newsgraph ingest --engine dask --workers 2 --parquet-dataset OUT` of the inputs (exit status)."""
    from newsgraph.cli import main

    return main(["ingest", str(inputs[0]), "--metadata", str(inputs[1]), "--engine", "dask", "--workers", "2",
                 "--batch-size", "3", "--parquet-dataset", str(out), "--quiet"])
