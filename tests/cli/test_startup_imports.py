"""What a small-file command imports (start-up cost is measured in ``benchmarks/bench_startup.py``; this pins the
structure that keeps it low): ``validate`` of BPMN works on the XML index and never imports pydantic or the domain
model; no command builds attribute docstrings from source at import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SMALL = REPO / "tests" / "fixtures" / "bpmn" / "no-declaration.bpmn"
PROBE = """
import sys
from vollzug.cli.entry import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(sorted(m for m in ("pydantic", "vollzug.model", "scipy", "pm4py", "rich") if m in sys.modules), code)
"""


def _loaded(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.strip().splitlines()[-1]


def test_validate_of_bpmn_imports_no_pydantic() -> None:
    assert _loaded("validate", str(SMALL)) == "[] 0"


@pytest.mark.parametrize("args", [("check",), ("diff", "--match", "id")])
def test_check_and_id_diff_import_neither_scipy_nor_pm4py(args: tuple[str, ...]) -> None:
    files = (str(SMALL),) if args[0] == "check" else (str(SMALL), str(SMALL))
    loaded = _loaded(*args, *files)
    assert "scipy" not in loaded and "pm4py" not in loaded and "rich" not in loaded


def test_no_record_base_reads_docstrings_at_import() -> None:
    from vollzug.diff.changes import DiffResult
    from vollzug.lint.finding import CheckResult
    from vollzug.model.process import OperationalModel

    for cls in (OperationalModel, DiffResult, CheckResult):
        assert not cls.model_config.get("use_attribute_docstrings")
        assert getattr(cls, "__field_docs__", False)  # the schema still gets them (vollzug.schema_docs)
