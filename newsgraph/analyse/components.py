"""Every spaCy component of newsgraph, registered in one place (as spaCy's own
``pipeline/factories.py`` does), each declaring what it reads and writes.

The order in the pipeline (``pipeline.load_nlp``) follows the ``requires`` below:

    tok2vec, tagger, parser, ner          spaCy's own (en_core_web_*)
    newsgraph_paragraphs   (before parser) paragraph starts begin sentences
    newsgraph_attributes   (after lemmatizer) POS, morphology and lemmas, replacing the
                           stock attribute_ruler + lemmatizer (same output, cheaper)
    newsgraph_people       doc._.entities   people, organisations, places
    newsgraph_quotes       doc._.quotes     quotations with their speakers
    newsgraph_time         doc._.times, doc._.timeline

``doc._.layout`` and ``doc._.published`` are set when the Doc is made (``pipeline.make_doc``),
not by a component. Settings a user may change are the factories' config:
``nlp.add_pipe("newsgraph_quotes", config={"indirect_min_confidence": 0.7})``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.fast_attributes import FastAttributes
from newsgraph.analyse.dates.events import build_timeline
from newsgraph.analyse.dates.expressions import find_times
from newsgraph.analyse.entities.entity_joins import join_lone_surnames
from newsgraph.analyse.entities.geocode import resolve_places
from newsgraph.analyse.entities.people import group_entities
from newsgraph.analyse.quotes.find import find_quotes
from newsgraph.analyse.quotes.indirect import MIN_CONFIDENCE
from newsgraph.clean import Layout

PARSE = ["token.tag", "token.dep", "token.head", "doc.sents"]
"""What the rules read of spaCy's own components (tagger and parser)."""
ATTRIBUTES = ["token.pos", "token.lemma", "token.morph"]
"""What ``newsgraph_attributes`` (or the stock attribute_ruler + lemmatizer) gives."""


@Language.component("newsgraph_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    """A paragraph or heading always starts a sentence; the parser respects it."""
    layout: Layout | None = doc._.layout
    if layout is None:
        return doc
    starts = {p.start for p in layout.paragraphs}
    # Token offsets from one array, not a Token object per word: only paragraph starts are touched.
    for i, idx in enumerate(doc.to_array(IDX).tolist()):
        if i and idx in starts:
            doc[i].is_sent_start = True
    return doc


@Language.factory("newsgraph_attributes", assigns=ATTRIBUTES, requires=["token.tag", "token.dep"])
def make_fast_attributes(nlp: Language, name: str) -> FastAttributes:
    return FastAttributes(nlp)


@Language.factory("newsgraph_people", assigns=["doc._.entities"], requires=[*PARSE, *ATTRIBUTES, "doc.ents"])
def make_people(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def find_people(doc: Doc) -> Doc:
        # Lone surnames again once places are decided: a full name typed as a place and then
        # read as a person ("Stelios Giannakopoulos") owns its later lone surname.
        doc._.entities = join_lone_surnames(doc, resolve_places(doc, group_entities(doc)))
        return doc

    return find_people


@Language.factory(
    "newsgraph_quotes",
    assigns=["doc._.quotes"],
    requires=[*PARSE, *ATTRIBUTES, "doc.ents", "doc._.entities"],
    default_config={"indirect_min_confidence": MIN_CONFIDENCE},
)
def make_quotes(nlp: Language, name: str, indirect_min_confidence: float) -> Callable[[Doc], Doc]:
    """``indirect_min_confidence``: reported speech is kept from this model probability on
    (higher: fewer and surer indirect quotations)."""

    def quotes(doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, indirect_min_confidence=indirect_min_confidence)
        return doc

    return quotes


@Language.factory(
    "newsgraph_time",
    assigns=["doc._.times", "doc._.timeline"],
    requires=[*PARSE, "doc.ents", "doc._.entities", "doc._.quotes"],
)
def make_time(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def find_time(doc: Doc) -> Doc:
        text = doc_text(doc)
        doc._.times = find_times(doc, text=text)
        doc._.timeline = build_timeline(doc, doc._.times, text=text)
        return doc

    return find_time
