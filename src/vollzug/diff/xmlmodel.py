"""Notbehelf: a minimal :class:`OperationalModel` built from an :class:`XmlView`.

Used only when the project's BPMN reader (:mod:`vollzug.bpmn.to_model`) is not available, so that ``vollzug diff``
still compares arbitrary BPMN files (steps, flows, lanes, pools, data objects).
"""

from __future__ import annotations

from typing import Any, get_args

from vollzug.diff.xmlview import XmlView
from vollzug.model.actors import OrgUnit
from vollzug.model.process import (
    DataObject,
    EventDefinition,
    FlowNodeType,
    MessageFlow,
    OperationalModel,
    Pool,
    SequenceFlow,
    Step,
)

_NODE_TYPES = frozenset(get_args(FlowNodeType))
_EVENT_KINDS = frozenset({"message", "timer", "signal", "error", "escalation", "conditional", "compensation",
                          "terminate", "link", "cancel"})


def _event(props: dict[str, Any]) -> EventDefinition | None:
    kinds = [v.removesuffix("EventDefinition") for k, v in props.items()
             if k.startswith("eventDefinitions[") and k.endswith("]")]
    if not kinds and "attachedToRef" not in props:
        return None
    kind: Any = kinds[0] if len(kinds) == 1 and kinds[0] in _EVENT_KINDS else ("multiple" if kinds else "none")
    return EventDefinition(kind=kind, attached_to=props.get("attachedToRef"),
                           interrupting=props.get("cancelActivity", "true") != "false")


def model_from_view(view: XmlView) -> OperationalModel:
    """Steps, flows, lanes, pools and data objects of the view (everything else stays in the view)."""
    steps: list[Step] = []
    flows: list[SequenceFlow] = []
    mflows: list[MessageFlow] = []
    units: list[OrgUnit] = []
    pools: list[Pool] = []
    data: list[DataObject] = []
    processes = [e.id for e in view.elements.values() if e.type == "process"]
    for el in view.elements.values():
        if el.type in _NODE_TYPES:
            steps.append(Step(id=el.id, name=el.name, type=el.type, lane=view.lane_members.get(el.id),
                              event=_event(el.props), documentation=str(el.props.get("documentation", "")),
                              parent=el.parent if el.parent and el.parent not in processes else None))
        elif el.type == "sequenceFlow":
            flows.append(SequenceFlow(id=el.id, name=el.name, source=el.props.get("sourceRef", ""),
                                      target=el.props.get("targetRef", ""),
                                      condition=el.props.get("conditionExpression[0]")))
        elif el.type == "messageFlow":
            mflows.append(MessageFlow(id=el.id, name=el.name, source=el.props.get("sourceRef", ""),
                                      target=el.props.get("targetRef", "")))
        elif el.type == "lane":
            units.append(OrgUnit(id=el.id, name=el.name or el.id))
        elif el.type == "participant":
            pools.append(Pool(id=el.id, name=el.name or el.id, process=el.props.get("processRef")))
        elif el.type in ("dataObjectReference", "dataStoreReference"):
            kind = "store" if el.type == "dataStoreReference" else "object"
            data.append(DataObject(id=el.id, name=el.name, kind=kind))
    return OperationalModel(id=processes[0] if processes else "Process_1", steps=tuple(steps),
                            sequence_flows=tuple(flows), message_flows=tuple(mflows), org_units=tuple(units),
                            pools=tuple(pools), data_objects=tuple(data))
