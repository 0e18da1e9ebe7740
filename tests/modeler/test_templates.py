"""Element templates from the catalogues: valid for @bpmn-io/element-templates-validator, one per obligation, and a
task filled in through them (camunda:property entries named vz:…) reads as an obligation step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.authoring.bpmnjs import JS_DIR, validate_templates
from vollzug.authoring.build import build_bpmn
from vollzug.authoring.yaml_io import load_yaml_model
from vollzug.bpmn.document import read_bpmn_bytes
from vollzug.bpmn.to_model import model_from_document
from vollzug.cli.main import cli
from vollzug.law.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parents[2]
needs_validator = pytest.mark.skipif(
    not (JS_DIR / "node_modules" / "@bpmn-io" / "element-templates-validator").is_dir(),
    reason="tests/js/node_modules missing (run: make js-deps)")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("templates")
    runner = CliRunner()
    for catalogue, lang in (("WPG", "de"), ("FZV", "en")):
        result = runner.invoke(cli, ["templates", catalogue, "-o", str(out), "--lang", lang])
        assert result.exit_code == 0, result.output
    return out


def test_one_template_per_obligation(written: Path) -> None:
    catalogue = load_catalogue("WPG")
    templates = json.loads((written / "vollzug-WPG.json").read_text(encoding="utf-8"))
    assert len(templates) == len(catalogue.obligations) + 1
    by_id = {t["id"]: t for t in templates}
    assert len(by_id) == len(templates)
    w14 = next(t for t in templates if t["keywords"][0] == "WPG.W14")
    values = {p["binding"]["name"]: p.get("value") for p in w14["properties"]}
    assert values["vz:obligation"] == "WPG.W14"
    assert values["vz:citation"] == "; ".join(next(o for o in catalogue.obligations if o.id == "WPG.W14").citations)
    assert {"vz:raci.R", "vz:raci.A", "vz:resource.fte", "vz:resource.eur", "vz:resource.itSystem"} <= set(values)
    assert any(t["id"].endswith(".notification") for t in templates)
    plugin = written / "vollzug-plugin"
    assert "bpmn.modeler.moddleExtension" in (plugin / "client.js").read_text(encoding="utf-8")
    assert json.loads((plugin / "vollzug.json").read_text(encoding="utf-8"))["prefix"] == "vz"


@needs_validator
def test_templates_are_valid(written: Path, tmp_path: Path) -> None:
    results = validate_templates([written / "vollzug-WPG.json", written / "vollzug-FZV.json"])
    assert [r["valid"] for r in results] == [True, True], results
    assert results[0]["count"] > 20 and results[1]["count"] > 10
    # the check can fail: a binding type the schema does not know
    broken = json.loads((written / "vollzug-WPG.json").read_text(encoding="utf-8"))[:1]
    broken[0]["properties"][1]["binding"]["type"] = "vz:unknown"
    (tmp_path / "broken.json").write_text(json.dumps(broken), encoding="utf-8")
    (result,) = validate_templates([tmp_path / "broken.json"])
    assert not result["valid"] and result["errors"]


def test_task_filled_through_templates_reads_as_step() -> None:
    model = load_yaml_model(ROOT / "tests" / "fixtures" / "yaml" / "minimal.yaml").model
    data = build_bpmn(model).decode()
    task_id = next(s.id for s in model.steps if s.type.endswith("ask"))
    props = ('<bpmn:extensionElements><camunda:properties>'
             '<camunda:property name="vz:obligation" value="WPG.W14" />'
             '<camunda:property name="vz:citation" value="§ 23 Abs. 1 WPG; § 13 Abs. 1 WPG" />'
             '<camunda:property name="vz:deadline" value="2028-06-30" />'
             '<camunda:property name="vz:raci.R" value="a, b" />'
             '<camunda:property name="vz:raci.A" value="a" />'
             '<camunda:property name="vz:resource.fte" value="0,5" />'
             '<camunda:property name="vz:resource.itSystem" value="GIS" />'
             '<camunda:property name="other" value="kept" />'
             '</camunda:properties></bpmn:extensionElements>')
    start = data.index(f'id="{task_id}"')
    close = data.index(">", start) + 1
    data = data[:close] + props + data[close:]
    data = data.replace("<bpmn:definitions ", '<bpmn:definitions xmlns:camunda="http://camunda.org/schema/1.0/bpmn" ',
                        1)
    step = model_from_document(read_bpmn_bytes(data.encode())).step(task_id)
    assert step is not None
    assert step.obligations == ("WPG.W14",)
    assert step.citations == ("§ 23 Abs. 1 WPG", "§ 13 Abs. 1 WPG")
    assert [(r.party, r.letter) for r in step.raci] == [("a", "R"), ("b", "R"), ("a", "A")]
    assert [r.kind for r in step.resources] == ["staff", "it_system"]
    assert step.resources[0].fte == 0.5  # type: ignore[union-attr]
    assert step.deadlines[0].date is not None and step.deadlines[0].kind == "legal"
