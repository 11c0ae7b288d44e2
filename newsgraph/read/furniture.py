"""Page furniture: the blocks of an article container that are not the article.

Rules are about the *kind* of block, never one page's strings: a block that is mostly link
text (related stories, "bold link lines" between paragraphs), a list of short items (share
buttons, tags), a line that opens like a prompt ("Read more", "Related:", "Sign up",
"Follow us on"), a credit or copyright line, the byline or the headline repeated, and short
non-sentences before the first or after the last paragraph of prose (kickers, datelines,
"Updated" lines, tags). Sub-headings between paragraphs of prose are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement


@dataclass
class Block:
    text: str
    kind: str  # text | heading | quote | item
    linked: float = 0.0  # share of its characters inside links


PROMPT = re.compile(
    r"^\W{0,3}(read (more|also|next|the (full|original) (story|article))\b|related( articles?| stories| coverage"
    r"| content| links?| reading)?\s*:|see also\b|more (on|from|about) (this|the)\b|also (read|see)\b"
    r"|(you )?(might|may) also like\b|(click|tap) here\b|to (listen|watch|read|see)\b.{0,80}\bclick here"
    r"|(this|the) (article|story|post|piece) (was )?(originally|first) (appeared|published|ran)\b|originally published\b"
    r"|follow (us|\w+( \w+)?) on\b|(sign up|subscribe|register)\b.{0,80}\b(newsletter|free|now|today|here|email)"
    r"|(get|receive) (our|the)\b.{0,40}\bnewsletter|share (this|on|via)\b|(e-?mail|print|tweet|comment)s?$"
    r"|advertisement\W*$|filed under\b|(photo|image|picture|video) (by|credit|courtesy)\b|\(?(photo )?credits?:"
    r"|all rights reserved|contact (the )?(reporter|editor)|to contact the (reporters?|editors?|writers?)\b"
    r"|view (full size|gallery|comments)|(previous|next) (article|story|post)\b|back to top\b|skip (to|navigation)\b"
    r"|cookies?\b.{0,80}\b(accept|consent|policy|agree)|we use cookies)",
    re.I,
)
"""A block opening like a prompt or a link line (checked on its first words, up to ``PROMPT_WORDS``)."""
PROMPT_WORDS = 40
NOTICE = re.compile(
    r"^\W{0,3}(sponsored\b|tags?:|topics?:|keywords?:|photos?:|image:|video:|watch:|source:|(©|\(c\)|copyright\b)"
    r"|recommended\b|(last )?updated\b.{0,40}\d|published\b.{0,40}\d|posted\b.{0,40}\d)", re.I)
"""A notice: a label, a copyright or an "Updated ..." line. Only when it is no sentence, or a very short one
(``NOTICE_WORDS``, "Copyright 2014 Reuters."): a paragraph of the story may open with the same word
("Published figures show ...")."""
NOTICE_WORDS = 8

READ_MORE_HERE = re.compile(r"\b(read|see|find) more\b.{0,120}\bhere\W*$", re.I)
"""A line sending the reader elsewhere ("You can read more about ... here.")."""
CREDIT = re.compile(r"(/|\bvia |\bcourtesy of |\bphoto(graph)?:? )\s*([\w.&' -]{0,40})?"
                    r"(getty( images)?|reuters|ap|afp|epa|shutterstock|corbis|alamy|pa)\W*$"
                    r"|\((getty( images)?|reuters|ap|afp|epa|pa|ap photo[^)]*|[^)]*/(getty images|reuters|ap|afp|epa))\)$", re.I)
"""A photo credit at a line's end ("Name/Getty Images", "AP Photo/Name" is caught by PROMPT-like shapes)."""

SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$|[\"”’]$")
SHORT_WORDS = 12


FURNITURE_CLASS = re.compile(
    r"caption|(^|[-_])cap($|[-_])|credit|chart|pull-?quote|^pq$|related|(^|[-_])(share|sharing|social)|promo"
    r"|newsletter|subscri|(^|[-_])tags?($|[-_])|advert|(^|[-_])ads?($|[-_])|sidebar|widget|gallery|slideshow"
    r"|outbrain|taboola|recommend|editorialnote|editors?-note|most-?popular|trending|(^|[-_])comments?($|[-_])"
    r"|cookie|breadcrumb")
"""A class or id token naming furniture: captions and credits, pull quotes, charts, related and
share boxes, promotions, newsletters, tags, ads, galleries, editor's notes, comments, cookies."""
FURNITURE_TAGS = {"figcaption", "aside", "nav", "footer"}
FURNITURE_MAX_CHARS = 1500
"""A furniture element is small: a bigger one (a wrapper named "article-share") is kept."""


def remove_furniture_elements(tree: HtmlElement) -> list[str]:
    """Delete the page's furniture elements (by tag, class or id) before the article is extracted,
    so that a caption repeating a paragraph word for word does not cost the paragraph; returns
    their texts. Elements holding much text are kept, whatever their class."""
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "head", "script", "style", "meta", "link"):
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()
        if el.tag in FURNITURE_TAGS or any(FURNITURE_CLASS.search(n) for n in names):
            doomed.append(el)
    removed: list[str] = []
    for el in doomed:
        parent = el.getparent()
        if parent is None or len(el.text_content()) > FURNITURE_MAX_CHARS:
            continue
        text = " ".join(el.text_content().split())
        tail, prev = el.tail, el.getprevious()
        parent.remove(el)
        if tail and tail.strip():  # the text after the element belongs to its parent
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        if text:
            removed.append(text)
    return removed


CLOSING_CREDIT = re.compile(r"^\(?\s*(additional )?(reporting|writing|editing|research)( and \w+)? by\b"
                            r"|\bcontributed (to )?(this|the) (report|story|article)\b", re.I)
"""A story's closing credit line ("(Additional reporting by ...; Editing by ...)", "... contributed to this
report."): part of the story even without a full stop, so never trimmed as an edge."""
LOADING = re.compile(r"^\W{0,3}loading\b.{0,40}(\.\.\.|…)$", re.I)
"""A widget's placeholder ("Loading weather data ...")."""


def is_sentence(text: str) -> bool:
    """Prose: ends like a sentence (or a quotation) and has a few words."""
    return bool(SENTENCE_END.search(text)) and len(text.split()) >= 4


def same_text(a: str | None, b: str | None) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().lower()
    if not a or not b:
        return False
    return norm(a) == norm(b)


def is_byline(text: str, author: str | None) -> bool:
    """"By Jane Doe", "By Jane Doe, Reuters", or the author's name alone."""
    if len(text.split()) > SHORT_WORDS:
        return False
    if re.match(r"^(written |posted |reported )?by\s+\S", text, re.I) and not is_sentence(text):
        return True
    return same_text(text, author)


def furniture_reason(block: Block, *, title: str | None, author: str | None) -> str | None:
    """Why a block is furniture wherever it sits, or None."""
    text = block.text
    if not re.search(r"[^\W\d_]", text):
        return "no words"  # a separator ("---") or a lone time stamp
    if LOADING.search(text):
        return "placeholder"
    if same_text(text, title):
        return "headline"
    if is_byline(text, author):
        return "byline"
    if block.linked >= 0.6 and len(text.split()) <= 40:
        return "link line"
    words = len(text.split())
    if PROMPT.search(text[:120]) and words <= PROMPT_WORDS:
        return "prompt"
    if NOTICE.search(text[:120]) and (words <= NOTICE_WORDS or not is_sentence(text)):
        return "notice"
    if (CREDIT.search(text) or READ_MORE_HERE.search(text)) and words <= PROMPT_WORDS:
        return "credit"
    if block.kind == "item" and not is_sentence(text):
        return "list of links or labels"
    return None


def drop_furniture(blocks: list[Block], *, title: str | None, author: str | None) -> tuple[list[Block], list[Block]]:
    """(kept, dropped): furniture anywhere, and non-prose blocks at the body's two edges."""
    kept: list[Block] = []
    dropped: list[Block] = []
    for b in blocks:
        (dropped if furniture_reason(b, title=title, author=author) else kept).append(b)
    prose = [i for i, b in enumerate(kept) if (is_sentence(b.text) or CLOSING_CREDIT.search(b.text)) and b.kind != "item"]
    if not prose:
        return kept, dropped
    first, last = prose[0], prose[-1]
    edges = kept[:first] + kept[last + 1:]
    return kept[first:last + 1], dropped + edges
