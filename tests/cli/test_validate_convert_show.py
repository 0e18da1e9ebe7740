"""The real CLI (``python -m vollzug``) on hostile and ordinary input: exit codes, one-line errors, outputs."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
HOSTILE = FIXTURES / "hostile"
ALL_ELEMENTS = FIXTURES / "bpmn" / "all-elements.bpmn"


def vollzug(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "vollzug", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, timeout=120)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


HOSTILE_CASES = [
    ("xxe-file.bpmn", 2, "DOCTYPE"),
    ("xxe-url.bpmn", 2, "DOCTYPE"),
    ("external-dtd.bpmn", 2, "DOCTYPE"),
    ("billion-laughs.bpmn", 2, "DOCTYPE"),
    ("quadratic-blowup.bpmn", 2, "DOCTYPE"),
    ("latin1-declared-utf8.bpmn", 4, "encoding"),
    ("not-xml.bpmn", 1, "kein wohlgeformtes XML"),  # errors in the output language (de)
    ("not-bpmn.bpmn", 2, "keine BPMN-2.0-Datei"),
    ("duplicate-ids.bpmn", 5, "Id „Task_1“ doppelt"),
]


def assert_one_line_error(result: subprocess.CompletedProcess[str], name: str, line: int | None) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert name in lines[0]
    if line is not None:
        assert f"{name}:{line}:" in lines[0]
    return lines[0]


@pytest.mark.parametrize(("name", "line", "message"), HOSTILE_CASES, ids=[c[0] for c in HOSTILE_CASES])
def test_hostile_input_convert(name: str, line: int, message: str, tmp_path: Path) -> None:
    source = HOSTILE / name
    before = digest(source)
    out = tmp_path / "out.yaml"
    text = assert_one_line_error(vollzug("convert", source, "-o", out), name, line)
    assert message in text
    if name == "duplicate-ids.bpmn":
        assert "[Task_1]" in text
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert digest(source) == before


SAMPLE = [HOSTILE_CASES[0], HOSTILE_CASES[5], HOSTILE_CASES[7]]


@pytest.mark.parametrize(("name", "line", "message"), SAMPLE, ids=[c[0] for c in SAMPLE])
def test_hostile_input_validate_and_show(name: str, line: int, message: str) -> None:
    """``convert`` runs every hostile case; ``validate`` and ``show`` share the reader, so a sample suffices."""
    for command in ("validate", "show"):
        assert message in assert_one_line_error(vollzug(command, HOSTILE / name), name, line)


def test_duplicate_ids_are_a_validation_finding() -> None:
    result = vollzug("validate", "--no-xsd", HOSTILE / "duplicate-ids.bpmn")
    assert result.returncode == 1
    assert result.stdout.strip() == f"{HOSTILE / 'duplicate-ids.bpmn'}:5: SM001 [Task_1] Id „Task_1“ doppelt"


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = vollzug("--debug", "convert", HOSTILE / "xxe-file.bpmn", "-o", tmp_path / "x.bpmn")
    assert result.returncode == 2
    assert "Traceback" in result.stderr and "HostileInputError" in result.stderr
    assert not (tmp_path / "x.bpmn").exists()


def test_huge_file_is_refused_by_size_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "huge.bpmn"
    chunk = b"<!-- " + b"x" * (1024 * 1024 - 9) + b" -->\n"
    with big.open("wb") as handle:
        handle.write(b'<?xml version="1.0"?>\n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">\n')
        for _ in range(101):
            handle.write(chunk)
        handle.write(b"</definitions>\n")
    assert big.stat().st_size > 100 * 1024 * 1024
    out = tmp_path / "out.bpmn"
    text = assert_one_line_error(vollzug("convert", big, "-o", out), "huge.bpmn", None)
    assert "mehr als die Grenze" in text
    assert not out.exists()
    big.unlink()


def test_validate_text_and_json() -> None:
    ok = vollzug("validate", ALL_ELEMENTS)
    assert (ok.returncode, ok.stdout) == (0, "")
    assert ok.stderr == "1 Datei(en) geprüft: 1 gültig, 0 Fehler, 0 Warnung(en).\n"
    lax = FIXTURES / "bpmn" / "lax.bpmn"
    bad = vollzug("validate", lax)
    assert bad.returncode == 1
    assert bad.stderr.startswith("1 Datei(en) geprüft: 0 gültig, ")
    assert f"{lax}:13: SM002 [Lane_1] Lane verweist auf fehlenden Flussknoten „Ghost_Node“" in bad.stdout.splitlines()
    english = vollzug("validate", lax, "--lang", "en")
    assert f"{lax}:13: SM002 [Lane_1] lane refers to missing flow node 'Ghost_Node'" in english.stdout.splitlines()
    assert english.stderr.startswith("1 file(s) checked: 0 valid, ")
    data = json.loads(vollzug("validate", "--format", "json", ALL_ELEMENTS, lax).stdout)
    assert [entry["valid"] for entry in data] == [True, False]
    assert {"file", "line", "element", "code", "severity", "message"} <= set(data[1]["problems"][0])


def test_convert_bpmn_round_trip_is_lossless(tmp_path: Path) -> None:
    from vollzug.bpmn.roundtrip import is_lossless

    before = digest(ALL_ELEMENTS)
    out = tmp_path / "copy.bpmn"
    result = vollzug("convert", ALL_ELEMENTS, "-o", out)
    assert (result.returncode, result.stderr) == (0, "")
    assert is_lossless(ALL_ELEMENTS.read_bytes(), out.read_bytes()) == (True, None)
    assert digest(ALL_ELEMENTS) == before


def test_convert_bpmn_to_yaml_and_json_and_back(tmp_path: Path) -> None:
    from vollzug.model.process import OperationalModel

    as_yaml, as_json = tmp_path / "m.yaml", tmp_path / "m.json"
    assert vollzug("convert", ALL_ELEMENTS, "-o", as_yaml).returncode == 0
    assert vollzug("convert", ALL_ELEMENTS, "-o", as_json).returncode == 0
    text = as_yaml.read_text(encoding="utf-8")
    assert text.startswith("kind: operational_model\nid: Proc_Main\n")
    assert "{" not in text.splitlines()[3]  # block style
    from_yaml = OperationalModel.model_validate(yaml.safe_load(text))
    from_json = OperationalModel.model_validate(json.loads(as_json.read_text(encoding="utf-8")))
    assert from_yaml == from_json
    assert from_yaml.step("Task_User") is not None
    assert "collapsed: false" not in text  # defaults omitted
    built = tmp_path / "built.bpmn"
    result = vollzug("convert", as_yaml, "-o", built)
    assert result.returncode == 0, result.stderr
    assert vollzug("validate", built).returncode == 0


def test_convert_refuses_overwriting_the_input_and_unknown_suffix(tmp_path: Path) -> None:
    copy = tmp_path / "m.bpmn"
    copy.write_bytes(ALL_ELEMENTS.read_bytes())
    assert "nie verändert" in assert_one_line_error(vollzug("convert", copy, "-o", copy), "m.bpmn", None)
    assert "wird nicht unterstützt" in assert_one_line_error(
        vollzug("convert", copy, "-o", tmp_path / "m.txt"), "m.txt", None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.bpmn"]


def test_show_plain_text_when_not_a_tty() -> None:
    result = vollzug("show", ALL_ELEMENTS)
    assert result.returncode == 0
    out = result.stdout
    assert "Modell: Proc_Main – Hauptprozess" in out
    assert "Pools (3):" in out and "Part_Netz  Netzbetreiber  [unknown]" in out
    assert "Lane_Planung  Planung  (in Lane_Verwaltung)" in out
    assert "  userTask: 1" in out and "Nachrichtenflüsse: 3" in out
    assert "\x1b[" not in out  # no terminal colours in a pipe


def test_show_lists_citations_and_warnings(tmp_path: Path) -> None:
    example = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.bpmn"
    if not example.exists():
        pytest.skip("example model not built")
    data = json.loads(vollzug("show", "--format", "json", example).stdout)
    assert data["law"] == "WPG" and any("WPG" in c for c in data["citations"])
    lax = vollzug("show", "--lang", "en", FIXTURES / "bpmn" / "lax.bpmn")
    assert lax.returncode == 0 and "Warnings (" in lax.stdout and "Fancy_1" in lax.stdout


def test_show_rich_tables_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from vollzug.bpmn.summary import summarise
    from vollzug.cli.show import _rich
    from vollzug.loader import load_model

    _rich(summarise(load_model(ALL_ELEMENTS)))
    out = capsys.readouterr().out
    assert "Pools (3)" in out and "Part_Netz" in out and "eigene Organisation" in out
    assert "Schritte nach Typ (22)" in out and "userTask" in out
