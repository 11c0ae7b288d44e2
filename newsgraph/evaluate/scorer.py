"""Scorer for quote extraction and speaker attribution (the project's reference scorer).

This is ``tools/score_quotes.py`` from the shared development material, kept verbatim
in logic so that ``newsgraph eval`` reports exactly the numbers the reference reports
(a test runs both on the same input and compares). Change neither alone.

Usage
-----
    python3 score_quotes.py --gold DIR_OR_FILE --pred PRED.jsonl
                            [--kinds direct,mixed,indirect] [--json] [--per-doc]

Gold formats
------------
* PolNeAR (brat standoff): a directory holding ``text/*.txt`` and
  ``attributions/*.ann``; ``metadata.tsv`` is looked for in the directory and,
  failing that, in its parent (the shared PolNeAR copy keeps one metadata.tsv
  for train+dev one level up).  For each text ``<stem>.txt`` the annotation file
  used is ``<stem>_<annotator>.ann`` of the FIRST annotator listed in the
  ``annotators`` column (pipe separated); if there is no metadata row, or no
  file for that annotator, the first ``<stem>_*.ann`` sorted by name is used.
  Every ``E`` line (``Attribution`` or ``Attribution-no-source`` event) with a
  ``Content`` and/or ``Content2`` argument is one gold item; its content is the
  union of the (possibly discontinuous) spans of both.  ``Discard`` and
  ``Discuss`` T-lines are not attributions and are ignored.  Events with no
  content argument at all are skipped (counted in the loader's stats).
* Our JSON gold: a single ``*.gold.json`` file or a directory of them.  Each
  file has ``document`` (basename of its text file, looked up in ``text/``
  beside the JSON, then beside the JSON itself, then in ``../text/``) and ``quotes``: items with
  ``start``/``end`` (content, quote marks excluded), ``kind``, ``speaker``
  (canonical name), optional ``source`` {text,start,end}, optional ``cue``.

All offsets are Python ``str`` indices into the text file decoded as UTF-8
with newline translation OFF (``open(..., newline="")``), so ``\\r\\n`` would
count as two characters; a U+FEFF (BOM) character is kept and counts as one
character.  check_polnear_offsets.py verified that all 105,841 PolNeAR T-line
texts equal the str slices (byte offsets would match only 52%).

Predictions
-----------
JSONL, one object per document::

    {"document": "x.txt", "quotes": [{"content_spans": [[s, e], ...],
      "speaker": {"name": "..." | null, "mention": [s, e] | null},
      "cue": [s, e] | null, "kind": "direct" | "indirect" | "mixed"}]}

Several lines for the same document are merged.  Documents absent from the
gold are ignored (and counted).  Gold documents without a line have no
predictions.

Matching rules (content)
------------------------
Only NON-WHITESPACE characters (``not ch.isspace()``) are counted; spans are
turned into sets of such character positions and discontinuous spans are
simply unioned.

* A gold item is FOUND if some single prediction covers >= 50% of the gold
  item's non-whitespace characters.  Matching is not one-to-one: one
  prediction may find several (e.g. nested) gold items.
* A prediction is CORRECT if >= 50% of its own non-whitespace characters lie
  inside the union of the content spans of all gold items of the document
  (after kind filtering).  A prediction with no non-whitespace character is
  never correct.
* Precision = correct predictions / predictions; recall = found gold / gold;
  F1 = harmonic mean.  Precision is reported as null when there are no
  predictions (F1 then uses P = 0); recall is null when there is no gold.

Speaker / source (evaluated on FOUND gold items only)
-----------------------------------------------------
For each found gold item the "best-covering" prediction is the one with the
largest coverage of the gold item (ties: larger share of the prediction lying
inside the gold item, then the earlier prediction).

* ``speaker``: normalized predicted ``speaker.name`` == normalized gold
  canonical ``speaker`` (JSON gold only).  Normalization: NFKC, casefold,
  curly apostrophes -> "'", leading honorifics Mr/Mrs/Ms/Dr/Sir (optionally
  with ".") removed, all whitespace and hyphens removed, surrounding
  punctuation stripped ("Kim So-young" == "kim soyoung"); a leading "the"
  and a trailing company suffix (Corp, Inc, Ltd, plc, Co, LLC, AG, SA) are
  dropped ("the Scottish government" == "Scottish government", "Microsoft
  Corp." == "Microsoft").  A JSON gold item may list other accepted names in
  ``speaker_aliases``; a prediction matching any of them counts.
  Denominator: all found gold items (items with no ``source`` mention still
  count).
* ``source`` (overlap): the predicted ``speaker.mention`` shares at least one
  character with the gold Source span(s).  ``source_exact``: the predicted
  mention, stripped of surrounding whitespace, equals the gold Source span
  (for a discontinuous Source: its hull from first start to last end), also
  stripped.  Denominator: found gold items that HAVE a Source span (PolNeAR
  ``Source`` argument, JSON ``source``); a missing predicted mention is wrong.
  For PolNeAR this is the headline attribution metric; for JSON gold it is a
  secondary metric beside ``speaker``.
* ``cue`` (overlap): same as source overlap, with the gold Cue span(s).

Kinds
-----
JSON gold carries ``kind``.  For PolNeAR the kind is derived from the content
text (fragments joined by a space, whitespace stripped): ``direct`` if it
starts with a quotation mark and ends with one, optionally followed by
trailing punctuation (``.,;:!?)]…-–—``); ``mixed`` if it contains a quotation
mark anywhere else; ``indirect`` otherwise.  Double marks (" “ ” „ ‟ « »)
always count; single marks (' ‘ ’ ‚ ‛ ‹ ›) count at the very start/end of the
content and, inside it, only as an opening mark (after a non-alphanumeric
character, before a non-space) followed later by a closing one (after a
non-space, before a non-alphanumeric character), so that apostrophes
(didn't, Clinton's, voters') do not make a content "mixed".

``--kinds`` filters gold items by their kind AND predictions by their own
``kind`` before scoring.  Without ``--kinds`` three blocks are reported:
``all`` (no filter at all, predictions with a missing kind included),
``direct+mixed`` and ``indirect``.
"""
from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

Span = tuple[int, int]

KINDS = ("direct", "mixed", "indirect")
DOUBLE_QUOTES = set('"“”„‟«»')
SINGLE_QUOTES = set("'‘’‚‛‹›")
QUOTE_CHARS = DOUBLE_QUOTES | SINGLE_QUOTES
TRAILING_PUNCT = set(".,;:!?)]…-–—")


# --------------------------------------------------------------------------
# data classes
# --------------------------------------------------------------------------
@dataclass
class GoldItem:
    id: str
    spans: list[Span]                       # content spans
    kind: str
    speaker: str | None = None              # canonical name (JSON gold)
    speaker_aliases: list[str] = field(default_factory=list)  # other accepted names
    source: list[Span] | None = None        # source mention span(s)
    cue: list[Span] | None = None


@dataclass
class GoldDoc:
    name: str                               # basename of the text file
    text: str
    items: list[GoldItem]
    fmt: str                                # "polnear" | "json"
    ann_file: str | None = None


@dataclass
class Pred:
    spans: list[Span]
    kind: str | None
    name: str | None
    mention: Span | None
    cue: Span | None


@dataclass
class LoadStats:
    docs: int = 0
    items: int = 0
    skipped_no_content: int = 0
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------
# text helpers
# --------------------------------------------------------------------------
def read_text(path: str) -> str:
    """UTF-8, no newline translation, BOM kept (offsets count it)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def nonws(text: str, spans: Iterable[Span]) -> set[int]:
    """Positions of non-whitespace characters inside the union of spans."""
    out: set[int] = set()
    n = len(text)
    for s, e in spans:
        s, e = max(0, s), min(n, e)
        out.update(i for i in range(s, e) if not text[i].isspace())
    return out


def span_text(text: str, spans: list[Span], sep: str = " ") -> str:
    return sep.join(text[s:e] for s, e in spans)


def _is_alnum(ch: str | None) -> bool:
    return ch is not None and ch.isalnum()


def has_inner_quote(t: str) -> bool:
    """Quotation mark inside t, ignoring apostrophes (see module docstring)."""
    if any(c in DOUBLE_QUOTES for c in t):
        return True
    opened = False
    for i, c in enumerate(t):
        if c not in SINGLE_QUOTES:
            continue
        prev = t[i - 1] if i > 0 else None
        nxt = t[i + 1] if i + 1 < len(t) else None
        if not opened:
            if not _is_alnum(prev) and nxt is not None and not nxt.isspace():
                opened = True
        else:
            if prev is not None and not prev.isspace() and not _is_alnum(nxt):
                return True
    return False


def derive_kind(content: str) -> str:
    t = content.strip()
    if not t:
        return "indirect"
    end = t
    while end and end[-1] in TRAILING_PUNCT:
        end = end[:-1].rstrip()
    if t[0] in QUOTE_CHARS and end and end[-1] in QUOTE_CHARS and len(end) > 1:
        return "direct"
    if any(c in QUOTE_CHARS for c in (t[0], t[-1])) or has_inner_quote(t):
        return "mixed"
    return "indirect"


_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|sir)\b\.?\s*")
_ARTICLE = re.compile(r"^the\s+")
_COMPANY = re.compile(r"[\s,]+(?:corp|corporation|inc|incorporated|ltd|limited|plc|co|llc|ag|sa)\.?$")


def norm_name(name: str | None) -> str:
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name).casefold().strip()
    s = s.replace("’", "'").replace("‘", "'")
    s = s.strip(" \t\n\"'“”.,;:()[]")
    while True:
        s2 = _COMPANY.sub("", _ARTICLE.sub("", _HONORIFIC.sub("", s))).strip(" \t\n\"'.,;:()[]")
        if s2 == s:
            break
        s = s2
    s = re.sub(r"[\s\-‐‑‒–—]+", "", s)
    return s.strip("\"'.,;:()[]")


def strip_span(text: str, s: int, e: int) -> Span:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e)


def overlaps(a: Span, spans: list[Span]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


# --------------------------------------------------------------------------
# gold loading
# --------------------------------------------------------------------------
_ANN_ID = re.compile(r"^(?:[TERAMN]\d+|#\d*|\*)\t")


def parse_ann(path: str) -> tuple[dict, list[dict]]:
    """Parse a brat .ann file.

    Returns (textbounds, events): textbounds maps id -> {label, spans, text};
    events is a list of {id, type, args: {role: id}}.  Lines that do not start
    with a brat id are continuations of the previous T line's text column
    (the text column may contain newlines).
    """
    tbs: dict[str, dict] = {}
    events: list[dict] = []
    last_t = None
    with open(path, encoding="utf-8", newline="") as fh:
        raw = fh.read()
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()                       # final newline
    for line in lines:
        line = line.rstrip("\r")
        if not _ANN_ID.match(line):
            if last_t is not None:
                tbs[last_t]["text"] += "\n" + line
            continue
        last_t = None
        parts = line.split("\t")
        ident = parts[0]
        if ident.startswith("T"):
            label, _, offs = parts[1].partition(" ")
            spans = []
            for frag in offs.split(";"):
                s, e = frag.split()
                spans.append((int(s), int(e)))
            tbs[ident] = {"label": label, "spans": spans,
                          "text": parts[2] if len(parts) > 2 else ""}
            last_t = ident
        elif ident.startswith("E"):
            args = parts[1].split()
            etype, _, trig = args[0].partition(":")
            roles = {}
            for a in args[1:]:
                role, _, ref = a.partition(":")
                roles[role] = ref
            events.append({"id": ident, "type": etype, "trigger": trig,
                           "args": roles})
    return tbs, events


def _read_metadata(directory: str) -> dict[str, list[str]]:
    for cand in (os.path.join(directory, "metadata.tsv"),
                 os.path.join(os.path.dirname(os.path.abspath(directory)), "metadata.tsv")):
        if os.path.exists(cand):
            out = {}
            with open(cand, encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    anns = [a for a in (row.get("annotators") or "").split("|") if a]
                    out[row["filename"]] = anns
            return out
    return {}


def choose_ann(attr_dir: str, stem: str, annotators: list[str]) -> str | None:
    if annotators:
        p = os.path.join(attr_dir, f"{stem}_{annotators[0]}.ann")
        if os.path.exists(p):
            return p
    pat = re.compile(re.escape(stem) + r"_[^_]+\.ann$")
    cands = sorted(f for f in os.listdir(attr_dir) if pat.match(f))
    return os.path.join(attr_dir, cands[0]) if cands else None


def load_polnear(directory: str, stats: LoadStats) -> list[GoldDoc]:
    text_dir = os.path.join(directory, "text")
    attr_dir = os.path.join(directory, "attributions")
    meta = _read_metadata(directory)
    if not meta:
        stats.notes.append("no metadata.tsv found: first .ann by name used")
    docs = []
    for tf in sorted(glob.glob(os.path.join(text_dir, "*.txt"))):
        name = os.path.basename(tf)
        stem = name[:-4]
        ann = choose_ann(attr_dir, stem, meta.get(stem, []))
        text = read_text(tf)
        items: list[GoldItem] = []
        if ann is None:
            stats.notes.append(f"{name}: no .ann file, treated as empty")
        else:
            tbs, events = parse_ann(ann)
            for ev in events:
                if not ev["type"].startswith("Attribution"):
                    continue
                a = ev["args"]
                spans = []
                for role in ("Content", "Content2"):
                    if role in a and a[role] in tbs:
                        spans.extend(tbs[a[role]]["spans"])
                if not spans:
                    stats.skipped_no_content += 1
                    continue
                spans.sort()
                src = tbs[a["Source"]]["spans"] if a.get("Source") in tbs else None
                cue = tbs[a["Cue"]]["spans"] if a.get("Cue") in tbs else None
                items.append(GoldItem(id=ev["id"], spans=spans,
                                      kind=derive_kind(span_text(text, spans)),
                                      source=src, cue=cue))
        docs.append(GoldDoc(name=name, text=text, items=items, fmt="polnear",
                            ann_file=ann))
        stats.docs += 1
        stats.items += len(items)
    return docs


def load_json_gold(path: str, stats: LoadStats) -> GoldDoc:
    with open(path, encoding="utf-8") as fh:
        g = json.load(fh)
    base = os.path.dirname(os.path.abspath(path))
    doc = g["document"]
    for cand in (os.path.join(base, "text", doc), os.path.join(base, doc),
                 os.path.join(os.path.dirname(base), "text", doc)):
        if os.path.exists(cand):
            text = read_text(cand)
            break
    else:
        raise FileNotFoundError(f"text {doc!r} of {path} not found")
    items = []
    for i, q in enumerate(g.get("quotes", [])):
        spans = [tuple(s) for s in q["spans"]] if "spans" in q else [(q["start"], q["end"])]
        if "content" in q and len(spans) == 1:
            s, e = spans[0]
            if text[s:e] != q["content"]:
                stats.notes.append(f"{path}: quote {i} offsets do not match its content")
        src = q.get("source")
        cue = q.get("cue")
        kind = q.get("kind") or derive_kind(span_text(text, spans))
        items.append(GoldItem(
            id=f"q{i}", spans=spans, kind=kind, speaker=q.get("speaker"),
            speaker_aliases=list(q.get("speaker_aliases") or []),
            source=[(src["start"], src["end"])] if src else None,
            cue=[(cue["start"], cue["end"])] if cue else None))
    stats.docs += 1
    stats.items += len(items)
    return GoldDoc(name=os.path.basename(doc), text=text, items=items, fmt="json")


def load_gold(path: str) -> tuple[list[GoldDoc], LoadStats]:
    stats = LoadStats()
    if os.path.isfile(path):
        return [load_json_gold(path, stats)], stats
    if os.path.isdir(os.path.join(path, "attributions")):
        return load_polnear(path, stats), stats
    files = sorted(glob.glob(os.path.join(path, "*.gold.json")))
    if not files:
        raise SystemExit(f"no gold found in {path}")
    return [load_json_gold(f, stats) for f in files], stats


def gold_texts(path: str) -> list[tuple[str, str]]:
    """(basename, text) of every document of a gold set (for peer systems)."""
    docs, _ = load_gold(path)
    return [(d.name, d.text) for d in docs]


# --------------------------------------------------------------------------
# predictions
# --------------------------------------------------------------------------
def _span(x) -> Span | None:
    if x is None:
        return None
    return (int(x[0]), int(x[1]))


def load_preds(path: str) -> dict[str, list[Pred]]:
    out: dict[str, list[Pred]] = {}
    with open(path, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            doc = os.path.basename(obj["document"])
            lst = out.setdefault(doc, [])
            for q in obj.get("quotes", []):
                spk = q.get("speaker") or {}
                lst.append(Pred(
                    spans=[_span(s) for s in q.get("content_spans", [])],
                    kind=q.get("kind"),
                    name=spk.get("name"),
                    mention=_span(spk.get("mention")),
                    cue=_span(q.get("cue"))))
    return out


# --------------------------------------------------------------------------
# scoring
# --------------------------------------------------------------------------
def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if r is None:
        return None
    p = p or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _snip(text: str, spans: list[Span], width: int = 110) -> str:
    t = " | ".join(text[s:e] for s, e in spans)
    t = re.sub(r"\s+", " ", t).strip()
    return t if len(t) <= width else t[: width - 3] + "..."


def score(docs: list[GoldDoc], preds: dict[str, list[Pred]],
          kinds: set[str] | None, per_doc: bool = False) -> dict:
    """Score one block.  kinds=None means no filtering at all."""
    n_gold = n_pred = n_correct = n_found = 0
    spk_ok = spk_n = 0
    src_ok = src_exact = src_n = 0
    cue_ok = cue_n = 0
    details = []
    for d in docs:
        text = d.text
        golds = [g for g in d.items if kinds is None or g.kind in kinds]
        prs = [p for p in preds.get(d.name, []) if kinds is None or p.kind in kinds]
        gsets = [nonws(text, g.spans) for g in golds]
        gunion = set().union(*gsets) if gsets else set()
        psets = [nonws(text, p.spans) for p in prs]
        n_gold += len(golds)
        n_pred += len(prs)
        fps = []
        for p, ps in zip(prs, psets):
            inside = len(ps & gunion) / len(ps) if ps else 0.0
            if ps and inside >= 0.5:
                n_correct += 1
            else:
                fps.append({"pred": _snip(text, p.spans), "spans": p.spans,
                            "kind": p.kind, "speaker": p.name,
                            "inside_gold": round(inside, 3)})
        misses, attr_err = [], []
        for g, gs in zip(golds, gsets):
            best, key = None, None
            for j, ps in enumerate(psets):
                if not gs:
                    break
                cov = len(gs & ps) / len(gs)
                prec = len(gs & ps) / len(ps) if ps else 0.0
                k = (cov, prec, -j)
                if key is None or k > key:
                    best, key = j, k
            cov = key[0] if key else 0.0
            if not gs or cov < 0.5:
                misses.append({"gold": _snip(text, g.spans), "id": g.id,
                               "kind": g.kind, "best_cover": round(cov, 3)})
                continue
            n_found += 1
            p = prs[best]
            err = {}
            if d.fmt == "json":
                spk_n += 1
                if norm_name(p.name) in {norm_name(n) for n in [g.speaker, *g.speaker_aliases]}:
                    spk_ok += 1
                else:
                    err["speaker"] = (g.speaker, p.name)
            if g.source:
                src_n += 1
                if p.mention and overlaps(p.mention, g.source):
                    src_ok += 1
                else:
                    err["source"] = (_snip(text, g.source), _snip(text, [p.mention]) if p.mention else None)
                hull = strip_span(text, g.source[0][0], g.source[-1][1])
                if p.mention and strip_span(text, *p.mention) == hull:
                    src_exact += 1
            if g.cue:
                cue_n += 1
                if p.cue and overlaps(p.cue, g.cue):
                    cue_ok += 1
            if err:
                attr_err.append({"gold": _snip(text, g.spans, 70), "id": g.id,
                                 "kind": g.kind, **err})
        if per_doc and (misses or fps or attr_err):
            details.append({"document": d.name, "misses": misses,
                            "false_positives": fps, "attribution_errors": attr_err})
    P, R = _ratio(n_correct, n_pred), _ratio(n_found, n_gold)
    res = {
        "n_gold": n_gold, "n_pred": n_pred, "n_pred_correct": n_correct,
        "n_gold_found": n_found, "precision": P, "recall": R, "f1": _f1(P, R),
        "speaker": {"correct": spk_ok, "n": spk_n, "acc": _ratio(spk_ok, spk_n)},
        "source": {"correct": src_ok, "exact": src_exact, "n": src_n,
                   "acc": _ratio(src_ok, src_n), "exact_acc": _ratio(src_exact, src_n)},
        "cue": {"correct": cue_ok, "n": cue_n, "acc": _ratio(cue_ok, cue_n)},
    }
    if per_doc:
        res["per_doc"] = details
    return res


def blocks_for(kinds_arg: str | None) -> dict[str, set[str] | None]:
    if kinds_arg:
        ks = {k.strip() for k in kinds_arg.split(",") if k.strip()}
        bad = ks - set(KINDS)
        if bad:
            raise SystemExit(f"unknown kinds: {sorted(bad)}")
        return {"+".join(k for k in KINDS if k in ks): ks}
    return {"all": None, "direct+mixed": {"direct", "mixed"}, "indirect": {"indirect"}}


def evaluate(gold_path: str, pred_path: str, kinds_arg: str | None = None,
             per_doc: bool = False) -> dict:
    docs, stats = load_gold(gold_path)
    preds = load_preds(pred_path)
    names = {d.name for d in docs}
    unknown = sorted(set(preds) - names)
    kind_counts = {k: sum(1 for d in docs for g in d.items if g.kind == k) for k in KINDS}
    return {
        "gold": gold_path, "pred": pred_path,
        "n_docs": len(docs), "gold_kinds": kind_counts,
        "pred_docs_not_in_gold": unknown,
        "gold_events_without_content_skipped": stats.skipped_no_content,
        "notes": stats.notes,
        "blocks": {name: score(docs, preds, ks, per_doc)
                   for name, ks in blocks_for(kinds_arg).items()},
    }


# --------------------------------------------------------------------------
# printing
# --------------------------------------------------------------------------
def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def format_table(res: dict) -> str:
    lines = [f"gold: {res['gold']}  ({res['n_docs']} docs; gold kinds {res['gold_kinds']})",
             f"pred: {res['pred']}"]
    if res["pred_docs_not_in_gold"]:
        lines.append(f"  ! {len(res['pred_docs_not_in_gold'])} predicted docs not in gold (ignored)")
    if res["gold_events_without_content_skipped"]:
        lines.append(f"  gold events without content skipped: {res['gold_events_without_content_skipped']}")
    for n in res["notes"]:
        lines.append(f"  note: {n}")
    hdr = (f"{'block':<13}{'n_gold':>7}{'n_pred':>7}{'P':>7}{'R':>7}{'F1':>7}"
           f"  {'speaker':>15}  {'source(ovl)':>15}  {'src_exact':>9}  {'cue(ovl)':>15}")
    lines += [hdr, "-" * len(hdr)]
    for name, b in res["blocks"].items():
        def frac(m, key="acc", num="correct"):
            return f"{_fmt(m[key])} {m[num]}/{m['n']}" if m["n"] else "      -"
        lines.append(
            f"{name:<13}{b['n_gold']:>7}{b['n_pred']:>7}{_fmt(b['precision']):>7}"
            f"{_fmt(b['recall']):>7}{_fmt(b['f1']):>7}  {frac(b['speaker']):>15}  "
            f"{frac(b['source']):>15}  {_fmt(b['source']['exact_acc']):>9}  {frac(b['cue']):>15}")
    return "\n".join(lines)


def format_per_doc(res: dict) -> str:
    out = []
    for name, b in res["blocks"].items():
        out.append(f"\n=== per-document errors, block {name} ===")
        for d in b.get("per_doc", []):
            out.append(f"\n## {d['document']}")
            for m in d["misses"]:
                out.append(f"  MISS [{m['kind']}] cover={m['best_cover']}: {m['gold']}")
            for f in d["false_positives"]:
                out.append(f"  FP   [{f['kind']}] in_gold={f['inside_gold']} spk={f['speaker']!r}: {f['pred']}")
            for e in d["attribution_errors"]:
                bits = []
                if "speaker" in e:
                    bits.append(f"speaker gold={e['speaker'][0]!r} pred={e['speaker'][1]!r}")
                if "source" in e:
                    bits.append(f"source gold={e['source'][0]!r} pred={e['source'][1]!r}")
                out.append(f"  ATTR [{e['kind']}] {'; '.join(bits)}: {e['gold']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, help="PolNeAR dir, *.gold.json file, or dir of them")
    ap.add_argument("--pred", required=True, help="predictions JSONL")
    ap.add_argument("--kinds", help="comma list of direct,mixed,indirect (one block)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--per-doc", action="store_true",
                    help="list misses, false positives and attribution errors per document")
    a = ap.parse_args(argv)
    res = evaluate(a.gold, a.pred, a.kinds, a.per_doc)
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        print(format_table(res))
        if a.per_doc:
            print(format_per_doc(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
