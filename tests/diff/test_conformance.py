"""The bpmn-js-differ conformance script passes on the shared corpus (skipped where the corpus is not present)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.diff.diffcase import REPO

CORPORA = Path(os.environ.get("VOLLZUG_CORPORA", "/work/shared/corpora"))


@pytest.mark.skipif(not (CORPORA / "bpmn-js-differ" / "expected.json").is_file(), reason="corpus not present")
def test_bpmn_js_differ_conformance() -> None:
    proc = subprocess.run([sys.executable, str(REPO / "tests" / "conformance" / "differ.py"), str(CORPORA)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "failing cases: 0" in proc.stdout
    assert "lane change beyond bpmn-js-differ: ['Lane_0h952pf']" in proc.stdout


def test_conformance_script_refuses_a_missing_dir(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(REPO / "tests" / "conformance" / "differ.py"), str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2 and "usage" in proc.stderr
