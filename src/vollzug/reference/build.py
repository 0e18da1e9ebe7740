"""Referenzmodell bauen: reference steps → a BPMN model with pools, lanes, a full diagram and per-step support.

Steps with at least ``min_support`` models form the core sequence; the others are kept as variants — each an
optional branch (an exclusive split with the step on one path and a default bypass on the other), in the spirit of
configurable process models: the reference says "some towns do this here", it does not drop it. The support of
every step is written as a ``vz:support`` extension element (count, total, share, and one ``vz:member`` per model
with its element id, label and unit), so it survives a round trip through a modeller.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from vollzug.authoring.build import build_tree
from vollzug.bpmn.extension import VZ
from vollzug.bpmn.spec import VZ_NS
from vollzug.model.actors import OrgUnit
from vollzug.model.process import OperationalModel, SequenceFlow, Step
from vollzug.model.resources import BudgetResource, StaffResource
from vollzug.reference.merge import Cluster, lane_for, ordered

BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"


def _resources(cluster: Cluster) -> tuple[StaffResource | BudgetResource, ...]:
    out: list[StaffResource | BudgetResource] = []
    if cluster.fte is not None:
        out.append(StaffResource(name="Personal (Median der Modelle)", fte=round(cluster.fte, 3)))
    if cluster.eur is not None:
        out.append(BudgetResource(name="Mittel (Median der Modelle)", eur=round(cluster.eur, 2)))
    return tuple(out)


def _documentation(cluster: Cluster, total: int) -> str:
    labels = sorted({m.step.name for m in cluster.members if m.step.name} - {cluster.label})
    text = f"In {cluster.support} von {total} Modellen: {', '.join(cluster.models)}."
    if labels:
        text += " Andere Bezeichnungen: " + "; ".join(labels) + "."
    return text


def reference_model(clusters: Sequence[Cluster], total: int, min_support: int, *, title: str,
                    law: str | None = None) -> OperationalModel:
    """The reference as a domain model (core chain with optional variant branches)."""
    units: dict[str, OrgUnit] = {}
    steps: list[Step] = [Step(id="Ref_Start", name="Start", type="startEvent")]
    flows: list[SequenceFlow] = []
    tail = "Ref_Start"

    def connect(source: str, target: str, *, name: str = "", default: bool = False) -> None:
        flows.append(SequenceFlow(id=f"Flow_{len(flows) + 1:03d}", source=source, target=target, name=name,
                                  default=default))

    for cluster in ordered(clusters):
        lane = lane_for(cluster, units)
        step = Step(id=cluster.id, name=cluster.label, type=cluster.type, lane=lane,
                    obligations=cluster.majority(lambda m: m.step.obligations),
                    citations=cluster.majority(lambda m: m.step.citations),
                    resources=_resources(cluster), documentation=_documentation(cluster, total))
        if cluster.support >= min_support:
            steps.append(step)
            connect(tail, step.id)
            tail = step.id
            continue
        split, join = f"{cluster.id}_optional", f"{cluster.id}_join"
        steps += [Step(id=split, name=f"{cluster.label}?", type="exclusiveGateway", lane=lane,
                       documentation=f"Variante: nur {cluster.support} von {total} Modellen"),
                  step, Step(id=join, type="exclusiveGateway", lane=lane)]
        connect(tail, split)
        connect(split, step.id, name="ja")
        connect(step.id, join)
        connect(split, join, name="nein", default=True)
        tail = join
    steps.append(Step(id="Ref_End", name="Ende", type="endEvent"))
    connect(tail, "Ref_End")
    return OperationalModel(id="Process_Reference", title=title, law=law, org_units=tuple(units.values()),
                            steps=tuple(steps), sequence_flows=tuple(flows),
                            documentation=f"Referenzprozess aus {total} Modellen; Kernschritte ab {min_support}.")


def support_element(cluster: Cluster, total: int, min_support: int) -> etree._Element:
    """``<vz:support count total share core>`` with one ``<vz:member model element label unit>`` per member."""
    el = etree.Element(f"{VZ}support", nsmap={"vz": VZ_NS})
    el.set("count", str(cluster.support))
    el.set("total", str(total))
    el.set("share", f"{cluster.support / total:.3f}" if total else "0")
    el.set("core", "true" if cluster.support >= min_support else "false")
    for member in cluster.members:
        sub = etree.SubElement(el, f"{VZ}member")
        sub.set("model", member.model)
        sub.set("element", member.step.id)
        if member.step.name:
            sub.set("label", member.step.name)
        if member.unit:
            sub.set("unit", member.unit)
    return el


def reference_bpmn(clusters: Sequence[Cluster], total: int, min_support: int, *, title: str,
                   law: str | None = None) -> bytes:
    """BPMN 2.0 XML of the reference with a full diagram and ``vz:support`` on every reference step."""
    model = reference_model(clusters, total, min_support, title=title, law=law)
    root = build_tree(model)
    by_id = {c.id: c for c in clusters}
    for el in root.iter():
        cluster = by_id.get(str(el.get("id", "")))
        if cluster is None or not isinstance(el.tag, str) or not el.tag.startswith(BPMN):
            continue
        ext = el.find(f"{BPMN}extensionElements")
        if ext is None:
            ext = etree.Element(f"{BPMN}extensionElements")
            el.insert(1 if len(el) and el[0].tag == f"{BPMN}documentation" else 0, ext)
        ext.append(support_element(cluster, total, min_support))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
