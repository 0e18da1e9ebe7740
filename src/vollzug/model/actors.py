"""Akteure: municipalities, organisational units, roles and stakeholders."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from vollzug.model.base import Frozen

MunicipalityKind = Literal["Gemeinde", "Stadt", "Kreis", "kreisfreie Stadt"]
"""Kommunaltyp as used in German municipal law."""

DataQuality = Literal["real", "estimated", "synthetic", "unverified"]
"""Provenance of a figure: real (from a source), estimated, synthetic (made up for examples) or unverified ([U])."""


class Population(Frozen):
    """Einwohnerzahl at a reference date."""

    count: int
    """Number of inhabitants."""
    reference_date: dt.date
    """Date the count refers to (the WPG thresholds use registered inhabitants on 2024-01-01)."""
    source: str = ""
    """Where the figure comes from (e.g. "Zensus 2022")."""
    quality: DataQuality = "real"
    """Provenance of the figure."""


class Municipality(Frozen):
    """Kommune: a Gemeinde, Stadt, Kreis or kreisfreie Stadt."""

    ags: str
    """Amtlicher Gemeindeschlüssel (8 digits; 5 for a Kreis)."""
    name: str
    """Official name, e.g. "Rheine"."""
    kind: MunicipalityKind
    """Gemeinde, Stadt, Kreis or kreisfreie Stadt."""
    population: Population | None = None
    """Inhabitants with their reference date."""
    land: str = "NRW"
    """Land (federal state) abbreviation."""
    kreis: str | None = None
    """Kreis the municipality belongs to (None for a Kreis or kreisfreie Stadt)."""
    status: str | None = None
    """Special status, e.g. "GKSt" or "MKSt" under § 4 GO NRW."""


OrgUnitKind = Literal[
    "council", "committee", "mayor", "board", "department", "office", "staff_unit", "company", "external", "other"
]
"""Art der Organisationseinheit: Rat, Ausschuss, Bürgermeister/in, Verwaltungsvorstand, Fachbereich, Amt/Sachgebiet,
Stabsstelle, kommunales Unternehmen, externe Stelle, sonstige."""


class OrgUnit(Frozen):
    """Organisationseinheit: a unit of the administration; drawn as a BPMN lane."""

    id: str
    """Identifier (an XML NCName, also the lane id in BPMN)."""
    name: str
    """Display name, e.g. "FB Stadtentwicklung"."""
    kind: OrgUnitKind = "other"
    """What sort of unit it is."""
    parent: str | None = None
    """Enclosing unit (nested lanes)."""
    documentation: str = ""
    """Free text."""


class Role(Frozen):
    """Rolle: a post or function inside an organisational unit (e.g. Klimaschutzmanager/in)."""

    id: str
    """Identifier."""
    name: str
    """Display name."""
    unit: str | None = None
    """Organisational unit the role belongs to."""


Involvement = Literal["must", "may", "none"]
"""Muss-/Kann-Beteiligung under the law."""


class Stakeholder(Frozen):
    """Beteiligte/r: a party involved in the procedure; external ones are drawn as collapsed pools."""

    id: str
    """Identifier (also the participant id of its pool)."""
    name: str
    """Display name, e.g. "Netzbetreiber (Strom, Gas)"."""
    kind: str
    """Stakeholder kind from the law catalogue, e.g. "network_operator", "public", "toeb"."""
    internal: bool = False
    """True for parties inside the municipality's own organisation."""
    involvement: Involvement = "may"
    """Must or may be involved."""
    citations: tuple[str, ...] = ()
    """Norms that require or allow the involvement."""
