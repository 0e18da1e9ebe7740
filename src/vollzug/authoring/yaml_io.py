"""Authoring YAML/JSON ⇄ :class:`OperationalModel`: safe loading with line numbers, validation, block-style dumping.

Loading is done in four steps:

1. *compose*: PyYAML's safe composer builds the node tree (so every value keeps its line);
2. *construct*: our own walk turns nodes into plain data, records ``path → line`` and refuses alias bombs,
   duplicate keys and non-string keys;
3. *normalise*: the authoring conveniences (``next:``, RACI maps, implicit pools) are expanded
   (:mod:`vollzug.authoring.normalise`), and element lists are put in BPMN document order
   (:mod:`vollzug.authoring.order`);
4. *validate*: ``OperationalModel.model_validate``; a validation error becomes one :class:`ModelError` line with
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

from vollzug.errors import HostileInputError, InputError, ModelError
from vollzug.gcpause import gc_paused
from vollzug.loader import LoadedModel
from vollzug.model.process import OperationalModel

MAX_BYTES = 10 * 1024 * 1024
"""Largest model file accepted (10 MiB)."""
MAX_NODES = 1_000_000
"""Most YAML nodes visited while constructing (aliases count every time they are expanded)."""
MAX_ALIAS_NODES = 50_000
"""Most nodes visited again through aliases (a model needs few aliases; a bomb needs millions)."""
MAX_DEPTH = 200
"""Deepest nesting accepted."""

Path_ = tuple[str | int, ...]
"""A key path into the loaded data, e.g. ``("steps", 3, "type")``."""


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml if present


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader (libyaml's when available); only used to compose nodes and to construct scalars."""


_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:omap"})


class _Builder:
    """Walk a composed node tree into plain data with a node budget, recording the line of every path."""

    def __init__(self, loader: _Loader, file: Path) -> None:
        self.loader = loader
        self.file = file
        self.visited = 0
        self.revisited = 0
        self.seen: set[int] = set()
        self.lines: dict[Path_, int] = {}

    def build(self, node: yaml.Node, path: Path_ = (), depth: int = 0) -> Any:
        self.visited += 1
        if id(node) in self.seen:
            self.revisited += 1
        else:
            self.seen.add(id(node))
        if self.visited > MAX_NODES or self.revisited > MAX_ALIAS_NODES:
            raise HostileInputError(
                "YAML expands to too many nodes through aliases (alias bomb?)" if self.revisited > MAX_ALIAS_NODES
                else f"YAML has more than {MAX_NODES} nodes", file=self.file, line=_line(node)
            )
        if depth > MAX_DEPTH:
            raise HostileInputError(f"YAML nested deeper than {MAX_DEPTH} levels", file=self.file, line=_line(node))
        self.lines.setdefault(path, _line(node))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            raise ModelError(f"YAML tag '{node.tag}' is not allowed", file=self.file, line=_line(node))
        if isinstance(node, yaml.MappingNode):
            self.loader.flatten_mapping(node)
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node)
                if not isinstance(key, str):
                    raise ModelError(f"mapping key {key!r} is not a string", file=self.file, line=_line(key_node))
                if key in result:
                    raise ModelError(f"duplicate key '{key}'", file=self.file, line=_line(key_node))
                self.lines[(*path, key)] = _line(key_node)
                result[key] = self.build(value_node, (*path, key), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node)


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def parse_yaml(text: str, file: Path) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML (or JSON) text safely into plain data plus a ``path → line`` map."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ModelError("empty document", file=file, line=1)
        builder = _Builder(loader, file)
        data = builder.build(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = int(mark.line) + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        kind = "YAML error" if isinstance(exc, yaml.constructor.ConstructorError) else "YAML syntax error"
        raise ModelError(f"{kind}: {problem}", file=file, line=line) from exc
    except yaml.YAMLError as exc:
        raise ModelError(f"YAML error: {exc}".splitlines()[0], file=file) from exc
    except RecursionError as exc:
        raise HostileInputError("YAML nested too deeply", file=file) from exc
    finally:
        loader.dispose()
    return data, builder.lines


def _line_for(lines: dict[Path_, int], loc: Path_) -> int | None:
    for end in range(len(loc), -1, -1):
        line = lines.get(tuple(loc[:end]))
        if line is not None:
            return line
    return None


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
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise HostileInputError(f"file larger than {MAX_BYTES // (1024 * 1024)} MiB ({size} bytes)", file=path)
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=path) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", file=path) from exc
    return model_from_text(text, path)


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
