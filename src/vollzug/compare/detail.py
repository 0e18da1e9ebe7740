"""Detail einer Kommune: step matching against the reference, diff entries, RACI matrix, resources, diagram data."""

from __future__ import annotations

from rapidfuzz import fuzz

from vollzug.compare import messages as m_
from vollzug.compare.cells import stakeholder_names
from vollzug.compare.features import ModelFeatures, stakeholder_kinds_by_step
from vollzug.compare.results import Diagram, DiagramNode, DiffEntry, RaciMatrix, UnitResources
from vollzug.i18n import Text
from vollzug.locale import bilingual, format_fte
from vollzug.model.process import ACTIVITY_TYPES, OperationalModel, Step
from vollzug.model.resources import ItSystemResource, StaffResource, staff_and_money

NAME_MATCH = 80.0
"""Minimum rapidfuzz token-sort ratio for matching steps by label when they share no obligation."""


def match_steps(town: OperationalModel, reference: OperationalModel) -> dict[str, str]:
    """Town step id → reference step id: same obligations first, then similar labels (activities only)."""
    ref_by_obligations: dict[tuple[str, ...], list[Step]] = {}
    for step in reference.steps:
        if step.obligations:
            ref_by_obligations.setdefault(tuple(sorted(step.obligations)), []).append(step)
    used: set[str] = set()
    result: dict[str, str] = {}
    for step in town.steps:
        candidates = ref_by_obligations.get(tuple(sorted(step.obligations)), []) if step.obligations else []
        pick = next((c for c in candidates if c.id not in used), None)
        if pick is None and step.obligations:
            pick = next((c for c in reference.steps if c.id not in used and set(c.obligations) & set(step.obligations)),
                        None)
        if pick is not None:
            result[step.id] = pick.id
            used.add(pick.id)
    for step in town.steps:
        if step.id in result or not step.name:
            continue
        best, best_score = None, NAME_MATCH
        for cand in reference.steps:
            if cand.id in used or cand.type != step.type or not cand.name:
                continue
            score = fuzz.token_sort_ratio(step.name.lower(), cand.name.lower())
            if score >= best_score:
                best, best_score = cand, score
        if best is not None:
            result[step.id] = best.id
            used.add(best.id)
    return result


def _fte(step: Step) -> float:
    return sum(r.fte for r in step.resources if isinstance(r, StaffResource))


def diff_entries(town: OperationalModel, reference: OperationalModel, tf: ModelFeatures, rf: ModelFeatures
                 ) -> tuple[list[DiffEntry], dict[str, str]]:
    """Differences of the town from the reference and the state of each town step (same/changed/added)."""
    matched = match_steps(town, reference)
    ref_steps = {s.id: s for s in reference.steps}
    town_kinds, ref_kinds = stakeholder_kinds_by_step(town), stakeholder_kinds_by_step(reference)
    entries: list[DiffEntry] = []
    state: dict[str, str] = {}
    for step in town.steps:
        ref_id = matched.get(step.id)
        if ref_id is None:
            state[step.id] = "added"
            if step.type in ACTIVITY_TYPES:
                entries.append(DiffEntry(kind="added", element=step.id, label=step.name,
                                       detail=m_.text(m_.DETAIL_NOT_IN_REFERENCE)))
            continue
        ref = ref_steps[ref_id]
        changes: list[DiffEntry] = []
        if tf.family_of(step.lane) != rf.family_of(ref.lane):
            changes.append(DiffEntry(kind="reassigned", element=step.id, reference_element=ref_id, label=step.name,
                                     detail=Text.same(f"{rf.unit_names.get(ref.lane or '', ref.lane)} → "
                                                      f"{tf.unit_names.get(step.lane or '', step.lane)}")))
        if step.name and ref.name and fuzz.token_sort_ratio(step.name.lower(), ref.name.lower()) < 100:
            changes.append(DiffEntry(kind="renamed", element=step.id, reference_element=ref_id, label=step.name,
                                     detail=m_.text(m_.DETAIL_SOLL_NAME, name=ref.name)))
        if abs(_fte(step) - _fte(ref)) > 1e-6:
            fte = m_.text(m_.DETAIL_FTE, ref=bilingual(format_fte, _fte(ref)), town=bilingual(format_fte, _fte(step)))
            changes.append(DiffEntry(kind="resource_changed", element=step.id, reference_element=ref_id,
                                     label=step.name, detail=fte))
        for kind in sorted(ref_kinds.get(ref_id, set()) - town_kinds.get(step.id, set())):
            changes.append(DiffEntry(kind="stakeholder_removed", element=step.id, reference_element=ref_id,
                                     label=step.name,
                                     detail=m_.text(m_.DETAIL_NO_MESSAGE, kind=stakeholder_names([kind]))))
        if ref.notification is not None and step.notification is None:
            changes.append(DiffEntry(kind="notification_removed", element=step.id, reference_element=ref_id,
                                     label=step.name, detail=m_.text(m_.DETAIL_NO_NOTIFICATION)))
        entries.extend(changes)
        state[step.id] = "changed" if any(c.kind != "renamed" for c in changes) else "same"
    matched_ref = set(matched.values())
    entries.extend(DiffEntry(kind="removed", reference_element=s.id, label=s.name, detail=m_.text(m_.DETAIL_MISSING))
                   for s in reference.steps if s.id not in matched_ref and s.type in ACTIVITY_TYPES)
    return entries, state


def raci_matrix(model: OperationalModel) -> RaciMatrix:
    """Units × activities with their RACI letters."""
    steps = [s for s in model.steps if s.type in ACTIVITY_TYPES]
    names = {u.id: u.name for u in model.org_units}
    parties: list[str] = [u.id for u in model.org_units]
    for step in steps:
        parties.extend(r.party for r in step.raci if r.party not in parties)
    rows: list[tuple[str, ...]] = []
    used: list[str] = []
    for party in parties:
        row = tuple("".join(sorted({r.letter for r in s.raci if r.party == party}, key="ARCI".index)) for s in steps)
        if any(row):
            rows.append(row)
            used.append(party)
    return RaciMatrix(units=tuple((p, names.get(p, p)) for p in used),
                      steps=tuple((s.id, s.name) for s in steps), letters=tuple(rows))


def unit_resources(model: OperationalModel) -> list[UnitResources]:
    """Staff, EUR and IT systems per org unit (staff counted for its ``unit``, else the step's lane)."""
    acc: dict[str, tuple[float, float, set[str]]] = {}
    for step in model.steps:
        for res in step.resources:
            unit = (res.unit if isinstance(res, StaffResource) else None) or step.lane or "–"
            fte, eur, systems = acc.get(unit, (0.0, 0.0, set()))
            staff, money = staff_and_money(res)
            if isinstance(res, ItSystemResource):
                systems = systems | {res.name or "IT"}
            acc[unit] = (fte + staff, eur + money, systems)
    names = {u.id: u.name for u in model.org_units}
    return [UnitResources(unit=u, name=names.get(u, u), fte=round(f, 3), eur=round(e, 2), it_systems=tuple(sorted(s)))
            for u, (f, e, s) in acc.items()]


def diagram(model: OperationalModel, state: dict[str, str]) -> Diagram:
    """Diagram data of the town's own process, nodes coloured by their state against the reference."""
    own = [s for s in model.steps if s.pool is None]
    ids = {s.id for s in own}
    return Diagram(
        lanes=tuple((u.id, u.name) for u in model.org_units),
        nodes=tuple(DiagramNode(id=s.id, label=s.name, type=s.type, lane=s.lane,
                                state=state.get(s.id, "same")) for s in own),
        edges=tuple((f.source, f.target) for f in model.sequence_flows if f.source in ids and f.target in ids),
    )
