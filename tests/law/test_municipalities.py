"""Municipality master data of Kreis Steinfurt and lookup by AGS or name."""

from __future__ import annotations

from pathlib import Path

import pytest

from vollzug.errors import CatalogueError, ConfigError
from vollzug.law.municipalities import find_municipality, load_municipalities, load_municipality_records


def test_kreis_and_24_towns() -> None:
    all_ = load_municipalities()
    kreis = [m for m in all_ if m.kind == "Kreis"]
    towns = [m for m in all_ if m.kind != "Kreis"]
    assert [k.ags for k in kreis] == ["05566"]
    assert len(towns) == 24
    assert sum(1 for m in towns if m.kind == "Stadt") == 10
    assert sum(1 for m in towns if m.kind == "Gemeinde") == 14
    assert len({m.ags for m in towns}) == 24
    assert all(len(m.ags) == 8 and m.ags.startswith("05566") for m in towns)
    assert all(m.kreis == "Kreis Steinfurt" and m.land == "NRW" for m in towns)


def test_figures_and_flags_as_in_the_brief() -> None:
    records = {r.municipality.name: r for r in load_municipality_records()}
    rheine = records["Rheine"].municipality
    assert rheine.population is not None and rheine.population.count == 76344
    assert rheine.population.source == "Zensus 2022" and rheine.status == "GKSt"
    wettringen = records["Wettringen"].municipality.population
    assert wettringen is not None and wettringen.reference_date.isoformat() == "2023-12-31"
    assert wettringen.quality == "unverified"
    assert "population" in records["Ladbergen"].unverified
    assert all("ags" in r.unverified for r in records.values() if r.municipality.kind != "Kreis")
    assert {n for n, r in records.items() if r.municipality.status == "MKSt"} == {
        "Ibbenbüren", "Greven", "Emsdetten", "Steinfurt"}


@pytest.mark.parametrize(
    ("query", "name"),
    [("ibbenbueren", "Ibbenbüren"), ("IBBENBÜREN", "Ibbenbüren"), ("Ibbenburen", "Ibbenbüren"),
     ("05566076", "Rheine"), (" metelen ", "Metelen"), ("hoerstel", "Hörstel"), ("Steinfurt", "Steinfurt"),
     ("kreis steinfurt", "Kreis Steinfurt")],
)
def test_find(query: str, name: str) -> None:
    assert find_municipality(query).name == name


def test_unknown_municipality() -> None:
    with pytest.raises(ConfigError, match="unknown municipality 'Atlantis'"):
        find_municipality("Atlantis")


def test_bad_master_data_names_line(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(
        "municipalities:\n  - ags: '1'\n    name: A\n    kind: Dorf\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_municipalities(tmp_path)
    assert str(info.value).startswith(f"{tmp_path / 'x.yaml'}:4: [municipalities[0].kind]")
    (tmp_path / "x.yaml").write_text(
        "municipalities:\n  - {ags: '1', name: A, kind: Stadt}\n  - {ags: '1', name: B, kind: Stadt}\n", "utf-8")
    with pytest.raises(CatalogueError, match="duplicate AGS 1"):
        load_municipalities(tmp_path)
