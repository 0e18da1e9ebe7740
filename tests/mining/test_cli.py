"""``vollzug mine`` end to end through the real entry point (in-process; --help in a fresh interpreter)."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import yaml

from tests.mining.conftest import CSV_OPTIONS, LOGS
from vollzug.cli.main import main
from vollzug.model.process import OperationalModel


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``vollzug.cli.main.main`` (exit-code and error contract included) and capture its output."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def test_help_does_not_import_pm4py() -> None:
    code = (
        "import sys\nfrom vollzug.cli.main import cli\n"
        "for args in (['--help'], ['mine', '--help'], ['mine', 'conform', '--help']):\n"
        "    try:\n        cli.main(args=args, prog_name='vollzug', standalone_mode=False)\n"
        "    except SystemExit:\n        pass\n"
        "assert 'pm4py' not in sys.modules and 'pandas' not in sys.modules, 'pm4py imported'\nprint('CLEAN')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "CLEAN" in result.stdout and "discover" in result.stdout


def test_discover_writes_a_yaml_model(tmp_path: Path) -> None:
    out = tmp_path / "ist.yaml"
    result = _run("mine", "discover", str(LOGS / "fitting.xes"), "-o", str(out), "--municipality", "Rheine")
    assert result.returncode == 0, result.stderr
    assert "6 Aktivitäten" in result.stdout and "3 Bahnen aus 30 Fällen" in result.stdout
    assert "PM4Py" not in result.stdout + result.stderr and "%|" not in result.stderr
    model = OperationalModel.model_validate(yaml.safe_load(out.read_text(encoding="utf-8")))
    assert model.municipality is not None and model.municipality.name == "Rheine"
    assert model.variant == "IST"


def test_conform_exit_codes_and_formats(tmp_path: Path) -> None:
    soll = str(LOGS / "soll-baugenehmigung.yaml")
    ok = _run("mine", "conform", str(LOGS / "fitting.csv"), "--model", soll, *CSV_OPTIONS, "--method", "tokens")
    assert ok.returncode == 0, ok.stderr
    assert "Fitness                 1,0000" in ok.stdout  # German number format and "fuzzy:" in ok.stdout
    out = tmp_path / "conform.html"
    bad = _run("mine", "conform", str(LOGS / "deviating.csv"), "--model", soll, *CSV_OPTIONS,
               "--deadlines", str(LOGS / "deadlines.yaml"), "--format", "html", "-o", str(out))
    assert bad.returncode == 1, bad.stderr
    page = out.read_text(encoding="utf-8")
    assert "Stellungnahmen einholen [Task_stellungnahme]" in page and "43,3\u00a0%" in page


def test_compare_markdown() -> None:
    result = _run("mine", "compare", str(LOGS / "fitting.csv"), str(LOGS / "town-b.csv"), *CSV_OPTIONS,
                  "--labels", "A,B", "--format", "markdown", "--model", str(LOGS / "soll-baugenehmigung.yaml"))
    assert result.returncode == 1, result.stderr
    assert "## Konformität gegen das Referenzmodell" in result.stdout
    assert "| B | 1,000 |" in result.stdout  # B follows the model's order; only the unit differs


def test_broken_log_is_one_line_exit_2() -> None:
    result = _run("mine", "conform", str(LOGS / "broken.csv"), "--model", str(LOGS / "soll-baugenehmigung.yaml"),
                  *CSV_OPTIONS)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0] == f"vollzug: Fehler: {LOGS / 'broken.csv'}:3: [timestamp] Zeitstempel „gestern“ nicht lesbar"
    xes = _run("mine", "discover", str(LOGS / "broken.xes"), "-o", "/tmp/never.yaml")
    assert xes.returncode == 2 and len(xes.stderr.strip().splitlines()) == 1
    assert "not a readable XES event log" in xes.stderr


def test_fresh_process_prints_no_pm4py_banner_or_progress(tmp_path: Path) -> None:
    out = tmp_path / "ist.json"
    result = subprocess.run([sys.executable, "-m", "vollzug", "mine", "discover", str(LOGS / "fitting.xes"),
                             "-o", str(out)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith(f"{out}: 6 Aktivitäten") and len(result.stdout.splitlines()) == 1
