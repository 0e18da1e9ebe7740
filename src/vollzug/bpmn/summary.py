"""Summary of a loaded model for ``vollzug show``: pools, lanes, steps by type, flows, citations, warnings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from vollzug.diagnostics import Diagnostic
from vollzug.glossary import term
from vollzug.i18n import Lang, Msg
from vollzug.loader import LoadedModel


@dataclass
class ModelSummary:
    """What ``show`` prints about one file."""

    file: str
    model_id: str
    title: str
    law: str | None
    variant: str | None
    municipality: str | None
    pools: list[tuple[str, str, str]] = field(default_factory=list)
    """(id, name, stakeholder kind or "eigene Organisation")."""
    lanes: list[tuple[str, str, str]] = field(default_factory=list)
    """(id, name, parent id or "")."""
    steps_by_type: dict[str, int] = field(default_factory=dict)
    sequence_flows: int = 0
    message_flows: int = 0
    data_objects: int = 0
    annotations: int = 0
    obligations: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """JSON-ready form."""
        data = dict(self.__dict__)
        data["pools"] = [{"id": i, "name": n, "kind": k} for i, n, k in self.pools]
        data["lanes"] = [{"id": i, "name": n, "parent": p or None} for i, n, p in self.lanes]
        data["warnings"] = [str(w) for w in self.warnings]
        return data


def summarise(loaded: LoadedModel) -> ModelSummary:
    """Collect the summary of a loaded model (BPMN or YAML)."""
    model = loaded.model
    kinds = {s.id: s.kind for s in model.stakeholders}
    citations: list[str] = []
    for step in model.steps:
        citations.extend(step.citations)
        citations.extend(d.citation for d in step.deadlines if d.citation)
    for stakeholder in model.stakeholders:
        citations.extend(stakeholder.citations)
    return ModelSummary(
        file=str(loaded.path), model_id=model.id, title=model.title, law=model.law, variant=model.variant,
        municipality=model.municipality.name if model.municipality else None,
        pools=[(p.id, p.name, kinds.get(p.stakeholder or "", "") if p.stakeholder else "own") for p in model.pools],
        lanes=[(u.id, u.name, u.parent or "") for u in model.org_units],
        steps_by_type=dict(sorted(Counter(s.type for s in model.steps).items())),
        sequence_flows=len(model.sequence_flows), message_flows=len(model.message_flows),
        data_objects=len(model.data_objects), annotations=len(model.annotations),
        obligations=sorted({o for s in model.steps for o in s.obligations}),
        citations=list(dict.fromkeys(citations)), warnings=list(loaded.diagnostics),
    )


LABELS: dict[str, Msg] = {
    "model": Msg("Modell", "Model"), "law": Msg("Gesetz", "Law"), "variant": Msg("Variante", "Variant"),
    "municipality": Msg("Kommune", "Municipality"), "pools": Msg("Pools", "Pools"),
    "lanes": Msg("Lanes (Organisationseinheiten)", "Lanes (org units)"),
    "steps": Msg("Schritte nach Typ", "Steps by type"), "flows": Msg("Sequenzflüsse", "Sequence flows"),
    "messages": Msg("Nachrichtenflüsse", "Message flows"), "data": Msg("Datenobjekte", "Data objects"),
    "annotations": Msg("Anmerkungen", "Annotations"), "obligations": Msg("Pflichten", "Obligations"),
    "citations": Msg("Zitierte Normen", "Citations"), "warnings": Msg("Warnungen", "Warnings"),
    "none": Msg("keine", "none"), "own": Msg("eigene Organisation", "own organisation"),
}
"""Headings of the text summary."""


_SEVERITY = {"error": Msg("Fehler", "error"), "warning": Msg("Warnung", "warning"), "info": Msg("Hinweis", "info")}


def render_text(summary: ModelSummary, lang: Lang = "de") -> str:
    """Plain-text summary (used when stdout is not a terminal, and in tests)."""
    t = {key: msg(lang) for key, msg in LABELS.items()}
    head = f"{t['model']}: {summary.model_id}" + (f" – {summary.title}" if summary.title else "")
    lines = [summary.file, head]
    for key, value in (("law", summary.law), ("variant", summary.variant), ("municipality", summary.municipality)):
        if value:
            lines.append(f"{t[key]}: {value}")
    lines.append(f"{t['pools']} ({len(summary.pools)}):")
    lines += [f"  {i}  {n}  [{t['own'] if k == 'own' else term(f'stakeholder.{k}', lang, default=k)}]"
              for i, n, k in summary.pools]
    lines.append(f"{t['lanes']} ({len(summary.lanes)}):")
    lines += [f"  {i}  {n}" + (f"  (in {p})" if p else "") for i, n, p in summary.lanes]
    lines.append(f"{t['steps']} ({sum(summary.steps_by_type.values())}):")
    lines += [f"  {kind}: {count}" for kind, count in summary.steps_by_type.items()]
    lines.append(f"{t['flows']}: {summary.sequence_flows}")
    lines.append(f"{t['messages']}: {summary.message_flows}")
    lines.append(f"{t['data']}: {summary.data_objects}")
    lines.append(f"{t['annotations']}: {summary.annotations}")
    lines.append(f"{t['obligations']}: {', '.join(summary.obligations) or t['none']}")
    lines.append(f"{t['citations']} ({len(summary.citations)}):")
    lines += [f"  {c}" for c in summary.citations]
    lines.append(f"{t['warnings']} ({len(summary.warnings)}):")
    lines += [f"  {str(w).replace(f'{w.severity}: ', f'{_SEVERITY[w.severity](lang)}: ', 1)}" for w in summary.warnings]
    return "\n".join(lines) + "\n"
