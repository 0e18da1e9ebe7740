"""JSON Schemas with field descriptions from attribute docstrings, without paying for them at import time.

The records document their fields with a docstring under each field (``name: str`` then ``\"\"\"Label.\"\"\"``).
pydantic's ``use_attribute_docstrings`` reads them while building every class, i.e. it reads and parses the source
of each module on every start of the command line (a third of the domain model's import time), although only the
published JSON Schemas (``vollzug schema``, ``docs/schemas/*.json``) show them. :func:`json_schema` adds them when a
schema is generated: the same schema ``use_attribute_docstrings=True`` gave (pydantic sorts the keys at the end).

A record class opts in with the class attribute ``__field_docs__ = True`` (set on the bases that used to set
``use_attribute_docstrings``); classes without it keep their schema as it is.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import textwrap
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import core_schema


@cache
def _own_docstrings(cls: type) -> dict[str, str]:
    """Attribute docstrings written in the body of ``cls`` itself (field name → cleaned text)."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    body = ast.parse(source).body
    if not body or not isinstance(body[0], ast.ClassDef):
        return {}
    out: dict[str, str] = {}
    statements = body[0].body
    for current, following in itertools.pairwise(statements):
        if (isinstance(current, ast.AnnAssign) and isinstance(current.target, ast.Name)
                and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)):
            out[current.target.id] = inspect.cleandoc(following.value.value)
    return out


def field_docstrings(cls: type[BaseModel]) -> dict[str, str]:
    """Attribute docstrings of a model's fields, the nearest class in the MRO first (as pydantic inherits them)."""
    out: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if isinstance(klass, type) and issubclass(klass, BaseModel) and klass is not BaseModel:
            out.update(_own_docstrings(klass))
    return {name: text for name, text in out.items() if name in cls.model_fields}


class _WithFieldDocs(GenerateJsonSchema):
    """Adds a field's attribute docstring as its description where the field has none of its own."""

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        out = super().model_schema(schema)
        cls = schema["cls"]
        properties = out.get("properties")
        if not getattr(cls, "__field_docs__", False) or not isinstance(properties, dict):
            return out
        for name, text in field_docstrings(cls).items():
            field = cls.model_fields[name]
            key = (field.serialization_alias if self.mode == "serialization" else field.validation_alias) \
                or field.alias or name
            prop = properties.get(key if isinstance(key, str) else name)
            if isinstance(prop, dict) and "description" not in prop:
                properties[key if isinstance(key, str) else name] = _with_description(prop, text)
        return out


def _with_description(prop: dict[str, Any], text: str) -> dict[str, Any]:
    """``prop`` with ``description`` before ``title``, where pydantic puts it (its final key sort skips a property
    called ``default``, so the order shows)."""
    out: dict[str, Any] = {}
    for key, value in prop.items():
        if key == "title":
            out["description"] = text
        out[key] = value
    out.setdefault("description", text)
    return out


def json_schema(cls: type[BaseModel], mode: JsonSchemaMode = "validation") -> dict[str, Any]:
    """``cls.model_json_schema(mode=mode)`` with the field descriptions taken from attribute docstrings."""
    return cls.model_json_schema(mode=mode, schema_generator=_WithFieldDocs)
