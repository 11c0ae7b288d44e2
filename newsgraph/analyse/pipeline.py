"""One spaCy pipeline, loaded once, with newsgraph's components added to it.

``components.py`` registers the components; this module only assembles: it loads the
English pipeline, adds ours in order, makes Docs from cleaned articles and turns the
processed Docs into ``Article`` objects (``doc_to_article``). The Doc is built from the
*masked* text (boilerplate blanked, same length), so token offsets are offsets into the
original article.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from newsgraph.analyse import components  # noqa: F401 - registers the components
from newsgraph.analyse.base.doc import set_doc_text
from newsgraph.analyse.base.fast_attributes import replaces_stock_attributes
from newsgraph.analyse.model_choice import ModelNotFound, default_model
from newsgraph.clean import Layout, masked_text, segment
from newsgraph.model import Article

UNUSED_COMPONENTS: tuple[str, ...] = ("senter",)
"""spaCy components our analysis does not read; excluded at load time.

Everything else in en_core_web_sm is read: tags and POS (cue verbs, names), the parse
(subjects, clauses, sentences), entities, lemmas (cue matching). The attribute_ruler and
lemmatizer are replaced by ``newsgraph_attributes``, which gives the same POS, morphology
and lemmas at about a third of their cost (see base/fast_attributes.py); pass
``stock_attributes=True`` to ``load_nlp`` to keep spaCy's own."""

OUR_COMPONENTS = ("newsgraph_people", "newsgraph_quotes", "newsgraph_time")
"""Added after spaCy's own, in this order: each requires what the ones before assign."""

GLUED_QUOTE_MARKS = (
    r'(?<=[^\W\d_])[,:](?=["“])',  # said,“Look  said:"We
    r'(?<=[,:])["“](?=[^\W\d_])',
    r'(?<=[^\W\d_])“(?=[^\W\d_])',  # the word“ok”
)
"""Tokenizer infixes for quotation marks scraped text glues to words (no space after the
comma): stock spaCy keeps ``said,“Look`` one token, so the cue verb and the quote's first
word are lost to the parse."""

_lock = threading.Lock()
_cache: dict[tuple[str, bool], Language] = {}


def load_nlp(model: str | None = None, *, stock_attributes: bool = False) -> Language:
    """The shared pipeline for ``model`` (default: ``default_model()``), loaded once."""
    name = model or default_model()
    key = (name, stock_attributes)
    with _lock:
        if key not in _cache:
            try:
                nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
            except OSError as exc:
                raise ModelNotFound(
                    f"spaCy pipeline {name!r} is not installed ({exc.__class__.__name__}); "
                    "install it with pip or pass --model with an installed one"
                ) from exc
            _split_glued_quote_marks(nlp)
            if not stock_attributes:
                use_fast_attributes(nlp)
            nlp.add_pipe("newsgraph_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
            for comp in OUR_COMPONENTS:
                nlp.add_pipe(comp)
            _cache[key] = nlp
        return _cache[key]


def use_fast_attributes(nlp: Language) -> bool:
    """Swap in ``newsgraph_attributes`` for the stock attribute_ruler + lemmatizer where it
    gives the same output (a rule lemmatizer); the originals stay, disabled, for cache misses."""
    if not replaces_stock_attributes(nlp):
        return False
    nlp.add_pipe("newsgraph_attributes", after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True


def _split_glued_quote_marks(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes or []) + list(GLUED_QUOTE_MARKS)
    tokenizer: Any = nlp.tokenizer  # typed as a plain callable by spaCy; it is a Tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def make_doc(nlp: Language, text: str, layout: Layout, published: str | None) -> Doc:
    """A Doc of the article's masked text, carrying its layout and publication date."""
    masked = masked_text(text, layout)
    doc = nlp.make_doc(masked)
    set_doc_text(doc, masked)
    doc._.layout = layout
    doc._.published = published
    return doc


def doc_to_article(doc: Doc, text: str, **meta: Any) -> Article:
    layout: Layout = doc._.layout
    return Article(
        text=text,
        paragraphs=list(layout.paragraphs),
        boilerplate=list(layout.boilerplate),
        entities=list(doc._.entities or []),
        quotes=list(doc._.quotes or []),
        times=list(doc._.times or []),
        timeline=list(doc._.timeline or []),
        **meta,
    )


def analyse_many(
    items: Iterable[tuple[str, dict[str, Any]]],
    *,
    model: str | None = None,
    batch_size: int = 32,
) -> Iterator[Article]:
    """(text, metadata) pairs to Articles, streamed through one ``nlp.pipe``."""
    nlp = load_nlp(model)

    def docs() -> Iterator[tuple[Doc, tuple[str, dict[str, Any]]]]:
        for text, meta in items:
            layout = segment(text, meta.get("title"))
            yield make_doc(nlp, text, layout, meta.get("published")), (text, meta)

    for doc, (text, meta) in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield doc_to_article(doc, text, **meta)
