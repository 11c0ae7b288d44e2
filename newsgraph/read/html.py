"""HTML: the article's paragraphs (structure kept, page furniture left out) and its metadata.

trafilatura finds the article container; its *structured* result (``Document.body``, an
element tree in trafilatura's XML vocabulary: ``head``, ``p``, ``quote``, ``list``,
``lb``, ``ref``) is walked block by block, rather than re-splitting its plain text, which
joins paragraphs with single newlines and loses the difference between a paragraph and a
line break. ``bare_extraction`` gives that tree and the page metadata in one pass (the
``output_format="xml"`` string would have to be parsed again).

Each block becomes one paragraph of the article text, blank-line separated, so
``clean.segment`` sees the page's paragraphs; offsets are into that text. Blocks that are
furniture (captions, "Read more"/related links, share and subscribe prompts, copyright
lines, bylines, datelines, lists of links) are left out (``furniture.py`` says why each is).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsgraph.read.base import RawArticle, ReadError
from newsgraph.read.furniture import Block, drop_furniture, is_sentence, remove_furniture_elements
from newsgraph.read.pagemeta import page_metadata, page_tree, squash

if TYPE_CHECKING:
    from lxml.etree import _Element
    from lxml.html import HtmlElement

MIN_WORDS = 5
"""Fewer words than this, or no sentence punctuation at all, is navigation, not an article."""

PARAGRAPH_BREAK = "\n\n"
FEW_PARAGRAPHS = 3
"""Fewer sentences of prose than this from the pruned page: try the page as it is."""


def looks_like_prose(text: str) -> bool:
    """At least a sentence: ``MIN_WORDS`` words and some sentence punctuation (not just links)."""
    words = re.findall(r"\w+", text)
    enough = len(words) >= MIN_WORDS or sum(map(len, words)) >= 4 * MIN_WORDS  # scripts written without spaces
    return enough and bool(re.search(r"[.!?\"”»。！？｡؟।]", text))


def read_html(html: str, document: str, source: str, *, url: str | None = None,
              fetched: str | None = None) -> RawArticle | ReadError:
    """One web page as an article. ``url``/``fetched``: where and when a crawler got it (a WARC
    record's headers); the page's own canonical URL and publication date win over them."""
    tree = page_tree(html)
    if tree is None:
        return ReadError(source, "HTML could not be parsed", "check the file is a web page")
    pruned = copy.deepcopy(tree)
    removed = remove_furniture_elements(pruned)
    try:
        doc, blocks = _extract(pruned, url)
        if sum(is_sentence(b.text) for b in blocks) < FEW_PARAGRAPHS:
            # Broken markup can put the article inside an element named like furniture (a breadcrumb
            # never closed): the page as it is may read better.
            whole, whole_blocks = _extract(copy.deepcopy(tree), url)
            if sum(is_sentence(b.text) for b in whole_blocks) > sum(is_sentence(b.text) for b in blocks):
                furniture = "\n".join(removed)
                doc, blocks = whole, [b for b in whole_blocks if len(b.text.split()) < 5 or b.text not in furniture]
    except Exception as exc:  # trafilatura raises many kinds on hostile markup
        return ReadError(source, f"HTML could not be parsed ({type(exc).__name__})", "check the file is a web page")
    if doc is None or not blocks:
        return ReadError(source, "HTML page with no article text found", "is it an index or an empty page?")
    first_words = next((b.text[:40] for b in blocks if b.kind == "text" and len(b.text.split()) >= 8), "")
    meta = page_metadata(tree, doc, url=url, first_words=first_words)
    kept, _ = drop_furniture(blocks, title=meta.title, author=meta.author)
    text = PARAGRAPH_BREAK.join(b.text for b in kept)
    if not looks_like_prose(text):
        return ReadError(source, "HTML page with no article text found", "is it an index or an empty page?")
    return RawArticle(
        text=text,
        document=document,
        title=meta.title,
        published=meta.published or (fetched[:10] if fetched else None),
        source=source,
        url=meta.url or url,
        outlet=meta.outlet,
        author=meta.author,
    )


def _extract(tree: HtmlElement, url: str | None) -> tuple[object | None, list[Block]]:
    """trafilatura's document for a page tree, and the blocks of its body."""
    import trafilatura

    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                      include_links=True, include_formatting=True, include_tables=False,
                                      include_images=False)
    body = getattr(doc, "body", None) if doc is not None else None
    return doc, (list(iter_blocks(body)) if body is not None else [])


def iter_blocks(body: _Element) -> Iterator[Block]:
    """Blocks of trafilatura's tree in reading order: a ``p`` split at double line breaks, each
    ``head``, each paragraph of a ``quote``, each ``item`` of a ``list`` (marked as such)."""
    for el in body:
        tag = el.tag
        if tag in ("p", "head"):
            yield from _split_p(el, "heading" if tag == "head" else "text")
        elif tag == "quote":
            inner = [c for c in el if c.tag in ("p", "head", "quote", "list")]
            if inner and not (el.text or "").strip():
                yield from iter_blocks(el)
            else:
                yield from _split_p(el, "quote")
        elif tag == "list":
            for item in el.iter("item"):
                text = squash("".join(item.itertext()))
                if text:
                    linked = sum(_chars("".join(r.itertext())) for r in item.iter("ref"))
                    yield Block(text, "item", linked / max(1, _chars(text)))
        elif tag in ("div", "section"):
            yield from iter_blocks(el)


def _split_p(el: _Element, kind: str) -> Iterator[Block]:
    """A paragraph element, split where two or more line breaks follow each other (``<br><br>``)."""
    parts: list[list[tuple[str, bool]]] = [[]]
    pending_breaks = 0
    for piece in _pieces(el):
        if piece is None:  # a line break
            pending_breaks += 1
            continue
        if pending_breaks >= 2 and parts[-1]:
            parts.append([])
        elif pending_breaks == 1:
            parts[-1].append(("\n", False))
        pending_breaks = 0
        parts[-1].append(piece)
    for part in parts:
        text = squash("".join(t for t, _ in part))
        if text:
            linked = sum(_chars(t) for t, link in part if link)
            yield Block(text, kind, linked / max(1, _chars(text)))


def _pieces(el: _Element, link: bool = False) -> Iterator[tuple[str, bool] | None]:
    """(text, inside a link) pieces of an element in order, and None at each ``lb`` (a line break)."""
    if el.text:
        yield (el.text, link)
    for child in el:
        if child.tag == "lb":
            yield None
        else:
            yield from _pieces(child, link or child.tag == "ref")
        if child.tail:
            yield (child.tail, link)


def _chars(text: str) -> int:
    """Characters that are not whitespace: link shares are measured on these."""
    return len("".join(text.split()))
