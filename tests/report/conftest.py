"""Shared fixtures: a reference SOLL, synthetic towns written as YAML, one hostile town, and a finished report."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.report.report_support import REFERENCE, XSS_IMG, XSS_SCRIPT
from vollzug.compare.engine import Town, compare_all
from vollzug.compare.results import ComparisonSet
from vollzug.model.process import OperationalModel
from vollzug.synth.generate import synth_towns
from vollzug.synth.write import to_yaml


def reference_model() -> OperationalModel:
    return OperationalModel.model_validate(yaml.safe_load(REFERENCE.read_text(encoding="utf-8")))


def hostile(model: OperationalModel) -> OperationalModel:
    """A town whose name, unit and step labels carry script payloads."""
    doc = model.model_dump(mode="json")
    doc["municipality"]["name"] = f"Evilstadt {XSS_IMG}"
    doc["org_units"][2]["name"] = XSS_SCRIPT
    for step in doc["steps"]:
        if step["type"] == "task":
            step["name"] = f"{XSS_IMG} {XSS_SCRIPT}"
            break
    return OperationalModel.model_validate(doc)


@pytest.fixture(scope="session")
def town_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("towns")
    models = list(synth_towns(reference_model(), 6, seed=11))
    models.append(hostile(models[0]))
    for index, model in enumerate(models):
        (folder / f"town{index}").mkdir()
        (folder / f"town{index}" / "wpg.yaml").write_text(to_yaml(model), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def result(town_dir: Path) -> ComparisonSet:
    from vollzug.compare.inputs import load_inputs

    inputs = load_inputs([town_dir], [REFERENCE])
    return compare_all(inputs.towns, inputs.references)


@pytest.fixture(scope="session")
def simple_result() -> ComparisonSet:
    ref = reference_model()
    return compare_all([Town(m) for m in synth_towns(ref, 5, seed=2)], [Town(ref, str(REFERENCE))], rules=False)
