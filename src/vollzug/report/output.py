"""Writing emitter output (atomically) and the progress bar of long runs."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from vollzug.compare.results import ComparisonSet
from vollzug.fileio import write_bytes_atomic
from vollzug.i18n import Lang
from vollzug.report.emitters import emitter


def with_norm_texts(result: ComparisonSet) -> ComparisonSet:
    """The result with the wording of every cited norm (obligations and gaps) attached per comparison."""
    from vollzug.law.texts import cited_texts

    comparisons = []
    for c in result.comparisons:
        citations = [*(x for o in c.obligations for x in o.citations),
                     *(g.citation for town in c.towns for g in town.gaps if g.citation)]
        comparisons.append(c.model_copy(update={"norm_texts": cited_texts(citations)}))
    return result.model_copy(update={"comparisons": tuple(comparisons)})


def render(result: ComparisonSet, formats: list[str], lang: Lang) -> dict[str, bytes]:
    """All files of the requested formats (file name → bytes); the cited norms' wording is attached first."""
    result = with_norm_texts(result)
    files: dict[str, bytes] = {}
    for name in formats:
        files.update(emitter(name)(result, lang))
    return files


def write_files(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write the files into ``out_dir`` atomically; returns their paths."""
    written = []
    for name, data in files.items():
        target = out_dir / name
        write_bytes_atomic(target, data)
        written.append(target)
    return written


@contextlib.contextmanager
def progress_bar(total: int, label: str, enabled: bool) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar on stderr when ``enabled`` and stderr is a terminal; yields an advance callback."""
    if not enabled or not sys.stderr.isatty() or total < 2:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)
