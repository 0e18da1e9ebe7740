"""``vollzug diff``: exit codes 0 equal / 1 different / 2 error, output file, formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.diff.diffcase import FIXTURES, case_files


def _vollzug(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vollzug", *args], capture_output=True, text=True, check=False)


def test_equal_models_exit_0() -> None:
    left, right = case_files(FIXTURES / "equal")
    proc = _vollzug("diff", str(left), str(right), "--match", "id")
    assert proc.returncode == 0, proc.stderr
    assert "Keine Unterschiede" in proc.stdout


def test_different_models_exit_1_and_write_json(tmp_path: Path) -> None:
    left, right = case_files(FIXTURES / "rename")
    out = tmp_path / "d.json"
    proc = _vollzug("diff", str(left), str(right), "--format", "json", "-o", str(out), "--left-label", "A",
                    "--right-label", "B")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["left_label"] == "A" and data["changed"]


def test_bad_input_exits_2_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bpmn"
    bad.write_text("<definitions", encoding="utf-8")
    left, _right = case_files(FIXTURES / "equal")
    proc = _vollzug("diff", str(left), str(bad))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "bad.bpmn" in proc.stderr
    missing = _vollzug("diff", str(left), str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2 and "not found" in missing.stderr


def test_hostile_xml_is_refused_with_exit_2(tmp_path: Path) -> None:
    evil = tmp_path / "evil.bpmn"
    evil.write_text('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "xx">]>'
                    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</definitions>',
                    encoding="utf-8")
    left, _right = case_files(FIXTURES / "equal")
    proc = _vollzug("diff", str(evil), str(left))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "evil.bpmn" in proc.stderr
