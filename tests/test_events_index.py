"""Regression: entity mentions that share a span (e.g. typed PERSON and ORG) must index without error."""

from __future__ import annotations

from newsgraph.analyse.dates.events import MentionIndex
from newsgraph.model import Entity


def test_two_entities_on_one_span_are_both_found() -> None:
    a = Entity(name="Jordan", type="PERSON", mentions=[(10, 16)])
    b = Entity(name="Jordan", type="GPE", mentions=[(10, 16)])
    c = Entity(name="Amman", type="GPE", mentions=[(0, 5), (10, 16)])
    index = MentionIndex([a, b, c])  # sorting (start, end, Entity) tuples raised TypeError
    assert index.inside(0, 20, {"PERSON", "GPE"}) == ["Amman", "Jordan"]
    assert index.inside(10, 16, {"GPE"}) == ["Jordan", "Amman"]
