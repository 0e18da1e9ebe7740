"""BPMN: the right-hand model with diff colours bpmn-js shows (bioc and OMG colour extension on DI shapes/edges)."""

from __future__ import annotations

from lxml import etree

from vollzug.diff.changes import DiffResult
from vollzug.diff.emit import EmitContext
from vollzug.diff.emit.diagram import right_bpmn_bytes
from vollzug.diff.emit.html import states
from vollzug.diff.emit.svg import COLOURS
from vollzug.diff.xmlview import BPMN_NS, BPMNDI_NS, parse_bytes
from vollzug.errors import ConfigError

BIOC_NS = "http://bpmn.io/schema/bpmn/biocolor/1.0"
COLOR_NS = "http://www.omg.org/spec/BPMN/non-normative/color/1.0"


def colour(data: bytes, right_states: dict[str, str]) -> bytes:
    """Set ``bioc:stroke``/``bioc:fill`` and ``color:border-color``/``color:background-color`` per state."""
    root = parse_bytes(data)
    nsmap = dict(root.nsmap)
    if BIOC_NS not in nsmap.values() or COLOR_NS not in nsmap.values():  # re-root to declare the prefixes once
        extra = {p: ns for p, ns in (("bioc", BIOC_NS), ("color", COLOR_NS)) if ns not in nsmap.values()}
        new_root = etree.Element(root.tag, attrib=dict(root.attrib), nsmap={**nsmap, **extra})
        new_root.text = root.text
        before = list(root.itersiblings(preceding=True))  # comments/PIs before the root element are kept
        for child in list(root):
            new_root.append(child)
        for node in before:
            node.tail = "\n"
            new_root.addprevious(node)
        root = new_root
    # pools and lanes get a coloured border only: a filled pool would hide the colours of the steps inside it
    containers = {el.get("id") for el in root.iter(f"{{{BPMN_NS}}}participant", f"{{{BPMN_NS}}}lane")}
    for di in root.iter(f"{{{BPMNDI_NS}}}BPMNShape", f"{{{BPMNDI_NS}}}BPMNEdge"):
        ref = di.get("bpmnElement", "")
        state = right_states.get(ref)
        if state is None:
            continue
        stroke, fill = COLOURS[state]
        di.set(f"{{{BIOC_NS}}}stroke", stroke)
        di.set(f"{{{COLOR_NS}}}border-color", stroke)
        if di.tag.endswith("BPMNShape") and ref not in containers:
            di.set(f"{{{BIOC_NS}}}fill", fill)
            di.set(f"{{{COLOR_NS}}}background-color", fill)
    return bytes(etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8"))


def emit(result: DiffResult, ctx: EmitContext) -> bytes:
    """The coloured right-hand BPMN."""
    if ctx.right is None:
        raise ConfigError("--format bpmn needs the right-hand model")
    _left, right = states(result)
    return colour(right_bpmn_bytes(ctx.right), right)
