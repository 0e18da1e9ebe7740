"""Diagrammsicht: the DI of a side (from its BPMN file, or built from its YAML by ``vollzug.authoring.build``)."""

from __future__ import annotations

from vollzug.diff.engine import Side
from vollzug.diff.xmlview import XmlView, build_view


def diagram_view(side: Side) -> XmlView:
    """The XML view with layout: the side's own (BPMN input) or one built from the model (YAML input)."""
    if side.view is not None and side.view.layout:
        return side.view
    from vollzug.authoring.build import build_tree
    from vollzug.errors import VollzugError

    try:
        return build_view(build_tree(side.model), side.path)
    except VollzugError:  # a model the builder cannot lay out: no drawing, the report still lists everything
        return side.view if side.view is not None else XmlView(elements={}, shapes={})


def right_bpmn_bytes(side: Side) -> bytes:
    """The right-hand BPMN: the original bytes of a BPMN input, else the model built to BPMN."""
    if side.view is not None and side.path is not None and side.path.suffix.lower() in (".bpmn", ".xml", ".bpmn2"):
        from vollzug.bpmn.safe_xml import read_bytes_limited

        return read_bytes_limited(side.path)
    from vollzug.authoring.build import build_bpmn

    return build_bpmn(side.model)
