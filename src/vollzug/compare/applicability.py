"""Anwendbarkeit: which obligations a comparison covers and whether each applies to a town.

Uses the law catalogue (``vollzug.law.catalogue.load_catalogue``) and ``vollzug.law.applicability`` when they are
available; otherwise the reference model's obligations, evaluated with the conditions of the domain model here.
This module is the one place where the catalogue workstream plugs in.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from vollzug.compare import messages as m_
from vollzug.compare.results import ObligationInfo
from vollzug.glossary import term
from vollzug.i18n import Text
from vollzug.locale import bilingual, format_number
from vollzug.model.law import (
    Catalogue,
    ChoiceCondition,
    Condition,
    LandOptionCondition,
    MunicipalityKindCondition,
    Obligation,
    PopulationCondition,
)
from vollzug.model.process import OperationalModel

_OPS = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥"}


@dataclass(frozen=True)
class ObligationSource:
    """The obligations of one law for a comparison, with an applicability check per town."""

    law: str
    infos: tuple[ObligationInfo, ...]
    catalogue: Catalogue | None
    engine: str
    conditions: dict[str, tuple[Condition, ...]] = field(default_factory=dict)
    """Obligation id → its applicability conditions (only obligations that have some)."""
    land_options: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Land option id → Länder using it."""

    def reason_not_applicable(self, obligation_id: str, model: OperationalModel) -> Text | None:
        """The reason why the obligation does not apply to the town, or None if it applies."""
        for condition in self.conditions.get(obligation_id, ()):
            reason = _failed(condition, model, self.land_options)
            if reason:
                return reason
        return None

    def is_optional(self, obligation_id: str) -> bool:
        """True for obligations the town may choose not to perform."""
        return any(i.id == obligation_id and i.optional for i in self.infos)


def _failed(condition: Condition, model: OperationalModel, land_options: dict[str, tuple[str, ...]]) -> Text | None:
    municipality = model.municipality
    if isinstance(condition, PopulationCondition):
        if municipality is None or municipality.population is None:
            return None
        count = municipality.population.count
        holds = {"lt": count < condition.value, "le": count <= condition.value,
                 "gt": count > condition.value, "ge": count >= condition.value}[condition.op]
        if holds:
            return None
        return m_.text(m_.POPULATION_FAILS, count=bilingual(format_number, count), op=_OPS[condition.op],
                       limit=bilingual(format_number, condition.value))
    if isinstance(condition, MunicipalityKindCondition):
        if municipality is None or municipality.kind in condition.kinds:
            return None
        return m_.text(m_.ONLY_FOR_KINDS, kinds=Text(
            de=", ".join(term(f"municipality_kind.{k}", "de", default=k) for k in condition.kinds),
            en=", ".join(term(f"municipality_kind.{k}", "en", default=k) for k in condition.kinds)))
    if isinstance(condition, ChoiceCondition):
        # a choice the model does not state was not made (e.g. no joint planning unless the town says so)
        if model.choices.get(condition.choice, False) == condition.value:
            return None
        key = f"choice.{condition.choice}"
        return m_.text(m_.CHOICE_NOT_MADE if condition.value else m_.CHOICE_MADE,
                       choice=Text(de=term(key, "de", default=condition.choice),
                                   en=term(key, "en", default=condition.choice)))
    if isinstance(condition, LandOptionCondition):
        land = municipality.land if municipality else None
        lands = land_options.get(condition.option)
        if not lands or land is None or land in lands:
            return None
        key = f"land_option.{condition.option}"
        return m_.text(m_.LAND_OPTION_UNUSED, land=land, option=Text(de=term(key, "de", default=condition.option),
                                                                     en=term(key, "en", default=condition.option)))
    return None


def _info(obligation: Obligation) -> ObligationInfo:
    return ObligationInfo(id=obligation.id, title=obligation.title, title_en=obligation.title_en,
                          citations=obligation.citations, kind=obligation.kind, optional=obligation.optional)


def _load_catalogue(law: str) -> Catalogue | None:
    try:
        module: Any = importlib.import_module("vollzug.law.catalogue")
        loaded: Any = module.load_catalogue(law)
    except Exception:  # the catalogue workstream may not have landed; fall back to the reference
        return None
    return loaded if isinstance(loaded, Catalogue) else None


def obligation_source(law: str, reference: OperationalModel, catalogue: Catalogue | None = None) -> ObligationSource:
    """Obligations for a comparison: catalogue order, then any extra obligations the reference uses."""
    cat = catalogue or _load_catalogue(law)
    infos: list[ObligationInfo] = []
    seen: set[str] = set()
    if cat is not None:
        for obligation in cat.obligations:
            infos.append(_info(obligation))
            seen.add(obligation.id)
    for step in reference.steps:
        for obligation_id in step.obligations:
            if obligation_id not in seen:
                seen.add(obligation_id)
                infos.append(ObligationInfo(id=obligation_id, title=step.name, citations=step.citations))
    conditions = {o.id: o.applicability for o in cat.obligations if o.applicability} if cat else {}
    options = {o.id: o.lands for o in cat.land_options} if cat else {}
    return ObligationSource(law, tuple(infos), cat, "catalogue" if cat is not None else "fallback (reference)",
                            conditions, options)
