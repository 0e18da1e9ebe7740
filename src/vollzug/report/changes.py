"""How a difference from the reference reads in the reports, and how it is coloured in the diagrams.

One place for the change words of the HTML/Markdown/XLSX/JSON reports and the diagram overlays:
:func:`change_label` (the wording; the shared change vocabulary may replace its body), :func:`change_state` (the
colour class of a diagram element) and :func:`readable_detail` (a compare detail such as
``"lane: a → b; notification: {…} → {…}"`` as German/English text without Python reprs).
"""

from __future__ import annotations

import re
from typing import Literal

from vollzug.i18n import Lang, Msg, Text

State = Literal["missing", "added", "changed", "reassigned", "missing_obligation"]
"""Diagram overlay classes: fehlt gegenüber SOLL, zusätzlich, abweichend, Zuständigkeit verschoben, Pflicht fehlt."""
STATES: tuple[State, ...] = ("missing_obligation", "missing", "reassigned", "changed", "added")
"""Overlay classes, strongest first (an element shows the strongest of its states)."""

STATE_LABEL: dict[State, Msg] = {
    "missing": Msg("fehlt gegenüber SOLL", "missing compared with the SOLL"),
    "added": Msg("zusätzlich", "additional"),
    "changed": Msg("abweichend", "different"),
    "reassigned": Msg("Zuständigkeit verschoben", "responsibility shifted"),
    "missing_obligation": Msg("Pflicht nicht abgedeckt", "obligation not covered"),
}
_ASPECT: dict[str, Msg] = {
    "renamed": Msg("Bezeichnung", "name"),
    "resource_changed": Msg("Ressourcen", "resources"),
    "citation_added": Msg("Handlungsgrundlage zusätzlich", "additional legal basis"),
    "citation_removed": Msg("Handlungsgrundlage fehlt", "legal basis missing"),
    "deadline_added": Msg("Frist zusätzlich", "additional deadline"),
    "deadline_removed": Msg("Frist fehlt", "deadline missing"),
    "obligation_added": Msg("Pflicht zusätzlich zugeordnet", "obligation additionally assigned"),
    "obligation_removed": Msg("Pflicht nicht zugeordnet", "obligation not assigned"),
    "notification_added": Msg("Inkenntnissetzung zusätzlich", "additional staff notification"),
    "notification_removed": Msg("Inkenntnissetzung fehlt", "staff notification missing"),
    "notification_changed": Msg("Inkenntnissetzung anders", "staff notification differs"),
    "stakeholder_added": Msg("Beteiligte zusätzlich", "additional stakeholder"),
    "stakeholder_removed": Msg("Beteiligte fehlen", "stakeholder missing"),
    "message_flow_added": Msg("Nachrichtenfluss zusätzlich", "additional message flow"),
    "message_flow_removed": Msg("Nachrichtenfluss fehlt", "message flow missing"),
}
_FIELD: dict[str, Msg] = {
    "name": Msg("Bezeichnung", "name"), "lane": Msg("Organisationseinheit", "unit"),
    "documentation": Msg("Beschreibung", "description"), "raci": Msg("RACI", "RACI"),
    "resources": Msg("Ressourcen", "resources"), "deadlines": Msg("Fristen", "deadlines"),
    "notification": Msg("Inkenntnissetzung", "staff notification"),
    "citations": Msg("Handlungsgrundlage", "legal basis"),
    "obligations": Msg("Pflichten", "obligations"), "type": Msg("Elementtyp", "element type"),
    "event": Msg("Ereignis", "event"), "loop": Msg("Wiederholung", "loop"), "basis": Msg("Grundlage", "basis"),
    "suppressions": Msg("Regelausnahmen", "rule exceptions"), "pool": Msg("Pool", "pool"),
    "parent": Msg("Teilprozess", "sub-process"), "collapsed": Msg("zugeklappt", "collapsed"),
}
_DIFFERS = Msg("{field} anders als im SOLL", "{field} differs from the SOLL")
_SCALAR = Msg("{field}: IST „{ist}“, SOLL „{soll}“", "{field}: IST “{ist}”, SOLL “{soll}”")
_STRUCTURED = re.compile(r"^[\[{(]|…$")


def change_state(kind: str) -> State:
    """The overlay class of a diff entry kind (``removed`` → missing, ``reassigned`` → reassigned, …)."""
    if kind == "removed":
        return "missing"
    if kind == "added":
        return "added"
    if kind == "reassigned":
        return "reassigned"
    if kind == "obligation_removed":
        return "missing_obligation"
    return "changed"


def change_label(kind: str, lang: Lang = "de") -> str:
    """The wording of a diff entry kind relative to the reference ("fehlt gegenüber SOLL", "zusätzlich",
    "abweichend", "Zuständigkeit verschoben" …): the one change vocabulary, :mod:`vollzug.vocabulary`."""
    from vollzug.vocabulary import change_label as vocabulary_label

    return vocabulary_label(kind, lang)


def readable_detail(kind: str, detail: Text | str, lang: Lang = "de") -> str:
    """A diff entry's detail for people. A bilingual detail (compare's, already in words) is taken in ``lang``;
    a plain ``changed`` detail ("path: IST → SOLL; …") becomes one phrase per field, structured values are not
    spelled out."""
    if isinstance(detail, Text):
        text = detail.get(lang)
        return "" if kind in ("removed", "added") and text == change_label(kind, lang) else text
    if kind in ("removed", "added") and detail in ("fehlt gegenüber SOLL", "nicht im SOLL"):
        return ""  # the change label says it already (and in the report's language)
    if kind != "changed" or " → " not in detail:
        return detail
    parts = []
    for segment in re.split(r";\s+(?=[a-z_]+(?:\.[a-z_]+)*: )", detail):
        field, _, values = segment.partition(": ")
        ist, _, soll = values.partition(" → ")
        head = field.split(".")[0]
        name = _FIELD[head](lang) if head in _FIELD else field
        if _STRUCTURED.search(ist) or _STRUCTURED.search(soll) or head not in ("name", "lane", "documentation"):
            parts.append(_DIFFERS(lang, field=name))
        else:
            parts.append(_SCALAR(lang, field=name, ist=ist, soll=soll))
    return "; ".join(parts)
