"""``vollzug report --log TOWN=LOG``: a conformance/deadline section per town, towns discovered from their logs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vollzug.cli.report import command
from vollzug.compare.results import ComparisonSet
from vollzug.errors import ConfigError
from vollzug.report.logs import parse_log_option

LOGS = Path(__file__).resolve().parents[1] / "fixtures" / "logs"
FIXTURES = LOGS / "report"
SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schemas" / "report.schema.json"
PAYLOAD = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of Rheine (model + a log with a hostile activity) and Emsdetten (log only)."""
    folder = tmp_path_factory.mktemp("logs-report")
    hostile = folder / "rheine.csv"
    text = (LOGS / "deviating.csv").read_text(encoding="utf-8")
    hostile.write_text(text + f"D00,{PAYLOAD},2024-04-01T09:00:00+00:00,Bauamt\n", encoding="utf-8")
    out = folder / "out"
    result = CliRunner().invoke(command, [
        str(FIXTURES / "rheine" / "bau.yaml"), "-r", str(FIXTURES / "reference.yaml"), "-o", str(out), "-q",
        "--format", "html,md,json", "--log", f"Rheine={hostile}", "--log", f"Emsdetten={LOGS / 'town-b.csv'}",
        "--deadlines", str(LOGS / "deadlines.yaml")])
    assert result.exit_code == 0, result.output
    return out


def test_html_has_a_log_section_per_town_and_escapes(report: Path) -> None:
    html = (report / "index.html").read_text(encoding="utf-8")
    assert html.count('class="town-log"') == 2
    assert "Ereignislog: Konformität und Fristeinhaltung" in html
    assert "aus Log entdeckt" in html  # Emsdetten has no model: discovered and marked in the overview
    assert "Bescheid innerhalb von 8 Wochen nach Antragseingang" in html  # deadline compliance
    assert "Fitness" in html and "andere Einheit" in html
    assert PAYLOAD not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_discovered_town_enters_the_matrix(report: Path) -> None:
    document = json.loads((report / "report.json").read_text(encoding="utf-8"))
    towns = {t["name"]: t for t in document["comparisons"][0]["towns"]}
    assert set(towns) == {"Rheine", "Emsdetten"}
    assert towns["Emsdetten"]["from_log"] is True and towns["Rheine"]["from_log"] is False
    assert towns["Emsdetten"]["log"]["against"] == "reference"
    assert towns["Rheine"]["log"]["against"] == "model"
    # the discovered model took the reference's obligations through the activity mapping
    statuses = {c["obligation"]: c["status"] for c in towns["Emsdetten"]["cells"]}
    assert statuses["BAU.B01"] != "missing" and statuses["BAU.B06"] != "missing"
    rheine = towns["Rheine"]["log"]["conformance"]
    assert 0 < rheine["fitness"] < 1
    assert {u["activity"] for u in rheine["unknown"]} == {"Unterlagen nachfordern", PAYLOAD}
    assert rheine["deadlines"][0]["measured"] == 30


def test_json_with_logs_validates_against_published_schema(report: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = json.loads((report / "report.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert ComparisonSet.model_validate(document).comparisons[0].towns[0].log is not None


def test_markdown_has_the_log_section_escaped(report: Path) -> None:
    text = (report / "report.md").read_text(encoding="utf-8")
    assert text.count("#### Ereignislog: Konformität und Fristeinhaltung") == 2
    assert "| Emsdetten (aus Log entdeckt) |" in text
    assert PAYLOAD not in text


def test_report_without_log_does_not_import_pm4py(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from vollzug.cli.report import command\n"
        f"r = CliRunner().invoke(command, [{str(FIXTURES / 'rheine' / 'bau.yaml')!r}, '-r', "
        f"{str(FIXTURES / 'reference.yaml')!r}, '-o', {str(tmp_path)!r}, '-q', '--format', 'html'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print('pm4py' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    assert (tmp_path / "index.html").is_file()


def test_bad_log_option_and_unknown_log(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="TOWN=LOG"):
        parse_log_option("rheine.xes")
    result = CliRunner().invoke(command, ["-r", str(FIXTURES / "reference.yaml"), "-o", str(tmp_path),
                                          "--log", f"Rheine={tmp_path / 'missing.csv'}"])
    assert result.exit_code != 0
    assert "missing.csv" in str(result.exception or result.output)
