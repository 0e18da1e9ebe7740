"""The one safe way to read YAML (and JSON) in vollzug: models, catalogues, check parameters, master data, rule
mappings — every YAML file goes through :func:`load_yaml_file` or :func:`parse_yaml_text`.

1. *size*: files over :data:`MAX_BYTES` are refused before reading;
2. *compose*: PyYAML's safe composer (libyaml's when present) builds the node tree, so every value keeps its line;
3. *construct*: our own walk turns nodes into plain data and records ``path → line``. It refuses, each with file
   and line: alias bombs (a budget of nodes revisited through aliases) and oversized documents, nesting deeper than
   :data:`MAX_DEPTH`, duplicate keys (YAML's "last one wins" silently drops data), non-string keys, every tag
   outside the plain JSON-like core (``!!binary``, ``!!set``, ``!!python/…``, custom ``!tags``), scalars their tag
   cannot hold (``!!int abc``, ``!!float x``, ``2024-02-30``), and characters XML cannot carry (C0 controls other
   than TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF — they would crash the BPMN writer later).

The error class is the caller's (:class:`ModelError` for models, :class:`CatalogueError` for catalogues,
:class:`ConfigError` for configuration); bombs and size limits are always :class:`HostileInputError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import yaml

from vollzug.errors import HostileInputError, ModelError, VollzugError
from vollzug.xmltext import non_xml_char

MAX_BYTES = 10 * 1024 * 1024
"""Largest YAML file accepted (10 MiB)."""
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


_CORE = "tag:yaml.org,2002:"
_COLLECTION_TAGS = frozenset({_CORE + "map", _CORE + "seq"})
_SCALAR_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp"))


class YamlData(NamedTuple):
    """Plain data from a YAML file plus the line of every key path."""

    data: Any
    lines: dict[Path_, int]

    def line(self, loc: tuple[Any, ...] | list[Any]) -> int | None:
        """Line of the deepest part of ``loc`` that exists (``None`` for an empty document)."""
        return line_for(self.lines, tuple(loc))


def line_for(lines: dict[Path_, int], loc: tuple[Any, ...]) -> int | None:
    """Line of the deepest existing prefix of ``loc``."""
    for end in range(len(loc), -1, -1):
        line = lines.get(tuple(loc[:end]))
        if line is not None:
            return line
    return None


def _shown(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


class _Builder:
    """Walk a composed node tree into plain data with a node budget, recording the line of every path."""

    def __init__(self, loader: _Loader, file: Path, error: type[VollzugError]) -> None:
        self.loader = loader
        self.file = file
        self.error = error
        self.visited = 0
        self.revisited = 0
        self.seen: set[int] = set()
        self.lines: dict[Path_, int] = {}

    def fail(self, message: str, node: yaml.Node) -> VollzugError:
        return self.error(message, file=self.file, line=_line(node))

    def build(self, node: yaml.Node, path: Path_ = (), depth: int = 0) -> Any:
        self._budget(node, depth)
        self.lines.setdefault(path, _line(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag not in _COLLECTION_TAGS:
                raise self.fail(f"YAML tag '{_shown(node.tag)}' is not allowed", node)
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def _budget(self, node: yaml.Node, depth: int) -> None:
        self.visited += 1
        if id(node) in self.seen:
            self.revisited += 1
        else:
            self.seen.add(id(node))
        if self.revisited > MAX_ALIAS_NODES:
            raise HostileInputError(f"YAML expands to more than {MAX_ALIAS_NODES} nodes through aliases "
                                    "(alias bomb?)", file=self.file, line=_line(node))
        if self.visited > MAX_NODES:
            raise HostileInputError(f"YAML has more than {MAX_NODES} nodes", file=self.file, line=_line(node))
        if depth > MAX_DEPTH:
            raise HostileInputError(f"YAML nested deeper than {MAX_DEPTH} levels", file=self.file, line=_line(node))

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        if node.tag not in _COLLECTION_TAGS:
            raise self.fail(f"YAML tag '{_shown(node.tag)}' is not allowed", node)
        explicit = sum(1 for key_node, _ in node.value if key_node.tag != _CORE + "merge")
        self.loader.flatten_mapping(node)  # merge keys (<<) first, within the same node budget below
        merged = len(node.value) - explicit
        result: dict[str, Any] = {}
        own: set[str] = set()
        for index, (key_node, value_node) in enumerate(node.value):
            key = self.scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                shown = repr(key) if key is not None else "(a collection)"
                raise self.fail(f"mapping key {shown} is not a string", key_node)
            if index >= merged:  # merged keys may be overridden; a key written twice is refused
                if key in own:
                    raise self.fail(f"duplicate key '{key}'", key_node)
                own.add(key)
            elif key in result:
                continue  # an earlier merge source wins (YAML merge key semantics)
            self.lines[(*path, key)] = _line(key_node)
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result

    def scalar(self, node: yaml.Node) -> Any:
        """One scalar, by its (resolved or explicit) tag; anything the tag cannot hold is a located error."""
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(f"YAML tag '{_shown(node.tag)}' is not allowed", node)
        try:
            value = self.loader.construct_object(node)
        except (ValueError, TypeError, OverflowError, yaml.constructor.ConstructorError):
            kind = node.tag.removeprefix(_CORE)
            what = "date" if kind == "timestamp" else kind
            raise self.fail(f"invalid {what} {str(node.value)[:80]!r}", node) from None
        if isinstance(value, str):
            bad = non_xml_char(value)
            if bad is not None:
                raise self.fail(f"character U+{ord(bad[1]):04X} is not allowed in text "
                                f"(position {bad[0] + 1} of the string)", node)
        return value


def parse_yaml_text(text: str, file: str | Path, *, error: type[VollzugError] = ModelError) -> YamlData:
    """Parse YAML (or JSON) text safely into plain data plus a ``path → line`` map (see the module docstring)."""
    path = Path(file)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise error("empty document", file=path, line=1)
        builder = _Builder(loader, path, error)
        data = builder.build(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = int(mark.line) + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        kind = "YAML error" if isinstance(exc, yaml.constructor.ConstructorError) else "YAML syntax error"
        raise error(f"{kind}: {problem}", file=path, line=line) from None
    except yaml.YAMLError as exc:
        raise error(f"YAML error: {exc}".splitlines()[0], file=path) from None
    except RecursionError:
        raise HostileInputError("YAML nested too deeply", file=path) from None
    finally:
        loader.dispose()
    return YamlData(data, builder.lines)


def read_text_limited(path: str | Path, *, error: type[VollzugError] = ModelError,
                      max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of a file (BOM allowed), refused by its size before reading."""
    p = Path(path)
    try:
        with p.open("rb") as handle:
            size = p.stat().st_size
            if size > max_bytes:
                raise HostileInputError(f"file larger than {max_bytes // (1024 * 1024)} MiB ({size} bytes)", file=p)
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", file=p) from None
    if len(raw) > max_bytes:
        raise HostileInputError(f"file larger than {max_bytes // (1024 * 1024)} MiB", file=p)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise error(f"not UTF-8 (byte {exc.start})", file=p, line=line) from None


def load_yaml_file(path: str | Path, *, error: type[VollzugError] = ModelError,
                   max_bytes: int = MAX_BYTES) -> YamlData:
    """Read and parse a YAML/JSON file safely (size limit, then :func:`parse_yaml_text`)."""
    return parse_yaml_text(read_text_limited(path, error=error, max_bytes=max_bytes), path, error=error)
