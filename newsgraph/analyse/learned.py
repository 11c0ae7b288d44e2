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

from spacy.tokens import Doc, Token

from newsgraph.analyse.attribution import cue_lemmas
from newsgraph.analyse.candidates import Candidate

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


def _word(tok: Token) -> str:
    return "<sp>" if tok.is_space else tok.lower_


def _source_kind(src: Token | None) -> str:
    if src is None:
        return "none"
    low = src.lower_
    if src.pos_ == "PRON":
        return "rel" if low in RELATIVE else "pron:" + low
    if src.ent_type_ in PERSONISH:
        return "ent:" + src.ent_type_
    if src.pos_ == "PROPN":
        return "propn"
    return "noun"


_CUE_FACTS_KEY = "newsgraph_cue_facts"


def _cue_facts(doc: Doc, cue: Token, src: Token | None) -> tuple:  # type: ignore[type-arg]
    """What every candidate of one cue shares, computed once per (cue, source) in a doc: a cue
    has several candidates and these are most of the token look-ups."""
    cache = doc.user_data.get(_CUE_FACTS_KEY)
    if cache is None:
        cache = doc.user_data[_CUE_FACTS_KEY] = {}
    key = (cue.i, -1 if src is None else src.i)
    facts = cache.get(key)
    if facts is None:
        sent = cue.sent
        src_lem = src.lemma_.lower() if src is not None and src.pos_ != "PROPN" and not src.ent_type_ else None
        facts = cache[key] = (cue.lemma_.lower(), cue.pos_, cue.tag_, cue.dep_, _source_kind(src), len(sent),
                              sent.start, sent.end, cue.head.lemma_.lower(), src_lem,
                              any(c.dep_ == "neg" for c in cue.children))
    return facts


def features(doc: Doc, cand: Candidate, in_direct: bool) -> list[str]:
    """Sparse features of one candidate (strings; the model maps them to weights)."""
    cue = cand.cue
    lem, pos, tag, dep, skind, sent_len, sent_start, sent_end, head_lem, src_lem, neg = _cue_facts(
        doc, cue, cand.source)
    shape = cand.shape
    first = doc[cand.first]
    n = cand.n_tokens
    length = _bucket(n)
    before = _word(doc[cand.first - 1]) if cand.first > 0 else "<s>"
    side = "after" if cand.first > cue.i else "before"
    content_root = cand.root
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
        "first=" + first.lower_ if first.is_stop else "first=<open>",
        "root_pos=" + content_root.pos_,
        "shape|root_pos=" + shape + "|" + content_root.pos_,
        "root_dep=" + content_root.dep_,
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
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in content_root.children):
        f.append("that")
    if sent_start == cand.first and sent_end >= cand.last:
        f.append("whole_sentence")
    # every feature again within its construction group: a piecewise-linear model
    group = SHAPE_GROUP.get(shape, "prep" if shape.startswith("prep:") else shape)
    return f + [group + "|" + x for x in f]


def probability(doc: Doc, cand: Candidate, in_direct: bool) -> float:
    return load_model().probability(features(doc, cand, in_direct))
