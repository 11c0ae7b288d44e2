"""Other names an article declares for a thing: "Stalingrad – now Volgograd".

The connecting phrases are data (``aliases_patterns.txt``: one regular expression per
line for the text *between* two names), so new phrasings are added without code:

* "X – now Y", "X (now Y)", "X, now known as the Y", "X, formerly Y", "X, previously called Y";
* "X (XY)": an acronym in brackets right after the name it abbreviates;
* 'known as the “Y”' / 'dubbed “Y”': a group or nickname written in quotation marks
  (``named_groups``), which becomes an entity of its own when nothing else names it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.analyse.base.data import data_lines
from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.token_table import token_table

MAX_GAP = 40
NAMED_QUOTED = re.compile(
    r"\b(?:[Kk]nown|[Rr]eferred to|[Dd]ubbed|[Nn]icknamed|[Cc]alled|[Bb]randed)\s+(?:as\s+)?(?:the\s+)?"
    r"[“\"‘']([A-Z][^”\"’'\n]{1,40})[”\"’']"
)
NAMED_QUOTED_WORDS = ("nown", "eferred to", "ubbed", "icknamed", "alled", "randed")
"""The literal part of each of NAMED_QUOTED's verbs, one letter in: a text with none needs no
regex search, and one with some needs it only from the first (less that letter)."""


@lru_cache(maxsize=1)
def gap_patterns() -> re.Pattern[str]:
    lines = data_lines("aliases_patterns.txt")
    return re.compile("|".join(f"(?:{ln})" for ln in lines))


def _acronym(name: str, short: str) -> bool:
    letters = "".join(w[0] for w in name.split() if w[:1].isupper())
    return len(short) >= 2 and short.isupper() and short.replace(".", "") == letters


def declared_aliases(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs (earlier name span, later name span) of token spans the text declares the same thing."""
    t = token_table(doc)
    text = t.doc_text
    out = []
    ordered = sorted(spans)
    for a, b in zip(ordered, ordered[1:], strict=False):
        gap = text[t.end_char(a[1] - 1) : t.idx[b[0]]]
        if len(gap) > MAX_GAP or "\n" in gap:
            continue
        after = b[1] if b[1] < t.n else None
        if after is not None and t.is_lower[after] and t.pos[after] == "NOUN":
            continue  # "McConnell, now the Senate majority leader": a description, not a name
        if gap_patterns().fullmatch(gap):
            out.append((a, b))
        elif gap.strip() == "(" and _acronym(t.span_text(*a), t.span_text(*b)):
            out.append((a, b))
    return out


def named_groups(doc: Doc) -> list[tuple[str, tuple[int, int]]]:
    """Names given in quotation marks after "known as": ("Moscow 8", span of those words)."""
    text = doc_text(doc)
    found = [k for k in map(text.find, NAMED_QUOTED_WORDS) if k >= 0]
    if not found:
        return []
    return [(m.group(1).strip(), (m.start(1), m.start(1) + len(m.group(1).strip())))
            for m in NAMED_QUOTED.finditer(text, max(0, min(found) - 1))]
