"""Reading XES/CSV logs: cases, order, resources, attributes; broken and hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.mining.conftest import CSV_COLUMNS, LOGS
from vollzug.errors import ConfigError, HostileInputError, InputError
from vollzug.mining.log import EventLog, read_log


def test_csv_and_xes_give_the_same_cases(fitting: EventLog) -> None:
    xes = read_log(LOGS / "fitting.xes")
    assert len(fitting.traces) == len(xes.traces) == 30
    assert fitting.event_count == xes.event_count == 156
    assert [t.activities for t in fitting.traces] == [t.activities for t in xes.traces]
    assert xes.resource_key == "org:resource"
    assert xes.traces[0].attributes == {"caseProcedure": "Regulier"}


def test_events_are_in_time_order_with_resources(deviating: EventLog) -> None:
    swapped = next(t for t in deviating.traces if t.case_id == "D02")
    assert swapped.activities == ("Antrag registrieren", "Vollständigkeit prüfen", "Bescheid erstellen",
                                  "Stellungnahme einholen", "Bescheid versenden")
    assert [e.resource for e in swapped.events][-2:] == ["Ordnungsamt", "Poststelle"]
    assert deviating.variants().most_common(1)[0][1] == 22  # 24 without Nachforderung, minus D01 and D02


def test_broken_csv_names_file_line_and_column() -> None:
    with pytest.raises(InputError) as info:
        read_log(LOGS / "broken.csv", CSV_COLUMNS)
    assert str(info.value).startswith(f"{LOGS / 'broken.csv'}:3: [timestamp] unreadable timestamp 'gestern'")


def test_missing_csv_column_is_a_config_error(tmp_path: Path) -> None:
    odd = tmp_path / "odd.csv"
    odd.write_text("Fall,Schritt,Zeit\nA,x,2024-01-01T09:00:00+00:00\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no case id column 'case:concept:name'"):
        read_log(odd)


def test_common_csv_column_names_are_detected() -> None:
    log = read_log(LOGS / "fitting.csv")  # case_id, activity, timestamp, resource without options
    assert log.resource_key == "resource" and log.activity_key == "activity"
    assert len(log.traces) == len(read_log(LOGS / "fitting.csv", CSV_COLUMNS).traces)


def test_truncated_xes_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a readable XES event log"):
        read_log(LOGS / "broken.xes")


def test_xes_with_entities_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xes"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE log [<!ENTITY a "aaaa">]><log>&a;</log>', encoding="utf-8")
    with pytest.raises(HostileInputError):
        read_log(bomb)


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unsupported event log type"):
        read_log(LOGS / "generate.py")
    with pytest.raises(InputError, match="file not found"):
        read_log(tmp_path / "nope.xes")
