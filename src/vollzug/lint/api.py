"""Library entry points of the rules engine (what the CLI calls)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from vollzug.batch import Batch
from vollzug.i18n import Lang
from vollzug.lint.config import discover_config
from vollzug.lint.engine import Engine
from vollzug.lint.finding import CheckResult


def run_check(paths: Sequence[Path], *, preset: str | None = None, select: Sequence[str] = (),
              ignore: Sequence[str] = (), lang: str | None = None,
              config_file: Path | None = None, batch: Batch | None = None,
              progress: Callable[[int], None] | None = None,
              scheduler: str | None = None) -> tuple[CheckResult, Lang]:
    """Check ``paths`` with the discovered configuration, overridden by the given options.

    ``select`` given here replaces the configured selection; ``ignore`` extends the configured one.
    """
    config = discover_config(list(paths), config_file)
    update: dict[str, object] = {}
    if preset:
        update["preset"] = preset
    if select:
        update["select"] = tuple(select)
    if ignore:
        update["ignore"] = (*config.ignore, *ignore)
    config = config.model_copy(update=update)
    if progress is not None or scheduler is not None:
        from vollzug.lint.batch import check_files

        result = check_files(paths, config, progress=progress, scheduler=scheduler, batch=batch)
    else:
        result = Engine(config).check_paths(paths, batch)
    return result, cast(Lang, lang or config.lang)
