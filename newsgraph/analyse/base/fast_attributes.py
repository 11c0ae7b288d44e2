"""spaCy's attribute_ruler + rule lemmatizer, same output, a fraction of the cost.

In en_core_web_sm these two components cost about a quarter of the pipeline: the
ruler runs a Matcher of ~180 patterns over every token (every token matches its tag's
pattern) and the lemmatizer re-derives each lemma in Python. Both results depend only on
a few attributes of a token, so ``newsgraph_attributes`` computes them once per distinct
key and replays them:

* one-token ruler patterns depend on (TAG, LOWER, DEP, IS_SPACE) of the token;
* the few multi-token patterns ("there is", "gon na", "let 's") run in a small Matcher
  and are applied in the ruler's order (sorted by pattern id, later ones win);
* the rule lemma depends on (ORTH, POS, MORPH); misses call spaCy's lemmatizer itself,
  whose word index is turned from lists into sets (same answers, no linear scans).

``load_nlp`` adds it after the lemmatizer and disables the two originals, which it still uses
on cache misses. Caches are bounded; lemmas are cached as strings so they survive
``nlp.memory_zone()``. A test checks token-by-token identity with the stock pipeline.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

MAX_CACHED_KEYS = 50_000
"""Entries per cache before it is emptied: memory stays bounded (a few MB) on any corpus."""
KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
"""What one-token ruler patterns may test for the cache to be exact (en_core_web_* use only these)."""

_RULE_KEY = [TAG, LOWER, DEP, IS_SPACE]
_OUT = [POS, MORPH, LEMMA]
_OUT_AND_ORTH = [*_OUT, ORTH]
_OUT_COL = {POS: 0, MORPH: 1, LEMMA: 2}
_TOKEN_SETTER = {TAG: "tag", DEP: "dep"}
_Entry = tuple[tuple[int, ...], "int | None", "int | None", "int | None", tuple[tuple[str, int], ...]]
"""(pattern ids, POS, MORPH, LEMMA or None when not set, (token attribute, value) to set one by one)."""


class FastAttributes:
    """Replays the ruler's and the lemmatizer's decisions per distinct token key."""

    def __init__(self, nlp: Language, ruler_name: str = "attribute_ruler", lemmatizer_name: str = "lemmatizer") -> None:
        self.vocab = nlp.vocab
        # typed as plain callables by spaCy; these are the AttributeRuler and Lemmatizer objects
        self.ruler: Any = cast(Any, nlp.get_pipe(ruler_name))
        self.lemmatizer: Any = cast(Any, nlp.get_pipe(lemmatizer_name))
        self.overwrite_lemmas = bool(getattr(self.lemmatizer, "overwrite", False))
        self.single = Matcher(self.vocab, validate=False)
        self.multi = Matcher(self.vocab, validate=False)
        self.has_multi = False
        self.exact = True  # False: a one-token pattern tests something the cache key lacks
        self.lowers: set[int] | None = set()  # the LOWER values patterns test; None: any may matter
        self.lower_regexes: list[re.Pattern[str]] = []
        self._named: dict[int, bool] = {}  # word (LOWER) -> does a one-token pattern test it
        self.multi_len = 1
        first_specs: list[dict[str, Any]] = []
        for i in range(len(self.ruler.attrs)):
            key = str(i)
            _, patterns = self.ruler.matcher.get(key)
            short = [p for p in patterns if len(p) == 1]
            for spec in (p[0] for p in short):
                self._note_key_attrs(spec)
            long = [p for p in patterns if len(p) > 1]
            if short:
                self.single.add(key, short)
            if long:
                self.multi.add(key, long)
                self.has_multi = True
                self.multi_len = max(self.multi_len, *(len(p) for p in long))
                first_specs.extend(p[0] for p in long)
        self.starts = _StartFilter(self.vocab, first_specs)
        self._rules: dict[tuple[int, ...], _Entry] = {}
        self._lemmas: dict[tuple[int, int, int], str] = {}

    def _note_key_attrs(self, spec: dict[str, Any]) -> None:
        for attr, want in spec.items():
            if attr not in KEY_ATTRS:
                self.exact = False
            elif attr == "LOWER" and self.lowers is not None:
                if isinstance(want, str):
                    self.lowers.add(self.vocab.strings.add(want))
                elif isinstance(want, dict) and set(want) == {"IN"}:
                    self.lowers.update(self.vocab.strings.add(w) for w in want["IN"])
                elif isinstance(want, dict) and set(want) == {"REGEX"}:
                    self.lower_regexes.append(re.compile(want["REGEX"]))
                else:
                    self.lowers = None

    def _entries(self, doc: Doc, rows: list[list[int]]) -> list[_Entry]:
        """The one-token patterns' entry of each token, by its (TAG, LOWER, DEP, IS_SPACE) row:
        a word no pattern names shares its cache key with every such word (few keys)."""
        named, rules = self._named, self._rules
        entries = []
        for i, (tag, low, dep, space) in enumerate(rows):
            if self.lowers is not None:
                hit = named.get(low)
                if hit is None:
                    hit = self._is_named(low)
                if not hit:
                    low = 0
            key = (tag, low, dep, space)
            entry = rules.get(key)
            if entry is None:
                entry = self._miss(doc, i, key)
            entries.append(entry)
        return entries

    def _is_named(self, lower: int) -> bool:
        """Does some one-token pattern test this word (LOWER)? Cached per word."""
        if lower in (self.lowers or ()):
            hit = True
        elif lower not in self.vocab.strings:  # type: ignore[operator]  # a hash: StringStore takes them; its stub says str. Not cached: the word may come back
            return any(r.search("") for r in self.lower_regexes)
        else:
            hit = any(r.search(self.vocab.strings[lower]) for r in self.lower_regexes)
        if len(self._named) >= MAX_CACHED_KEYS:
            self._named.clear()
        self._named[lower] = hit
        return hit

    def _entry(self, attr_ids: tuple[int, ...]) -> _Entry:
        """What the ruler's patterns ``attr_ids`` do to a token, in its order (later patterns win)."""
        merged: dict[int, Any] = {}
        for aid in sorted(attr_ids):
            merged.update(self.ruler.attrs[aid])
        cols: list[int | None] = [None, None, None]
        late = []
        for attr, value in merged.items():
            value = value if isinstance(value, int) else self.vocab.strings.add(value)
            if attr in _OUT_COL:
                cols[_OUT_COL[attr]] = value
            else:
                late.append((_TOKEN_SETTER[attr], value))
        return attr_ids, cols[0], cols[1], cols[2], tuple(late)

    def _miss(self, doc: Doc, i: int, key: tuple[int, ...]) -> _Entry:
        matches = self.single(doc[i : i + 1], allow_missing=True)
        entry = self._entry(tuple(sorted(int(self.vocab.strings[m]) for m, _, _ in matches)))
        if len(self._rules) >= MAX_CACHED_KEYS:
            self._rules.clear()
        self._rules[key] = entry
        return entry

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(_RULE_KEY).tolist()
        entries = self._entries(doc, rows)
        if self.has_multi:
            extra: dict[int, list[int]] = {}
            for m_id, s, e in self._multi_matches(doc, rows):
                aid = int(self.vocab.strings[m_id])
                idx = self.ruler.indices[aid]
                extra.setdefault(s + idx if idx >= 0 else e + idx, []).append(aid)
            for i, aids in extra.items():
                entries[i] = self._entry(entries[i][0] + tuple(aids))
        out = doc.to_array(_OUT_AND_ORTH)
        for col in range(3):
            values = list(map(itemgetter(col + 1), entries))
            if None not in values:
                out[:, col] = values
                continue
            rows = [i for i, v in enumerate(values) if v is not None]
            if rows:
                out[rows, col] = [values[i] for i in rows]
        for i in [i for i, entry in enumerate(entries) if entry[4]]:
            for setter, value in entries[i][4]:  # TAG or DEP on whitespace tokens, one by one
                setattr(doc[i], setter, value)
        self._lemmatize(doc, out)
        return doc

    def _multi_matches(self, doc: Doc, rows: list[list[int]]) -> list[tuple[int, int, int]]:
        """The multi-token patterns' matches, trying only tokens that can start one."""
        starts = self.starts.candidates(rows)
        if starts is None:
            return list(self.multi(doc, allow_missing=True))
        out = []
        for s in starts:
            for m_id, ms, me in self.multi(doc[s : s + self.multi_len], allow_missing=True):
                if ms == 0:  # a later start in the window is a candidate of its own
                    out.append((m_id, s, s + me))
        return out

    def _lemmatize(self, doc: Doc, out: np.ndarray) -> None:
        """Lemmas from the ruler's POS and MORPH in ``out`` (POS, MORPH, LEMMA, ORTH columns),
        then one write of the three: the doc is written before only when spaCy's lemmatizer,
        which reads the token itself, must be asked (a word not in the cache)."""
        keys = list(map(tuple, out[:, [3, 0, 1]].tolist()))
        cache = self._lemmas
        todo = range(len(keys)) if self.overwrite_lemmas else np.flatnonzero(out[:, 2] == 0).tolist()
        texts = [cache.get(keys[i]) for i in todo]
        if None in texts:
            doc.from_array(_OUT, np.ascontiguousarray(out[:, :3]))  # type: ignore[arg-type]  # thinc's Ints2d is a numpy int array
            for k, i in enumerate(todo):
                if texts[k] is None:
                    text = texts[k] = self.lemmatizer.lemmatize(doc[i])[0]
                    if len(cache) >= MAX_CACHED_KEYS:
                        cache.clear()
                        self.lemmatizer.cache.clear()  # spaCy's own is unbounded
                    cache[keys[i]] = text
        if todo:  # added every time: a memory zone may have dropped the string
            out[todo, 2] = list(map(self.vocab.strings.add, cast(list[str], texts)))  # all filled above
        doc.from_array(_OUT, np.ascontiguousarray(out[:, :3]))  # type: ignore[arg-type]  # as above


class _StartFilter:
    """Which tokens can start a multi-token pattern: a necessary test on LOWER, DEP or TAG.

    Each pattern is tested on its most selective attribute: the word ("ai" in "ai n't"), not
    its tag (VBZ, one token in twenty), so the matcher runs on a few windows per doc."""

    COLUMNS = {"LOWER": 1, "DEP": 2, "TAG": 0}

    def __init__(self, vocab: Any, specs: list[dict[str, Any]]) -> None:
        self.strings = vocab.strings
        self.sets: dict[int, set[int]] = {}
        self.regexes: list[re.Pattern[str]] = []
        self._words: dict[int, bool] = {}  # word (LOWER) -> can a pattern start with it
        self.exhaustive = True
        for spec in specs:
            if not self._add(spec):
                self.exhaustive = False

    def _add(self, spec: dict[str, Any]) -> bool:
        for attr, col in self.COLUMNS.items():
            want = spec.get(attr)
            if isinstance(want, str):
                self.sets.setdefault(col, set()).add(self.strings.add(want))
                return True
            if isinstance(want, dict) and set(want) == {"IN"}:
                self.sets.setdefault(col, set()).update(self.strings.add(v) for v in want["IN"])
                return True
            if attr == "LOWER" and isinstance(want, dict) and set(want) == {"REGEX"}:
                self.regexes.append(re.compile(want["REGEX"]))
                return True
        return False

    def candidates(self, rows: list[list[int]]) -> list[int] | None:
        """Indices of the tokens, (TAG, LOWER, DEP, ...) rows, that pass; None when some pattern
        cannot be pre-tested."""
        if not self.exhaustive:
            return None
        tags, deps = self.sets.get(0, set()), self.sets.get(2, set())
        words, word_starts = self._words, self._word_starts
        out = []
        for i, (tag, low, dep, *_) in enumerate(rows):
            if tag in tags or dep in deps:
                out.append(i)
                continue
            hit = words.get(low)
            if hit is None:
                hit = word_starts(low)
            if hit:
                out.append(i)
        return out

    def _word_starts(self, lower: int) -> bool:
        """Can a pattern start with this word (LOWER)? Cached per word."""
        if lower in self.sets.get(1, ()):
            hit = True
        elif not self.regexes or lower not in self.strings:  # not cached: the word may come back
            return False
        else:
            hit = any(r.search(self.strings[lower]) for r in self.regexes)
        if len(self._words) >= MAX_CACHED_KEYS:
            self._words.clear()
        self._words[lower] = hit
        return hit


def replaces_stock_attributes(nlp: Language) -> bool:
    """Whether ``FastAttributes`` gives exactly what this pipeline's attribute_ruler and
    lemmatizer give (a rule lemmatizer and a ruler that sets only POS, morphology, lemma,
    tag or dep); when it does, the lemmatizer's word index is turned into sets."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    if getattr(nlp.get_pipe("lemmatizer"), "mode", None) != "rule":
        return False
    ruler: Any = nlp.get_pipe("attribute_ruler")
    if any(set(a) - {POS, MORPH, LEMMA, *_TOKEN_SETTER} for a in ruler.attrs):
        return False  # a ruler setting other attributes: keep the original
    if not FastAttributes(nlp).exact:
        return False  # a ruler testing other attributes: keep the original
    _index_as_sets(nlp.get_pipe("lemmatizer"))
    return True


def _index_as_sets(lemmatizer: Any) -> None:
    """spaCy tests ``form in index`` on lists of up to 57,000 words; the same test on a set.

    rule_lemmatize only tests membership and truthiness, so results are unchanged; a cache
    miss drops from a linear scan per candidate form to a hash lookup.
    """
    table = lemmatizer.lookups.get_table("lemma_index", None)
    if table is None:
        return
    for key in list(table.keys()):
        if isinstance(table[key], list):
            table[key] = frozenset(table[key])
