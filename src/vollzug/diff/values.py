"""Lesbare Werte: a changed property as a person reads it, in German or English.

``resources: [{"fte": 0.06, "kind": "staff", …}] → …`` becomes ``Ressourcen: 0,06 VZÄ (fb_personal); DMS (KAAW) →
…``: property paths of the domain model get their label, lists are joined, resources, deadlines and notifications
are written out, dates, durations and numbers follow the language. Paths the model does not know (BPMN XML
attributes such as ``camunda:assignee``) stay as they are — they are names from the file, not words of ours.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import TypeAdapter, ValidationError

from vollzug.authoring.summary import resource_text
from vollzug.diff.changes import AttrChange
from vollzug.glossary import term
from vollzug.i18n import Lang, Msg
from vollzug.locale import format_date, format_fte
from vollzug.model.resources import Resource

PATH_LABELS: dict[str, Msg] = {
    "name": Msg("Bezeichnung", "label"),
    "type": Msg("Typ", "type"),
    "lane": Msg("Lane", "lane"),
    "raci": Msg("RACI", "RACI"),
    "resources": Msg("Ressourcen", "resources"),
    "citations": Msg("Handlungsgrundlagen", "legal bases"),
    "obligations": Msg("Pflichten", "obligations"),
    "deadlines": Msg("Fristen", "deadlines"),
    "notification": Msg("Inkenntnissetzung", "staff notification"),
    "recipients": Msg("Empfänger", "recipients"),
    "channel": Msg("Kanal", "channel"),
    "acknowledgement": Msg("Kenntnisnahmevermerk", "acknowledgement"),
    "sender": Msg("Absender", "sender"),
    "documentation": Msg("Dokumentation", "documentation"),
    "basis": Msg("Grundlage", "basis"),
    "loop": Msg("Wiederholung", "repetition"),
    "condition": Msg("Bedingung", "condition"),
    "default": Msg("Standardfluss", "default flow"),
    "source": Msg("Quelle", "source"),
    "target": Msg("Ziel", "target"),
    "parent": Msg("Teilprozess", "sub-process"),
    "pool": Msg("Pool", "pool"),
    "event": Msg("Ereignis", "event"),
    "timer": Msg("Zeitgeber", "timer"),
    "kind": Msg("Art", "kind"),
    "personal": Msg("personenbezogen", "personal data"),
    "medium": Msg("Medium", "medium"),
    "text": Msg("Text", "text"),
    "process_owner": Msg("Prozessverantwortung", "process owner"),
    "title": Msg("Titel", "title"),
}
"""Labels of the domain model's property names (a path ``notification.obligations`` reads
"Inkenntnissetzung › Pflichten")."""

_ENUMS: dict[str, dict[str, Msg]] = {
    "basis": {"legal": Msg("gesetzlich", "legal"), "internal": Msg("interne Regelung", "internal rule"),
              "none": Msg("keine angegeben", "none given")},
    "loop": {"none": Msg("keine", "none"), "standard": Msg("Schleife", "loop"),
             "parallel": Msg("parallel je Element", "parallel per item"),
             "sequential": Msg("nacheinander je Element", "sequential per item")},
}
_DEADLINE_KIND = {"legal": Msg("gesetzlich", "legal"), "planned": Msg("geplant", "planned")}
_YES_NO = {True: Msg("ja", "yes"), False: Msg("nein", "no")}
_AFTER = Msg("nach {step}", "after {step}")
_DURATION_UNITS = {"Y": Msg("{n} Jahr(e)", "{n} year(s)"), "M": Msg("{n} Monat(e)", "{n} month(s)"),
                   "W": Msg("{n} Woche(n)", "{n} week(s)"), "D": Msg("{n} Tag(e)", "{n} day(s)")}
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RESOURCE: TypeAdapter[Any] = TypeAdapter(Resource)
_NONE = "—"


def path_label(path: str, lang: Lang) -> str:
    """``notification.obligations`` → "Inkenntnissetzung › Pflichten"; unknown parts stay as they are."""
    parts = path.split(".")
    if not all(p in PATH_LABELS or p == "processRef" for p in parts):
        return path
    return " › ".join(PATH_LABELS[p](lang) for p in parts if p != "processRef")


def duration(text: str, lang: Lang) -> str:
    """ISO 8601 duration ``P14D`` → "14 Tag(e)" / "14 day(s)" (other strings unchanged)."""
    found = _DURATION.match(text)
    if not found or not any(found.groups()):
        return text
    return " ".join(_DURATION_UNITS[u](lang, n=n) for u, n in zip("YMWD", found.groups(), strict=True) if n)


def _deadline(value: dict[str, Any], lang: Lang) -> str:
    parts = [_DEADLINE_KIND.get(str(value.get("kind")), Msg("", ""))(lang)]
    if value.get("date"):
        parts.append(format_date(str(value["date"]), lang))
    if value.get("duration"):
        parts.append(duration(str(value["duration"]), lang))
    if value.get("after"):
        parts.append(_AFTER(lang, step=value["after"]))
    if value.get("term"):
        parts.append(f"„{value['term']}“" if lang == "de" else f"“{value['term']}”")
    text = " ".join(p for p in parts if p)
    return text + (f" ({value['citation']})" if value.get("citation") else "")


def _mapping(value: dict[str, Any], lang: Lang, key: str) -> str:
    if key == "deadlines" or (key == "" and {"kind"} <= value.keys() and value.get("kind") in _DEADLINE_KIND):
        return _deadline(value, lang)
    if "kind" in value and f"resource.{value['kind']}" in _RESOURCE_KINDS:
        try:
            return resource_text(_RESOURCE.validate_python(value), lang) or term(f"resource.{value['kind']}", lang)
        except ValidationError:
            pass
    return "; ".join(f"{path_label(k, lang)}: {show(v, lang, k)}" for k, v in value.items())


_RESOURCE_KINDS = {f"resource.{k}" for k in ("staff", "budget", "it_system", "data_source", "external_service")}


def show(value: Any, lang: Lang, key: str = "") -> str:
    """One property value as text (``key`` is the last part of its path: it decides how enums and dicts read)."""
    if value is None:
        return _NONE
    if isinstance(value, bool):
        return _YES_NO[value](lang)
    if isinstance(value, int | float):
        return format_fte(value, lang)
    if isinstance(value, str):
        enum = _ENUMS.get(key, {}).get(value)
        if enum is not None:
            return enum(lang)
        if _ISO_DATE.match(value):
            return format_date(value, lang)
        return " ⏎ ".join(line.strip() for line in value.strip().splitlines()) if "\n" in value else value
    if isinstance(value, dict):
        return _mapping(value, lang, key)
    if isinstance(value, list | tuple):
        items = [show(v, lang, key) for v in value]
        return ("; " if any(isinstance(v, dict) for v in value) else ", ").join(items) or _NONE
    return str(value)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def attr_line(a: AttrChange, lang: Lang, limit: int = 120) -> str:
    """``Label: left → right``; for two mappings only the keys that differ (``Label › Key: left → right``)."""
    last = a.path.rsplit(".", 1)[-1]
    if isinstance(a.left, dict) and isinstance(a.right, dict):
        keys = [k for k in sorted(set(a.left) | set(a.right)) if a.left.get(k) != a.right.get(k)]
        return "; ".join(f"{path_label(f'{a.path}.{k}', lang)}: {_cut(show(a.left.get(k), lang, k), limit)} → "
                         f"{_cut(show(a.right.get(k), lang, k), limit)}" for k in keys)
    return (f"{path_label(a.path, lang)}: {_cut(show(a.left, lang, last), limit)} → "
            f"{_cut(show(a.right, lang, last), limit)}")
