"""Node peers for the benchmarks: npm packages installed once into a cache folder and reused by every script.

The folder is ``$VOLLZUG_BENCH_NODE`` or ``~/.cache/vollzug-bench/node``; one sub-folder per package set, so a
second run (and ``--smoke`` in CI) does not reinstall. Nothing is installed into the repository.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

DIFFER = ("bpmn-js-differ@3.2.0", "bpmn-moddle@9")
"""bpmn-js-differ and the bpmn-moddle it reads with (the versions bench_diff has always used)."""
LINT = ("bpmnlint@11",)
"""bpmnlint with its recommended rules (12.0 depends on a package missing from the registry)."""


class NodeMissingError(RuntimeError):
    """node/npm not on PATH, or npm could not install the packages."""


def node_dir(packages: tuple[str, ...]) -> Path:
    """A folder with ``packages`` installed (an ES-module package.json, ``node_modules``); installed on first use."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise NodeMissingError("node/npm not on PATH")
    base = Path(os.environ.get("VOLLZUG_BENCH_NODE", Path.home() / ".cache" / "vollzug-bench" / "node"))
    target = base / hashlib.sha256(" ".join(sorted(packages)).encode()).hexdigest()[:12]
    stamp = target / ".installed"
    if stamp.is_file():
        return target
    target.mkdir(parents=True, exist_ok=True)
    (target / "package.json").write_text(json.dumps({"name": "bench", "private": True, "type": "module"}),
                                         encoding="utf-8")
    try:
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", *packages], cwd=target, check=True,
                       capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise NodeMissingError(f"npm install {' '.join(packages)} failed: {exc}") from exc
    stamp.write_text(" ".join(packages), encoding="utf-8")
    return target


def script(folder: Path, name: str, text: str) -> Path:
    """Write a Node script into ``folder`` (next to its node_modules) and return its path."""
    path = folder / name
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
