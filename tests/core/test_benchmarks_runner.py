"""The benchmark scripts keep working: each answers ``--help`` and offers ``--smoke``; ``run_all.py --smoke`` fails
loudly on a script that does not (the smoke run itself is ``make bench-smoke`` in CI, not a test: it takes minutes)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
SCRIPTS = sorted(BENCH.glob("bench_*.py"))


def test_there_are_benchmarks() -> None:
    assert len(SCRIPTS) >= 8


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_benchmark_answers_help_and_offers_smoke(script: Path) -> None:
    proc = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, check=False,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "--smoke" in proc.stdout


def test_run_all_lists_every_script() -> None:
    proc = subprocess.run([sys.executable, str(BENCH / "run_all.py"), "--list", "--smoke"], capture_output=True,
                          text=True, check=True)
    assert [line.split(":")[0] for line in proc.stdout.splitlines()] == [s.name for s in SCRIPTS]
    assert all(line.endswith("--smoke") for line in proc.stdout.splitlines())


def test_smoke_run_fails_on_a_script_without_smoke(tmp_path: Path) -> None:
    shutil.copy(BENCH / "run_all.py", tmp_path / "run_all.py")
    (tmp_path / "bench_good.py").write_text(
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('--smoke', action='store_true')\n"
        "print('smoke' if p.parse_args().smoke else 'full')\n", encoding="utf-8")
    (tmp_path / "bench_old.py").write_text(
        "import argparse\nargparse.ArgumentParser().parse_args()\nprint('ran')\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(tmp_path / "run_all.py"), "--smoke"], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 1
    assert "bench_old.py: FAILED — --help does not offer --smoke" in proc.stderr
    assert "smoke" in proc.stdout and "ran" not in proc.stdout
    full = subprocess.run([sys.executable, str(tmp_path / "run_all.py")], capture_output=True, text=True,
                          check=False)
    assert full.returncode == 0 and "full" in full.stdout and "ran" in full.stdout


def test_a_failing_benchmark_fails_the_run(tmp_path: Path) -> None:
    shutil.copy(BENCH / "run_all.py", tmp_path / "run_all.py")
    (tmp_path / "bench_broken.py").write_text(
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('--smoke', action='store_true')\n"
        "p.parse_args()\nraise ImportError('looks_like_model')\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(tmp_path / "run_all.py"), "--smoke"], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 1 and "FAILED (exit 1)" in proc.stdout
