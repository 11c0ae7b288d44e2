"""Time: date expressions normalised to ISO values, and the events they date.

Baseline: explicit years ("in 1958") resolve absolutely; everything else is kept
with its span, unresolved, never guessed.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Event, TimeExpression

_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


def find_times(doc: Doc) -> list[TimeExpression]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        m = _YEAR.search(ent.text)
        if m:
            out.append(TimeExpression((ent.start_char, ent.end_char), ent.text, m.group(1), "absolute"))
        else:
            out.append(TimeExpression((ent.start_char, ent.end_char), ent.text, None, "unresolved"))
    return out


def build_timeline(doc: Doc, times: list[TimeExpression]) -> list[Event]:
    events = []
    for t in times:
        if t.value is None:
            continue
        sent = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
        if sent is None:
            continue
        s = sent.sent
        events.append(Event(t.value, s.text.strip(), (s.start_char, s.end_char), time_span=t.span))
    events.sort(key=lambda e: (e.date or "", e.span))
    return events


@Language.component("newsgraph_time")
def find_time(doc: Doc) -> Doc:
    doc._.times = find_times(doc)
    doc._.timeline = build_timeline(doc, doc._.times)
    return doc
