"""Lossless BPMN document: the lxml tree as read, plus an index of every element with an id and of the DI.

Nothing is dropped or rewritten: :func:`vollzug.bpmn.writer.write_bpmn` serialises the same tree. Reading is lax
like bpmn-moddle: unknown elements, foreign content outside ``extensionElements``, duplicate ids, dangling
references and broken DI values are kept and reported as :class:`~vollzug.diagnostics.Diagnostic` warnings with
their line. Which element is what comes from the table in :mod:`vollzug.bpmn.spec`.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from lxml import etree

from vollzug.bpmn import safe_xml
from vollzug.bpmn.di import Edge, Shape, build_di
from vollzug.bpmn.spec import BPMNDI_NS, CHILD_REF_TAGS, OPAQUE_TAGS, SPECS, STANDARD_NS, Category, ElementSpec
from vollzug.diagnostics import Diagnostic
from vollzug.gcpause import gc_paused

_B = f"{{{safe_xml.BPMN_NS}}}"
_NO_ATTRIBUTES: Mapping[str, str] = MappingProxyType({})
_DOC = _B + "documentation"
_EXT = _B + "extensionElements"
_SHAPE = f"{{{BPMNDI_NS}}}BPMNShape"
_DI_RECORDS = frozenset({_SHAPE, f"{{{BPMNDI_NS}}}BPMNEdge"})
_PLANE = f"{{{BPMNDI_NS}}}BPMNPlane"
_DIAGRAM = f"{{{BPMNDI_NS}}}BPMNDiagram"
GENERATED_DOC_FORMATS = frozenset({"text/x-vollzug-summary"})
"""``bpmn:documentation`` text formats written by tools for display only; not read as documentation."""
_line: Callable[[etree._Element], int | None] = operator.attrgetter("sourceline")
_SPLIT_TAG: dict[str, tuple[str, str]] = {}
"""Qualified tag → (namespace, local name), filled as tags are met."""
_CHILD_REF_NAMES = {tag: tag.rpartition("}")[2] for tag in CHILD_REF_TAGS}
_NODE_FLOW_REFS = frozenset({_B + "incoming", _B + "outgoing"})
_FLOWS = frozenset({"sequence_flow", "message_flow", "association"})
_FLOW_REF, _OPAQUE, _DI, _SUPPORT, _NODE = range(5)
_ACTIONS: dict[str, tuple[int, ElementSpec]] = {
    tag: (_FLOW_REF if tag in _NODE_FLOW_REFS else _OPAQUE if tag in OPAQUE_TAGS else _DI if spec.category == "di"
          else _SUPPORT if spec.category == "support" else _NODE, spec)
    for tag, spec in SPECS.items()
}
"""Qualified tag → what the walk does with it (one lookup per element) and its spec; unknown tags are missing."""


def local_ref(value: str) -> str:
    """An id reference without a QName prefix (``tns:Process_1`` → ``Process_1``)."""
    if ":" in value:
        value = value.rsplit(":", 1)[1]
    return value.strip()


@dataclass(slots=True)
class BpmnElement:
    """One BPMN element with an id, as indexed from the tree (the element itself stays in the tree)."""

    id: str
    tag: str
    """Local name, e.g. ``userTask``."""
    namespace: str
    category: Category
    element: etree._Element
    """The lxml element (the source of truth)."""
    line: int | None
    container: str | None = None
    """Innermost enclosing process or sub-process id."""
    process: str | None = None
    """Top-level process id the element belongs to."""
    lanes: tuple[str, ...] = ()
    """Lanes containing the element (outermost first)."""
    name: str = ""
    documentation: str = ""
    foreign_attributes: Mapping[str, str] = field(default_factory=lambda: _NO_ATTRIBUTES)
    """Attributes in non-BPMN namespaces (Clark notation keys), e.g. camunda:assignee."""
    extension_elements: etree._Element | None = None
    """The element's ``extensionElements`` (the last one if there are several), kept verbatim."""
    incoming: tuple[str, ...] = ()
    """Ids of sequence flows ending here."""
    outgoing: tuple[str, ...] = ()
    """Ids of sequence flows starting here."""
    source: str | None = None
    """Flows and associations: source id (from ``sourceRef``)."""
    target: str | None = None
    """Flows and associations: target id (from ``targetRef``)."""

    def get(self, attribute: str, default: str | None = None) -> str | None:
        """An attribute of the underlying element."""
        return self.element.get(attribute, default)

    @property
    def extensions(self) -> tuple[etree._Element, ...]:
        """Children of ``extensionElements`` (elements only), kept verbatim."""
        if self.extension_elements is None:
            return ()
        return tuple(self.extension_elements.iterchildren(etree.Element))

    def extension(self, clark_tag: str) -> etree._Element | None:
        """The first extension child with this qualified tag, if any."""
        if self.extension_elements is None:
            return None
        for child in self.extension_elements:  # few children: cheaper than find() or a tag-filtered iterator
            if child.tag == clark_tag:
                return child
        return None


class Reference(NamedTuple):
    """One id reference found in the document (for dangling-reference checks)."""

    owner: str | None
    """Id of the referring element (None if it has no id)."""
    attribute: str
    """Attribute or child element name holding the reference."""
    value: str
    line: int | None


@dataclass
class BpmnDocument:
    """A parsed BPMN file: the tree (kept losslessly), indexes and reader diagnostics."""

    tree: etree._ElementTree
    source: str | None = None
    encoding: str = "UTF-8"
    has_declaration: bool = True
    standalone: bool | None = None
    """``standalone`` of the XML declaration, None if it had none."""
    elements: dict[str, BpmnElement] = field(default_factory=dict)
    """Every semantic element with an id (DI elements are in :attr:`shapes` / :attr:`edges`)."""
    di_elements: list[etree._Element] = field(default_factory=list)
    """BPMNPlane, BPMNShape and BPMNEdge elements in document order (indexed lazily: :attr:`shapes`)."""
    data_association_elements: list[etree._Element] = field(default_factory=list)
    """Data input/output associations in document order (they often have no id)."""
    by_category: dict[str, list[BpmnElement]] = field(default_factory=dict)
    """Category → indexed elements in document order."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    duplicates: dict[str, list[int | None]] = field(default_factory=dict)
    """Ids that occur more than once → lines of the later occurrences."""
    references: list[Reference] = field(default_factory=list)
    """Id references for the dangling-reference checks. ``incoming``/``outgoing`` children (they repeat the
    flows' ``sourceRef``/``targetRef``) are listed only where they do not resolve."""

    _shapes: dict[str, Shape] | None = field(default=None, repr=False)
    _di_by_element: dict[str, etree._Element] | None = field(default=None, repr=False)
    _edges: dict[str, Edge] | None = field(default=None, repr=False)

    @property
    def shapes(self) -> dict[str, Shape]:
        """DI shapes by the id of the element they draw (built on first access, with the DI's warnings)."""
        if self._shapes is None:
            self._build_di()
        assert self._shapes is not None
        return self._shapes

    @property
    def edges(self) -> dict[str, Edge]:
        """DI edges by the id of the flow/association they draw (built on first access)."""
        if self._edges is None:
            self._build_di()
        assert self._edges is not None
        return self._edges

    def _build_di(self) -> None:
        """Index the DI: shapes/edges, plus its duplicate ids and references to missing elements (as warnings)."""
        self._shapes, self._edges = build_di(self.di_elements, self.warn)
        di_ids: set[str] = set()
        for el in self.di_elements:
            eid, line = el.get("id"), _line(el)
            if eid is not None:
                if eid in self.elements or eid in di_ids:
                    self.duplicates.setdefault(eid, []).append(line)
                    self.warn(f"duplicate id '{eid}'", line=line, element=eid, code="RD003")
                di_ids.add(eid)
            target = local_ref(el.get("bpmnElement") or "")
            if target:
                self.references.append(Reference(eid, "bpmnElement", target, line))
                if target not in self.elements:
                    self.warn(f"bpmnElement refers to unknown id '{target}'", line=line, element=eid, code="RD004")

    @property
    def root(self) -> etree._Element:
        """The ``definitions`` element."""
        return self.tree.getroot()

    def of_category(self, *categories: Category) -> list[BpmnElement]:
        """Indexed elements of these categories, in document order."""
        if len(categories) == 1:
            return list(self.by_category.get(categories[0], ()))
        return [e for e in self.elements.values() if e.category in categories]

    def shape_element(self, element_id: str) -> etree._Element | None:
        """The first BPMNShape/BPMNEdge element drawing an element (without building the DI index)."""
        if self._di_by_element is None:
            self._di_by_element = {}
            for el in self.di_elements:
                target = el.get("bpmnElement")
                if target:
                    self._di_by_element.setdefault(local_ref(target), el)
        return self._di_by_element.get(element_id)

    def warn(self, message: str, *, line: int | None = None, element: str | None = None, code: str = "") -> None:
        """Record a reader warning."""
        self.diagnostics.append(Diagnostic(message, file=self.source, line=line, element=element, code=code))


@gc_paused
def read_bpmn_bytes(data: bytes, source: str | Path | None = None,
                    limits: safe_xml.Limits = safe_xml.DEFAULT_LIMITS) -> BpmnDocument:
    """Parse and index BPMN bytes."""
    parse_warnings: list[tuple[int | None, str]] = []
    tree = safe_xml.parse_bpmn_bytes(data, source=source, limits=limits, warnings=parse_warnings)
    head = (data[3:200] if data.startswith(b"\xef\xbb\xbf") else data[:200]).lstrip()
    declaration = head[: head.find(b"?>")] if head.startswith(b"<?xml") else b""
    doc = BpmnDocument(tree, source=str(source) if source is not None else None,
                       encoding=tree.docinfo.encoding or "UTF-8", has_declaration=bool(declaration),
                       standalone=(b"yes" in declaration.partition(b"standalone")[2][:8]) if b"standalone" in
                       declaration else None)
    for line, message in parse_warnings:
        doc.warn(message, line=line, code="RD008")
    _Indexer(doc).run()
    return doc


def read_bpmn(path: str | Path, limits: safe_xml.Limits = safe_xml.DEFAULT_LIMITS) -> BpmnDocument:
    """Read and index a BPMN file (safe parse, size limits, lax reading)."""
    return read_bpmn_bytes(safe_xml.read_bytes_limited(path, limits), source=path, limits=limits)


class _Indexer:
    """One pass over the tree filling the document's indexes."""

    def __init__(self, doc: BpmnDocument) -> None:
        self.doc = doc
        self.lanes: list[BpmnElement] = []
        self.contexts: dict[etree._Element, tuple[str | None, str | None]] = {}
        """Container element → (its id, its top-level process id)."""
        self._parent: etree._Element | None = None
        self._parent_id: str | None = None
        self._flow_refs: list[etree._Element] = []
        """``incoming``/``outgoing`` children, checked for dangling values once every id is known."""

    def _context(self, el: etree._Element) -> tuple[str | None, str | None]:
        """(innermost container id, process id) for an element, from the nearest container ancestor."""
        parent = el.getparent()
        while parent is not None:
            found = self.contexts.get(parent)
            if found is not None:
                return found
            parent = parent.getparent()
        return None, None

    def run(self) -> None:
        """Index the semantic part element by element; from the DI only shapes and edges (filtered in C)."""
        root = self.doc.root
        self._index(root, root.tag, "definitions", None, None)
        for top in root.iterchildren(etree.Element):
            if top.tag == _DIAGRAM:
                self.doc.di_elements.extend(top.iter(_PLANE, *_DI_RECORDS))
                continue
            self._scan(top)
        self._link()

    def _scan(self, top: etree._Element) -> None:
        """Index one top-level element and its content in document order. Content that is not walked (extensions,
        documentation, DI, unknown and foreign elements) is skipped whole: its elements never become Python
        objects."""
        references = self.doc.references
        flow_refs = self._flow_refs
        contexts = self.contexts
        actions = _ACTIONS
        walker = etree.iterwalk(top, events=("start",))  # elements only (no comments or PIs)
        for _event, el in walker:
            tag: str = el.tag  # str for elements
            entry = actions.get(tag)
            if entry is None:
                self._unknown(el, tag)
                walker.skip_subtree()
                continue
            action, spec = entry
            if action == _FLOW_REF:  # the commonest child elements: no index entry, checked in _link
                flow_refs.append(el)
                continue
            if action in (_OPAQUE, _DI):
                walker.skip_subtree()
                if action == _DI:
                    self.doc.di_elements.extend(el.iter(_PLANE, *_DI_RECORDS))
                else:
                    self._opaque(el, tag)
                continue
            category = spec.category
            if action == _SUPPORT:
                if tag in CHILD_REF_TAGS:
                    self._child_ref(el, tag)
                if el.get("id") is not None:
                    self._index(el, tag, category, None, None)
                continue
            attrs = safe_xml.attributes(el)
            eid = attrs.get("id")
            if category == "data_association":
                self.doc.data_association_elements.append(el)
            parent = el.getparent()  # (container id, process id) from the nearest container ancestor
            context = contexts.get(parent) if parent is not None else None
            if context is None:
                context = self._context(el)
            if spec.container:
                contexts[el] = (eid, context[1] if context[1] is not None or category != "process" else eid)
            record = None if eid is None else self._index(el, tag, category, context[0], context[1], attrs)
            for attr in spec.refs:
                value = attrs.get(attr)
                if value:
                    references.append(Reference(eid, attr, local_ref(value), _line(el)))
            if record is not None:
                if category in _FLOWS:
                    record.source = local_ref(attrs.get("sourceRef") or "") or None
                    record.target = local_ref(attrs.get("targetRef") or "") or None
                elif category == "lane":
                    self.lanes.append(record)

    def _opaque(self, el: etree._Element, tag: str) -> None:
        parent = el.getparent()
        owner = None if parent is None else self.doc.elements.get(parent.get("id") or "")
        if owner is None:
            return
        if tag == _DOC:
            if el.get("textFormat") in GENERATED_DOC_FORMATS:
                return
            text = ("".join(str(t) for t in el.itertext()) if len(el) else el.text or "").strip()
            owner.documentation = f"{owner.documentation}\n{text}" if owner.documentation else text
        elif tag == _EXT:
            owner.extension_elements = el

    def _child_ref(self, el: etree._Element, tag: str) -> None:
        """``incoming``/``outgoing``/``flowNodeRef``/``sourceRef``/``targetRef`` child elements."""
        value = local_ref(el.text or "")
        if not value:
            return
        parent = el.getparent()
        if parent is not self._parent:  # siblings share it: look its id up once
            self._parent = parent
            self._parent_id = None if parent is None else parent.get("id")
        owner_id = self._parent_id
        name = _CHILD_REF_NAMES[tag]
        self.doc.references.append(Reference(owner_id, name, value, _line(el)))
        if name == "sourceRef" or name == "targetRef":
            owner = self.doc.elements.get(owner_id or "")
            if owner is not None and owner.category == "data_association":
                if name == "sourceRef":
                    owner.source = value
                else:
                    owner.target = value

    def _index(self, el: etree._Element, tag: str, category: Category, container: str | None,
               process: str | None, attrs: dict[str, str] | None = None) -> BpmnElement | None:
        if attrs is None:
            attrs = safe_xml.attributes(el)
        eid = attrs.get("id")
        if eid is None:
            return None
        if eid in self.doc.elements:
            self.doc.duplicates.setdefault(eid, []).append(_line(el))
            self.doc.warn(f"duplicate id '{eid}' ",
                          line=_line(el), element=eid, code="RD003")
            return None
        split = _SPLIT_TAG.get(tag)
        if split is None:
            ns, _, local = tag[1:].partition("}")
            split = _SPLIT_TAG[tag] = (ns, local)
        foreign: Mapping[str, str] = _NO_ATTRIBUTES
        for key in attrs:
            if key[0] == "{":
                foreign = {key: value for key, value in attrs.items()
                           if key[0] == "{" and key[1:].partition("}")[0] not in STANDARD_NS} or _NO_ATTRIBUTES
                break
        record = BpmnElement(eid, split[1], split[0], category, el, _line(el), container, process,
                             (), attrs.get("name") or "", "", foreign)
        self.doc.elements[eid] = record
        bucket = self.doc.by_category.get(category)
        if bucket is None:
            self.doc.by_category[category] = [record]
        else:
            bucket.append(record)
        return record

    def _unknown(self, el: etree._Element, tag: str) -> None:
        ns = tag[1:].partition("}")[0] if tag.startswith("{") else ""
        local = etree.QName(el).localname
        if ns in STANDARD_NS:
            self.doc.warn(f"unknown BPMN element <{local}> kept as is", line=_line(el),
                          element=el.get("id"), code="RD001")
        else:
            self.doc.warn(f"foreign element <{local}> ({ns or 'no namespace'}) outside extensionElements kept as is",
                          line=_line(el), element=el.get("id"), code="RD002")

    def _link(self) -> None:
        elements = self.doc.elements
        for lane in self.lanes:
            for ref_el in lane.element.iterchildren(_B + "flowNodeRef"):
                node = elements.get(local_ref(ref_el.text or ""))
                if node is not None:
                    node.lanes += (lane.id,)
        for flow in self.doc.by_category.get("sequence_flow", ()):
            src = elements.get(flow.source or "")
            tgt = elements.get(flow.target or "")
            if src is not None:
                src.outgoing += (flow.id,)
            if tgt is not None:
                tgt.incoming += (flow.id,)
        for ref_el in self._flow_refs:
            text = ref_el.text
            if text is not None and text in elements:  # the common case: the plain id, nothing to normalise
                continue
            value = local_ref(text or "")
            if value and value not in elements:
                self._child_ref(ref_el, str(ref_el.tag))
        for ref in self.doc.references:
            if ref.value not in elements and ref.attribute != "calledElement":
                self.doc.warn(f"{ref.attribute} refers to unknown id '{ref.value}'", line=ref.line,
                              element=ref.owner, code="RD004")
