"""A YAML model and the BPMN built from it are the same model: ``diff --match id`` finds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.diff.diffcase import FIXTURES
from vollzug.authoring.build import build_bpmn
from vollzug.diff import DiffOptions, diff_files
from vollzug.loader import load_model


@pytest.mark.parametrize("case", ["domain", "behaviour-parallel", "auto-relabel"])
def test_yaml_and_its_built_bpmn_do_not_differ(case: str, tmp_path: Path) -> None:
    source = FIXTURES / case / "right.yaml"
    built = tmp_path / "right.bpmn"
    built.write_bytes(build_bpmn(load_model(source).model))
    result = diff_files(source, built, DiffOptions(match="id"))
    assert result.equal, [(c.id, [a.path for a in c.attrs]) for c in result.changed] + [
        e.id for e in (*result.added, *result.removed)]
    assert result.similarity.overall == 1.0


def test_renamed_resource_pairs_by_kind(tmp_path: Path) -> None:
    text = (FIXTURES / "resources" / "right.yaml").read_text(encoding="utf-8")
    renamed = tmp_path / "right.yaml"
    renamed.write_text(text.replace("name: GIS}", "name: GIS (Geodateninfrastruktur)}").replace(
        "name: Sachbearbeitung, fte: 0.75", "name: Sachbearbeitung Planung, fte: 0.75"), encoding="utf-8")
    result = diff_files(FIXTURES / "resources" / "left.yaml", renamed, DiffOptions(match="id"))
    staff = [d for d in result.resource_deltas if d.kind == "staff"]
    assert [(d.left, d.right) for d in staff] == [(0.5, 0.75)]
