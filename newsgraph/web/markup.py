"""An article as HTML: quotations, speakers, entities, dates and boilerplate marked on its text.

The text is untrusted. Every character of it is emitted through ``html.escape`` between
span boundaries; tags come only from this module. Overlapping spans are nested by a fixed
priority and closed/reopened at boundaries, so the output is always well-formed.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from urllib.parse import quote as urlquote

from markupsafe import Markup

from newsgraph.model import Article, Quote

PALETTE_SIZE = 8
ENTITY_CLASS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
# nesting priority: outer first
BOILER, QUOTE, SPEAKER, ENTITY, TIME = range(5)


def person_url(name: str) -> str:
    return "/person/" + urlquote(name, safe="")


def map_url(name: str) -> str:
    return "/map?place=" + urlquote(name, safe="")


def place_url(name: str) -> str:
    return "/place/" + urlquote(name, safe="")


def script_json(data: object) -> str:
    """JSON for a ``<script type="application/json">`` block: '<' escaped so no text can close it."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


@dataclass(frozen=True, order=True)
class _Mark:
    priority: int
    start: int
    neg_end: int
    tag: str = field(compare=False)
    attrs: tuple[tuple[str, str], ...] = field(compare=False)
    link: bool = field(compare=False, default=False)  # an <a>; rendered as <span> inside another link

    @property
    def end(self) -> int:
        return -self.neg_end

    def open(self, inside_link: bool) -> str:
        tag = "span" if self.link and inside_link else self.tag
        attrs = self.attrs if tag != "span" or not self.link else tuple(kv for kv in self.attrs if kv[0] != "href")
        return f"<{tag}" + "".join(f' {k}="{html.escape(v)}"' for k, v in attrs) + ">"

    def close(self, inside_link: bool) -> str:
        return f"</{'span' if self.link and inside_link else self.tag}>"


@dataclass
class SpeakerKey:
    """One speaker's colour in an article: the legend and the quote classes share it."""

    name: str | None
    label: str
    colour: str
    quotes: int = 0


def speaker_label(q: Quote) -> str:
    """The speaker's name, else "(descriptor)" such as "(a source)", else "(unattributed)"."""
    return q.speaker.name or (q.speaker.descriptor and f"({q.speaker.descriptor})") or "(unattributed)"


def speaker_keys(article: Article) -> dict[str, SpeakerKey]:
    """Speakers by first quotation, each with a colour class (``s0``…); unnamed ones share ``s-none``."""
    keys: dict[str, SpeakerKey] = {}
    for q in article.quotes:
        name, label = q.speaker.name, speaker_label(q)
        if label not in keys:
            named = sum(1 for k in keys.values() if k.name)
            keys[label] = SpeakerKey(name, label, f"s{named % PALETTE_SIZE}" if name else "s-none")
        keys[label].quotes += 1
    return keys


CLOSING_MARKS = "\u201d\u2019\"'\u00bb\u203a"


def _after_closing_mark(text: str, pos: int) -> int:
    """Where a quote's attribution goes: after its closing quotation mark (and a comma before it)."""
    end = pos
    while end < len(text) and end - pos < 2 and text[end] in CLOSING_MARKS + ",":
        end += 1
    return end if end > pos and text[end - 1] in CLOSING_MARKS else pos


def _marks(article: Article, keys: dict[str, SpeakerKey]) -> tuple[list[_Mark], dict[int, list[str]]]:
    marks: list[_Mark] = []
    inserts: dict[int, list[str]] = {}
    n = len(article.text)

    def add(priority: int, s: int, e: int, tag: str, attrs: dict[str, str], link: bool = False) -> None:
        s, e = max(0, s), min(n, e)
        if s < e:
            marks.append(_Mark(priority, s, -e, tag, tuple(attrs.items()), link))

    for s, e in article.boilerplate:
        add(BOILER, s, e, "span", {"class": "boiler", "title": "removed as boilerplate"})
    for i, q in enumerate(article.quotes):
        key = keys[speaker_label(q)]
        title = f"{q.kind} quotation — {key.label}"
        for s, e in q.content_spans:
            add(QUOTE, s, e, "mark", {"class": f"q {key.colour} k-{q.kind}", "data-quote": str(i),
                                     "data-speaker": key.label, "title": title})
        if q.speaker.mention:
            attrs = {"class": f"spk {key.colour}", "title": f"speaker: {key.label}"}
            if key.name:
                attrs["href"] = person_url(key.name)
            add(SPEAKER, *q.speaker.mention, "a" if key.name else "span", attrs, link=bool(key.name))
        who = (f'<a class="who {key.colour}" href="{html.escape(person_url(key.name))}">{html.escape(key.label)}</a>'
               if key.name else f'<span class="who {key.colour}">{html.escape(key.label)}</span>')
        inserts.setdefault(_after_closing_mark(article.text, q.end), []).append(who)
        inserts.setdefault(q.start, []).append(f'<span class="anchor" id="q{q.start}"></span>')
    for ent in article.entities:
        kind = ENTITY_CLASS.get(ent.type)
        if not kind:
            continue
        for s, e in ent.mentions:
            attrs = {"class": f"ent {kind}", "title": f"{ent.type}: {ent.name}"}
            if kind == "person":
                add(ENTITY, s, e, "a", {**attrs, "href": person_url(ent.name)}, link=True)
            elif kind == "place":
                add(ENTITY, s, e, "a", {**attrs, "href": place_url(ent.name)}, link=True)
            else:
                add(ENTITY, s, e, "span", attrs)
    for t in article.times:
        add(TIME, *t.span, "time", {"class": "t", "title": t.value or "date not resolved",
                                    **({"datetime": t.value} if t.value else {})})
    for i, ev in enumerate(article.timeline):
        inserts.setdefault(ev.span[0], []).insert(0, f'<span class="anchor" id="ev-{i}"></span>')
    return sorted(marks), inserts


def _inline(text: str, lo: int, hi: int, marks: list[_Mark], inserts: dict[int, list[str]]) -> str:
    """Text[lo:hi] escaped, with the marks that overlap it opened and closed at every boundary."""
    inside = [m for m in marks if m.start < hi and m.end > lo]
    points = sorted({lo, hi, *(p for m in inside for p in (m.start, m.end) if lo < p < hi),
                     *(p for p in inserts if lo < p <= hi)})
    out: list[str] = []
    stack: list[_Mark] = []

    def close_to(depth: int) -> None:
        while len(stack) > depth:
            m = stack.pop()
            out.append(m.close(any(x.link for x in stack)))

    for a, b in zip(points, points[1:], strict=False):
        if a in inserts and a > lo:
            close_to(0)
            out.extend(inserts[a])
        want = [m for m in inside if m.start <= a and m.end >= b]
        common = 0
        while common < min(len(stack), len(want)) and stack[common] is want[common]:
            common += 1
        close_to(common)
        for m in want[common:]:
            out.append(m.open(any(x.link for x in stack)))
            stack.append(m)
        out.append(html.escape(text[a:b], quote=False))
    close_to(0)
    if hi in inserts:
        out.extend(inserts[hi])
    return "".join(out)


def title_in_text(article: Article) -> bool:
    """Whether the text opens with the title as a heading (BBC-style files): the page's <h1> shows it,
    so the text's copy is rendered small rather than as a second big heading."""
    blocks = sorted(article.paragraphs, key=lambda p: p.start)
    return bool(article.title and blocks and blocks[0].kind == "heading"
                and " ".join(article.span_text((blocks[0].start, blocks[0].end)).split())
                == " ".join(article.title.split()))


def article_html(article: Article, keys: dict[str, SpeakerKey] | None = None) -> Markup:
    """The article as blocks: paragraphs, headings, and faint boilerplate between them."""
    keys = keys if keys is not None else speaker_keys(article)
    marks, inserts = _marks(article, keys)
    text = article.text
    blocks = sorted((p.start, p.end, p.kind) for p in article.paragraphs) or [(0, len(text), "text")]
    first_is_title = title_in_text(article)
    out: list[str] = []
    pos = 0
    for i, (start, end, kind) in enumerate(blocks):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        if text[pos:start].strip():
            out.append(f'<div class="gap">{_inline(text, pos, start, marks, inserts)}</div>')
        tag = "h2" if kind == "heading" else "p"
        attrs = ' class="title-line"' if i == 0 and first_is_title else ""
        out.append(f"<{tag}{attrs}>{_inline(text, start, end, marks, inserts)}</{tag}>")
        pos = end
    if text[pos:].strip():
        out.append(f'<div class="gap">{_inline(text, pos, len(text), marks, inserts)}</div>')
    return Markup("\n".join(out))


def highlight_html(highlighted: str) -> Markup:
    """FTS5 ``highlight()`` output with ``[[``/``]]`` markers: escape first, then markers become <mark>."""
    escaped = html.escape(highlighted, quote=False)
    return Markup(escaped.replace("[[", "<mark>").replace("]]", "</mark>"))


def spans_html(text: str, spans: list[list[int]] | list[tuple[int, int]]) -> Markup:
    """``text`` escaped, each span (a search match) in <mark>: the spans come from the query, not the text."""
    out, pos = [], 0
    for s, e in spans:
        out += [html.escape(text[pos:s], quote=False), "<mark>", html.escape(text[s:e], quote=False), "</mark>"]
        pos = e
    return Markup("".join(out) + html.escape(text[pos:], quote=False))
