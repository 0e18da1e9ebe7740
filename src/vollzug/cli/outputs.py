"""What every writing or batch command shares: its inputs declared before anything is written, the target checked
up front (before the work), the reader's id warnings on stderr, and the close of a batch (exclusions, summary,
exit code)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from vollzug.batch import Batch
from vollzug.cli.errors import EXIT_ERROR
from vollzug.i18n import Lang
from vollzug.loader import LoadedModel, set_read_warnings
from vollzug.output.guard import check_folder, check_target, clear_inputs, declare_inputs, is_stdout

READER_WARNINGS = frozenset({"RD003", "RD004", "AU001"})
"""Reader diagnostics shown by every command: duplicate ids (RD003), dangling references (RD004) and the authoring
format's id/reference problems (AU001). Commands that list every reader diagnostic themselves turn this off."""

_SEEN: set[str] = set()


def _print_id_warnings(loaded: LoadedModel) -> None:
    key = str(loaded.path)
    if key in _SEEN:  # a file read twice (a reference, an own SOLL) warns once
        return
    _SEEN.add(key)
    for diag in loaded.diagnostics:
        if diag.code in READER_WARNINGS:
            click.echo(str(diag), err=True)


def warn_on_read(enabled: bool = True) -> None:
    """Print duplicate-id and dangling-reference warnings of every model read (one line each, file:line [id])."""
    set_read_warnings(_print_id_warnings if enabled else None)


def start_command() -> None:
    """A new invocation: no inputs declared yet, no file warned about yet, reader warnings on."""
    clear_inputs()
    _SEEN.clear()
    warn_on_read()


def guard(inputs: Iterable[str | Path | None], output: str | Path | None = None, *, folder: bool = False) -> None:
    """Declare the command's inputs and refuse a bad output target before any work is done."""
    declare_inputs(inputs)
    if output is None or is_stdout(output):
        return
    if folder:
        check_folder(output)
    else:
        check_target(output)


def fail_fast_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--fail-fast``: stop at the first unreadable file instead of excluding it and going on."""
    return click.option("--fail-fast", is_flag=True,
                        help="Stop at the first file that cannot be read (default: report it, go on, exit 2).")(func)


def close_batch(batch: Batch, code: int, lang: Lang = "de") -> int:
    """Print the excluded files and the summary on stderr; exit 2 if any file was left out, else ``code``."""
    if batch.total == 1 and len(batch.excluded) == 1:  # one file given: the usual one-line error
        prefix = "vollzug: Fehler:" if lang == "de" else "vollzug: error:"
        click.echo(f"{prefix} {batch.excluded[0].line_in(lang)}", err=True)
        return EXIT_ERROR
    for line in batch.lines(lang):
        click.echo(line, err=True)
    if batch.excluded:
        click.echo(batch.summary(lang), err=True)
        return EXIT_ERROR
    return code
