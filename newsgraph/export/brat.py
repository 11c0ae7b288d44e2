"""brat standoff in the PolNeAR layout: correct newsgraph's output in brat or INCEpTION, then score it.

    OUT/metadata.tsv                         one row per article, annotator ``newsgraph``
    OUT/text/<stem>.txt                      the exact article text (offsets count in it)
    OUT/attributions/<stem>_newsgraph.ann    Source/Cue/Content T-lines + Attribution E-lines
    OUT/attributions/<stem>_newsgraph.txt    the same text, so brat opens attributions/ as a collection
    OUT/attributions/annotation.conf, visual.conf
    OUT/predictions.jsonl                    the same attributions as scorer JSONL, named as the texts

``newsgraph eval --gold OUT`` scores newsgraph against the (corrected) annotations; ``--pred
OUT/predictions.jsonl`` scores the exported output itself (block ``all`` perfect until corrected).

A quotation is one E-line (``Attribution``, or ``Attribution-no-source`` without a speaker
mention) whose trigger is the cue (else the source, else the content), with an AnnotatorNotes
line giving the resolved speaker and kind. A direct quotation's Content includes its quotation
marks, as PolNeAR's does (the scorer derives a gold item's kind from them; newsgraph's own
content spans exclude them, predictions.jsonl holds the widened ones). Boilerplate becomes
``Discard`` T-lines, as in PolNeAR. Spans crossing a line break or tab are split into fragments
there, as brat does; whitespace-only fragments are dropped, which changes no score (scoring
counts non-whitespace characters; source exactness compares stripped hulls).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace
from importlib import resources
from pathlib import Path

from newsgraph.export.selection import Selection, output_dir
from newsgraph.model import Article, Quote, Span

ANNOTATOR = "newsgraph"
METADATA_COLUMNS = ("compartment", "filename", "level", "annotators", "publisher", "publication_date", "author",
                    "title")
_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
QUOTE_MARKS = frozenset("\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2039\u203a")
_UNSAFE = re.compile(r"[^\w.\-]+")


def stem_for(document: str, taken: set[str], article_id: int) -> str:
    """A file-name stem for the article: its document name without ``.txt``, made safe and unique."""
    stem = document[:-4] if document.lower().endswith(".txt") else document
    stem = _UNSAFE.sub("-", Path(stem).name).lstrip(".") or "article"
    if stem in taken:
        stem = f"{stem}-{article_id}"
    taken.add(stem)
    return stem


def fragments(text: str, spans: list[Span]) -> list[Span]:
    """Spans split at line breaks and tabs (brat's text column is one line), whitespace-only pieces dropped."""
    out: list[Span] = []
    for s, e in sorted(spans):
        pos = s
        for m in _BREAKS.finditer(text, s, e):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, e))
    return [(s, e) for s, e in out if text[s:e].strip()]


def with_marks(text: str, spans: list[Span]) -> list[Span]:
    """Content widened over the quotation marks around it: PolNeAR's Content includes them, and
    the scorer tells a direct quotation from an indirect one by them."""
    spans = sorted(spans)
    (s, e0), (s1, e) = spans[0], spans[-1]
    s -= s > 0 and text[s - 1] in QUOTE_MARKS
    e += e < len(text) and text[e] in QUOTE_MARKS
    if len(spans) == 1:
        return [(s, e)]
    return [(s, e0), *spans[1:-1], (s1, e)]


class AnnWriter:
    """Numbers T/E/# lines and shares identical text-bound annotations between quotations."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self._tbs: dict[tuple[str, tuple[Span, ...]], str] = {}
        self._events = 0
        self._notes = 0

    def textbound(self, label: str, frags: list[Span]) -> str:
        key = (label, tuple(frags))
        if key not in self._tbs:
            ident = f"T{len(self._tbs) + 1}"
            offsets = ";".join(f"{s} {e}" for s, e in frags)
            covered = " ".join(self.text[s:e] for s, e in frags)
            self.lines.append(f"{ident}\t{label} {offsets}\t{covered}")
            self._tbs[key] = ident
        return self._tbs[key]

    def attribution(self, quote: Quote) -> None:
        content = fragments(self.text, quote.content_spans)
        source = fragments(self.text, [quote.speaker.mention]) if quote.speaker.mention else []
        cue = fragments(self.text, [quote.cue]) if quote.cue else []
        etype = "Attribution" if source else "Attribution-no-source"
        args = [f"Content:{self.textbound('Content', content)}"]
        if cue:
            args.append(f"Cue:{self.textbound('Cue', cue)}")
        if source:
            args.append(f"Source:{self.textbound('Source', source)}")
        trigger = self.textbound(etype, cue or source or content)
        self._events += 1
        event = f"E{self._events}"
        self.lines.append(f"{event}\t{etype}:{trigger} {' '.join(args)}")
        note = "; ".join(bit for bit in (
            f"speaker: {quote.speaker.name}" if quote.speaker.name else None,
            f"descriptor: {quote.speaker.descriptor}" if quote.speaker.descriptor else None,
            f"kind: {quote.kind}", f"confidence: {quote.confidence:.2f}") if bit)
        self._notes += 1
        self.lines.append(f"#{self._notes}\tAnnotatorNotes {event}\t{_BREAKS.sub(' ', note)}")

    def render(self) -> str:
        return "".join(line + "\n" for line in self.lines)


def exported_quotes(art: Article) -> list[Quote]:
    """The quotations as the .ann holds them: in text order, a direct one's content widened over its
    marks, those without a visible character left out (brat cannot show them)."""
    out = []
    for q in sorted(art.quotes, key=lambda q: (q.start, q.end)):
        spans = with_marks(art.text, q.content_spans) if q.kind == "direct" else sorted(q.content_spans)
        if fragments(art.text, spans):
            out.append(replace(q, content_spans=spans))
    return out


def ann_text(art: Article, quotes: list[Quote]) -> str:
    """The .ann file of an article holding ``quotes`` (see `exported_quotes`)."""
    writer = AnnWriter(art.text)
    for q in quotes:
        writer.attribution(q)
    for span in art.boilerplate:  # separators and scraper leftovers: PolNeAR's Discard
        if frags := fragments(art.text, [span]):
            writer.textbound("Discard", frags)
    return writer.render()


def _write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def write(conn, selection: Selection, out: Path | None, *, force: bool = False) -> str:
    from newsgraph.export.selection import ExportError

    assert out is not None
    root = output_dir(out)
    text_dir, ann_dir = root / "text", root / "attributions"
    existing = sorted(ann_dir.glob(f"*_{ANNOTATOR}.ann")) if ann_dir.is_dir() else []
    if existing and not force:
        raise ExportError(f"{existing[0]}: {len(existing)} annotation file(s) already in {ann_dir}, maybe "
                          "corrected by hand; pass --force to overwrite them or choose another --out")
    text_dir.mkdir(exist_ok=True)
    ann_dir.mkdir(exist_ok=True)
    for name in ("annotation.conf", "visual.conf"):
        _write_text(ann_dir / name, resources.files("newsgraph.export").joinpath(f"brat_{name}").read_text("utf-8"))
    taken: set[str] = set()
    n_articles = n_quotes = n_skipped = 0
    with open(root / "metadata.tsv", "w", encoding="utf-8", newline="") as meta, \
            open(root / "predictions.jsonl", "w", encoding="utf-8", newline="") as preds:
        rows = csv.writer(meta, delimiter="\t", lineterminator="\n")
        rows.writerow(METADATA_COLUMNS)
        for aid, art in selection.articles(conn):
            stem = stem_for(art.document, taken, aid)
            _write_text(text_dir / f"{stem}.txt", art.text)
            _write_text(ann_dir / f"{stem}_{ANNOTATOR}.txt", art.text)
            quotes = exported_quotes(art)
            _write_text(ann_dir / f"{stem}_{ANNOTATOR}.ann", ann_text(art, quotes))
            rows.writerow([ANNOTATOR, stem, "", ANNOTATOR, art.outlet or "", art.published or "", "",
                           _BREAKS.sub(" ", art.title or "")])
            n_articles += 1
            n_quotes += len(quotes)
            n_skipped += len(art.quotes) - len(quotes)
            art.quotes = quotes
            pred = art.to_dict()
            pred["document"] = f"{stem}.txt"
            preds.write(json.dumps(pred, ensure_ascii=False) + "\n")
    skipped = f" ({n_skipped} without visible content left out)" if n_skipped else ""
    return f"{n_articles} articles, {n_quotes} attributions{skipped} → {root} (brat: {ann_dir})"
