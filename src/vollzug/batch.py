"""Batches keep going: a file that cannot be read is reported, counted and left out; the others are processed.

Commands over many files (``validate``, ``check``, ``compare``, ``report``, ``build``) read each file through
:meth:`Batch.attempt`. An :class:`~vollzug.errors.InputError` (or an ``OSError``) becomes an :class:`Excluded`
entry — ``file:line: reason`` — and the run goes on; with ``--fail-fast`` the first one ends the run as before.
At the end the command prints the entries and :meth:`Batch.summary` on stderr and exits with 2 if any file was
excluded (even when everything else was clean: an incomplete run must not pass as a clean one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from vollzug.errors import InputError, VollzugError
from vollzug.i18n import Lang, Msg, current_lang

T = TypeVar("T")

SUMMARY = Msg("{total} Datei(en): {done} verarbeitet, {excluded} nicht lesbar und ausgeschlossen.",
              "{total} file(s): {done} processed, {excluded} unreadable and excluded.")
EMPTY = Msg("keine Modelldateien gefunden in: {paths}", "no model files found in: {paths}")


@dataclass(frozen=True)
class Excluded:
    """An input that could not be read: where, and why (one line)."""

    file: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return self.line_in("en")

    def line_in(self, lang: Lang) -> str:
        """``file:line: reason`` with the reason in ``lang`` (reasons are worded in English where raised)."""
        from vollzug.cli.error_texts import translate

        element, _, rest = self.reason.partition("] ") if self.reason.startswith("[") else ("", "", self.reason)
        reason = (element + "] " if element else "") + translate(rest, lang)
        return f"{self.file}:{self.line}: {reason}" if self.line else f"{self.file}: {reason}"

    @classmethod
    def from_error(cls, path: str | Path, exc: BaseException) -> Excluded:
        """From the error reading ``path`` raised (its own file/line if it names one)."""
        if isinstance(exc, VollzugError):
            element = f"[{exc.element}] " if exc.element else ""
            return cls(exc.file or str(path), exc.line, element + exc.message)
        if isinstance(exc, OSError):
            return cls(str(path), None, f"cannot read: {exc.strerror or exc}")
        return cls(str(path), None, str(exc))


@dataclass
class Batch:
    """Collects the files a run had to leave out."""

    fail_fast: bool = False
    excluded: list[Excluded] = field(default_factory=list)
    total: int = 0

    def attempt(self, path: str | Path, func: Callable[[], T]) -> T | None:
        """``func()`` for one input file; None (and an :class:`Excluded` entry) if it cannot be read."""
        self.total += 1
        try:
            return func()
        except (InputError, OSError) as exc:
            if self.fail_fast:
                if isinstance(exc, OSError):
                    raise InputError(f"cannot read: {exc.strerror or exc}", file=path) from exc
                raise
            self.excluded.append(Excluded.from_error(path, exc))
            return None

    def add(self, entries: Iterable[Excluded]) -> None:
        """Entries found elsewhere (e.g. by worker processes); ``total`` is set by the caller."""
        self.excluded.extend(entries)

    def summary(self, lang: Lang | None = None) -> str:
        """The closing line of the run (default: the command's language)."""
        return SUMMARY(lang or current_lang(), total=self.total, done=self.total - len(self.excluded),
                       excluded=len(self.excluded))

    def lines(self, lang: Lang = "de") -> list[str]:
        """One line per excluded file, in ``lang``."""
        return [entry.line_in(lang) for entry in self.excluded]


def require_files(files: list[T], paths: Iterable[str | Path], lang: Lang | None = None) -> list[T]:
    """``files`` if there are any; an empty input set is an error (exit 2, one line; default: the command's
    language)."""
    if not files:
        raise InputError(EMPTY(lang or current_lang(), paths=", ".join(str(p) for p in paths) or "–"))
    return files
