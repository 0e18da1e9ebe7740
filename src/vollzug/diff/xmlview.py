"""BPMN-Ebene: a generic, lossless view of a BPMN file's semantic elements and their diagram layout.

The domain model does not hold everything a diff must see (foreign attributes, extension elements of other tools,
event definition details, DI bounds). This module walks the XML generically, like bpmn-js-differ walks the moddle
tree: every BPMN element with an ``id`` that is *tracked* becomes an :class:`XmlElement` whose properties are its
attributes and the flattened content of its untracked children (documentation, conditions, event definitions,
extension elements); DI shapes and edges become a separate layout map keyed by the semantic element id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from vollzug.errors import NotBpmnError

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NS = "http://www.omg.org/spec/DD/20100524/DC"
DI_NS = "http://www.omg.org/spec/DD/20100524/DI"
VZ_NS = "urn:vollzug:bpmn:1.0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

UNTRACKED: frozenset[str] = frozenset({
    "laneSet", "dataObject", "extensionElements", "documentation", "conditionExpression", "ioSpecification",
    "multiInstanceLoopCharacteristics", "standardLoopCharacteristics", "incoming", "outgoing", "flowNodeRef",
    "childLaneSet", "text", "timeDate", "timeDuration", "timeCycle", "condition", "script", "property",
    "dataInput", "dataOutput", "inputSet", "outputSet", "sourceRef", "targetRef", "transformation", "assignment",
    "resourceRole", "performer", "humanPerformer", "potentialOwner", "resourceAssignmentExpression",
    "formalExpression", "completionCondition", "loopCardinality", "correlationPropertyRetrievalExpression",
})
"""BPMN children folded into their parent's properties (bpmn-js-differ does not track them either)."""

ATTRIBUTE_DEFAULTS: dict[str, str] = {
    "completionQuantity": "1", "startQuantity": "1", "isForCompensation": "false", "gatewayDirection": "Unspecified",
    "parallelMultiple": "false", "instantiate": "false", "eventGatewayType": "Exclusive", "isInterrupting": "true",
    "cancelActivity": "true", "isClosed": "false", "processType": "None", "isImmediate": "true",
    "triggeredByEvent": "false", "ordering": "Parallel", "cancelRemainingInstances": "true", "isSequential": "false",
    "testBefore": "false", "behavior": "All", "method": "##unspecified", "implementation": "##unspecified",
    "isCollection": "false", "associationDirection": "None", "isExecutable": "false",
}
"""BPMN attribute defaults: an attribute written with its default value equals the attribute left out."""

IGNORED_CHILDREN: frozenset[str] = frozenset({"incoming", "outgoing", "flowNodeRef"})
"""Derived or duplicated content: ``incoming``/``outgoing`` mirror flow refs, ``flowNodeRef`` is lane membership
(reported by the model layer as a responsibility shift, not as a change of the lane)."""


@dataclass
class XmlElement:
    """One tracked semantic element."""

    id: str
    type: str
    name: str
    props: dict[str, Any] = field(default_factory=dict)
    parent: str | None = None


@dataclass
class XmlView:
    """Tracked elements and DI layout of one BPMN file."""

    elements: dict[str, XmlElement]
    layout: dict[str, dict[str, Any]]
    """Semantic element id → layout properties (``bounds``, ``waypoints``, ``isExpanded``, ``label``)."""
    lane_members: dict[str, str]
    """Flow node id → innermost lane id (from ``flowNodeRef``)."""
    root: Any = None
    """The parsed lxml root (for emitters that annotate the file)."""


def parse_bytes(data: bytes, file: Path | None = None) -> Any:
    """Parse XML with the project's safe parser (no DTDs, no entities, size and depth limits); returns the root."""
    from vollzug.bpmn.safe_xml import parse_xml_bytes

    return parse_xml_bytes(data, source=file).getroot()


def _qname(node: Any, tag: str) -> str:
    """``prefix:local`` for a foreign name, the local name for BPMN/no namespace."""
    qn = etree.QName(tag)
    if qn.namespace in (None, BPMN_NS):
        return qn.localname
    prefix = next((p for p, ns in (node.nsmap or {}).items() if ns == qn.namespace and p), None)
    return f"{prefix or qn.namespace}:{qn.localname}"


def _flatten(node: Any, path: str, out: dict[str, Any]) -> None:
    """Flatten an untracked subtree into ``path`` → value entries (attributes as ``@name``, text as value)."""
    for key, value in sorted(node.attrib.items()):
        out[f"{path}/@{_qname(node, key)}"] = value
    out[path] = (node.text or "").strip()
    counts: dict[str, int] = {}
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if etree.QName(child).namespace == VZ_NS:
            continue
        name = _qname(child, child.tag)
        index = counts.get(name, 0)
        counts[name] = index + 1
        _flatten(child, f"{path}/{name}[{index}]", out)


def _is_tracked(node: Any) -> bool:
    qn = etree.QName(node)
    if qn.namespace != BPMN_NS or node.get("id") is None:
        return False
    local = qn.localname
    return local not in UNTRACKED and not local.endswith("EventDefinition") and local != "definitions"


def _props(node: Any) -> dict[str, Any]:
    props: dict[str, Any] = {"$type": etree.QName(node).localname}
    for key, value in sorted(node.attrib.items()):
        name = _qname(node, key)
        if key != "id" and ATTRIBUTE_DEFAULTS.get(name) != value:
            props[name] = value
    counts: dict[str, int] = {}
    for child in node:
        if not isinstance(child.tag, str) or _is_tracked(child):
            continue
        qn = etree.QName(child)
        if qn.namespace == VZ_NS or (qn.namespace == BPMN_NS and qn.localname in IGNORED_CHILDREN):
            continue
        local = qn.localname
        key = "eventDefinitions" if local.endswith("EventDefinition") else _qname(child, child.tag)
        index = counts.get(key, 0)
        counts[key] = index + 1
        if key == "eventDefinitions":
            props[f"eventDefinitions[{index}]"] = local
            _flatten(child, f"eventDefinitions[{index}]", props)
            props.pop(f"eventDefinitions[{index}]/@id", None)
        elif local in ("laneSet", "childLaneSet"):
            props[f"{key}[{index}]"] = "exists"
        else:
            _flatten(child, f"{key}[{index}]" if key != "documentation" else "documentation", props)
    return props


def _bounds(node: Any) -> list[float] | None:
    b = node.find(f"{{{DC_NS}}}Bounds")
    if b is None:
        return None
    return [float(b.get(k, "0")) for k in ("x", "y", "width", "height")]


def _layout(root: Any) -> dict[str, dict[str, Any]]:
    layout: dict[str, dict[str, Any]] = {}
    for shape in root.iter(f"{{{BPMNDI_NS}}}BPMNShape", f"{{{BPMNDI_NS}}}BPMNEdge"):
        ref = shape.get("bpmnElement")
        if not ref:
            continue
        entry: dict[str, Any] = {}
        bounds = _bounds(shape)
        if bounds is not None:
            entry["bounds"] = bounds
        points = [[float(w.get("x", "0")), float(w.get("y", "0"))] for w in shape.findall(f"{{{DI_NS}}}waypoint")]
        if points:
            entry["waypoints"] = points
        for attr in ("isExpanded", "isHorizontal", "isMarkerVisible"):
            if shape.get(attr) is not None:
                entry[attr] = shape.get(attr)
        label = shape.find(f"{{{BPMNDI_NS}}}BPMNLabel")
        if label is not None and _bounds(label) is not None:
            entry["label"] = _bounds(label)
        layout.setdefault(ref, entry)
    return layout


def build_view(root: Any, file: Path | None = None) -> XmlView:
    """Index a parsed BPMN ``definitions`` root."""
    if etree.QName(root).localname != "definitions" or etree.QName(root).namespace != BPMN_NS:
        raise NotBpmnError("root element is not bpmn:definitions", file=file)
    elements: dict[str, XmlElement] = {}
    lane_members: dict[str, str] = {}

    def walk(node: Any, parent: str | None) -> None:
        for child in node:
            if not isinstance(child.tag, str) or etree.QName(child).namespace != BPMN_NS:
                continue
            here = parent
            if _is_tracked(child):
                ident = child.get("id")
                if ident not in elements:
                    elements[ident] = XmlElement(ident, etree.QName(child).localname, child.get("name", ""),
                                                 _props(child), parent)
                here = ident
            if etree.QName(child).localname == "lane":
                for ref in child.findall(f"{{{BPMN_NS}}}flowNodeRef"):
                    if ref.text:
                        lane_members[ref.text.strip()] = child.get("id", "")
            if etree.QName(child).localname not in ("extensionElements", "documentation"):
                walk(child, here)

    walk(root, None)
    return XmlView(elements=elements, layout=_layout(root), lane_members=lane_members, root=root)


def load_view(path: Path) -> XmlView | None:
    """The XML view of a ``.bpmn``/``.xml`` file, or None for other files."""
    if path.suffix.lower() not in (".bpmn", ".xml", ".bpmn2"):
        return None
    from vollzug.bpmn.safe_xml import read_bytes_limited

    return build_view(parse_bytes(read_bytes_limited(path), path), path)
