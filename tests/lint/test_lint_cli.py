"""``vollzug check`` and ``vollzug rules`` through the console entry point ``vollzug.cli.main.main`` (in-process,
for speed; one test runs the real ``python -m vollzug`` subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.lint.lintcase import FIXTURES, REPO
from vollzug.cli.main import main

MODEL = FIXTURES / "emit" / "model.yaml"


_capsys: pytest.CaptureFixture[str] | None = None


@pytest.fixture(autouse=True)
def _capture(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    global _capsys
    _capsys = capsys
    monkeypatch.chdir(REPO)


def vollzug(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI in-process and return what a subprocess would have given."""
    assert _capsys is not None
    if cwd is not None:
        os.chdir(cwd)
    _capsys.readouterr()
    try:
        main(list(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    else:  # pragma: no cover - main always exits
        code = 0
    out = _capsys.readouterr()
    return subprocess.CompletedProcess(list(args), code, out.out, out.err)


def test_real_entry_point() -> None:
    result = subprocess.run([sys.executable, "-m", "vollzug", "check", str(MODEL), "--select", "RE002"],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 1 and "RE002" in result.stdout


def test_exit_codes(tmp_path: Path) -> None:
    clean = tmp_path / "clean.yaml"
    clean.write_text("kind: operational_model\nprocess_owner: fb\norg_units: [{id: fb, name: FB}]\n",
                     encoding="utf-8")
    assert vollzug("check", str(clean)).returncode == 0
    assert vollzug("check", str(MODEL), "--select", "RE002").returncode == 1
    assert vollzug("check", str(MODEL), "--select", "OB002").returncode == 0  # only a suppressed finding
    missing = vollzug("check", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "nope.yaml" in missing.stderr
    bad_select = vollzug("check", str(MODEL), "--select", "XX1")
    assert bad_select.returncode == 2 and "passt zu keiner Regel" in bad_select.stderr  # German by default


def test_broken_model_is_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: operational_model\nsteps:\n  - {id: T1, type: nonsense}\n", encoding="utf-8")
    result = vollzug("check", str(broken))
    assert result.returncode == 2 and "broken.yaml" in result.stderr and result.stderr.count("\n") == 1


def test_output_file_and_formats(tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    result = vollzug("check", str(MODEL), "--select", "RE002,OB005", "--format", "sarif", "-o", str(out))
    assert result.returncode == 1 and result.stdout == ""
    log = json.loads(out.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and {r["ruleId"] for r in log["runs"][0]["results"]} == {"RE002", "OB005"}
    english = vollzug("check", str(MODEL), "--select", "RE002", "--lang", "en")
    assert "staff figure 0 FTE is implausible" in english.stdout


def test_folder_skips_non_models_and_built_bpmn(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MODEL.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "m.bpmn").write_text("<not-read/>", encoding="utf-8")
    (tmp_path / "expected-gaps.yaml").write_text("gaps: []\n", encoding="utf-8")
    result = vollzug("check", str(tmp_path), "--select", "RE002", "--format", "json")
    assert result.returncode == 1, result.stderr
    files = [f["file"] for f in json.loads(result.stdout)["files"]]
    assert files == [str(tmp_path / "m.yaml")]


def test_config_file_is_used(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MODEL.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "vollzug.toml").write_text('select = ["RE002"]\n[severity]\nRE002 = "info"\n', encoding="utf-8")
    result = vollzug("check", "m.yaml", cwd=tmp_path)
    assert result.returncode == 0 and "RE002 Hinweis" in result.stdout


def test_rules_list_and_explain() -> None:
    listing = vollzug("rules")
    assert listing.returncode == 0 and "RS005" in listing.stdout and "missing-accountable" in listing.stdout
    page = vollzug("rules", "ST002", "--lang", "en")
    assert page.returncode == 0 and "# ST002 single-shot-participation" in page.stdout
    assert vollzug("rules", "nope").returncode == 2
