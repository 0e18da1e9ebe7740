"""Katalog-Kennung: the grammar of a law catalogue id (``WPG``, ``FZV``, ``BauGB``, ``LWPG-NRW``).

A model's ``law`` field, a catalogue's ``id`` and every ``--law`` option must match it, so that an id can never
be a path (no ``/``, ``\\``, ``.``), never break a spreadsheet sheet name or an output file name, and always find
its catalogue through the registry (:mod:`vollzug.law.registry`), never through the file system.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

LAW_ID_PATTERN = r"^[A-Za-z][A-Za-z0-9]{0,23}(?:[-_][A-Za-z0-9]{1,16}){0,3}$"
"""A letter, then letters and digits; up to three ``-``/``_`` separated parts (at most 75 characters)."""

_LAW_ID = re.compile(LAW_ID_PATTERN)


def _checked(value: str) -> str:
    if _LAW_ID.match(value) is None:
        raise ValueError(f"{value[:80]!r} is not a catalogue id (letters and digits, parts joined by - or _, "
                         "e.g. WPG); a law is named by its id, never by a path")
    return value


LawId = Annotated[str, AfterValidator(_checked), Field(json_schema_extra={"pattern": LAW_ID_PATTERN})]
"""A catalogue id (see :data:`LAW_ID_PATTERN`)."""


def is_law_id(text: str) -> bool:
    """Whether ``text`` is a well-formed catalogue id."""
    return _LAW_ID.match(text) is not None
