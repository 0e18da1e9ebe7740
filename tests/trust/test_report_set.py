"""Atomic replacement of a whole report set: after a kill -9, a full disk (ENOSPC, on a small tmpfs) or a file-size
limit (EFBIG, ``RLIMIT_FSIZE`` in a child process) the output folder holds either the complete old set or the
complete new set — never a mixture, never an empty folder — and the next run cleans up what a killed run left."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.trust.conftest import MODELS, ROOT, SOLL, digest
from vollzug.errors import OutputError
from vollzug.output.tree import exchange, recover, replace_tree

OLD = {f"{n}.csv": f"old {n}\n".encode() for n in "abcde"}
NEW = {f"{n}.csv": f"new {n}\n".encode() for n in "abcdef"}
ALLOWED = ("*.csv",)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}."))


def test_replace_swaps_the_whole_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    replace_tree(out, OLD, ALLOWED)
    assert snapshot(out) == OLD
    replace_tree(out, {"a.csv": b"only\n"}, ALLOWED)
    assert snapshot(out) == {"a.csv": b"only\n"}  # files of the old set not in the new one are gone
    assert leftovers(out) == []


def test_exchange_is_atomic_on_this_file_system(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "in-x").touch()
    assert exchange(tmp_path / "x", tmp_path / "y")
    assert (tmp_path / "y" / "in-x").exists() and not (tmp_path / "x" / "in-x").exists()


CHILD = textwrap.dedent("""
    import sys, time
    from vollzug.output.tree import replace_tree

    class Paused(dict):
        '''The new set, as a mapping that stops after two files were written (the point the test kills at).'''
        def items(self):
            for index, item in enumerate(dict.items(self)):
                if index == 2:
                    print("paused", flush=True)
                    time.sleep(120)
                yield item

    replace_tree(sys.argv[1], Paused({f"{n}.csv": f"new {n}\\n".encode() for n in "abcdef"}), ["*.csv"])
""")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def test_kill_9_while_writing_the_new_set_leaves_the_old_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    replace_tree(out, OLD, ALLOWED)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(out)], stdout=subprocess.PIPE, text=True,
                             env=_env())
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "paused"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert snapshot(out) == OLD  # the old complete set
    [stale] = leftovers(out)  # the killed run's half-written new set, hidden beside it
    assert stale.startswith(".out.vollzug-new-") and len(list((tmp_path / stale).iterdir())) == 2
    replace_tree(out, NEW, ALLOWED)  # the next run removes it and swaps in its own set
    assert snapshot(out) == NEW and leftovers(out) == []


def test_recover_puts_back_an_old_set_a_killed_fallback_swap_left(tmp_path: Path) -> None:
    """Where RENAME_EXCHANGE is missing the swap is two renames; killed between them, ``out`` is missing beside the
    complete old set and the complete new one. The next run restores the old set before anything else."""
    out = tmp_path / "out"
    old = tmp_path / ".out.vollzug-old-x1"
    new = tmp_path / ".out.vollzug-new-x2"
    for folder, files in ((old, OLD), (new, NEW)):
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data)
    recover(out)
    assert snapshot(out) == OLD and leftovers(out) == []


def test_real_report_killed_at_any_point_leaves_a_complete_set(tmp_path: Path) -> None:
    """``vollzug report`` killed as soon as its new set appears beside the folder: the folder holds one complete set
    (the old one, or the new one if the swap came first), byte for byte as a complete run writes it."""
    out = tmp_path / "report"
    base = [sys.executable, "-m", "vollzug", "report", str(MODELS / "ist"), "-r", str(SOLL), "-o", str(out), "-q",
            "--diff", "fast", "--format"]
    subprocess.run([*base, "md,csv,json"], check=True, env=_env(), timeout=300)
    old = snapshot(out)
    child = subprocess.Popen([*base, "md,csv,json,html"], env=_env())
    killed = False
    try:
        deadline = time.monotonic() + 300
        while child.poll() is None and time.monotonic() < deadline:
            if leftovers(out):
                child.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(0.002)
    finally:
        child.wait(timeout=60)
    state = snapshot(out)
    if "index.html" not in state:
        assert killed and state == old
    else:
        assert set(state) == set(old) | {"index.html"}
        assert all(state[k] != b"" for k in state)
    recover(out)
    assert leftovers(out) == []


@contextlib.contextmanager
def small_tmpfs(path: Path, size: str) -> Iterator[Path]:
    path.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True,
                          check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=False)


def test_enospc_keeps_the_old_set_and_leaves_nothing(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "disk", "256k") as disk:
        out = disk / "out"
        replace_tree(out, OLD, ALLOWED)
        big = {**NEW, "f.csv": b"x" * 400_000}
        with pytest.raises(OutputError, match="No space left on device"):
            replace_tree(out, big, ALLOWED)
        assert snapshot(out) == OLD and leftovers(out) == []
        fresh = disk / "fresh"
        with pytest.raises(OutputError, match="No space left on device"):
            replace_tree(fresh, big, ALLOWED)
        assert not fresh.exists() and leftovers(fresh) == []  # no empty folder left behind


def _limited(limit: int) -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so that a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_efbig_in_the_real_report_keeps_the_old_set(tmp_path: Path) -> None:
    """The CLI under RLIMIT_FSIZE = 200 kB: the HTML report (> 1 MB) cannot be written; exit 2, one line, and
    the folder still holds the earlier Markdown set; a new folder is not created at all."""
    out = tmp_path / "report"
    base = [sys.executable, "-m", "vollzug", "report", str(MODELS / "ist"), "-r", str(SOLL), "-q", "--diff", "fast"]
    subprocess.run([*base, "-o", str(out), "--format", "md"], check=True, env=_env(), timeout=300)
    before = {name: digest(out / name) for name in os.listdir(out)}
    for target in (out, tmp_path / "new"):
        done = subprocess.run([*base, "-o", str(target), "--format", "md,html"], capture_output=True, text=True,
                              env=_env(), timeout=300, preexec_fn=lambda: _limited(200_000))
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip().endswith("cannot write the report set: File too large"), done.stderr
        assert leftovers(target) == []
    assert {name: digest(out / name) for name in os.listdir(out)} == before
    assert not (tmp_path / "new").exists()
