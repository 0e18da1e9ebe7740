"""Writing emitter output (atomically) and the progress bar of long runs."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from vollzug.compare.results import ComparisonSet
from vollzug.fileio import write_bytes_atomic
from vollzug.i18n import Lang
from vollzug.output.guard import check_folder
from vollzug.output.tree import check_replaceable, replace_tree
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


REPORT_FILES = ("index.html", "report.*", "*.csv", "actions.*", "effort-*", "search-index.js", "assets/", "diagrams/",
                "towns/")
"""Name patterns of the files a report set holds (what an earlier set in the output folder may consist of)."""


def write_files(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write the files into ``out_dir``, each atomically (other files there stay); returns their paths."""
    check_folder(out_dir)
    written = []
    for name, data in files.items():
        target = out_dir / name
        write_bytes_atomic(target, data)
        written.append(target)
    return written


def check_set_folder(out_dir: Path) -> None:
    """Refuse ``out_dir`` up front if :func:`write_set` could not replace it."""
    check_replaceable(out_dir, REPORT_FILES)


def write_set(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Replace ``out_dir`` by a folder holding exactly ``files``, atomically (see :mod:`vollzug.output.tree`)."""
    return replace_tree(out_dir, files, REPORT_FILES)


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
