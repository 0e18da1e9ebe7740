"""Symlink loops and broken DI coordinates (issue 12, item 7): our own errors and warnings, never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vollzug.bpmn.validate import validate_file
from vollzug.diff.emit.svg import render
from vollzug.diff.engine import diff_files, load_side
from vollzug.errors import InputError
from vollzug.lint.config import find_config_file
from vollzug.loader import iter_model_files, load_model

ROOT = Path(__file__).parents[2]
SOLL = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"
FIXTURE = ROOT / "tests" / "fixtures" / "bpmn" / "all-elements.bpmn"
MIWG = Path("/work/shared/corpora/miwg")


def test_symlink_loop_in_a_town_folder_is_listed_and_refused_with_its_path(tmp_path: Path) -> None:
    town = tmp_path / "towns" / "rheine"
    town.mkdir(parents=True)
    shutil.copy(SOLL, town / "wpg.yaml")
    loop = town / "loop.yaml"
    loop.symlink_to(loop)
    (tmp_path / "towns" / "cycle.bpmn").symlink_to(tmp_path / "towns" / "cycle2.bpmn")
    (tmp_path / "towns" / "cycle2.bpmn").symlink_to(tmp_path / "towns" / "cycle.bpmn")
    files = iter_model_files([tmp_path / "towns"])
    assert loop in files and town / "wpg.yaml" in files
    for broken in (loop, tmp_path / "towns" / "cycle.bpmn"):
        with pytest.raises(InputError, match="symbolic link loop") as info:
            load_model(broken)
        assert info.value.file == str(broken)
    find_config_file(loop)  # searches from where the loop is, without RuntimeError


def test_missing_file_still_says_not_found(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        load_model(tmp_path / "gone.yaml")


@pytest.mark.parametrize("value", ["abc", "nan", "1e999", "-inf", ""])
def test_broken_di_coordinates_warn_in_the_reader_and_diff_still_runs(value: str, tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    broken = text.replace('x="', f'x="{value}', 1) if value else text.replace('width="', 'width="', 1)
    for attr in ("y", "width"):
        broken = broken.replace(f'{attr}="', f'{attr}="{value}', 2)
    path = tmp_path / "coords.bpmn"
    path.write_text(broken, encoding="utf-8")
    load_model(path)
    if value:  # the DI is indexed when needed: validate does it and warns with the line
        assert any(d.code == "RD005" and d.line for d in validate_file(path, xsd=False))
    diff_files(path, path)
    diff_files(path, FIXTURE)
    view = load_side(path).view
    assert view is not None
    assert render(view, {}, "t").startswith("<svg")


@pytest.mark.skipif(not MIWG.is_dir(), reason="shared MIWG corpus not available")
def test_broken_coordinates_in_a_real_file(tmp_path: Path) -> None:
    seed = next(p for p in sorted(MIWG.rglob("*.bpmn")) if b"waypoint" in p.read_bytes())
    path = tmp_path / seed.name
    path.write_bytes(seed.read_bytes().replace(b'x="', b'x="NaN', 5))
    load_model(path)
    assert any(d.code == "RD005" for d in validate_file(path, xsd=False))
    diff_files(seed, path)
