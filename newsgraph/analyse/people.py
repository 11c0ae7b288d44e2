"""People, organisations and places: spaCy's entities grouped into one entity per name.

Baseline grouping: a person's later mentions by surname join the full name introduced
first ("Kim Il Sung" ... "Kim Il Sung's"); possessives are stripped from names.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.model import Entity

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
_POSSESSIVE = re.compile(r"(?:['’]s?|s['’])$")


def clean_name(span: Span) -> tuple[str, int, int]:
    """Entity text without a leading "the" or trailing possessive, with its char span."""
    start, end = span.start_char, span.end_char
    text = span.text
    if span[0].lower_ == "the" and len(span) > 1:
        start = span[1].idx
        text = span.doc.text[start:end]
    m = _POSSESSIVE.search(text)
    if m and len(text) > 3:
        end -= len(m.group(0))
        text = text[: -len(m.group(0))]
    return text.strip(), start, end


def group_entities(doc: Doc) -> list[Entity]:
    by_key: dict[tuple[str, str], Entity] = {}
    persons: list[Entity] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES or not any(t.is_alpha for t in ent):
            continue
        name, s, e = clean_name(ent)
        if not name:
            continue
        if ent.label_ == "PERSON":
            parts = name.split()
            target = None
            for p in persons:
                pparts = p.name.split()
                if p.name == name or (len(parts) == 1 and parts[0] in pparts):
                    target = p
                    break
            if target is None:
                target = Entity(name=name, type="PERSON")
                persons.append(target)
                by_key[("PERSON", name)] = target
            elif name != target.name and name not in target.aliases:
                target.aliases.append(name)
            target.mentions.append((s, e))
            continue
        key = (ent.label_, name)
        if key not in by_key:
            by_key[key] = Entity(name=name, type=ent.label_)
        by_key[key].mentions.append((s, e))
    return list(by_key.values())


@Language.component("newsgraph_people")
def find_people(doc: Doc) -> Doc:
    doc._.entities = group_entities(doc)
    return doc
