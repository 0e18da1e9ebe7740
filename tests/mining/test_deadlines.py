"""Deadline compliance: exact figures on the fixture (case i lasts 20 + 3·i days)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.mining.conftest import LOGS
from vollzug.errors import ConfigError
from vollzug.mining.deadlines import add_duration, compliance, load_rules, measure, model_rules
from vollzug.mining.log import EventLog
from vollzug.mining.mapping import map_activities
from vollzug.model.process import OperationalModel


def test_legal_deadline_figures_are_exact(fitting: EventLog) -> None:
    (result,) = compliance(fitting, load_rules(LOGS / "deadlines.yaml").rules)
    assert (result.applicable, result.measured, result.open) == (30, 30, 0)
    assert result.within == 13  # 20 + 3i <= 56  ⇔  i <= 12
    assert result.within_extended == 27  # 20 + 3i <= 98  ⇔  i <= 26
    assert (result.median_days, result.p90_days, result.max_days) == (62.0, 98.0, 107.0)
    assert [w.case_id for w in result.worst] == ["A29", "A28", "A27", "A26", "A25"]
    assert result.share == pytest.approx(13 / 30)


def test_model_step_deadline_is_measured(fitting: EventLog, soll: OperationalModel) -> None:
    mapping = map_activities(fitting.activity_counts(), fitting.labels, soll)
    (rule,) = model_rules(soll, mapping.steps)
    assert (rule.kind, rule.start, rule.end) == ("planned", ("Antrag registrieren",), ("Bescheid versenden",))
    assert measure(fitting, rule).within == 13


def test_open_cases_and_attribute_filters(deviating: EventLog) -> None:
    (rule,) = load_rules(LOGS / "deadlines.yaml").rules
    never_ends = rule.model_copy(update={"end": ("gibt es nicht",)})
    result = measure(deviating, never_ends)
    assert (result.applicable, result.measured, result.open, result.median_days) == (30, 0, 30, None)
    assert measure(deviating, rule.model_copy(update={"only_if": {"caseProcedure": ("Regulier",)}})).applicable == 0


def test_add_duration_calendar_months() -> None:
    start = dt.datetime(2024, 1, 31, tzinfo=dt.UTC)
    assert add_duration(start, "P1M") == dt.datetime(2024, 2, 29, tzinfo=dt.UTC)
    assert add_duration(start, "P8W") == dt.datetime(2024, 3, 27, tzinfo=dt.UTC)
    with pytest.raises(ConfigError, match="unsupported duration"):
        add_duration(start, "8 Wochen")


def test_bad_rules_file_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text("kind: deadline_rules\nprocedure: x\nrules:\n  - id: R1\n    title: t\n    duration: P8W\n"
                   "    start: [a]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"rules\.0\.end"):
        load_rules(bad)


def test_repository_bpic_rules_load() -> None:
    rules = load_rules(Path(__file__).parents[2] / "rules" / "bpic2015" / "deadlines.yaml")
    assert {r.id for r in rules.rules} >= {"BPIC.D01"}
    assert all(not r.verified for r in rules.rules)
