"""load_bpmn_model: the OperationalModel view of a BPMN file, and the round trip with ``vollzug build``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vollzug.bpmn.document import read_bpmn_bytes
from vollzug.bpmn.to_model import load_bpmn_model, model_from_document
from vollzug.loader import load_model
from vollzug.model.process import OperationalModel

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "bpmn"


@pytest.fixture(scope="module")
def model() -> OperationalModel:
    return load_bpmn_model(FIXTURES / "all-elements.bpmn").model


def test_loader_dispatches_bpmn_and_keeps_lines_and_document() -> None:
    loaded = load_model(FIXTURES / "all-elements.bpmn")
    assert loaded.model.id == "Proc_Main"
    assert loaded.line_of("Task_User") == 88
    assert loaded.document is not None and "Task_User" in loaded.document.elements


def test_steps_types_lanes_parents_pools(model: OperationalModel) -> None:
    user = model.step("Task_User")
    assert user is not None
    assert (user.type, user.lane, user.pool, user.parent, user.loop) == ("userTask", "Lane_Planung", None, None,
                                                                         "standard")
    assert user.documentation == "Prüfen nach § 13 WPG"
    assert model.step("Task_Receive").loop == "sequential"  # type: ignore[union-attr]
    assert model.step("Sub_Task").parent == "Sub_1"  # type: ignore[union-attr]
    assert model.step("B_End").pool == "Part_Buerger"  # type: ignore[union-attr]
    assert model.step("Sub_Collapsed").collapsed is True  # type: ignore[union-attr]
    assert model.step("Sub_1").collapsed is False  # type: ignore[union-attr]
    assert {s.type for s in model.steps} >= {"transaction", "adHocSubProcess", "callActivity", "complexGateway",
                                             "eventBasedGateway", "businessRuleTask", "scriptTask", "manualTask"}


def test_events(model: OperationalModel) -> None:
    def event(step_id: str) -> object:
        step = model.step(step_id)
        assert step is not None
        return step.event

    start, timer, boundary = event("Start_1"), event("Catch_Timer"), event("Boundary_Timer")
    assert start is not None and (start.kind, start.ref) == ("message", "Antrag")  # type: ignore[attr-defined]
    assert (timer.kind, timer.timer, timer.timer_type) == ("timer", "P3M", "duration")  # type: ignore[attr-defined]
    assert (boundary.attached_to, boundary.interrupting, boundary.timer_type) == (  # type: ignore[attr-defined]
        "Task_User", False, "date")
    assert event("Boundary_Err").ref == "Abbruch"  # type: ignore[attr-defined]
    assert event("Catch_Cond").ref == "x"  # type: ignore[attr-defined]
    assert event("Throw_Link").ref == "Weiter"  # type: ignore[attr-defined]
    assert event("EvSub_Start").interrupting is False  # type: ignore[attr-defined]
    assert event("End_Term").kind == "terminate"  # type: ignore[attr-defined]
    assert event("Sub_Start") is None


def test_org_units_pools_stakeholders(model: OperationalModel) -> None:
    assert [(u.id, u.parent) for u in model.org_units] == [
        ("Lane_Verwaltung", None), ("Lane_Planung", "Lane_Verwaltung"), ("Lane_Rat", None)]
    assert model.org_units[2].documentation == "Der Rat"
    pools = {p.id: p for p in model.pools}
    assert pools["Part_Stadt"].stakeholder is None and pools["Part_Stadt"].process == "Proc_Main"
    assert pools["Part_Netz"].collapsed and pools["Part_Netz"].stakeholder == "Part_Netz"
    assert {s.id: s.kind for s in model.stakeholders} == {"Part_Netz": "unknown", "Part_Buerger": "unknown"}
    assert model.title == "Hauptprozess" and model.documentation == "Prozessdoku"


def test_flows_data_annotations(model: OperationalModel) -> None:
    flows = {f.id: f for f in model.sequence_flows}
    assert flows["SF_5"].condition == "${complete == true}" and not flows["SF_5"].default
    assert flows["SF_6"].default and flows["SF_6"].condition is None
    assert {(m.source, m.target) for m in model.message_flows} >= {("Task_Send", "Part_Netz")}
    assert {(d.id, d.kind) for d in model.data_objects} == {
        ("DOR_Antrag", "object"), ("DSR_Register", "store"), ("DataIn_1", "input"), ("DataOut_1", "output")}
    assert {(a.source, a.target) for a in model.data_associations} == {
        ("DOR_Antrag", "Task_User"), ("Task_User", "DSR_Register")}
    assert [(a.id, a.text, a.target) for a in model.annotations] == [("Note_1", "Frist: 30.06.2028", "Task_User")]


VZ_BPMN = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vz="urn:vollzug:bpmn:1.0" id="D">
  <collaboration id="C">
    <participant id="pool_stadt" name="Stadt" processRef="wpg"/>
    <participant id="netz" name="Netzbetreiber">
      <extensionElements><vz:stakeholder id="netz" name="Netzbetreiber" kind="network_operator"
        involvement="must"><vz:citation>§ 7 Abs. 2 Nr. 1 WPG</vz:citation></vz:stakeholder></extensionElements>
    </participant>
  </collaboration>
  <process id="wpg" name="Wärmeplanung">
    <extensionElements><vz:model law="WPG" variant="IST" validFrom="2025-01-01" synthetic="true"/></extensionElements>
    <laneSet id="ls"><lane id="fb" name="FB Planung">
      <extensionElements><vz:orgUnit kind="department"/></extensionElements>
      <flowNodeRef>t1</flowNodeRef></lane></laneSet>
    <task id="t1" name="Eignungsprüfung">
      <extensionElements><vz:step><vz:obligation ref="WPG.W05"/><vz:citation>§ 14 WPG</vz:citation>
        <vz:raci party="fb" letter="A"/><vz:deadline kind="legal" date="2028-06-30"/></vz:step></extensionElements>
    </task>
    <task id="t2" name="Kaputt">
      <extensionElements><vz:step><vz:raci party="fb" letter="Q"/></vz:step></extensionElements>
    </task>
  </process>
</definitions>""".encode()


def test_vollzug_extension_is_decoded_and_broken_extension_is_a_warning() -> None:
    doc = read_bpmn_bytes(VZ_BPMN, source="vz.bpmn")
    model = model_from_document(doc)
    assert (model.id, model.law, model.variant, model.valid_from, model.synthetic) == (
        "wpg", "WPG", "IST", dt.date(2025, 1, 1), True)
    step = model.step("t1")
    assert step is not None
    assert step.obligations == ("WPG.W05",) and step.citations == ("§ 14 WPG",)
    assert step.raci[0].letter == "A" and step.deadlines[0].date == dt.date(2028, 6, 30)
    assert model.org_units[0].kind == "department"
    assert model.stakeholders[0].kind == "network_operator"
    assert model.stakeholders[0].citations == ("§ 7 Abs. 2 Nr. 1 WPG",)
    assert model.step("t2") is not None and model.step("t2").raci == ()  # type: ignore[union-attr]
    warning = next(d for d in doc.diagnostics if d.code == "RD006")
    assert (warning.element, warning.line) == ("t2", 20)  # the line of the broken <vz:step>
    # the fast path (one validation of the whole model) failed and the per-step path ran: no warning twice
    messages = [(d.code, d.element, d.message) for d in doc.diagnostics]
    assert len(messages) == len(set(messages)) and [d.code for d in doc.diagnostics].count("RD006") == 1


def test_generic_file_without_participants() -> None:
    doc = read_bpmn_bytes(b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">'
                          b'<process id="P1"/><process id="P2"><task id="T"/></process></definitions>')
    model = model_from_document(doc)
    assert model.id == "P2" and model.pools == () and model.step("T") is not None


EXAMPLES = sorted(p for p in (ROOT / "models").rglob("*.yaml") if p.with_suffix(".bpmn").exists())


@pytest.mark.parametrize("source", EXAMPLES, ids=[str(p.relative_to(ROOT)) for p in EXAMPLES])
def test_yaml_build_read_gives_the_same_model(source: Path, tmp_path: Path) -> None:
    """YAML → vollzug build → our reader returns the model (data associations compared as a set: the builder
    writes them inside their activities, so their order follows the steps)."""
    from vollzug.authoring.build import build_bpmn
    from vollzug.authoring.yaml_io import load_yaml_model

    expected = load_yaml_model(source).model
    target = tmp_path / "model.bpmn"
    target.write_bytes(build_bpmn(expected))
    actual = load_bpmn_model(target).model
    assert set(actual.data_associations) == set(expected.data_associations)
    same_order = {"data_associations": expected.data_associations}
    assert actual.model_copy(update=same_order) == expected
