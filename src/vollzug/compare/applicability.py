"""Anwendbarkeit for a comparison: which obligations it covers and which of them apply to each town.

The verdicts come from the one applicability API of the law layer (:func:`vollzug.law.applicability.town_law`),
the same that the rules engine, ``decompose`` and ``synth`` use. Without a catalogue for the law (a model of a law
vollzug ships no catalogue for), the reference model's obligations are compared and every one counts as applicable.
"""

from __future__ import annotations

from dataclasses import dataclass

from vollzug.compare.results import ObligationInfo
from vollzug.i18n import Text
from vollzug.law.applicability import town_law
from vollzug.law.catalogue import find_catalogue
from vollzug.model.law import Catalogue, Obligation
from vollzug.model.process import OperationalModel


@dataclass(frozen=True)
class ObligationSource:
    """The obligations of one law for a comparison, with an applicability check per town."""

    law: str
    infos: tuple[ObligationInfo, ...]
    catalogue: Catalogue | None
    engine: str

    def not_applicable(self, model: OperationalModel) -> dict[str, Text]:
        """Obligation id → reason, for each catalogue obligation that does not apply to the town."""
        if self.catalogue is None:
            return {}
        context = town_law(self.catalogue, model.municipality, model.choices)
        out: dict[str, Text] = {}
        for obligation in self.catalogue.obligations:
            if obligation.applicability:
                reason = context.why_not(obligation)
                if reason is not None:
                    out[obligation.id] = reason
        return out

    def is_optional(self, obligation_id: str) -> bool:
        """True for obligations the town may choose not to perform."""
        return any(i.id == obligation_id and i.optional for i in self.infos)


def _info(obligation: Obligation) -> ObligationInfo:
    return ObligationInfo(id=obligation.id, title=obligation.title, title_en=obligation.title_en,
                          citations=obligation.citations, kind=obligation.kind, optional=obligation.optional)


def obligation_source(law: str, reference: OperationalModel, catalogue: Catalogue | None = None) -> ObligationSource:
    """Obligations for a comparison: catalogue order, then any extra obligations the reference uses."""
    cat = catalogue or find_catalogue(law)
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
    return ObligationSource(law, tuple(infos), cat, "catalogue" if cat is not None else "fallback (reference)")
