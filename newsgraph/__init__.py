"""newsgraph: who said what, about whom, where and when, from news articles.

Library first::

    import newsgraph
    article = newsgraph.extract(text, title=None, published="2019-06-25")
    for q in article.quotes:
        print(q.speaker.name, article.span_text(q.content_spans[0]))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsgraph.model import Article, Entity, Event, Paragraph, Quote, Speaker, TimeExpression

if TYPE_CHECKING:
    from newsgraph.read import RawArticle, ReadError


def __getattr__(name: str) -> Any:
    """``RawArticle`` and ``ReadError`` on first use: a store command (``newsgraph people``) never
    loads the readers (HTML, WARC)."""
    if name in ("RawArticle", "ReadError"):
        from newsgraph import read

        return getattr(read, name)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")

__version__ = "0.1.0"
__all__ = [
    "Article", "Entity", "Event", "Paragraph", "Quote", "RawArticle", "ReadError", "Speaker",
    "TimeExpression", "extract", "extract_many", "__version__",
]


def _meta(raw: RawArticle) -> dict[str, Any]:
    return {
        "document": raw.document, "title": raw.title, "published": raw.published,
        "source": raw.source, "url": raw.url, "outlet": raw.outlet, "author": raw.author,
    }


def extract(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    document: str = "<text>",
    model: str | None = None,
) -> Article:
    """Analyse one article's text: paragraphs, entities, quotes, times, all as offsets into ``text``."""
    from newsgraph.read import RawArticle

    raw = RawArticle(text=text, document=document, title=title, published=published, source=source)
    return next(extract_many([raw], model=model))


def extract_many(
    articles: Iterable[RawArticle | str],
    *,
    model: str | None = None,
    batch_size: int = 32,
) -> Iterator[Article]:
    """Stream many articles through one ``nlp.pipe``, in input order."""
    from newsgraph.analyse.pipeline import analyse_many
    from newsgraph.read import RawArticle

    def items() -> Iterator[tuple[str, dict[str, Any]]]:
        for a in articles:
            raw = a if isinstance(a, RawArticle) else RawArticle(text=a, document="<text>")
            yield raw.text, _meta(raw)

    return analyse_many(items(), model=model, batch_size=batch_size)
