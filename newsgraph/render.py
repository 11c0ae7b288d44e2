"""Articles as a person reads them in a terminal: the report and the marked-up text."""

from __future__ import annotations

import re
import textwrap
from collections import defaultdict

from newsgraph.analyse.quotes.marks import ends_sentence
from newsgraph.model import Article, Quote

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


ACT_CHOICES = ("speech", "thought", "other", "all")
"""What a reader may list: speech (the default: what the source said or wrote), thoughts
(beliefs, hopes, wants), other attributions (what data shows, actions, criticised X), or all."""

QUOTE_LEGEND = (
    "“…” the speaker's own words (direct) · reported: the journalist's paraphrase, not the speaker's words "
    "(indirect) · partly quoted: a paraphrase with the speaker's words in their marks (mixed) · "
    "via “denied”: the words that report it, as the article writes them · "
    "the number is the confidence, the chance that the words and the speaker are right (for words in "
    "marks, as measured for the way the speaker was found; for reported speech, the model's probability) · "
    "↳ reported inside the quotation above it"
)
"""Every marker the quotation lists use, printed under each list."""


SHOW_LEGEND = (
    "Coloured: each speaker's quotations (direct words and reported speech alike; `quotes` tells them apart); "
    "underlined: the words naming the speaker; bold: headings; dim: boilerplate."
)
"""What ``show``'s markings mean."""


def wants_act(act: str | None, wanted: str) -> bool:
    """A quotation of ``act`` is listed under ``--act wanted``. Rows stored before acts existed
    (act NULL) are listed only with ``all``."""
    return wanted == "all" or act == wanted


def keep_acts(article: Article, act: str) -> None:
    """Keep the article's quotations of ``act`` only, renumbering ``parent`` indices (None when
    the enclosing quotation is left out): ``extract --act``, ``show``."""
    keep = [i for i, q in enumerate(article.quotes) if wants_act(q.act, act)]
    new_index = {old: new for new, old in enumerate(keep)}
    article.quotes = [article.quotes[i] for i in keep]
    for q in article.quotes:
        q.parent = new_index.get(q.parent) if q.parent is not None else None


def act_note(wanted: str, hidden: int) -> str | None:
    """Says what the act filter hides and how to see it."""
    if wanted == "all" or not hidden:
        return None
    return f"{hidden} other attribution{'s' if hidden != 1 else ''} hidden (thoughts, data, actions): use --act all"


def unattributed_note(hidden: int) -> str | None:
    """Says how many quotations with no speaker found a list hides, and how to see them."""
    if not hidden:
        return None
    return (f"{hidden} quotation{'s' if hidden != 1 else ''} with no speaker found hidden: use --unattributed "
            "include")


QUOTATION_MARKS = ("“", "”", '"', "«", "»", "„", "''")
"""A mixed quotation's content holding none of these is a bare fragment: only the speaker's words
(single marks are left out: they are apostrophes far more often)."""


def quote_line(who: str, content: str, kind: str, confidence: float, *, cue: str | None = None,
               lead: str | None = None) -> str:
    """One quotation as a reader sees it: direct words in quotation marks, paraphrase as
    reported speech without marks, so nothing the journalist wrote reads as the speaker's words
    (``who`` empty: under a heading that already names the speaker; ``lead``: `lead_in`)."""
    content = _one_line(content)
    conf = f"{confidence:.2f}"
    if kind == "direct":
        content = f"{_one_line(lead)} “{content}”" if lead else f"“{content}”"
        return f"{who}: {content}  [{conf}]" if who else f"{content}  [{conf}]"
    via = f" via “{_one_line(cue)}”" if cue else ""
    label = "partly quoted" if kind == "mixed" else "reported"
    content = _balanced(content) if kind == "mixed" else content
    if kind == "mixed" and lead:
        content = f"{_one_line(lead)} {content}"
    return f"{who + ', ' if who else ''}{label}: {content}  [{kind}{via} · {conf}]"


_SENTENCE_END = re.compile(r"[.!?;]\s|\n|\s[-–—]+\s")  # or a dash: an aside, maybe another sentence's words


def _another_sentence(words: str) -> bool:
    """The words hold a sentence end (not the stop of "Sen." or "Mr."), a line break or a dash."""
    return any(m.group()[0] != "." or ends_sentence(words, m.start()) for m in _SENTENCE_END.finditer(words))


def lead_in(kind: str, content: str, cue: str | None, gap: str | None) -> str | None:
    """The cue and the journalist's words between it and quoted words that complete its sentence
    (``agreed that the figures were`` before the fragment “slightly stronger than expected”;
    ``characterised the senator as`` before a direct quotation), shown before them so a reader
    sees what they are said of; the quotation stays the quoted words, as the gold files mark it.
    None unless they are a short stretch of one sentence with no other quotation, and the words
    are a bare fragment (mixed) or a quotation that is no sentence introduced by a colon (direct)."""
    if not cue or gap is None or kind not in ("mixed", "direct") or kind == "mixed" and not is_bare_fragment(content):
        return None
    words = gap.rstrip().rstrip("\"“‘'").rstrip()
    if kind == "direct" and (words.endswith(":") or not words.strip(" ,")):
        return None  # 'said: "…"', '"…," he said': the quotation stands on its own
    if len(words.split()) > 12 or any(m in words for m in QUOTATION_MARKS) or _another_sentence(words):
        return None
    return _one_line(f"{cue} {words.strip(' ,:')}") if words.strip(" ,:") else None


def is_bare_fragment(content: str) -> bool:
    """A mixed quotation's content with no quotation mark in it: only the speaker's words, shown in marks."""
    return not any(mark in content for mark in QUOTATION_MARKS)


def _balanced(content: str) -> str:
    """A partly quoted clause whose stored span stops before its closing mark gets it back, so a
    reader sees where the speaker's words end; a bare fragment (``was "not what we hoped for"``
    stored as the fragment alone) is all the speaker's words, so it is shown in marks."""
    if is_bare_fragment(content):
        return f"“{content}”"
    if content.count("“") > content.count("”"):
        return content + "”"
    if content.count("”") > content.count("“"):  # the opening mark was left before the span
        return "“" + content
    if content.count('"') % 2:
        return '"' + content if content.endswith('"') else content + '"'
    return content


def paging_note(shown: int, total: int, offset: int = 0) -> str | None:
    """"showing 50 of 332 — use --limit/--offset" when a list stops early (``--limit 0``: all)."""
    if shown >= total and not offset:
        return None
    first = offset + 1 if shown else offset
    return f"showing {first}–{offset + shown} of {total} — use --limit/--offset (--limit 0 for all)"


def speaker_label(name: str | None, descriptor: str | None) -> str:
    """Who a list names: the speaker, else the unnamed source's descriptor, else unattributed."""
    return name or (f"({descriptor})" if descriptor else "(unattributed)")


def _c(code: str, s: str, colour: bool) -> str:
    return f"{code}{s}{RESET}" if colour else s


def _one_line(s: str, width: int = 0) -> str:
    s = " ".join(s.split())
    return s if not width or len(s) <= width else s[: width - 1] + "…"


def report(article: Article, *, colour: bool = False, width: int = 100, act: str = "speech") -> str:
    """People, quotes grouped by speaker, places, dates: what a reader wants first. Quotations
    of ``act`` only (default speech; "all" for every attribution), with a legend."""
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
    listed = [q for q in article.quotes if wants_act(q.act, act)]
    quoted: dict[str, list[Quote]] = defaultdict(list)
    for q in listed:
        quoted[speaker_label(q.speaker.name, q.speaker.descriptor)].append(q)
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
    scope = "" if act == "all" else f" {act}"
    out.append(_c(BOLD, f"Quotes ({len(listed)}{scope})", colour))
    note = act_note(act, len(article.quotes) - len(listed))
    if note:
        out.append("  " + _c(DIM, note, colour))
    for i, (name, qs) in enumerate(quoted.items()):
        out.append("  " + _c(COLOURS[i % len(COLOURS)] + BOLD, name, colour))
        for q in qs:
            out.append(_report_quote(article, q, width, colour))
    if listed:
        out.append(_c(DIM, textwrap.fill(QUOTE_LEGEND, width, initial_indent="  ", subsequent_indent="  "), colour))
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


def _report_quote(article: Article, q: Quote, width: int, colour: bool) -> str:
    """A quotation under its speaker: words in marks when direct, marked as reported otherwise."""
    content = _one_line(" … ".join(article.span_text(s) for s in q.content_spans))
    nested = "↳ " if q.parent is not None else ""
    lead = lead_in(q.kind, content, article.span_text(q.cue), article.text[q.cue[1]:q.start]) \
        if q.cue and q.cue[1] <= q.start else None
    lead = f"{_one_line(lead)} " if lead else ""
    if q.kind == "direct":
        body, tail = f"{nested}{lead}“{content}”", f"[{q.confidence:.2f}]"
    else:
        label = "partly quoted" if q.kind == "mixed" else "reported"
        content = _balanced(content) if q.kind == "mixed" else content
        via = f" via “{_one_line(article.span_text(q.cue))}”" if q.cue else ""
        body, tail = f"{nested}{label}: {lead}{content}", f"[{q.kind}{via} · {q.confidence:.2f}]"
    if q.act != "speech":
        tail = tail[:-1] + f" · {q.act}]"
    text = textwrap.fill(body, width - 6, initial_indent="    ", subsequent_indent="      ")
    return text + " " + _c(DIM, tail, colour)


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
    key = SHOW_LEGEND if colour else "No colour: quotations are not marked (drop --no-colour to see them)."
    return "".join(out) + ("\n\nSpeakers: " + "  ".join(legend) if legend else "") + "\n" + key
