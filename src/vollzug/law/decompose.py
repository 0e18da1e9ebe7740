"""Zerlegung: a SOLL skeleton :class:`OperationalModel` for one municipality, generated from a catalogue.

One step per applicable obligation in ``depends_on`` order between a start and an end event, lanes from
:mod:`vollzug.law.orgtemplate`, a default RACI with exactly one A, legal deadlines, collapsed pools with message
flows for every must-involve stakeholder, and a staff-notification step (Inkenntnissetzung) before the first
dependent step. Obligations addressed to an outside party (the Land, the keeper, the insurer) become a message
start event or a receive task fed by that party's pool. The result is marked ``synthetic``.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Literal

from vollzug.law.applicability import (
    deadline_rule_for,
    effective_choices,
    land_options_for,
    obligations_for,
)
from vollzug.law.catalogue import topological_order
from vollzug.law.orgtemplate import OrgTemplate, org_template, role_for
from vollzug.model.actors import Municipality, Stakeholder
from vollzug.model.law import (
    Catalogue,
    DeadlineRule,
    FixedDeadline,
    LandOptionCondition,
    Obligation,
    PromptDeadline,
    RecurringDeadline,
)
from vollzug.model.process import (
    Deadline,
    EventDefinition,
    FlowNodeType,
    MessageFlow,
    Notification,
    OperationalModel,
    Pool,
    RaciAssignment,
    SequenceFlow,
    Step,
    Suppression,
)

__all__ = ["NOTIFICATION_STEP", "decompose", "dump_yaml", "explain", "step_id"]

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})

NOTIFICATION_STEP = "Task_Inkenntnissetzung"
"""Id of the generated staff-notification step."""
_TRIGGER_REASON = (
    "Die Pflicht einer externen Stelle löst das Verfahren aus; die Inkenntnissetzung des Personals folgt unmittelbar "
    "danach (vollzug decompose)."
)


def step_id(obligation_id: str) -> str:
    """BPMN id of the step for an obligation: ``WPG.W07b`` → ``Task_WPG_W07b``."""
    return "Task_" + re.sub(r"[^A-Za-z0-9_]", "_", obligation_id)


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.translate(_UMLAUTS))
    ascii_name = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "_", ascii_name).strip("_").lower() or "kommune"


def _pool_name(municipality: Municipality) -> str:
    prefix = {"Stadt": "Stadt", "Gemeinde": "Gemeinde", "Kreis": "", "kreisfreie Stadt": "Stadt"}[municipality.kind]
    return f"{prefix} {municipality.name}".strip()


def _applicable(
    catalogue: Catalogue, municipality: Municipality, choices: dict[str, bool]
) -> list[Obligation]:
    verdicts = obligations_for(catalogue, municipality, choices)
    return topological_order([ob for ob, verdict in verdicts if verdict.applies])


def _deadlines(
    ob: Obligation, municipality: Municipality, land: frozenset[str], included: set[str]
) -> tuple[Deadline, ...]:
    result: list[Deadline] = []
    fixed = deadline_rule_for(ob, municipality, land=land)
    if fixed is not None:
        result.append(Deadline(kind="legal", date=fixed.date, citation=fixed.citation or None))
    rule: DeadlineRule
    for rule in ob.deadlines:
        if isinstance(rule, FixedDeadline):
            continue
        if isinstance(rule, RecurringDeadline):
            result.append(Deadline(kind="legal", duration=rule.every, term="wiederkehrend",
                                   citation=rule.citation or None))
            continue
        after = rule.after
        after_step = step_id(after) if after in included else None
        if isinstance(rule, PromptDeadline):
            result.append(Deadline(kind="legal", term=rule.term, after=after_step, citation=rule.citation or None))
        else:
            term = ("mindestens" if rule.minimum else None) if after_step or not after else f"nach: {after}"
            result.append(Deadline(kind="legal", duration=rule.duration, after=after_step, term=term,
                                   citation=rule.citation or None))
    return tuple(result)


def _raci(ob: Obligation, role: str, org: OrgTemplate) -> tuple[RaciAssignment, ...]:
    lane, lead = org.lane(role), org.lane("lead")
    if role == "council":
        pairs = [(lead, "R"), (lane, "A")]
    elif lane == lead:
        pairs = [(lane, "R"), (lane, "A")]
    else:
        pairs = [(lane, "R"), (lead, "A")]
    if ob.personal_data != "allowed":
        pairs.append((org.lane("data_protection"), "C"))
    seen: set[tuple[str, str]] = set()
    result = []
    for party, letter in pairs:
        if (party, letter) not in seen:
            seen.add((party, letter))
            result.append(RaciAssignment(party=party, letter=letter))
    return tuple(result)


def _external_kind(ob: Obligation, catalogue: Catalogue) -> str | None:
    """The stakeholder kind an obligation is addressed to, if the addressee is an outside party."""
    kinds = {k.id for k in catalogue.stakeholder_kinds}
    return ob.addressee if ob.addressee in kinds else None


def decompose(
    catalogue: Catalogue,
    municipality: Municipality,
    variant: Literal["SOLL", "IST", "soll", "ist"] = "SOLL",
    *,
    choices: dict[str, bool] | None = None,
) -> OperationalModel:
    """A skeleton model of how ``municipality`` should carry out ``catalogue`` (see the module docstring)."""
    chosen = effective_choices(catalogue, municipality, choices)
    land = land_options_for(catalogue, municipality.land)
    obligations = _applicable(catalogue, municipality, chosen)
    included = {ob.id for ob in obligations}
    org = org_template(municipality, catalogue.id)
    kind_names = {k.id: k.name for k in catalogue.stakeholder_kinds}
    process_id = f"Process_{_slug(municipality.name)}_{catalogue.id.lower()}"

    steps: list[Step] = []
    message_flows: list[MessageFlow] = []
    external: dict[str, set[str]] = {}  # stakeholder kind -> citations

    def pool_id(kind: str) -> str:
        return f"Participant_{kind}"

    first = obligations[0] if obligations else None
    first_kind = _external_kind(first, catalogue) if first else None
    if first is not None and first_kind is not None:
        start = Step(id=step_id(first.id).replace("Task_", "StartEvent_", 1), name=first.title, type="startEvent",
                     lane=org.lane("lead"), obligations=(first.id,), citations=first.citations,
                     raci=_raci(first, "lead", org), event=EventDefinition(kind="message"),
                     suppressions=(Suppression(code="NT001", reason=_TRIGGER_REASON),))
        external.setdefault(first_kind, set()).update(first.citations)
        message_flows.append(MessageFlow(id=f"MessageFlow_{start.id}", source=pool_id(first_kind), target=start.id))
        for req in first.stakeholders:  # a start event only receives: other must-parties send to it as well
            if req.involvement == "must" and req.stakeholder != first_kind:
                external.setdefault(req.stakeholder, set()).update([req.citation] if req.citation else [])
                message_flows.append(MessageFlow(id=f"MessageFlow_{start.id}_{req.stakeholder}",
                                                 source=pool_id(req.stakeholder), target=start.id))
        rest = obligations[1:]
    else:
        start = Step(id="StartEvent_1", name="Wärmeplanung beginnt" if catalogue.id == "WPG" else "Start",
                     type="startEvent")
        rest = obligations
    steps.append(start)

    notified = False
    placed = {start.obligations[0]} if start.obligations else set()
    for ob in rest:
        if not notified and any(dep in included for dep in ob.depends_on):
            steps.append(_notification_step(org, [o.id for o in obligations], municipality))
            notified = True
        role = role_for(ob)
        ext = _external_kind(ob, catalogue)
        node_type: FlowNodeType = "receiveTask" if ext else "task"
        continuous = any(req.continuous for req in ob.stakeholders)
        step = Step(
            id=step_id(ob.id), name=ob.title, type=node_type, lane=org.lane("lead" if ext else role),
            obligations=(ob.id,), citations=ob.citations, raci=_raci(ob, "lead" if ext else role, org),
            deadlines=_deadlines(ob, municipality, land, included), loop="standard" if continuous else "none",
            documentation=ob.note,
        )
        steps.append(step)
        placed.add(ob.id)
        if ext:
            external.setdefault(ext, set()).update(ob.citations)
            message_flows.append(MessageFlow(id=f"MessageFlow_{step.id}_{ext}", source=pool_id(ext), target=step.id))
        for req in ob.stakeholders:
            if req.involvement != "must" or req.stakeholder == ext:
                continue
            external.setdefault(req.stakeholder, set()).update([req.citation] if req.citation else [])
            message_flows.append(MessageFlow(id=f"MessageFlow_{step.id}_{req.stakeholder}", source=step.id,
                                             target=pool_id(req.stakeholder), name=kind_names.get(req.stakeholder, "")))
    if not notified:
        steps.insert(1, _notification_step(org, [o.id for o in obligations], municipality))
    steps.append(Step(id="EndEvent_1", name="Verfahren abgeschlossen", type="endEvent"))

    flows = tuple(SequenceFlow(id=f"Flow_{i}", source=a.id, target=b.id)
                  for i, (a, b) in enumerate(itertools.pairwise(steps), start=1))
    stakeholders = tuple(
        Stakeholder(id=kind, name=kind_names.get(kind, kind), kind=kind, involvement="must",
                    citations=tuple(sorted(cites)))
        for kind, cites in external.items()
    )
    own = Pool(id=f"Participant_{_slug(municipality.name)}", name=_pool_name(municipality), process=process_id)
    pools = (own, *(Pool(id=pool_id(s.id), name=s.name, stakeholder=s.id, collapsed=True) for s in stakeholders))
    upper = variant.upper()
    return OperationalModel(
        id=process_id,
        title=f"{catalogue.title} – {_pool_name(municipality)} ({upper}, Skelett)",
        law=catalogue.id,
        variant="IST" if upper == "IST" else "SOLL",
        municipality=municipality,
        authors=("vollzug decompose",),
        process_owner=org.lane("lead"),
        choices=chosen,
        synthetic=True,
        documentation="\n".join(explain(catalogue, municipality, chosen)),
        org_units=org.units,
        stakeholders=stakeholders,
        pools=pools,
        steps=tuple(steps),
        sequence_flows=flows,
        message_flows=tuple(message_flows),
    )


def _notification_step(org: OrgTemplate, obligation_ids: list[str], municipality: Municipality) -> Step:
    recipients = tuple(dict.fromkeys(u.id for u in org.units if u.kind not in ("council",)))
    return Step(
        id=NOTIFICATION_STEP,
        name="Inkenntnissetzung des Personals (Dienstanweisung mit Kenntnisnahme)",
        type="task",
        lane=org.lane("organisation"),
        basis="internal",
        raci=(RaciAssignment(party=org.lane("organisation"), letter="R"),
              RaciAssignment(party=org.lane("board"), letter="A")),
        notification=Notification(recipients=recipients, obligations=tuple(obligation_ids),
                                  channel="Dienstanweisung", acknowledgement=True, sender=org.lane("board")),
        documentation=f"Interne Dienstanweisung der Verwaltung {municipality.name} (synthetischer Vorschlag).",
    )


def explain(catalogue: Catalogue, municipality: Municipality, choices: dict[str, bool] | None = None) -> list[str]:
    """German summary: which thresholds, Land options and choices applied to the skeleton, and why."""
    chosen = effective_choices(catalogue, municipality, choices)
    land = land_options_for(catalogue, municipality.land)
    pop = municipality.population
    head = f"{_pool_name(municipality)} (AGS {municipality.ags})"
    if pop is not None:
        head += f": {pop.count:,} Einwohner".replace(",", ".") + f" ({pop.source or 'Quelle unbekannt'})"
    lines = [head]
    for ob, verdict in obligations_for(catalogue, municipality, chosen):
        if not ob.applicability:
            continue
        state = "angewandt" if verdict.applies else "nicht angewandt"
        lines.append(f"{ob.id} {ob.title}: {state} – {'; '.join(r.de for r in verdict.reasons)}")
    deadlines: dict[tuple[str, str], list[str]] = {}
    for ob, verdict in obligations_for(catalogue, municipality, chosen):
        rule = deadline_rule_for(ob, municipality, land=land) if verdict.applies else None
        if rule is not None:
            deadlines.setdefault((rule.date.strftime("%d.%m.%Y"), rule.citation), []).append(ob.id)
    for (date, citation), ids in deadlines.items():
        lines.append(f"Frist {date} ({citation or 'ohne Zitat'}) für {', '.join(ids)}")
    org = org_template(municipality, catalogue.id)
    size = "zusammengefasste Organisationseinheiten (kleine Kommune)" if org.small else "eine Lane je Funktion"
    lines.append(f"Organisation: {len(org.units)} Lanes, {size}")
    options = [c.option for ob in catalogue.obligations for c in ob.applicability if isinstance(c, LandOptionCondition)]
    if options:
        used = sorted(set(options) & land)
        lines.append(f"Landesoptionen {municipality.land}: {', '.join(used) or 'keine'}")
    return lines


def dump_yaml(model: OperationalModel) -> str:
    """Authoring YAML of a model via :func:`vollzug.authoring.yaml_io.dump_model_yaml`, with a header comment."""
    from vollzug.authoring.yaml_io import dump_model_yaml

    header = (
        "# Generated by `vollzug decompose` – a SOLL skeleton from the law catalogue (synthetic: true).\n"
        "# Review lanes, RACI and deadlines before use; see `documentation` for the thresholds applied.\n"
    )
    return header + dump_model_yaml(model)
