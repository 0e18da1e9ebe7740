"""Gesetz, Norm, Pflicht: a law catalogue decomposed into obligations."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from vollzug.model.actors import MunicipalityKind
from vollzug.model.base import Frozen
from vollzug.model.lawid import LawId


class PopulationCondition(Frozen):
    """Schwellenwert: applies if the population compares as given at the reference date."""

    kind: Literal["population"] = "population"
    """Discriminator."""
    op: Literal["lt", "le", "gt", "ge"]
    """Comparison: lt (<), le (≤), gt (>), ge (≥)."""
    value: int
    """Threshold, e.g. 10000."""
    reference_date: dt.date = dt.date(2024, 1, 1)
    """Date at which the population counts (WPG: registered inhabitants on 2024-01-01)."""


class LandOptionCondition(Frozen):
    """Länderöffnungsklausel: applies if the Land has used an option (e.g. simplified procedure)."""

    kind: Literal["land_option"] = "land_option"
    """Discriminator."""
    option: str
    """Option id, e.g. "simplified_procedure"."""


class MunicipalityKindCondition(Frozen):
    """Applies only to the listed kinds of municipality."""

    kind: Literal["municipality_kind"] = "municipality_kind"
    """Discriminator."""
    kinds: tuple[MunicipalityKind, ...]
    """Kinds the obligation applies to."""


class ChoiceCondition(Frozen):
    """Applies if the municipality chose an option (e.g. joint planning, commissioning third parties)."""

    kind: Literal["choice"] = "choice"
    """Discriminator."""
    choice: str
    """Choice id, e.g. "joint_planning"."""
    value: bool = True
    """The value the choice must have."""


Condition = Annotated[
    PopulationCondition | LandOptionCondition | MunicipalityKindCondition | ChoiceCondition,
    Field(discriminator="kind"),
]
"""Anwendbarkeitsbedingung: all conditions of an obligation must hold for it to apply."""


class FixedDeadline(Frozen):
    """Frist mit festem Datum (e.g. 30.06.2028 under § 4 Abs. 2 Satz 1 Nr. 2 WPG)."""

    kind: Literal["fixed"] = "fixed"
    """Discriminator."""
    date: dt.date
    """The date by the end of which the obligation must be met."""
    applies_if: tuple[Condition, ...] = ()
    """Conditions for this deadline (e.g. population > 100,000)."""
    citation: str = ""
    """Norm that sets the deadline."""


class RelativeDeadline(Frozen):
    """Frist relativ zu einem Ereignis (e.g. 3 months after the review, 10 days after registration)."""

    kind: Literal["relative"] = "relative"
    """Discriminator."""
    after: str
    """Obligation id or event the period starts with."""
    duration: str
    """ISO 8601 duration, e.g. "P3M", "P10D", "P8W"."""
    applies_if: tuple[Condition, ...] = ()
    """Conditions for this deadline."""
    citation: str = ""
    """Norm that sets the deadline."""
    minimum: bool = False
    """True if the duration is a minimum (e.g. a comment period of at least 30 days)."""


class RecurringDeadline(Frozen):
    """Wiederkehrende Frist (e.g. review at least every 5 years, § 25 WPG)."""

    kind: Literal["recurring"] = "recurring"
    """Discriminator."""
    every: str
    """ISO 8601 duration, e.g. "P5Y"."""
    applies_if: tuple[Condition, ...] = ()
    """Conditions for this deadline."""
    citation: str = ""
    """Norm that sets the deadline."""


class PromptDeadline(Frozen):
    """Unbestimmte Frist: "unverzüglich", "anschließend", "frühzeitig", "angemessene Frist"."""

    kind: Literal["prompt"] = "prompt"
    """Discriminator."""
    term: str
    """The legal term, e.g. "unverzüglich"."""
    after: str | None = None
    """Obligation id or event it follows, if any."""
    applies_if: tuple[Condition, ...] = ()
    """Conditions for this deadline."""
    citation: str = ""
    """Norm that sets the deadline."""


DeadlineRule = Annotated[
    FixedDeadline | RelativeDeadline | RecurringDeadline | PromptDeadline,
    Field(discriminator="kind"),
]
"""Fristregel: how the law times an obligation."""

ObligationKind = Literal[
    "task", "decision", "participation", "publication", "information_duty", "data_duty", "review"
]
"""Pflichtart: Aufgabe, Entscheidung, Beteiligung, Veröffentlichung, Informationspflicht, Datenpflicht, Überprüfung."""


class StakeholderRequirement(Frozen):
    """Beteiligungspflicht: a stakeholder kind that must or may be involved in an obligation."""

    stakeholder: str
    """Stakeholder kind id from the catalogue."""
    involvement: Literal["must", "may"]
    """Muss- or Kann-Beteiligung."""
    citation: str = ""
    """Norm that requires or allows it."""
    continuous: bool = False
    """"frühzeitig und fortlaufend": must be a loop or parallel branch, not a single task."""


class Obligation(Frozen):
    """Pflicht: one duty derived from the law, with citations, addressee, timing and applicability."""

    id: str
    """Stable identifier, e.g. "WPG.W04"."""
    title: str
    """German title, e.g. "Beteiligung der Netzbetreiber"."""
    title_en: str = ""
    """English title."""
    citations: tuple[str, ...]
    """Handlungsgrundlagen as written, e.g. ("§ 7 Abs. 2 Nr. 1-4 WPG",)."""
    addressee: str
    """Role the law addresses, e.g. "planning_body" (planungsverantwortliche Stelle), "council"."""
    kind: ObligationKind
    """Pflichtart."""
    deadlines: tuple[DeadlineRule, ...] = ()
    """Fristen."""
    applicability: tuple[Condition, ...] = ()
    """All must hold for the obligation to apply; empty means always."""
    stakeholders: tuple[StakeholderRequirement, ...] = ()
    """Must/may-involve stakeholders."""
    outputs: tuple[str, ...] = ()
    """Required results, e.g. "Ratsbeschluss", "Veröffentlichung im Internet"."""
    depends_on: tuple[str, ...] = ()
    """Obligations that must be met before this one (ordering)."""
    optional: bool = False
    """True for duties the addressee may choose to perform (e.g. § 6 Satz 2 commissioning)."""
    verified: bool = True
    """False where the brief marks the content as unverified ([U])."""
    personal_data: Literal["allowed", "forbidden", "aggregated_only"] = "allowed"
    """Whether personal (building) data may flow into the step (§ 10, § 12 WPG)."""
    note: str = ""
    """Free text."""


class Renumbering(Frozen):
    """Neunummerierung: an old norm that now lives under another number."""

    old: str
    """Old citation, e.g. "§ 23 FZV a. F."."""
    new: str
    """Current citation, e.g. "§ 49 FZV"."""
    effective: dt.date
    """Date the new numbering applies."""


class LawVersion(Frozen):
    """Fassung: one version of a law."""

    id: str
    """Version id, e.g. "2023-07-20"."""
    title: str
    """Full title with gazette reference."""
    in_force: dt.date
    """Date of entry into force."""
    gazette: str = ""
    """Fundstelle, e.g. "BGBl. 2023 I Nr. 394"."""


class Norm(Frozen):
    """Norm: one § / Art. / Anlage of a law with its title."""

    citation: str
    """Citation of the norm, e.g. "§ 13 WPG"."""
    title: str
    """Heading of the norm."""
    verified: bool = True
    """False for unverified ([U]) headings."""


class Law(Frozen):
    """Gesetz / Verordnung: a law with its versions and norms."""

    id: str
    """Abbreviation incl. Land suffix, e.g. "WPG", "LWPG NRW", "FZV"."""
    title: str
    """Full title."""
    jurisdiction: str = "Bund"
    """Bund or a Land abbreviation."""
    kind: Literal["Gesetz", "Verordnung", "Satzung", "Landesgesetz"] = "Gesetz"
    """Kind of legal act."""
    versions: tuple[LawVersion, ...] = ()
    """Known versions, oldest first."""
    norms: tuple[Norm, ...] = ()
    """Norms with headings."""
    renumbering: tuple[Renumbering, ...] = ()
    """Old citations and where they now live."""


class StakeholderKind(Frozen):
    """Beteiligtenart: a kind of stakeholder the catalogue refers to."""

    id: str
    """Identifier, e.g. "network_operator"."""
    name: str
    """German name."""
    name_en: str = ""
    """English name."""
    internal: bool = False
    """Part of the municipality's own organisation."""


class LandOption(Frozen):
    """Landesoption: an option the law leaves to the Länder, and which Länder use it."""

    id: str
    """Option id, e.g. "simplified_procedure"."""
    title: str
    """What it allows."""
    citation: str
    """Norm that opens the option."""
    lands: tuple[str, ...] = ()
    """Länder known to use it."""
    verified: bool = True
    """False if unverified."""


class Catalogue(Frozen):
    """Pflichtenkatalog: a procedure's laws decomposed into obligations (e.g. WPG with LWPG NRW)."""

    id: LawId
    """Catalogue id, e.g. "WPG", "FZV" (letters, digits, ``-``/``_`` parts; never a path)."""
    title: str
    """Title."""
    laws: tuple[Law, ...]
    """Laws the obligations cite."""
    obligations: tuple[Obligation, ...]
    """The obligations."""
    stakeholder_kinds: tuple[StakeholderKind, ...] = ()
    """Stakeholder kinds used by the obligations."""
    land_options: tuple[LandOption, ...] = ()
    """Options the Länder may use."""
    addressees: dict[str, str] = Field(default_factory=dict)
    """Addressee role ids and their German names."""
