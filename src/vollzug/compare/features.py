"""Merkmale: what a town's model says about each obligation (unit, RACI, resources, stakeholders, notification).

Everything here works on :class:`OperationalModel` alone, so it runs for any model without the diff or rules engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from vollzug.model.process import ACTIVITY_TYPES, OperationalModel, Step
from vollzug.model.resources import ItSystemResource, staff_and_money

# Unit family by keyword (first match wins): lets towns with their own unit ids be compared with the reference.
_FAMILY_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("council", ("rat", "kreistag", "ausschuss", "council", "committee")),
    ("mayor", ("bürgermeister", "buergermeister", "landrat", "verwaltungsvorstand", "mayor", "dezernat")),
    ("planning", ("planung", "stadtentwicklung", "bauamt", "bauen", "bau", "fb 61", "amt 61")),
    ("climate", ("klima", "energie", "umwelt", "nachhaltig")),
    ("gis", ("gis", "vermessung", "geo", "kataster")),
    ("finance", ("kämmerei", "kaemmerei", "finanz", "haushalt")),
    ("procurement", ("vergabe", "beschaffung", "einkauf")),
    ("data_protection", ("datenschutz",)),
    ("press", ("presse", "öffentlichkeitsarbeit", "kommunikation")),
    ("hr", ("personal", "organisation", "hauptamt", "zentrale dienste")),
    ("it", ("it", "kaaw", "digital", "edv")),
    ("registration", ("zulassung", "straßenverkehr", "strassenverkehr", "verkehr")),
)
_WORD = re.compile(r"[a-zäöüß0-9]+")
_NO_KINDS: frozenset[str] = frozenset()


@lru_cache(maxsize=4096)
def unit_family(unit_id: str | None, name: str = "", kind: str = "") -> str:
    """A comparable key for an org unit: a keyword family from its name/id, else its kind, else its id."""
    if not unit_id:
        return ""
    text = f"{name} {unit_id}".lower().replace("_", " ")
    words = set(_WORD.findall(text))
    for family, keywords in _FAMILY_KEYWORDS:
        for keyword in keywords:
            if (" " in keyword and keyword in text) or keyword in words or (len(keyword) > 4 and keyword in text):
                return family
    return kind or unit_id.lower()


@dataclass(slots=True)
class ObligationFacts:
    """What one model does for one obligation."""

    steps: list[str] = field(default_factory=list)
    responsible: str | None = None
    accountable_count: int = 0
    raci: list[str] = field(default_factory=list)
    fte: float = 0.0
    eur: float = 0.0
    it_systems: set[str] = field(default_factory=set)
    stakeholders: set[str] = field(default_factory=set)
    notified: bool = False
    has_citation: bool = False
    has_deadline: bool = False
    has_resources: bool = False
    lanes: set[str] = field(default_factory=set)


@dataclass(slots=True)
class ModelFeatures:
    """Per-obligation facts and model-wide vectors of one model (cheap to compute, picklable)."""

    obligations: dict[str, ObligationFacts]
    families: dict[str, str]
    unit_names: dict[str, str]
    edges: set[tuple[str, str]]
    notified_all: bool
    fte: float
    eur: float

    def family_of(self, unit: str | None) -> str:
        """Comparable unit key of one of this model's units."""
        return self.families.get(unit or "", unit_family(unit))


def _step_cost(step: Step) -> tuple[float, float, set[str], bool]:
    fte = eur = 0.0
    systems: set[str] = set()
    for res in step.resources:
        staff, money = staff_and_money(res)
        fte += staff
        eur += money
        if isinstance(res, ItSystemResource):
            systems.add(res.name or "IT")
    return fte, eur, systems, bool(step.resources)


def _responsible(step: Step) -> tuple[str | None, int]:
    accountable = [r.party for r in step.raci if r.letter == "A"]
    if accountable:
        return accountable[0], len(accountable)
    responsible = [r.party for r in step.raci if r.letter == "R"]
    return (responsible[0] if responsible else step.lane), 0


def stakeholder_kinds_by_step(model: OperationalModel) -> dict[str, set[str]]:
    """Step id → stakeholder kinds it exchanges messages with (through the stakeholder's pool)."""
    kind_of_pool: dict[str, str] = {}
    kinds = {s.id: s.kind for s in model.stakeholders}
    for pool in model.pools:
        if pool.stakeholder:
            kind_of_pool[pool.id] = kinds.get(pool.stakeholder, pool.stakeholder)
    pool_of_step = {s.id: s.pool for s in model.steps if s.pool}
    result: dict[str, set[str]] = {}
    for flow in model.message_flows:
        for mine, other in ((flow.source, flow.target), (flow.target, flow.source)):
            other_pool = other if other in kind_of_pool else pool_of_step.get(other)
            if other_pool in kind_of_pool:
                result.setdefault(mine, set()).add(kind_of_pool[other_pool])
    return result


def extract(model: OperationalModel) -> ModelFeatures:
    """Compute the features of a model."""
    units = {u.id: u for u in model.org_units}
    families = {u.id: unit_family(u.id, u.name, u.kind) for u in model.org_units}
    by_step_kinds = stakeholder_kinds_by_step(model)
    facts: dict[str, ObligationFacts] = {}
    notified: set[str] = set()
    notified_all = False
    obligation_of: dict[str, tuple[str, ...]] = {}
    for step in model.steps:
        if step.notification is not None:
            if step.notification.obligations:
                notified.update(step.notification.obligations)
            else:
                notified_all = True
        if not step.obligations:
            continue
        obligation_of[step.id] = step.obligations
        fte, eur, systems, has_res = _step_cost(step)
        share = 1.0 / len(step.obligations)
        unit, n_accountable = _responsible(step)
        kinds = by_step_kinds.get(step.id, _NO_KINDS)
        for obligation in step.obligations:
            f = facts.get(obligation)
            if f is None:
                f = facts[obligation] = ObligationFacts()
            f.steps.append(step.id)
            if f.responsible is None or (n_accountable and not f.accountable_count):
                f.responsible = unit
            f.accountable_count += n_accountable
            f.raci.extend(f"{r.party}:{r.letter}" for r in step.raci)
            f.fte += fte * share
            f.eur += eur * share
            f.it_systems |= systems
            f.stakeholders |= kinds
            f.has_citation |= bool(step.citations)
            f.has_deadline |= bool(step.deadlines) or (step.event is not None and step.event.kind == "timer")
            f.has_resources |= has_res or step.type not in ACTIVITY_TYPES
            if step.lane:
                f.lanes.add(step.lane)
    for obligation, f in facts.items():
        f.notified = notified_all or obligation in notified
    edges: set[tuple[str, str]] = set()
    for flow in model.sequence_flows:
        for a in obligation_of.get(flow.source, ()):
            for b in obligation_of.get(flow.target, ()):
                if a != b:
                    edges.add((a, b))
    total_fte = sum(f.fte for f in facts.values())
    total_eur = sum(f.eur for f in facts.values())
    names = {uid: u.name for uid, u in units.items()}
    return ModelFeatures(facts, families, names, edges, notified_all, total_fte, total_eur)
