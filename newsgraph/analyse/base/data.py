"""The one way analysis code reads its data files (``newsgraph/analyse/data/``).

Files are UTF-8 text; lines that are blank or start with ``#`` are comments. Each reader
is cached by the caller that needs it (the tables are built once per process).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

DATA_PACKAGE = "newsgraph.analyse.data"


def data_file(name: str) -> Traversable:
    """A file of the data package (``name`` may contain ``/`` for a subfolder)."""
    ref = resources.files(DATA_PACKAGE)
    for part in name.split("/"):
        ref = ref.joinpath(part)
    return ref


def data_text(name: str) -> str:
    return data_file(name).read_text("utf-8")


def data_bytes(name: str) -> bytes:
    return data_file(name).read_bytes()


def data_json(name: str) -> Any:
    return json.loads(data_text(name))


def data_lines(name: str) -> list[str]:
    """The file's lines without comments and blank lines (line ends removed, other spaces kept)."""
    return [ln for ln in data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]


def data_rows(name: str) -> list[list[str]]:
    """A tab-separated file as rows of columns (comments and blank lines dropped)."""
    return [ln.split("\t") for ln in data_lines(name)]


@lru_cache(maxsize=1)
def work_nouns() -> frozenset[str]:
    """Nouns naming a creative work (``work_nouns.txt``): "the hit movie Ray", 'the film "Salt and Iron"'."""
    return frozenset(data_lines("work_nouns.txt"))
