"""Charts drawn on the server as SVG (no JavaScript, no CDN): a dyad timeline and an actor network.

Every text placed in the SVG is escaped; the colours are the quad classes' (verbal/material
cooperation in greens, verbal/material conflict in oranges/reds).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from typing import Any

__all__ = ["QUAD_COLOURS", "network_svg", "timeline_svg"]

QUAD_COLOURS = {"1": "#7fbf7b", "2": "#1b7837", "3": "#f1a340", "4": "#b2182b"}
QUAD_NAMES = {
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}


def _label(period: str, by: str) -> str:
    return period[:7] if by == "month" else period[:10]


def _goldstein_path(points: Sequence[tuple[float, float | None]]) -> str:
    """An SVG path through the points, broken where a period has no events (``None``): a line never
    joins two periods across a quiet one."""
    parts: list[str] = []
    pen_down = False
    for x, y in points:
        if y is None:
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{x:.1f},{y:.1f}")
        pen_down = True
    return " ".join(parts)


def timeline_svg(
    rows: Sequence[dict[str, Any]], by: str = "month", width: int = 860, height: int = 330
) -> str:
    """Events per period stacked by quad class (bars, left axis) and the mean Goldstein score (line,
    right axis from -10 to +10).  ``rows`` are consecutive periods (zero-filled, as
    :func:`eventwire.query.trends.trend` gives them): each has its slot on a continuous time axis, a
    quiet period shows no bar and breaks the Goldstein line.  The legend sits above the plot and the
    period labels below it, apart."""
    left, right, top, bottom = 48, 48, 34, 64
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(rows), 1)
    most = max((r["events"] for r in rows), default=0)
    peak = max(4, math.ceil(most / 4) * 4)  # four equal whole-number steps on the left axis
    slot = plot_w / n
    bar = min(max(1.0, slot * 0.7), 48.0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart timeline" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="events per {escape(by)} by quad class" '
        f'data-periods="{len(rows)}">',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#ddd"/>',
    ]
    lx = left  # legend, above the plot
    for q, name in QUAD_NAMES.items():
        parts.append(f'<rect x="{lx}" y="8" width="10" height="10" fill="{QUAD_COLOURS[q]}"/>')
        parts.append(f'<text class="legend" x="{lx + 14}" y="17" font-size="11">{name}</text>')
        lx += 150
    parts.append(f'<line x1="{lx}" x2="{lx + 16}" y1="13" y2="13" stroke="#2c3e91" stroke-width="2"/>')
    parts.append(f'<text class="legend" x="{lx + 20}" y="17" font-size="11">mean Goldstein</text>')
    for i in range(5):  # left axis: events
        y = top + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{peak * i // 4}</text>'
        )
    for g in (-10, 0, 10):  # right axis: Goldstein
        y = top + plot_h * (10 - g) / 20
        parts.append(
            f'<text x="{left + plot_w + 6}" y="{y + 4:.1f}" font-size="11" fill="#333">{g:+d}</text>'
        )
    points: list[tuple[float, float | None]] = []
    dots = []
    label_every = max(1, math.ceil(n / 12))
    for i, r in enumerate(rows):
        period = escape(_label(str(r["period"]), by))
        x0 = left + i * slot
        x = x0 + (slot - bar) / 2
        # the whole slot carries the period's figures on hover, a quiet one too
        parts.append(
            f'<rect class="slot" x="{x0:.1f}" y="{top}" width="{slot:.2f}" height="{plot_h}" '
            f'fill="transparent"><title>{period}: {r["events"]} events</title></rect>'
        )
        y = top + plot_h
        for q in ("1", "2", "3", "4"):
            count = r["by_quad"].get(q, 0)
            if not count:
                continue
            h = plot_h * count / peak
            y -= h
            parts.append(
                f'<rect class="bar q{q}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{QUAD_COLOURS[q]}"><title>{period}: {count} {QUAD_NAMES[q]}</title></rect>'
            )
        mean = r.get("mean_goldstein")
        gy = top + plot_h * (10 - float(mean)) / 20 if mean is not None else None
        points.append((x + bar / 2, gy))
        if gy is not None:
            dots.append(
                f'<circle cx="{x + bar / 2:.1f}" cy="{gy:.1f}" r="3" fill="#2c3e91"><title>{period}: '
                f"mean Goldstein {float(mean):+.2f}</title></circle>"  # type: ignore[arg-type]
            )
        if i % label_every == 0:
            tx, ty = x0 + slot / 2, top + plot_h + 14
            parts.append(
                f'<text class="period" x="{tx:.1f}" y="{ty:.1f}" font-size="10" text-anchor="end" '
                f'transform="rotate(-40 {tx:.1f} {ty:.1f})">{period}</text>'
            )
    path = _goldstein_path(points)
    if path:
        parts.append(f'<path class="goldstein" d="{path}" fill="none" stroke="#2c3e91" stroke-width="2"/>')
    parts.extend(dots)
    parts.append("</svg>")
    return "".join(parts)


def network_svg(center: str, partners: Sequence[dict[str, Any]], size: int = 460) -> str:
    """The actor in the middle, its partners on a circle; an edge's width grows with the events, its
    colour goes from red (all conflict) to green (all cooperation)."""
    c = size / 2
    radius = size / 2 - 50
    peak = max((p["events"] for p in partners), default=1) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart network" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-label="relations of {escape(center)}">'
    ]
    nodes = []
    for i, p in enumerate(partners):
        angle = 2 * math.pi * i / max(len(partners), 1) - math.pi / 2
        x, y = c + radius * math.cos(angle), c + radius * math.sin(angle)
        share = p["cooperation"] / p["events"] if p["events"] else 0.5
        colour = f"rgb({int(200 * (1 - share))},{int(150 * share)},60)"
        w = 1 + 7 * p["events"] / peak
        parts.append(
            f'<line x1="{c:.1f}" y1="{c:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{colour}" '
            f'stroke-width="{w:.1f}">'
            f"<title>{escape(center)} – {escape(p['partner'])}: {p['events']} events, {p['cooperation']} "
            f"cooperation, {p['conflict']} conflict</title></line>"
        )
        nodes.append((x, y, p["partner"]))
    for x, y, name in nodes:
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="18" fill="#fff" stroke="#555"/>')
        parts.append(
            f'<a href="/actor/{escape(name)}"><text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" '
            f'font-size="11">{escape(name)}</text></a>'
        )
    parts.append(f'<circle cx="{c:.1f}" cy="{c:.1f}" r="26" fill="#2c3e91"/>')
    parts.append(
        f'<text x="{c:.1f}" y="{c + 4:.1f}" text-anchor="middle" font-size="12" fill="#fff">'
        f"{escape(center)}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
