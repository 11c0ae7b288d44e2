"""Reading: files, directories and globs of text, JSONL and HTML become RawArticles.

A bad input never stops a batch: it becomes a ``ReadError`` naming the file and the
problem, yielded in place of the article so the caller can record it and go on.
"""

from newsgraph.read.base import RawArticle, ReadError
from newsgraph.read.sources import iter_articles, iter_paths

__all__ = ["RawArticle", "ReadError", "iter_articles", "iter_paths"]
