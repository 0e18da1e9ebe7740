"""vollzug effort: costs per obligation checked by hand, extrapolation by class, bootstrap, sample-too-small."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from tests.api.cli import runner
from vollzug.effort.estimate import EffortEstimate, SampleTown, estimate, period_years, periods_of, town_costs
from vollzug.effort.rates import load_wages
from vollzug.errors import CatalogueError
from vollzug.law.catalogue import load_catalogue
from vollzug.law.masterdata import synthetic_municipalities, write_gv100ad
from vollzug.loader import iter_model_files, load_model
from vollzug.model.process import OperationalModel

ROOT = Path(__file__).resolve().parents[2]
TOWNS = ROOT / "models" / "ist"

_MODEL = """
kind: operational_model
id: tiny
title: tiny
law: WPG
variant: IST
municipality: {ags: "05566052", name: Metelen, kind: Gemeinde,
               population: {count: 6404, reference_date: 2022-05-15}}
org_units:
  - {id: bauamt, name: Bauamt, kind: department}
  - {id: bm, name: Bürgermeister, kind: mayor}
steps:
  - id: a
    name: Bestandsanalyse
    lane: bauamt
    obligations: [WPG.W06, WPG.W07]
    resources:
      - {kind: staff, fte: 0.5, unit: bauamt}
      - {kind: budget, eur: 1000}
  - id: b
    name: Beschluss vorbereiten
    lane: bm
    obligations: [WPG.W01]
    resources:
      - {kind: staff, fte: 0.1}
      - {kind: external_service, eur: 250.5}
"""


def _tiny() -> OperationalModel:
    return OperationalModel.model_validate(yaml.safe_load(_MODEL))


def test_costs_by_hand() -> None:
    wages = load_wages()
    costs = town_costs(_tiny(), wages)
    hours = wages.hours_per_person_year.value
    gehoben = wages.grades["gehoben"].eur_per_hour
    hoeher = wages.grades["hoeher"].eur_per_hour
    # step a: 0.5 VZÄ of the Bauamt (family planning → gehobener Dienst) and 1000 EUR, split over two obligations
    assert costs["WPG.W06"] == pytest.approx((0.25, 0.25 * hours * gehoben, 500.0))
    assert costs["WPG.W07"] == costs["WPG.W06"]
    # step b: staff of the lane bm (mayor → höherer Dienst), an external service
    assert costs["WPG.W01"] == pytest.approx((0.1, 0.1 * hours * hoeher, 250.5))


def test_recurrence_from_the_catalogue() -> None:
    catalogue = load_catalogue("WPG")
    by_id = {o.id: o for o in catalogue.obligations}
    assert period_years(by_id["WPG.W18"]) == 5.0
    assert period_years(by_id["WPG.W06"]) is None
    periods = dict(zip([o.id for o in catalogue.obligations], periods_of(catalogue.obligations), strict=True))
    assert periods["WPG.W18b"] == 5.0  # 3 months after each review (§ 2 Abs. 5 LWPG NRW)


@pytest.fixture(scope="module")
def sample() -> list[SampleTown]:
    return [SampleTown(load_model(p).model, str(p)) for p in iter_model_files([TOWNS])]


@pytest.fixture(scope="module")
def result(sample: list[SampleTown]) -> EffortEstimate:
    master = synthetic_municipalities(396, seed=1)
    return estimate(load_catalogue("WPG"), sample, master, load_wages(), bootstrap=400, seed=3)


def test_extrapolation_of_one_obligation_by_hand(result: EffortEstimate, sample: list[SampleTown]) -> None:
    w20 = next(o for o in result.obligations if o.obligation == "WPG.W20")
    wages = load_wages()
    per_town = [sum(town_costs(t.model, wages).get("WPG.W20", (0, 0, 0))[1:]) for t in sample
                if t.model.law == "WPG" and t.model.municipality and t.model.municipality.kind != "Kreis"]
    figures = [x for x in per_town if x > 0]
    assert w20.towns == len(figures) == 4
    mean = sum(figures) / len(figures)
    # § 22 WPG applies below 10,000 inhabitants (NRW uses the option): count those in the master data by hand
    small = sum(1 for m in synthetic_municipalities(396, seed=1) if m.population and m.population.count < 10_000)
    assert w20.municipalities == small
    assert w20.extrapolated_eur == pytest.approx(mean * small, abs=0.01)
    assert w20.ci_low_eur is not None and w20.ci_high_eur is not None
    assert w20.ci_low_eur <= w20.extrapolated_eur <= w20.ci_high_eur


def test_sample_too_small_is_said(result: EffortEstimate) -> None:
    w13 = next(o for o in result.obligations if o.obligation == "WPG.W13")  # § 21 WPG: only above 45,000
    assert w13.towns < 3 and w13.too_small and w13.extrapolated_eur is None
    assert "WPG.W13" in result.one_off.left_out
    assert not any(o.obligation == "WPG.W00" for o in result.obligations)  # addressed to the Land
    assert result.sample_towns == 12 and any("FZV" in s for s in result.skipped)
    assert result.wages_verified is False
    borrowed = next(o for o in result.obligations if o.obligation == "WPG.W02")
    assert borrowed.borrowed_classes > 0 and any(c.borrowed for c in borrowed.classes)


def test_annual_total_is_the_recurring_obligations_per_year(result: EffortEstimate) -> None:
    recurring = [o for o in result.obligations if o.recurrence == "recurring" and not o.too_small]
    assert {o.obligation for o in recurring} == {"WPG.W18", "WPG.W18b"}
    assert result.annual.eur == pytest.approx(sum(o.extrapolated_eur or 0 for o in recurring), abs=0.05)


def test_bootstrap_is_seeded(sample: list[SampleTown]) -> None:
    master = synthetic_municipalities(100, seed=2)
    args = (load_catalogue("WPG"), sample, master, load_wages())
    a = estimate(*args, bootstrap=200, seed=5)
    b = estimate(*args, bootstrap=200, seed=5)
    c = estimate(*args, bootstrap=200, seed=6)
    assert a.one_off == b.one_off
    assert a.one_off.ci_low_eur != c.one_off.ci_low_eur
    assert a.one_off.eur == c.one_off.eur


def test_cli_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    master = tmp_path / "gv100ad.txt"
    master.write_text(write_gv100ad(synthetic_municipalities(50), dt.date(2024, 1, 1)), encoding="utf-8")
    run = runner(capsys)
    text = run("effort", "WPG", str(TOWNS), "--municipalities", str(master), "--bootstrap", "100", "-q")
    assert text.returncode == 0
    assert "Stichprobe zu klein" in text.stdout and "nicht verifiziert" in text.stdout
    english = run("effort", "WPG", str(TOWNS), "--bootstrap", "50", "--lang", "en", "-q", "--format", "markdown")
    assert "sample too small" in english.stdout and "| WPG.W01" in english.stdout
    data = json.loads(run("effort", "WPG", str(TOWNS), "--bootstrap", "50", "--format", "json", "-q").stdout)
    assert data["kind"] == "effort_estimate" and data["towns"][0]["ags"].startswith("0")
    xlsx = tmp_path / "effort.xlsx"
    assert run("effort", "WPG", str(TOWNS), "--bootstrap", "50", "--format", "xlsx", "-o", str(xlsx),
               "-q").returncode == 0
    from openpyxl import load_workbook

    towns = load_workbook(xlsx)["towns"]
    assert towns["A2"].value == "05566004" and towns["A2"].number_format == "@"
    svg = run("effort", "WPG", str(TOWNS), "--bootstrap", "50", "--format", "svg", "-q").stdout
    assert svg.startswith("<svg") and "WPG.W13" in svg
    assert run("effort", "NOPE", str(TOWNS)).returncode == 2
    assert run("effort", "WPG", str(TOWNS), "--format", "xlsx").returncode == 2


def test_report_gets_the_chart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report"
    done = runner(capsys)("report", str(TOWNS / "metelen"), str(TOWNS / "rheine"), str(TOWNS / "greven"), "-r",
                          str(ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"), "-o", str(out), "--format",
                          "html", "--effort", "-q")
    assert done.returncode == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<section id="wpg-effort">' in page and "effort-chart" in page
    assert (out / "effort-wpg.md").is_file()


def test_wage_table_errors_name_the_line(tmp_path: Path) -> None:
    text = (ROOT / "rules" / "effort" / "wages.yaml").read_text(encoding="utf-8").replace(
        "  mayor: hoeher", "  mayor: senior")
    bad = tmp_path / "wages.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError, match="unknown grade"):
        load_wages(bad)
