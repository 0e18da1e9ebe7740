"""Trusted records: build result records from values our own code computed, without validation.

Pydantic's ``model_construct`` skips validation but walks every field's alias settings and copies every default on
each call; for the small records built tens of times per town (matrix cells, gaps) that makes it slower than
validating. :func:`trusted` works the field layout out once per class and then only fills a dict, with the same
outcome as ``model_construct``: the same ``__dict__`` (field order, defaults), ``model_fields_set``, no extra and no
private values. Use it only where every value already has its field's type (no coercion happens).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_SHARED_DEFAULTS = (type(None), str, int, float, bool, tuple, frozenset)
"""Default types that ``model_construct`` hands out uncopied (immutable; tuples here hold only immutables)."""


def _plain(cls: type[BaseModel]) -> bool:
    """Whether ``model_construct`` of ``cls`` does nothing beyond filling fields and defaults."""
    if cls.__pydantic_post_init__ or cls.__pydantic_root_model__ or cls.__private_attributes__:
        return False
    if cls.model_config.get("extra") == "allow":
        return False
    for field in cls.__pydantic_fields__.values():
        if field.alias is not None or field.validation_alias is not None or field.default_factory is not None:
            return False
        if not field.is_required() and not (type(field.default) in _SHARED_DEFAULTS and _immutable(field.default)):
            return False
    return True


def _immutable(value: object) -> bool:
    if isinstance(value, tuple | frozenset):
        return all(type(v) in _SHARED_DEFAULTS and _immutable(v) for v in value)
    return True


def trusted(cls: type[M]) -> Callable[..., M]:
    """A constructor equivalent to ``cls.model_construct(**values)``, but faster for plain records (no aliases,
    default factories, mutable defaults, private attributes or post-init hook); falls back to ``model_construct``
    for any other class and for calls that leave a required field out or pass an unknown name."""
    if not _plain(cls):
        return cls.model_construct
    fields = cls.__pydantic_fields__
    missing = object()
    template: dict[str, Any] = {name: missing if f.is_required() else f.default for name, f in fields.items()}
    required = frozenset(name for name, f in fields.items() if f.is_required())
    size = len(template)
    new = cls.__new__
    set_attr = object.__setattr__

    def build(**values: Any) -> M:
        data = template.copy()
        data.update(values)
        if len(data) != size or not required <= values.keys():
            return cls.model_construct(**values)
        record = new(cls)
        set_attr(record, "__dict__", data)
        set_attr(record, "__pydantic_fields_set__", set(values))
        set_attr(record, "__pydantic_extra__", None)
        set_attr(record, "__pydantic_private__", None)
        return record

    return build
