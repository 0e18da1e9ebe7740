"""Shared base class for the frozen domain model."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """Base of every domain record: immutable, no unknown keys, field docstrings become JSON Schema text."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        populate_by_name=True,
    )
    __field_docs__: ClassVar[bool] = True
    """Field docstrings become JSON Schema text (added when a schema is made: :mod:`vollzug.schema_docs`)."""
