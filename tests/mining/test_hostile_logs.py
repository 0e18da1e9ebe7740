"""Hostile event logs generated at test time (issue 12, item 5): gzip bombs, event bombs, DOCTYPEs, missing
case ids and timestamps; and the real BPIC 2015 log read exactly as pm4py reads it.

A gzip bomb is many gzip members of one small compressed chunk (``gzip`` reads concatenated members as one
stream): 10 GiB decompressed from a few MB on disk, made in milliseconds, never written out decompressed.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from vollzug.errors import ConfigError, HostileInputError, InputError
from vollzug.mining.log import read_log
from vollzug.mining.logsafe import LogLimits

SRC = str(Path(__file__).parents[2] / "src")
BPIC = Path(__file__).parents[2].parent / "shared" / "corpora" / "logs" / "bpic2015" / "BPIC15_2.xes.gz"
if not BPIC.is_file():
    BPIC = Path("/work/shared/corpora/logs/bpic2015/BPIC15_2.xes.gz")
HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0" xmlns="http://www.xes-standard.org/">\n'
EVENT = (b'<event><string key="concept:name" value="a"/>'
         b'<date key="time:timestamp" value="2024-01-01T00:00:00+01:00"/></event>\n')
MiB = 1024 * 1024


def gzip_bomb(path: Path, head: bytes, filler: bytes, decompressed: int, tail: bytes = b"") -> Path:
    chunk = filler * (4 * MiB // len(filler))
    member = gzip.compress(chunk, compresslevel=9)
    with path.open("wb") as out:
        out.write(gzip.compress(head))
        for _ in range(decompressed // len(chunk)):
            out.write(member)
        out.write(gzip.compress(tail))
    return path


def xes(traces: str) -> bytes:
    return HEAD + traces.encode() + b"</log>\n"


def test_ten_gib_gzip_bomb_stops_at_the_size_limit_in_bounded_memory(tmp_path: Path) -> None:
    """10 GiB of log-level attributes: the parser would read them all; the limit stops it (here 64 MiB, the
    default 1 GiB is measured in benchmarks/bench_hostile.py). The child has 1 GB more address space than at
    start."""
    bomb = gzip_bomb(tmp_path / "bomb.xes.gz", HEAD, b'<string key="k" value="%s"/>\n' % (b"v" * 4000), 10 * 1024 * MiB,
                     b"</log>")
    assert bomb.stat().st_size < 30 * MiB
    code = f"""
        import resource
        soft = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize() + 1024 ** 3
        resource.setrlimit(resource.RLIMIT_AS, (soft, soft))
        from vollzug.errors import HostileInputError
        from vollzug.mining.log import read_log
        from vollzug.mining.logsafe import LogLimits
        try:
            read_log({str(bomb)!r}, limits=LogLimits(max_bytes=64 * 1024 * 1024))
        except HostileInputError as exc:
            print(exc)
    """
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                            timeout=300, env={**os.environ, "PYTHONPATH": SRC}, check=False)
    assert "larger than 64 MiB (decompressed)" in result.stdout, result.stderr


def test_event_bomb_stops_at_the_event_limit_with_line(tmp_path: Path) -> None:
    bomb = gzip_bomb(tmp_path / "events.xes.gz", HEAD + b"<trace>\n", EVENT, 64 * MiB, b"</trace></log>")
    with pytest.raises(HostileInputError, match="more than 1000 events"):
        read_log(bomb, limits=LogLimits(max_events=1000))  # counted before parsing (in UTF-8)


def test_event_limit_while_parsing_a_utf16_log(tmp_path: Path) -> None:
    """The pre-count sees only ASCII ``<event``; in UTF-16 the parser counts, with the line."""
    path = tmp_path / "u16.xes"
    text = (HEAD.decode().replace("UTF-8", "UTF-16") + '<trace><string key="concept:name" value="c"/>\n'
            + EVENT.decode() * 5 + "</trace></log>\n")
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(HostileInputError, match="more than 3 events") as info:
        read_log(path, limits=LogLimits(max_events=3))
    assert info.value.line == 3 + 4  # the fourth event
    assert read_log(path).event_count == 5


def test_csv_gzip_bomb_and_row_limit(tmp_path: Path) -> None:
    bomb = gzip_bomb(tmp_path / "bomb.csv.gz", b"case_id,activity,timestamp\n", b"1,a,2024-01-01\n", 64 * MiB)
    with pytest.raises(HostileInputError, match="larger than 8 MiB"):
        read_log(bomb, limits=LogLimits(max_bytes=8 * MiB))
    with pytest.raises(HostileInputError, match="more than 100 events"):
        read_log(bomb, limits=LogLimits(max_events=100, max_bytes=100 * MiB))


def test_trace_without_case_id_names_the_attribute(tmp_path: Path) -> None:
    path = tmp_path / "nocase.xes"
    path.write_bytes(xes('<trace>\n<string key="other" value="x"/>\n' + EVENT.decode() + "</trace>\n"))
    with pytest.raises(InputError, match="trace without case id \\(attribute 'concept:name'\\)") as info:
        read_log(path)
    assert info.value.line == 3


def test_event_without_timestamp_names_the_attribute(tmp_path: Path) -> None:
    path = tmp_path / "notime.xes"
    path.write_bytes(xes('<trace><string key="concept:name" value="c1"/>\n'
                         '<event><string key="concept:name" value="a"/></event>\n</trace>\n'))
    with pytest.raises(InputError, match="event without timestamp \\(attribute 'time:timestamp'\\)") as info:
        read_log(path)
    assert info.value.line == 4


def test_csv_without_case_id_or_timestamp_column(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("activity,timestamp\na,2024-01-01\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no case id column"):
        read_log(path)
    path.write_text("case_id,activity\n1,a\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no timestamp column"):
        read_log(path)


@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "utf-32"])
def test_doctype_in_a_log_refused_without_opening_it(codec: str, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    path = tmp_path / "dtd.xes.gz"
    text = (f'<?xml version="1.0" encoding="{codec.upper()}"?>\n<!DOCTYPE log SYSTEM "file://{fifo}">\n'
            '<log xmlns="http://www.xes-standard.org/"/>')
    path.write_bytes(gzip.compress(text.encode(codec)))
    code = f"""
        from vollzug.errors import HostileInputError
        from vollzug.mining.log import read_log
        try:
            read_log({str(path)!r})
        except HostileInputError as exc:
            print("refused", exc.line)
    """
    try:
        result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                                timeout=60, env={**os.environ, "PYTHONPATH": SRC}, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("reading the log hung on the FIFO its DOCTYPE names")
    assert result.stdout.split() == ["refused", "2"], result.stderr


def test_not_a_log_and_broken_xml(tmp_path: Path) -> None:
    path = tmp_path / "x.xes"
    path.write_bytes(b"<definitions/>")
    with pytest.raises(InputError, match="expected <log>"):
        read_log(path)
    path.write_bytes(HEAD + b"<trace><event>")
    with pytest.raises(InputError, match="not a readable XES event log"):
        read_log(path)


@pytest.mark.slow
def test_real_bpic_log_reads_as_pm4py_reads_it() -> None:
    """BPIC 2015 (municipality 2): the same cases, events, activities and timestamps as pm4py's own reader."""
    if not BPIC.is_file():
        pytest.skip("shared corpus not available")
    import pm4py

    ours = read_log(BPIC)
    frame = pm4py.read_xes(str(BPIC), variant="iterparse")
    assert ours.event_count == len(frame)
    assert len(ours.traces) == frame["case:concept:name"].nunique()
    first = ours.traces[0]
    theirs = frame[frame["case:concept:name"] == first.case_id].sort_values("time:timestamp", kind="stable")
    assert sorted(first.activities) == sorted(theirs["concept:name"])
    assert {e.timestamp for e in first.events} == {t.to_pydatetime() for t in theirs["time:timestamp"]}
    assert first.attributes.get("caseStatus") == theirs["case:caseStatus"].iloc[0]
