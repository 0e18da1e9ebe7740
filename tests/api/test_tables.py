"""Analysis tables: typed columns in pandas, Parquet and DuckDB; AGS stays text; tables join on AGS + obligation."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.api.cli import runner
from vollzug.compare.files import compare_files
from vollzug.compare.results import ComparisonSet
from vollzug.tables.build import build_frames, build_tables
from vollzug.tables.export import DATABASE, export_tables
from vollzug.tables.schema import TABLES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def result() -> ComparisonSet:
    found, _notes = compare_files([ROOT / "models" / "ist"], [ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"])
    return found


def test_every_table_has_the_keys_and_typed_columns(result: ComparisonSet) -> None:
    tables = build_tables(result)
    assert set(tables) == set(TABLES)
    for name, table in tables.items():
        assert "law" in table.column_names
        if name != "obligations":  # the catalogue rows are keyed by law + obligation
            assert "ags" in table.column_names or {"ags_a", "ags_b"} <= set(table.column_names)
        if name in {"cells", "resources", "raci", "stakeholders", "gaps", "findings", "outliers"}:
            assert "obligation" in table.column_names
    towns = tables["towns"]
    assert towns.schema.field("ags").type == pa.string()
    assert towns.schema.field("eur").type == pa.decimal128(16, 2)
    assert towns.schema.field("fte").type == pa.decimal128(10, 3)
    assert towns.schema.field("run_date").type == pa.date32()
    rheine = next(row for row in towns.to_pylist() if row["name"] == "Rheine")
    assert rheine["ags"] == "05566076"
    assert rheine["fte"] == Decimal("3.500")


def test_frames_keep_the_leading_zero_and_decimals(result: ComparisonSet) -> None:
    frames = build_frames(result)
    cells = frames["cells"]
    assert str(cells["ags"].dtype) == "string[pyarrow]"
    assert cells["ags"].str.startswith("0").all()
    assert str(frames["resources"]["eur"].dtype).startswith("decimal128(16, 2)")
    per_obligation = frames["resources"].groupby("obligation")["fte"].sum()
    assert per_obligation["WPG.W06"] > 0


def test_export_parquet_and_duckdb_agree(result: ComparisonSet, tmp_path: Path) -> None:
    written = export_tables(result, tmp_path)
    assert {p.name for p in written} == {f"{n}.parquet" for n in TABLES} | {DATABASE}
    cells = pq.read_table(tmp_path / "cells.parquet")
    assert cells.equals(build_tables(result)["cells"])
    with duckdb.connect(str(tmp_path / DATABASE), read_only=True) as con:
        types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                 "WHERE table_name = 'resources'").fetchall())
        assert types == {"law": "VARCHAR", "ags": "VARCHAR", "town_key": "VARCHAR", "obligation": "VARCHAR",
                         "fte": "DECIMAL(10,3)", "eur": "DECIMAL(16,2)", "it_systems": "VARCHAR[]"}
        comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'towns' "
                              "AND column_name = 'ags'").fetchone()
        assert comment is not None and "leading zero" in comment[0]
        rows = con.execute("""
            SELECT t.ags, count(*) FROM towns t
            JOIN cells c USING (law, ags, town_key)
            JOIN raci r USING (law, ags, town_key, obligation)
            WHERE t.law = 'WPG' GROUP BY t.ags ORDER BY t.ags""").fetchall()
        assert len(rows) == 12 and rows[0][0] == "05566004"
        n_cells = con.execute("SELECT count(*) FROM cells").fetchone()
        assert n_cells is not None and n_cells[0] == cells.num_rows


def test_export_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "export"
    run = runner(capsys)("compare", str(ROOT / "models" / "ist" / "metelen"), str(ROOT / "models" / "ist" / "rheine"),
                         "-r", str(ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"), "--export", str(out), "-q")
    assert run.returncode == 1, run.stderr  # the example towns have gaps
    assert str(out / "vollzug.duckdb") in run.stderr
    towns = pq.read_table(out / "towns.parquet").to_pylist()
    assert sorted(t["ags"] for t in towns) == ["05566052", "05566076"]


def test_the_schema_is_documented() -> None:
    text = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    for name, columns in TABLES.items():
        section = text.split(f"### `{name}`", 1)
        assert len(section) == 2, f"table {name} not documented"
        body = section[1].split("### ", 1)[0]
        for column, _kind, _text in columns:
            assert f"| `{column}` |" in body, f"{name}.{column} not documented"
