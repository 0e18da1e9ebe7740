"""SVG: a plain drawing of a BPMN diagram from its DI, with diff colours; every model string is escaped."""

from __future__ import annotations

from html import escape

from vollzug.diff.xmlview import XmlView

COLOURS: dict[str, tuple[str, str]] = {
    "added": ("#2e7d32", "#c8e6c9"),
    "removed": ("#c62828", "#ffcdd2"),
    "changed": ("#ef6c00", "#ffe0b2"),
    "layout": ("#1565c0", "#e3f2fd"),
    "same": ("#555555", "#ffffff"),
}
"""State → (stroke, fill)."""

_EVENTS = ("startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent")


def _shape(kind: str, x: float, y: float, w: float, h: float, stroke: str, fill: str) -> str:
    if kind in _EVENTS:
        r = min(w, h) / 2
        width = 3 if kind == "endEvent" else 1.5
        return (f'<circle cx="{x + w / 2:.1f}" cy="{y + h / 2:.1f}" r="{r:.1f}" stroke="{stroke}" '
                f'fill="{fill}" stroke-width="{width}"/>')
    if kind.endswith("Gateway"):
        cx, cy = x + w / 2, y + h / 2
        points = f"{cx:.1f},{y:.1f} {x + w:.1f},{cy:.1f} {cx:.1f},{y + h:.1f} {x:.1f},{cy:.1f}"
        mark = {"parallelGateway": "+", "exclusiveGateway": "×", "inclusiveGateway": "○", "eventBasedGateway": "◇"}
        sign = mark.get(kind, "")
        return (f'<polygon points="{points}" stroke="{stroke}" fill="{fill}" stroke-width="1.5"/>'
                f'<text x="{cx:.1f}" y="{cy + 5:.1f}" text-anchor="middle" font-size="14">{sign}</text>')
    if kind in ("participant", "lane"):
        return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" stroke="{stroke}" '
                f'fill="none" stroke-width="1"/>')
    if kind.startswith("data"):
        return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" stroke="{stroke}" '
                f'fill="{fill}" stroke-width="1" stroke-dasharray="3,2"/>')
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="8" stroke="{stroke}" '
            f'fill="{fill}" stroke-width="1.5"/>')


def _label(name: str, x: float, y: float, w: float, h: float, kind: str) -> str:
    if not name:
        return ""
    boxed = not (kind in ("participant", "lane") or kind in _EVENTS or kind.endswith("Gateway"))
    limit = max(8, int(w / 5.5)) if boxed else 60
    text = name if len(name) <= limit else name[: limit - 1] + "…"
    if kind in ("participant", "lane"):
        return (f'<text x="{x + 4:.1f}" y="{y + 14:.1f}" font-size="11" fill="#333">{escape(text)}</text>')
    ty = y + h / 2 + 4 if not (kind in _EVENTS or kind.endswith("Gateway")) else y + h + 14
    return (f'<text x="{x + w / 2:.1f}" y="{ty:.1f}" text-anchor="middle" font-size="10">'
            f'{escape(text)}</text>')


def render(view: XmlView, states: dict[str, str], title: str) -> str:
    """An ``<svg>`` element for the view; ``states`` maps element ids to a key of :data:`COLOURS`."""
    boxes = [(i, e["bounds"]) for i, e in view.layout.items() if "bounds" in e]
    points = [p for e in view.layout.values() for p in e.get("waypoints", [])]
    xs = [b[0] for _i, b in boxes] + [b[0] + b[2] for _i, b in boxes] + [p[0] for p in points]
    ys = [b[1] for _i, b in boxes] + [b[1] + b[3] for _i, b in boxes] + [p[1] for p in points]
    if not xs:
        return f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><title>{escape(title)}</title></svg>'
    x0, y0, x1, y1 = min(xs) - 20, min(ys) - 20, max(xs) + 20, max(ys) + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.0f} {y0:.0f} {x1 - x0:.0f} {y1 - y0:.0f}" '
           f'width="{(x1 - x0) * 0.8:.0f}" height="{(y1 - y0) * 0.8:.0f}" font-family="sans-serif" role="img">'
           f'<title>{escape(title)}</title>',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
           'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>']
    order = sorted(boxes, key=lambda item: 0 if view.elements.get(item[0]) and
                   view.elements[item[0]].type in ("participant", "lane") else 1)
    for ident, (x, y, w, h) in order:
        el = view.elements.get(ident)
        kind = el.type if el else "task"
        stroke, fill = COLOURS[states.get(ident, "same")]
        out.append(f'<g data-id="{escape(ident)}" data-state="{escape(states.get(ident, "same"))}">'
                   f'<title>{escape(ident)}</title>{_shape(kind, x, y, w, h, stroke, fill)}'
                   f'{_label(el.name if el else "", x, y, w, h, kind)}</g>')
    for ident, entry in view.layout.items():
        wps = entry.get("waypoints")
        if not wps:
            continue
        stroke, _fill = COLOURS[states.get(ident, "same")]
        el = view.elements.get(ident)
        dash = ' stroke-dasharray="6,4"' if el is not None and el.type == "messageFlow" else ""
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in wps)
        out.append(f'<polyline data-id="{escape(ident)}" points="{path}" fill="none" stroke="{stroke}" '
                   f'stroke-width="1.5" marker-end="url(#arrow)"{dash}/>')
    out.append("</svg>")
    return "".join(out)
