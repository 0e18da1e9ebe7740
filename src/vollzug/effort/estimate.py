"""Schätzung des Erfüllungsaufwands: cost per obligation from the towns' models, extrapolated to master data.

Per town and obligation (one round of it): staff cost = VZÄ on the obligation's steps × hours per person-year ×
the hourly rate of the staff's Laufbahngruppe (from the unit, see ``rules/effort/wages.yaml``), plus material cost
(budget and external services in EUR). A step serving several obligations is split evenly, as in the comparison.
An obligation with a recurring deadline (``every: P5Y``) is recurring: its yearly cost is the round's cost divided
by the period; every other obligation is one-off (einmaliger Erfüllungsaufwand).

Extrapolation: per Größenklasse c, N_c (master-data municipalities of the class the obligation applies to) × the
class's mean (or median) per-town cost; a class with fewer than ``min_sample`` towns with a figure borrows the
figure of all towns (marked). Obligations that rest on a municipal choice count N_c × the uptake observed in the
sample. Intervals: percentile bootstrap over the towns (resampled within their class, seeded numpy generator).
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from pydantic import Field

from vollzug.compare.features import unit_family
from vollzug.effort.rates import WageTable
from vollzug.law.applicability import applies, effective_choices, land_options_for
from vollzug.model.actors import Municipality
from vollzug.model.base import Frozen
from vollzug.model.law import Catalogue, ChoiceCondition, Obligation, RecurringDeadline, RelativeDeadline
from vollzug.model.process import OperationalModel
from vollzug.model.resources import StaffResource, staff_and_money

Statistic = Literal["mean", "median"]
_YEARS = {"Y": 1.0, "M": 1 / 12, "W": 7 / 365.25, "D": 1 / 365.25}


class ClassFigure(Frozen):
    """One Größenklasse of one obligation."""

    size_class: str
    """Class id."""
    towns: int
    """Sample towns of the class with a figure."""
    municipalities: float
    """Master-data municipalities of the class the obligation applies to (× uptake for a choice)."""
    per_town_eur: float | None = None
    """The statistic per town used for the class (EUR per round)."""
    borrowed: bool = False
    """Too few towns in the class: the figure of all towns is used."""


class ObligationEffort(Frozen):
    """Erfüllungsaufwand of one obligation."""

    obligation: str
    """Obligation id."""
    title: str = ""
    """German title."""
    recurrence: Literal["one_off", "recurring"] = "one_off"
    """einmalig or wiederkehrend."""
    period_years: float | None = None
    """Years between rounds of a recurring obligation."""
    towns: int = 0
    """Sample towns with a figure (cost > 0) for the obligation."""
    towns_applicable: int = 0
    """Sample towns the obligation applies to."""
    median_eur: float | None = None
    """Median cost per town and round (EUR)."""
    p10_eur: float | None = None
    """10th percentile per town."""
    p90_eur: float | None = None
    """90th percentile per town."""
    mean_eur: float | None = None
    """Mean cost per town and round."""
    staff_eur: float | None = None
    """Mean staff cost per town and round."""
    material_eur: float | None = None
    """Mean material cost (budget, external services) per town and round."""
    fte_median: float | None = None
    """Median VZÄ per town and round."""
    uptake: float | None = None
    """Share of eligible sample towns that chose to perform it (choice obligations)."""
    municipalities: float = 0.0
    """Master-data municipalities it applies to (× uptake)."""
    extrapolated_eur: float | None = None
    """Estimate for all municipalities: EUR once (one-off) or EUR per year (recurring)."""
    ci_low_eur: float | None = None
    """Lower bound of the bootstrap interval."""
    ci_high_eur: float | None = None
    """Upper bound of the bootstrap interval."""
    too_small: bool = False
    """The sample is too small for an estimate (fewer towns with a figure than min_sample)."""
    borrowed_classes: int = 0
    """Classes that borrowed the figure of all towns."""
    classes: tuple[ClassFigure, ...] = ()
    """Per Größenklasse."""


class TownEffort(Frozen):
    """Aufwand of one sample town (its own model, not extrapolated)."""

    ags: str | None = None
    """AGS (text)."""
    name: str
    """Name."""
    population: int | None = None
    """Inhabitants."""
    size_class: str | None = None
    """Größenklasse."""
    one_off_eur: float = 0.0
    """Sum of the one-off obligations."""
    annual_eur: float = 0.0
    """Sum of the recurring obligations per year."""
    fte: float = 0.0
    """VZÄ over all obligations (one round)."""


class Total(Frozen):
    """A total with its bootstrap interval."""

    eur: float | None = None
    """Estimate (None if any obligation in it is too small to estimate)."""
    ci_low_eur: float | None = None
    """Lower bound."""
    ci_high_eur: float | None = None
    """Upper bound."""
    obligations: int = 0
    """Obligations summed."""
    left_out: tuple[str, ...] = ()
    """Obligations left out of the sum (sample too small)."""


class EffortEstimate(Frozen):
    """Schätzung des kommunalen Erfüllungsaufwands eines Gesetzes."""

    kind: Literal["effort_estimate"] = "effort_estimate"
    """Document tag."""
    law: str
    """Catalogue id."""
    title: str = ""
    """Catalogue title."""
    generated: str = ""
    """ISO timestamp."""
    statistic: Statistic = "mean"
    """Per-town statistic used for the extrapolation."""
    wages_source: str = ""
    """Source of the wage rates."""
    wages_year: int = 0
    """Year of the wage rates."""
    wages_verified: bool = False
    """The wage rates were checked against their source."""
    hours_per_person_year: float = 0.0
    """Hours per VZÄ and year."""
    rates: dict[str, float] = Field(default_factory=dict)
    """Grade → EUR per hour used."""
    bootstrap: int = 0
    """Bootstrap resamples."""
    seed: int = 0
    """Seed of the bootstrap."""
    confidence: float = 0.9
    """Coverage of the intervals."""
    min_sample: int = 3
    """Towns a class needs for its own figure."""
    master_data: str = ""
    """Master-data file."""
    master_municipalities: int = 0
    """Municipalities in the master data."""
    sample_towns: int = 0
    """Towns in the sample."""
    one_off: Total = Total()
    """Einmaliger Erfüllungsaufwand, all municipalities."""
    annual: Total = Total()
    """Jährlicher Erfüllungsaufwand, all municipalities."""
    obligations: tuple[ObligationEffort, ...] = ()
    """Per obligation (catalogue order)."""
    towns: tuple[TownEffort, ...] = ()
    """The sample towns."""
    skipped: tuple[str, ...] = ()
    """Inputs not used, with the reason."""


@dataclass(frozen=True)
class SampleTown:
    """One town of the sample: its model (for costs) and where it came from."""

    model: OperationalModel
    path: str = ""


def period_years(obligation: Obligation) -> float | None:
    """Years between rounds if the obligation has a recurring deadline (``P5Y`` → 5.0), else None."""
    for rule in obligation.deadlines:
        if isinstance(rule, RecurringDeadline):
            text = rule.every.upper().removeprefix("P")
            try:
                return float(text[:-1]) * _YEARS[text[-1]]
            except (KeyError, ValueError, IndexError):
                return None
    return None


def periods_of(obligations: Sequence[Obligation]) -> list[float | None]:
    """:func:`period_years` per obligation; an obligation due a fixed time after a recurring one (§ 2 Abs. 5 LWPG:
    3 months after each review) recurs with it."""
    own = {o.id: period_years(o) for o in obligations}
    out: list[float | None] = []
    for o in obligations:
        period = own[o.id]
        if period is None:
            period = next((own[r.after] for r in o.deadlines
                           if isinstance(r, RelativeDeadline) and own.get(r.after)), None)
        out.append(period)
    return out


def town_costs(model: OperationalModel, wages: WageTable) -> dict[str, tuple[float, float, float]]:
    """Obligation → (VZÄ, staff EUR, material EUR) of one round, from the model's resources."""
    units = {u.id: u for u in model.org_units}
    hours = wages.hours_per_person_year.value
    out: dict[str, tuple[float, float, float]] = {}
    for step in model.steps:
        if not step.obligations:
            continue
        share = 1.0 / len(step.obligations)
        fte = staff_eur = material = 0.0
        for res in step.resources:
            staff, money = staff_and_money(res)
            material += money
            if staff:
                unit_id = (res.unit if isinstance(res, StaffResource) else None) or step.lane
                unit = units.get(unit_id or "")
                _grade, rate = wages.rate(unit_family(unit_id, unit.name if unit else "", unit.kind if unit else ""))
                fte += staff
                staff_eur += staff * hours * rate
        for obligation in step.obligations:
            a, b, c = out.get(obligation, (0.0, 0.0, 0.0))
            out[obligation] = (a + fte * share, b + staff_eur * share, c + material * share)
    return out


def _choice_free(obligation: Obligation) -> dict[str, bool]:
    """Choices that make the obligation's choice conditions hold (to count who *could* do it)."""
    return {c.choice: c.value for c in obligation.applicability if isinstance(c, ChoiceCondition)}


def _stat(values: NDArray[np.float64], statistic: Statistic, axis: int) -> NDArray[np.float64]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        result: NDArray[np.float64] = np.nanmean(values, axis=axis) if statistic == "mean" \
            else np.nanmedian(values, axis=axis)
    return result


def _fnum(value: float) -> float | None:
    return None if value is None or not math.isfinite(value) else round(float(value), 2)


def estimate(catalogue: Catalogue, towns: Sequence[SampleTown], master: Sequence[Municipality], wages: WageTable, *,
             statistic: Statistic = "mean", bootstrap: int = 2000, seed: int = 0, confidence: float = 0.9,
             master_source: str = "", progress: Callable[[int], None] | None = None) -> EffortEstimate:
    """The estimate for ``catalogue`` from the sample ``towns``, extrapolated to the ``master`` municipalities."""
    obligations = [o for o in catalogue.obligations if o.addressee != "land"]
    classes = [c.id for c in wages.population_classes]
    skipped: list[str] = []
    rows: list[tuple[SampleTown, Municipality]] = []
    for town in towns:
        m = town.model.municipality
        where = town.path or town.model.title
        if town.model.law != catalogue.id:
            skipped.append(f"{where}: Gesetz {town.model.law}, nicht {catalogue.id}")
        elif town.model.variant != "IST":
            skipped.append(f"{where}: {town.model.variant}-Modell (nur IST-Modelle gehen in die Schätzung ein)")
        elif m is None or m.population is None:
            skipped.append(f"{where}: keine Einwohnerzahl")
        elif m.kind == "Kreis":
            skipped.append(f"{where}: Kreis (die Stammdaten-Hochrechnung zählt Gemeinden)")
        else:
            rows.append((town, m))
    n_t, n_o, n_c = len(rows), len(obligations), len(classes)
    total = np.full((n_t, n_o), np.nan)
    staff = np.full((n_t, n_o), np.nan)
    material = np.full((n_t, n_o), np.nan)
    fte = np.full((n_t, n_o), np.nan)
    applicable = np.zeros((n_t, n_o), dtype=bool)
    eligible = np.zeros((n_t, n_o), dtype=bool)
    town_class = np.zeros(n_t, dtype=int)
    for i, (town, m) in enumerate(rows):
        costs = town_costs(town.model, wages)
        land = land_options_for(catalogue, m.land)
        chosen = effective_choices(catalogue, m, town.model.choices)
        town_class[i] = classes.index(wages.size_class(m.population.count if m.population else None) or classes[0])
        for j, ob in enumerate(obligations):
            applicable[i, j] = applies(ob, m, choices=chosen, land=land)
            eligible[i, j] = applies(ob, m, choices={**chosen, **_choice_free(ob)}, land=land)
            a, b, c = costs.get(ob.id, (0.0, 0.0, 0.0))
            if applicable[i, j] and b + c > 0:
                fte[i, j], staff[i, j], material[i, j], total[i, j] = a, b, c, b + c
        if progress:
            progress(1)
    # master data: municipalities per class and obligation (eligible ones; uptake applied below)
    counts = np.zeros((n_c, n_o))
    gemeinden = [m for m in master if m.kind != "Kreis"]
    for m in gemeinden:
        c_id = wages.size_class(m.population.count if m.population else None)
        if c_id is None:
            continue
        land = land_options_for(catalogue, m.land)
        chosen = effective_choices(catalogue, m)
        k = classes.index(c_id)
        for j, ob in enumerate(obligations):
            if applies(ob, m, choices={**chosen, **_choice_free(ob)}, land=land):
                counts[k, j] += 1
    has = ~np.isnan(total)
    uptake = np.ones(n_o)
    for j, ob in enumerate(obligations):
        if _choice_free(ob):
            uptake[j] = has[:, j].sum() / eligible[:, j].sum() if eligible[:, j].any() else 0.0
    counts = counts * uptake
    periods = periods_of(obligations)
    annualise = np.array([1.0 / p if p else 1.0 for p in periods])

    def per_class(values: NDArray[np.float64], klass: NDArray[np.int_]) -> tuple[NDArray[np.float64],
                                                                                    NDArray[np.bool_]]:
        """(class × obligation statistic, borrowed mask) for one sample (rows of ``values``)."""
        pooled = _stat(values, statistic, 0)
        pooled_n = (~np.isnan(values)).sum(0)
        out = np.full((n_c, n_o), np.nan)
        borrowed = np.zeros((n_c, n_o), dtype=bool)
        for k in range(n_c):
            sub = values[klass == k]
            n = (~np.isnan(sub)).sum(0) if len(sub) else np.zeros(n_o, dtype=int)
            own = _stat(sub, statistic, 0) if len(sub) else np.full(n_o, np.nan)
            use_own = n >= wages.min_sample
            out[k] = np.where(use_own, own, np.where(pooled_n >= wages.min_sample, pooled, np.nan))
            borrowed[k] = ~use_own
        return out, borrowed

    def scale(stat: NDArray[np.float64]) -> NDArray[np.float64]:
        """Σ over classes of N_c × statistic (NaN where a class with municipalities has no figure), per year."""
        missing = ((counts > 0) & np.isnan(stat)).any(0)
        value: NDArray[np.float64] = (counts * np.nan_to_num(stat, nan=0.0)).sum(0) * annualise
        return np.where(missing, np.nan, value)

    point, borrowed = per_class(total, town_class)
    extrapolated = scale(point)
    too_small = has.sum(0) < wages.min_sample
    extrapolated = np.where(too_small, np.nan, extrapolated)
    draws = np.full((bootstrap, n_o), np.nan)
    rng = np.random.default_rng(seed)
    if n_t and bootstrap:
        members = [np.flatnonzero(town_class == k) for k in range(n_c)]
        for b in range(bootstrap):
            picked = np.concatenate([rng.choice(idx, size=len(idx), replace=True) for idx in members if len(idx)])
            stat_b, _ = per_class(total[picked], town_class[picked])
            draws[b] = scale(stat_b)
    alpha = (1 - confidence) / 2

    def interval(samples: NDArray[np.float64]) -> tuple[float | None, float | None]:
        good = samples[np.isfinite(samples)]
        if len(good) < max(10, bootstrap // 2):
            return None, None
        return _fnum(float(np.quantile(good, alpha))), _fnum(float(np.quantile(good, 1 - alpha)))

    results: list[ObligationEffort] = []
    for j, ob in enumerate(obligations):
        values = total[has[:, j], j]
        lo, hi = interval(draws[:, j]) if not too_small[j] else (None, None)
        results.append(ObligationEffort(
            obligation=ob.id, title=ob.title, recurrence="recurring" if periods[j] else "one_off",
            period_years=periods[j], towns=int(has[:, j].sum()), towns_applicable=int(applicable[:, j].sum()),
            median_eur=_fnum(float(np.median(values))) if len(values) else None,
            p10_eur=_fnum(float(np.percentile(values, 10))) if len(values) else None,
            p90_eur=_fnum(float(np.percentile(values, 90))) if len(values) else None,
            mean_eur=_fnum(float(values.mean())) if len(values) else None,
            staff_eur=_fnum(float(staff[has[:, j], j].mean())) if len(values) else None,
            material_eur=_fnum(float(material[has[:, j], j].mean())) if len(values) else None,
            fte_median=round(float(np.median(fte[has[:, j], j])), 3) if len(values) else None,
            uptake=round(float(uptake[j]), 3) if _choice_free(ob) else None,
            municipalities=round(float(counts[:, j].sum()), 2),
            extrapolated_eur=_fnum(float(extrapolated[j])), ci_low_eur=lo, ci_high_eur=hi,
            too_small=bool(too_small[j]), borrowed_classes=int((borrowed[:, j] & (counts[:, j] > 0)).sum()),
            classes=tuple(ClassFigure(size_class=classes[k], towns=int(has[town_class == k, j].sum()),
                                      municipalities=round(float(counts[k, j]), 2),
                                      per_town_eur=_fnum(float(point[k, j])), borrowed=bool(borrowed[k, j]))
                          for k in range(n_c))))

    def total_of(kind: str) -> Total:
        chosen = [j for j, ob in enumerate(results) if ob.recurrence == kind and ob.municipalities > 0]
        left = tuple(results[j].obligation for j in chosen if results[j].too_small)
        used = [j for j in chosen if not results[j].too_small]
        if not used:
            return Total(obligations=0, left_out=left)
        lo, hi = interval(draws[:, used].sum(1))
        return Total(eur=_fnum(float(extrapolated[used].sum())), ci_low_eur=lo, ci_high_eur=hi,
                     obligations=len(used), left_out=left)

    town_rows = []
    for i, (_town, m) in enumerate(rows):
        once = float(np.nansum(np.where([p is None for p in periods], total[i], np.nan)))
        yearly = float(np.nansum(np.where([p is not None for p in periods], total[i] * annualise, np.nan)))
        town_rows.append(TownEffort(ags=m.ags, name=m.name, population=m.population.count if m.population else None,
                                    size_class=classes[town_class[i]], one_off_eur=round(once, 2),
                                    annual_eur=round(yearly, 2), fte=round(float(np.nansum(fte[i])), 3)))
    return EffortEstimate(
        law=catalogue.id, title=catalogue.title, generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        statistic=statistic, wages_source=wages.source, wages_year=wages.year,
        wages_verified=wages.verified and wages.hours_per_person_year.verified
        and all(g.verified for g in wages.grades.values()),
        hours_per_person_year=wages.hours_per_person_year.value,
        rates={k: g.eur_per_hour for k, g in wages.grades.items()}, bootstrap=bootstrap, seed=seed,
        confidence=confidence, min_sample=wages.min_sample, master_data=master_source,
        master_municipalities=len(gemeinden), sample_towns=n_t, one_off=total_of("one_off"),
        annual=total_of("recurring"), obligations=tuple(results), towns=tuple(town_rows), skipped=tuple(skipped))
