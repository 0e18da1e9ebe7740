"""BPMN DI: one BPMNDiagram per computed :class:`~vollzug.authoring.layout.Diagram`."""

from __future__ import annotations

from lxml import etree

from vollzug.authoring.layout import Diagram
from vollzug.model.process import OperationalModel

BPMNDI = "{http://www.omg.org/spec/BPMN/20100524/DI}"
DC = "{http://www.omg.org/spec/DD/20100524/DC}"
DI = "{http://www.omg.org/spec/DD/20100524/DI}"


def write_di(root: etree._Element, diagrams: list[Diagram], collaboration_id: str, model: OperationalModel) -> None:
    """Append the diagrams to ``definitions``; pools and lanes are horizontal, sub-processes say isExpanded."""
    horizontal = {p.id for p in model.pools} | {u.id for u in model.org_units}
    for index, diagram in enumerate(diagrams):
        plane_element = diagram.plane or collaboration_id
        suffix = "1" if index == 0 else plane_element
        dia = etree.SubElement(root, BPMNDI + "BPMNDiagram", id=f"BPMNDiagram_{suffix}")
        plane = etree.SubElement(dia, BPMNDI + "BPMNPlane", id=f"BPMNPlane_{suffix}", bpmnElement=plane_element)
        for ident, box in diagram.shapes.items():
            shape = etree.SubElement(plane, BPMNDI + "BPMNShape", id=f"{ident}_di", bpmnElement=ident)
            if ident in horizontal:
                shape.set("isHorizontal", "true")
            if ident in diagram.expanded:
                shape.set("isExpanded", "true" if diagram.expanded[ident] else "false")
            etree.SubElement(shape, DC + "Bounds", x=str(box.x), y=str(box.y), width=str(box.w), height=str(box.h))
        for ident, points in diagram.edges.items():
            edge = etree.SubElement(plane, BPMNDI + "BPMNEdge", id=f"{ident}_di", bpmnElement=ident)
            for x, y in points:
                etree.SubElement(edge, DI + "waypoint", x=str(x), y=str(y))
