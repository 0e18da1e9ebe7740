"""Console entry point of ``vollzug``.

``vollzug --help``/``-h`` and ``vollzug --version`` are answered from the command table without importing click,
pydantic or any command module, so the root help starts in a few milliseconds more than a bare interpreter. The text
is formatted the way click formats the root group's help (a test compares both at several terminal widths); every
other invocation goes through the click root in :mod:`vollzug.cli.main`.
"""

from __future__ import annotations

import sys

from vollzug import __version__
from vollzug.cli.commands import COMMANDS, DEBUG_HELP, HELP_OPTIONS, LANG_HELP, MAX_CONTENT_WIDTH, ROOT_HELP

PROG = "vollzug"


def _wrap(text: str, width: int, indent: str = "", subsequent: str = "") -> list[str]:
    import textwrap

    wrapper = textwrap.TextWrapper(width, initial_indent=indent, subsequent_indent=subsequent,
                                   replace_whitespace=False)
    return wrapper.wrap(text) or [indent.rstrip()]


def _definition_list(rows: list[tuple[str, str]], width: int) -> list[str]:
    first_col = min(max(len(first) for first, _ in rows), 30) + 2
    text_width = max(width - first_col - 2, 10)
    out: list[str] = []
    for first, second in rows:
        lines = _wrap(second, text_width)
        head = f"  {first}"
        if len(first) <= first_col - 2:
            out.append(head + " " * (first_col - len(first)) + lines[0])
        else:
            out.extend([head, " " * (first_col + 2) + lines[0]])
        out.extend(" " * (first_col + 2) + line for line in lines[1:])
    return out


def root_help(columns: int) -> str:
    """The root group's help text for a terminal of ``columns`` columns (as click would print it)."""
    width = max(min(columns, MAX_CONTENT_WIDTH) - 2, 50)
    lines = [f"Usage: {PROG} [OPTIONS] COMMAND [ARGS]...", ""]
    lines += _wrap(ROOT_HELP, width, "  ", "  ")
    options = [("--version", "Show the version and exit."), ("--debug", DEBUG_HELP), ("--lang [de|en]", LANG_HELP),
               (", ".join(HELP_OPTIONS), "Show this message and exit.")]
    lines += ["", "Options:", *_definition_list(options, width)]
    lines += ["", "Commands:", *_definition_list([(name, text) for name, (_m, text) in COMMANDS.items()], width)]
    return "\n".join(lines) + "\n"


def _columns() -> int:
    """Terminal width as :func:`shutil.get_terminal_size` finds it (``COLUMNS``, then the terminal, then 80)."""
    import os

    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def main(argv: list[str] | None = None) -> object:
    """Run ``vollzug``: the fast answers for root help and version, the click root for everything else."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 1 and args[0] in (*HELP_OPTIONS, "--version"):
        text = root_help(_columns()) if args[0] != "--version" else f"{PROG}, version {__version__}\n"
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    from vollzug.cli.main import main as click_main

    return click_main(args)
