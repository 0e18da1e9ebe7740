"""Progress of long single-file commands: a rich progress bar of named phases on stderr (TTY only, not with -q)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence

Phase = Callable[[str], None]
"""Called with the label of the phase that starts now."""


@contextlib.contextmanager
def phases(labels: Sequence[str], enabled: bool) -> Iterator[Phase | None]:
    """A bar over ``labels`` (advanced each time the callback names the next phase); None when disabled or
    stderr is not a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), "[progress.description]{task.description}", BarColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(labels[0] if labels else "", total=len(labels))
        started = [False]

        def advance(label: str) -> None:
            if started[0]:
                bar.advance(task, 1)
            started[0] = True
            bar.update(task, description=label)

        yield advance
        bar.update(task, completed=len(labels))
