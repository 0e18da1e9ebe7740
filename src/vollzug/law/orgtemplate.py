"""Typische Aufbauorganisation for generated skeletons (BRIEF §8b): lanes by town size, and which lane does what.

Larger towns get one lane per function; small ones merge them into Bauamt and Hauptamt (a realistic variant).
Functions ("roles" here) are abstract: council, board, lead, climate, gis, finance, procurement, data_protection,
press, organisation. Lane ids match the Kreis-wide reference SOLL model, so diffs line up.
"""

from __future__ import annotations

from dataclasses import dataclass

from vollzug.model.actors import Municipality, OrgUnit, OrgUnitKind
from vollzug.model.law import Obligation

__all__ = ["SMALL_TOWN_LIMIT", "OrgTemplate", "org_template", "role_for"]

SMALL_TOWN_LIMIT = 20_000
"""Below this population the skeleton merges functions into fewer lanes (assumption, BRIEF §8b [U])."""

_LEAD_NAMES = {
    "WPG": "FB Stadtentwicklung/Planung (federführend)",
    "FZV": "Straßenverkehrsamt – Zulassungsstelle (federführend)",
}

_FULL: tuple[tuple[str, str, str, OrgUnitKind], ...] = (
    ("council", "rat", "Rat / Ausschuss für Umwelt und Klima", "council"),
    ("board", "verwaltungsvorstand", "Bürgermeister/in & Verwaltungsvorstand", "board"),
    ("lead", "fb_planung", "", "department"),
    ("climate", "klimaschutz", "Klimaschutzmanagement", "staff_unit"),
    ("gis", "gis", "GIS/Vermessung", "office"),
    ("finance", "kaemmerei", "Kämmerei", "office"),
    ("procurement", "vergabestelle", "Vergabestelle", "office"),
    ("data_protection", "datenschutz", "Datenschutzbeauftragte/r", "staff_unit"),
    ("press", "pressestelle", "Pressestelle", "staff_unit"),
    ("organisation", "personal_org", "Personal/Organisation", "office"),
)
_SMALL_UNITS: tuple[tuple[str, str, OrgUnitKind], ...] = (
    ("rat", "Rat", "council"),
    ("buergermeister", "Bürgermeister/in", "mayor"),
    ("bauamt", "Bauamt (Planung, Klimaschutz, GIS)", "department"),
    ("hauptamt", "Hauptamt (Organisation, Finanzen, Vergabe, Datenschutz, Presse)", "office"),
)
_SMALL_ROLES = {
    "council": "rat", "board": "buergermeister", "lead": "bauamt", "climate": "bauamt", "gis": "bauamt",
    "finance": "hauptamt", "procurement": "hauptamt", "data_protection": "hauptamt", "press": "hauptamt",
    "organisation": "hauptamt",
}
_KREIS_NAMES = {"rat": "Kreistag / Fachausschuss", "verwaltungsvorstand": "Landrat & Verwaltungsvorstand"}


@dataclass(frozen=True)
class OrgTemplate:
    """Lanes for one municipality and the lane that plays each function."""

    units: tuple[OrgUnit, ...]
    lanes: dict[str, str]
    small: bool

    def lane(self, role: str) -> str:
        """Lane id for a function."""
        return self.lanes[role]


def org_template(municipality: Municipality, catalogue_id: str) -> OrgTemplate:
    """Lanes by size: one per function from 20,000 inhabitants (and for every Kreis), else four merged lanes."""
    count = municipality.population.count if municipality.population else 0
    if municipality.kind not in ("Kreis", "kreisfreie Stadt") and count < SMALL_TOWN_LIMIT:
        units = tuple(OrgUnit(id=i, name=n, kind=k) for i, n, k in _SMALL_UNITS)
        return OrgTemplate(units, dict(_SMALL_ROLES), small=True)
    lead = _LEAD_NAMES.get(catalogue_id, "Fachbereich (federführend)")
    units_list = []
    for _role, lane_id, name, kind in _FULL:
        label = lead if lane_id == "fb_planung" else name
        if municipality.kind == "Kreis":
            label = _KREIS_NAMES.get(lane_id, label)
        units_list.append(OrgUnit(id=lane_id, name=label, kind=kind))
    return OrgTemplate(tuple(units_list), {role: lane_id for role, lane_id, _n, _k in _FULL}, small=False)


def role_for(obligation: Obligation) -> str:
    """The function that performs an obligation, from its kind, addressee and stakeholders."""
    if obligation.addressee == "council" or (obligation.kind == "decision" and obligation.addressee != "planning_body"):
        return "council"
    if any(req.stakeholder == "planning_consultant" for req in obligation.stakeholders):
        return "procurement"
    return {
        "publication": "press",
        "data_duty": "gis",
        "review": "climate",
    }.get(obligation.kind, "lead")
