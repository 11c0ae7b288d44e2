"""The learned part of attribution: a logistic-regression scorer over parse candidates.

``candidates.py`` proposes (cue, content, source) triples; this module turns each into
sparse string features and scores it with weights trained on PolNeAR train
(``scripts/train_attribution.py``, ``make train``). The model is a gzipped JSON of
feature weights shipped in ``attribution_model/``: loading needs no network and no
machine-learning library, and scoring is one dict lookup per feature.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat

from spacy.tokens import Doc

from newsgraph.analyse.attribution import cue_lemmas
from newsgraph.analyse.candidates import Candidate
from newsgraph.analyse.token_table import TokenTable, token_table
from newsgraph.analyse.tree_edges import tree_edges

MODEL_PACKAGE = "newsgraph.analyse.attribution_model"
MODEL_FILE = "indirect.json.gz"
SHAPE_GROUP = {"ccomp": "clause", "xcomp": "clause", "dobj": "nominal", "attr": "nominal", "oprd": "nominal",
               "acomp": "nominal", "dative": "nominal"}
RELATIVE = frozenset({"who", "which", "that", "whom"})
PERSONISH = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict[str, object]

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(map(self.weights.get, feats, repeat(0.0, len(feats))))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model, read once per process from package data."""
    raw = resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE).read_bytes()
    data = json.loads(gzip.decompress(raw).decode("utf-8"))
    return Model(data["weights"], data["bias"], data["threshold"], data.get("meta", {}))


def _bucket(n: int) -> str:
    for edge in (1, 2, 4, 8, 16, 32, 64):
        if n <= edge:
            return str(edge)
    return "big"


def _source_kind(t: TokenTable, src: int) -> str:
    if src < 0:
        return "none"
    low = t.lower[src]
    if t.pos[src] == "PRON":
        return "rel" if low in RELATIVE else "pron:" + low
    ent = t.ent_type[src]
    if ent in PERSONISH:
        return "ent:" + ent
    if t.pos[src] == "PROPN":
        return "propn"
    return "noun"


_CUE_FACTS_KEY = "newsgraph_cue_facts"


def _cue_facts(doc: Doc, cue: int, src: int) -> tuple:  # type: ignore[type-arg]
    """What every candidate of one cue shares, computed once per (cue, source) in a doc: a cue
    has several candidates and these are most of the look-ups."""
    cache = doc.user_data.get(_CUE_FACTS_KEY)
    if cache is None:
        cache = doc.user_data[_CUE_FACTS_KEY] = {}
    key = (cue, src)
    facts = cache.get(key)
    if facts is None:
        t = token_table(doc)
        sent_start, sent_end = t.sent_bounds[cue]
        src_lem = t.lemma[src].lower() if src >= 0 and t.pos[src] != "PROPN" and not t.ent_type[src] else None
        facts = cache[key] = (t.lemma[cue].lower(), t.pos[cue], t.tag[cue], t.dep[cue], _source_kind(t, src),
                              sent_end - sent_start, sent_start, sent_end, t.lemma[t.head[cue]].lower(), src_lem,
                              any(t.dep[c] == "neg" for c in tree_edges(doc).children[cue]))
    return facts


def features(doc: Doc, cand: Candidate, in_direct: bool) -> list[str]:
    """Sparse features of one candidate (strings; the model maps them to weights)."""
    t = token_table(doc)
    cue = cand.cue_i
    lem, pos, tag, dep, skind, sent_len, sent_start, sent_end, head_lem, src_lem, neg = _cue_facts(
        doc, cue, cand.source_i)
    shape = cand.shape
    first = cand.first
    n = cand.n_tokens
    length = _bucket(n)
    if first > 0:
        before = t.text[first - 1]
        before = "<sp>" if before.isspace() else t.lower[first - 1]
    else:
        before = "<s>"
    side = "after" if first > cue else "before"
    root = cand.root_i
    root_pos = t.pos[root]
    cover = n / max(1, sent_len)
    f = [
        "lem=" + lem,
        "shape=" + shape,
        "lem|shape=" + lem + "|" + shape,
        "pos=" + pos,
        "tag=" + tag,
        "dep=" + dep,
        "lem|dep=" + lem + "|" + dep,
        "shape|dep=" + shape + "|" + dep,
        "src=" + skind,
        "shape|src=" + shape + "|" + skind,
        "lem|src=" + lem + "|" + skind,
        "len=" + length,
        "shape|len=" + shape + "|" + length,
        "before=" + before,
        "shape|before=" + shape + "|" + before,
        "first=" + t.lower[first] if t.is_stop[first] else "first=<open>",
        "root_pos=" + root_pos,
        "shape|root_pos=" + shape + "|" + root_pos,
        "root_dep=" + t.dep[root],
        "cover=" + str(min(10, int(cover * 10))),
        "side=" + side,
        "shape|side=" + shape + "|" + side,
        "lem|shape|side=" + lem + "|" + shape + "|" + side,
        "src|side=" + skind + "|" + side,
        "pieces=" + str(len(cand.pieces)),
        "head=" + head_lem,
    ]
    if src_lem is not None:
        # the kind of source ("poll", "officials", "he"), never a particular name
        f.append("src_lem=" + src_lem)
        f.append("lem|src_lem=" + lem + "|" + src_lem)
    if lem in cue_lemmas():
        f.append("lexicon|shape=" + shape)  # a reporting verb of the shared cue list
    if neg:
        f.append("neg")
    if in_direct:
        f.append("in_direct")
        f.append("in_direct|shape=" + shape)
    if any(t.dep[c] == "mark" and t.lower[c] == "that" for c in tree_edges(doc).children[root]):
        f.append("that")
    if sent_start == first and sent_end >= cand.last:
        f.append("whole_sentence")
    # every feature again within its construction group: a piecewise-linear model
    group = SHAPE_GROUP.get(shape, "prep" if shape.startswith("prep:") else shape)
    return f + [group + "|" + x for x in f]


def probability(doc: Doc, cand: Candidate, in_direct: bool) -> float:
    return load_model().probability(features(doc, cand, in_direct))
