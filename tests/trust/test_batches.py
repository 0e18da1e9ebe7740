"""Batches keep going: one unreadable file is reported (file:line: reason), counted and left out, the others are
processed, the run ends with a summary and exit 2; --fail-fast stops at the first. Reports name the excluded files
first. An empty input set is an error. Run on real third-party BPMN (MIWG) and on the example towns."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.trust.conftest import MIWG, MODELS, SOLL, vollzug

CORRUPT = (b'<?xml version="1.0"?>\n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"\n'
           b'  id="x">\n<process')


@pytest.fixture
def miwg(tmp_path: Path) -> Path:
    """Six MIWG files of three modelling tools plus one truncated file."""
    if not MIWG.is_dir():
        pytest.fail(f"shared MIWG corpus missing: {MIWG}")
    folder = tmp_path / "miwg"
    folder.mkdir()
    for tool in ("bpmn.io_Camunda_Modeler_18.6.1", "Trisotech_Workflow_Modeler_12.6.3", "Activiti_Designer_5.14.1"):
        for name in ("A.1.0-export.bpmn", "A.2.0-export.bpmn"):
            source = MIWG / tool / name
            if source.is_file():
                shutil.copy(source, folder / f"{tool}-{name}")
    assert len(list(folder.iterdir())) >= 4
    (folder / "broken.bpmn").write_bytes(CORRUPT)
    return folder


@pytest.fixture
def towns(tmp_path: Path) -> Path:
    """Three example towns, one of them with a YAML syntax error, and a symbolic link loop."""
    folder = tmp_path / "towns"
    for name in ("rheine", "greven"):
        shutil.copytree(MODELS / "ist" / name, folder / name)
    (folder / "bad").mkdir()
    (folder / "bad" / "wpg.yaml").write_text("kind: operational_model\nid: bad\nsteps: [\n", encoding="utf-8")
    loop = folder / "loop"
    loop.mkdir()
    (loop / "a.yaml").symlink_to("b.yaml")
    (loop / "b.yaml").symlink_to("a.yaml")
    return folder


def _excluded_lines(stderr: str, *names: str) -> list[str]:
    return [line for line in stderr.splitlines() if any(n in line for n in names)]


def test_validate_a_miwg_folder_with_one_corrupt_file(miwg: Path) -> None:
    files = sorted(miwg.iterdir())
    result = vollzug("validate", "--no-xsd", *files)
    assert result.returncode == 2, result.stderr
    [line] = _excluded_lines(result.stderr, "broken.bpmn")
    assert line.startswith(f"{miwg / 'broken.bpmn'}:") and "not well-formed XML" in line
    assert f"{len(files)} file(s): {len(files) - 1} processed, 1 unreadable and excluded." in result.stderr
    assert f"{len(files) - 1} file(s) checked" in result.stderr  # the others were validated
    folder_run = vollzug("validate", "--no-xsd", miwg)  # a folder works the same
    assert folder_run.returncode == 2 and folder_run.stderr == result.stderr
    data = json.loads(vollzug("validate", "--no-xsd", "--format", "json", miwg).stdout)
    assert [d["file"] for d in data if d.get("excluded")] == [str(miwg / "broken.bpmn")]
    assert sum(1 for d in data if not d.get("excluded")) == len(files) - 1


def test_fail_fast_stops_at_the_first_unreadable_file(miwg: Path) -> None:
    result = vollzug("validate", "--fail-fast", miwg / "broken.bpmn", *sorted(miwg.glob("*-export.bpmn")))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]  # one line, no summary
    assert result.stdout == ""  # nothing after it was validated


def test_check_goes_on_and_exits_2(miwg: Path) -> None:
    result = vollzug("check", miwg)
    assert result.returncode == 2
    assert len(_excluded_lines(result.stderr, "broken.bpmn")) == 1
    checked = [line for line in result.stdout.splitlines() if "file(s)," in line]
    assert checked and checked[0].startswith(f"{len(list(miwg.iterdir())) - 1} file(s)")
    assert vollzug("check", "--fail-fast", miwg).returncode == 2


def test_compare_names_the_excluded_towns(towns: Path) -> None:
    result = vollzug("compare", towns, "-r", SOLL, "--format", "json", "--no-rules")
    assert result.returncode == 2, result.stderr
    document = json.loads(result.stdout)
    excluded = {Path(x["file"]).name: x for x in document["excluded"]}
    assert set(excluded) == {"wpg.yaml", "a.yaml", "b.yaml"}
    assert isinstance(excluded["wpg.yaml"]["line"], int) and "YAML" in excluded["wpg.yaml"]["reason"]
    assert "symbolic links" in excluded["a.yaml"]["reason"]
    assert {t["name"] for t in document["comparisons"][0]["towns"]} == {"Rheine", "Greven"}
    assert "5 file(s): 2 processed, 3 unreadable and excluded." in result.stderr
    text = vollzug("compare", towns, "-r", SOLL, "--no-rules", "--lang", "en")
    assert text.returncode == 2 and text.stdout.startswith("Excluded files (unreadable)")
    fast = vollzug("compare", towns, "-r", SOLL, "--fail-fast", "--no-rules")
    assert fast.returncode == 2 and fast.stdout == "" and len(fast.stderr.strip().splitlines()) == 1


def test_report_says_prominently_which_towns_were_excluded(towns: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = vollzug("report", towns, "-r", SOLL, "-o", out, "-q", "--diff", "fast")
    assert result.returncode == 2, result.stderr
    html = (out / "index.html").read_text(encoding="utf-8")
    section = html.index('id="excluded"')
    assert section < html.index('id="wpg-overview"') and "Excluded files (unreadable)" in html
    assert str(towns / "bad" / "wpg.yaml") in html
    md = (out / "report.md").read_text(encoding="utf-8")
    assert md.index("Excluded files") < md.index("## ")
    assert len(json.loads((out / "report.json").read_bytes())["excluded"]) == 3
    rows = list(csv.reader(io.StringIO((out / "excluded.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["file", "line", "reason"] and len(rows) == 4
    import openpyxl

    assert openpyxl.load_workbook(out / "report.xlsx")["excluded"].max_row == 4


def test_build_a_folder_with_one_broken_model(tmp_path: Path) -> None:
    folder = tmp_path / "models"
    shutil.copytree(MODELS / "ist" / "rheine", folder / "rheine")
    (folder / "bad.yaml").write_text("kind: operational_model\nsteps:\n  - id: [\n", encoding="utf-8")
    result = vollzug("build", folder)
    assert result.returncode == 2
    assert (folder / "rheine" / "wpg.bpmn").is_file()
    assert any(line.startswith(f"{folder / 'bad.yaml'}:") for line in result.stderr.splitlines())


@pytest.mark.parametrize("argv", [
    ["validate"], ["check"], ["build"], ["compare", "-r", str(SOLL)], ["report", "-r", str(SOLL), "-o", "{out}"],
])
def test_an_empty_input_set_is_an_error(argv: list[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("no models here", encoding="utf-8")
    args = [a.replace("{out}", str(tmp_path / "out")) for a in argv]
    result = vollzug(args[0], empty, *args[1:])
    assert result.returncode == 2
    assert result.stderr.strip() == f"vollzug: error: no model files found in: {empty}"
    assert not (tmp_path / "out").exists()


def test_a_symlink_loop_given_directly_is_one_line(towns: Path) -> None:
    for command in ("check", "show", "diff"):
        extra = [SOLL] if command == "diff" else []
        result = vollzug(command, towns / "loop" / "a.yaml", *extra)
        assert result.returncode == 2
        assert result.stderr.strip().splitlines() == [
            f"vollzug: error: {towns / 'loop' / 'a.yaml'}: symbolic link loop (too many levels of symbolic links)"]



def test_the_whole_miwg_corpus_in_one_run() -> None:
    """All 35 tools' files at once: the few a reader refuses are listed, every other file is validated."""
    if not MIWG.is_dir():
        pytest.fail(f"shared MIWG corpus missing: {MIWG}")
    total = sum(1 for _ in MIWG.rglob("*.bpmn"))
    result = vollzug("validate", "--no-xsd", MIWG)
    excluded = [line for line in result.stderr.splitlines() if line.startswith(str(MIWG))]
    assert result.returncode == 2 and 0 < len(excluded) < total / 20
    assert all(line.split(":")[1].isdigit() for line in excluded)  # file:line: reason
    done = total - len(excluded)
    assert f"{total} file(s): {done} processed, {len(excluded)} unreadable and excluded." in result.stderr
    assert f"{done} file(s) checked" in result.stderr


def test_compare_with_worker_processes_excludes_too(tmp_path: Path) -> None:
    towns = tmp_path / "towns"
    assert vollzug("synth", "--towns", "10", "--from", SOLL, "-o", towns, "-q").returncode == 0
    (towns / "zz").mkdir()
    (towns / "zz" / "wpg.yaml").write_text("steps: [\n", encoding="utf-8")
    result = vollzug("compare", towns, "-r", SOLL, "-j", "2", "--format", "json", "--no-rules", "-q")
    assert result.returncode == 2, result.stderr
    document = json.loads(result.stdout)
    assert [Path(x["file"]).parent.name for x in document["excluded"]] == ["zz"]
    assert len(document["comparisons"][0]["towns"]) == 10


def test_mine_compare_leaves_out_an_unreadable_log() -> None:
    from tests.trust.conftest import LOGS

    result = vollzug("mine", "compare", LOGS / "fitting.csv", LOGS / "broken.csv", LOGS / "town-b.csv",
                     "--labels", "A,X,B", "--format", "json")
    assert result.returncode == 2, result.stderr
    document = json.loads(result.stdout)
    assert list(document["labels"]) == ["A", "B"]  # the broken log's label went with it
    [excluded] = document["excluded"]
    assert excluded.startswith(f"{LOGS / 'broken.csv'}:3: ")
    assert "3 file(s): 2 processed, 1 unreadable and excluded." in result.stderr
    text = vollzug("mine", "compare", LOGS / "fitting.csv", LOGS / "broken.csv", LOGS / "town-b.csv",
                   "--format", "markdown", "--lang", "en").stdout
    assert text.index("Excluded logs (unreadable)") < text.index("## ", text.index("Excluded") + 10)
    fast = vollzug("mine", "compare", LOGS / "fitting.csv", LOGS / "broken.csv", "--fail-fast")
    assert fast.returncode == 2 and len(fast.stderr.strip().splitlines()) == 1
