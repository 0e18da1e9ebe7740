"""Progress bars: shown on a terminal (a real pseudo-terminal here), never with -q or when stderr is a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOG = ROOT / "tests" / "fixtures" / "logs" / "fitting.xes"
SOLL = ROOT / "tests" / "fixtures" / "logs" / "soll-baugenehmigung.yaml"


def _on_tty(*args: str) -> str:
    """Run vollzug with stderr on a pseudo-terminal; what the terminal received."""
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.Popen([sys.executable, "-m", "vollzug", *args], stdout=subprocess.DEVNULL, stderr=slave,
                            cwd=ROOT, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def _piped(*args: str) -> str:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    return subprocess.run([sys.executable, "-m", "vollzug", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, check=False).stderr


@pytest.mark.parametrize(("args", "label"), [
    (("check", "models/ist"), "Prüfung"),
    (("effort", "WPG", "models/ist", "--bootstrap", "20"), "Aufwand"),
    (("mine", "conform", str(LOG), "--model", str(SOLL), "--method", "tokens"), "Konformität"),
])
def test_progress_on_a_terminal_only(args: tuple[str, ...], label: str) -> None:
    assert label in _on_tty(*args)
    assert label not in _on_tty(*args, "-q")
    assert label not in _piped(*args)
