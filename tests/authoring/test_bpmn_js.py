"""Interoperability: every built BPMN (fixtures and models/) imports into bpmn-moddle and bpmn-js without warnings,
and bpmn-js draws a shape for every flow node, lane and pool and a connection for every sequence/message flow."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.authoring.bpmnjs import chromium_available, moddle_import, node_available, viewer_check
from vollzug.authoring.build import build_bpmn
from vollzug.authoring.yaml_io import load_yaml_model

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "yaml").glob("*.yaml"))
MODELS = sorted((ROOT / "models").rglob("*.bpmn"))


@pytest.fixture(scope="module")
def bpmn_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("built")
    files = []
    for source in FIXTURES:
        target = out / f"{source.stem}.bpmn"
        target.write_bytes(build_bpmn(load_yaml_model(source).model))
        files.append(target)
    return files + MODELS


@pytest.mark.skipif(not node_available(), reason="node or tests/js/node_modules missing (run: make js-deps)")
def test_bpmn_moddle_reads_without_warnings(bpmn_files: list[Path]) -> None:
    results = moddle_import(bpmn_files)
    assert len(results) == len(bpmn_files)
    for result in results:
        assert "error" not in result, result
        assert result["root"] == "bpmn:Definitions"
        assert result["warnings"] == [], result
        assert result["elements"] > 5


@pytest.mark.browser
@pytest.mark.skipif(not chromium_available(), reason="Chromium, playwright or the bpmn-js bundle missing "
                                                     "(run: make browser-deps js-deps)")
def test_bpmn_js_imports_and_draws_everything(bpmn_files: list[Path]) -> None:
    results = viewer_check(bpmn_files)
    for file, result in results.items():
        assert "error" not in result, (file, result)
        assert result["warnings"] == [], (file, result["warnings"][:5])
        assert result["missing"] == [], (file, result["missing"][:5])
        assert result["seen"]["shapes"] > 0 and result["seen"]["connections"] > 0


def _broken(tmp_path: Path) -> Path:
    """A built file with one shape removed and one dangling reference: both checks must notice."""
    data = build_bpmn(load_yaml_model(ROOT / "tests" / "fixtures" / "yaml" / "minimal.yaml").model).decode()
    start = data.index('<bpmndi:BPMNShape id="t_di"')
    data = data[:start] + data[data.index("</bpmndi:BPMNShape>", start) + len("</bpmndi:BPMNShape>"):]
    data = data.replace('sourceRef="s"', 'sourceRef="gibt_es_nicht"')
    path = tmp_path / "broken.bpmn"
    path.write_text(data, encoding="utf-8")
    return path


@pytest.mark.skipif(not node_available(), reason="node or tests/js/node_modules missing (run: make js-deps)")
def test_moddle_check_detects_problems(tmp_path: Path) -> None:
    (result,) = moddle_import([_broken(tmp_path)])
    assert any("gibt_es_nicht" in w for w in result["warnings"]), result


@pytest.mark.browser
@pytest.mark.skipif(not chromium_available(), reason="Chromium, playwright or the bpmn-js bundle missing")
def test_viewer_check_detects_missing_shapes(tmp_path: Path) -> None:
    (result,) = viewer_check([_broken(tmp_path)]).values()
    assert "t (bpmn:Task)" in result["missing"]
    assert result["warnings"]
