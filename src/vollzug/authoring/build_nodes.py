"""Semantic BPMN elements of a process: flow nodes, event definitions, data, sequence flows, artifacts."""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

from vollzug.authoring.summary import SUMMARY_FORMAT, step_summary
from vollzug.bpmn.extension import encode_data_object, encode_step
from vollzug.model.process import ACTIVITY_TYPES, EVENT_TYPES, EventDefinition, OperationalModel, Step

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
B = f"{{{BPMN_NS}}}"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
_NCNAME = re.compile(r"^[A-Za-z_][\w.-]*$")
_ROOT_KIND = {"message": "message", "signal": "signal", "error": "error", "escalation": "escalation"}
_CATCH = frozenset({"startEvent", "intermediateCatchEvent", "boundaryEvent"})
_DEFAULT_HOLDERS = ACTIVITY_TYPES | {"exclusiveGateway", "inclusiveGateway", "complexGateway"}


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, B + tag)
    for key, value in attrs.items():
        el.set(key, value)
    return el


def _formal(parent: etree._Element, tag: str, text: str) -> None:
    el = _sub(parent, tag)
    el.set(XSI_TYPE, "bpmn:tFormalExpression")
    el.text = text


def timer_kind(event: EventDefinition) -> str:
    """timeDate, timeDuration or timeCycle (guessed from the value if ``timer_type`` is not given)."""
    kind = event.timer_type
    if kind is None:
        value = (event.timer or "").upper()
        kind = "cycle" if value.startswith("R") else "duration" if value.startswith("P") else "date"
    return {"date": "timeDate", "duration": "timeDuration", "cycle": "timeCycle"}[kind]


class NodeWriter:
    """Writes the flow elements of every container of one model."""

    def __init__(self, model: OperationalModel, own_pool: str) -> None:
        self.model = model
        self.own = own_pool
        self.steps = {s.id: s for s in model.steps}
        self.data = {d.id: d for d in model.data_objects}
        self.inputs: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.outputs: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for assoc in model.data_associations:
            if assoc.source in self.data:
                self.inputs[assoc.target].append((assoc.id, assoc.source))
            else:
                self.outputs[assoc.source].append((assoc.id, assoc.target))
        self.defaults = {f.source: f.id for f in model.sequence_flows if f.default}
        self.incoming: dict[str, list[str]] = defaultdict(list)
        self.outgoing: dict[str, list[str]] = defaultdict(list)
        for f in model.sequence_flows:
            self.outgoing[f.source].append(f.id)
            self.incoming[f.target].append(f.id)
        self._roots: dict[tuple[str, str], str] = {}
        self._ids = {model.id, *self.steps, *self.data, *(f.id for f in model.sequence_flows),
                     *(f.id for f in model.message_flows), *(p.id for p in model.pools),
                     *(u.id for u in model.org_units), *(a.id for a in model.annotations),
                     *(a.id for a in model.data_associations)}

    # --- containers -------------------------------------------------------------------------------

    def _pool_of(self, step: Step) -> str:
        while step.parent is not None and step.parent in self.steps:
            step = self.steps[step.parent]
        return self.own if step.pool in (None, self.own) else str(step.pool)

    def _container_of(self, ident: str | None) -> tuple[str | None, str] | None:
        """(parent sub-process, pool) of the container an element belongs in; None for the collaboration."""
        if ident in self.steps:
            step = self.steps[ident]
            return step.parent, self._pool_of(step)
        if ident in self.data:
            pool = self.data[ident].pool
            processes = {p.id for p in self.model.pools if p.process}
            return None, pool if pool in processes else self.own
        flow = next((f for f in self.model.sequence_flows if f.id == ident), None)
        if flow is not None:
            return self._container_of(flow.source)
        if ident is None or ident in {u.id for u in self.model.org_units}:
            return None, self.own
        return None

    def fill(self, container: etree._Element, parent: str | None, pool: str) -> None:
        """Write everything belonging to this container: nodes, data, sequence flows, then artifacts."""
        here = (parent, pool)
        for step in self.model.steps:
            if self._container_of(step.id) == here:
                self._node(container, step, pool)
        if parent is None:
            for obj in self.model.data_objects:
                if obj.kind in ("object", "store") and self._container_of(obj.id) == here:
                    self._data_object(container, obj.id)
        for flow in self.model.sequence_flows:
            if self._container_of(flow.source) == here:
                el = _sub(container, "sequenceFlow", id=flow.id, sourceRef=flow.source, targetRef=flow.target)
                if flow.name:
                    el.set("name", flow.name)
                if flow.condition is not None:
                    _formal(el, "conditionExpression", flow.condition)
        for note in self.model.annotations:
            if self._container_of(note.target) == here:
                self._annotation(container, note.id)

    def collaboration_artifacts(self, collaboration: etree._Element) -> None:
        """Annotations on pools or message flows live in the collaboration."""
        for note in self.model.annotations:
            if self._container_of(note.target) is None:
                self._annotation(collaboration, note.id)

    def _annotation(self, container: etree._Element, ident: str) -> None:
        note = next(a for a in self.model.annotations if a.id == ident)
        _sub(_sub(container, "textAnnotation", id=note.id), "text").text = note.text
        if note.target is not None:
            _sub(container, "association", id=f"Association_{note.id}", sourceRef=note.id, targetRef=note.target)

    # --- data ---------------------------------------------------------------------------------------

    def io_specification(self, process: etree._Element) -> None:
        """Process inputs/outputs (data objects of kind input/output) as an ioSpecification."""
        ios = [d for d in self.model.data_objects if d.kind in ("input", "output")]
        if not ios:
            return
        spec = _sub(process, "ioSpecification", id=f"IoSpecification_{self.model.id}")
        for kind in ("input", "output"):
            for obj in ios:
                if obj.kind == kind:
                    el = _sub(spec, f"data{kind.title()}", id=obj.id)
                    if obj.name:
                        el.set("name", obj.name)
                    ext = encode_data_object(obj)
                    if ext is not None:
                        _sub(el, "extensionElements").append(ext)
        for kind in ("input", "output"):
            io_set = _sub(spec, f"{kind}Set", id=f"{kind.title()}Set_{self.model.id}")
            for obj in ios:
                if obj.kind == kind:
                    _sub(io_set, f"data{kind.title()}Refs").text = obj.id

    def _data_object(self, container: etree._Element, ident: str) -> None:
        obj = self.data[ident]
        ext = encode_data_object(obj)
        if obj.kind == "store":
            el = _sub(container, "dataStoreReference", id=obj.id)
        else:
            _sub(container, "dataObject", id=f"DataObject_{obj.id}")
            el = _sub(container, "dataObjectReference", id=obj.id, dataObjectRef=f"DataObject_{obj.id}")
        if obj.name:
            el.set("name", obj.name)
        if ext is not None:
            _sub(el, "extensionElements").append(ext)

    # --- flow nodes ---------------------------------------------------------------------------------

    def _node(self, container: etree._Element, step: Step, pool: str) -> None:
        el = _sub(container, step.type, id=step.id)
        if step.name:
            el.set("name", step.name)
        if step.type == "boundaryEvent" and step.event is not None:
            el.set("attachedToRef", str(step.event.attached_to))
            if not step.event.interrupting:
                el.set("cancelActivity", "false")
        if step.id in self.defaults and step.type in _DEFAULT_HOLDERS:
            el.set("default", self.defaults[step.id])
        if step.documentation:
            _sub(el, "documentation").text = step.documentation
        summary = step_summary(step, self.model)
        if summary:
            _sub(el, "documentation", textFormat=SUMMARY_FORMAT).text = summary
        ext = encode_step(step)
        if ext is not None:
            _sub(el, "extensionElements").append(ext)
        for ref in self.incoming[step.id]:
            _sub(el, "incoming").text = ref
        for ref in self.outgoing[step.id]:
            _sub(el, "outgoing").text = ref
        if step.type in ACTIVITY_TYPES:
            self._activity_body(el, step, pool)
        elif step.type in EVENT_TYPES:
            self._event_body(el, step)

    def _activity_body(self, el: etree._Element, step: Step, pool: str) -> None:
        if self.inputs[step.id]:
            _sub(el, "property", id=f"Property_{step.id}", name="__targetRef_placeholder")
        for assoc_id, source in self.inputs[step.id]:
            assoc = _sub(el, "dataInputAssociation", id=assoc_id)
            _sub(assoc, "sourceRef").text = source
            _sub(assoc, "targetRef").text = f"Property_{step.id}"
        for assoc_id, target in self.outputs[step.id]:
            _sub(_sub(el, "dataOutputAssociation", id=assoc_id), "targetRef").text = target
        if step.loop == "standard":
            _sub(el, "standardLoopCharacteristics", id=f"Loop_{step.id}")
        elif step.loop in ("parallel", "sequential"):
            _sub(el, "multiInstanceLoopCharacteristics", id=f"Loop_{step.id}",
                 isSequential="true" if step.loop == "sequential" else "false")
        if step.type in ("subProcess", "adHocSubProcess", "transaction"):
            self.fill(el, step.id, pool)

    def _event_body(self, el: etree._Element, step: Step) -> None:
        catch = step.type in _CATCH
        if catch:
            for assoc_id, target in self.outputs[step.id]:
                _sub(_sub(el, "dataOutputAssociation", id=assoc_id), "targetRef").text = target
        else:
            for assoc_id, source in self.inputs[step.id]:
                assoc = _sub(el, "dataInputAssociation", id=assoc_id)
                _sub(assoc, "sourceRef").text = source
        event = step.event
        if event is None or event.kind == "none":
            return
        kinds = ["message", "signal"] if event.kind == "multiple" else [event.kind]
        for i, kind in enumerate(kinds):
            suffix = "" if i == 0 else f"_{i + 1}"
            tag = "compensateEventDefinition" if kind == "compensation" else f"{kind}EventDefinition"
            ed = _sub(el, tag, id=f"{step.id}_ed{suffix}")
            if kind == "timer" and event.timer is not None:
                _formal(ed, timer_kind(event), event.timer)
            elif kind == "conditional":
                _formal(ed, "condition", event.ref or "")
            elif kind == "link" and event.ref:
                ed.set("name", event.ref)
            elif kind in _ROOT_KIND and event.ref:
                ed.set(f"{kind}Ref", self._root_ref(kind, event.ref))

    def _root_ref(self, kind: str, ref: str) -> str:
        key = (kind, ref)
        if key not in self._roots:
            taken = set(self._roots.values()) | self._ids
            ident = ref if _NCNAME.match(ref) and ref not in taken else f"{kind.title()}_{len(self._roots) + 1}"
            while ident in taken:
                ident += "_"
            self._roots[key] = ident
        return self._roots[key]

    def root_elements(self) -> list[etree._Element]:
        """Message/signal/error/escalation definitions referenced by events: id = the model's ``ref`` when that is a
        free NCName (so readers get it back), name = ``ref`` always."""
        out = []
        for (kind, ref), ident in self._roots.items():
            el = etree.Element(B + _ROOT_KIND[kind], id=ident, name=ref)
            out.append(el)
        return out
