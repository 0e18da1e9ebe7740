"""Authoring YAML/JSON ⇄ :class:`OperationalModel`: safe loading with line numbers, validation, block-style dumping.

Loading is done in three steps:

1. *compose* and *construct* with :mod:`vollzug.safe_yaml` (the one YAML loader): plain data plus
   ``path → line``; alias bombs, duplicate keys, non-string keys, unsafe tags and bad scalars refused;
2. *normalise*: the authoring conveniences (``next:``, RACI maps, implicit pools) are expanded
   (:mod:`vollzug.authoring.normalise`), and element lists are put in BPMN document order
   (:mod:`vollzug.authoring.order`);
3. *validate*: ``OperationalModel.model_validate``; a validation error becomes one :class:`ModelError` line with
   file, YAML line and key path. Semantic problems (dangling references) become diagnostics
   (:mod:`vollzug.authoring.checks`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from vollzug import safe_yaml
from vollzug.errors import ModelError
from vollzug.gcpause import gc_paused
from vollzug.loader import LoadedModel
from vollzug.model.process import OperationalModel

Path_ = safe_yaml.Path_


def parse_yaml(text: str, file: Path) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML (or JSON) text safely into plain data plus a ``path → line`` map (:mod:`vollzug.safe_yaml`)."""
    data, lines = safe_yaml.parse_yaml_text(text, file, error=ModelError)
    return data, lines


_line_for = safe_yaml.line_for


def _element_for(data: Any, loc: Path_) -> str | None:
    """Id of the innermost element (mapping with an ``id``) on the error path."""
    found: str | None = None
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    return found


def _format_loc(loc: Path_) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _clean_loc(loc: tuple[Any, ...]) -> Path_:
    """Drop pydantic's union tags (e.g. ``'staff'`` for a discriminated union) that are not real keys."""
    return tuple(p for p in loc if isinstance(p, (str, int)))


def validation_error(exc: ValidationError, data: Any, lines: dict[Path_, int], file: Path) -> ModelError:
    """The first validation problem as one :class:`ModelError` with YAML line, key path and element id."""
    err = exc.errors()[0]
    loc = _clean_loc(err["loc"])
    real: list[str | int] = []
    node = data
    for part in loc:  # keep only the parts that exist in the data (pydantic adds variant tags)
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if in_dict or in_list:
            real.append(part)
            node = node[part]
        elif isinstance(node, dict) and part == loc[-1]:
            real.append(part)  # a missing required key: name it
    path = tuple(real)
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    msg = f"{_format_loc(path) or '<document>'}: {err['msg']}{more}"
    return ModelError(msg, file=file, line=_line_for(lines, path), element=_element_for(data, path))


def element_lines(data: Any, lines: dict[Path_, int]) -> dict[str, int]:
    """Element id → YAML line, for every mapping with an ``id`` anywhere in the document."""
    result: dict[str, int] = {}

    def walk(node: Any, path: Path_) -> None:
        if isinstance(node, dict):
            ident = node.get("id")
            if isinstance(ident, str) and path and ident not in result:
                result[ident] = lines.get(path, 0)
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, (*path, i))

    walk(data, ())
    return result


def model_from_text(text: str, file: Path) -> LoadedModel:
    """Parse, normalise and validate authoring text; see :func:`load_yaml_model`."""
    from vollzug.authoring.checks import check_model
    from vollzug.authoring.normalise import complete_pools, normalise
    from vollzug.authoring.order import canonical_order

    data, lines = parse_yaml(text, file)
    if not isinstance(data, dict):
        raise ModelError("top level must be a mapping (an operational model)", file=file, line=1)
    data = normalise(data, lines)
    try:
        model = OperationalModel.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, data, lines, file) from None
    model = complete_pools(model)
    id_lines = element_lines(data, lines)
    diagnostics = check_model(model, file, id_lines)
    model = canonical_order(model, has_errors=any(d.severity == "error" for d in diagnostics))
    return LoadedModel(model=model, path=file, lines=id_lines, diagnostics=diagnostics)


@gc_paused
def load_yaml_model(path: Path) -> LoadedModel:
    """Load an authoring ``.yaml``/``.yml``/``.json`` model (safe, size-limited, with line numbers)."""
    return model_from_text(safe_yaml.read_text_limited(path, error=ModelError), path)


# --- dumping --------------------------------------------------------------------------------------------


def to_plain(record: BaseModel) -> dict[str, Any]:
    """Plain data in field order, omitting defaults and empties but keeping every ``kind`` discriminator."""
    out: dict[str, Any] = {}
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        if name != "kind" and (value is None or value == info.get_default(call_default_factory=True)):
            continue
        if value in ((), {}, "") and name != "kind":
            continue
        out[name] = _plain_value(value)
    return out


def _plain_value(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return to_plain(value)
    if isinstance(value, (tuple, list)):
        return [_plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain_value(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return value  # keep 1.0 a float so it reloads as the same value
    return value


class _Dumper(yaml.SafeDumper):
    """Block style; multi-line strings as literal blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # indent list items under their key


_NUMERIC_LOOKING = re.compile(r"^[-+.]?[0-9][0-9_.:eE+-]*$")
"""Strings other YAML readers (YAML 1.2) could take for numbers, e.g. an AGS "05566999": always quoted."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else ('"' if _NUMERIC_LOOKING.match(value) else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _date_representer(dumper: yaml.SafeDumper, value: dt.date) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(str, _str_representer)
_Dumper.add_representer(dt.date, _date_representer)


def dump_model_yaml(model: OperationalModel) -> str:
    """Authoring YAML for a model: block style, field order of the model, defaults omitted, German unescaped."""
    return yaml.dump(to_plain(model), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110,
                     default_flow_style=False)
