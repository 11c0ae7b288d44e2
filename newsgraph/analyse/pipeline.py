"""One spaCy pipeline, loaded once, with newsgraph's components added to it.

Our analysis steps are small registered spaCy components that write to ``Doc``
extensions (``doc._.entities``, ``doc._.quotes``, ``doc._.times``,
``doc._.timeline``); ``doc_to_article`` turns a processed Doc into an ``Article``.
The Doc is built from the *masked* text (boilerplate blanked, same length), so
token offsets are offsets into the original article.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from newsgraph.analyse.models import PREFERRED_MODELS, ModelNotFound, default_model  # noqa: F401 - re-exported
from newsgraph.clean import Layout, masked_text, segment
from newsgraph.model import Article

UNUSED_COMPONENTS: tuple[str, ...] = ("senter",)
"""spaCy components our analysis does not read; excluded at load time.

Everything else in en_core_web_sm is read: tags and POS (cue verbs, names), the parse
(subjects, clauses, sentences), entities, lemmas (cue matching). The attribute_ruler and
lemmatizer are replaced by ``newsgraph_attributes``, which gives the same POS, morphology
and lemmas at about a third of their cost (see fast_attributes.py); set
NEWSGRAPH_STOCK_ATTRIBUTES=1 to keep spaCy's own."""

OUR_COMPONENTS = ("newsgraph_people", "newsgraph_quotes", "newsgraph_time")

GLUED_QUOTE_MARKS = (
    r'(?<=[^\W\d_])[,:](?=["“])',  # said,“Look  said:"We
    r'(?<=[,:])["“](?=[^\W\d_])',
    r'(?<=[^\W\d_])“(?=[^\W\d_])',  # the word“ok”
)
"""Tokenizer infixes for quotation marks scraped text glues to words (no space after the
comma): stock spaCy keeps ``said,“Look`` one token, so the cue verb and the quote's first
word are lost to the parse."""

for _name in ("layout", "published", "entities", "quotes", "times", "timeline"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_lock = threading.Lock()
_cache: dict[str, Language] = {}


def load_nlp(model: str | None = None) -> Language:
    """The shared pipeline for ``model`` (default: ``default_model()``), loaded once."""
    name = model or default_model()
    with _lock:
        if name not in _cache:
            try:
                nlp = spacy.load(name, exclude=[c for c in UNUSED_COMPONENTS])
            except OSError as exc:
                raise ModelNotFound(
                    f"spaCy pipeline {name!r} is not installed ({exc.__class__.__name__}); "
                    "install it with pip or pass --model with an installed one"
                ) from exc
            _split_glued_quote_marks(nlp)
            if not os.environ.get("NEWSGRAPH_STOCK_ATTRIBUTES"):
                from newsgraph.analyse.fast_attributes import install

                install(nlp)
            _add_components(nlp)
            _cache[name] = nlp
        return _cache[name]


def _split_glued_quote_marks(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes or []) + list(GLUED_QUOTE_MARKS)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _add_components(nlp: Language) -> None:
    # Import for the registration side effect of each component module.
    from newsgraph.analyse import people, quotes, time  # noqa: F401

    nlp.add_pipe("newsgraph_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    for comp in OUR_COMPONENTS:
        nlp.add_pipe(comp)


@Language.component("newsgraph_paragraphs")
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


_TEXT_KEY = "newsgraph_text"


def make_doc(nlp: Language, text: str, layout: Layout, published: str | None) -> Doc:
    masked = masked_text(text, layout)
    doc = nlp.make_doc(masked)
    doc.user_data[_TEXT_KEY] = masked
    doc._.layout = layout
    doc._.published = published
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text`` without the cost: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text  # type: ignore[no-any-return]


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
