"""BPMN-Ebene: a generic, lossless view of a BPMN file's semantic elements and their diagram layout.

The domain model does not hold everything a diff must see (foreign attributes, extension elements of other tools,
event definition details, DI bounds). This module walks the XML generically, like bpmn-js-differ walks the moddle
tree: every BPMN element with an ``id`` that is *tracked* becomes an :class:`XmlElement` whose properties are its
attributes and the flattened content of its untracked children (documentation, conditions, event definitions,
extension elements); DI shapes and edges become a separate layout map keyed by the semantic element id.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from vollzug.bpmn.safe_xml import attributes
from vollzug.errors import NotBpmnError

if TYPE_CHECKING:
    from vollzug.bpmn.document import BpmnDocument

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

GENERATED_SUMMARY_FORMAT = "text/x-vollzug-summary"
"""``textFormat`` of the documentation ``vollzug build`` writes from the ``vz:`` values (compared there, not twice)."""

IGNORED_CHILDREN: frozenset[str] = frozenset({"incoming", "outgoing", "flowNodeRef"})
"""Derived or duplicated content: ``incoming``/``outgoing`` mirror flow refs, ``flowNodeRef`` is lane membership
(reported by the model layer as a responsibility shift, not as a change of the lane)."""


class XmlElement:
    """One tracked semantic element; its properties are computed on first use (most elements of two versions of
    one file are byte-identical and never need them, see :attr:`fingerprint`)."""

    __slots__ = ("_fingerprint", "_props", "id", "name", "node", "type")

    def __init__(self, id: str, type: str, name: str, node: Any) -> None:
        self.id, self.type, self.name = id, type, name
        self.node = node
        """The lxml element (its properties and fingerprint are read from it)."""
        self._props: dict[str, Any] | None = None
        self._fingerprint: tuple[Any, ...] | None = None

    @property
    def props(self) -> dict[str, Any]:
        """Attributes (foreign ones as ``prefix:name``) and the flattened untracked children."""
        if self._props is None:
            self._props = _props(self.node, self.type)
        return self._props

    @property
    def fingerprint(self) -> tuple[Any, ...]:
        """What :attr:`props` is computed from, cheaply: equal fingerprints imply equal props.

        The tag, the attributes (foreign ones under their prefix) and the serialisation of every child that
        :func:`_props` reads; tracked children and ``incoming``/``outgoing``/``flowNodeRef`` are left out, so a
        process whose tasks changed, or a file whose root declares other namespaces, still fingerprints equal
        where its own properties are equal."""
        if self._fingerprint is None:
            self._fingerprint = _own_content(self.node)
        return self._fingerprint

    def __repr__(self) -> str:
        return f"XmlElement({self.id!r}, {self.type!r}, {self.name!r})"


class XmlView:
    """Tracked elements and DI layout of one BPMN file."""

    def __init__(self, elements: dict[str, XmlElement], shapes: dict[str, Any], root: Any = None) -> None:
        self.elements = elements
        self.shapes = shapes
        """Semantic element id → its first BPMNShape/BPMNEdge node."""
        self.root = root
        """The parsed lxml root (for emitters that annotate the file)."""
        self._layout: dict[str, dict[str, Any]] | None = None
        self._some_layout: dict[str, dict[str, Any]] = {}

    @property
    def layout(self) -> dict[str, dict[str, Any]]:
        """Semantic element id → layout properties (``bounds``, ``waypoints``, ``isExpanded``, ``label``)."""
        if self._layout is None:
            done = self._some_layout
            self._layout = {ref: done.get(ref) or _layout_entry(shape) for ref, shape in self.shapes.items()}
        return self._layout

    def layout_of(self, ident: str) -> dict[str, Any]:
        """The layout properties of one drawn element (computed for it alone unless :attr:`layout` exists)."""
        if self._layout is not None:
            return self._layout[ident]
        entry = self._some_layout.get(ident)
        if entry is None:
            entry = self._some_layout[ident] = _layout_entry(self.shapes[ident])
        return entry

    def layout_pair(self, ident: str, other: XmlView, other_id: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """(own layout, other's layout) of an element; None when either side has no shape or the two layouts are
        equal (a layout entry is cheaper to compute than any serialisation of the shape)."""
        if ident not in self.shapes or other_id not in other.shapes:
            return None
        pair = self.layout_of(ident), other.layout_of(other_id)
        return None if pair[0] == pair[1] else pair


def parse_bytes(data: bytes, file: Path | None = None) -> Any:
    """Parse XML with the project's safe parser (no DTDs, no entities, size and depth limits); returns the root."""
    from vollzug.bpmn.safe_xml import parse_xml_bytes

    return parse_xml_bytes(data, source=file).getroot()


_BPMN_PREFIX = "{" + BPMN_NS + "}"
_VZ_PREFIX = "{" + VZ_NS + "}"


def _qname(node: Any, tag: str) -> str:
    """``prefix:local`` for a foreign name, the local name for BPMN/no namespace."""
    if tag[:1] != "{":
        return tag
    namespace, local = tag[1:].split("}", 1)
    if namespace == BPMN_NS:
        return local
    if tag == node.tag:  # the element's own name: its own prefix, without building the nsmap
        prefix = node.prefix
        if prefix:
            return f"{prefix}:{local}"
    prefix = next((p for p, ns in (node.nsmap or {}).items() if ns == namespace and p), None)
    return f"{prefix or namespace}:{local}"


def _flatten(node: Any, path: str, out: dict[str, Any]) -> None:
    """Flatten an untracked subtree into ``path`` → value entries (attributes as ``@name``, text as value)."""
    for key, value in sorted(attributes(node).items()):
        out[f"{path}/@{key if key[0] != '{' else _qname(node, key)}"] = value
    out[path] = (node.text or "").strip()
    counts: dict[str, int] = {}
    for child in node:
        if not isinstance(child.tag, str) or child.tag.startswith(_VZ_PREFIX):
            continue
        name = _qname(child, child.tag)
        index = counts.get(name, 0)
        counts[name] = index + 1
        _flatten(child, f"{path}/{name}[{index}]", out)


def _bpmn_local(tag: Any) -> str | None:
    """The local name of a BPMN element tag, None for comments, PIs and other namespaces (plain string work)."""
    if isinstance(tag, str) and tag.startswith(_BPMN_PREFIX):
        return tag[len(_BPMN_PREFIX):]
    return None


def _tracked_kind(local: str) -> bool:
    """Whether BPMN elements of this local name are tracked on their own (when they have an id)."""
    return local not in UNTRACKED and not local.endswith("EventDefinition") and local != "definitions"


def _is_tracked(node: Any) -> bool:
    local = _bpmn_local(node.tag)
    return local is not None and node.get("id") is not None and _tracked_kind(local)


def _own_content(node: Any) -> tuple[Any, ...]:
    """The inputs of :func:`_props` for one element (see :attr:`XmlElement.fingerprint`).

    Children are serialised whole (with every namespace declaration in scope, so prefixes count as they do in
    :func:`_qname`); attribute names in other namespaces are spelt with their prefix."""
    items = [(k, v) for k, v in node.attrib.items() if ATTRIBUTE_DEFAULTS.get(k) != v]  # as _props drops them
    for key, _value in items:
        if key[:1] == "{":
            items = [(_qname(node, k) if k[:1] == "{" else k, v) for k, v in items]
            break
    items.sort()
    parts: list[Any] = [node.tag, items]
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag.startswith(_VZ_PREFIX):
            continue
        if tag.startswith(_BPMN_PREFIX):
            local = tag[len(_BPMN_PREFIX):]
            if local in IGNORED_CHILDREN or (child.get("id") is not None and _tracked_kind(local)):
                continue  # folded away or tracked on its own: not an input of the parent's properties
            if local in ("laneSet", "childLaneSet"):
                parts.append(local)  # only its existence is a property (its lanes are tracked)
                continue
        parts.append(etree.tostring(child, with_tail=False))
    return tuple(parts)


def _props(node: Any, local_name: str) -> dict[str, Any]:
    props: dict[str, Any] = {"$type": local_name}
    for key, value in sorted(attributes(node).items()):
        name = _qname(node, key)
        if key != "id" and ATTRIBUTE_DEFAULTS.get(name) != value:
            props[name] = value
    counts: dict[str, int] = {}
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag.startswith(_VZ_PREFIX) or _is_tracked(child):
            continue
        bpmn_local = _bpmn_local(tag)
        if bpmn_local in IGNORED_CHILDREN or (bpmn_local == "documentation"
                                              and child.get("textFormat") == GENERATED_SUMMARY_FORMAT):
            continue
        local = bpmn_local if bpmn_local is not None else etree.QName(tag).localname
        key = "eventDefinitions" if local.endswith("EventDefinition") else _qname(child, tag)
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


_BOUNDS = f"{{{DC_NS}}}Bounds"
_WAYPOINT = f"{{{DI_NS}}}waypoint"
_LABEL = f"{{{BPMNDI_NS}}}BPMNLabel"
_DI_FLAGS = ("isExpanded", "isHorizontal", "isMarkerVisible")


def _number(value: str) -> float | None:
    """A coordinate, or None if it is not a finite number (the reader warns about it with its line, RD005)."""
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _bounds_of(b: Any) -> list[float | None]:
    get = b.get
    return [_number(get("x", "0")), _number(get("y", "0")), _number(get("width", "0")), _number(get("height", "0"))]


def _layout_entry(shape: Any) -> dict[str, Any]:
    """Layout properties of one BPMNShape/BPMNEdge, in one pass over its children."""
    entry: dict[str, Any] = {}
    points: list[list[float | None]] = []
    for child in shape:
        tag = child.tag
        if tag == _WAYPOINT:
            points.append([_number(child.get("x", "0")), _number(child.get("y", "0"))])
        elif tag == _BOUNDS:
            entry.setdefault("bounds", _bounds_of(child))
        elif tag == _LABEL:
            label = next(child.iterchildren(_BOUNDS), None)
            if label is not None:
                entry.setdefault("label", _bounds_of(label))
    if points:
        entry["waypoints"] = points
    attrib = shape.attrib
    for attr in _DI_FLAGS:
        value = attrib.get(attr)
        if value is not None:
            entry[attr] = value
    return entry


def _shapes(shapes: Any) -> dict[str, Any]:
    """Referenced id → the first of the given BPMNShape/BPMNEdge elements that draws it."""
    out: dict[str, Any] = {}
    for shape in shapes:
        ref = shape.get("bpmnElement")
        if ref and ref not in out:
            out[ref] = shape
    return out


_LEAVES: frozenset[str] = frozenset({"extensionElements", "documentation", "flowNodeRef", "incoming", "outgoing",
                                     "text", "conditionExpression"})
"""BPMN elements whose content holds no tracked element (not descended into)."""
_DI_TAGS = (f"{{{BPMNDI_NS}}}BPMNShape", f"{{{BPMNDI_NS}}}BPMNEdge")
_TAKEN_AS_IS = frozenset({"RD001", "RD003"})
"""Reader warnings after which the document's index and the view may differ (unknown BPMN elements are not
indexed but may hold tracked elements; a duplicate of the ``definitions`` id): the view walks the tree itself."""


def build_view(root: Any, file: Path | None = None) -> XmlView:
    """Index a parsed BPMN ``definitions`` root."""
    if etree.QName(root).localname != "definitions" or etree.QName(root).namespace != BPMN_NS:
        raise NotBpmnError("root element is not bpmn:definitions", file=file)
    elements: dict[str, XmlElement] = {}

    def walk(node: Any) -> None:
        for child in node:
            local = _bpmn_local(child.tag)
            if local is None:
                continue
            ident = child.get("id")
            if ident is not None and ident not in elements and _tracked_kind(local):
                elements[ident] = XmlElement(ident, local, child.get("name", ""), child)
            if local not in _LEAVES:
                walk(child)

    walk(root)
    return XmlView(elements=elements, shapes=_shapes(root.iter(*_DI_TAGS)), root=root)


def view_of_document(doc: BpmnDocument) -> XmlView:
    """The view of a document the project's reader has indexed: the same as :func:`build_view` of its root, from
    the index instead of a second walk over the tree."""
    if any(d.code in _TAKEN_AS_IS for d in doc.diagnostics):
        return build_view(doc.root, Path(doc.source) if doc.source else None)
    elements = {rec.id: XmlElement(rec.id, rec.tag, rec.name, rec.element)
                for rec in doc.elements.values() if rec.namespace == BPMN_NS and _tracked_kind(rec.tag)}
    return XmlView(elements=elements, shapes=_shapes(e for e in doc.di_elements if e.tag in _DI_TAGS),
                   root=doc.root)
