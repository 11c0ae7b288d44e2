"""Events per year as an inline SVG bar chart: no JavaScript, works offline, bars are links."""

from __future__ import annotations

import html
from collections.abc import Callable

from markupsafe import Markup

MAX_BARS = 60  # more distinct years than this are grouped by decade
WIDTH, HEIGHT, PAD_TOP, PAD_BOTTOM = 900, 180, 16, 34


def bucket(counts: list[dict], max_bars: int = MAX_BARS) -> list[tuple[str, str, str, int]]:
    """(label, date_from, date_to, events) per bar: years, or decades when there are too many years."""
    if len(counts) <= max_bars:
        return [(c["year"], c["year"], c["year"], c["events"]) for c in counts]
    decades: dict[str, int] = {}
    for c in counts:
        d = c["year"][:3]
        decades[d] = decades.get(d, 0) + c["events"]
    return [(f"{d}0s", f"{d}0", f"{d}9", n) for d, n in decades.items()]


def year_chart(counts: list[dict], link: Callable[[str, str], str]) -> Markup:
    """``counts``: [{"year", "events"}] sorted; ``link(date_from, date_to)`` gives each bar's URL."""
    bars = bucket(counts)
    if not bars:
        return Markup('<p class="muted">No dated events.</p>')
    top = max(n for *_, n in bars)
    slot = WIDTH / len(bars)
    bar_w = max(2.0, slot * 0.8)
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    label_every = max(1, round(len(bars) / 15))
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="events per year">',
             f'<line class="axis" x1="0" y1="{HEIGHT - PAD_BOTTOM}" x2="{WIDTH}" y2="{HEIGHT - PAD_BOTTOM}"/>']
    for i, (label, lo, hi, n) in enumerate(bars):
        h = max(1.0, plot_h * n / top)
        x = i * slot + (slot - bar_w) / 2
        y = HEIGHT - PAD_BOTTOM - h
        tip = html.escape(f"{label}: {n} event{'s' if n != 1 else ''}")
        parts.append(f'<a href="{html.escape(link(lo, hi))}"><rect class="bar" x="{x:.1f}" y="{y:.1f}" '
                     f'width="{bar_w:.1f}" height="{h:.1f}"><title>{tip}</title></rect></a>')
        if n == top or len(bars) <= 20:
            parts.append(f'<text class="count" x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}">{n}</text>')
        if i % label_every == 0:
            parts.append(f'<text class="year" x="{x + bar_w / 2:.1f}" y="{HEIGHT - PAD_BOTTOM + 16}">'
                         f'{html.escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
