"""Inputs are sacred: the files a command reads, and the refusal of output targets that would replace one.

A command declares its inputs (:func:`declare_inputs`, folders expanded to the model files below them) before it
writes anything, and every file a reader opens through :func:`vollzug.loader.load_model` is noted as an input too
(:func:`note_input`). Files are identified by (device, inode), so a target reached through a symbolic link, a hard
link or ``..`` is recognised as the input it is. :func:`check_target` refuses, with an :class:`OutputError` (exit 2,
one line naming the file and the reason):

* a target that is one of the inputs;
* a target that exists and is not a regular file (a device such as ``/dev/null``, a FIFO, a socket, a folder);
* a target whose folder exists as something other than a folder.

``-o -`` means standard output and is never checked (see :func:`is_stdout`). The registry is per process; worker
processes of ``compare -j`` inherit it and only read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from vollzug.errors import OutputError

Identity = tuple[int, int]

_INPUTS: dict[Identity, str] = {}
"""(device, inode) → the path by which the file was read (for messages)."""

STDOUT = "-"
"""The output name meaning standard output."""


def is_stdout(path: str | Path | None) -> bool:
    """True for ``-o -``."""
    return path is not None and str(path) == STDOUT


def identity(path: str | Path) -> Identity | None:
    """(device, inode) of the file ``path`` names (links followed), None if it does not exist or cannot be seen."""
    try:
        st = Path(path).stat()
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def note_input(path: str | Path) -> None:
    """Remember ``path`` as an input of the running command."""
    ident = identity(path)
    if ident is not None:
        _INPUTS.setdefault(ident, str(path))


def declare_inputs(paths: Iterable[str | Path | None]) -> None:
    """Remember the command's inputs; a folder stands for every file with a model suffix below it (listed, not
    opened: 0.2 s for 10,754 town folders). ``build`` declares its sources instead, so that it may replace the
    ``.bpmn`` files it built beside them."""
    from vollzug.loader import model_files_below  # the loader notes its reads here: imported late

    for raw in paths:
        if raw is None or is_stdout(raw):
            continue
        path = Path(raw)
        if path.is_dir():
            for found in model_files_below(path):
                note_input(found)
        else:
            note_input(path)


def clear_inputs() -> None:
    """Forget every input (one CLI invocation per process; tests and library callers reset with this)."""
    _INPUTS.clear()


def input_named(path: str | Path) -> str | None:
    """The input that ``path`` is (as it was named when read), or None."""
    ident = identity(path)
    return _INPUTS.get(ident) if ident is not None else None


_KINDS = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def check_target(path: str | Path) -> Path:
    """Refuse ``path`` as an output file if it is an input or not a regular file; returns the path to replace.

    A symbolic link to a regular file that is not an input is written through: the file it points to is replaced
    (the link stays a link). The returned path is that real file (or ``path`` itself).
    """
    target = Path(path)
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:  # a link loop, a path through a file, no permission
        raise OutputError(f"cannot write here: {exc.strerror}", file=target) from None
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"refusing to write: the target is {kind_of(st.st_mode)}, not a regular file "
                              "(use '-o -' for standard output)", file=target)
        source = _INPUTS.get((st.st_dev, st.st_ino))
        if source is not None:
            same = "" if Path(source).absolute() == target.absolute() else f" ({source})"
            raise OutputError(f"refusing to write: the target is an input of this command{same}; "
                              "inputs are never modified", file=target)
        if target.is_symlink():
            return Path(os.path.realpath(target))
    elif target.is_symlink():  # a dangling link: writing would create a file somewhere else
        raise OutputError("refusing to write: the target is a symbolic link to a missing file", file=target)
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError("cannot write: the folder is not a folder", file=parent)
    return target


def check_folder(path: str | Path) -> Path:
    """Refuse ``path`` as an output folder if it exists as something other than a folder."""
    folder = Path(path)
    try:
        st = folder.stat()
    except FileNotFoundError:
        return folder
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}", file=folder) from None
    if not stat.S_ISDIR(st.st_mode):
        raise OutputError(f"refusing to write: the output folder is {kind_of(st.st_mode)}"
                          if not stat.S_ISREG(st.st_mode) else "refusing to write: the output folder is a file",
                          file=folder)
    return folder
