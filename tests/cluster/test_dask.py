"""A real Dask LocalCluster (2 worker processes): the same results as local processes, for compare and check."""

from __future__ import annotations

from pathlib import Path

import pytest

from vollzug.cluster.scheduler import check_address
from vollzug.compare.files import compare_files
from vollzug.errors import ConfigError
from vollzug.lint.batch import check_files
from vollzug.lint.config import Config
from vollzug.tables.build import build_tables

ROOT = Path(__file__).resolve().parents[2]
TOWNS = ROOT / "models" / "ist"
REFERENCE = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"


def _plain(result: object) -> dict[str, object]:
    data = result.model_dump()  # type: ignore[attr-defined]
    data.pop("generated", None)
    return data  # type: ignore[no-any-return]


def test_compare_on_a_local_cluster_equals_jobs() -> None:
    by_jobs, notes_jobs = compare_files([TOWNS], [REFERENCE], jobs=2)
    on_dask, notes_dask = compare_files([TOWNS], [REFERENCE], scheduler="local:2")
    assert sum(len(c.towns) for c in on_dask.comparisons) == 13  # 12 WPG towns + the Kreis' FZV model
    assert _plain(on_dask) == _plain(by_jobs)
    assert notes_dask == notes_jobs
    left, right = build_tables(by_jobs), build_tables(on_dask)
    assert all(left[name].equals(right[name]) for name in left)


def test_check_on_a_local_cluster_equals_serial() -> None:
    serial = check_files([TOWNS], Config())
    on_dask = check_files([TOWNS], Config(), scheduler="local:2")
    assert on_dask.model_dump() == serial.model_dump()
    assert len(serial.files) == 13


@pytest.mark.parametrize("address", ["local:0", "dask", "http://host:8786", "local:x"])
def test_bad_addresses_are_refused(address: str) -> None:
    with pytest.raises(ConfigError, match="scheduler"):
        check_address(address)


def test_good_addresses() -> None:
    assert check_address("local:4") == "local:4"
    assert check_address("tcp://10.0.0.5:8786") == "tcp://10.0.0.5:8786"


@pytest.mark.slow
def test_396_synthetic_towns_give_identical_tables(tmp_path: Path) -> None:
    from vollzug.loader import load_model
    from vollzug.synth.write import write_towns

    write_towns(load_model(REFERENCE).model, 396, tmp_path, seed=7)
    by_jobs, _ = compare_files([tmp_path], [REFERENCE], jobs=2)
    on_dask, _ = compare_files([tmp_path], [REFERENCE], scheduler="local:2")
    left, right = build_tables(by_jobs), build_tables(on_dask)
    assert left["towns"].num_rows == 396
    assert all(left[name].equals(right[name]) for name in left)


def test_report_on_a_local_cluster_equals_the_local_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from tests.api.cli import runner

    run = runner(capsys)
    towns = [str(TOWNS / name) for name in ("metelen", "rheine", "greven")]
    for name, extra in (("local", ["--jobs", "1"]), ("dask", ["--scheduler", "local:2"])):
        done = run("report", *towns, "-r", str(REFERENCE), "-o", str(tmp_path / name), "--format", "json", "-q",
                   *extra)
        assert done.returncode == 0, done.stderr
    local, dask = (json.loads((tmp_path / n / "report.json").read_text(encoding="utf-8")) for n in ("local", "dask"))
    local.pop("generated")
    dask.pop("generated")
    assert local == dask


def test_without_dask_the_message_says_what_to_install() -> None:
    import os
    import subprocess
    import sys

    code = ("import sys; sys.modules['distributed'] = None\n"
            "from vollzug.cli.main import main\n"
            f"main(['compare', {str(TOWNS / 'metelen')!r}, '-r', {str(REFERENCE)!r}, '--scheduler', 'local:1'])\n")
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 2
    assert "pip install 'vollzug[cluster]'" in done.stderr
    assert "Traceback" not in done.stderr
