"""Ressourcen: staff, budget, IT systems, data sources and external services used by a step."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from vollzug.model.actors import DataQuality
from vollzug.model.base import Frozen


class _ResourceBase(Frozen):
    name: str = ""
    """What the resource is, e.g. "Projektleitung Klimaschutz"."""
    source: DataQuality = "synthetic"
    """Provenance of the figure: real, estimated, synthetic or unverified."""
    note: str = ""
    """Free text, e.g. the formula an amount comes from."""


class StaffResource(_ResourceBase):
    """Personal: staff time in full-time equivalents (VZÄ)."""

    kind: Literal["staff"] = "staff"
    """Discriminator."""
    fte: float = 0.0
    """Full-time equivalents (VZÄ) for the step."""
    unit: str | None = None
    """Organisational unit providing the staff (default: the step's lane)."""


class BudgetResource(_ResourceBase):
    """Haushaltsmittel: money in EUR, optionally with budget line and funding source."""

    kind: Literal["budget"] = "budget"
    """Discriminator."""
    eur: float = 0.0
    """Amount in EUR."""
    budget_line: str | None = None
    """Produkt / Haushaltsstelle."""
    funding: str | None = None
    """Funding source, e.g. "Konnexität LWPG NRW" or "Kommunalrichtlinie"."""


class ItSystemResource(_ResourceBase):
    """IT-Fachverfahren: an IT system used by the step (GIS, DMS, Fachverfahren, portal)."""

    kind: Literal["it_system"] = "it_system"
    """Discriminator."""
    operator: str | None = None
    """Who runs it, e.g. "KAAW"."""


class DataSourceResource(_ResourceBase):
    """Datenquelle: data the step consumes."""

    kind: Literal["data_source"] = "data_source"
    """Discriminator."""
    medium: str | None = None
    """Medium: Papier, E-Mail, Excel, Fachverfahren, GIS, …"""
    personal: bool = False
    """Contains personal data (personenbezogene Daten)."""


class ExternalServiceResource(_ResourceBase):
    """Fremdleistung: a service bought in or commissioned (planning office, Stadtwerke subsidiary)."""

    kind: Literal["external_service"] = "external_service"
    """Discriminator."""
    provider: str | None = None
    """Who provides it."""
    eur: float | None = None
    """Cost in EUR, if known."""


Resource = Annotated[
    StaffResource | BudgetResource | ItSystemResource | DataSourceResource | ExternalServiceResource,
    Field(discriminator="kind"),
]
"""Ressource: any resource, discriminated by ``kind``."""

RESOURCE_TYPES: dict[str, type[_ResourceBase]] = {
    "staff": StaffResource,
    "budget": BudgetResource,
    "it_system": ItSystemResource,
    "data_source": DataSourceResource,
    "external_service": ExternalServiceResource,
}
"""Resource classes by their ``kind`` tag."""


def staff_and_money(resource: Resource) -> tuple[float, float]:
    """(VZÄ, EUR) a resource stands for: staff in full-time equivalents, budget and external services in EUR (an
    external service without an amount counts 0), IT systems and data sources nothing. The one place where
    totals per step, unit and model get their arithmetic."""
    if isinstance(resource, StaffResource):
        return resource.fte, 0.0
    if isinstance(resource, BudgetResource):
        return 0.0, resource.eur
    if isinstance(resource, ExternalServiceResource):
        return 0.0, resource.eur or 0.0
    return 0.0, 0.0
