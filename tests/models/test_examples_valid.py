"""Every example model under models/ is a valid OperationalModel, loads without dangling references, and the
planted-gap ground truth (models/expected-gaps.yaml) points at elements that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from vollzug.authoring.checks import check_model
from vollzug.loader import load_model
from vollzug.model.process import ACTIVITY_TYPES, OperationalModel

MODELS = Path(__file__).resolve().parents[2] / "models"
YAML_FILES = sorted(MODELS.glob("**/*.yaml"))
MODEL_FILES = [p for p in YAML_FILES if p.name != "expected-gaps.yaml"]
NCNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")
REQUIRED_TOWNS = ("rheine", "ibbenbueren", "greven", "steinfurt", "saerbeck", "nordwalde", "altenberge", "metelen")


def _model(path: Path) -> OperationalModel:
    return OperationalModel.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_the_expected_example_files_exist() -> None:
    names = {p.relative_to(MODELS).as_posix() for p in MODEL_FILES}
    assert {"soll/wpg-kreis-steinfurt.yaml", "soll/fzv-ikfz.yaml", "ist/kreis-steinfurt/fzv.yaml"} <= names
    assert {f"ist/{town}/wpg.yaml" for town in REQUIRED_TOWNS} <= names


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda p: p.relative_to(MODELS).as_posix())
def test_model_validates_and_has_no_dangling_references(path: Path) -> None:
    model = _model(path)
    problems = [d for d in check_model(model, path) if d.severity == "error"]
    assert problems == []
    loaded = load_model(path)
    assert loaded.model.id == model.id
    assert [d for d in loaded.diagnostics if d.severity == "error"] == []


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda p: p.relative_to(MODELS).as_posix())
def test_model_header_and_ids(path: Path) -> None:
    model = _model(path)
    assert model.synthetic is True
    assert model.law in {"WPG", "FZV"}
    assert model.variant == ("SOLL" if "soll" in path.parts else "IST")
    assert model.municipality is not None
    ids = [model.id, *(u.id for u in model.org_units), *(s.id for s in model.steps),
           *(f.id for f in model.sequence_flows), *(f.id for f in model.message_flows),
           *(d.id for d in model.data_objects), *(p.id for p in model.pools)]
    assert [i for i in ids if not NCNAME.match(i)] == []
    for step in model.steps:
        for obligation in step.obligations:
            assert re.fullmatch(rf"{model.law}\.[WK]\d\d[b]?", obligation), (step.id, obligation)
        for resource in step.resources:
            assert resource.source in {"real", "estimated", "synthetic", "unverified"}


def test_town_step_ids_differ_from_the_reference() -> None:
    soll = {s.id for s in _model(MODELS / "soll/wpg-kreis-steinfurt.yaml").steps}
    for town in REQUIRED_TOWNS:
        ist = _model(MODELS / f"ist/{town}/wpg.yaml")
        activities = {s.id for s in ist.steps if s.type in ACTIVITY_TYPES}
        assert not activities & soll, town


def test_reference_soll_covers_the_mid_size_obligations() -> None:
    model = _model(MODELS / "soll/wpg-kreis-steinfurt.yaml")
    covered = {o for s in model.steps for o in s.obligations}
    expected = {f"WPG.W{n:02d}" for n in range(1, 19) if n != 13} | {"WPG.W07b", "WPG.W18b"}
    assert expected <= covered
    accountable: dict[str, set[str]] = {}
    for step in model.steps:
        for obligation in step.obligations:
            accountable.setdefault(obligation, set()).update(r.party for r in step.raci if r.letter == "A")
    assert {o: a for o, a in accountable.items() if len(a) != 1} == {}
    assert model.process_owner == "fb_planung"
    participation = next(s for s in model.steps if "WPG.W04" in s.obligations)
    assert participation.loop == "standard"
    assert any(s.notification and s.notification.acknowledgement for s in model.steps)
    personal = {d.id for d in model.data_objects if d.personal}
    potential = {s.id for s in model.steps if "WPG.W09" in s.obligations}
    assert not [a for a in model.data_associations if a.source in personal and a.target in potential]


def test_konnexitaet_budgets_follow_the_formula() -> None:
    for path in MODELS.glob("ist/*/wpg.yaml"):
        model = _model(path)
        assert model.municipality is not None and model.municipality.population is not None
        pop = model.municipality.population.count
        budgets = [r for s in model.steps for r in s.resources if r.kind == "budget" and r.funding]
        assert budgets, path
        assert all(abs(b.eur - (165000 + 1.36 * pop)) < 0.01 for b in budgets), path


def test_expected_gaps_point_at_existing_elements() -> None:
    data = yaml.safe_load((MODELS / "expected-gaps.yaml").read_text(encoding="utf-8"))
    gaps = data["gaps"]
    assert len(gaps) >= 12
    codes = {g["gap"] for g in gaps}
    assert {"G01", "G02", "G03", "G05", "G07", "G08", "G09", "G10", "G11", "G13", "G14"} <= codes
    for entry in gaps:
        assert re.fullmatch(r"G\d\d", entry["gap"])
        assert entry["family"] in {"modelling", "responsibility", "obligations", "stakeholders", "notifications",
                                   "resources", "deadlines", "data_protection"}
        model = _model(MODELS.parent / entry["model"])
        if entry["element"] is not None:
            known = {s.id for s in model.steps} | {d.id for d in model.data_objects} | {
                s.id for s in model.stakeholders}
            assert entry["element"] in known, entry
