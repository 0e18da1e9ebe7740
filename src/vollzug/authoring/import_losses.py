"""What ``vollzug import`` carries into the YAML from vendor constructs, and what it cannot carry.

The authoring YAML describes the operational model (who does what under which §, with which resources); it has no
place for execution details. This module looks at the raw BPMN once and

* **carries** what the YAML can represent: a user task's assignee / candidate groups / ``humanPerformer`` /
  ``potentialOwner`` that names a lane (by id or name) becomes the RACI "R" of that lane; vollzug element-template
  properties (``camunda:property name="vz:…"``) are read as step data by the reader itself;
* **lists per kind** everything else with the element ids: scripts, called elements, assignees that name no lane,
  form keys, implementations (Java classes, expressions, topics, job types), vendor extension elements and foreign
  attributes by namespace, BPMN elements vollzug does not model, and the diagram layout (``vollzug build`` lays the
  model out anew).

``vollzug import --strict`` fails when anything is left uncarried.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from vollzug.bpmn.safe_xml import BPMN_NS
from vollzug.bpmn.spec import VZ_NS
from vollzug.bpmn.template_props import CAMUNDA_NS
from vollzug.i18n import Lang, Msg

_B = f"{{{BPMN_NS}}}"
_C = f"{{{CAMUNDA_NS}}}"
_ZEEBE = "http://camunda.org/schema/zeebe/1.0"
_Z = f"{{{_ZEEBE}}}"
_DI_NS = ("http://www.omg.org/spec/BPMN/20100524/DI", "http://www.omg.org/spec/DD/20100524/DC",
          "http://www.omg.org/spec/DD/20100524/DI")
_OWN_NS = frozenset({BPMN_NS, VZ_NS, *_DI_NS, "http://www.w3.org/2001/XMLSchema-instance",
                     "http://www.w3.org/XML/1998/namespace"})
_ENGINES = (CAMUNDA_NS, "http://activiti.org/bpmn", "http://flowable.org/bpmn")
"""Namespaces of the Camunda 7 / Activiti / Flowable engine attributes (same attribute names)."""
_ASSIGN_ATTRS = tuple(f"{{{ns}}}{name}" for ns in _ENGINES for name in ("assignee", "candidateGroups",
                                                                        "candidateUsers"))
_FORM_ATTRS = frozenset(f"{{{ns}}}{name}" for ns in _ENGINES for name in ("formKey", "formRef"))
_IMPL_ATTRS = frozenset(f"{{{ns}}}{name}" for ns in _ENGINES for name in ("class", "expression", "delegateExpression",
                                                                          "topic", "type", "decisionRef"))
_HANDLED_EXT = frozenset({_C + "properties"})
_NOT_MODELLED = frozenset({"group", "category", "categoryValue",
                           "choreographyTask", "subChoreography", "callChoreography", "conversation",
                           "subConversation", "callConversation", "conversationLink", "dataState"})
KINDS: dict[str, Msg] = {
    "script": Msg("Skripte", "scripts"),
    "called_element": Msg("aufgerufene Prozesse (calledElement)", "called elements"),
    "assignee": Msg("Bearbeiter ohne passende Lane (assignee, candidateGroups …)",
                    "assignees naming no lane (assignee, candidateGroups …)"),
    "form_key": Msg("Formulare (formKey)", "form keys"),
    "implementation": Msg("Implementierungen (Klasse, Ausdruck, Topic, Job-Typ)",
                          "implementations (class, expression, topic, job type)"),
    "vendor_element": Msg("Herstellererweiterungen", "vendor extension elements"),
    "vendor_attribute": Msg("Herstellerattribute", "vendor attributes"),
    "not_modelled": Msg("BPMN-Elemente ohne Entsprechung im YAML", "BPMN elements the YAML does not model"),
    "layout": Msg("Diagramm-Layout (vollzug build ordnet neu an)", "diagram layout (vollzug build lays out anew)"),
}
"""Kinds of constructs that are not carried, with their names."""


@dataclass
class Losses:
    """Constructs not carried, by kind (and vendor namespace prefix) → element ids; and the RACI taken over."""

    lost: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    carried: list[tuple[str, str, str]] = field(default_factory=list)
    """(step id, lane id, where it came from) for assignees turned into RACI R."""

    def add(self, kind: str, element: str) -> None:
        if element not in self.lost[kind]:
            self.lost[kind].append(element)

    def lines(self, lang: Lang = "de") -> list[str]:
        """One line per kind: name, count, the first ids."""
        out = []
        for key in sorted(self.lost):
            ids = self.lost[key]
            kind, _, ns = key.partition(":")
            name = KINDS[kind](lang) + (f" ({ns})" if ns else "")
            shown = ", ".join(ids[:8]) + (" …" if len(ids) > 8 else "")
            verb = "nicht übernommen" if lang == "de" else "not carried"
            out.append(f"{verb}: {name}: {len(ids)} – {shown}")
        return out


def _owner_id(el: etree._Element) -> str:
    node: etree._Element | None = el
    while node is not None:
        ident = node.get("id")
        if ident:
            return ident
        node = node.getparent()
    return "?"


def _prefix(el: etree._Element, ns: str) -> str:
    for prefix, uri in (el.nsmap or {}).items():
        if uri == ns and prefix:
            return str(prefix)
    return ns


def _performer_names(el: etree._Element, resources: dict[str, str]) -> list[str]:
    """Names of the performers: a ``resourceRef`` as the resource's name, else the expression text."""
    names = []
    for tag in ("humanPerformer", "potentialOwner", "performer"):
        for perf in el.iterchildren(_B + tag):
            ref = perf.find(_B + "resourceRef")
            if ref is not None and (ref.text or "").strip():
                ident = (ref.text or "").strip().rpartition(":")[2]
                names.append(resources.get(ident, ident))
                continue
            text = " ".join(str(t).strip() for t in perf.itertext() if str(t).strip())
            if text:
                names.append(text)
    return names


def analyse(root: etree._Element, lanes: dict[str, str], steps_without_raci: set[str]) -> Losses:
    """Walk the definitions once. ``lanes``: lane id → name; ``steps_without_raci``: steps whose RACI may be set
    from an assignee."""
    losses = Losses()
    by_name = {name.strip().lower(): ident for ident, name in lanes.items() if name}
    resources = {r.get("id") or "": r.get("name") or r.get("id") or "" for r in root.iter(_B + "resource")}
    for el in root.iter(etree.Element):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        ns, _, local = tag[1:].partition("}")
        if ns in _DI_NS:
            if local == "BPMNDiagram":
                losses.add("layout", el.get("id") or local)
            continue
        if ns == BPMN_NS:
            ident = el.get("id") or _owner_id(el)
            if local in _NOT_MODELLED:
                losses.add("not_modelled", f"{ident} ({local})")
            if local == "script" or (local == "scriptTask" and el.get("scriptFormat")):
                losses.add("script", _owner_id(el))
            if local == "callActivity" and el.get("calledElement"):
                losses.add("called_element", f"{ident} → {el.get('calledElement')}")
            if local in ("task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask",
                         "businessRuleTask", "scriptTask") and el.get("implementation") not in (
                    None, "##unspecified", "##WebService"):
                losses.add("implementation", ident)
            if local == "userTask" or local == "task" or local == "manualTask":
                _assignees(el, ident, by_name, lanes, steps_without_raci, losses, resources)
            for name in el.attrib:
                key = str(name)
                if key.startswith("{"):
                    attr_ns = key[1:].partition("}")[0]
                    if attr_ns in _OWN_NS:
                        continue
                    if key in _ASSIGN_ATTRS:
                        continue  # handled with the assignees
                    if key in _FORM_ATTRS:
                        losses.add("form_key", ident)
                    elif key in _IMPL_ATTRS:
                        losses.add("implementation", ident)
                    else:
                        losses.add(f"vendor_attribute:{_prefix(el, attr_ns)}", ident)
            continue
        if ns in _OWN_NS:
            continue
        parent = el.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag.startswith(f"{{{ns}}}"):
            continue  # only the outermost element of a vendor subtree counts
        if tag in _HANDLED_EXT and all((p.get("name") or "").startswith("vz:") for p in el):
            continue
        owner = _owner_id(el)
        if local == "formData" or tag == _Z + "formDefinition":
            losses.add("form_key", owner)
        elif tag in (_Z + "taskDefinition", _C + "connector"):
            losses.add("implementation", owner)
        elif tag == _Z + "calledElement":
            losses.add("called_element", owner)
        elif tag == _Z + "script":
            losses.add("script", owner)
        elif tag == _Z + "assignmentDefinition":
            losses.add("assignee", owner)
        else:
            losses.add(f"vendor_element:{_prefix(el, ns)}", owner)
    return losses


def _assignees(el: etree._Element, ident: str, by_name: dict[str, str], lanes: dict[str, str],
               open_steps: set[str], losses: Losses, resources: dict[str, str]) -> None:
    values: list[tuple[str, str]] = []
    for attr in _ASSIGN_ATTRS:
        for value in (el.get(attr) or "").split(","):
            if value.strip():
                values.append((value.strip(), etree.QName(attr).localname))
    values += [(name, "humanPerformer/potentialOwner") for name in _performer_names(el, resources)]
    for value, source in values:
        lane = value if value in lanes else by_name.get(value.lower())
        if lane is not None and ident in open_steps:
            losses.carried.append((ident, lane, source))
        elif lane is None:
            losses.add("assignee", f"{ident} ({value})")


def carry(model: Any, losses: Losses) -> Any:
    """The model with assignees naming a lane as RACI "R" of that lane (only on steps without RACI)."""
    from vollzug.model.process import RaciAssignment

    if not losses.carried:
        return model
    extra: dict[str, list[RaciAssignment]] = defaultdict(list)
    for step_id, lane, _source in losses.carried:
        if all(r.party != lane for r in extra[step_id]):
            extra[step_id].append(RaciAssignment(party=lane, letter="R"))
    steps = tuple(s.model_copy(update={"raci": tuple(extra[s.id])}) if s.id in extra and not s.raci else s
                  for s in model.steps)
    return model.model_copy(update={"steps": steps})
