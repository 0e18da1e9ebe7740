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
    if kind == "textAnnotation":  # an open bracket, as BPMN draws annotations
        return (f'<path d="M {x + 12:.1f} {y:.1f} L {x:.1f} {y:.1f} L {x:.1f} {y + h:.1f} L {x + 12:.1f} {y + h:.1f}" '
                f'stroke="{stroke}" fill="none" stroke-width="1.5"/>'
                + (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}" opacity="0.5"/>'
                   if fill != "#ffffff" else ""))
    if kind.startswith("data"):
        return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" stroke="{stroke}" '
                f'fill="{fill}" stroke-width="1" stroke-dasharray="3,2"/>')
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="8" stroke="{stroke}" '
            f'fill="{fill}" stroke-width="1.5"/>')


def _wrap(text: str, per_line: int, lines: int) -> list[str]:
    """Greedy word wrap into at most ``lines`` lines of about ``per_line`` characters (the last one cut with …)."""
    out: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) <= per_line or not current:
            current = candidate
            continue
        out.append(current)
        current = word
    if current:
        out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: max(1, per_line - 1)].rstrip() + "…"
    return [line if len(line) <= per_line + 2 else line[: per_line + 1] + "…" for line in out]


def _tspans(lines: list[str], cx: float, y_first: float, step: float) -> str:
    return "".join(f'<tspan x="{cx:.1f}" y="{y_first + i * step:.1f}">{escape(line)}</tspan>'
                   for i, line in enumerate(lines))


def _label(name: str, x: float, y: float, w: float, h: float, kind: str) -> str:
    if not name:
        return ""
    if kind == "participant" and h < 100:  # a collapsed (black-box) pool: name centred, horizontal, as bpmn-js
        text = _wrap(name, max(8, int(w / 6.5)), 1)[0]
        return (f'<text x="{x + w / 2:.1f}" y="{y + h / 2 + 4:.1f}" text-anchor="middle" font-size="11" '
                f'fill="#333">{escape(text)}</text>')
    if kind == "participant":  # BPMN style: the pool name runs vertically in the pool's left band
        cx, cy = x + 15, y + h / 2
        text = name if len(name) <= max(8, int(h / 6.5)) else name[: max(8, int(h / 6.5)) - 1] + "…"
        return (f'<text x="{cx:.1f}" y="{cy:.1f}" text-anchor="middle" dominant-baseline="middle" font-size="11" '
                f'fill="#333" transform="rotate(-90 {cx:.1f} {cy:.1f})">{escape(text)}</text>')
    if kind == "lane":
        limit = max(8, int(w / 6.5))
        text = name if len(name) <= limit else name[: limit - 1] + "…"
        return f'<text x="{x + 5:.1f}" y="{y + 13:.1f}" font-size="11" fill="#333">{escape(text)}</text>'
    cx = x + w / 2
    if kind == "textAnnotation":
        lines = _wrap(name, max(6, int(w / 5.6)), max(1, int((h - 4) / 12)))
        return ('<text text-anchor="start" font-size="10" fill="#333">'
                + "".join(f'<tspan x="{x + 5:.1f}" y="{y + 13 + i * 12:.1f}">{escape(line)}</tspan>'
                          for i, line in enumerate(lines)) + "</text>")
    if kind in _EVENTS or kind.endswith("Gateway") or kind.startswith("data"):  # label below the symbol
        lines = _wrap(name, 22, 3)
        return (f'<text text-anchor="middle" font-size="10">{_tspans(lines, cx, y + h + 13, 12)}</text>')
    lines = _wrap(name, max(6, int(w / 5.6)), max(1, int((h - 6) / 12)))
    first = y + h / 2 - (len(lines) - 1) * 6 + 3.5
    return f'<text text-anchor="middle" font-size="10">{_tspans(lines, cx, first, 12)}</text>'


def render(view: XmlView, states: dict[str, str], title: str, scale: float | None = 0.8) -> str:
    """An ``<svg>`` element for the view; ``states`` maps element ids to a key of :data:`COLOURS`.

    ``scale`` sets a fixed size (diagram units × scale); None lets the drawing fit the width of its container.
    """
    # coordinates that are not finite numbers are None (the reader warned, RD005): such shapes are not drawn
    boxes = [(i, e["bounds"]) for i, e in view.layout.items() if "bounds" in e and None not in e["bounds"]]
    points = [p for e in view.layout.values() for p in e.get("waypoints", []) if None not in p]
    xs = [b[0] for _i, b in boxes] + [b[0] + b[2] for _i, b in boxes] + [p[0] for p in points]
    ys = [b[1] for _i, b in boxes] + [b[1] + b[3] for _i, b in boxes] + [p[1] for p in points]
    if not xs:
        return f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><title>{escape(title)}</title></svg>'
    x0, y0, x1, y1 = min(xs) - 20, min(ys) - 20, max(xs) + 20, max(ys) + 30
    size = (f'width="{(x1 - x0) * scale:.0f}" height="{(y1 - y0) * scale:.0f}"' if scale is not None
            else 'width="100%" preserveAspectRatio="xMinYMin meet"')
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.0f} {y0:.0f} {x1 - x0:.0f} {y1 - y0:.0f}" '
           f'{size} font-family="sans-serif" role="img">'
           f'<title>{escape(title)}</title>',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
           'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>']
    def is_container(item: tuple[str, list[float]]) -> bool:
        el = view.elements.get(item[0])
        return el is not None and el.type in ("participant", "lane")

    containers = [item for item in boxes if is_container(item)]
    nodes = [item for item in boxes if not is_container(item)]
    edges: list[str] = []
    for ident, entry in view.layout.items():
        wps = [p for p in entry.get("waypoints") or () if None not in p]
        if not wps:
            continue
        stroke, _fill = COLOURS[states.get(ident, "same")]
        el = view.elements.get(ident)
        dash = ' stroke-dasharray="6,4"' if el is not None and el.type == "messageFlow" else ""
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in wps)
        edges.append(f'<polyline data-id="{escape(ident)}" points="{path}" fill="none" stroke="{stroke}" '
                     f'stroke-width="1.5" marker-end="url(#arrow)"{dash}/>')
    shapes: list[str] = []
    for ident, (x, y, w, h) in containers + nodes:  # pools and lanes first, flow nodes above the edges
        el = view.elements.get(ident)
        kind = el.type if el else "task"
        name = (el.props.get("text[0]", "") if kind == "textAnnotation" else el.name) if el else ""
        stroke, fill = COLOURS[states.get(ident, "same")]
        shapes.append(f'<g data-id="{escape(ident)}" data-state="{escape(states.get(ident, "same"))}">'
                      f'<title>{escape(ident)}</title>{_shape(kind, x, y, w, h, stroke, fill)}'
                      f'{_label(str(name), x, y, w, h, kind)}</g>')
    out += shapes[: len(containers)] + edges + shapes[len(containers):]
    out.append("</svg>")
    return "".join(out)
