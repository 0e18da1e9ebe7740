"""Folder expansion: YAML sources win over their built BPMN; non-model data beside models is skipped."""

from __future__ import annotations

from pathlib import Path

from vollzug.loader import iter_model_files, looks_like_model


def test_folder_expansion(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "wpg.yaml").write_text("kind: operational_model\nsteps: []\n", encoding="utf-8")
    (tmp_path / "a" / "wpg.bpmn").write_text("<x/>", encoding="utf-8")
    (tmp_path / "b.bpmn").write_text("<x/>", encoding="utf-8")
    (tmp_path / "expected-gaps.yaml").write_text("gaps:\n  - model: a\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    found = iter_model_files([tmp_path])
    assert found == [tmp_path / "a" / "wpg.yaml", tmp_path / "b.bpmn"]



def test_folder_walk_order_links_and_suffixes(tmp_path: Path) -> None:
    """Path order (``a/…`` before ``a-b/…``, unlike plain string order), upper-case suffixes, symlinked files in,
    broken links and symlinked folders out (a link to a folder is not walked, as with ``Path.rglob``)."""
    for folder in ("a", "a-b", "a/deep/er"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    for name in ("a-b/m.bpmn", "a/z.BPMN", "a/deep/er/m.xml", "a/readme.md", "a/.bpmn"):
        (tmp_path / name).write_text("<x/>", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "o.bpmn").write_text("<x/>", encoding="utf-8")
    (tmp_path / "linked.bpmn").symlink_to(outside / "o.bpmn")
    (tmp_path / "broken.bpmn").symlink_to(tmp_path / "missing.bpmn")
    (tmp_path / "a-b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    found = iter_model_files([tmp_path])
    assert found == sorted(found)
    assert [f.relative_to(tmp_path).as_posix() for f in found] == [
        "a/deep/er/m.xml", "a/z.BPMN", "a-b/m.bpmn", "linked.bpmn"]

def test_explicit_files_are_kept_even_if_they_do_not_look_like_models(tmp_path: Path) -> None:
    data = tmp_path / "gaps.yaml"
    data.write_text("gaps: []\n", encoding="utf-8")
    assert not looks_like_model(data)
    assert iter_model_files([data]) == [data]


def test_json_models_are_recognised(tmp_path: Path) -> None:
    model = tmp_path / "m.json"
    model.write_text('{"kind": "operational_model", "steps": []}', encoding="utf-8")
    assert looks_like_model(model)
