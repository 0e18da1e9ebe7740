"""Helpers of the trust tests: the CLI in-process (exit code, stdout, stderr) and file digests."""

from __future__ import annotations

import contextlib
import hashlib
import io
import subprocess
from pathlib import Path

from vollzug.cli.errors import run
from vollzug.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models"
SOLL = MODELS / "soll" / "wpg-kreis-steinfurt.yaml"
LOGS = ROOT / "tests" / "fixtures" / "logs"
MIWG = ROOT.parent / "shared" / "corpora" / "miwg"
if not MIWG.is_dir():
    MIWG = Path("/work/shared/corpora/miwg")


def vollzug(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI in-process, as the console entry point would (one invocation, fresh input registry), in English
    (``vollzug --lang en``): these tests pin behaviour and message content; tests/core/test_language.py pins the
    German wording."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            run(cli, ["--lang", "en", *(str(a) for a in args)])
        except SystemExit as exc:
            code = int(exc.code or 0)
    return subprocess.CompletedProcess([str(a) for a in args], code, out.getvalue(), err.getvalue())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
