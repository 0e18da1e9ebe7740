"""Checking many files: with a progress callback, locally or on a Dask cluster (the same per-file function)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from vollzug import __version__
from vollzug.batch import Batch, Excluded, require_files
from vollzug.errors import InputError
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


def check_file(path: str, config: Config) -> FileResult | Excluded:
    """Findings of one file, or why it could not be read (so one unreadable file never stops a run)."""
    try:
        loaded = load_model(path)
    except (InputError, OSError) as exc:
        return Excluded.from_error(path, exc)
    return _engine(config).check_loaded(loaded, path)


def _chunk(paths: list[str], config: Config) -> list[FileResult | Excluded]:
    return [check_file(p, config) for p in paths]


def check_files(paths: Sequence[str | Path], config: Config, *, progress: Callable[[int], None] | None = None,
                scheduler: str | None = None, batch: Batch | None = None) -> CheckResult:
    """Check files and folders (expanded as :meth:`Engine.check_paths` does); ``scheduler`` runs the files on Dask.

    A file that cannot be read is recorded in ``batch`` and left out (``batch.fail_fast``, or no batch: raised)."""
    given = [Path(p) for p in paths]
    files = [str(f) for f in require_files(iter_model_files(given), given)]
    outcomes: list[FileResult | Excluded] = []
    if scheduler is not None:
        from vollzug.cluster.scheduler import chunked, client_for, ordered_map

        with client_for(scheduler) as client:
            outcomes.extend(ordered_map(client, _chunk, chunked(files, CHUNK), config, progress=progress))
    else:
        for f in files:
            outcomes.append(check_file(f, config))
            if progress:
                progress(1)
    results: list[FileResult] = []
    for outcome in outcomes:
        if isinstance(outcome, Excluded):
            if batch is None or batch.fail_fast:
                raise InputError(outcome.reason, file=outcome.file, line=outcome.line)
            batch.excluded.append(outcome)
        else:
            results.append(outcome)
    if batch is not None:
        batch.total += len(outcomes)
    rules: Any = _engine(config).rules
    return CheckResult(tool_version=__version__, rules=tuple(r.code for r in rules), files=tuple(results),
                       summary=summarise(tuple(results)))
