"""Element templates for the Camunda Modeler / bpmn.io, generated from a law catalogue (``vollzug templates``).

One task template per obligation ("WPG.W14 · Wärmeplan beschließen …") pre-fills the obligation id, its citations
and the legal deadline, and offers fields for RACI (unit ids of the lanes), resources (VZÄ, EUR, IT system); one
template per catalogue for a staff-notification step (Inkenntnissetzung). Templates write ``camunda:property``
entries named ``vz:…`` (:mod:`vollzug.bpmn.template_props` reads them back), the only generic binding of the
Camunda 7 template schema. The templates validate against ``@bpmn-io/element-templates-validator`` (tested).
"""

from __future__ import annotations

import re
from typing import Any

from vollzug.i18n import Lang, Msg
from vollzug.law.present import _deadline as deadline_text
from vollzug.model.law import (
    Catalogue,
    DeadlineRule,
    FixedDeadline,
    Obligation,
    PromptDeadline,
    RecurringDeadline,
    RelativeDeadline,
)
from vollzug.model.process import NotificationChannel

SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json"
"""The Camunda 7 element-template JSON schema (an identifier the Modeler checks; nothing is fetched)."""
VERSION = 1

_L = {
    "category": Msg("{law} – Pflichten (vollzug)", "{law} – obligations (vollzug)"),
    "g_obligation": Msg("Pflicht", "Obligation"),
    "g_raci": Msg("Zuständigkeit (RACI)", "Responsibility (RACI)"),
    "g_resources": Msg("Ressourcen", "Resources"),
    "g_notification": Msg("Inkenntnissetzung", "Staff notification"),
    "name": Msg("Bezeichnung", "Name"),
    "obligation": Msg("Pflicht-Id", "Obligation id"),
    "citation": Msg("Handlungsgrundlage (§)", "Legal basis (§)"),
    "deadline": Msg("Gesetzliche Frist", "Legal deadline"),
    "deadline_help": Msg("ISO-Datum (2028-06-30), ISO-Dauer (P3M) oder Begriff; laut Katalog: {text}",
                         "ISO date (2028-06-30), ISO duration (P3M) or a term; catalogue: {text}"),
    "deadline_citation": Msg("Norm der Frist", "Norm of the deadline"),
    "R": Msg("R – durchführend (Lane-Ids, kommagetrennt)", "R – responsible (lane ids, comma-separated)"),
    "A": Msg("A – verantwortlich (eine Lane-Id)", "A – accountable (one lane id)"),
    "C": Msg("C – beteiligt (Lane-Ids)", "C – consulted (lane ids)"),
    "I": Msg("I – informiert (Lane-Ids)", "I – informed (lane ids)"),
    "fte": Msg("Personal in VZÄ", "Staff in FTE"),
    "unit": Msg("Organisationseinheit des Personals (Lane-Id)", "Unit of the staff (lane id)"),
    "eur": Msg("Sachmittel in EUR", "Budget in EUR"),
    "it": Msg("IT-Systeme (kommagetrennt)", "IT systems (comma-separated)"),
    "channel": Msg("Kanal", "Channel"),
    "recipients": Msg("Empfänger (Lane-Ids)", "Recipients (lane ids)"),
    "notified_obligations": Msg("Betroffene Pflichten (Ids)", "Obligations concerned (ids)"),
    "ack": Msg("Kenntnisnahme bestätigt", "Receipt acknowledged"),
    "yes": Msg("ja", "yes"),
    "no": Msg("nein", "no"),
    "notification_name": Msg("Inkenntnissetzung des Personals ({law})", "Staff notification ({law})"),
    "notification_desc": Msg("Schritt, mit dem die Beschäftigten über neue Pflichten unterrichtet werden "
                             "(Dienstanweisung, Rundschreiben, Schulung …).",
                             "Step informing staff of new duties (instruction, circular, training …)."),
    "unverified": Msg(" [U] Katalogeintrag nicht gegen den amtlichen Text geprüft.",
                      " [U] catalogue entry not checked against the official text."),
}
_CHANNELS: tuple[str, ...] = NotificationChannel.__args__  # type: ignore[attr-defined]
_NUMBER = r"^\d+([.,]\d+)?$"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-").lower()


def legal_deadline(rules: tuple[DeadlineRule, ...]) -> tuple[str, str]:
    """The value for the template's deadline field and its citation: the first rule without conditions, else the
    first rule (ISO date, ISO duration, or a term)."""
    if not rules:
        return "", ""
    rule = next((r for r in rules if not r.applies_if), rules[0])
    if isinstance(rule, FixedDeadline):
        value = rule.date.isoformat()
    elif isinstance(rule, RelativeDeadline):
        value = rule.duration
    elif isinstance(rule, RecurringDeadline):
        value = rule.every
    else:
        assert isinstance(rule, PromptDeadline)
        value = rule.term
    return value, rule.citation


def _prop(name: str, label: str, value: str = "", *, kind: str = "String", group: str | None = None,
          editable: bool = True, description: str | None = None, pattern: str | None = None,
          choices: list[dict[str, str]] | None = None) -> dict[str, Any]:
    prop: dict[str, Any] = {"label": label, "type": kind, "binding": {"type": "camunda:property", "name": f"vz:{name}"}}
    if kind == "Hidden":
        prop.pop("label")
    if value:
        prop["value"] = value
    if group:
        prop["group"] = group
    if not editable:
        prop["editable"] = False
    if description:
        prop["description"] = description
    if pattern:
        prop["constraints"] = {"pattern": {"value": pattern, "message": "0,5 / 0.5"}}
    if choices is not None:
        prop["choices"] = choices
    return prop


def _raci_and_resources(lang: Lang) -> list[dict[str, Any]]:
    props = [_prop(f"raci.{letter}", _L[letter](lang), group="raci") for letter in "RACI"]
    props += [_prop("resource.fte", _L["fte"](lang), group="resources", pattern=_NUMBER),
              _prop("resource.unit", _L["unit"](lang), group="resources"),
              _prop("resource.eur", _L["eur"](lang), group="resources", pattern=_NUMBER),
              _prop("resource.itSystem", _L["it"](lang), group="resources")]
    return props


def obligation_template(catalogue: Catalogue, ob: Obligation, lang: Lang) -> dict[str, Any]:
    """The task template of one obligation."""
    title = ob.title_en if lang == "en" and ob.title_en else ob.title
    citations = "; ".join(ob.citations)
    deadline, deadline_citation = legal_deadline(ob.deadlines)
    catalogue_text = "; ".join(deadline_text(r, lang) for r in ob.deadlines) or "–"
    props: list[dict[str, Any]] = [
        {"label": _L["name"](lang), "type": "String", "value": title, "group": "obligation",
         "binding": {"type": "property", "name": "name"}},
        _prop("obligation", _L["obligation"](lang), ob.id, group="obligation", editable=False),
        _prop("citation", _L["citation"](lang), citations, group="obligation", editable=False),
        _prop("deadline", _L["deadline"](lang), deadline, group="obligation",
              description=_L["deadline_help"](lang, text=catalogue_text)),
    ]
    if deadline_citation:
        props.append(_prop("deadline.citation", _L["deadline_citation"](lang), deadline_citation,
                           group="obligation", editable=False))
    props += _raci_and_resources(lang)
    description = f"{citations}. {ob.note}".strip() if ob.note else citations
    if not ob.verified:
        description += _L["unverified"](lang)
    return {
        "$schema": SCHEMA, "id": f"vollzug.{_slug(ob.id)}", "version": VERSION,
        "name": f"{ob.id} · {title}", "description": description,
        "category": {"id": f"vollzug.{_slug(catalogue.id)}", "name": _L["category"](lang, law=catalogue.id)},
        "appliesTo": ["bpmn:Task"], "keywords": [ob.id, *ob.citations],
        "groups": [{"id": "obligation", "label": _L["g_obligation"](lang)},
                   {"id": "raci", "label": _L["g_raci"](lang)},
                   {"id": "resources", "label": _L["g_resources"](lang)}],
        "properties": props,
    }


def notification_template(catalogue: Catalogue, lang: Lang) -> dict[str, Any]:
    """The staff-notification template of a catalogue."""
    yes_no = [{"name": _L["yes"](lang), "value": "true"}, {"name": _L["no"](lang), "value": "false"}]
    props: list[dict[str, Any]] = [
        {"label": _L["name"](lang), "type": "String", "value": _L["notification_name"](lang, law=catalogue.id),
         "group": "notification", "binding": {"type": "property", "name": "name"}},
        _prop("basis", "", "internal", kind="Hidden"),
        _prop("notification.channel", _L["channel"](lang), "Dienstanweisung", kind="Dropdown", group="notification",
              choices=[{"name": c, "value": c} for c in _CHANNELS]),
        _prop("notification.recipients", _L["recipients"](lang), group="notification"),
        _prop("notification.obligations", _L["notified_obligations"](lang),
              ", ".join(o.id for o in catalogue.obligations), group="notification"),
        _prop("notification.acknowledgement", _L["ack"](lang), "true", kind="Dropdown", group="notification",
              choices=yes_no),
        *_raci_and_resources(lang),
    ]
    return {
        "$schema": SCHEMA, "id": f"vollzug.{_slug(catalogue.id)}.notification", "version": VERSION,
        "name": _L["notification_name"](lang, law=catalogue.id), "description": _L["notification_desc"](lang),
        "category": {"id": f"vollzug.{_slug(catalogue.id)}", "name": _L["category"](lang, law=catalogue.id)},
        "appliesTo": ["bpmn:Task"],
        "groups": [{"id": "notification", "label": _L["g_notification"](lang)},
                   {"id": "raci", "label": _L["g_raci"](lang)},
                   {"id": "resources", "label": _L["g_resources"](lang)}],
        "properties": props,
    }


def element_templates(catalogue: Catalogue, lang: Lang = "de") -> list[dict[str, Any]]:
    """All templates of a catalogue: one per obligation, then the staff-notification template."""
    return [*(obligation_template(catalogue, ob, lang) for ob in catalogue.obligations),
            notification_template(catalogue, lang)]

