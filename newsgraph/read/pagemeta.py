"""A web page's metadata as a reader would give it: headline, outlet, byline, date, canonical URL.

trafilatura's own metadata is a fallback, not the answer: its title keeps the site's suffix
("<headline> | <Site> | <date>"), its site name can be a host ("Example_Co_Uk") and its
author joins names with page labels ("Jane Doe; Jdoe Com"). Here the printed headline
(the ``h1`` that reads like the page's title, or the one just before the article text)
wins, the suffix is cut, the outlet comes from a small table of well-known outlets, then the
page's declared site name, and the byline is read where the page prints it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsgraph.read.outlets import outlet_for_host, readable_site_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.html import HtmlElement

_SPACE = re.compile(r"[\s\u00a0\u200b]+")
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—•·:]{1,2}\s+")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
NUMERIC_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


@dataclass
class PageMeta:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None


def squash(text: str | None) -> str:
    """Runs of whitespace (no-break and zero-width spaces included) as one space, stripped: text as a
    reader sees it on the page."""
    return _SPACE.sub(" ", text or "").strip()


XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def page_tree(html: str) -> HtmlElement | None:
    """The page parsed by lxml (as trafilatura does), or None when it cannot be. An XHTML page's
    ``<?xml ... encoding=...?>`` line is dropped: the text is decoded already, and lxml refuses a
    decoded string that declares an encoding."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(XML_DECLARATION.sub("", html, count=1))
    except (ValueError, TypeError, etree.ParserError):
        return None


def page_metadata(tree: HtmlElement | None, doc: object, *, url: str | None = None, first_words: str = "") -> PageMeta:
    """Metadata of a page from its markup, with trafilatura's ``Document`` as the fallback.
    ``first_words``: the start of the article's first paragraph (the headline comes before it)."""
    def get(k: str) -> str | None:
        value = getattr(doc, k, None)
        return value if isinstance(value, str) and value.strip() else None

    page_url = get("url") or url
    host = urlsplit(page_url).hostname if page_url else None
    if host is None and tree is not None:
        host = _site_host(tree)
    metas = _metas(tree) if tree is not None else {}
    ld = _json_ld(tree) if tree is not None else {}
    outlet = (outlet_for_host(host) or readable_site_name(metas.get("og:site_name"))
              or readable_site_name(_ld_name(ld.get("publisher"))) or readable_site_name(metas.get("application-name"))
              or readable_site_name(get("sitename")) or outlet_for_host(host, guess=True))
    declared = squash(metas.get("og:title") or get("title") or (tree.findtext(".//title") if tree is not None else ""))
    title, suffix_date = strip_site_suffix(declared, outlet, host)
    printed = printed_headline(tree, title, first_words) if tree is not None else None
    author = (page_author(tree, metas, ld, get("author"), outlet, first_words) if tree is not None
              else clean_author(get("author"), outlet))
    published = page_date(metas, ld) or suffix_date or get("date")
    return PageMeta(title=printed or title or None, outlet=outlet, author=author, published=published,
                    url=page_url)


def _site_host(tree: HtmlElement) -> str | None:
    """The site a saved page without a canonical URL came from: its ``<base href>`` or icon link."""
    for el in tree.xpath('//base[@href] | //link[contains(translate(@rel, "ICON", "icon"), "icon")][@href]'):
        host = urlsplit(el.get("href")).hostname
        if host:
            return host
    return None


def _metas(tree: HtmlElement) -> dict[str, str]:
    """First value of each ``<meta>`` of the head by its property/name/itemprop (lower case): the body's
    ``itemprop`` metas often describe other stories (a sidebar's dates)."""
    out: dict[str, str] = {}
    head = tree.find("head")
    for m in (head if head is not None else tree).iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = m.get("content")
        if key and value and value.strip() and key not in out:
            out[key] = value.strip()
    return out


def _json_ld(tree: HtmlElement) -> dict[str, object]:
    """The page's JSON-LD object describing the article (``NewsArticle``, ``Article``, ...), or {}."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except (ValueError, RecursionError):
            continue
        items = data.get("@graph", [data]) if isinstance(data, dict) else data if isinstance(data, list) else []
        for item in items:
            kind = item.get("@type") if isinstance(item, dict) else None
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith(("Article", "BlogPosting", "Report")) for k in kinds):
                return item
    return {}


def _ld_name(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) else None


def strip_site_suffix(title: str, outlet: str | None, host: str | None) -> tuple[str, str | None]:
    """``"<headline> | <Site> | <date>"`` → (headline, date of the suffix as ISO or None). A part is
    cut only at the end and only if it names the site (the outlet, the host) or is a date."""
    parts = TITLE_SEPARATORS.split(title)
    seps = TITLE_SEPARATORS.findall(title)
    found_date = None
    names = {_key(n) for n in (outlet, host, (host or "").split(".")[-2] if host and "." in host else None) if n}
    while len(parts) > 1:
        last = parts[-1].strip()
        iso = _numeric_date(last)
        if iso:
            found_date = found_date or iso
        elif not (_key(last) in names or any(_key(last) and (_key(last) in n or n in _key(last)) for n in names)):
            break
        parts.pop()
        seps.pop()
    head = parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=False))
    return head.strip(), found_date


def _key(s: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (s or "").lower().removeprefix("the ").removeprefix("www."))


def _numeric_date(s: str) -> str | None:
    m = NUMERIC_DATE.match(s)
    if m:
        day, month, year = (int(g) for g in m.groups())
        if 1 <= day <= 31 and 1 <= month <= 12:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return s[:10] if ISO_DATE.match(s) else None


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower().replace("’", "'")))


HEADLINE_CLASSES = {"headline", "entry-title", "article-title", "story-title", "article-headline", "post-title"}


def printed_headline(tree: HtmlElement, declared: str, first_words: str = "") -> str | None:
    """The headline the page prints. An ``h1`` (or an element marked as the headline) sharing at
    least half its words with the declared title; else the first element marked as the headline;
    else the last ``h1`` before the article's first paragraph (``first_words``). A headline
    followed by a button label ("Add to ...") that starts with the declared title gives the
    declared title."""
    best, best_score = None, 0.0
    want = _words(declared)
    marked: list[str] = []
    before_body: str | None = None
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if first_words and el.tag == "p" and squash(el.text_content()).startswith(first_words):
            break
        is_marked = el.get("itemprop") == "headline" or bool(HEADLINE_CLASSES & set((el.get("class") or "").split()))
        if el.tag not in ("h1", "h2") and not is_marked:
            continue
        text = squash(el.text_content())
        if not text or len(text) > 300 or el.tag == "meta":
            continue
        if is_marked and len(text.split()) >= 3:
            marked.append(text)
        if el.tag == "h1" and len(text.split()) >= 3:
            before_body = text
        got = _words(text)
        score = len(want & got) / max(len(want | got), 1) if want else 0.0
        if el.tag == "h2" and not is_marked:
            score -= 0.2  # a sub-heading only when no h1 comes close
        if score > best_score:
            best, best_score = text, score
    if best is None or best_score < 0.5:
        best = marked[0] if marked else before_body
    if best and declared and best.lower().startswith(declared.lower()) \
            and len(best.split()) - len(declared.split()) <= 4:
        return declared
    return best


def page_date(metas: dict[str, str], ld: dict[str, object]) -> str | None:
    """The article's own publication date from the markup: JSON-LD ``datePublished``, then
    ``article:published_time`` and the usual ``<meta>`` names. Malformed values are passed over
    (a date part that reads as a date is kept)."""
    candidates = [ld.get("datePublished")] + [metas.get(k) for k in (
        "article:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "dc.date.issued",
        "dc.date", "sailthru.date", "parsely-pub-date", "date")]
    for value in candidates:
        if not isinstance(value, str):
            continue
        value = value.strip().replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", value.strip()) else value.strip()
        if ISO_DATE.match(value):
            return value
        if re.match(r"^\d{4}-\d{2}-\d{2}(?!\d)", value):  # a malformed time after a good date
            return value[:10]
    return None


ORGANISATION_WORDS = re.compile(
    r"\b(media|group|news|press|times|post|journal|staff|reporters?|correspondents?|editors?|desk|agency|wire"
    r"|network|online|magazine|daily|herald|tribune|picayune|reuters|associated|inc|ltd)\b|\.(com|org|net|co)\b|www",
    re.I)


def page_author(tree: HtmlElement, metas: dict[str, str], ld: dict[str, object], found: str | None,
                outlet: str | None, first_words: str = "") -> str | None:
    """The byline: where the page prints it before the article's text (an element whose class says
    byline, or a line labelled "Author"), else the names in JSON-LD ``author``, Parse.ly's page data,
    ``<meta name=author>``, then a byline printed after the text (often another story's, in a rail),
    links marked ``rel=author``, and last trafilatura's guess; each cleaned of "By", affiliations and
    the outlet's own name."""
    before: list[str] = []
    after: list[str] = []
    for text, is_before in _printed_bylines(tree, first_words):
        names = clean_author(text, outlet, syndicated=True)
        if names:
            (before if is_before else after).append(names)
    if before:
        return before[0]
    ld_author = ld.get("author")
    ld_names = [_ld_name(a) for a in (ld_author if isinstance(ld_author, list) else [ld_author])]
    rel = []
    for a in tree.xpath('//a[@rel="author"]'):
        name = squash(a.text_content())
        if name and name not in rel:
            rel.append(name)
    for candidate in (join_names([n for n in ld_names if n]), _parsely_author(metas), metas.get("author"),
                      after[0] if after else None, join_names(rel), metas.get("article:author"), found):
        names = clean_author(candidate, outlet)
        if names:
            return names
    return None


AUTHOR_LABEL = re.compile(r"^(authors?|written by|reporting by)\s*:?\s+(.{3,80})$", re.I)


def _printed_bylines(tree: HtmlElement, first_words: str = "") -> Iterator[tuple[str, bool]]:
    """(text, before the article's first paragraph) of byline elements in document order: the innermost
    element whose class names the byline ("byline", "by_line_date"), ``itemprop=author``, an author
    element reading "By ...", or a short line labelled "Author". A video's or photo's credit
    ("Uploaded by") is not a byline."""
    before = True
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "link", "head", "title"):
            continue
        if first_words and before and el.tag == "p" and squash(el.text_content()).startswith(first_words):
            before = False
        cls = (el.get("class") or "").lower().replace("_", "")
        text = squash(el.text_content()) if len(el) <= 12 else ""
        if not text or len(text) > 300 or CREDIT_BY.match(text):
            continue
        if ("byline" in cls or el.get("itemprop") == "author" or ("author" in cls and text.lower().startswith("by "))) \
                and not any(_is_byline_element(d) for d in el.iterdescendants()):
            yield _byline_text(el), before
        elif el.tag in ("li", "p", "div", "span", "dd") and len(el) <= 3:
            m = AUTHOR_LABEL.match(text) if len(text) < 90 else None
            if m:
                yield m.group(2), before


CREDIT_BY = re.compile(r"^(uploaded|photos?|video|images?|pictures?|graphics?|illustrations?) by\b", re.I)


def _is_byline_element(el: HtmlElement) -> bool:
    return isinstance(el.tag, str) and ("byline" in (el.get("class") or "").lower().replace("_", "")
                                        or el.get("itemprop") == "author")


def _parsely_author(metas: dict[str, str]) -> str | None:
    try:
        data = json.loads(metas.get("parsely-page") or "{}")
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    authors = data.get("authors") or data.get("author")
    if isinstance(authors, list):
        return join_names([a for a in authors if isinstance(a, str)])
    return authors if isinstance(authors, str) else None


def _byline_text(el: HtmlElement) -> str:
    """A byline element's names: its ``itemprop=name`` or author children if marked, else its text."""
    marked = [squash(n.text_content()) for n in el.xpath('.//*[@itemprop="name"] | .//*[contains(@class, "author")]')]
    marked = [m for m in marked if m]
    return join_names(list(dict.fromkeys(marked))) if marked else squash(el.text_content())


def join_names(names: list[str]) -> str:
    """["A", "B", "C"] → "A, B and C"."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def split_names(byline: str) -> list[str]:
    """Names of a byline: split at commas, semicolons, "and", "&", "|"."""
    return [p.strip() for p in re.split(r"\s*(?:,|;|\||&|\band\b)\s*", byline) if p.strip()]


def clean_author(value: str | None, outlet: str | None, *, syndicated: bool = False) -> str | None:
    """A byline as names: no "By", no URL, no affiliation (", CNN", "Northeast Ohio Media Group"),
    not the outlet itself; None when no person's name is left. ``syndicated``: a printed byline
    naming another outlet ("By Fox News" on the New York Post) is kept as printed."""
    if not value or value.startswith(("http://", "https://")):
        return None
    text = squash(value)
    text = re.sub(r"^(written |posted |reported )?by\s*:?\s+", "", text, flags=re.I)
    text = re.split(r"\s+(?:\||—|–|-)\s+|\s*\n|\s+(?:updated|published|posted)\b", text, flags=re.I)[0]
    names = [n for n in split_names(text) if looks_like_name(n, outlet)]
    if not names:
        if syndicated and text and outlet is not None and _key(text) != _key(outlet) and ORGANISATION_WORDS.search(text) \
                and len(text.split()) <= 4 and not re.search(r"\d|@|www|\.(com|org)", text):
            return text  # a syndicating outlet's byline ("By Fox News") is what the page prints
        return None
    return join_names(names)


HOST_WORDS = {"com", "org", "net", "uk", "co", "de", "fr", "info", "io"}


def looks_like_name(s: str, outlet: str | None) -> bool:
    """A person's name: 2–5 words, each capitalised (or all capitals), no digits, no organisation word."""
    words = s.split()
    if not 2 <= len(words) <= 5 or len(s) > 50 or re.search(r"[\d@/:()]", s):
        return False
    if outlet and _key(s) == _key(outlet) or ORGANISATION_WORDS.search(s):
        return False
    if words[-1].lower() in HOST_WORDS:  # a host turned into words ("Jdoe Com")
        return False
    return all(w[0].isupper() or w.lower() in {"de", "van", "von", "da", "del", "la", "le", "bin", "al"}
               for w in words if w[0].isalpha())
