"""Discovery: inductive miner → our model (tasks, gateways, lanes, frequencies) → YAML/JSON/BPMN."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from vollzug.mining.conform import conform
from vollzug.mining.discover import discover_model
from vollzug.mining.log import EventLog
from vollzug.mining.mapping import map_activities
from vollzug.mining.pipeline import write_model
from vollzug.model.process import OperationalModel


@pytest.fixture(scope="module")
def discovered(fitting: EventLog) -> OperationalModel:
    return discover_model(fitting, noise_threshold=0.0)


def test_steps_gateways_and_lanes(discovered: OperationalModel) -> None:
    tasks = {s.name: s for s in discovered.steps if s.type == "task"}
    assert set(tasks) == {"Antrag registrieren", "Vollständigkeit prüfen", "Unterlagen nachfordern",
                          "Stellungnahme einholen", "Bescheid erstellen", "Bescheid versenden"}
    types = Counter(s.type for s in discovered.steps)
    assert types["startEvent"] == types["endEvent"] == 1
    assert types["exclusiveGateway"] == 2  # the optional "Unterlagen nachfordern": split and join
    assert {u.name for u in discovered.org_units} == {"Bauamt", "Ordnungsamt", "Poststelle"}
    assert tasks["Bescheid versenden"].lane == "Lane_Poststelle"
    assert "in 6 von 30 Fällen (20%)" in tasks["Unterlagen nachfordern"].documentation
    ids = {s.id for s in discovered.steps}
    assert all(f.source in ids and f.target in ids for f in discovered.sequence_flows)


def test_discovered_model_replays_its_own_log(discovered: OperationalModel, fitting: EventLog) -> None:
    mapping = map_activities(fitting.activity_counts(), fitting.labels, discovered)
    assert not mapping.unknown
    result = conform(fitting, discovered, mapping)
    assert result.fitness == 1.0
    assert result.fitting_cases == 1.0


def test_yaml_output_is_the_model_shape(discovered: OperationalModel, tmp_path: Path) -> None:
    out = tmp_path / "ist.yaml"
    write_model(discovered, out)
    again = OperationalModel.model_validate(yaml.safe_load(out.read_text(encoding="utf-8")))
    assert again == discovered


def test_bpmn_output_when_the_builder_is_there(discovered: OperationalModel, tmp_path: Path) -> None:
    pytest.importorskip("vollzug.authoring.build")
    from vollzug.loader import load_model

    out = tmp_path / "ist.bpmn"
    write_model(discovered, out)
    loaded = load_model(out).model
    assert {s.name for s in loaded.steps if s.type == "task"} == {
        s.name for s in discovered.steps if s.type == "task"}
    assert {s.lane for s in loaded.steps if s.type == "task"} == {"Lane_Bauamt", "Lane_Ordnungsamt",
                                                                   "Lane_Poststelle"}


def test_min_case_share_drops_rare_activities(fitting: EventLog) -> None:
    model = discover_model(fitting, noise_threshold=0.2, min_case_share=0.5)
    assert "Unterlagen nachfordern" not in {s.name for s in model.steps}


def test_dfg_miner_gives_the_same_tasks_and_says_so(fitting: EventLog, discovered: OperationalModel) -> None:
    """IMd (on the directly-follows graph, chosen automatically for logs with many variants) on the fixture log."""
    by_dfg = discover_model(fitting, noise_threshold=0.0, miner="dfg")
    assert {s.name for s in by_dfg.steps if s.type == "task"} == {s.name for s in discovered.steps if s.type == "task"}
    assert "Directly-Follows-Graphen (IMd)" in by_dfg.documentation
    assert "auf dem Log (IMf)" in discovered.documentation  # auto: 3 variants, far below the limit
    mapping = map_activities(fitting.activity_counts(), fitting.labels, by_dfg)
    assert conform(fitting, by_dfg, mapping, method="tokens").fitness == 1.0
