"""The store: one SQLite file (FTS5 over quotations). It never imports spaCy."""

from newsgraph.store.db import SCHEMA_VERSION, StoreError, connect, store_articles

__all__ = ["SCHEMA_VERSION", "StoreError", "connect", "store_articles"]
