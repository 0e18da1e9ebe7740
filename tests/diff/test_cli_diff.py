"""``vollzug diff``: exit codes 0 equal / 1 different / 2 error, output file, formats.

Most tests run the CLI in-process (through the same error handler as the console entry point); one runs the real
``python -m vollzug`` process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.diff.diffcase import FIXTURES, case_files
from vollzug.cli.errors import run
from vollzug.cli.main import cli


def _vollzug(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        run(cli, list(args))
    return int(exc.value.code or 0), capsys.readouterr().err


def test_entry_point_equal_models_exit_0() -> None:
    left, right = case_files(FIXTURES / "equal")
    proc = subprocess.run([sys.executable, "-m", "vollzug", "diff", str(left), str(right), "--match", "id"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Keine Unterschiede" in proc.stdout


def test_different_models_exit_1_and_write_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    left, right = case_files(FIXTURES / "rename")
    out = tmp_path / "d.json"
    code, err = _vollzug(capsys, "diff", str(left), str(right), "--format", "json", "-o", str(out),
                         "--left-label", "A", "--right-label", "B")
    assert code == 1, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["left_label"] == "A" and data["changed"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "bpmn"])
def test_every_format_writes_a_file(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    left, right = case_files(FIXTURES / "auto-relabel")
    out = tmp_path / f"d.{fmt}"
    code, err = _vollzug(capsys, "diff", str(left), str(right), "--format", fmt, "--lang", "en", "-o", str(out))
    assert code == 1, err
    assert out.stat().st_size > 200


def test_bad_input_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.bpmn"
    bad.write_text("<definitions", encoding="utf-8")
    left, _right = case_files(FIXTURES / "equal")
    code, err = _vollzug(capsys, "diff", str(left), str(bad))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "bad.bpmn" in err
    code, err = _vollzug(capsys, "diff", str(left), str(tmp_path / "nope.yaml"))
    assert code == 2 and "Fehler:" in err and "nicht gefunden" in err  # errors follow the output language (de)
    code, err = _vollzug(capsys, "diff", str(left), str(tmp_path / "nope.yaml"), "--lang", "en")
    assert code == 2 and "error:" in err and "not found" in err


def test_hostile_xml_is_refused_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evil = tmp_path / "evil.bpmn"
    evil.write_text('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "xx">]>'
                    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</definitions>',
                    encoding="utf-8")
    left, _right = case_files(FIXTURES / "equal")
    code, err = _vollzug(capsys, "diff", str(evil), str(left))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "evil.bpmn" in err


def test_invalid_yaml_model_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("steps:\n  - {id: a, type: notAType}\n", encoding="utf-8")
    left, _right = case_files(FIXTURES / "equal")
    code, err = _vollzug(capsys, "diff", str(left), str(bad))
    assert code == 2 and "bad.yaml:2" in err
