"""Inputs are sacred: every writing command refuses, with exit 2 and one line, an output that is one of its inputs
(same path, through a symbolic link, a hard link or ``..``) or that is not a regular file (a device node, a FIFO, a
folder); the input's bytes and the node stay as they were. ``-o -`` writes to standard output."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.trust.conftest import LOGS, MODELS, SOLL, digest, vollzug
from vollzug.errors import OutputError
from vollzug.output.guard import check_target, clear_inputs

Case = tuple[str, Callable[[Path, Path], list[str | Path]]]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with one model as YAML (``a/a.yaml``) and as BPMN (``a/a.bpmn``), and a log."""
    folder = tmp_path / "a"
    folder.mkdir()
    shutil.copy(SOLL, folder / "a.yaml")
    assert vollzug("build", folder / "a.yaml", "-o", folder / "a.bpmn").returncode == 0
    shutil.copy(LOGS / "fitting.csv", folder / "log.csv")
    return folder


# (name of the input in the work folder, argv given the input and the output target)
CASES: dict[str, tuple[str, Callable[[Path, Path], list[str | Path]]]] = {
    "build": ("a.yaml", lambda i, o: ["build", i, "-o", o]),
    "import": ("a.bpmn", lambda i, o: ["import", i, "-o", o, "-q"]),
    "convert-bpmn": ("a.bpmn", lambda i, o: ["convert", i, "-o", o]),
    "convert-yaml": ("a.yaml", lambda i, o: ["convert", i, "-o", o]),
    "check": ("a.yaml", lambda i, o: ["check", i, "-o", o]),
    "diff-left": ("a.yaml", lambda i, o: ["diff", i, MODELS / "ist" / "rheine" / "wpg.yaml", "-o", o]),
    "diff-right": ("a.bpmn", lambda i, o: ["diff", MODELS / "ist" / "rheine" / "wpg.yaml", i, "-o", o]),
    "render-svg": ("a.yaml", lambda i, o: ["render", i, "--format", "svg", "-o", o]),
    "render-dot": ("a.yaml", lambda i, o: ["render", i, "--format", "dot", "-o", o]),
    "mine-discover": ("log.csv", lambda i, o: ["mine", "discover", i, "-o", o]),
    "mine-conform-log": ("log.csv", lambda i, o: ["mine", "conform", i, "--model", LOGS / "soll-baugenehmigung.yaml",
                                                  "--method", "tokens", "--no-precision", "-o", o]),
    "mine-compare": ("log.csv", lambda i, o: ["mine", "compare", i, LOGS / "town-b.csv", "-o", o]),
}
SUFFIX = {"convert-bpmn": ".bpmn", "convert-yaml": ".yaml", "mine-discover": ".yaml"}


def _target(kind: str, source: Path) -> Path:
    """The output path naming ``source`` in one of several ways."""
    if kind == "same":
        return source
    if kind == "dotdot":
        return source.parent / ".." / source.parent.name / source.name
    if kind == "symlink":
        link = source.parent / f"link{source.suffix}"
        link.symlink_to(source.name)
        return link
    hard = source.parent / f"hard{source.suffix}"
    os.link(source, hard)
    return hard


def assert_refused(result: object, *words: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)  # type: ignore[attr-defined]
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, result.stderr  # type: ignore[attr-defined]
    assert lines[0].startswith("vollzug: error: ") and "Traceback" not in lines[0]
    for word in words:
        assert word in lines[0]


@pytest.mark.parametrize("kind", ["same", "symlink", "dotdot", "hardlink"])
@pytest.mark.parametrize("name", list(CASES))
def test_output_onto_an_input_is_refused(name: str, kind: str, work: Path) -> None:
    file_name, argv = CASES[name]
    source = work / file_name
    before = digest(source)
    target = _target(kind, source)
    assert_refused(vollzug(*argv(source, target)), "is an input of this command", str(target))
    assert digest(source) == before
    if kind == "symlink":
        assert target.is_symlink()


def _device(tmp_path: Path) -> Path:
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    return node


@pytest.mark.parametrize("name", list(CASES))
def test_output_onto_a_device_or_fifo_is_refused_and_the_node_survives(name: str, work: Path, tmp_path: Path
                                                                          ) -> None:
    file_name, argv = CASES[name]
    source = work / file_name
    before = digest(source)
    device = _device(tmp_path)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    folder = tmp_path / f"folder{SUFFIX.get(name, '')}"
    folder.mkdir()
    for node, what, test in ((device, "character device", stat.S_ISCHR), (fifo, "FIFO", stat.S_ISFIFO),
                             (folder, "folder", stat.S_ISDIR)):
        assert_refused(vollzug(*argv(source, node)), what, "not a regular file")
        assert test(node.lstat().st_mode)
    assert digest(source) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a", "null", "fifo", folder.name])  # no temp files


def test_the_real_dev_null_survives(work: Path) -> None:
    """``-o /dev/null`` as root: refused (before it reaches the CLI the library check must refuse it, so a broken
    guard fails here instead of replacing the machine's /dev/null)."""
    clear_inputs()
    with pytest.raises(OutputError, match="character device"):
        check_target("/dev/null")
    before = os.stat("/dev/null")
    assert_refused(vollzug("check", work / "a.yaml", "-o", "/dev/null"), "character device")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_dash_writes_to_stdout(work: Path) -> None:
    result = vollzug("diff", work / "a.yaml", work / "a.bpmn", "--format", "json", "-o", "-")
    assert result.returncode in (0, 1) and result.stdout.lstrip().startswith("{")
    assert not (work / "-").exists()


def test_a_link_to_another_file_is_written_through(work: Path, tmp_path: Path) -> None:
    real = tmp_path / "findings.txt"
    real.write_text("old\n", encoding="utf-8")
    link = work / "findings.txt"
    link.symlink_to(real)
    assert vollzug("check", work / "a.yaml", "-o", link).returncode in (0, 1)
    assert link.is_symlink() and "old" not in real.read_text(encoding="utf-8")


def test_a_dangling_link_is_refused(work: Path, tmp_path: Path) -> None:
    link = work / "out.txt"
    link.symlink_to(tmp_path / "missing" / "x.txt")
    assert_refused(vollzug("check", work / "a.yaml", "-o", link), "symbolic link to a missing file")
    assert not (tmp_path / "missing").exists()


def test_decompose_synth_compare_report_refuse_non_regular_targets(tmp_path: Path) -> None:
    device = _device(tmp_path)
    assert_refused(vollzug("decompose", "WPG", "-m", "Metelen", "-o", device), "character device")
    assert_refused(vollzug("synth", "--towns", "2", "--from", SOLL, "-o", device), "output folder")
    rheine = MODELS / "ist" / "rheine"
    assert_refused(vollzug("compare", rheine, "-r", SOLL, "-o", device, "--format", "json"), "output folder")
    assert_refused(vollzug("report", rheine, "-r", SOLL, "-o", device, "-q"), "output folder")
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_synth_refuses_to_replace_its_reference(tmp_path: Path) -> None:
    """``synth --from DIR/metelen/wpg.yaml -o DIR`` would write a town over its own reference."""
    assert vollzug("synth", "--towns", "1", "--from", SOLL, "-o", tmp_path, "--seed", "3").returncode == 0
    [written] = list(tmp_path.glob("*/wpg.yaml"))
    before = digest(written)
    assert_refused(vollzug("synth", "--towns", "1", "--from", written, "-o", tmp_path, "--seed", "3"),
                   "is an input of this command")
    assert digest(written) == before


@pytest.mark.parametrize("command", ["compare", "report"])
def test_output_folder_holding_the_inputs(command: str, tmp_path: Path) -> None:
    """compare writes single files into a folder that holds the inputs (none is replaced); report replaces its
    folder as a whole and refuses one that holds anything but an earlier report."""
    towns = tmp_path / "towns"
    shutil.copytree(MODELS / "ist" / "rheine", towns / "rheine")
    model = towns / "rheine" / "wpg.yaml"
    before = digest(model)
    args = [command, towns, "-r", SOLL, "-o", towns / "rheine", "--format", "json"]
    result = vollzug(*args, *(["-q"] if command == "report" else []))
    if command == "compare":
        assert result.returncode in (0, 1), result.stderr
        assert (towns / "rheine" / "report.json").is_file()
    else:
        assert_refused(result, "refusing to replace the output folder", str(towns / "rheine"))
        assert not (towns / "rheine" / "report.json").exists()
    assert digest(model) == before


def test_report_refuses_a_folder_with_foreign_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.docx").write_bytes(b"mine")
    assert_refused(vollzug("report", MODELS / "ist" / "rheine", "-r", SOLL, "-o", out, "-q", "--format", "md"),
                   "not part of a vollzug report")
    assert (out / "notes.docx").read_bytes() == b"mine"


def test_report_onto_a_file_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("x", encoding="utf-8")
    assert_refused(vollzug("report", MODELS / "ist" / "rheine", "-r", SOLL, "-o", out, "-q"), "is a file")
    assert out.read_text(encoding="utf-8") == "x"
