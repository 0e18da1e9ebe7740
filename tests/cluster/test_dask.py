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
