"""Batch runs: read → analyse → store, with progress, error recording, resume, workers and Dask."""

from newsgraph.run.ingest import ENGINES, IngestReport, count_inputs, ingest
from newsgraph.run.workers import EngineError

__all__ = ["ENGINES", "EngineError", "IngestReport", "count_inputs", "ingest"]
