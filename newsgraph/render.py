"""Articles as a person reads them in a terminal: the report and the marked-up text."""

from __future__ import annotations

import re
import textwrap
from collections import defaultdict

from newsgraph.model import Article

RESET = "\033[0m"
COLOURS = ["\033[36m", "\033[33m", "\033[35m", "\033[32m", "\033[34m", "\033[31m"]
BOLD, DIM, UNDER = "\033[1m", "\033[2m", "\033[4m"


_SGR = re.compile(r"(\x1b\[[0-9;]*m)")
_CONTROLS = {c: 0x2400 + c for c in range(0x20) if chr(c) not in "\t\n\r"}
_CONTROLS.update({0x7F: 0x2421, **{c: 0xFFFD for c in range(0x80, 0xA0)}})


def terminal_safe(s: str) -> str:
    """Control characters shown as symbols (␛, ␇), keeping only colour codes (SGR).

    Article text is untrusted: an escape sequence in it must not set the terminal's
    title, clear the screen or move the cursor when newsgraph prints it.
    """
    parts = _SGR.split(s)
    return "".join(p if i % 2 else p.translate(_CONTROLS) for i, p in enumerate(parts))


def _c(code: str, s: str, colour: bool) -> str:
    return f"{code}{s}{RESET}" if colour else s


def _one_line(s: str, width: int = 0) -> str:
    s = " ".join(s.split())
    return s if not width or len(s) <= width else s[: width - 1] + "…"


def report(article: Article, *, colour: bool = False, width: int = 100) -> str:
    """People, quotes grouped by speaker, places, dates: what a reader wants first."""
    out: list[str] = []
    title = article.title or article.document
    out.append(_c(BOLD, title, colour))
    out.append("=" * min(width, len(title)))
    meta = [x for x in (article.published, article.outlet, article.source) if x]
    if meta:
        out.append(" · ".join(meta))
    people = [e for e in article.entities if e.type == "PERSON"]
    out.append("")
    out.append(_c(BOLD, f"People ({len(people)})", colour))
    quoted = defaultdict(list)
    for q in article.quotes:
        quoted[q.speaker.name or (f"({q.speaker.descriptor})" if q.speaker.descriptor else "(unattributed)")].append(q)
    for e in people:
        extra = []
        if e.roles:
            extra.append(", ".join(e.roles))
        if e.aliases:
            extra.append("also: " + ", ".join(e.aliases))
        n = len(quoted.get(e.name, []))
        extra.append(f"{len(e.mentions)} mentions, {n} quotes")
        out.append(f"  {e.name}  " + _c(DIM, "; ".join(extra), colour))
    orgs = [e for e in article.entities if e.type == "ORG"]
    if orgs:
        out.append("")
        out.append(_c(BOLD, f"Organisations ({len(orgs)})", colour))
        out.append(textwrap.fill(", ".join(e.name for e in orgs), width, initial_indent="  ", subsequent_indent="  "))
    out.append("")
    out.append(_c(BOLD, f"Quotes ({len(article.quotes)})", colour))
    for i, (name, qs) in enumerate(quoted.items()):
        out.append("  " + _c(COLOURS[i % len(COLOURS)] + BOLD, name, colour))
        for q in qs:
            content = " … ".join(article.span_text(s) for s in q.content_spans)
            mark = {"direct": "“”", "mixed": "“…”", "indirect": "~"}.get(q.kind, "")
            via = f" [{article.span_text(q.speaker.mention)}" if q.speaker.mention else " ["
            via += f" {article.span_text(q.cue)}]" if q.cue else "]"
            body = textwrap.fill(_one_line(content), width - 6, initial_indent="    ", subsequent_indent="      ")
            out.append(body + " " + _c(DIM, f"{mark}{via}", colour))
    places = [e for e in article.entities if e.type in ("GPE", "LOC", "FAC")]
    out.append("")
    out.append(_c(BOLD, f"Places ({len(places)})", colour))
    for e in places:
        geo = f"  ({e.geo['lat']:.2f}, {e.geo['lon']:.2f})" if e.geo and e.geo.get("lat") is not None else ""
        if e.geo and e.geo.get("country") and e.geo["country"] != e.name:
            geo += f" {e.geo['country']}"
        alias = f"  also: {', '.join(e.aliases)}" if e.aliases else ""
        out.append(f"  {e.name}{_c(DIM, geo + alias, colour)}")
    out.extend(_timeline(article, colour=colour, width=width))
    return "\n".join(out)


def _timeline(article: Article, *, colour: bool, width: int) -> list[str]:
    """Dated events oldest first; quotations counted per date; unresolved expressions named, not dated."""
    events = [ev for ev in article.timeline if ev.kind != "quote"]
    quotes_by_date: dict[str, int] = defaultdict(int)
    for ev in article.timeline:
        if ev.kind == "quote" and ev.date:
            quotes_by_date[ev.date] += 1
    out = ["", _c(BOLD, f"Timeline ({len(events)} events)", colour)]
    for ev in events:
        out.append(textwrap.fill(f"{ev.date or '?':>10}  {_one_line(ev.text)}", width, subsequent_indent=" " * 12))
        who = ", ".join(ev.participants + ev.places)
        if who:
            out.append(" " * 12 + _c(DIM, who, colour))
    for date, n in sorted(quotes_by_date.items()):
        out.append(f"{date:>10}  " + _c(DIM, f"{n} quotation{'s' if n != 1 else ''} (dated by the article)", colour))
    unresolved = [t.text for t in article.times if t.value is None]
    if unresolved:
        note = "undated (nothing anchors them): " + ", ".join(f"“{_one_line(t)}”" for t in unresolved)
        out.append(_c(DIM, textwrap.fill(note, width, initial_indent="  ", subsequent_indent="    "), colour))
    return out


def show(article: Article, *, colour: bool = True) -> str:
    """The article text with quotations coloured per speaker, speakers underlined, boilerplate dim."""
    text = article.text
    speakers: dict[str, int] = {}
    marks: list[tuple[int, int, str]] = []  # (pos, order, code) — order: closes before opens
    for q in article.quotes:
        key = q.speaker.name or "?"
        code = COLOURS[speakers.setdefault(key, len(speakers)) % len(COLOURS)]
        for s, e in q.content_spans:
            marks.append((s, 1, code))
            marks.append((e, 0, RESET))
        if q.speaker.mention:
            marks.append((q.speaker.mention[0], 1, code + UNDER + BOLD))
            marks.append((q.speaker.mention[1], 0, RESET))
    for s, e in article.boilerplate:
        marks.append((s, 1, DIM))
        marks.append((e, 0, RESET))
    for s, e in article.headings:
        marks.append((s, 1, BOLD))
        marks.append((e, 0, RESET))
    if not colour:
        marks = []
    out, pos = [], 0
    active: list[str] = []
    for p, _order, code in sorted(marks):
        out.append(text[pos:p])
        pos = p
        if code == RESET:
            if active:
                active.pop()
            out.append(RESET + "".join(active))
        else:
            active.append(code)
            out.append(code)
    out.append(text[pos:])
    legend = [f"{COLOURS[i % len(COLOURS)]}■{RESET} {name}" if colour else f"- {name}"
              for name, i in speakers.items()]
    return "".join(out) + ("\n\nSpeakers: " + "  ".join(legend) if legend else "")
