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
from functools import cached_property, lru_cache
from itertools import repeat

from spacy.tokens import Doc

from newsgraph.analyse.base.cues import RELATIVE_PRONOUNS, cue_lemmas
from newsgraph.analyse.base.data import data_bytes
from newsgraph.analyse.base.token_table import TokenTable, token_table
from newsgraph.analyse.base.tree_edges import tree_edges
from newsgraph.analyse.quotes.candidates import Candidate

MODEL_FILE = "attribution_model/indirect.json.gz"
"""The trained model in the data package (``make train`` writes it)."""
SHAPE_GROUP = {"ccomp": "clause", "xcomp": "clause", "dobj": "nominal", "attr": "nominal", "oprd": "nominal",
               "acomp": "nominal", "dative": "nominal"}
PERSONISH = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_NO_WEIGHTS: dict[str | None, float] = {}


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict[str, object]

    def probability(self, feats: list[str]) -> float:
        return self._logistic(list(map(self.weights.get, feats, repeat(0.0, len(feats)))))

    def value_probability(self, values: list[str], extra: list[Feature], group: str) -> float:
        """``probability`` of the string features given as base-family values and extra
        pairs (see ``features``) and of their ``group`` copies, read from small per-family
        tables with no feature strings built. The weights are summed in another order than
        ``probability``'s, so the two may differ in the last bits (~1e-16)."""
        plain, copies = self._tables(""), self._tables(group)
        z = sum(map(dict.get, plain.base, values, _ZEROS)) + sum(map(dict.get, copies.base, values, _ZEROS))
        for fam, val in extra:
            z += plain.family.get(fam, _NO_WEIGHTS).get(val, 0.0) + copies.family.get(fam, _NO_WEIGHTS).get(val, 0.0)
        return self._logistic_of(z)

    def _logistic(self, weights: list[float]) -> float:
        return self._logistic_of(sum(weights))

    def _logistic_of(self, weights_sum: float) -> float:
        z = self.bias + weights_sum
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @cached_property
    def _by_family(self) -> dict[str, dict[str | None, float]]:
        """family -> value -> weight, from the "family=value" (or flag "family") keys."""
        out: dict[str, dict[str | None, float]] = {}
        for key, weight in self.weights.items():
            fam, sep, val = key.partition("=")
            out.setdefault(fam, {})[val if sep else None] = weight
        return out

    @cached_property
    def _group_tables(self) -> dict[str, FamilyTables]:
        return {}

    def _tables(self, group: str) -> FamilyTables:
        """The weights of the ``group|family`` features ("": the plain ones) by family."""
        found = self._group_tables.get(group)
        if found is None:
            prefix = group + "|" if group else ""
            family = {fam[len(prefix):]: table for fam, table in self._by_family.items() if fam.startswith(prefix)}
            found = self._group_tables[group] = FamilyTables(family, [family.get(f, _NO_WEIGHTS) for f in BASE_FAMILIES])
        return found


@dataclass(frozen=True)
class FamilyTables:
    family: dict[str, dict[str | None, float]]  # family -> value -> weight
    base: list[dict[str | None, float]]  # the tables of BASE_FAMILIES, in order


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model, read once per process from package data."""
    raw = data_bytes(MODEL_FILE)
    data = json.loads(gzip.decompress(raw).decode("utf-8"))
    return Model(data["weights"], data["bias"], data["threshold"], data.get("meta", {}))


_BUCKETS = ["1"] + [str(next(e for e in (1, 2, 4, 8, 16, 32, 64) if n <= e)) for n in range(1, 65)]


def _bucket(n: int) -> str:
    return _BUCKETS[n] if n <= 64 else "big"


Feature = tuple[str, "str | None"]
"""(family, value): the string feature ``family=value``, or ``family`` alone for a flag."""

BASE_FAMILIES = ("lem", "shape", "lem|shape", "pos", "tag", "dep", "lem|dep", "shape|dep", "src", "shape|src",
                 "lem|src", "len", "shape|len", "before", "shape|before", "first", "root_pos", "shape|root_pos",
                 "root_dep", "cover", "side", "shape|side", "lem|shape|side", "src|side", "pieces", "head")
"""The families every candidate has a value for, in feature order."""
_ZEROS = (0.0,) * len(BASE_FAMILIES)  # the weight of a value the model never saw

_READER_KEY = "newsgraph_feature_reader"


class _FeatureReader:
    """The token lists features read, bound once per doc, and what all candidates of one
    (cue, source) share, computed once."""

    def __init__(self, doc: Doc) -> None:
        t: TokenTable = token_table(doc)
        self.lower, self.is_stop, self.text, self.pos, self.tag, self.dep = t.lower, t.is_stop, t.text, t.pos, t.tag, t.dep
        self.lemma, self.ent_type, self.head, self.sent_bounds = t.lemma, t.ent_type, t.head, t.sent_bounds
        self.children = tree_edges(doc).children
        self.cue_facts: dict[tuple[int, int], tuple] = {}

    def source_kind(self, src: int) -> str:
        if src < 0:
            return "none"
        low = self.lower[src]
        if self.pos[src] == "PRON":
            return "rel" if low in RELATIVE_PRONOUNS else "pron:" + low
        ent = self.ent_type[src]
        if ent in PERSONISH:
            return "ent:" + ent
        if self.pos[src] == "PROPN":
            return "propn"
        return "noun"

    def facts(self, cue: int, src: int) -> tuple:
        key = (cue, src)
        found = self.cue_facts.get(key)
        if found is None:
            lemma, pos = self.lemma, self.pos
            sent_start, sent_end = self.sent_bounds[cue]
            src_lem = lemma[src].lower() if src >= 0 and pos[src] != "PROPN" and not self.ent_type[src] else None
            found = self.cue_facts[key] = (
                lemma[cue].lower(), pos[cue], self.tag[cue], self.dep[cue], self.source_kind(src),
                sent_end - sent_start, sent_start, sent_end, lemma[self.head[cue]].lower(), src_lem,
                any(self.dep[c] == "neg" for c in self.children[cue]))
        return found

    def values(self, cand: Candidate, in_direct: bool) -> tuple[list[str], list[Feature]]:
        """The candidate's features: the values of ``BASE_FAMILIES`` in order, then the
        optional features as (family, value) pairs."""
        cue = cand.cue_i
        lem, pos, tag, dep, skind, sent_len, sent_start, sent_end, head_lem, src_lem, neg = self.facts(
            cue, cand.source_i)
        shape = cand.shape
        pieces = cand.pieces
        first = pieces[0][0]
        n = pieces[0][1] - first if len(pieces) == 1 else sum(e - s for s, e in pieces)
        length = _bucket(n)
        if first > 0:
            before = self.text[first - 1]
            before = "<sp>" if before.isspace() else self.lower[first - 1]
        else:
            before = "<s>"
        side = "after" if first > cue else "before"
        root = cand.root_i
        root_pos = self.pos[root]
        cover = n / max(1, sent_len)
        lem_ = lem + "|"
        shape_ = shape + "|"
        values = [
            lem, shape, lem_ + shape, pos, tag, dep, lem_ + dep, shape_ + dep, skind, shape_ + skind, lem_ + skind,
            length, shape_ + length, before, shape_ + before, self.lower[first] if self.is_stop[first] else "<open>",
            root_pos, shape_ + root_pos, self.dep[root], str(min(10, int(cover * 10))),
            side, shape_ + side, lem_ + shape_ + side, skind + "|" + side, str(len(pieces)), head_lem,
        ]
        extra: list[Feature] = []
        if src_lem is not None:
            # the kind of source ("poll", "officials", "he"), never a particular name
            extra.append(("src_lem", src_lem))
            extra.append(("lem|src_lem", lem_ + src_lem))
        if lem in cue_lemmas():
            extra.append(("lexicon|shape", shape))  # a reporting verb of the shared cue list
        if neg:
            extra.append(("neg", None))
        if in_direct:
            extra.append(("in_direct", None))
            extra.append(("in_direct|shape", shape))
        if any(self.dep[c] == "mark" and self.lower[c] == "that" for c in self.children[root]):
            extra.append(("that", None))
        if sent_start == first and sent_end >= pieces[-1][1]:
            extra.append(("whole_sentence", None))
        return values, extra


def _reader(doc: Doc) -> _FeatureReader:
    found = doc.user_data.get(_READER_KEY)
    if found is None:
        found = doc.user_data[_READER_KEY] = _FeatureReader(doc)
    return found


def _feature_values(doc: Doc, cand: Candidate, in_direct: bool) -> tuple[list[str], list[Feature]]:
    return _reader(doc).values(cand, in_direct)


def _group(shape: str) -> str:
    """The construction group whose copy of every feature the model also weighs."""
    return SHAPE_GROUP.get(shape, "prep" if shape.startswith("prep:") else shape)


def features(doc: Doc, cand: Candidate, in_direct: bool) -> list[str]:
    """Sparse features of one candidate (strings; the model maps them to weights)."""
    values, extra = _feature_values(doc, cand, in_direct)
    f = [fam + "=" + val for fam, val in zip(BASE_FAMILIES, values, strict=True)]
    f += [fam if val is None else fam + "=" + val for fam, val in extra]
    # every feature again within its construction group: a piecewise-linear model
    group = _group(cand.shape)
    return f + [group + "|" + x for x in f]


def probability(doc: Doc, cand: Candidate, in_direct: bool) -> float:
    """``load_model().probability(features(doc, cand, in_direct))``, without building the strings."""
    return load_model().value_probability(*_feature_values(doc, cand, in_direct), _group(cand.shape))
