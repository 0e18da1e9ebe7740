"""Lazy, quiet access to pm4py: no banner, no progress bars, no warnings in our output.

pm4py is an optional extra (``vollzug[mining]``). It is imported only inside the functions of this package
(decision record 0002), never at module level of anything the CLI root imports.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import sys
import warnings
from collections.abc import Iterator
from typing import Any

from vollzug.errors import MissingExtraError


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Swallow everything pm4py (or pandas) prints to stdout/stderr and every warning inside the block."""
    sink_out, sink_err = io.StringIO(), io.StringIO()
    with (
        warnings.catch_warnings(),
        contextlib.redirect_stdout(sink_out),
        contextlib.redirect_stderr(sink_err),
    ):
        warnings.simplefilter("ignore")
        yield


def pm4py() -> Any:
    """Import pm4py quietly (welcome banner and tqdm progress bars off) or raise :class:`MissingExtraError`."""
    os.environ["PM4PY_SHOW_PROGRESS_BAR"] = "False"
    sys._pm4py_welcome_shown = True  # type: ignore[attr-defined]  # pm4py checks this flag before its banner
    try:
        with quiet():
            import pm4py as module
            from pm4py.util import constants
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise MissingExtraError("pm4py", "mining", "Process mining") from exc
    constants.SHOW_PROGRESS_BAR = False
    return module


def pandas() -> Any:
    """The pandas module (installed with pm4py), imported lazily — without pm4py (reading a log needs only pandas;
    importing pm4py takes seconds)."""
    try:
        return importlib.import_module("pandas")
    except ImportError as exc:
        raise MissingExtraError("pandas", "mining", "Process mining") from exc
