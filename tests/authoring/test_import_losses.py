"""vollzug import on MIWG files of several tools: assignees naming a lane become RACI R, everything the YAML
cannot carry is listed per kind with element ids, --strict fails without writing; internal pools stay internal."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vollzug.authoring.import_bpmn import import_bpmn
from vollzug.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
MIWG = ROOT.parent / "shared" / "corpora" / "miwg"
if not MIWG.is_dir():
    MIWG = Path("/work/shared/corpora/miwg")
needs_corpus = pytest.mark.skipif(not MIWG.is_dir(), reason="MIWG corpus missing")


@needs_corpus
def test_camunda_invoice_assignees_forms_and_vendor_data() -> None:
    result = import_bpmn(MIWG / "Camunda_Eclipse_Plugin_3.0.0" / "C.1.0-roundtrip.bpmn")
    assert result.losses is not None
    lost = result.losses.lost
    assert set(lost["form_key"]) >= {"approveInvoice", "assignApprover", "reviewInvoice", "prepareBankTransfer"}
    assert "assignApprover (demo)" in lost["assignee"]
    assert "implementation" in lost and "vendor_element:signavio" in lost
    step = result.model.step("approveInvoice")
    assert step is not None and [(r.party, r.letter) for r in step.raci] == [("Approver", "R")]


@needs_corpus
@pytest.mark.parametrize(("tool", "name", "kind", "element"), [
    ("Bonita_BPM_7.2.3", "A.4.0-export.bpmn", "called_element", "_XL-70LWWEeaTvLEWv0tJ7A → _lSgxoLWWEeaTvLEWv0tJ7A"),
    ("OMNITRACKER_BPMN_12.3", "B.1.0-export.bpmn", "not_modelled", "_77 (group)"),
    ("Trisotech_Workflow_Modeler_12.6.3", "C.1.0-export.bpmn", "vendor_element:triso", None),
    ("BIC_Cloud_Design_6.2.0", "A.4.0-export.bpmn", "vendor_element:gbtec", "CollaborationID"),
])
def test_losses_by_tool(tool: str, name: str, kind: str, element: str | None) -> None:
    result = import_bpmn(MIWG / tool / name)
    assert result.losses is not None
    assert kind in result.losses.lost, sorted(result.losses.lost)
    if element is not None:
        assert element in result.losses.lost[kind]
    assert result.losses.lost["layout"]


@needs_corpus
def test_cli_lists_losses_and_strict_fails(tmp_path: Path) -> None:
    source = MIWG / "Camunda_Eclipse_Plugin_3.0.0" / "C.1.0-roundtrip.bpmn"
    runner = CliRunner()
    out = tmp_path / "invoice.yaml"
    result = runner.invoke(cli, ["import", str(source), "-o", str(out), "-q", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "not carried: form keys: 5 – approveInvoice" in result.output
    assert out.is_file()
    strict = tmp_path / "strict.yaml"
    result = runner.invoke(cli, ["import", str(source), "-o", str(strict), "--strict"])
    assert result.exit_code != 0 and not strict.exists()


def test_own_model_carries_everything_but_layout() -> None:
    result = import_bpmn(ROOT / "models" / "soll" / "wpg-kreis-steinfurt.bpmn")
    assert result.losses is not None and set(result.losses.lost) == {"layout"}


def test_internal_pool_is_an_internal_unit(tmp_path: Path) -> None:
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <bpmn:collaboration id="c">
    <bpmn:participant id="p_stadt" name="Stadt Beispiel" processRef="main"/>
    <bpmn:participant id="p_fb" name="Fachbereich Bauen" processRef="fb"/>
    <bpmn:participant id="p_netz" name="Netzbetreiber" />
  </bpmn:collaboration>
  <bpmn:process id="main"><bpmn:task id="t1" name="Prüfen"/></bpmn:process>
  <bpmn:process id="fb"><bpmn:task id="t2" name="Stellungnahme"/></bpmn:process>
</bpmn:definitions>"""
    path = tmp_path / "pools.bpmn"
    path.write_text(xml, encoding="utf-8")
    holders = {h.id: h for h in import_bpmn(path).model.stakeholders}
    assert holders["p_fb"].internal is True
    assert holders["p_netz"].internal is False and holders["p_netz"].kind == "network_operator"
