"""Atomic output: write to a temporary file beside the target, then rename — never over an input or a non-file.

Every output file of every command is written here. :func:`vollzug.output.guard.check_target` refuses a target
that is one of the command's inputs (by device + inode: also through links and ``..``) or that exists as something
other than a regular file (``/dev/null``, a FIFO, a folder); the rename never replaces such a node.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from vollzug.errors import OutputError
from vollzug.output.guard import check_target, is_stdout, kind_of


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file in the same folder + rename); ``-`` writes to stdout.

    The file gets the permissions an ordinary ``open(path, "w")`` would give (0666 less the umask), not mkstemp's 0600;
    an existing target keeps its mode. A symbolic link to a regular file is written through (the link stays).
    """
    if is_stdout(path):
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text stream without bytes underneath (captured output)
            sys.stdout.write(data.decode("utf-8", errors="replace"))
        else:
            buffer.write(data)
            buffer.flush()
        return
    target = check_target(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", file=target) from exc
    try:
        try:
            st: os.stat_result | None = target.lstat()
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):  # appeared since check_target: never rename over it
            raise OutputError(f"refusing to write: the target is {kind_of(st.st_mode)}, not a regular file",
                              file=target)
        mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise OutputError(f"cannot write: {exc.strerror}", file=target) from exc
    except OutputError:
        with contextlib.suppress(OSError):
            os.close(fd)
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


@contextlib.contextmanager
def open_atomic(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to stream output into, put in place atomically when the block ends without an error.

    The same rules as :func:`write_bytes_atomic` (temporary file beside the target, the mode an ordinary ``open``
    would give, fsync, rename); on an error inside the block the temporary file is removed and the target left
    as it was. For outputs too large to hold as one ``bytes`` value (the JSON of a diff of two huge models).
    """
    target = check_target(path)  # never one of the inputs, never a device, FIFO or folder
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", file=target) from exc
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        try:
            st: os.stat_result | None = target.lstat()
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISLNK(st.st_mode):
            raise OutputError(f"refusing to write: the target is {kind_of(st.st_mode)}, not a regular file",
                              file=target)
        Path(tmp).replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise OutputError(f"cannot write: {exc.strerror}", file=target) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
