"""Batch runs: read → analyse → store, with progress, error recording and resume."""

from newsgraph.run.ingest import IngestReport, ingest

__all__ = ["IngestReport", "ingest"]
