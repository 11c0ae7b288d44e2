"""Scoring the HTML reader on pages with hand-made expectations (``../shared/corpora/html``).

Each page ``pages/<name>.html`` has ``expected/<name>.json`` (title, outlet, published,
author, paragraphs, furniture). Measures follow that corpus's README: paragraph-boundary
precision and recall (boundaries mapped through an alignment of the whitespace-free texts),
furniture strings leaking into the body, and metadata agreement (title exact after
whitespace normalisation, outlet case-insensitive, date part of ``published``, author as
a set of names).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.read.base import RawArticle, decode_html_bytes
from newsgraph.read.html import read_html
from newsgraph.read.pagemeta import split_names, squash

METADATA_FIELDS = ("title", "outlet", "published", "author")


def _nospace(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _cuts(paragraphs: list[str]) -> list[int]:
    out, pos = [], 0
    for p in paragraphs[:-1]:
        pos += len(_nospace(p))
        out.append(pos)
    return out


def boundary_hits(expected: list[str], extracted: list[str]) -> tuple[int, int, int]:
    """(boundaries hit, boundaries extracted, boundaries expected), the corpus README's measure."""
    e_text = "".join(map(_nospace, expected))
    x_text = "".join(map(_nospace, extracted))
    blocks = difflib.SequenceMatcher(None, x_text, e_text, autojunk=False).get_matching_blocks()

    def to_e(x: int) -> int | None:
        for a, b, n in blocks:
            if n and a <= x <= a + n:
                return b + (x - a)
        return None

    gold = set(_cuts(expected))
    found = [to_e(x) for x in _cuts(extracted)]
    return len(gold & {e for e in found if e is not None}), len(found), len(gold)


def same_field(name: str, expected: str | None, got: str | None) -> bool:
    """Agreement on one metadata field, as the corpus README measures it."""
    if expected is None or got is None:
        return expected is None and got is None
    if name == "title":
        return squash(expected) == squash(got)
    if name == "published":
        return expected[:10] == got[:10]
    if name == "author":
        return {n.lower() for n in split_names(expected)} == {n.lower() for n in split_names(got)}
    return squash(expected).lower() == squash(got).lower()


@dataclass
class PageScore:
    name: str
    hits: int
    extracted: int
    expected: int
    leaks: list[str]
    wrong: dict[str, tuple[str | None, str | None]]  # field -> (expected, got)
    error: str | None = None


@dataclass
class HtmlScore:
    pages: list[PageScore] = field(default_factory=list)

    def precision(self) -> float:
        n = sum(p.extracted for p in self.pages)
        return sum(p.hits for p in self.pages) / n if n else 1.0

    def recall(self) -> float:
        n = sum(p.expected for p in self.pages)
        return sum(p.hits for p in self.pages) / n if n else 1.0

    def leaks(self) -> int:
        return sum(len(p.leaks) for p in self.pages)

    def right(self, name: str) -> int:
        return sum(1 for p in self.pages if name not in p.wrong)

    def summary(self) -> str:
        fields = "  ".join(f"{f} {self.right(f)}/{len(self.pages)}" for f in METADATA_FIELDS)
        return (f"pages {len(self.pages)}  boundaries P {self.precision():.3f} R {self.recall():.3f}  "
                f"furniture leaks {self.leaks()}  {fields}")


def score_page(html_path: Path, expected: dict[str, Any]) -> PageScore:
    """Read one page with the HTML reader and compare it with its expectations."""
    name = html_path.stem
    html = decode_html_bytes(html_path.read_bytes(), str(html_path))
    art = html if not isinstance(html, str) else read_html(html, html_path.name, str(html_path))
    if not isinstance(art, RawArticle):
        gold = expected["paragraphs"]
        return PageScore(name, 0, 0, len(gold) - 1, [], {f: (expected[f], None) for f in METADATA_FIELDS}, str(art))
    paragraphs = [p for p in re.split(r"\n\s*\n", art.text) if p.strip()]
    hits, extracted, gold = boundary_hits(expected["paragraphs"], paragraphs)
    body = squash(" ".join(paragraphs))
    leaks = [f for f in expected["furniture"] if squash(f) in body]
    wrong = {f: (expected[f], getattr(art, f)) for f in METADATA_FIELDS
             if not same_field(f, expected[f], getattr(art, f))}
    return PageScore(name, hits, extracted, gold, leaks, wrong)


def score_folder(folder: str | Path) -> HtmlScore:
    """Score every ``pages/*.html`` of ``folder`` that has an ``expected/*.json``."""
    folder = Path(folder)
    score = HtmlScore()
    for exp_path in sorted((folder / "expected").glob("*.json")):
        page = folder / "pages" / (exp_path.stem + ".html")
        score.pages.append(score_page(page, json.loads(exp_path.read_text("utf-8"))))
    return score
