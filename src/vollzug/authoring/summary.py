"""Readable German summaries of a step's operational data (for BPMN documentation and rendered diagrams).

The summary goes into ``<bpmn:documentation textFormat="text/x-vollzug-summary">``; readers ignore it (the data is
in ``vz:step``), so it never leaks back into :attr:`Step.documentation`.
"""

from __future__ import annotations

from vollzug.i18n import Lang, Msg
from vollzug.locale import format_currency, format_date, format_fte
from vollzug.model.process import Deadline, OperationalModel, Step
from vollzug.model.resources import (
    BudgetResource,
    DataSourceResource,
    ExternalServiceResource,
    ItSystemResource,
    StaffResource,
)

SUMMARY_FORMAT = "text/x-vollzug-summary"
"""``textFormat`` of the generated summary documentation."""

_LABELS = {
    "citations": Msg("Handlungsgrundlage", "Legal basis"),
    "obligations": Msg("Pflichten", "Obligations"),
    "raci": Msg("RACI", "RACI"),
    "resources": Msg("Ressourcen", "Resources"),
    "deadlines": Msg("Fristen", "Deadlines"),
    "notification": Msg("Inkenntnissetzung", "Staff notification"),
    "basis": Msg("Grundlage", "Basis"),
}
_BASIS = {"internal": Msg("interne Regelung", "internal rule"), "none": Msg("keine angegeben", "none given")}
_ACK = Msg("mit Kenntnisnahmevermerk", "with acknowledgement")
_AFTER = Msg("nach", "after")
_FTE = Msg("VZÄ", "FTE")
_EXTERNAL = Msg("Fremdleistung", "external service")
_DATA = Msg("Daten", "data")


def _number(value: float, lang: Lang) -> str:
    return format_fte(value, lang)


def _money(value: float, lang: Lang) -> str:
    """Euro through Babel, with a plain space (the text also goes into BPMN documentation, read in modellers)."""
    digits = 0 if float(value).is_integer() or abs(value) >= 1000 else 2
    return format_currency(value, lang, digits).replace("\xa0", " ")


def resource_text(resource: object, lang: Lang = "de") -> str:
    """One resource in a few words, e.g. "0,5 VZÄ Projektleitung", "GIS (KAAW)", "40.000 € (Konnexität)"."""
    if isinstance(resource, StaffResource):
        return f"{_number(resource.fte, lang)} {_FTE(lang)}" + (f" {resource.name}" if resource.name else "")
    if isinstance(resource, BudgetResource):
        extra = resource.funding or resource.name
        return f"{_money(resource.eur, lang)}" + (f" ({extra})" if extra else "")
    if isinstance(resource, ItSystemResource):
        return (resource.name or "IT") + (f" ({resource.operator})" if resource.operator else "")
    if isinstance(resource, ExternalServiceResource):
        who = resource.provider or resource.name or _EXTERNAL(lang)
        return who + (f" ({_money(resource.eur, lang)})" if resource.eur else "")
    if isinstance(resource, DataSourceResource):
        return (resource.name or _DATA(lang)) + (f" ({resource.medium})" if resource.medium else "")
    return str(getattr(resource, "name", ""))


def resource_line(step: Step, lang: Lang = "de") -> str:
    """Short resource line for diagrams: total VZÄ, then IT systems, e.g. "0,5 VZÄ · GIS"."""
    parts: list[str] = []
    fte = sum(r.fte for r in step.resources if isinstance(r, StaffResource))
    if fte:
        parts.append(f"{_number(fte, lang)} {_FTE(lang)}")
    eur = sum(r.eur for r in step.resources if isinstance(r, BudgetResource))
    if eur:
        parts.append(_money(eur, lang))
    parts += [r.name for r in step.resources if isinstance(r, ItSystemResource) and r.name]
    return " · ".join(parts)


def _deadline_text(deadline: Deadline, model: OperationalModel, lang: Lang) -> str:
    parts: list[str] = []
    if deadline.date:
        parts.append(format_date(deadline.date, lang))
    if deadline.duration:
        parts.append(deadline.duration)
    if deadline.after:
        after = model.step(deadline.after)
        parts.append(f"{_AFTER(lang)} {after.name if after and after.name else deadline.after}")
    if deadline.term:
        parts.append(deadline.term)
    text = " ".join(parts) or deadline.kind
    return text + (f" ({deadline.citation})" if deadline.citation else "")


def _name_of(model: OperationalModel, ident: str) -> str:
    for group in (model.org_units, model.roles, model.stakeholders):
        for item in group:
            if item.id == ident:
                return item.name
    return ident


def step_summary(step: Step, model: OperationalModel, lang: Lang = "de") -> str:
    """Multi-line summary of citations, obligations, RACI, resources, deadlines and notification ("" if none)."""
    lines: list[str] = []
    if step.citations:
        lines.append(f"{_LABELS['citations'](lang)}: {'; '.join(step.citations)}")
    if step.basis != "legal":
        lines.append(f"{_LABELS['basis'](lang)}: {_BASIS[step.basis](lang)}")
    if step.obligations:
        lines.append(f"{_LABELS['obligations'](lang)}: {', '.join(step.obligations)}")
    if step.raci:
        raci = ", ".join(f"{r.letter} {_name_of(model, r.party)}" for r in step.raci)
        lines.append(f"{_LABELS['raci'](lang)}: {raci}")
    if step.resources:
        lines.append(f"{_LABELS['resources'](lang)}: {'; '.join(resource_text(r, lang) for r in step.resources)}")
    if step.deadlines:
        lines.append(f"{_LABELS['deadlines'](lang)}: "
                     + "; ".join(_deadline_text(d, model, lang) for d in step.deadlines))
    if step.notification is not None:
        note = step.notification
        who = ", ".join(_name_of(model, r) for r in note.recipients)
        ack = f" ({_ACK(lang)})" if note.acknowledgement else ""
        lines.append(f"{_LABELS['notification'](lang)}: {note.channel} → {who}{ack}")
    return "\n".join(lines)
