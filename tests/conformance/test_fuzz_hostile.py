"""Fuzzing over mutated real BPMN (issue 12): the reader, ``validate`` and ``diff`` entry points, in process, may
only fail with vollzug's own error classes — any other exception (``internal error`` in the CLI) fails the test.

Seeds are the shared MIWG files (BPMN from ~20 modelling tools), read at test time; mutations are byte flips,
truncation, deletions, insertions of hostile snippets, tag and attribute edits and re-encoding. Bounded:
``max_examples`` and derandomised (the same cases every run, so a failure reproduces); no timing assertion.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vollzug.bpmn.validate import validate_file
from vollzug.diff.engine import diff_files
from vollzug.errors import VollzugError
from vollzug.loader import load_model

MIWG = Path("/work/shared/corpora/miwg")
SEEDS = sorted(p for p in MIWG.rglob("*.bpmn") if p.stat().st_size < 40_000) if MIWG.is_dir() else []
SEEDS = SEEDS[:: max(1, len(SEEDS) // 40)]  # ~40 files from many tools

SNIPPETS = [
    b'<!DOCTYPE d SYSTEM "file:///dev/stdin">', b'<!ENTITY e "x">', b"&e;", b"&#1;", b"\x01", b"\x00", b"\xff\xfe",
    b"<![CDATA[", b"]]>", b"<!--", b"-->", b"<?pi x?>", b'xmlns:x="urn:x" x:a="1"', b'id="dup"', b"</", b">",
    b'x="abc"', b'width="nan"', b'y="1e999"', b'sourceRef="nowhere"', b"\xc3\x28", "Prüfung".encode(),
]
TAGS = [b"task", b"process", b"sequenceFlow", b"definitions", b"BPMNShape", b"Bounds", b"waypoint", b"lane",
        b"participant", b"extensionElements", b"documentation", b"startEvent"]
ENCODINGS = ["utf-16", "utf-16-be", "utf-32", "latin-1", "utf-8-sig"]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Path, bytes]:
    seed = draw(st.sampled_from(SEEDS))
    data = seed.read_bytes()
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["flip", "truncate", "delete", "insert", "tag", "attribute", "encoding"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
        elif kind == "truncate":
            data = data[:at]
        elif kind == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 200)):]
        elif kind == "insert":
            data = data[:at] + draw(st.sampled_from(SNIPPETS)) + data[at:]
        elif kind == "tag":
            old, new = draw(st.sampled_from(TAGS)), draw(st.sampled_from([*TAGS, b"x", b"bpmn:task", b""]))
            data = data.replace(b":" + old + b" ", b":" + new + b" ", draw(st.integers(1, 5)))
        elif kind == "attribute":
            name = draw(st.sampled_from([b"id", b"x", b"y", b"width", b"sourceRef", b"targetRef", b"name",
                                         b"bpmnElement", b"processRef", b"isExpanded"]))
            value = draw(st.sampled_from([b"", b"abc", b"nan", b"-1e400", b"dup", b"a b", b"\xe2\x80\xae", b"&amp;"]))
            data = re.sub(rb"\b" + name + rb'="[^"]*"', name + b'="' + value + b'"', data,
                          count=draw(st.integers(1, 4)))
        else:
            codec = draw(st.sampled_from(ENCODINGS))
            text = data.decode("utf-8", errors="replace")
            text = re.sub(r'encoding="[^"]*"', f'encoding="{codec.removesuffix("-sig")}"', text, count=1)
            data = text.encode(codec, errors="replace")
    return seed, data


@pytest.mark.skipif(not SEEDS, reason="shared MIWG corpus not available")
@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_mutated_real_bpmn_fails_only_with_our_errors(case: tuple[Path, bytes]) -> None:
    seed, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / seed.name
        path.write_bytes(data)
        for run in (lambda: load_model(path), lambda: validate_file(path), lambda: diff_files(path, path),
                    lambda: diff_files(seed, path)):
            try:
                run()
            except VollzugError as exc:
                assert "\n" not in str(exc), f"error message is not one line: {exc!r}"
