"""Run the CLI in-process through its real entry point (exit code via SystemExit)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from vollzug.cli.main import main


@dataclass
class Done:
    """Exit code and captured output of one run."""

    returncode: int
    stdout: str
    stderr: str


def runner(capsys: pytest.CaptureFixture[str]) -> Callable[..., Done]:
    """A function running ``vollzug ARGS…`` in this process."""

    def run(*args: str) -> Done:
        with pytest.raises(SystemExit) as info:
            main(list(args))
        out = capsys.readouterr()
        return Done(int(info.value.code or 0), out.out, out.err)

    return run
