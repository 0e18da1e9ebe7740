"""Checking many files: with a progress callback, locally or on a Dask cluster (the same per-file function)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from vollzug import __version__
from vollzug.lint.config import Config
from vollzug.lint.engine import Engine
from vollzug.lint.finding import CheckResult, FileResult, summarise
from vollzug.loader import iter_model_files, load_model

CHUNK = 16
"""Files per Dask task."""

_ENGINES: dict[str, Engine] = {}


def _engine(config: Config) -> Engine:
    """One engine per configuration and process (it caches catalogues and rule instances)."""
    key = config.model_dump_json()
    engine = _ENGINES.get(key)
    if engine is None:
        engine = _ENGINES[key] = Engine(config)
    return engine


def check_file(path: str, config: Config) -> FileResult:
    """Findings of one file."""
    return _engine(config).check_loaded(load_model(path), path)


def _chunk(paths: list[str], config: Config) -> list[FileResult]:
    return [check_file(p, config) for p in paths]


def check_files(paths: Sequence[str | Path], config: Config, *, progress: Callable[[int], None] | None = None,
                scheduler: str | None = None) -> CheckResult:
    """Check files and folders (expanded as :meth:`Engine.check_paths` does); ``scheduler`` runs the files on Dask."""
    files = [str(f) for f in iter_model_files([Path(p) for p in paths])]
    results: list[FileResult] = []
    if scheduler is not None:
        from vollzug.cluster.scheduler import chunked, client_for, ordered_map

        with client_for(scheduler) as client:
            results.extend(ordered_map(client, _chunk, chunked(files, CHUNK), config, progress=progress))
    else:
        for f in files:
            results.append(check_file(f, config))
            if progress:
                progress(1)
    rules: Any = _engine(config).rules
    return CheckResult(tool_version=__version__, rules=tuple(r.code for r in rules), files=tuple(results),
                       summary=summarise(tuple(results)))
