"""Matrixzellen und Lücken: one town's obligations against the reference's, and the gaps that follow."""

from __future__ import annotations

from typing import Any

from vollzug.compare import messages as m_
from vollzug.compare.applicability import ObligationSource
from vollzug.compare.features import ModelFeatures, ObligationFacts
from vollzug.compare.results import CellStatus, Gap, ObligationCell, ObligationInfo
from vollzug.compare.trusted import trusted
from vollzug.glossary import term
from vollzug.i18n import Text
from vollzug.model.process import OperationalModel

# Records built here come from our own code, not from input: skip re-validation (hot path for 10k towns).
_cell = trusted(ObligationCell)
_gap = trusted(Gap)
_MISSING_CATEGORY = {"publication": "G13", "information_duty": "G13", "participation": "G08"}


def _cell_base(info: ObligationInfo, facts: ObligationFacts, features: ModelFeatures) -> dict[str, Any]:
    unit = facts.responsible
    return {
        "obligation": info.id,
        "steps": tuple(facts.steps),
        "responsible": unit,
        "responsible_name": features.unit_names.get(unit or "", unit),
        "raci": tuple(dict.fromkeys(facts.raci)),
        "fte": round(facts.fte, 3),
        "eur": round(facts.eur, 2),
        "it_systems": tuple(sorted(facts.it_systems)),
        "stakeholders": tuple(sorted(facts.stakeholders)),
        "notified": facts.notified,
    }


def stakeholder_names(kinds: list[str]) -> Text:
    """Stakeholder kinds as their glossary names in both languages ("Landesamt (LANUV), Statistisches Landesamt")."""
    return Text(de=", ".join(term(f"stakeholder.{k}", "de", default=k) for k in kinds),
                en=", ".join(term(f"stakeholder.{k}", "en", default=k) for k in kinds))


def deviations(mine: ObligationFacts, ref: ObligationFacts, features: ModelFeatures, reference: ModelFeatures
               ) -> list[tuple[str, Text]]:
    """(gap category, reason) for each way the town's facts fall short of the reference's."""
    out: list[tuple[str, Text]] = []
    if not ref.steps:  # the reference does not model the obligation: nothing to compare with
        return out
    if features.family_of(mine.responsible) != reference.family_of(ref.responsible):
        ref_name = reference.unit_names.get(ref.responsible or "", ref.responsible or "–")
        out.append(("G12", m_.text(m_.OTHER_RESPONSIBILITY, unit=ref_name)))
    missing = ref.stakeholders - mine.stakeholders
    if missing:
        out.append(("G08", m_.text(m_.STAKEHOLDERS_MISSING, names=stakeholder_names(sorted(missing)))))
    if ref.fte > 0 and mine.fte <= 0 and not mine.has_resources:
        out.append(("G07", m_.text(m_.NO_RESOURCES)))
    if ref.notified and not mine.notified:
        out.append(("G10", m_.text(m_.NOT_NOTIFIED)))
    if ref.has_deadline and not mine.has_deadline:
        out.append(("G09", m_.text(m_.NO_DEADLINE)))
    return out


def town_cells(
    model: OperationalModel, features: ModelFeatures, reference: ModelFeatures, source: ObligationSource
) -> tuple[list[ObligationCell], list[Gap]]:
    """The matrix column of one town and the gaps found by comparing it with the reference."""
    cells: list[ObligationCell] = []
    gaps: list[Gap] = []
    empty = ObligationFacts()
    not_applicable = source.not_applicable(model)
    for info in source.infos:
        citation = info.citations[0] if info.citations else ""
        reason = not_applicable.get(info.id)
        facts = features.obligations.get(info.id)
        if reason is not None and facts is None:
            cells.append(_cell(obligation=info.id, status="not_applicable", reasons=(reason,)))
            continue
        if facts is None:
            if info.optional:
                cells.append(_cell(obligation=info.id, status="not_applicable",
                                   reasons=(m_.text(m_.OPTIONAL_NOT_CHOSEN),)))
                continue
            # the catalogue decided that the law applies to this town (e.g. § 21 WPG above 45,000 inhabitants), so
            # a missing step is a gap even where the reference SOLL, written for another town size, lacks it
            why = m_.text(m_.NOT_MODELLED if info.id in reference.obligations else m_.NOT_MODELLED_NOT_IN_REFERENCE)
            cells.append(_cell(obligation=info.id, status="missing", reasons=(why,)))
            category = _MISSING_CATEGORY.get(info.kind, "G01")
            gaps.append(_gap(category=category, code="CMP001", obligation=info.id, citation=citation,
                            message=m_.text(m_.OBLIGATION_NOT_MODELLED, id=info.id,
                                            title=Text(de=info.title, en=info.title_en or info.title))))
            continue
        base = _cell_base(info, facts, features)
        found: list[tuple[str, Text]] = []
        if facts.responsible is None:
            found.append(("G01", m_.text(m_.NO_RESPONSIBILITY)))
        if facts.accountable_count > len(facts.steps):
            found.append(("G02", m_.text(m_.SEVERAL_ACCOUNTABLE)))
        if not facts.has_citation:
            found.append(("G11", m_.text(m_.NO_LEGAL_BASIS)))
        found.extend(deviations(facts, reference.obligations.get(info.id, empty), features, reference))
        status: CellStatus = "deviating" if found else "covered"
        cells.append(_cell(status=status, reasons=tuple(r for _, r in found), **base))
        element = facts.steps[0] if facts.steps else None
        gaps.extend(_gap(category=cat, code="CMP002", obligation=info.id, element=element, citation=citation,
                         message=m_.text(m_.OBLIGATION_FINDING, id=info.id, text=text)) for cat, text in found)
    if model.process_owner is None:
        gaps.append(_gap(category="G03", code="CMP003", message=m_.text(m_.NO_PROCESS_OWNER)))
    return cells, gaps
