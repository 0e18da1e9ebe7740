"""Atomic writes: content, permissions like a normal file, no temp files left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from vollzug.errors import OutputError
from vollzug.fileio import write_bytes_atomic, write_text_atomic


def test_writes_content_with_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    write_text_atomic(target, "Wärmeplan")
    assert target.read_text(encoding="utf-8") == "Wärmeplan"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_unwritable_target_is_one_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        write_bytes_atomic(blocker / "child.txt", b"x")
    assert "child.txt" in str(info.value)
