"""Law data for the rules: the catalogue, applicable obligations, and law-specific check parameters.

Law-specific knowledge lives in data, never in Python: the catalogue (``rules/<law>/catalogue.yaml``, read by
:mod:`vollzug.law`) and the check parameters beside it (``rules/<law>/checks.yaml``, read here).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from vollzug.errors import ConfigError
from vollzug.law.applicability import obligations_applying
from vollzug.law.catalogue import find_catalogue, list_catalogues
from vollzug.law.citation import CitationError, parse_citation
from vollzug.model.actors import Municipality
from vollzug.model.law import Catalogue, Obligation
from vollzug.safe_yaml import load_yaml_file


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    __field_docs__: ClassVar[bool] = True
    """Field docstrings become JSON Schema text (added when a schema is made: :mod:`vollzug.schema_docs`)."""


class NotificationChecks(_Data):
    """Parameters of the staff-notification rules (NT)."""

    variants: tuple[Literal["IST", "SOLL"], ...] = ("SOLL",)
    """Model variants that must notify staff of their obligations."""
    exempt: tuple[str, ...] = ()
    """Obligations that need no staff notification (e.g. duties of the Land)."""


class LawChecks(_Data):
    """Prüfparameter eines Gesetzes (``rules/<law>/checks.yaml``)."""

    law: str = ""
    """Catalogue id."""
    coverage_exempt: tuple[str, ...] = ()
    """Obligations a municipal model need not contain (performed by others, outside the procedure)."""
    publication: tuple[str, ...] = ()
    """Obligations that are publication duties in addition to those of kind ``publication``."""
    legal_deadlines: tuple[str, ...] | None = None
    """Obligations whose legal deadline must be modelled; None: every applicable obligation with a fixed,
    relative or recurring deadline rule."""
    stakeholder_equivalents: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Stakeholder kinds that also satisfy a required kind, e.g. ``municipality: [kreis]`` (the Kreis is the
    Gemeindeverband to involve under § 7 Abs. 2 Nr. 4 WPG when the Gemeinde itself plans)."""
    personal_data_sinks_include_publication: bool = True
    """Treat every publication duty as forbidden for personal data (§ 12 WPG)."""
    notification: NotificationChecks = Field(default_factory=NotificationChecks)
    """Staff notification parameters."""
    options: dict[str, dict[str, Any]] = Field(default_factory=dict)
    """Default rule options for this law, by rule code (configuration overrides them)."""


@lru_cache(maxsize=16)
def load_law_checks(law: str) -> LawChecks:
    """Check parameters for a catalogue id; empty defaults if the law has no ``checks.yaml``.

    The file is found through the catalogue registry (the id is never joined into a path)."""
    from vollzug.law.registry import checks_file

    path = checks_file(law)
    if path is None:
        return LawChecks(law=law)
    loaded = load_yaml_file(path, error=ConfigError)
    try:
        return LawChecks.model_validate(loaded.data or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"invalid check parameters at '{where}': {first['msg']}", file=path,
                          line=loaded.line(first["loc"])) from None


def load_catalogue(law: str) -> Catalogue | None:
    """The shipped catalogue for ``law``; None if vollzug has none for it. A broken catalogue raises
    :class:`~vollzug.errors.CatalogueError` (it is never taken for "no catalogue")."""
    return find_catalogue(law) if law else None


def known_catalogues() -> list[str]:
    """Ids of the catalogues found in the rules folder."""
    return sorted(c.id for c in list_catalogues())


def applicable_obligations(
    catalogue: Catalogue, town: Municipality | None, choices: dict[str, bool]
) -> tuple[Obligation, ...]:
    """Obligations that apply to ``town`` with ``choices`` (the law layer's one applicability API)."""
    return obligations_applying(catalogue, town, choices)


def parse_citation_error(text: str) -> str | None:
    """None if ``text`` parses as a citation, else the parser's message."""
    try:
        parse_citation(text)
    except CitationError as exc:
        return str(exc) or type(exc).__name__
    return None
