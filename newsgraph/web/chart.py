"""Events per year as an inline SVG bar chart: no JavaScript, works offline, bars are links.

Up to ``MAX_SPAN`` years the axis is continuous (gaps between years show as gaps); beyond,
bars are the years that have events, or decades when there are too many of those.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from markupsafe import Markup

MAX_SPAN = 120  # years on a continuous axis
MAX_BARS = 60  # distinct years on a categorical axis before grouping by decade
WIDTH, HEIGHT, PAD_TOP, PAD_BOTTOM, PAD_SIDE = 900, 180, 16, 34, 20
MAX_BAR_W = 36
LABEL_SPACING = 42  # viewBox units between year labels (a label is about 30 wide)


def bucket(counts: list[dict]) -> list[tuple[str, str, str, int]]:
    """(label, date_from, date_to, events) per slot; empty years included on a continuous axis."""
    by_year = {int(c["year"]): c["events"] for c in counts}
    if not by_year:
        return []
    lo, hi = min(by_year), max(by_year)
    if hi - lo < MAX_SPAN:
        return [(str(y), str(y), str(y), by_year.get(y, 0)) for y in range(lo, hi + 1)]
    if len(by_year) <= MAX_BARS:
        return [(str(y), str(y), str(y), n) for y, n in sorted(by_year.items())]
    decades: dict[int, int] = {}
    for y, n in by_year.items():
        decades[y // 10] = decades.get(y // 10, 0) + n
    return [(f"{d}0s", f"{d}0", f"{d}9", n) for d, n in sorted(decades.items())]


def year_chart(counts: list[dict], link: Callable[[str, str], str], *, width: int = WIDTH,
               height: int = HEIGHT) -> Markup:
    """``counts``: [{"year", "events"}]; ``link(date_from, date_to)`` gives each bar's URL.
    A narrow ``width`` (a sidebar) keeps the text legible when the SVG is scaled to fit."""
    slots = bucket(counts)
    if not slots:
        return Markup("")  # the page says there are no events
    top = max(n for *_, n in slots)
    slot = (width - 2 * PAD_SIDE) / len(slots)
    bar_w = min(MAX_BAR_W, max(1.5, slot * 0.8))
    plot_h = height - PAD_TOP - PAD_BOTTOM
    base = height - PAD_BOTTOM
    continuous = all(s[0].isdigit() for s in slots) and len(slots) == int(slots[-1][0]) - int(slots[0][0]) + 1
    step = next((k for k in (1, 2, 5, 10, 20, 25, 50) if k * slot >= LABEL_SPACING), 100)
    bars = sum(1 for *_, n in slots if n)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="events per year">',
             f'<line class="axis" x1="{PAD_SIDE}" y1="{base}" x2="{width - PAD_SIDE}" y2="{base}"/>']
    for i, (label, lo, hi, n) in enumerate(slots):
        cx = PAD_SIDE + (i + 0.5) * slot
        if n:
            h = max(2.0, plot_h * n / top)
            tip = html.escape(f"{label}: {n} event{'s' if n != 1 else ''}")
            parts.append(f'<a href="{html.escape(link(lo, hi))}"><rect class="bar" x="{cx - bar_w / 2:.1f}" '
                         f'y="{base - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}"><title>{tip}</title></rect></a>')
            if n == top or bars <= 25:
                parts.append(f'<text class="count" x="{cx:.1f}" y="{base - h - 3:.1f}">{n}</text>')
        if (int(label) % step == 0) if continuous else (i % step == 0):
            parts.append(f'<text class="year" x="{cx:.1f}" y="{base + 16}">{html.escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def attention_chart(periods: list[dict], link: Callable[[str], str], *, width: int = WIDTH,
                    height: int = HEIGHT) -> Markup:
    """Articles and quotations per period (``[{"period", "articles", "quotes"}]``) as paired bars on
    one axis, each bar a link (``link(period)``) to the quotations of that period; a legend names the
    two series. Empty periods keep their place, so a gap in attention shows as a gap."""
    if not periods:
        return Markup("")
    top = max(max(p["articles"], p["quotes"]) for p in periods) or 1
    slot = (width - 2 * PAD_SIDE) / len(periods)
    bar_w = min(MAX_BAR_W / 2, max(1.0, slot * 0.4))
    plot_h = height - PAD_TOP - PAD_BOTTOM
    base = height - PAD_BOTTOM
    step = next((k for k in (1, 2, 3, 4, 6, 12, 13, 26, 52) if k * slot >= LABEL_SPACING * 1.6), 104)
    parts = [f'<svg class="chart attention" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="articles and quotations per period">',
             f'<line class="axis" x1="{PAD_SIDE}" y1="{base}" x2="{width - PAD_SIDE}" y2="{base}"/>',
             f'<rect class="bar articles" x="{width - 230}" y="2" width="10" height="10"/>'
             f'<text class="legend" x="{width - 216}" y="11">articles</text>'
             f'<rect class="bar quotes" x="{width - 140}" y="2" width="10" height="10"/>'
             f'<text class="legend" x="{width - 126}" y="11">quotations</text>']
    for i, p in enumerate(periods):
        cx = PAD_SIDE + (i + 0.5) * slot
        for k, (series, n) in enumerate((("articles", p["articles"]), ("quotes", p["quotes"]))):
            if not n:
                continue
            h = max(2.0, plot_h * n / top)
            x = cx - bar_w + k * bar_w
            tip = html.escape(f"{p['period']}: {n} {'article' if series == 'articles' else 'quotation'}"
                              f"{'s' if n != 1 else ''}")
            parts.append(f'<a href="{html.escape(link(p["period"]))}"><rect class="bar {series}" x="{x:.1f}" '
                         f'y="{base - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}"><title>{tip}</title></rect></a>')
        if i % step == 0:
            parts.append(f'<text class="year" x="{cx:.1f}" y="{base + 16}">{html.escape(p["period"])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
