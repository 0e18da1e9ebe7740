"""BPMN document → :class:`~vollzug.model.process.OperationalModel` (the semantic view used by diff, rules, reports).

The municipality's own process is the one carrying ``<vz:model>``; failing that, the process of the first
participant without ``<vz:stakeholder>``, else the first process with flow nodes. Every other participant becomes
a pool with a stakeholder (``kind="unknown"`` when it carries no ``<vz:stakeholder>``). Broken ``vz:*`` extension
data is reported as a warning and ignored, so that any BPMN file loads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

from lxml import etree
from pydantic import ValidationError

from vollzug.bpmn import extension as ext
from vollzug.bpmn import template_props
from vollzug.bpmn.document import BpmnDocument, BpmnElement, local_ref, read_bpmn
from vollzug.bpmn.safe_xml import BPMN_NS, line_of
from vollzug.gcpause import gc_paused
from vollzug.loader import LoadedModel
from vollzug.model.actors import Stakeholder
from vollzug.model.lawid import is_law_id
from vollzug.model.process import (
    FlowNodeType,
    OperationalModel,
    Pool,
)

_B = f"{{{BPMN_NS}}}"
_STEP_TYPES: frozenset[str] = frozenset(get_args(FlowNodeType))
_EVENT_KINDS: dict[str, str] = {
    _B + "messageEventDefinition": "message", _B + "timerEventDefinition": "timer",
    _B + "signalEventDefinition": "signal", _B + "errorEventDefinition": "error",
    _B + "escalationEventDefinition": "escalation", _B + "conditionalEventDefinition": "conditional",
    _B + "compensateEventDefinition": "compensation", _B + "terminateEventDefinition": "terminate",
    _B + "linkEventDefinition": "link", _B + "cancelEventDefinition": "cancel",
}
_NO_LOOP = frozenset({"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
                      "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
                      "complexGateway"})
_LOOPS = (_B + "standardLoopCharacteristics", _B + "multiInstanceLoopCharacteristics")
_TIMERS = {_B + "timeDate": "date", _B + "timeDuration": "duration", _B + "timeCycle": "cycle"}
_DATA_KINDS = {"dataObjectReference": "object", "dataStoreReference": "store", "dataInput": "input",
               "dataOutput": "output", "dataObject": "object"}

_CAMUNDA_PROPERTIES = f"{{{template_props.CAMUNDA_NS}}}properties"


def _text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    return ("".join(str(t) for t in el.itertext()) if len(el) else el.text or "").strip()


class _Builder:
    """Collects the model's parts from one document."""

    def __init__(self, doc: BpmnDocument, *, fast: bool = True) -> None:
        self.doc = doc
        self.fast = fast
        """Leave step extension values unvalidated for the one validation of the whole model."""
        self.nodes = doc.of_category("flow_node", "sub_process")
        """Flow nodes and sub-processes in document order (looked up once: every part needs them)."""
        self.busy = {e.process for e in self.nodes}
        """Processes that contain flow nodes."""
        self.main = self._main_process()
        self.pool_of_process: dict[str, str] = {}
        self._collapsed_shapes: bool | None = None

    def _maybe_collapsed(self) -> bool:
        """Whether any shape says ``isExpanded="false"`` (a look at the DI elements the reader collected, without
        indexing the DI; an XPath query with a predicate costs more)."""
        if self._collapsed_shapes is None:
            self._collapsed_shapes = any(el.get("isExpanded") == "false" for el in self.doc.di_elements)
        return self._collapsed_shapes

    def _decode(self, record: BpmnElement, tag: str, decode: Callable[[etree._Element], dict[str, Any]]
                ) -> dict[str, Any]:
        el = record.extension(ext.VZ + tag)
        if el is None:
            return {}
        try:
            return decode(el)
        except (ValidationError, ValueError) as exc:
            first = str(exc).splitlines()[:3]
            self.doc.warn(f"invalid vz:{tag} extension ignored: {' '.join(first)}", line=line_of(el),
                          element=record.id, code="RD006")
            return {}

    def _decode_step(self, el: etree._Element) -> dict[str, Any]:
        return ext.decode_step(el, validate=not self.fast)

    def _main_process(self) -> BpmnElement | None:
        processes = self.doc.of_category("process")
        marked = next((p for p in processes if p.extension(ext.VZ + "model") is not None), None)
        if marked is not None:
            return marked
        for part in self.doc.of_category("participant"):
            ref = local_ref(part.get("processRef") or "")
            if ref and part.extension(ext.VZ + "stakeholder") is None and ref in self.doc.elements:
                return self.doc.elements[ref]
        return next((p for p in processes if p.id in self.busy), processes[0] if processes else None)

    def pools(self) -> tuple[list[Pool], list[Stakeholder]]:
        pools: list[Pool] = []
        stakeholders: list[Stakeholder] = []
        busy = self.busy
        for part in self.doc.of_category("participant"):
            process = local_ref(part.get("processRef") or "") or None
            if process is not None:
                self.pool_of_process.setdefault(process, part.id)
            name = part.name or part.id
            if self.main is not None and process == self.main.id:
                pools.append(Pool(id=part.id, name=name, process=process))
                continue
            data = self._decode(part, "stakeholder", ext.decode_stakeholder)
            try:
                stakeholders.append(Stakeholder.model_validate({"id": part.id, "name": name, **data}))
            except ValidationError:
                stakeholders.append(Stakeholder(id=part.id, name=name, kind=data.get("kind") or "unknown"))
            pools.append(Pool(id=part.id, name=name, stakeholder=part.id, process=process,
                              collapsed=process is None or process not in busy))
        return pools, stakeholders

    def _pool(self, record: BpmnElement) -> str | None:
        if record.process is None or (self.main is not None and record.process == self.main.id):
            return None
        return self.pool_of_process.get(record.process)

    def _event(self, record: BpmnElement) -> dict[str, Any] | None:
        data: dict[str, Any] = {}
        kinds = []
        for child in record.element:  # a Python loop over the few children beats lxml's multi-tag filter set-up
            kind = _EVENT_KINDS.get(child.tag)
            if kind is None:
                continue
            kinds.append(kind)
            if len(kinds) > 1:
                continue
            for attr in ("messageRef", "signalRef", "errorRef", "escalationRef"):
                if child.get(attr):
                    target = self.doc.elements.get(local_ref(child.get(attr) or ""))
                    data["ref"] = (target.name or target.id) if target is not None else local_ref(child.get(attr) or "")
            if kind == "link" and child.get("name"):
                data["ref"] = child.get("name")
            for sub in child:
                timer_type = _TIMERS.get(sub.tag)
                if timer_type:
                    data["timer"], data["timer_type"] = _text(sub), timer_type
                elif sub.tag == _B + "condition" and kind == "conditional":
                    data["ref"] = _text(sub)
        if kinds:
            data["kind"] = kinds[0] if len(kinds) == 1 else "multiple"
        if record.tag == "boundaryEvent":
            data["attached_to"] = local_ref(record.get("attachedToRef") or "") or None
            data["interrupting"] = record.get("cancelActivity") != "false"
        elif record.tag == "startEvent" and record.get("isInterrupting") == "false":
            data["interrupting"] = False
        return data or None

    def steps(self) -> list[dict[str, Any]]:
        """Step data (validated with the whole model in one pass)."""
        steps: list[dict[str, Any]] = []
        for record in self.nodes:
            if record.tag not in _STEP_TYPES:
                self.doc.warn(f"<{record.tag}> is not modelled as a step", line=record.line, element=record.id,
                              code="RD007")
                continue
            data: dict[str, Any] = {
                "id": record.id, "name": record.name, "type": record.tag, "pool": self._pool(record),
                "lane": record.lanes[-1] if record.lanes else None, "documentation": record.documentation,
                "parent": record.container if record.container != record.process else None,
            }
            if record.tag.endswith("Event"):
                data["event"] = self._event(record)
            if record.tag not in _NO_LOOP:
                loop = self._loop(record)
                if loop != "none":
                    data["loop"] = loop
            if record.category == "sub_process" and self._maybe_collapsed():
                shape = self.doc.shape_element(record.id)
                if shape is not None and shape.get("isExpanded") == "false":
                    data["collapsed"] = True
            data.update(self._decode(record, "step", self._decode_step))
            if record.extension(_CAMUNDA_PROPERTIES) is not None:  # filled in through vollzug's element templates
                for key, value in template_props.step_data(template_props.template_properties(record.extensions)
                                                           ).items():
                    data.setdefault(key, value)
            steps.append(data)
        return steps

    @staticmethod
    def _loop(record: BpmnElement) -> str:
        for child in record.element:
            tag = child.tag
            if tag == _LOOPS[0]:
                return "standard"
            if tag == _LOOPS[1]:
                return "sequential" if child.get("isSequential") == "true" else "parallel"
        return "none"

    def flows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        elements = self.doc.elements
        seq = []
        for f in self.doc.of_category("sequence_flow"):
            cond = next(f.element.iterchildren(_B + "conditionExpression"), None)
            source = elements.get(f.source or "")
            seq.append({"id": f.id, "source": f.source or "", "target": f.target or "", "name": f.name,
                        "condition": _text(cond) if cond is not None else None,
                        "default": source is not None and source.get("default") == f.id})
        msg = [{"id": f.id, "source": f.source or "", "target": f.target or "", "name": f.name}
               for f in self.doc.of_category("message_flow")]
        return seq, msg

    def data(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        elements = self.doc.elements
        objects: list[dict[str, Any]] = []
        referenced = {local_ref(e.get("dataObjectRef") or "") for e in self.doc.of_category("data")}
        for record in self.doc.of_category("data"):
            if record.tag == "dataObject" and record.id in referenced:
                continue
            real = elements.get(local_ref(record.get("dataObjectRef") or record.get("dataStoreRef") or ""))
            name = record.name or (real.name if real is not None else "")
            extra = self._decode(record, "data", ext.decode_data_object)
            if not extra and real is not None:
                extra = self._decode(real, "data", ext.decode_data_object)
            objects.append({"id": record.id, "name": name, "pool": self._pool(record),
                            "kind": _DATA_KINDS.get(record.tag, "object"), **extra})
        associations: list[dict[str, Any]] = []
        for n, el in enumerate(self.doc.data_association_elements):
            parent = el.getparent()
            activity = (parent.get("id") if parent is not None else None) or ""
            source = local_ref(_text(next(el.iterchildren(_B + "sourceRef"), None)))
            target = local_ref(_text(next(el.iterchildren(_B + "targetRef"), None)))
            if el.tag == _B + "dataInputAssociation":
                source, target = source, activity
            else:
                source, target = activity, target
            if source and target:
                associations.append({"id": el.get("id") or f"{activity}_data_{n}", "source": source,
                                     "target": target})
        return objects, associations

    def annotations(self) -> list[dict[str, Any]]:
        links: dict[str, str] = {}
        for assoc in self.doc.of_category("association"):
            if assoc.source and assoc.target:
                links.setdefault(assoc.source, assoc.target)
                links.setdefault(assoc.target, assoc.source)
        return [{"id": a.id, "text": _text(next(a.element.iterchildren(_B + "text"), None)),
                 "target": links.get(a.id)}
                for a in self.doc.of_category("artifact") if a.tag == "textAnnotation"]

    def org_units(self) -> list[dict[str, Any]]:
        units = []
        for lane in self.doc.of_category("lane"):
            holder = lane.element.getparent()
            outer = holder.getparent() if holder is not None else None
            parent = outer.get("id") if outer is not None and outer.tag == _B + "lane" else None
            data = {"id": lane.id, "name": lane.name or lane.id, "parent": parent,
                    "documentation": lane.documentation, **self._decode(lane, "orgUnit", ext.decode_org_unit)}
            units.append(data)
        return units

    def build(self) -> OperationalModel:
        pools, stakeholders = self.pools()
        seq, msg = self.flows()
        objects, associations = self.data()
        header: dict[str, Any] = {}
        if self.main is not None:
            header = {"id": self.main.id, "title": self.main.name, "documentation": self.main.documentation}
            header.update(self._decode(self.main, "model", ext.decode_model))
            law = header.get("law")
            if law is not None and not is_law_id(str(law)):  # an id, never a path: dropped, the rest is kept
                self.doc.warn(f"vz:model law {str(law)[:80]!r} is not a catalogue id (e.g. WPG); ignored",
                              line=self.main.line, element=self.main.id, code="RD006")
                del header["law"]
        return OperationalModel.model_validate({
            **header, "org_units": self.org_units(), "stakeholders": stakeholders, "pools": pools,
            "steps": self.steps(), "sequence_flows": seq, "message_flows": msg, "data_objects": objects,
            "data_associations": associations, "annotations": self.annotations(),
        })


def model_from_document(doc: BpmnDocument) -> OperationalModel:
    """The operational model described by a BPMN document (warnings are added to ``doc.diagnostics``).

    Fast path: the whole model, extension values included, is validated once. If that fails, the model is built
    again validating each step's extension on its own, so that a broken one is ignored with a warning (RD006)
    instead of failing the file.
    """
    mark = len(doc.diagnostics)
    try:
        return _Builder(doc).build()
    except ValidationError:
        del doc.diagnostics[mark:]
        return _Builder(doc, fast=False).build()


@gc_paused
def load_bpmn_model(path: Path) -> LoadedModel:
    """Read a BPMN file into a :class:`LoadedModel` (model, id → line, reader warnings, the lossless document)."""
    doc = read_bpmn(path)
    model = model_from_document(doc)
    lines = {eid: rec.line for eid, rec in doc.elements.items() if rec.line is not None}
    return LoadedModel(model=model, path=path if isinstance(path, Path) else Path(path), lines=lines,
                       diagnostics=doc.diagnostics, document=doc)
