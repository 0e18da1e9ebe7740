"""Conformance: a perfectly fitting log, and one with a skipped step, a swap and another unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.mining.conftest import LOGS
from vollzug.errors import ConfigError
from vollzug.mining.conform import conform
from vollzug.mining.log import EventLog
from vollzug.mining.mapping import load_mapping, map_activities, match_label, normalise
from vollzug.model.process import OperationalModel


@pytest.mark.parametrize("method", ["alignments", "tokens"])
def test_fitting_log_has_fitness_one(fitting: EventLog, soll: OperationalModel, method: str) -> None:
    mapping = map_activities(fitting.activity_counts(), fitting.labels, soll)
    result = conform(fitting, soll, mapping, method=method)  # type: ignore[arg-type]
    assert result.fitness == 1.0
    assert result.fitting_cases == 1.0
    assert result.precision == 1.0
    assert not any(d.total for d in result.steps)
    assert result.replayed_cases == 30


def test_deviations_are_found_exactly(deviating: EventLog, soll: OperationalModel) -> None:
    mapping = map_activities(deviating.activity_counts(), deviating.labels, soll)
    result = conform(deviating, soll, mapping, method="alignments")
    by_step = {d.step: d for d in result.steps}
    assert (by_step["Task_stellungnahme"].skipped, by_step["Task_stellungnahme"].cases) == (1, 29)
    out_of_order = {s: d.out_of_order for s, d in by_step.items() if d.out_of_order}
    assert sum(out_of_order.values()) == 1 and set(out_of_order) <= {"Task_stellungnahme", "Task_bescheid"}
    assert by_step["Task_versenden"].other_unit == 1
    assert by_step["Task_versenden"].other_units == {"Bauamt": 1}
    assert sum(d.repeated for d in result.steps) == 0
    assert sum(d.skipped for d in result.steps) == 1
    assert sum(d.other_unit for d in result.steps) == 1
    assert result.fitting_cases == pytest.approx(28 / 30, abs=1e-4)
    assert 0.95 < (result.fitness or 0) < 1.0


def test_label_matching_and_mapping_file(deviating: EventLog, soll: OperationalModel, tmp_path: Path) -> None:
    auto = map_activities(deviating.activity_counts(), deviating.labels, soll)
    assert auto.steps["Stellungnahme einholen"] == "Task_stellungnahme"
    assert auto.how["Stellungnahme einholen"].startswith("fuzzy:")
    assert auto.how["Bescheid versenden"] == "label"
    file = tmp_path / "mapping.yaml"
    file.write_text("activities:\n  Unterlagen nachfordern: null\n  Bescheid versenden: Task_bescheid\n"
                    "resources:\n  Bauamt: Lane_Poststelle\n", encoding="utf-8")
    given = load_mapping(file)
    used = map_activities(deviating.activity_counts(), deviating.labels, soll, given)
    assert used.ignored == ("Unterlagen nachfordern",)
    assert used.how["Bescheid versenden"] == "file"
    assert set(used.unobserved) == {"Task_nachfordern", "Task_versenden"}
    result = conform(deviating, soll, used, method="alignments")
    assert "Unterlagen nachfordern" not in {a for d in result.steps for a in d.activities}


def test_unknown_activities_are_listed(deviating: EventLog, soll: OperationalModel) -> None:
    smaller = soll.model_copy(update={"steps": tuple(s for s in soll.steps if s.id != "Task_nachfordern"),
                                      "sequence_flows": tuple(f for f in soll.sequence_flows
                                                              if "Task_nachfordern" not in (f.source, f.target))})
    mapping = map_activities(deviating.activity_counts(), deviating.labels, smaller)
    result = conform(deviating, smaller, mapping)
    assert [(u.activity, u.events, u.cases) for u in result.unknown] == [("Unterlagen nachfordern", 6, 6)]
    assert (result.fitness or 1) < 1.0


def test_mapping_to_a_missing_step_is_an_error(deviating: EventLog, soll: OperationalModel, tmp_path: Path) -> None:
    file = tmp_path / "mapping.yaml"
    file.write_text("activities:\n  Antrag registrieren: Task_gibt_es_nicht\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="Task_gibt_es_nicht"):
        map_activities(deviating.activity_counts(), deviating.labels, soll, load_mapping(file))


def test_normalise_and_match() -> None:
    assert normalise("Prüfung der Unterlagen für das Straßenbauamt") == "pruefung unterlagen strassenbauamt"
    assert match_label("Stellungnahme einholen", {"a": "Stellungnahmen einholen", "b": "Bescheid"}) is not None
    assert match_label("Gebühren erheben", {"a": "Stellungnahmen einholen"}) is None


def test_fixture_model_file_is_there() -> None:
    assert (LOGS / "soll-baugenehmigung.yaml").is_file()
