"""Master data: GV100AD (Destatis fixed-width records) and CSV, with file:line errors; AGS stays text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tests.api.cli import runner
from vollzug.errors import InputError
from vollzug.law.masterdata import (
    load_master_data,
    read_csv,
    read_gv100ad,
    synthetic_municipalities,
    to_csv,
    write_gv100ad,
)
from vollzug.law.municipalities import load_municipalities


def _record(satzart: str, ags: str, name: str, code: str = "", people: str = "") -> str:
    """A record laid out column by column as in the GV100AD description (not via our writer)."""
    line = [" "] * 220
    def put(start: int, text: str) -> None:
        line[start - 1:start - 1 + len(text)] = list(text)
    put(1, satzart)
    put(3, "20240101")
    put(11, ags)
    put(23, name)
    put(123, code)
    if people:
        put(129, "1234".rjust(11))
        put(140, people.rjust(11))
    return "".join(line).rstrip()


def test_reads_a_hand_laid_gv100ad_file(tmp_path: Path) -> None:
    text = "\n".join([
        _record("10", "05", "Nordrhein-Westfalen"),
        _record("20", "055", "Reg.-Bez. Münster"),
        _record("40", "05566", "Steinfurt", "44"),
        _record("50", "055660000", "Verband"),
        _record("60", "05566076", "Rheine, Stadt", "63", "76344"),
        _record("60", "05566052", "Metelen", "64", "6404"),
        _record("60", "05566999", "Gemeindefreies Gebiet", "66"),
        _record("60", "05111000", "Düsseldorf, Stadt", "61", "600000"),
    ])
    path = tmp_path / "GV100AD_010124.txt"
    path.write_text(text + "\n", encoding="iso-8859-1")  # an older Latin-1 file
    data = read_gv100ad(path)
    by_ags = {m.ags: m for m in data.municipalities}
    assert set(by_ags) == {"05566", "05566076", "05566052", "05111000"}
    rheine = by_ags["05566076"]
    assert (rheine.name, rheine.kind, rheine.land, rheine.kreis) == ("Rheine, Stadt", "Stadt", "NRW", "Steinfurt")
    assert rheine.population is not None and rheine.population.count == 76344
    assert rheine.population.reference_date == dt.date(2024, 1, 1)
    assert by_ags["05111000"].kind == "kreisfreie Stadt" and by_ags["05111000"].kreis is None
    assert by_ags["05566"].kind == "Kreis"
    assert data.skipped == 4  # Land, RB, Gemeindeverband, gemeindefreies Gebiet
    assert ("05566076", 1234) in data.area_ha
    assert load_master_data(path).format == "gv100ad"


@pytest.mark.parametrize(("line", "message"), [
    ("70202401010556607", "unknown Satzart"),
    ("60202401010556607", "record too short"),
    ("6020241301" + "05566076" + " " * 4 + "Rheine".ljust(50), "not a date"),
    ("6020240101" + "0556607x" + " " * 4 + "Rheine".ljust(50), "must be 8 digits"),
    ("6020240101" + "05566076" + " " * 4 + "Rheine".ljust(50) + " " * 50 + "63" + " " * 4 + "12a".rjust(11),
     "Fläche"),
])
def test_gv100ad_errors_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(_record("10", "05", "NRW") + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_gv100ad(path)
    assert str(info.value).startswith(f"{path}:2: ")


def test_writer_and_reader_round_trip_the_shipped_data(tmp_path: Path) -> None:
    shipped = [m for m in load_municipalities()]
    path = tmp_path / "steinfurt.txt"
    path.write_text(write_gv100ad(shipped, dt.date(2022, 5, 15)), encoding="utf-8")
    back = {m.ags: m for m in read_gv100ad(path).municipalities}
    for m in shipped:
        assert back[m.ags].name == m.name
        assert back[m.ags].kind == m.kind
        if m.kind != "Kreis":
            assert back[m.ags].population is not None and m.population is not None
            assert back[m.ags].population.count == m.population.count  # type: ignore[union-attr]


def test_csv_keeps_ags_as_text_and_refuses_a_lost_zero(tmp_path: Path) -> None:
    good = tmp_path / "towns.csv"
    good.write_text(to_csv(load_municipalities()), encoding="utf-8")
    data = read_csv(good)
    assert data.municipalities[1].ags.startswith("0")
    semicolon = tmp_path / "semi.csv"
    semicolon.write_text("ags;name;kind;population;reference_date\n05566052;Metelen;Gemeinde;6404;2022-05-15\n",
                         encoding="utf-8")
    assert read_csv(semicolon).municipalities[0].population.count == 6404  # type: ignore[union-attr]
    bad = tmp_path / "bad.csv"
    bad.write_text("ags,name,kind,population,reference_date\n5566052,Metelen,Gemeinde,6404,2022-05-15\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match="leading zero lost") as info:
        read_csv(bad)
    assert str(info.value).startswith(f"{bad}:2: ")
    missing = tmp_path / "missing.csv"
    missing.write_text("ags,name\n05566052,Metelen\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        read_csv(missing)


def test_synthetic_file_is_marked_synthetic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "synth.txt"
    run = runner(capsys)("municipalities", "--synthetic", "60", "--format", "gv100ad", "-o", str(out))
    assert run.returncode == 0
    data = read_gv100ad(out)
    assert len(data.gemeinden()) == 60
    assert all(m.ags.startswith("059") and len(m.ags) == 8 for m in data.gemeinden())
    assert all(m.population is not None and m.population.quality == "synthetic" for m in data.gemeinden())
    assert [m.name for m in data.gemeinden()][:3] == [m.name for m in synthetic_municipalities(3)]
    shown = runner(capsys)("municipalities", str(out), "--lang", "en")
    assert "60 municipalities" in shown.stdout


def test_decompose_and_synth_take_master_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    master = tmp_path / "m.txt"
    master.write_text(write_gv100ad(synthetic_municipalities(5, seed=3), dt.date(2024, 1, 1)), encoding="utf-8")
    target = synthetic_municipalities(5, seed=3)[2]
    run = runner(capsys)
    done = run("decompose", "WPG", "-m", target.ags, "--municipalities", str(master), "-o", str(tmp_path / "d.yaml"),
               "-q")
    assert done.returncode == 0
    written = yaml.safe_load((tmp_path / "d.yaml").read_text(encoding="utf-8"))
    assert written["municipality"]["ags"] == target.ags  # text with its leading zero
    assert written["municipality"]["population"]["count"] == target.population.count  # type: ignore[union-attr]
    done = run("synth", "--towns", "3", "--from", "models/soll/wpg-kreis-steinfurt.yaml", "-o", str(tmp_path / "s"),
               "--municipalities", str(master), "-q")
    assert done.returncode == 0
    from vollzug.loader import iter_model_files, load_model

    names = {load_model(p).model.municipality.name for p in iter_model_files([tmp_path / "s"])}  # type: ignore[union-attr]
    assert names == {m.name for m in synthetic_municipalities(3, seed=3)}
    assert run("decompose", "WPG", "-m", "Nirgendwo", "--municipalities", str(master), "-o",
               str(tmp_path / "x.yaml")).returncode == 2
