"""Readers warn on duplicate ids and dangling references on every command (one line each: file:line: [id]), not
only in ``validate``; ``convert`` keeps them in a lossless BPMN → BPMN round trip (warning) and refuses a conversion
to the model, where duplicate ids would be ambiguous (exit 2, one line)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.trust.conftest import MODELS, vollzug

DUPLICATE = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:x">
  <process id="p">
    <startEvent id="s"/>
    <task id="t" name="A"/>
    <task id="t" name="B"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
    <sequenceFlow id="f2" sourceRef="t" targetRef="nowhere"/>
  </process>
</definitions>
"""


@pytest.fixture
def dup(tmp_path: Path) -> Path:
    path = tmp_path / "dup.bpmn"
    path.write_text(DUPLICATE, encoding="utf-8")
    return path


def _warnings(stderr: str, path: Path) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"{path}:")]


@pytest.mark.parametrize("argv", [
    ["diff", "{f}", "{f}"], ["render", "{f}", "--format", "dot", "-o", "{out}.dot"],
    ["convert", "{f}", "-o", "{out}.bpmn"], ["compare", "{f}", "-r", str(MODELS / "soll" / "wpg-kreis-steinfurt.yaml")],
])
def test_every_command_warns_once_per_problem(argv: list[str], dup: Path) -> None:
    args = [a.replace("{f}", str(dup)).replace("{out}", str(dup.parent / "out")) for a in argv]
    result = vollzug(*args)
    assert result.returncode in (0, 1), result.stderr
    assert _warnings(result.stderr, dup) == [
        f"{dup}:6: [t] warning: duplicate id 't'",
        f"{dup}:8: [f2] warning: targetRef refers to unknown id 'nowhere'",
    ]


def test_convert_to_the_model_refuses_duplicate_ids(dup: Path) -> None:
    out = dup.parent / "out.yaml"
    result = vollzug("convert", dup, "-o", out)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"vollzug: error: {dup}:6: [t] duplicate id 't': cannot convert to a model with unique ids"]
    assert not out.exists()


def test_yaml_dangling_reference_warns_in_diff(tmp_path: Path) -> None:
    data = yaml.safe_load((MODELS / "ist" / "rheine" / "wpg.yaml").read_text(encoding="utf-8"))
    data["sequence_flows"][0]["target"] = "no_such_step"
    path = tmp_path / "dangling.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = vollzug("diff", path, MODELS / "ist" / "rheine" / "wpg.yaml")
    [line] = [w for w in _warnings(result.stderr, path) if "no_such_step" in w]
    assert "sequence flow end 'no_such_step' is not a step" in line and f"{path}:" in line
