"""Our model as a pm4py Petri net, built in memory from the :class:`OperationalModel` graph (never from BPMN files).

Translation (one place per sequence flow):

* activity: one visible transition per mapped log activity (labelled with that activity), silent if the step has
  no log counterpart; several incoming flows merge exclusively (a silent transition per flow), several outgoing
  flows all receive a token (BPMN's uncontrolled flow);
* exclusive / event-based / complex gateway: a hub place; a silent transition per incoming and per outgoing flow;
* parallel gateway: one silent transition consuming all incoming and producing all outgoing flows;
* inclusive gateway: approximated as exclusive (documented weakness);
* start events take the token from the source place, end events put it into the sink place; other events are silent.

Only the municipality's own process is translated (steps of external pools are ignored); sub-process children are
not expanded (the sub-process acts as one activity).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from vollzug.errors import ModelError
from vollzug.mining._pm4py import pm4py
from vollzug.model.process import ACTIVITY_TYPES, OperationalModel, Step

_EXCLUSIVE = {"exclusiveGateway", "eventBasedGateway", "complexGateway", "inclusiveGateway"}


class _Net:
    def __init__(self) -> None:
        pm4py()
        from pm4py.objects.petri_net.obj import PetriNet

        self.cls = PetriNet
        self.net = PetriNet("vollzug")
        self.places: dict[str, Any] = {}
        self.count = 0

    def place(self, name: str) -> Any:
        if name not in self.places:
            place = self.cls.Place(name)
            self.net.places.add(place)
            self.places[name] = place
        return self.places[name]

    def transition(self, name: str, label: str | None, inputs: list[str], outputs: list[str]) -> Any:
        from pm4py.objects.petri_net.utils.petri_utils import add_arc_from_to

        self.count += 1
        trans = self.cls.Transition(f"{name}#{self.count}" if label is None else name, label)
        self.net.transitions.add(trans)
        for source in inputs:
            add_arc_from_to(self.place(source), trans, self.net)
        for target in outputs:
            add_arc_from_to(trans, self.place(target), self.net)
        return trans


def own_steps(model: OperationalModel) -> list[Step]:
    """Top-level steps of the municipality's own process (no external pools, no sub-process children)."""
    external = {p.id for p in model.pools if p.stakeholder is not None}
    return [s for s in model.steps if s.pool not in external and s.parent is None]


def model_to_petri(model: OperationalModel, activities_of: Mapping[str, list[str]]) -> tuple[Any, Any, Any]:
    """Petri net with initial and final marking; ``activities_of`` maps step id → the log activities it stands for."""
    from pm4py.objects.petri_net.obj import Marking

    steps = own_steps(model)
    ids = {s.id for s in steps}
    incoming: dict[str, list[str]] = defaultdict(list)
    outgoing: dict[str, list[str]] = defaultdict(list)
    for sf in model.sequence_flows:
        if sf.source in ids and sf.target in ids:
            incoming[sf.target].append(f"flow:{sf.id}")
            outgoing[sf.source].append(f"flow:{sf.id}")
    net = _Net()
    source, sink = net.place("source"), net.place("sink")
    starts = [s for s in steps if s.type == "startEvent" and not incoming[s.id]]
    ends = [s for s in steps if s.type == "endEvent" and not outgoing[s.id]]
    if not starts or not ends:
        raise ModelError("the model needs a start event and an end event for conformance checking",
                         element=model.id)
    for step in steps:
        ins, outs = incoming[step.id], outgoing[step.id]
        if step.type == "startEvent":
            net.transition(f"start:{step.id}", None, ["source"], outs or ["sink"])
        elif step.type == "endEvent":
            _merge_into(net, step.id, ins, ["sink"], None)
        elif step.type == "parallelGateway":
            net.transition(f"and:{step.id}", None, ins, outs)
        elif step.type in _EXCLUSIVE:
            hub = f"hub:{step.id}"
            for flow in ins:
                net.transition(f"xin:{step.id}", None, [flow], [hub])
            for flow in outs:
                net.transition(f"xout:{step.id}", None, [hub], [flow])
        elif step.type in ACTIVITY_TYPES:
            labels = activities_of.get(step.id, [])
            _merge_into(net, step.id, ins, outs, labels)
        else:  # intermediate and boundary events: silent
            _merge_into(net, step.id, ins, outs, None)
    return net.net, Marking({source: 1}), Marking({sink: 1})


def _merge_into(net: _Net, step_id: str, ins: list[str], outs: list[str], labels: list[str] | None) -> None:
    """A node with exclusive merge of its incoming flows, then its transition(s), then all outgoing flows."""
    if len(ins) > 1:
        entry = f"in:{step_id}"
        for flow in ins:
            net.transition(f"merge:{step_id}", None, [flow], [entry])
        inputs = [entry]
    else:
        inputs = ins
    if labels:
        for index, label in enumerate(labels):
            net.transition(f"{step_id}|{index}", label, inputs, outs)
    else:
        net.transition(f"tau:{step_id}", None, inputs, outs)


def step_of_transition(name: str) -> str | None:
    """The step id of a visible transition name (``step|k``), None for silent ones."""
    return name.split("|", 1)[0] if "|" in name else None
