"""Hostile YAML and law ids, generated at test time (issue 12, items 1, 2 and the YAML part of 7).

Every YAML file vollzug reads goes through :mod:`vollzug.safe_yaml`; a model's ``law`` is an id looked up in the
registry, never a path. Cases that could exhaust memory run in a child process with an address-space cap.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pydantic import ValidationError

from vollzug.authoring.build import build_bpmn
from vollzug.authoring.yaml_io import load_yaml_model
from vollzug.errors import CatalogueError, ConfigError, ModelError
from vollzug.law.catalogue import catalogue_path, load_catalogue, load_law_catalogue
from vollzug.lint.lawdata import load_law_checks
from vollzug.loader import load_model
from vollzug.mining.mapping import load_mapping
from vollzug.model.process import OperationalModel, Step
from vollzug.safe_yaml import parse_yaml_text

ROOT = Path(__file__).parents[2]
SRC = str(ROOT / "src")
RULES = ROOT / "rules"
SOLL = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
"""Nine levels of ten aliases: 10⁹ strings from a few hundred bytes (the 3.9 KB catalogue of the issue grew to
11 GB)."""


def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def run_child(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    cap = textwrap.dedent("""
        import resource
        soft = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize() + 1024 ** 3
        resource.setrlimit(resource.RLIMIT_AS, (soft, soft))
    """)
    return subprocess.run([sys.executable, "-c", cap + textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": SRC, **(env or {})}, check=False)


# --- the loader -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "line", "message"), [
    ("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a'"),
    ("a: !!binary aGVsbG8=\n", 1, "YAML tag '!!binary' is not allowed"),
    ("a: !!python/object/apply:os.system [id]\n", 1, "YAML tag '!!python/object/apply:os.system'"),
    ("a: !!set {x}\n", 1, "YAML tag '!!set'"),
    ("a: !custom x\n", 1, "YAML tag '!custom'"),
    ("a:\n  b: !!int zwölf\n", 2, "invalid int 'zwölf'"),
    ("a: !!float x1\n", 1, "invalid float 'x1'"),
    ("valid_from: 2024-02-30\n", 1, "invalid date '2024-02-30'"),
    ('title: "Amt\\x01Rheine"\n', 1, "character U+0001 is not allowed"),
    ('title: "\\uFFFE"\n', 1, "character U+FFFE"),
    ("1: x\n", 1, "mapping key 1 is not a string"),
])
def test_loader_refuses_with_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ModelError) as info:
        parse_yaml_text(text, "m.yaml")
    assert info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"m.yaml:{line}: ")


def test_merge_keys_still_work_and_may_be_overridden() -> None:
    data = parse_yaml_text("base: &b {x: 1, y: 2}\nc: {<<: *b, y: 3}\n", "m.yaml").data
    assert data["c"] == {"x": 1, "y": 3}


def test_alias_bomb_refused_in_bounded_memory() -> None:
    result = run_child(f"""
        from vollzug.safe_yaml import parse_yaml_text
        from vollzug.errors import HostileInputError
        try:
            parse_yaml_text({LAUGHS!r}, "bomb.yaml")
        except HostileInputError as exc:
            print(exc)
    """)
    assert "alias bomb" in result.stdout, result.stderr


# --- every YAML vollzug reads goes through it ---------------------------------------------------------------

def test_catalogue_alias_bomb_reached_through_a_models_law(tmp_path: Path) -> None:
    """The issue's path: a model names a law whose catalogue is a billion-laughs document."""
    rules = rules_copy(tmp_path)
    (rules / "bomb").mkdir()
    (rules / "bomb" / "catalogue.yaml").write_text("id: BOMB\n" + LAUGHS, encoding="utf-8")
    result = run_child("""
        from vollzug.law.catalogue import load_law_catalogue
        from vollzug.errors import HostileInputError
        try:
            load_law_catalogue("BOMB")
        except HostileInputError as exc:
            print(exc)
    """, env={"VOLLZUG_RULES_DIR": str(rules)})
    assert "catalogue.yaml" in result.stdout and "alias bomb" in result.stdout, result.stderr


def test_catalogue_duplicate_key_and_binary_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = rules_copy(tmp_path)
    monkeypatch.setenv("VOLLZUG_RULES_DIR", str(rules))
    path = rules / "wpg" / "catalogue.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "title: Zweiter Titel\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="duplicate key 'title'") as info:
        load_law_catalogue("WPG")
    assert info.value.line == original.count("\n") + 1
    path.write_text(original.replace("title:", "title: !!binary", 1), encoding="utf-8")
    with pytest.raises(CatalogueError, match="!!binary"):
        load_law_catalogue("WPG")


def test_checks_municipalities_and_mapping_use_the_loader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = rules_copy(tmp_path)
    monkeypatch.setenv("VOLLZUG_RULES_DIR", str(rules))
    checks = rules / "fzv" / "checks.yaml"
    checks.write_text(checks.read_text(encoding="utf-8") + "law: FZV\nlaw: FZV\n", encoding="utf-8")
    load_law_checks.cache_clear()
    with pytest.raises(ConfigError, match="duplicate key 'law'"):
        load_law_checks("FZV")
    load_law_checks.cache_clear()
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("activities: *nowhere\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"mapping\.yaml:1: "):
        load_mapping(mapping)
    from vollzug.law.municipalities import load_municipality_records

    folder = tmp_path / "towns"
    folder.mkdir()
    (folder / "t.yaml").write_text("municipalities:\n  - ags: !!binary MDU1NjYwNzY=\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"t\.yaml:2: YAML tag '!!binary'"):
        load_municipality_records(folder)


def test_model_with_bad_date_and_control_char(tmp_path: Path) -> None:
    text = SOLL.read_text(encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(text.replace("\nlaw:", "\nvalid_from: 2025-13-01\nlaw:", 1), encoding="utf-8")
    with pytest.raises(ModelError, match="invalid date '2025-13-01'"):
        load_yaml_model(path)
    path.write_text(text.replace("\ntitle:", '\ntitle: "Kreis\\u0007"\nx_title:', 1), encoding="utf-8")
    with pytest.raises(ModelError, match="U\\+0007"):
        load_yaml_model(path)


def test_bpmn_writer_refuses_control_characters_cleanly() -> None:
    """A model built in Python (not read from YAML) with a C0 character: a located ModelError, not lxml's
    ValueError (which ended in ``internal error``)."""
    model = load_yaml_model(SOLL).model
    step = model.steps[0]
    broken = model.model_copy(update={"steps": (Step.model_validate({**step.model_dump(), "name": "A\x0bB"}),
                                                *model.steps[1:])})
    with pytest.raises(ModelError, match=r"steps\[0\]\.name: character U\+000B") as info:
        build_bpmn(broken, file="m.yaml", lines={step.id: 12})
    assert (info.value.element, info.value.line) == (step.id, 12)


# --- law ids ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("law", ["../../x", "/etc/passwd", "wpg/../fzv", "A/B", "WPG.yaml", "", "-x", "W P G"])
def test_a_models_law_is_an_id_never_a_path(law: str, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(SOLL.read_text(encoding="utf-8").replace("\nlaw: WPG", f"\nlaw: {law!r}", 1), encoding="utf-8")
    with pytest.raises(ModelError, match="is not a catalogue id") as info:
        load_model(path)
    assert info.value.line is not None
    with pytest.raises(ValidationError):
        OperationalModel(law=law)


def test_catalogue_lookup_goes_through_the_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "WPG").write_text("a: b\n", encoding="utf-8")  # a file named like the id: never opened
    assert catalogue_path("WPG") == RULES / "wpg" / "catalogue.yaml"
    assert load_law_catalogue("wpg").id == "WPG"
    for bad in ("../rules/wpg", "/etc/passwd", str(RULES / "wpg" / "catalogue.yaml")):
        with pytest.raises(CatalogueError, match="not a catalogue id"):
            load_law_catalogue(bad)
    with pytest.raises(CatalogueError, match="unknown catalogue 'NOPE'"):
        load_law_catalogue("NOPE")
    assert load_catalogue(RULES / "fzv" / "catalogue.yaml").id == "FZV"  # a path from the command line is fine


def test_catalogue_folder_must_hold_its_own_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = rules_copy(tmp_path)
    monkeypatch.setenv("VOLLZUG_RULES_DIR", str(rules))
    shutil.copytree(rules / "wpg", rules / "other")
    with pytest.raises(CatalogueError, match="has id 'WPG', not 'OTHER'"):
        load_law_catalogue("OTHER")


def test_bpmn_model_law_that_is_a_path_is_dropped_with_a_warning(tmp_path: Path) -> None:
    bpmn = build_bpmn(load_yaml_model(SOLL).model).replace(b'law="WPG"', b'law="../../etc/passwd"', 1)
    path = tmp_path / "m.bpmn"
    path.write_bytes(bpmn)
    loaded = load_model(path)
    assert loaded.model.law is None
    assert any(d.code == "RD006" and "not a catalogue id" in d.message for d in loaded.diagnostics)


def test_report_cannot_write_outside_its_output_folder(tmp_path: Path) -> None:
    """The issue's reproducer: a town with ``law: ../../x`` made ``report`` write CSVs outside ``-o``."""
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    town = work / "town.yaml"
    town.write_text(SOLL.read_text(encoding="utf-8").replace("\nlaw: WPG", "\nlaw: ../../x", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "vollzug", "report", "-r", str(SOLL), "-o", str(work / "out"),
                             "--format", "csv", str(town)], capture_output=True, text=True, timeout=300,
                            cwd=work, env={**os.environ, "PYTHONPATH": SRC}, check=False)
    assert "is not a catalogue id" in result.stderr
    assert "internal error" not in result.stderr
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and (work / "out") not in p.parents and p != town]
    assert outside == []


def test_law_options_refuse_paths() -> None:
    for command in (["report", "-r", str(SOLL), "-o", "/tmp/never"], ["compare", "-r", str(SOLL)]):
        result = subprocess.run([sys.executable, "-m", "vollzug", *command, "--law", "../x", str(SOLL)],
                                capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": SRC},
                                check=False)
        assert result.returncode == 2
        assert "is not a catalogue id" in result.stderr
