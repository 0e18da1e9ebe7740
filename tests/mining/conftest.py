"""Shared fixtures of the mining tests: the fixture logs written by tests/fixtures/logs/generate.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from vollzug.loader import load_model
from vollzug.mining.log import EventLog, LogColumns, read_log
from vollzug.model.process import OperationalModel

LOGS = Path(__file__).parent.parent / "fixtures" / "logs"
CSV_COLUMNS = LogColumns(case_id="case_id", activity="activity", timestamp="timestamp", resource="resource")
CSV_OPTIONS = ["--case-id", "case_id", "--activity", "activity", "--timestamp", "timestamp", "--resource", "resource"]


@pytest.fixture(scope="session")
def fitting() -> EventLog:
    return read_log(LOGS / "fitting.csv", CSV_COLUMNS)


@pytest.fixture(scope="session")
def deviating() -> EventLog:
    return read_log(LOGS / "deviating.csv", CSV_COLUMNS)


@pytest.fixture(scope="session")
def town_b() -> EventLog:
    return read_log(LOGS / "town-b.csv", CSV_COLUMNS)


@pytest.fixture(scope="session")
def soll() -> OperationalModel:
    return load_model(LOGS / "soll-baugenehmigung.yaml").model
