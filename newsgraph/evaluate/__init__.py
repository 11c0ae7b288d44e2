"""Evaluation against gold: PolNeAR brat standoff or newsgraph's gold JSON.

``predict`` runs newsgraph over the gold texts and writes the scorer's JSONL;
``scorer.evaluate`` scores it with the reference rules, so ``newsgraph eval`` and
``tools/score_quotes.py`` print the same numbers for the same predictions.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from typing import Any

from newsgraph.evaluate import scorer


def gold_documents(gold: str) -> list[tuple[str, str]]:
    """(document name, text) of every gold document."""
    return scorer.gold_texts(gold)


def predictions(gold: str, *, model: str | None = None) -> Iterator[dict[str, Any]]:
    from newsgraph import RawArticle, extract_many

    raws = [RawArticle(text=text, document=name) for name, text in gold_documents(gold)]
    for art in extract_many(raws, model=model):
        yield art.to_dict()


def run_eval(
    gold: str,
    *,
    kinds: str | None = None,
    errors: bool = False,
    model: str | None = None,
    pred_path: str | None = None,
) -> dict[str, Any]:
    """Predict on the gold texts (or read ``pred_path`` if it exists) and score."""
    tmp = None
    if pred_path is None or not os.path.exists(pred_path):
        out = pred_path
        if out is None:
            fd, tmp = tempfile.mkstemp(suffix=".jsonl", prefix="newsgraph-pred-")
            os.close(fd)
            out = tmp
        with open(out, "w", encoding="utf-8") as fh:
            for obj in predictions(gold, model=model):
                fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
        pred_path = out
    try:
        return scorer.evaluate(gold, pred_path, kinds, per_doc=errors)
    finally:
        if tmp:
            os.unlink(tmp)


format_table = scorer.format_table
format_errors = scorer.format_per_doc
