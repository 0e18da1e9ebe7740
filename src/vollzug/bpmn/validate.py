"""Validation of BPMN documents: OMG BPMN 2.0 XSD (+ vollzug's extension XSD) and semantic checks.

The schemas are vendored under ``src/vollzug/bpmn/xsd/`` and loaded once; the resolver only resolves those
local files. Semantic checks (codes ``SM…``) are what the XSD cannot see: duplicate ids, dangling references,
sequence flows that do not connect flow nodes of one process, lanes naming missing nodes, message flows inside
one pool.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from lxml import etree

from vollzug.bpmn.document import BpmnDocument, BpmnElement
from vollzug.bpmn.safe_xml import BPMN_NS
from vollzug.bpmn.spec import VZ_NS
from vollzug.diagnostics import Diagnostic

XSD_DIR = Path(__file__).with_name("xsd")
_LOCAL_XSD = frozenset({"BPMN20.xsd", "Semantic.xsd", "BPMNDI.xsd", "DC.xsd", "DI.xsd", "vollzug.xsd"})
_WRAPPER = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="{BPMN_NS}" schemaLocation="BPMN20.xsd"/>
  <xsd:import namespace="{VZ_NS}" schemaLocation="vollzug.xsd"/>
</xsd:schema>"""
_NODES = ("flow_node", "sub_process")


class _LocalResolver(etree.Resolver):
    """Resolves schema locations to the vendored XSD files only; anything else is refused."""

    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:  # type: ignore[override]
        name = Path(urlparse(system_url or "").path).name
        if name in _LOCAL_XSD:
            return self.resolve_filename(str(XSD_DIR / name), context)  # type: ignore[attr-defined]
        raise etree.XMLSchemaParseError(f"refusing to resolve schema location {system_url!r}")


@lru_cache(maxsize=1)
def bpmn_schema() -> etree.XMLSchema:
    """The BPMN 2.0 schema combined with vollzug's extension schema (loaded once)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    parser.resolvers.add(_LocalResolver())
    wrapper = etree.fromstring(_WRAPPER.encode(), parser, base_url=str(XSD_DIR / "_all.xsd"))
    return etree.XMLSchema(wrapper)


def _line_index(doc: BpmnDocument) -> dict[int, str]:
    index: dict[int, str] = {}
    for eid, record in doc.elements.items():
        if record.line is not None:
            index.setdefault(record.line, eid)
    return index


def xsd_problems(doc: BpmnDocument) -> list[Diagnostic]:
    """XSD validation errors (code ``XS001``), each with line and, where known, the element id on that line."""
    schema = bpmn_schema()
    if schema.validate(doc.tree):
        return []
    at_line = _line_index(doc)
    return [Diagnostic(f"XSD: {entry.message}", file=doc.source, line=entry.line or None,
                       element=at_line.get(entry.line), severity="error", code="XS001")
            for entry in schema.error_log]  # type: ignore[attr-defined]


def _error(doc: BpmnDocument, code: str, message: str, record: BpmnElement | None = None,
           line: int | None = None, element: str | None = None) -> Diagnostic:
    return Diagnostic(message, file=doc.source, line=line if record is None else record.line,
                      element=element if record is None else record.id, severity="error", code=code)


def _duplicates(doc: BpmnDocument) -> list[Diagnostic]:
    return [_error(doc, "SM001", f"duplicate id '{eid}'", line=line, element=eid)
            for eid, lines in doc.duplicates.items() for line in lines]


def _dangling(doc: BpmnDocument) -> list[Diagnostic]:
    known = doc.elements
    found = []
    for ref in doc.references:
        if ref.value in known:
            continue
        if ref.attribute == "flowNodeRef":
            message = f"lane refers to missing flow node '{ref.value}'"
        else:
            message = f"{ref.attribute} refers to unknown id '{ref.value}'"
        found.append(_error(doc, "SM002", message, line=ref.line, element=ref.owner))
    return found


def _sequence_flows(doc: BpmnDocument) -> list[Diagnostic]:
    found = []
    for flow in doc.of_category("sequence_flow"):
        ends = [doc.elements.get(flow.source or ""), doc.elements.get(flow.target or "")]
        for role, end in zip(("source", "target"), ends, strict=True):
            if end is not None and end.category not in _NODES:
                found.append(_error(doc, "SM003", f"sequence flow {role} '{end.id}' is a {end.tag}, "
                                                  "not a flow node", flow))
        src, tgt = ends
        if src is not None and tgt is not None and src.category in _NODES and tgt.category in _NODES \
                and src.container != tgt.container:
            found.append(_error(doc, "SM004", "sequence flow crosses a process or sub-process boundary "
                                              f"('{src.id}' → '{tgt.id}')", flow))
    return found


def _pool_of(doc: BpmnDocument, record: BpmnElement | None) -> str | None:
    if record is None:
        return None
    if record.category == "participant":
        ref = record.get("processRef")
        return ref.rsplit(":", 1)[-1] if ref else f"participant:{record.id}"
    return record.process


def _message_flows(doc: BpmnDocument) -> list[Diagnostic]:
    found = []
    for flow in doc.of_category("message_flow"):
        src = _pool_of(doc, doc.elements.get(flow.source or ""))
        tgt = _pool_of(doc, doc.elements.get(flow.target or ""))
        if src is not None and src == tgt:
            found.append(_error(doc, "SM006", "message flow connects two elements of the same pool", flow))
    return found


SEMANTIC_CHECKS: tuple[Callable[[BpmnDocument], list[Diagnostic]], ...] = (
    _duplicates, _dangling, _sequence_flows, _message_flows,
)
"""Semantic checks, each returning errors for one document."""


def semantic_problems(doc: BpmnDocument) -> list[Diagnostic]:
    """All semantic errors of a document."""
    return [problem for check in SEMANTIC_CHECKS for problem in check(doc)]


def validate_document(doc: BpmnDocument, *, xsd: bool = True) -> list[Diagnostic]:
    """XSD errors, semantic errors and the remaining reader warnings, sorted by line."""
    _ = doc.shapes  # index the DI first: its ids and references take part in the checks
    problems = (xsd_problems(doc) if xsd else []) + semantic_problems(doc)
    problems += [d for d in doc.diagnostics if d.code not in ("RD003", "RD004")]
    return sorted(problems, key=lambda d: (d.line or 0, d.code))


def validate_file(path: str | Path, *, xsd: bool = True) -> list[Diagnostic]:
    """Read a BPMN file (raising :class:`~vollzug.errors.VollzugError` if it cannot be read) and validate it."""
    from vollzug.bpmn.document import read_bpmn

    return validate_document(read_bpmn(path), xsd=xsd)


def problem_line(problem: Diagnostic) -> str:
    """``file:line: [id] message`` (the one-line text form of a problem)."""
    where = (problem.file or "") + (f":{problem.line}" if problem.line else "")
    element = f"[{problem.element}] " if problem.element else ""
    level = "" if problem.severity == "error" else f"{problem.severity}: "
    code = f"{problem.code} " if problem.code else ""
    return f"{where}: {code}{element}{level}{problem.message}"


def problem_record(problem: Diagnostic) -> dict[str, Any]:
    """A problem as a JSON-ready mapping."""
    return {"file": problem.file, "line": problem.line, "element": problem.element, "code": problem.code,
            "severity": problem.severity, "message": problem.message}
