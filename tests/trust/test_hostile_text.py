"""No hostile label gets through: CSV cells never start a spreadsheet formula (OWASP CSV injection), XLSX holds
them as text, Markdown rendered by a real CommonMark renderer (markdown-it-py, raw HTML enabled) has no script, no
event-handler attribute and no ``javascript:`` link, and every town table is keyed by AGS (text, leading zero)."""

from __future__ import annotations

import csv
import io
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.trust.conftest import LOGS, MODELS, SOLL, vollzug
from vollzug.output.csvsafe import neutralise

FORMULAS = ['=HYPERLINK("http://x.invalid","klick")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", " =1+1", '"=1+1', "'=1+1"]
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[klick](javascript:alert(1))",
          "<javascript:alert(1)>", "![x](javascript:alert(2))", "<a href='javascript:alert(3)'>x</a>",
          "x | y\n# z", "*emph* _u_ `c` ~~s~~"]


@pytest.mark.parametrize(("text", "expected"), [
    ("=1+1", "'=1+1"), ("+1+cmd", "'+1+cmd"), ("-1+cmd", "'-1+cmd"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\rx", "'\rx"), ("  =1", "'  =1"), ('"=1', "'\"=1"), ("'=1", "''=1"),
    ("\u00a0=1", "'\u00a0=1"), ("-5", "-5"), ("+1,5", "+1,5"), ("-0.25e3", "-0.25e3"), ("Rheine", "Rheine"),
    ("a=b", "a=b"), ("", ""), ("§ 13 Abs. 2 WPG", "§ 13 Abs. 2 WPG"),
])
def test_neutralise(text: str, expected: str) -> None:
    assert neutralise(text) == expected


def _formula_like(cell: str) -> bool:
    head = cell.lstrip(" \t\r\n\"'\u00a0")
    return bool(cell) and (cell[0] in "\t\r" or (head[:1] in ("=", "+", "-", "@") and not
                                                    head[1:].replace(".", "").replace(",", "").isdigit()))


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report over two towns whose names, units and step names are formulas and markup."""
    root = tmp_path_factory.mktemp("hostile")
    for index, name in enumerate(("rheine", "greven")):
        data = yaml.safe_load((MODELS / "ist" / name / "wpg.yaml").read_text(encoding="utf-8"))
        payloads = FORMULAS if index == 0 else MARKUP
        data["municipality"]["name"] = payloads[0]
        data["title"] = payloads[1]
        for unit, text in zip(data["org_units"], payloads[2:], strict=False):
            unit["name"] = text
        for step, text in zip(data["steps"], payloads, strict=False):
            step["name"] = text
        (root / "towns" / name).mkdir(parents=True)
        (root / "towns" / name / "wpg.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = root / "report"
    result = vollzug("report", root / "towns", "-r", SOLL, "-o", out, "-q", "--diff", "full")
    assert result.returncode == 0, result.stderr
    return out


def test_no_csv_cell_starts_a_formula(hostile_report: Path) -> None:
    seen = 0
    for path in sorted(hostile_report.glob("*.csv")):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
            for cell in row:
                seen += cell.lstrip("'") in FORMULAS
                if _formula_like(cell):
                    assert cell.startswith("'"), (path.name, cell)
    assert seen > 10  # the payloads are really in the tables (neutralised)


def test_xlsx_holds_payloads_as_text_and_ags_as_text(hostile_report: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(hostile_report / "report.xlsx")
    assert not [c.coordinate for ws in book for row in ws.iter_rows() for c in row if c.data_type == "f"]
    towns = book["wpg-towns"]
    assert towns["A1"].value == "AGS"
    ags = {towns.cell(row, 1).value for row in range(2, towns.max_row + 1)}
    assert ags == {"05566076", "05566012"} and all(towns.cell(r, 1).data_type == "s" for r in (2, 3))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def assert_safe_markdown(text: str) -> None:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)
    parser = _Tags()
    parser.feed(html)
    names = {tag for tag, _attrs in parser.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "style"}, names
    for tag, attrs in parser.tags:
        for key, value in attrs:
            assert not key.startswith("on"), (tag, key)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, key, value)
    assert "<script" not in html.lower()


def test_report_markdown_is_inert(hostile_report: Path) -> None:
    text = (hostile_report / "report.md").read_text(encoding="utf-8")
    assert "alert(1)" in text  # the payload is there, as text
    assert_safe_markdown(text)


@pytest.fixture
def hostile_models(tmp_path: Path) -> tuple[Path, Path]:
    data = yaml.safe_load((MODELS / "ist" / "rheine" / "wpg.yaml").read_text(encoding="utf-8"))
    for step, text in zip(data["steps"], MARKUP * 3, strict=False):
        step["name"] = text
    data["title"] = MARKUP[0]
    bad = tmp_path / "hostile.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return bad, MODELS / "ist" / "rheine" / "wpg.yaml"


def test_check_markdown_is_inert(hostile_models: tuple[Path, Path]) -> None:
    bad, _good = hostile_models
    result = vollzug("check", bad, "--format", "markdown", "--preset", "all")
    assert result.returncode == 1 and "alert" in result.stdout
    assert_safe_markdown(result.stdout)


def test_diff_markdown_is_inert(hostile_models: tuple[Path, Path]) -> None:
    bad, good = hostile_models
    result = vollzug("diff", good, bad, "--format", "markdown", "--left-label", MARKUP[1], "--right-label", MARKUP[2])
    assert result.returncode == 1 and "alert" in result.stdout
    assert_safe_markdown(result.stdout)


def test_mining_markdown_is_inert(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    text = (LOGS / "fitting.csv").read_text(encoding="utf-8")
    for plain, evil in zip(("Antrag registrieren", "Bescheid erstellen", "Bauamt"), MARKUP, strict=False):
        text = text.replace(plain, evil.replace(",", " "))
    log.write_text(text, encoding="utf-8")
    shutil.copy(LOGS / "town-b.csv", tmp_path / "b.csv")
    result = vollzug("mine", "compare", log, tmp_path / "b.csv", "--format", "markdown", "--case-id", "case_id",
                     "--activity", "activity", "--timestamp", "timestamp", "--resource", "resource",
                     "--labels", f"{MARKUP[0]},{MARKUP[1]}")
    assert result.returncode == 1, result.stderr
    assert "alert" in result.stdout
    assert_safe_markdown(result.stdout)


def test_csv_tables_are_keyed_by_ags(tmp_path: Path) -> None:
    import pandas as pd

    out = tmp_path / "report"
    assert vollzug("report", MODELS / "ist", "-r", SOLL, "-o", out, "-q", "--format", "csv",
                   "--diff", "fast").returncode == 0
    def names_of(law: str) -> dict[str, str]:
        towns = pd.read_csv(out / f"{law}-towns.csv", dtype={"AGS": str}, encoding="utf-8-sig")
        return dict(zip(towns["AGS"], towns["Municipality"], strict=True))

    names = names_of("wpg")
    assert names["05566076"] == "Rheine" and all(len(a) == 8 for a in names)
    assert '"05566076"' in (out / "wpg-towns.csv").read_text(encoding="utf-8-sig")
    for path in sorted(out.glob("*.csv")):
        if path.name.endswith("-matrix.csv"):
            continue  # obligation × town: towns are its columns
        names = names_of(path.name.split("-")[0])
        table = pd.read_csv(path, dtype={"AGS": str}, encoding="utf-8-sig")
        assert list(table.columns[:2]) == ["AGS", "Municipality"], path.name
        assert set(table["AGS"]) <= set(names), path.name
        assert all(names[a] == n for a, n in zip(table["AGS"], table["Municipality"], strict=True)), path.name
    outliers = pd.read_csv(out / "wpg-outliers.csv", dtype={"AGS": str}, encoding="utf-8-sig")
    assert len(outliers) > 0 and set(outliers["AGS"]) <= set(names_of("wpg"))
