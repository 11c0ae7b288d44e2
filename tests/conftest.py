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
