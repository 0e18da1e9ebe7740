"""compare_files (the CLI's streaming path): same result as loading everything first, serial or over 2 workers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from vollzug.authoring.checks import check_model
from vollzug.compare.engine import compare_all
from vollzug.compare.files import compare_files
from vollzug.compare.inputs import load_inputs
from vollzug.loader import iter_model_files, load_model
from vollzug.model.process import OperationalModel
from vollzug.synth import synth_towns
from vollzug.synth.write import write_towns

REFERENCE = Path(__file__).resolve().parents[1] / "fixtures" / "compare" / "wpg-soll.yaml"


def _ref() -> OperationalModel:
    return load_model(REFERENCE).model


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 synthetic towns (several tasks per worker), one twice under the same name, and a town with its own SOLL
    beside its IST."""
    folder = tmp_path_factory.mktemp("towns")
    written = write_towns(_ref(), 20, folder, seed=11)
    twin = folder / "zz-twin" / "wpg.yaml"
    twin.parent.mkdir()
    twin.write_text(written[0].read_text(encoding="utf-8"), encoding="utf-8")
    soll = yaml.safe_load(written[1].read_text(encoding="utf-8"))
    soll.update(variant="SOLL", title="Eigener SOLL")
    (written[1].parent / "wpg-soll.yaml").write_text(yaml.safe_dump(soll, allow_unicode=True), encoding="utf-8")
    return folder


def _classic(folder: Path, **options: object):  # the pre-streaming path: load everything, then compare
    inputs = load_inputs([folder], [REFERENCE])
    return compare_all(inputs.towns, inputs.references, **options)  # type: ignore[arg-type]


def test_streamed_files_equal_loading_everything_first(towns: Path) -> None:
    classic = _classic(towns, rules=False)
    streamed, notes = compare_files(iter_model_files([towns]), [REFERENCE], rules=False)
    assert notes == []
    assert streamed.comparisons == classic.comparisons and streamed.skipped == classic.skipped
    keys = [t.key for t in streamed.comparisons[0].towns]
    assert len(keys) == 22 and len(set(keys)) == 22
    assert any(k.endswith("-2") for k in keys)  # the twin got a suffixed key
    with_own = [t for t in streamed.comparisons[0].towns if t.own_soll is not None]
    assert len(with_own) == 1


def test_two_workers_give_the_serial_result(towns: Path) -> None:
    files = iter_model_files([towns])
    serial, _ = compare_files(files, [REFERENCE], rules=True)
    parallel, _ = compare_files(files, [REFERENCE], rules=True, jobs=2)
    assert parallel.comparisons == serial.comparisons
    assert serial.comparisons[0].similarity is not None



def test_the_reference_among_the_models_is_not_compared_with_itself(towns: Path, tmp_path: Path) -> None:
    """Given as a file, through a link under another name, or as a copy at another path (a copy is a town)."""
    link = tmp_path / "link-to-reference.yaml"
    link.symlink_to(REFERENCE)
    copy = tmp_path / "copy.yaml"
    copy.write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    files = [REFERENCE, link, copy, *iter_model_files([towns])[:2]]
    for jobs in (1, 2):
        result, _ = compare_files(files, [REFERENCE], rules=False, jobs=jobs)
        assert [t.path for t in result.comparisons[0].towns] == [str(f) for f in files[2:]]

def test_law_filter_and_missing_reference(towns: Path, tmp_path: Path) -> None:
    other = tmp_path / "fzv.yaml"
    doc = yaml.safe_load(next(iter(sorted(towns.glob("*/wpg.yaml")))).read_text(encoding="utf-8"))
    doc["law"] = "FZV"
    other.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result, _ = compare_files([other, *iter_model_files([towns])[:3]], [REFERENCE], rules=False)
    assert [len(c.towns) for c in result.comparisons] == [3]
    assert len(result.skipped) == 1 and "FZV" in result.skipped[0].de
    only, _ = compare_files([other, *iter_model_files([towns])[:3]], [REFERENCE], rules=False, law="FZV")
    assert only.comparisons == () and len(only.skipped) == 1
    assert only.skipped[0].de == f"{other}: kein Referenz-SOLL für Gesetz FZV"


def test_synthetic_towns_are_check_clean_and_bpmn_gives_the_same_models(tmp_path: Path) -> None:
    ref = _ref()
    for model in synth_towns(ref, 60, seed=7):
        assert [d for d in check_model(model) if d.severity == "error"] == []
    yaml_files = write_towns(ref, 3, tmp_path / "y", seed=7)
    bpmn_files = write_towns(ref, 3, tmp_path / "b", seed=7, fmt="bpmn")
    assert [p.suffix for p in bpmn_files] == [".bpmn"] * 3
    for a, b in zip(yaml_files, bpmn_files, strict=True):
        assert load_model(a).model == load_model(b).model
