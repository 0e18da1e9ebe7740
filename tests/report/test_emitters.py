"""Emitters: XLSX opened with openpyxl, CSV with BOM, JSON against the published schema, escaping everywhere."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest

from tests.report.report_support import XSS_IMG, XSS_SCRIPT
from vollzug.compare.results import ComparisonSet
from vollzug.errors import ConfigError
from vollzug.report.emitters import FORMATS, emitter
from vollzug.report.output import render, write_files
from vollzug.schema_docs import json_schema

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schemas" / "report.schema.json"


def test_xlsx_has_one_sheet_per_matrix_with_frozen_header_and_filter(result: ComparisonSet, tmp_path: Path) -> None:
    path = next(p for p in write_files(emitter("xlsx")(result, "de"), tmp_path) if p.name == "report.xlsx")
    book = openpyxl.load_workbook(path)
    assert {"wpg-towns", "wpg-matrix", "wpg-cells", "wpg-gaps", "wpg-similarity", "wpg-raci"} <= set(book.sheetnames)
    towns = book["wpg-towns"]
    assert towns.freeze_panes == "B2"
    assert towns.auto_filter.ref.startswith("A1:")
    assert towns.max_row == len(result.comparisons[0].towns) + 1
    names = {row[1] for row in towns.iter_rows(min_row=2, values_only=True)}  # column A is the AGS
    assert any(XSS_IMG in str(n) for n in names)
    matrix = book["wpg-matrix"]
    assert matrix.max_row == len(result.comparisons[0].obligations) + 1


def test_xlsx_writes_formula_like_text_as_text(simple_result: ComparisonSet, tmp_path: Path) -> None:
    comparison = simple_result.comparisons[0]
    town = comparison.towns[0].model_copy(update={"name": "=HYPERLINK(\"http://x\")"})
    patched = simple_result.model_copy(update={"comparisons": (comparison.model_copy(update={"towns": (town,)}),)})
    path = next(p for p in write_files(emitter("xlsx")(patched, "de"), tmp_path) if p.name == "report.xlsx")
    cell = openpyxl.load_workbook(path)["wpg-towns"]["B2"]
    assert cell.data_type == "s" and str(cell.value).startswith("'=")


def test_csv_files_have_bom_and_parse(result: ComparisonSet) -> None:
    files = emitter("csv")(result, "de")
    data = files["wpg-matrix.csv"]
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    comparison = result.comparisons[0]
    assert rows[0][1:] == [t.name for t in comparison.towns]
    assert len(rows) == len(comparison.obligations) + 1
    assert {r for row in rows[1:] for r in row[1:]} <= {"covered", "deviating", "missing", "not_applicable"}


def test_json_validates_against_published_schema(result: ComparisonSet) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    document = json.loads(emitter("json")(result, "de")["report.json"])
    jsonschema.validate(document, schema)
    assert ComparisonSet.model_validate(document) == result


def test_published_schema_is_current() -> None:
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == json_schema(ComparisonSet)


def test_markdown_escapes_payloads(result: ComparisonSet) -> None:
    text = emitter("md")(result, "de")["report.md"].decode("utf-8")
    assert "<script" not in text and "<img" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text  # the town name, escaped


def test_html_is_self_contained_and_escaped(result: ComparisonSet) -> None:
    html = emitter("html")(result, "de")["index.html"].decode("utf-8")
    assert XSS_SCRIPT not in html and XSS_IMG not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert len(re.findall(r"<script>", html)) == 1
    external = re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert external == []
    assert "<svg" in html  # dendrogram and diagrams inline


def test_english_report(simple_result: ComparisonSet) -> None:
    html = render(simple_result, ["html"], "en")["index.html"].decode("utf-8")
    assert 'lang="en"' in html and "Gap report WPG" in html


def test_every_format_has_an_emitter_and_unknown_is_an_error(simple_result: ComparisonSet) -> None:
    for name in FORMATS:
        assert emitter(name)(simple_result, "de")
    with pytest.raises(ConfigError):
        emitter("pdf")
