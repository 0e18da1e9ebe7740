"""Prozesserkennung: inductive miner (pm4py) → process tree → our own :class:`OperationalModel`.

The process tree is converted here, not by pm4py's BPMN code: activities become tasks, ``X`` exclusive and ``+``/``∧``
parallel gateway pairs, ``*`` loops an exclusive join/split pair, ``O`` inclusive gateways; tau leaves become direct
flows, and gateways left with one incoming and one outgoing flow are merged away. Lanes come from the majority
performer of each activity; frequencies go into the documentation of each step and of the model.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from vollzug.mining._pm4py import pm4py, quiet
from vollzug.mining.log import EventLog
from vollzug.model.actors import Municipality, OrgUnit
from vollzug.model.process import OperationalModel, Pool, SequenceFlow, Step

_NCNAME_BAD = re.compile(r"[^A-Za-z0-9_.-]")


def ncname(prefix: str, text: str) -> str:
    """An XML NCName built from ``text`` (``Activity_01_HOOFD_010``)."""
    cleaned = _NCNAME_BAD.sub("_", text.strip())[:60] or "x"
    return f"{prefix}_{cleaned}"


@dataclass
class _Graph:
    """Flow nodes and flows under construction."""

    nodes: dict[str, str] = field(default_factory=dict)  # id → type
    flows: list[tuple[str, str]] = field(default_factory=list)
    counter: int = 0

    def node(self, prefix: str, kind: str) -> str:
        self.counter += 1
        node_id = f"{prefix}_{self.counter}"
        self.nodes[node_id] = kind
        return node_id

    def link(self, source: str, target: str) -> None:
        if (source, target) not in self.flows:
            self.flows.append((source, target))


Fragment = tuple[str, str] | None
"""Entry and exit node of a converted sub-tree; None for a silent (tau) sub-tree."""

_GATEWAY_OF: dict[str, str] = {"X": "exclusiveGateway", "+": "parallelGateway", "O": "inclusiveGateway",
                               "<>": "parallelGateway", "PO": "parallelGateway"}


def _convert(tree: Any, graph: _Graph, task_ids: dict[str, str]) -> Fragment:
    operator = tree.operator
    if operator is None:
        if tree.label is None:
            return None
        task = task_ids[tree.label]
        graph.nodes[task] = "task"
        return task, task
    symbol = str(operator.value)
    children = [_convert(child, graph, task_ids) for child in tree.children]
    if symbol == "->":
        parts = [c for c in children if c is not None]
        for (_, exit_node), (entry, _) in itertools.pairwise(parts):
            graph.link(exit_node, entry)
        return (parts[0][0], parts[-1][1]) if parts else None
    if symbol == "*":
        join = graph.node("Gateway_loop_join", "exclusiveGateway")
        split = graph.node("Gateway_loop", "exclusiveGateway")
        body = children[0]
        _between(graph, join, split, body)
        for redo in children[1:]:
            _between(graph, split, join, redo)
        return join, split
    kind = _GATEWAY_OF.get(symbol, "exclusiveGateway")
    split, join = graph.node("Gateway_split", kind), graph.node("Gateway_join", kind)
    for child in children:
        _between(graph, split, join, child)
    return split, join


def _between(graph: _Graph, source: str, target: str, fragment: Fragment) -> None:
    if fragment is None:
        graph.link(source, target)
    else:
        graph.link(source, fragment[0])
        graph.link(fragment[1], target)


def _merge_trivial_gateways(graph: _Graph) -> None:
    """Remove gateways with exactly one incoming and one outgoing flow (and self-loops they leave)."""
    changed = True
    while changed:
        changed = False
        for node, kind in list(graph.nodes.items()):
            if not kind.endswith("Gateway"):
                continue
            incoming = [f for f in graph.flows if f[1] == node]
            outgoing = [f for f in graph.flows if f[0] == node]
            if len(incoming) == 1 and len(outgoing) == 1 and incoming[0][0] != node:
                graph.flows = [f for f in graph.flows if node not in f]
                graph.link(incoming[0][0], outgoing[0][1])
                del graph.nodes[node]
                changed = True


DFG_VARIANT_LIMIT = 300
"""Above this many variants ``miner="auto"`` mines the directly-follows graph (IMd) instead of the log (IMf): on the
BPIC 2015 logs (~1,000 variants each) the log-based miner takes minutes per town, the DFG-based one under a second."""

Miner = Literal["auto", "log", "dfg"]


def discover_tree(log: EventLog, noise_threshold: float = 0.2, miner: Miner = "log") -> Any:
    """The pm4py process tree of the inductive miner: on the log (infrequent variant when ``noise_threshold`` > 0)
    or on its directly-follows graph (``miner="dfg"``, scales to logs with thousands of variants)."""
    module = pm4py()
    frame = log.to_dataframe()
    with quiet():
        if miner == "dfg":
            from pm4py.objects.dfg.obj import DFG

            graph, starts, ends = module.discover_dfg(frame)
            return module.discover_process_tree_inductive(DFG(graph, starts, ends), noise_threshold=noise_threshold)
        return module.discover_process_tree_inductive(frame, noise_threshold=noise_threshold)


def tree_to_model(tree: Any, log: EventLog, *, title: str = "", municipality: Municipality | None = None,
                  noise_threshold: float = 0.2) -> OperationalModel:
    """Convert a pm4py process tree into an IST model with lanes and frequencies from ``log``."""
    events = log.activity_counts()
    cases = log.case_counts()
    task_ids = {a: ncname("Activity", a) for a in events}
    graph = _Graph()
    start, end = "StartEvent_1", "EndEvent_1"
    graph.nodes[start] = "startEvent"
    root = _convert(tree, graph, task_ids)
    graph.nodes[end] = "endEvent"
    _between(graph, start, end, root)
    _merge_trivial_gateways(graph)
    lanes, lane_of, performer_doc = _lanes(log)
    total = len(log.traces)
    steps: list[Step] = []
    for node_id, kind in graph.nodes.items():
        if kind == "task":
            activity = next(a for a, i in task_ids.items() if i == node_id)
            doc = (f"Log-Aktivität: {activity}\nHäufigkeit: {events[activity]} Ereignisse in {cases[activity]} von "
                   f"{total} Fällen ({cases[activity] / total:.0%})")
            if activity in performer_doc:
                doc += f"\nAusführende: {performer_doc[activity]}"
            steps.append(Step(id=node_id, name=log.label(activity), type="task", lane=lane_of.get(activity),
                              basis="none", documentation=doc))
        elif kind in {"startEvent", "endEvent"}:
            steps.append(Step(id=node_id, name="Fall beginnt" if kind == "startEvent" else "Fall endet", type=kind,
                              lane=None, basis="none"))
        else:
            steps.append(Step(id=node_id, type=kind, basis="none"))
    flows = tuple(SequenceFlow(id=f"Flow_{i}", source=s, target=t) for i, (s, t) in enumerate(graph.flows, 1))
    variants = log.variants()
    documentation = (
        f"Aus dem Ereignislog {log.path.name} erkannt (Inductive Miner, Rauschschwelle {noise_threshold}). "
        f"{total} Fälle, {log.event_count} Ereignisse, {len(events)} Aktivitäten, {len(variants)} Varianten. "
        f"Aktivitätsschlüssel: {log.activity_key}; Bahnen aus: {log.resource_key or '—'} (Mehrheit je Aktivität)."
    )
    return OperationalModel(
        id="Process_1",
        title=title or f"IST aus Ereignislog {log.name}",
        variant="IST",
        municipality=municipality,
        documentation=documentation,
        org_units=lanes,
        pools=(Pool(id="Participant_1", name=(municipality.name if municipality else log.name), process="Process_1"),),
        steps=_lane_events(tuple(steps)),
        sequence_flows=flows,
    )


def _lane_events(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """Put start/end events and gateways into the lane of the first task, so every node sits in a lane."""
    first_lane = next((s.lane for s in steps if s.lane), None)
    if first_lane is None:
        return steps
    return tuple(s if s.lane else s.model_copy(update={"lane": first_lane}) for s in steps)


def _lanes(log: EventLog) -> tuple[tuple[OrgUnit, ...], dict[str, str], dict[str, str]]:
    """Org units (one per majority performer), activity → lane id, activity → performer summary."""
    performers = log.performers()
    lane_of: dict[str, str] = {}
    summary: dict[str, str] = {}
    units: dict[str, OrgUnit] = {}
    for activity, counter in performers.items():
        total = sum(counter.values())
        top, _n = counter.most_common(1)[0]
        lane_id = ncname("Lane", top)
        units.setdefault(lane_id, OrgUnit(id=lane_id, name=top, kind="other",
                                          documentation=f"Aus dem Log-Attribut {log.resource_key}"))
        lane_of[activity] = lane_id
        summary[activity] = ", ".join(f"{r} ({n / total:.0%})" for r, n in counter.most_common(3))
    return tuple(sorted(units.values(), key=lambda u: u.id)), lane_of, summary


def discover_model(log: EventLog, *, noise_threshold: float = 0.2, min_case_share: float = 0.0,
                   municipality: Municipality | None = None, title: str = "", miner: Miner = "auto"
                   ) -> OperationalModel:
    """Discover an IST model from a log: optional activity filter, inductive miner, conversion.

    ``miner="auto"`` mines the log itself up to :data:`DFG_VARIANT_LIMIT` variants, above that its
    directly-follows graph; the choice is written into the model's documentation.
    """
    if not 0.0 <= noise_threshold <= 1.0:
        from vollzug.errors import ConfigError

        raise ConfigError(f"noise threshold must be between 0 and 1, not {noise_threshold}")
    if min_case_share > 0:
        cases = log.case_counts()
        keep = Counter({a: n for a, n in cases.items() if n / max(1, len(log.traces)) >= min_case_share})
        log = log.filtered(keep)
    chosen: Miner = miner if miner != "auto" else ("dfg" if len(log.variants()) > DFG_VARIANT_LIMIT else "log")
    tree = discover_tree(log, noise_threshold, chosen)
    model = tree_to_model(tree, log, title=title, municipality=municipality, noise_threshold=noise_threshold)
    how = ("Inductive Miner auf dem Directly-Follows-Graphen (IMd)" if chosen == "dfg"
           else "Inductive Miner auf dem Log (IMf)")
    return model.model_copy(update={"documentation": f"{model.documentation} Verfahren: {how}."})
