"""HTML: trafilatura finds the main text, title, date and author."""

from __future__ import annotations

import re

from newsgraph.read.base import RawArticle, ReadError

MIN_WORDS = 5
"""Fewer words than this, or no sentence punctuation at all, is navigation, not an article."""


def looks_like_prose(text: str) -> bool:
    """At least a sentence: ``MIN_WORDS`` words and some sentence punctuation (not just links)."""
    words = re.findall(r"\w+", text)
    enough = len(words) >= MIN_WORDS or sum(map(len, words)) >= 4 * MIN_WORDS  # scripts written without spaces
    return enough and bool(re.search(r"[.!?\"”»。！？｡؟।]", text))


def read_html(html: str, document: str, source: str) -> RawArticle | ReadError:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many kinds on hostile markup
        return ReadError(source, f"HTML could not be parsed ({type(exc).__name__})", "check the file is a web page")
    if doc is None:
        return ReadError(source, "HTML page with no article text found", "is it an index or an empty page?")
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = get("text") or ""
    if not looks_like_prose(text):
        return ReadError(source, "HTML page with no article text found", "is it an index or an empty page?")
    return RawArticle(
        text=text,
        document=document,
        title=get("title"),
        published=get("date"),
        source=source,
        url=get("url"),
        outlet=get("sitename"),
        author=get("author"),
    )
