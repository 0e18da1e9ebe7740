"""The streamed JSON of a diff: the same bytes as dumping the whole result at once, written atomically."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest

from tests.diff.diffcase import FIXTURES, case_files
from vollzug.cli.errors import run
from vollzug.cli.main import cli
from vollzug.diff.changes import DiffResult
from vollzug.diff.emit import EmitContext, streamer
from vollzug.diff.emit.json import emit
from vollzug.diff.engine import DiffOptions, diff_files
from vollzug.errors import OutputError
from vollzug.fileio import open_atomic

CORPORA = Path(os.environ.get("VOLLZUG_CORPORA", "/work/shared/corpora"))
DIFFER = CORPORA / "bpmn-js-differ" / "fixtures"
MIWG = CORPORA / "miwg"


def _pairs() -> list[tuple[Path, Path]]:
    pairs = [case_files(case) for case in sorted(FIXTURES.iterdir()) if case.is_dir()]
    if DIFFER.is_dir():
        pairs += [(d / "before.bpmn", d / "after.bpmn") for d in sorted(DIFFER.iterdir())
                  if (d / "before.bpmn").is_file() and (d / "after.bpmn").is_file()]
    if MIWG.is_dir():
        tool = MIWG / "bpmn.io_Camunda_Modeler_18.6.1"
        pairs += [(tool / f"{m}-export.bpmn", tool / f"{m}-roundtrip.bpmn") for m in ("C.3.0", "A.4.1")]
    return pairs


def _whole(result: DiffResult) -> bytes:
    return (json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


@pytest.mark.parametrize(("left", "right"), _pairs(), ids=lambda p: f"{p.parent.name}/{p.name}")
@pytest.mark.parametrize("match", ["id", "auto"])
def test_streamed_bytes_equal_the_whole_dump(left: Path, right: Path, match: str) -> None:
    result = diff_files(left, right, DiffOptions(match=match))  # type: ignore[arg-type]
    assert emit(result, EmitContext()) == _whole(result)


def test_empty_result_lists_and_defaults() -> None:
    result = DiffResult()
    assert emit(result, EmitContext()) == _whole(result)


def test_cli_output_file_equals_stdout(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    left, right = case_files(FIXTURES / "split")
    target = tmp_path / "out" / "diff.json"
    for extra in ([], ["-o", str(target)]):
        with pytest.raises(SystemExit) as exc:
            run(cli, ["diff", str(left), str(right), "--format", "json", *extra])
        assert exc.value.code == 1
    stdout = capsysbinary.readouterr().out
    assert target.read_bytes() == stdout
    assert json.loads(stdout)["kind"] == "diff_result"
    assert [p.name for p in target.parent.iterdir()] == ["diff.json"]  # no temporary file left


def test_json_is_a_streaming_format() -> None:
    assert streamer("json") is not None and streamer("text") is None


def test_open_atomic_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "diff.json"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), open_atomic(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("stopped in the middle")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["diff.json"]
    with open_atomic(target) as handle:
        handle.write(b"new")
    assert target.read_bytes() == b"new"


def test_open_atomic_reports_an_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError), open_atomic(blocker / "diff.json") as handle:
        handle.write(b"never")


def _chain(n: int, relabel_every: int) -> str:
    bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL"
    nodes = [("S", "startEvent", "Start")]
    nodes += [(f"T{i}", "task", f"Schritt {i}" + (" neu" if relabel_every and i % relabel_every == 0 else ""))
              for i in range(n)]
    nodes.append(("E", "endEvent", "Ende"))
    body = [f'<{kind} id="{i}" name="{label}"/>' for i, kind, label in nodes]
    body += [f'<sequenceFlow id="F{k}" sourceRef="{a[0]}" targetRef="{b[0]}"/>'
             for k, (a, b) in enumerate(itertools.pairwise(nodes))]
    return (f'<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="{bpmn}" id="D" targetNamespace="urn:t">'
            f'<process id="P">{"".join(body)}</process></definitions>')


def test_streaming_never_holds_the_whole_document(tmp_path: Path) -> None:
    """Peak Python allocation while writing a 2,000-step diff stays far below the size of its JSON (the whole dump
    would need the full string and the full dict at once)."""
    import tracemalloc

    left, right = tmp_path / "l.bpmn", tmp_path / "r.bpmn"
    left.write_text(_chain(2000, 0), encoding="utf-8")
    right.write_text(_chain(2000, 2), encoding="utf-8")
    result = diff_files(left, right, DiffOptions(match="id"))
    target = tmp_path / "d.json"
    tracemalloc.start()
    try:
        with target.open("wb") as handle:
            streamer("json")(result, EmitContext(), handle)  # type: ignore[misc]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    size = target.stat().st_size
    assert size > 500_000 and peak < size / 3, (size, peak)
    assert target.read_bytes() == _whole(result)
