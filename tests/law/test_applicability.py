"""Applicability and deadlines for real towns of Kreis Steinfurt (thresholds of § 4, § 21, § 22 WPG)."""

from __future__ import annotations

import datetime as dt

import pytest

from vollzug.law.applicability import (
    applicable,
    applies,
    deadline_for,
    effective_choices,
    land_options_for,
    obligations_applying,
    obligations_for,
)
from vollzug.law.catalogue import load_catalogue
from vollzug.law.municipalities import find_municipality
from vollzug.model.actors import Municipality, Population
from vollzug.model.law import Catalogue, Obligation


def _wpg() -> Catalogue:
    return load_catalogue("WPG")


def _ob(catalogue: Catalogue, ob_id: str) -> Obligation:
    return next(o for o in catalogue.obligations if o.id == ob_id)


def _applies(town: str, choices: dict[str, bool] | None = None) -> set[str]:
    return {ob.id for ob, v in obligations_for(_wpg(), find_municipality(town), choices) if v.applies}


@pytest.mark.parametrize(
    ("town", "simplified", "extra_45k"),
    [("Metelen", True, False), ("Nordwalde", True, False), ("Altenberge", False, False),
     ("Rheine", False, True), ("Ibbenbüren", False, True), ("Greven", False, False)],
)
def test_thresholds(town: str, simplified: bool, extra_45k: bool) -> None:
    ids = _applies(town)
    assert ("WPG.W20" in ids) is simplified
    assert ("WPG.W11" in ids) is not simplified  # the NRW simplified procedure drops the consultation
    assert ("WPG.W13" in ids) is extra_45k
    assert {"WPG.W00", "WPG.W01", "WPG.W04", "WPG.W15", "WPG.W16", "WPG.W18", "WPG.W18b"} <= ids


def test_choices_switch_optional_obligations() -> None:
    assert "WPG.W03" not in _applies("Greven")
    assert "WPG.W03" in _applies("Greven", {"commission_third_party": True})
    assert "WPG.W21" in _applies("Laer", {"joint_planning": True})
    # a town under 10,000 may decline the simplified procedure
    declined = _applies("Metelen", {"simplified_procedure": False})
    assert "WPG.W11" in declined


def test_reasons_are_bilingual_and_name_the_threshold() -> None:
    verdict = applicable(_ob(_wpg(), "WPG.W13"), find_municipality("Rheine"), land=frozenset())
    assert verdict.applies
    assert "76.344" in verdict.reasons[0].de and "> 45.000" in verdict.reasons[0].de
    assert "76,344" in verdict.reasons[0].en and "> 45,000" in verdict.reasons[0].en
    assert "01.01.2024" in verdict.reasons[0].de  # Zensus date differs from the law's reference date


def test_land_without_option() -> None:
    town = find_municipality("Metelen").model_copy(update={"land": "BY"})
    assert land_options_for(_wpg(), "BY") == frozenset()
    verdict = applicable(_ob(_wpg(), "WPG.W20"), town, land=land_options_for(_wpg(), "BY"))
    assert not verdict.applies
    assert any("nicht genutzt" in r.de and "not used" in r.en for r in verdict.reasons)
    assert "simplified_procedure" not in effective_choices(_wpg(), town)


def test_unknown_population_never_applies_a_threshold() -> None:
    town = Municipality(ags="09999999", name="Nirgendwo", kind="Gemeinde")
    verdict = applicable(_ob(_wpg(), "WPG.W13"), town)
    assert not verdict.applies and "unbekannt" in verdict.reasons[0].de and "unknown" in verdict.reasons[0].en


@pytest.mark.parametrize(("count", "expected"), [(100_001, dt.date(2026, 6, 30)), (100_000, dt.date(2028, 6, 30)),
                                                 (6_404, dt.date(2028, 6, 30))])
def test_plan_deadline_by_population(count: int, expected: dt.date) -> None:
    town = Municipality(ags="05999000", name="X", kind="Stadt",
                        population=Population(count=count, reference_date=dt.date(2024, 1, 1)))
    assert deadline_for(_ob(_wpg(), "WPG.W15"), town) == expected
    assert deadline_for(_ob(_wpg(), "WPG.W02"), town) is None


def test_fzv_applies_to_the_kreis_not_to_towns() -> None:
    fzv = load_catalogue("FZV")
    kreis = {o.id for o, v in obligations_for(fzv, find_municipality("Kreis Steinfurt")) if v.applies}
    town = {o.id for o, v in obligations_for(fzv, find_municipality("Rheine")) if v.applies}
    assert "FZV.K07" in kreis and "FZV.K07" not in town
    assert "FZV.K01" in town  # addressed to the insurer, no condition


@pytest.mark.parametrize(
    ("town", "change", "present", "absent"),
    [("Metelen", {}, {"WPG.W20"}, {"WPG.W11", "WPG.W13"}),
     ("Metelen", {"land": "BY"}, {"WPG.W11"}, {"WPG.W20"}),  # no NRW option in Bavaria: the full procedure
     ("Rheine", {}, {"WPG.W11", "WPG.W13"}, {"WPG.W20"}),
     ("Rheine", {"population": None}, set(), {"WPG.W13", "WPG.W20"})],  # unknown population: no threshold holds
)
def test_verdict_only_path(town: str, change: dict[str, object], present: set[str], absent: set[str]) -> None:
    """``obligations_applying``/``applies`` (no reasons built) give the verdicts the reasoned path gives."""
    catalogue = _wpg()
    municipality = find_municipality(town).model_copy(update=change)
    ids = {ob.id for ob in obligations_applying(catalogue, municipality)}
    assert present <= ids and not absent & ids
    assert ids == {ob.id for ob, verdict in obligations_for(catalogue, municipality) if verdict.applies}
    land = land_options_for(catalogue, municipality.land)
    chosen = effective_choices(catalogue, municipality)
    assert {ob.id for ob in catalogue.obligations if applies(ob, municipality, choices=chosen, land=land)} == ids
