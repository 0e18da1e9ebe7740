"""Anwendbarkeit: which obligations apply to a municipality, and by which fixed date.

Conditions: population thresholds (with a caveat when the figure's reference date differs from the law's),
Land options (looked up in the catalogue for the municipality's Land), municipality kinds and the municipality's
own choices (unset choices count as ``False``). Reasons are bilingual texts (German and English) for summaries and
reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from vollzug.glossary import term
from vollzug.i18n import Msg, Text
from vollzug.locale import bilingual, format_date, format_number
from vollzug.model.actors import Municipality
from vollzug.model.law import (
    Catalogue,
    ChoiceCondition,
    Condition,
    FixedDeadline,
    LandOptionCondition,
    MunicipalityKindCondition,
    Obligation,
    PopulationCondition,
)

__all__ = [
    "Applicability",
    "TownLaw",
    "applicable",
    "applies",
    "deadline_for",
    "deadline_rule_for",
    "effective_choices",
    "land_options_for",
    "obligations_applying",
    "obligations_for",
    "town_law",
]

_OPS = {"lt": ("<", int.__lt__), "le": ("≤", int.__le__), "gt": (">", int.__gt__), "ge": ("≥", int.__ge__)}


@dataclass(frozen=True)
class Applicability:
    """Ergebnis der Anwendbarkeitsprüfung: whether an obligation applies and why (reasons in both languages)."""

    applies: bool
    reasons: list[Text] = field(default_factory=list)


_POP_UNKNOWN = Msg("Einwohnerzahl von {name} unbekannt; Schwelle {threshold} nicht prüfbar",
                  "population of {name} unknown; threshold {threshold} cannot be checked")
_THE_TOWN = Text(de="der Kommune", en="the municipality")
_POPULATION = Msg("Einwohnerzahl {count} ({source}Stichtag {date}) {relation} {limit}",
                  "population {count} ({source}reference date {date}) {relation} {limit}")
_NOT = Msg("nicht {symbol}", "not {symbol}")
_LAW_DATE = Msg(" – das Gesetz zählt die gemeldeten Einwohner am {date}, bitte prüfen",
                " – the law counts the registered inhabitants on {date}, please check")
_UNVERIFIED = Text(de=" (Zahl nicht verifiziert)", en=" (figure not verified)")
_LAND_OPTION = Msg("Landesoption „{name}“ in {land} {state}", "Land option “{name}” {state} in {land}")
_UNKNOWN_LAND = Text(de="unbekanntem Land", en="an unknown Land")
_USED = (Text(de="nicht genutzt", en="not used"), Text(de="genutzt", en="used"))
_KIND = Msg("Kommunaltyp {kind} {relation}: {kinds}", "municipality kind {kind} {relation}: {kinds}")
_KIND_IN = (Text(de="gehört nicht zu", en="is not one of"), Text(de="gehört zu", en="is one of"))
_UNKNOWN = Text(de="unbekannt", en="unknown")
_CHOICE = Msg("Wahlentscheidung „{name}“ {state}", "choice “{name}” {state}")
_CHOSEN = (Text(de="nicht gewählt", en="not made"), Text(de="gewählt", en="made"))
_NO_CONDITION = Text(de="gilt ohne Bedingung", en="applies without condition")


def _term(key: str, default: str) -> Text:
    return Text(de=term(key, "de", default=default), en=term(key, "en", default=default))


def _holds(
    cond: Condition, municipality: Municipality | None, choices: Mapping[str, bool], land: Collection[str]
) -> bool:
    """Whether a condition holds (the verdict alone: no reason text is built).

    A condition that cannot be established (no municipality, unknown population) does not hold.
    """
    if isinstance(cond, PopulationCondition):
        pop = municipality.population if municipality is not None else None
        return pop is not None and bool(_OPS[cond.op][1](pop.count, cond.value))
    if isinstance(cond, LandOptionCondition):
        return cond.option in land
    if isinstance(cond, MunicipalityKindCondition):
        return municipality is not None and municipality.kind in cond.kinds
    assert isinstance(cond, ChoiceCondition)
    return bool(choices.get(cond.choice, False)) == cond.value


def _population_reason(cond: PopulationCondition, municipality: Municipality | None, holds: bool) -> Text:
    symbol = _OPS[cond.op][0]
    pop = municipality.population if municipality is not None else None
    limit = bilingual(format_number, cond.value)
    if municipality is None or pop is None:
        name: Text | str = municipality.name if municipality is not None else _THE_TOWN
        return Text.of(_POP_UNKNOWN, name=name, threshold=Text.of(Msg("{s} {v}", "{s} {v}"), s=symbol, v=limit))
    source = f"{pop.source}, " if pop.source else ""
    relation = Text.same(symbol) if holds else Text.of(_NOT, symbol=symbol)
    text = Text.of(_POPULATION, count=bilingual(format_number, pop.count), source=source,
                   date=bilingual(format_date, pop.reference_date), relation=relation, limit=limit)
    parts = [text]
    if pop.reference_date != cond.reference_date:
        parts.append(Text.of(_LAW_DATE, date=bilingual(format_date, cond.reference_date)))
    if pop.quality == "unverified":
        parts.append(_UNVERIFIED)
    return Text(de="".join(p.de for p in parts), en="".join(p.en for p in parts))


def _check(
    cond: Condition, municipality: Municipality | None, choices: Mapping[str, bool], land: Collection[str]
) -> tuple[bool, Text]:
    """The verdict of :func:`_holds` with its reason in both languages."""
    holds = _holds(cond, municipality, choices, land)
    if isinstance(cond, PopulationCondition):
        return holds, _population_reason(cond, municipality, holds)
    if isinstance(cond, LandOptionCondition):
        where: Text | str = municipality.land if municipality is not None else _UNKNOWN_LAND
        return holds, Text.of(_LAND_OPTION, name=_term(f"land_option.{cond.option}", cond.option), land=where,
                              state=_USED[holds])
    if isinstance(cond, MunicipalityKindCondition):
        kinds = ", ".join(cond.kinds)
        kind: Text | str = municipality.kind if municipality is not None else _UNKNOWN
        return holds, Text.of(_KIND, kind=kind, relation=_KIND_IN[holds], kinds=kinds)
    assert isinstance(cond, ChoiceCondition)
    chosen = bool(choices.get(cond.choice, False))
    return holds, Text.of(_CHOICE, name=_term(f"choice.{cond.choice}", cond.choice), state=_CHOSEN[chosen])


def applies(obligation: Obligation, municipality: Municipality | None, *, choices: Mapping[str, bool] | None = None,
            land: Collection[str] = ()) -> bool:
    """``applicable(...).applies`` without building the reasons (for checks over many towns)."""
    chosen = choices or {}
    return all(_holds(cond, municipality, chosen, land) for cond in obligation.applicability)


def applicable(
    obligation: Obligation,
    municipality: Municipality | None,
    *,
    choices: Mapping[str, bool] | None = None,
    land: Collection[str] = (),
) -> Applicability:
    """Does ``obligation`` apply? ``land`` is the set of Land options in force (see :func:`land_options_for`)."""
    chosen = choices or {}
    if not obligation.applicability:
        return Applicability(True, [_NO_CONDITION])
    reasons: list[Text] = []
    applies = True
    for cond in obligation.applicability:
        holds, reason = _check(cond, municipality, chosen, land)
        reasons.append(reason)
        applies = applies and holds
    return Applicability(applies, reasons)


def land_options_for(catalogue: Catalogue, land: str) -> frozenset[str]:
    """Ids of the catalogue's Land options that ``land`` (e.g. "NRW") uses."""
    return frozenset(option.id for option in catalogue.land_options if land in option.lands)


def _conditions_hold(
    conditions: Iterable[Condition], municipality: Municipality | None, land: Collection[str]
) -> bool:
    return all(_holds(cond, municipality, {}, land) for cond in conditions)


def deadline_rule_for(
    obligation: Obligation, municipality: Municipality | None, *, land: Collection[str] = ()
) -> FixedDeadline | None:
    """The earliest fixed deadline rule whose conditions hold for the municipality, or None."""
    fitting = [
        rule
        for rule in obligation.deadlines
        if isinstance(rule, FixedDeadline) and _conditions_hold(rule.applies_if, municipality, land)
    ]
    return min(fitting, key=lambda rule: rule.date, default=None)


def deadline_for(
    obligation: Obligation, municipality: Municipality | None, *, land: Collection[str] = ()
) -> dt.date | None:
    """The fixed date by which the obligation must be met, or None (e.g. 30.06.2028 for Rheine under § 4 Abs. 2 WPG)."""
    rule = deadline_rule_for(obligation, municipality, land=land)
    return rule.date if rule else None


def effective_choices(
    catalogue: Catalogue, municipality: Municipality | None, choices: Mapping[str, bool] | None = None
) -> dict[str, bool]:
    """The municipality's choices plus defaults: an applicable obligation that rests on a Land option sets the
    choice of the same id to True unless it was given (Metelen under 10,000 → ``simplified_procedure``)."""
    result = dict(choices or {})
    land = land_options_for(catalogue, municipality.land) if municipality is not None else frozenset()
    for ob in catalogue.obligations:
        options = [c.option for c in ob.applicability if isinstance(c, LandOptionCondition)]
        if options and applies(ob, municipality, choices=result, land=land):
            for option in options:
                result.setdefault(option, True)
    return result


@dataclass(frozen=True)
class TownLaw:
    """One municipality under one catalogue: the Land options in force and the effective choices.

    The one applicability API: compare, the rules engine, decompose and synth all ask this record, so they cannot
    disagree about which obligations apply to a town.
    """

    municipality: Municipality | None
    land: frozenset[str]
    choices: Mapping[str, bool]

    def holds(self, condition: Condition) -> bool:
        """Whether one condition (of an obligation or of a deadline rule's ``applies_if``) holds for the town."""
        return _holds(condition, self.municipality, self.choices, self.land)

    def applies(self, obligation: Obligation) -> bool:
        """Whether the obligation applies (no reasons built)."""
        return applies(obligation, self.municipality, choices=self.choices, land=self.land)

    def verdict(self, obligation: Obligation) -> Applicability:
        """Whether the obligation applies, with its reasons."""
        return applicable(obligation, self.municipality, choices=self.choices, land=self.land)

    def why_not(self, obligation: Obligation) -> Text | None:
        """The reason of the first condition that fails, or None if the obligation applies."""
        for cond in obligation.applicability:
            holds, reason = _check(cond, self.municipality, self.choices, self.land)
            if not holds:
                return reason
        return None


def town_law(
    catalogue: Catalogue, municipality: Municipality | None, choices: Mapping[str, bool] | None = None
) -> TownLaw:
    """The applicability context of one municipality: Land options and choices completed by defaults."""
    land = land_options_for(catalogue, municipality.land) if municipality is not None else frozenset()
    return TownLaw(municipality, land, effective_choices(catalogue, municipality, choices))


def obligations_for(
    catalogue: Catalogue, municipality: Municipality | None, choices: Mapping[str, bool] | None = None
) -> list[tuple[Obligation, Applicability]]:
    """Every obligation of the catalogue with its applicability for the municipality (catalogue order).

    Choices are completed by :func:`effective_choices` first.
    """
    context = town_law(catalogue, municipality, choices)
    return [(ob, context.verdict(ob)) for ob in catalogue.obligations]


def obligations_applying(
    catalogue: Catalogue, municipality: Municipality | None, choices: Mapping[str, bool] | None = None
) -> tuple[Obligation, ...]:
    """The obligations that apply to the municipality (catalogue order): :func:`obligations_for` without reasons."""
    context = town_law(catalogue, municipality, choices)
    return tuple(ob for ob in catalogue.obligations if context.applies(ob))
