"""BPMN diagram interchange (BPMNDI) records: shapes with bounds, edges with waypoints, label bounds."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lxml import etree

from vollzug.bpmn.safe_xml import line_of
from vollzug.bpmn.spec import BPMNDI_NS, DC_NS, DI_NS

SHAPE_TAG = f"{{{BPMNDI_NS}}}BPMNShape"
EDGE_TAG = f"{{{BPMNDI_NS}}}BPMNEdge"
_LABEL = f"{{{BPMNDI_NS}}}BPMNLabel"
_BOUNDS = f"{{{DC_NS}}}Bounds"
_WAYPOINT = f"{{{DI_NS}}}waypoint"


@dataclass(frozen=True, slots=True)
class Bounds:
    """Rectangle in diagram coordinates."""

    x: float
    y: float
    width: float
    height: float


@dataclass(slots=True)
class Shape:
    """BPMNDI shape of one element."""

    id: str | None
    element: str
    """Id of the element drawn (``bpmnElement``)."""
    bounds: Bounds | None
    is_expanded: bool | None = None
    is_horizontal: bool | None = None
    label: Bounds | None = None
    line: int | None = None


@dataclass(slots=True)
class Edge:
    """BPMNDI edge of one flow or association."""

    id: str | None
    element: str
    """Id of the flow drawn (``bpmnElement``)."""
    waypoints: list[tuple[float, float]]
    label: Bounds | None = None
    line: int | None = None


Warn = Callable[..., None]


def _float(value: str | None) -> float:
    """A finite coordinate (``nan``/``inf`` would break layout arithmetic later); ValueError otherwise."""
    if value is None:
        raise ValueError("missing")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("not finite")
    return number


def _bool(value: str | None) -> bool | None:
    return None if value is None else value.strip() == "true"


def _bounds(parent: etree._Element | None, warn: Warn) -> Bounds | None:
    b = None if parent is None else next(parent.iterchildren(_BOUNDS), None)
    if parent is None or b is None:
        return None
    try:
        return Bounds(_float(b.get("x")), _float(b.get("y")), _float(b.get("width")), _float(b.get("height")))
    except ValueError:
        warn("invalid dc:Bounds values", line=line_of(b), element=parent.get("bpmnElement"), code="RD005")
        return None


def build_di(elements: Iterable[etree._Element], warn: Warn) -> tuple[dict[str, Shape], dict[str, Edge]]:
    """Shapes and edges keyed by the id of the element they draw (the first one wins, like bpmn-js)."""
    shapes: dict[str, Shape] = {}
    edges: dict[str, Edge] = {}
    for el in elements:
        target = (el.get("bpmnElement") or "").rsplit(":", 1)[-1].strip()
        if not target:
            continue
        label = next(el.iterchildren(_LABEL), None)
        if el.tag == SHAPE_TAG:
            shapes.setdefault(target, Shape(
                el.get("id"), target, _bounds(el, warn), _bool(el.get("isExpanded")), _bool(el.get("isHorizontal")),
                _bounds(label, warn), line_of(el)))
        elif el.tag == EDGE_TAG:
            points: list[tuple[float, float]] = []
            for wp in el.iterchildren(_WAYPOINT):
                try:
                    points.append((_float(wp.get("x")), _float(wp.get("y"))))
                except ValueError:
                    warn("invalid di:waypoint values", line=line_of(wp), element=target, code="RD005")
            edges.setdefault(target, Edge(el.get("id"), target, points, _bounds(label, warn), line_of(el)))
    return shapes, edges
