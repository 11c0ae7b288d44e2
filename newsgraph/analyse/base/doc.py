"""The ``Doc`` extensions the stages read and write, and the Doc's text without its cost.

Each stage writes its result to one extension (spaCy's way of attaching data to a Doc
instead of keeping parallel structures); ``components.py`` declares who assigns and who
requires which:

- ``doc._.layout``: paragraphs, headings and boilerplate (``newsgraph.clean.Layout``), set
  when the Doc is made;
- ``doc._.published``: the publication date as given (ISO text) or None;
- ``doc._.entities``: people, organisations and places (``newsgraph_people``);
- ``doc._.quotes``: quotations with their speakers (``newsgraph_quotes``);
- ``doc._.times`` and ``doc._.timeline``: time expressions and dated events (``newsgraph_time``).
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = ("layout", "published", "entities", "quotes", "times", "timeline")

for _name in DOC_EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

TEXT_KEY = "newsgraph_text"
"""Where the Doc keeps its text in ``doc.user_data`` (see ``doc_text``)."""


def set_doc_text(doc: Doc, text: str) -> None:
    """Remember the text the Doc was made from, so ``doc_text`` never rebuilds it."""
    doc.user_data[TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """``doc.text`` without the cost: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)
