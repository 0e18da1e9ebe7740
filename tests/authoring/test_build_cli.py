"""vollzug build: one file, a folder, and --check (also keeps the shipped models/ honest)."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vollzug.cli.errors import run
from vollzug.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "yaml"


def _vollzug(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in-process (exit code, stdout, stderr as from a subprocess)."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            run(cli, list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def test_real_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "vollzug", "build", "--check", str(FIXTURES / "nope.yaml")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "Datei oder Ordner nicht gefunden" in done.stderr  # German default


def test_build_folder_then_check(tmp_path: Path) -> None:
    tree = tmp_path / "models"
    shutil.copytree(FIXTURES, tree / "sub")
    (tree / "expected.yaml").write_text("gaps: []\n", encoding="utf-8")  # not a model: skipped
    first = _vollzug("build", str(tree))
    assert first.returncode == 0, first.stderr
    built = sorted(p.name for p in tree.rglob("*.bpmn"))
    assert built == sorted(p.with_suffix(".bpmn").name for p in FIXTURES.glob("*.yaml"))
    assert _vollzug("build", "--check", str(tree)).returncode == 0
    minimal = tree / "sub" / "minimal.yaml"
    minimal.write_text(minimal.read_text(encoding="utf-8").replace("Antrag prüfen", "Antrag sichten"),
                       encoding="utf-8")
    stale = _vollzug("build", "--check", "-q", str(tree))
    assert stale.returncode == 1
    assert "minimal.bpmn: out of date" in stale.stdout and "wpg-small" not in stale.stdout
    assert _vollzug("build", str(tree)).returncode == 0
    assert _vollzug("build", "--check", str(tree)).returncode == 0


def test_build_one_file_with_output(tmp_path: Path) -> None:
    out = tmp_path / "x.bpmn"
    done = _vollzug("build", str(FIXTURES / "minimal.yaml"), "-o", str(out))
    assert done.returncode == 0 and out.read_bytes().startswith(b"<?xml")
    both = _vollzug("build", str(FIXTURES), "-o", str(out))
    assert both.returncode == 2 and "genau eine Eingabedatei" in both.stderr


def test_build_error_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("steps:\n  - {id: a, next: b}\n", encoding="utf-8")
    done = _vollzug("build", str(bad))
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if line.startswith("vollzug: Fehler:")]
    assert errors == [f"vollzug: Fehler: {bad}:2: [Flow_a_b] Ende „b“ des Sequenzflusses ist kein Schritt"]


@pytest.mark.skipif(not (ROOT / "models").is_dir(), reason="no models/ folder")
def test_shipped_models_are_built_from_their_yaml() -> None:
    done = _vollzug("build", "--check", "-q", os.fspath(ROOT / "models"))
    assert done.returncode == 0, "stale .bpmn under models/ (run: vollzug build models)\n" + done.stdout
