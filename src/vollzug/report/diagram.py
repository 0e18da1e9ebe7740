"""Eingefärbtes Ablaufdiagramm: a town's process drawn by Graphviz ``dot`` as inline SVG, coloured by diff state.

Labels go to Graphviz as plain (non-HTML) strings and dot escapes them in its SVG; the result is stripped of its
XML prolog/DOCTYPE and refused if it contains anything scriptable.
"""

from __future__ import annotations

import shutil

from vollzug.compare.results import Diagram

COLOURS = {"same": ("#e8f1e4", "#4c7a3d"), "changed": ("#fff0d0", "#b7791f"), "added": ("#dcebfa", "#2b6cb0")}
"""Fill and stroke per node state."""
_SHAPES = {"startEvent": "circle", "endEvent": "doublecircle", "exclusiveGateway": "diamond",
           "parallelGateway": "diamond", "inclusiveGateway": "diamond", "eventBasedGateway": "diamond"}
_ALLOWED_TAGS = frozenset({"svg", "g", "title", "text", "path", "polygon", "ellipse", "polyline", "rect", "line"})


def dot_available() -> bool:
    """True if the Graphviz ``dot`` program is installed."""
    return shutil.which("dot") is not None


def diagram_svg(diagram: Diagram) -> str | None:
    """The diagram as an SVG fragment, or None if Graphviz is missing or the output looks unsafe."""
    if not diagram.nodes or not dot_available():
        return None
    import graphviz

    graph = graphviz.Digraph(graph_attr={"rankdir": "LR", "fontsize": "10", "fontname": "Helvetica",
                                         "nodesep": "0.25", "ranksep": "0.35"},
                             node_attr={"fontsize": "9", "fontname": "Helvetica", "style": "filled,rounded",
                                        "shape": "box", "width": "1.3"})
    lanes = dict(diagram.lanes)
    by_lane: dict[str | None, list[int]] = {}
    for index, node in enumerate(diagram.nodes):
        by_lane.setdefault(node.lane if node.lane in lanes else None, []).append(index)
    ids = {node.id: f"n{i}" for i, node in enumerate(diagram.nodes)}
    for lane_index, (lane, members) in enumerate(by_lane.items()):
        target = graph
        if lane is not None:
            target = graphviz.Digraph(name=f"cluster_{lane_index}")
            target.attr(label=graphviz.nohtml(lanes[lane]), style="rounded", color="#9aa5b1", fontsize="10")
        for index in members:
            node = diagram.nodes[index]
            fill, stroke = COLOURS[node.state]
            shape = _SHAPES.get(node.type, "box")
            label = "" if shape in {"circle", "doublecircle", "diamond"} else _wrap(node.label or node.id)
            size = {"width": "0.3", "height": "0.3", "fixedsize": "true"} if not label else {}
            target.node(ids[node.id], label=graphviz.nohtml(label), fillcolor=fill, color=stroke, shape=shape,
                        **size)
        if target is not graph:
            graph.subgraph(target)
    for source, dest in diagram.edges:
        if source in ids and dest in ids:
            graph.edge(ids[source], ids[dest], color="#6b7785", arrowsize="0.6")
    try:
        raw = graph.pipe(format="svg", encoding="utf-8")
    except Exception:  # Graphviz failure must not break the report
        return None
    start = raw.find("<svg")
    svg = raw[start:] if start >= 0 else ""
    return svg if svg and _safe(svg) else None


def _safe(svg: str) -> bool:
    """Only plain drawing elements, no event handlers, no links (parsed with the project's safe XML parser)."""
    from vollzug.bpmn.safe_xml import parse_xml_bytes
    from vollzug.errors import InputError

    try:
        root = parse_xml_bytes(svg.encode("utf-8")).getroot()
    except InputError:
        return False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag.rsplit("}", 1)[-1] not in _ALLOWED_TAGS:
            return False
        for name in element.attrib:
            local = str(name).rsplit("}", 1)[-1].lower()
            if local.startswith("on") or local == "href" or local == "style":
                return False
    return True


def _wrap(text: str, width: int = 22) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "\n".join(lines[:4])
