"""Atomic replacement of a whole folder of outputs (the report set of ``vollzug report -o DIR``).

The new set is written into a hidden sibling folder ``.DIR.vollzug-new-XXXX`` (same file system), each file
fsynced, and then swapped in:

* ``DIR`` absent: one ``rename`` — atomic;
* ``DIR`` present: ``renameat2(RENAME_EXCHANGE)`` swaps the two folders in one atomic step (Linux ≥ 3.15; tmpfs,
  ext4, xfs, btrfs), then the old set (now under the hidden name) is removed. Where the exchange is not supported
  the old folder is first renamed to ``.DIR.vollzug-old-XXXX`` and the new one renamed into place; a run killed
  between the two renames leaves ``DIR`` missing beside a complete old set, which the next run puts back first.

So after a kill or a full disk there is either the complete old set or the complete new set under ``DIR``, never
a mixture, and a failed run removes its partial new folder. Leftover hidden siblings of a killed run are removed
by the next run.

``DIR`` is replaced as a whole, so it must hold nothing but an earlier report set: a folder that holds an input of
the command, or any file a report does not write, is refused (exit 2) instead of being swept away.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fnmatch
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from vollzug.errors import OutputError
from vollzug.output.guard import check_folder, input_named

_NEW, _OLD = ".vollzug-new-", ".vollzug-old-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2() -> object | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        return libc.renameat2
    except (OSError, AttributeError):
        return None


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (``renameat2`` with ``RENAME_EXCHANGE``); False where that is not supported."""
    func = _renameat2()
    if func is None:
        return False
    rc = func(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)  # type: ignore[operator]
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _siblings(target: Path, marker: str) -> list[Path]:
    parent = target.parent if str(target.parent) else Path()
    try:
        return sorted(parent.glob(f".{target.name}{marker}*"))
    except OSError:
        return []


def recover(target: Path) -> None:
    """Finish what a killed run left: put a complete old set back if ``target`` is missing, drop leftovers."""
    olds = _siblings(target, _OLD)
    if olds and not target.exists():
        olds[-1].rename(target)
        olds = olds[:-1]
    for stale in (*olds, *_siblings(target, _NEW)):
        shutil.rmtree(stale, ignore_errors=True)


def _foreign(target: Path, allowed: Iterable[str]) -> str | None:
    """The first entry of ``target`` that is not a report output (by name pattern) or that is an input."""
    patterns = tuple(p for p in allowed if not p.endswith("/"))
    folders = tuple(p[:-1] for p in allowed if p.endswith("/"))
    for entry in sorted(target.iterdir()):
        source = input_named(entry)
        if source is not None:
            return f"{entry} is an input of this command"
        if not entry.is_symlink() and entry.is_dir() and any(fnmatch.fnmatch(entry.name, p) for p in folders):
            inner = _foreign(entry, ("*", "*/"))  # generated files and folders below; never inputs or links
            if inner is not None:
                return inner
            continue
        if entry.is_symlink() or not entry.is_file() or not any(fnmatch.fnmatch(entry.name, p) for p in patterns):
            return f"{entry} is not part of a vollzug report"
    return None


def check_replaceable(target: str | Path, allowed: Iterable[str]) -> Path:
    """Refuse ``target`` as a folder to replace if it is not a folder or holds an input or a foreign file."""
    folder = check_folder(target)
    if folder.is_dir():
        reason = _foreign(folder, allowed)
        if reason is not None:
            raise OutputError(f"refusing to replace the output folder: {reason}; choose an empty or new folder",
                              file=folder)
    return folder


def replace_tree(target: str | Path, files: Mapping[str, bytes], allowed: Iterable[str]) -> list[Path]:
    """Replace folder ``target`` by one holding exactly ``files`` (name → bytes), atomically; returns their paths.

    ``allowed`` are the name patterns of files an earlier set may hold (a pattern ending in ``/`` names a sub-folder of
    generated files); anything else in ``target`` is refused.
    """
    folder = check_replaceable(target, allowed)
    recover(folder)
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}{_NEW}", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", file=folder) from exc
    try:
        staging.chmod(0o777 & ~_umask())
        for name, data in files.items():
            path = staging / name
            if path.parent != staging:
                path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        _fsync_dir(staging)
        _swap(staging, folder)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write the report set: {exc.strerror}", file=folder) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [folder / name for name in files]


def _swap(staging: Path, folder: Path) -> None:
    if not folder.exists():
        staging.rename(folder)
    elif exchange(staging, folder):
        shutil.rmtree(staging, ignore_errors=True)  # now the old set
    else:
        old = Path(tempfile.mkdtemp(prefix=f".{folder.name}{_OLD}", dir=folder.parent))
        old.rmdir()
        folder.rename(old)
        staging.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    _fsync_dir(folder.parent)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
