"""Semantic checks of a loaded model that the schema cannot express: duplicate ids and dangling references.

They are reported as :class:`Diagnostic` (the file still loads); ``vollzug build`` refuses models with errors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

from vollzug.diagnostics import Diagnostic
from vollzug.model.process import ACTIVITY_TYPES, EVENT_TYPES, OperationalModel, Step


def _problems(model: OperationalModel) -> Iterator[tuple[str, str, str]]:
    """(element id, severity, message) for every problem found."""
    element_ids = [model.id, *(u.id for u in model.org_units), *(p.id for p in model.pools),
                   *(s.id for s in model.steps), *(f.id for f in model.sequence_flows),
                   *(f.id for f in model.message_flows), *(d.id for d in model.data_objects),
                   *(a.id for a in model.data_associations), *(a.id for a in model.annotations)]
    for ident, count in Counter(element_ids).items():
        if count > 1:
            yield ident, "error", f"id '{ident}' is used by {count} elements"
    units = {u.id for u in model.org_units}
    parties = units | {r.id for r in model.roles} | {s.id for s in model.stakeholders}
    steps = {s.id: s for s in model.steps}
    pools = {p.id for p in model.pools}
    data = {d.id for d in model.data_objects}
    for unit in model.org_units:
        if unit.parent is not None and unit.parent not in units:
            yield unit.id, "error", f"parent org unit '{unit.parent}' does not exist"
    parent_of = {u.id: u.parent for u in model.org_units}
    yield from (i for i in _cycles(parent_of, "org unit"))
    yield from (i for i in _cycles({s.id: s.parent for s in model.steps}, "sub-process"))
    for pool in model.pools:
        if pool.stakeholder is not None and pool.stakeholder not in {s.id for s in model.stakeholders}:
            yield pool.id, "error", f"stakeholder '{pool.stakeholder}' does not exist"
    known = _obligation_ids(model.law) if model.law else None
    for step in model.steps:
        yield from _step_problems(step, model.law, steps, known, units, parties, pools)
    for flow in model.sequence_flows:
        for end in (flow.source, flow.target):
            if end not in steps:
                yield flow.id, "error", f"sequence flow end '{end}' is not a step"
        if flow.default and flow.source in steps and steps[flow.source].type in EVENT_TYPES:
            yield flow.id, "error", "an event cannot have a default flow"
    for mflow in model.message_flows:
        for end in (mflow.source, mflow.target):
            if end not in steps and end not in pools:
                yield mflow.id, "error", f"message flow end '{end}' is neither a step nor a pool"
    for assoc in model.data_associations:
        ends = [assoc.source, assoc.target]
        if sum(e in data for e in ends) != 1 or sum(e in steps for e in ends) != 1:
            yield assoc.id, "error", "a data association links one step and one data object"
        for end in ends:
            if end in steps and steps[end].type not in ACTIVITY_TYPES | EVENT_TYPES:
                yield assoc.id, "error", f"'{end}' ({steps[end].type}) cannot have data associations"
    annotatable = set(steps) | pools | data | units | {f.id for f in model.sequence_flows}
    for note in model.annotations:
        if note.target is not None and note.target not in annotatable:
            yield note.id, "error", f"annotated element '{note.target}' does not exist"
    if model.process_owner is not None and model.process_owner not in parties:
        yield model.id, "warning", f"process owner '{model.process_owner}' is not an org unit, role or stakeholder"


def _cycles(parent_of: dict[str, str | None], what: str) -> Iterator[tuple[str, str, str]]:
    """Elements whose ``parent`` chain runs in a circle."""
    reported: set[str] = set()
    for start in parent_of:
        seen: list[str] = []
        current: str | None = start
        while current is not None and current in parent_of and current not in seen:
            seen.append(current)
            current = parent_of[current]
        if current is not None and current in seen and current not in reported:
            ring = seen[seen.index(current):]
            reported.update(ring)
            yield current, "error", f"{what} parents form a cycle: {' → '.join([*ring, current])}"


def _step_problems(
    step: Step, law: str | None, steps: Mapping[str, Step], known: frozenset[str] | None,
    units: set[str], parties: set[str], pools: set[str],
) -> Iterator[tuple[str, str, str]]:
    if step.lane is not None and step.lane not in units:
        yield step.id, "error", f"lane (org unit) '{step.lane}' does not exist"
    if step.pool is not None and step.pool not in pools:
        yield step.id, "error", f"pool '{step.pool}' does not exist"
    if step.parent is not None and (step.parent not in steps or steps[step.parent].type not in
                                    {"subProcess", "adHocSubProcess", "transaction"}):
        yield step.id, "error", f"parent '{step.parent}' is not a sub-process"
    for party in [r.party for r in step.raci] + list(step.notification.recipients if step.notification else ()):
        if party not in parties:
            yield step.id, "warning", f"'{party}' is not an org unit, role or stakeholder"
    if step.event is not None and step.type not in EVENT_TYPES:
        yield step.id, "warning", f"event definition on a {step.type} is ignored"
    if step.type == "boundaryEvent":
        host = step.event.attached_to if step.event else None
        if host is None or host not in steps or steps[host].type not in ACTIVITY_TYPES:
            yield step.id, "error", "boundary event must be attached to an activity (event.attached_to)"
    if law:
        for obligation in step.obligations:
            if not obligation.startswith(law + "."):
                yield step.id, "warning", f"obligation '{obligation}' is not from catalogue '{law}'"
            elif known is not None and obligation not in known:
                yield step.id, "warning", f"obligation '{obligation}' does not exist in catalogue '{law}'"


def _obligation_ids(law: str) -> frozenset[str] | None:
    """Obligation ids of a catalogue, or None if vollzug has no catalogue for the law (the check is then skipped);
    a broken catalogue raises (:class:`~vollzug.errors.CatalogueError`), it is never taken for "no catalogue"."""
    from vollzug.law.catalogue import find_catalogue

    catalogue = find_catalogue(law)
    return frozenset(o.id for o in catalogue.obligations) if catalogue is not None else None


def check_model(model: OperationalModel, file: Path | None = None,
                lines: Mapping[str, int] | None = None) -> list[Diagnostic]:
    """Diagnostics for duplicate ids and dangling references, with YAML lines where known."""
    where = lines or {}
    return [
        Diagnostic(message, file=str(file) if file else None, line=where.get(ident), element=ident,
                   severity="error" if severity == "error" else "warning", code="AU001")
        for ident, severity, message in _problems(model)
    ]
