"""The risk heat map: the 4x4 matrix (impact x likelihood) with each risk's move from inherent to current residual
(measures in place).

Drawn here as SVG markup, so the PDF needs no chart library and no fetch. Every ``<text>`` names its
font family: without it WeasyPrint lets fontconfig pick any CJK face (Japanese glyphs in a Chinese report).
All text is escaped; the only inputs are level codes and our own labels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from pia_wizard.core import risk as risk_mod
from pia_wizard.core.engine import Evaluation

FONT = "PIA Sans"
FILL = {"low": "#d9ead3", "medium": "#fff2cc", "high": "#f9cb9c", "severe": "#ea9999"}
INK = "#222"
CELL_W, CELL_H = 100.0, 62.0
LEFT, TOP = 78.0, 10.0
SLOTS = [(c, r) for r in range(2) for c in range(4)]  # at most 7 markers share a cell: one per risk
RADIUS = 9.0


@dataclass(frozen=True)
class Marker:
    n: int
    impact: str
    likelihood: str
    stage: str  # "inherent" | "current" | "both"


def _labels(lang: str) -> dict:
    """Axis and level words; bilingual gives (zh, en) pairs, printed on two lines."""
    lab = risk_mod.labels()

    def pick(node: dict) -> str | tuple[str, str]:
        if lang == "bilingual":
            return node["zh"], node["en"]
        return node["en"] if lang == "en" else node["zh"]

    return {
        "impact": {lv: pick(lab["levels"]["impact"][lv]) for lv in risk_mod.IMPACT_LEVELS},
        "likelihood": {lv: pick(lab["levels"]["likelihood"][lv]) for lv in risk_mod.LIKELIHOOD_LEVELS},
        "risk": {lv: pick(lab["levels"]["risk"][lv]) for lv in risk_mod.RISK_LEVELS},
        "rows": pick(lab["matrix"]["rows"]),
        "columns": pick(lab["matrix"]["columns"]),
    }


def _arrowed(label: str | tuple[str, str]) -> str | tuple[str, str]:
    return (label[0], label[1] + " →") if isinstance(label, tuple) else label + " →"


def markers(ev: Evaluation) -> list[Marker]:
    out = []
    for n, res in enumerate(ev.risk.results.values(), start=1):
        inh, resid = res.inherent, res.current
        a = (inh.impact, inh.likelihood) if inh and inh.impact and inh.likelihood else None
        b = (resid.impact, resid.likelihood) if resid and resid.impact and resid.likelihood else None
        if a and b and a == b:
            out.append(Marker(n, *a, "both"))
            continue
        if a:
            out.append(Marker(n, *a, "inherent"))
        if b:
            out.append(Marker(n, *b, "current"))
    return out


def _cell_origin(impact: str, likelihood: str) -> tuple[float, float]:
    col = risk_mod.LIKELIHOOD_LEVELS.index(likelihood)
    row = len(risk_mod.IMPACT_LEVELS) - 1 - risk_mod.IMPACT_LEVELS.index(impact)
    return LEFT + col * CELL_W, TOP + row * CELL_H


def _text(x: float, y: float, text: str | tuple[str, str], size: float, anchor: str = "middle", weight: int = 400,
          fill: str = INK, extra: str = "", joined: bool = False) -> str:
    if isinstance(text, tuple):
        zh, en = text
        if joined:
            return _text(x, y, f"{zh} / {en}", size, anchor, weight, fill, extra)
        return (_text(x, y - size * 0.45, zh, size, anchor, weight, fill, extra)
                + _text(x, y + size * 0.75, en, size * 0.8, anchor, weight, "#555", extra))
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" font-weight="{weight}" '
            f'text-anchor="{anchor}" fill="{fill}"{extra}>{escape(text)}</text>')


def svg(ev: Evaluation, lang: str) -> str:
    """The heat map as an inline ``<svg>`` element (a string of trusted markup)."""
    lab = _labels(lang)
    size = 4
    width = LEFT + size * CELL_W + 8
    height = TOP + size * CELL_H + 44
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" viewBox="0 0 {width:.0f} {height:.0f}" '
             f'width="{width:.0f}" height="{height:.0f}">']
    for impact in risk_mod.IMPACT_LEVELS:
        for likelihood in risk_mod.LIKELIHOOD_LEVELS:
            x, y = _cell_origin(impact, likelihood)
            level = risk_mod.MATRIX[impact][likelihood]
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{CELL_W}" height="{CELL_H}" fill="{FILL[level]}" '
                         f'stroke="#fff" stroke-width="2"/>')
            level_word = lab["risk"][level]
            parts.append(_text(x + CELL_W - 5, y + 12, level_word if isinstance(level_word, str) else level_word[0],
                               8, "end", fill="#666"))
    for impact in risk_mod.IMPACT_LEVELS:
        x, y = _cell_origin(impact, "low")
        parts.append(_text(x - 6, y + CELL_H / 2 + 3, lab["impact"][impact], 9, "end"))
    for likelihood in risk_mod.LIKELIHOOD_LEVELS:
        x, y = _cell_origin("low", likelihood)
        parts.append(_text(x + CELL_W / 2, y + CELL_H + 13, lab["likelihood"][likelihood], 9))
    parts.append(_text(LEFT + size * CELL_W / 2, TOP + size * CELL_H + 32, _arrowed(lab["columns"]), 9.5, weight=700,
                       joined=True))
    cx, cy = 14, TOP + size * CELL_H / 2
    parts.append(_text(cx, cy, _arrowed(lab["rows"]), 9.5, weight=700, extra=f' transform="rotate(-90 {cx} {cy})"',
                       joined=True))

    placed: dict[tuple[str, str], int] = {}
    centre: dict[tuple[int, str], tuple[float, float]] = {}
    for m in markers(ev):
        key = (m.impact, m.likelihood)
        slot = placed.get(key, 0)
        placed[key] = slot + 1
        x0, y0 = _cell_origin(m.impact, m.likelihood)
        col, row = SLOTS[slot % len(SLOTS)]
        px, py = x0 + 14 + col * 23, y0 + 24 + row * 24
        if m.stage in ("inherent", "both"):
            centre[(m.n, "inherent")] = (px, py)
        if m.stage in ("current", "both"):
            centre[(m.n, "current")] = (px, py)
    arrows, dots = [], []
    cell_of = {(m.n, m.stage): (m.impact, m.likelihood) for m in markers(ev)}
    shared: dict[tuple, int] = {}
    for (n, stage), (px, py) in centre.items():
        if stage == "inherent" and (n, "current") in centre and centre[(n, "current")] != (px, py):
            # Arrows between the same two cells bend alternately up and down, further out each pair.
            key = (cell_of[(n, "inherent")], cell_of[(n, "current")])
            k = shared.get(key, 0)
            shared[key] = k + 1
            bend = (14.0 + 9.0 * (k // 2)) * (1 if k % 2 == 0 else -1)
            arrows.append(_arrow((px, py), centre[(n, "current")], bend))
    for (n, stage), (px, py) in centre.items():
        both = centre.get((n, "inherent")) == centre.get((n, "current"))
        if stage == "current" or both:
            if both and stage == "inherent":
                continue
            ring = (f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{RADIUS + 2.5}" fill="none" stroke="{INK}" '
                    'stroke-width="1"/>') if both else ""
            dots.append(f'{ring}<circle cx="{px:.1f}" cy="{py:.1f}" r="{RADIUS}" fill="{INK}"/>'
                        + _text(px, py + 3.3, str(n), 9, weight=700, fill="#fff"))
        else:
            dots.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{RADIUS}" fill="#fff" stroke="{INK}" '
                        'stroke-width="1.2" stroke-dasharray="2.5 1.5"/>' + _text(px, py + 3.3, str(n), 9))
    parts += arrows + dots
    parts.append("</svg>")
    return "".join(parts)


def _arrow(a: tuple[float, float], b: tuple[float, float], bend: float) -> str:
    """A curved arrow from marker a to marker b. The bend keeps it off the markers that sit on the
    straight line between them (several risks often share a cell and a row)."""
    (x1, y1), (x2, y2) = a, b
    d = math.hypot(x2 - x1, y2 - y1)
    nx, ny = -(y2 - y1) / d, (x2 - x1) / d
    cx, cy = (x1 + x2) / 2 + nx * bend, (y1 + y2) / 2 + ny * bend
    # Start and end on the circles, leaving along the curve's tangents.
    sx, sy = _towards((x1, y1), (cx, cy), RADIUS + 1)
    ex, ey = _towards((x2, y2), (cx, cy), RADIUS + 2)
    ux, uy = _unit((cx, cy), (ex, ey))
    head = 6.0
    bx, by = ex - ux * head, ey - uy * head
    px, py = -uy * head * 0.5, ux * head * 0.5
    return (f'<path d="M {sx:.1f} {sy:.1f} Q {cx:.1f} {cy:.1f} {bx:.1f} {by:.1f}" fill="none" stroke="#444" '
            f'stroke-width="1.2"/><polygon points="{ex:.1f},{ey:.1f} {bx + px:.1f},{by + py:.1f} '
            f'{bx - px:.1f},{by - py:.1f}" fill="#444"/>')


def _unit(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    d = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    return (b[0] - a[0]) / d, (b[1] - a[1]) / d


def _towards(p: tuple[float, float], q: tuple[float, float], dist: float) -> tuple[float, float]:
    ux, uy = _unit(p, q)
    return p[0] + ux * dist, p[1] + uy * dist
