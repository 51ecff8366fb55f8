"""Small hand-written SVG charts: bars by year and the co-author graph.
Each is an accessible image (role="img", <title> and <desc>); every bar and
node has its own <title>, which browsers show on hover."""

from __future__ import annotations

import math
from html import escape
from typing import Any

from markupsafe import Markup


def _open(width: Any, height: Any, uid: Any, title: Any, desc: Any) -> list[Any]:
    return [f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="{uid}-t {uid}-d" '
            f'class="chart" xmlns="http://www.w3.org/2000/svg">',
            f'<title id="{uid}-t">{escape(title)}</title>', f'<desc id="{uid}-d">{escape(desc)}</desc>']


def bars(counts: dict[Any, Any], uid: str, title: str, unit: str) -> Markup:
    """A bar per year from the first to the last (missing years show as gaps)."""
    if not counts:
        return Markup("")
    years = list(range(min(counts), max(counts) + 1))
    width, height, left, bottom, top = 480, 200, 34, 28, 12
    peak = max(counts.values()) or 1
    step = (width - left - 8) / len(years)
    desc = ", ".join(f"{y}: {counts[y]} {unit}" for y in years if counts.get(y))
    out = _open(width, height, uid, title, desc)
    plot = height - bottom - top
    # Three gridlines with their values.
    for k in range(4):
        v = round(peak * k / 3)
        y = height - bottom - plot * (v / peak)
        out.append(f'<line class="grid" x1="{left}" x2="{width - 4}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="axis" x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{v}</text>')
    label_every = max(1, math.ceil(len(years) / 10))
    for k, year in enumerate(years):
        n = counts.get(year, 0)
        h = plot * n / peak
        bar = min(step * 0.7, 40)  # a few years do not make slabs
        x = left + k * step + (step - bar) / 2
        out.append(f'<rect class="bar" x="{x:.1f}" y="{height - bottom - h:.1f}" width="{bar:.1f}" '
                   f'height="{h:.1f}"><title>{year}: {n} {unit}</title></rect>')
        if k % label_every == 0 or k == len(years) - 1:
            out.append(f'<text class="axis" x="{x + bar / 2:.1f}" y="{height - bottom + 16}" '
                       f'text-anchor="middle">{year}</text>')
    out.append("</svg>")
    return Markup("\n".join(out))


def coauthor_graph(owner_name: str, owner_id: Any, coauthors: list[Any], links: dict[Any, Any], uid: str, limit: int = 20,
                   compact: bool = False) -> Markup:
    """The owner in the middle, the closest `limit` co-authors around, each
    joined to the owner by a line as thick as their shared works, and to each
    other where they wrote one of the owner's works together.
    `coauthors`: [(person_id, name, shared)] most shared first;
    `links`: {(a, b): shared} between co-authors.
    `compact`: the phone version, fewer people labelled by surname in larger type."""
    if not coauthors:
        return Markup("")
    shown = coauthors[:limit]
    width, height, radius = (440, 400, 118) if compact else (640, 420, 150)  # room for the names beside the ring
    cx, cy = width / 2, height / 2
    peak = max(n for _, _, n in shown)
    where = {}
    for k, (pid, _, _) in enumerate(shown):
        angle = 2 * math.pi * k / len(shown) - math.pi / 2
        where[pid] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    desc = (f"{owner_name} and the {len(shown)} co-authors sharing the most works: "
            + ", ".join(f"{name} ({n})" for _, name, n in shown))
    out = _open(width, height, uid, f"Co-authors of {owner_name}", desc)
    out[0] = out[0].replace('class="chart"', f'class="chart graph{" compact" if compact else ""}"')
    for (a, b), n in sorted(links.items()):
        if a in where and b in where:
            (x1, y1, _), (x2, y2, _) = where[a], where[b]
            out.append(f'<line class="tie" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                       f'stroke-width="{0.5 + 2 * n / peak:.2f}"/>')
    for pid, _name, n in shown:
        x, y, _ = where[pid]
        out.append(f'<line class="edge" x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" '
                   f'stroke-width="{1 + 5 * n / peak:.2f}"/>')
    for pid, name, n in shown:
        x, y, angle = where[pid]
        r = 4 + 8 * math.sqrt(n / peak)
        lx, ly = x + (r + 4) * math.cos(angle), y + (r + 4) * math.sin(angle)
        # Labels read outwards: right of the ring start at the node, left of it end there;
        # only the very top and bottom are centred (neighbours there would collide).
        anchor = "start" if math.cos(angle) > 0.05 else "end" if math.cos(angle) < -0.05 else "middle"
        if anchor == "middle":
            ly += 10 if math.sin(angle) > 0 else -2
        out.append(f'<g class="node" data-person-id="{pid}" data-filter-person="{pid}" tabindex="0" role="button" '
                   f'aria-label="{escape(name)}: {n} shared work(s); show them"><title>{escape(name)}: {n} shared work(s)</title>'
                   f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
                   f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}">{escape(_short(name) if compact else name)}</text></g>')
    out.append(f'<g class="node owner" data-person-id="{owner_id}"><title>{escape(owner_name)}</title>'
               f'<circle cx="{cx}" cy="{cy}" r="16"/></g>')
    out.append("</svg>")
    return Markup("\n".join(out))


def _short(name: str) -> str:
    """The surname, for labels in little room ("M. W. Mahoney" -> "Mahoney")."""
    return name.split()[-1] if name.split() else name
