"""vollzug decompose: SOLL skeletons for Metelen (simplified procedure) and Rheine (§ 21 extras)."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

from vollzug.law.catalogue import load_catalogue
from vollzug.law.decompose import NOTIFICATION_STEP, decompose, dump_yaml, step_id
from vollzug.law.municipalities import find_municipality
from vollzug.model.process import OperationalModel


def _model(town: str, law: str = "WPG", **choices: bool) -> OperationalModel:
    return decompose(load_catalogue(law), find_municipality(town), "SOLL", choices=choices)


def _obligations(model: OperationalModel) -> set[str]:
    return {ob for step in model.steps for ob in step.obligations}


def test_metelen_vs_rheine() -> None:
    metelen, rheine = _model("Metelen"), _model("Rheine")
    only_metelen = _obligations(metelen) - _obligations(rheine)
    only_rheine = _obligations(rheine) - _obligations(metelen)
    assert only_metelen == {"WPG.W20"}
    assert only_rheine == {"WPG.W11", "WPG.W12", "WPG.W13"}
    assert metelen.choices["simplified_procedure"] is True
    assert len(metelen.org_units) < len(rheine.org_units)
    for model in (metelen, rheine):
        plan = model.step(step_id("WPG.W15"))
        assert plan is not None
        assert [d.date for d in plan.deadlines] == [dt.date(2028, 6, 30)]
        assert model.synthetic and model.variant == "SOLL" and model.law == "WPG"


def test_structure_is_a_connected_chain_with_start_and_end() -> None:
    model = _model("Rheine")
    assert model.steps[0].type == "startEvent" and model.steps[-1].type == "endEvent"
    assert model.steps[0].event is not None and model.steps[0].event.kind == "message"
    ids = [s.id for s in model.steps]
    assert [(f.source, f.target) for f in model.sequence_flows] == list(itertools.pairwise(ids))
    lanes = {u.id for u in model.org_units}
    assert all(s.lane in lanes for s in model.steps if s.type not in ("startEvent", "endEvent") or s.lane)
    assert len(set(ids)) == len(ids)


def test_depends_on_order_is_kept() -> None:
    model = _model("Rheine")
    position = {ob: i for i, s in enumerate(model.steps) for ob in s.obligations}
    for ob in load_catalogue("WPG").obligations:
        for dep in ob.depends_on:
            if ob.id in position and dep in position:
                assert position[dep] < position[ob.id], (dep, ob.id)


def test_exactly_one_accountable_per_obligation_step() -> None:
    for model in (_model("Metelen"), _model("Rheine"), _model("Kreis Steinfurt", "FZV")):
        for step in model.steps:
            if step.obligations or step.notification:
                letters = Counter(r.letter for r in step.raci)
                assert letters["A"] == 1, step.id
                assert letters["R"] >= 1, step.id


def test_must_stakeholders_get_pools_and_message_flows() -> None:
    model = _model("Rheine")
    pools = {p.stakeholder: p.id for p in model.pools if p.stakeholder}
    assert {"network_operator", "heat_network_operator", "future_network_operator", "municipality", "defence",
            "public", "toeb", "lanuv", "land"} <= set(pools)
    w04 = step_id("WPG.W04")
    targets = {f.target for f in model.message_flows if f.source == w04}
    assert {pools["network_operator"], pools["defence"]} <= targets
    assert model.step(w04) is not None and model.step(w04).loop == "standard"  # type: ignore[union-attr]
    assert any(f.source == pools["land"] and f.target == model.steps[0].id for f in model.message_flows)


def test_staff_notification_before_first_dependent_step() -> None:
    model = _model("Metelen")
    ids = [s.id for s in model.steps]
    notice = model.step(NOTIFICATION_STEP)
    assert notice is not None and notice.notification is not None and notice.basis == "internal"
    assert ids.index(NOTIFICATION_STEP) < ids.index(step_id("WPG.W01"))
    assert set(notice.notification.obligations) == _obligations(model)
    assert notice.notification.acknowledgement


def test_yaml_output_validates_as_model() -> None:
    for model in (_model("Metelen"), _model("Kreis Steinfurt", "FZV")):
        text = dump_yaml(model)
        again = OperationalModel.model_validate(yaml.safe_load(text))
        assert again == model


def test_cli_writes_model_and_german_summary(tmp_path: Path) -> None:
    out = tmp_path / "metelen.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "vollzug", "decompose", "WPG", "--municipality", "metelen", "-o", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WPG.W20 Vereinfachtes Verfahren (unter 10 000 Einwohner): angewandt" in result.stdout
    assert "6.404" in result.stdout and "< 10.000" in result.stdout
    assert "Frist 30.06.2028" in result.stdout
    model = OperationalModel.model_validate(yaml.safe_load(out.read_text(encoding="utf-8")))
    assert model.municipality is not None and model.municipality.name == "Metelen"


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vollzug", "decompose", "WPG", "-m", "Atlantis", "-o", str(tmp_path / "x.yaml")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "unbekannt (AGS oder einen Namen" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_skeleton_builds_to_schema_valid_bpmn_and_reads_back(tmp_path: Path) -> None:
    from vollzug.authoring.build import build_bpmn
    from vollzug.bpmn.safe_xml import parse_xml_bytes
    from vollzug.bpmn.validate import bpmn_schema
    from vollzug.loader import load_model

    model = _model("Metelen")
    data = build_bpmn(model)
    tree = parse_xml_bytes(data)
    schema = bpmn_schema()
    assert schema.validate(tree), schema.error_log.last_error
    path = tmp_path / "metelen.bpmn"
    path.write_bytes(data)
    loaded = load_model(path).model
    assert _obligations(loaded) == _obligations(model)
    assert {s.id for s in loaded.steps} == {s.id for s in model.steps}
