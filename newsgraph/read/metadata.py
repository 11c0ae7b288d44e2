"""A metadata sidecar: one CSV/TSV row per input file giving its date, title, author, outlet, URL.

Archives and research corpora keep their metadata beside the texts (PolNeAR's
``metadata.tsv``, a scraper's CSV export). The publication date matters most: it anchors
"on Monday" and "last year" to real dates. Rows are matched to inputs by file name, with or
without the extension (``breitbart_2016-09-12_stealth`` matches ``…/text/breitbart_2016-09-12_stealth.txt``).
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from newsgraph.read.base import RawArticle

Item = TypeVar("Item")

KEY_COLUMNS = ("filename", "file", "document", "path", "id", "name")
FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "published": ("published", "publication_date", "date", "pubdate", "published_at"),
    "title": ("title", "headline"),
    "author": ("author", "byline", "authors"),
    "outlet": ("outlet", "publisher", "site", "source"),
    "url": ("url", "link"),
}
_EMPTY = {"", "none", "null", "nan", "n/a"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")


class MetadataError(ValueError):
    """The sidecar as a whole cannot be used (missing, unreadable, no column naming the files)."""


@dataclass
class Metadata:
    rows: dict[str, dict[str, str]] = field(default_factory=dict)  # file key -> field -> value
    warnings: list[str] = field(default_factory=list)  # rows or values ignored, one line each

    def lookup(self, document: str) -> dict[str, str] | None:
        """The row for an input (its document name, e.g. ``a.txt`` or ``feed.jsonl#3``)."""
        name = os.path.basename(document)
        for key in (name, os.path.splitext(name)[0]):
            if key in self.rows:
                return self.rows[key]
        return None


def load_metadata(path: str | os.PathLike[str]) -> Metadata:
    """Read a CSV or TSV sidecar (the delimiter is whichever of tab or comma the header uses)."""
    path = os.fspath(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            header = fh.readline()
            fh.seek(0)
            reader = csv.DictReader(fh, delimiter="\t" if "\t" in header else ",")
            columns = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
            key = next((columns[k] for k in KEY_COLUMNS if k in columns), None)
            if key is None:
                raise MetadataError(f"{path}: no column naming the files (one of {', '.join(KEY_COLUMNS)}); "
                                    "add one whose values are the input file names")
            wanted = {f: columns[c] for f, names in FIELD_COLUMNS.items() for c in names[::-1] if c in columns}
            meta = Metadata()
            for line, row in enumerate(reader, start=2):
                _add_row(meta, row, key, wanted, f"{path}:{line}")
    except OSError as exc:
        raise MetadataError(f"{path}: cannot read the metadata file ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise MetadataError(f"{path}: not a UTF-8 CSV/TSV file ({exc}); save it as UTF-8 text") from exc
    return meta


def _add_row(meta: Metadata, row: dict[str, str], key: str, wanted: dict[str, str], where: str) -> None:
    name = os.path.basename((row.get(key) or "").strip())
    if not name:
        meta.warnings.append(f"{where}: no file name; row ignored")
        return
    values = {f: v.strip() for f, c in wanted.items() if (v := row.get(c)) and v.strip().lower() not in _EMPTY}
    date = values.get("published")
    if date is not None and not _DATE.match(date):
        meta.warnings.append(f"{where}: publication date {date!r} is not YYYY-MM-DD; ignored")
        del values["published"]
    if name in meta.rows:
        meta.warnings.append(f"{where}: {name} has an earlier row; this one is used")
    meta.rows[name] = values


def with_metadata(items: Iterable[Item], meta: Metadata) -> Iterator[Item]:
    """Inputs with the sidecar's values set (they win over what the reader found or guessed)."""
    for item in items:
        if isinstance(item, RawArticle) and (row := meta.lookup(item.document)):
            for name, value in row.items():
                setattr(item, name, value)
        yield item
