"""Compile an :class:`OperationalModel` to BPMN 2.0 XML: one collaboration, pools, lanes, flow, data, DI layout.

``build_bpmn(model)`` is deterministic (same model → same bytes) and lossless together with the BPMN reader:
the domain data that BPMN has no place for is written as ``vz:`` extension elements, and the readable German
summary is a separate ``bpmn:documentation`` with ``textFormat="text/x-vollzug-summary"`` that readers ignore.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from vollzug.authoring.build_di import write_di
from vollzug.authoring.build_nodes import NodeWriter
from vollzug.authoring.checks import check_model
from vollzug.authoring.layout import lane_order, layout
from vollzug.authoring.normalise import complete_pools, main_pool
from vollzug.bpmn.extension import encode_model, encode_org_unit, encode_stakeholder
from vollzug.errors import ModelError
from vollzug.model.process import OperationalModel
from vollzug.xmltext import non_xml_strings

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NS = "http://www.omg.org/spec/DD/20100524/DC"
DI_NS = "http://www.omg.org/spec/DD/20100524/DI"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
B = f"{{{BPMN_NS}}}"
NSMAP = {"bpmn": BPMN_NS, "bpmndi": BPMNDI_NS, "dc": DC_NS, "di": DI_NS, "xsi": XSI_NS,
         "vz": "urn:vollzug:bpmn:1.0"}


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, B + tag)
    for key, value in attrs.items():
        el.set(key, value)
    return el


def _extension(el: etree._Element, child: etree._Element | None) -> None:
    if child is not None:
        _sub(el, "extensionElements").append(child)


def _check(model: OperationalModel, file: str | Path | None, lines: Mapping[str, int] | None) -> None:
    for path, element, char in non_xml_strings(model):  # a model built in Python may carry them
        line = (lines or {}).get(element or "") if element else None
        raise ModelError(f"{path}: character U+{ord(char):04X} cannot be written to BPMN (XML)", file=file,
                         line=line, element=element)
    for diag in check_model(model, Path(file) if file else None, lines):
        if diag.severity == "error":
            raise ModelError(diag.message, file=file, line=diag.line, element=diag.element)


def _lanes(model: OperationalModel, parent: etree._Element, process_id: str, own_pool: str) -> None:
    """Nested lane sets; a lane's flowNodeRefs list the steps of its whole subtree (BPMN convention)."""
    order = lane_order(model)
    if not order:
        return
    kids: dict[str | None, list[str]] = defaultdict(list)
    depth_of = dict(order)
    units = {u.id: u for u in model.org_units}
    for lane, _depth in order:
        parent_id = units[lane].parent
        kids[parent_id if parent_id in depth_of else None].append(lane)
    members: dict[str, list[str]] = defaultdict(list)
    for step in model.steps:
        if step.lane in units and step.pool in (None, own_pool):
            current: str | None = step.lane
            while current is not None:
                members[current].append(step.id)
                parent_unit = units[current].parent
                current = parent_unit if parent_unit in units else None

    def write(container: etree._Element, set_id: str, owner: str | None) -> None:
        lane_set = _sub(container, "childLaneSet" if owner else "laneSet", id=set_id)
        for lane_id in kids[owner]:
            unit = units[lane_id]
            lane_el = _sub(lane_set, "lane", id=lane_id, name=unit.name)
            _extension(lane_el, encode_org_unit(unit))
            for ref in members[lane_id]:
                _sub(lane_el, "flowNodeRef").text = ref
            if kids.get(lane_id):
                write(lane_el, f"LaneSet_{lane_id}", lane_id)

    write(parent, f"LaneSet_{process_id}", None)


def build_tree(model: OperationalModel, *, file: str | Path | None = None,
               lines: Mapping[str, int] | None = None) -> etree._Element:
    """The ``bpmn:definitions`` element for a model (see :func:`build_bpmn`)."""
    model = complete_pools(model)
    _check(model, file, lines)
    root = semantic_tree(model)
    write_di(root, layout(model), f"Collaboration_{model.id}", model)
    return root


def semantic_tree(model: OperationalModel) -> etree._Element:
    """``bpmn:definitions`` without diagram (the model must have its pools completed and pass the checks)."""
    own = main_pool(model)
    assert own is not None  # complete_pools guarantees it
    root = etree.Element(B + "definitions", nsmap=NSMAP)
    root.set("id", f"Definitions_{model.id}")
    root.set("targetNamespace", f"urn:vollzug:model:{model.id}")
    root.set("exporter", "vollzug")
    writer = NodeWriter(model, own.id)
    collaboration = etree.Element(B + "collaboration", id=f"Collaboration_{model.id}")
    stakeholders = {s.id: s for s in model.stakeholders}
    for pool in model.pools:
        part = _sub(collaboration, "participant", id=pool.id, name=pool.name)
        process_id = model.id if pool.id == own.id else pool.process
        if process_id:
            part.set("processRef", process_id)
        if pool.stakeholder in stakeholders:
            _extension(part, encode_stakeholder(stakeholders[pool.stakeholder]))
    for mflow in model.message_flows:
        el = _sub(collaboration, "messageFlow", id=mflow.id, sourceRef=mflow.source, targetRef=mflow.target)
        if mflow.name:
            el.set("name", mflow.name)
    processes: list[etree._Element] = []
    for pool in model.pools:
        if pool.id != own.id and not pool.process:
            continue
        process_id = model.id if pool.id == own.id else str(pool.process)
        process = etree.Element(B + "process", id=process_id, isExecutable="false")
        if pool.id == own.id:
            if model.title:
                process.set("name", model.title)
            if model.documentation:
                _sub(process, "documentation").text = model.documentation
            _extension(process, encode_model(model))
            writer.io_specification(process)
            _lanes(model, process, process_id, own.id)
        writer.fill(process, None, pool.id)
        processes.append(process)
    writer.collaboration_artifacts(collaboration)
    for el in writer.root_elements():
        root.append(el)
    root.append(collaboration)
    for process in processes:
        root.append(process)
    return root


def build_bpmn(model: OperationalModel, *, file: str | Path | None = None,
               lines: Mapping[str, int] | None = None) -> bytes:
    """BPMN 2.0 XML (UTF-8) for a model, with a complete diagram. ``file``/``lines`` locate errors."""
    root = build_tree(model, file=file, lines=lines)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
