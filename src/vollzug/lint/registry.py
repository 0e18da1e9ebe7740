"""Regelverzeichnis: discovers the built-in rules (package scan) and plugins (entry-point group ``vollzug.rules``).

A plugin entry point names either a :class:`~vollzug.lint.rule.Rule` subclass or a module containing some.
Codes are unique and never reused; ``aliases`` keep old codes or names working.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib.metadata import entry_points
from types import ModuleType

from vollzug.errors import ConfigError
from vollzug.lint import rules as builtin_rules
from vollzug.lint.rule import Rule

ENTRY_POINT_GROUP = "vollzug.rules"
"""Entry-point group for rule plugins."""

CODE_PATTERN = re.compile(r"^[A-Z]{2}\d{3}$")
"""Rule code grammar: two capital letters (the family) and three digits."""
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
"""Rule name grammar: kebab-case."""

FAMILIES: dict[str, tuple[str, str]] = {
    "BP": ("Modellierung", "Modelling"),
    "RS": ("Zuständigkeit", "Responsibility"),
    "OB": ("Pflichten", "Obligations"),
    "ST": ("Beteiligung", "Stakeholders"),
    "NT": ("Inkenntnissetzung", "Notifications"),
    "RE": ("Ressourcen", "Resources"),
    "DL": ("Fristen", "Deadlines"),
    "DP": ("Datenschutz", "Data protection"),
    "VZ": ("Engine", "Engine"),
}
"""Rule families by code prefix: German and English name."""


def _rules_in(module: ModuleType) -> list[type[Rule]]:
    return [
        obj for _name, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__ and "code" in obj.__dict__
    ]


def _builtin() -> list[type[Rule]]:
    found: list[type[Rule]] = []
    for info in sorted(pkgutil.iter_modules(builtin_rules.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            found.extend(_rules_in(importlib.import_module(f"{builtin_rules.__name__}.{info.name}")))
    return found


def _plugins() -> list[type[Rule]]:
    found: list[type[Rule]] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
        except Exception as exc:
            raise ConfigError(f"rule plugin '{ep.name}' ({ep.value}) cannot be loaded: {exc}") from exc
        if inspect.ismodule(obj):
            found.extend(_rules_in(obj))
        elif inspect.isclass(obj) and issubclass(obj, Rule):
            found.append(obj)
        else:
            raise ConfigError(f"rule plugin '{ep.name}' ({ep.value}) is neither a Rule class nor a module")
    return found


def validate_rules(rules: Iterable[type[Rule]]) -> dict[str, type[Rule]]:
    """Check codes, names and aliases; return the rules by code (sorted)."""
    by_code: dict[str, type[Rule]] = {}
    names: dict[str, str] = {}
    for rule in rules:
        where = f"{rule.__module__}.{rule.__qualname__}"
        if not CODE_PATTERN.match(rule.code):
            raise ConfigError(f"rule {where}: code '{rule.code}' is not two capital letters and three digits")
        if not NAME_PATTERN.match(rule.name):
            raise ConfigError(f"rule {where}: name '{rule.name}' is not kebab-case")
        for key in (rule.code, rule.name, *rule.aliases):
            owner = names.get(key)
            if owner is not None and owner != rule.code:
                raise ConfigError(f"rule {where}: '{key}' is already used by {owner}")
            names[key] = rule.code
        by_code[rule.code] = rule
    return dict(sorted(by_code.items()))


@lru_cache(maxsize=1)
def all_rules() -> dict[str, type[Rule]]:
    """Every available rule by code: built-in rules and plugins."""
    return validate_rules([*_builtin(), *_plugins()])


def resolve(key: str) -> type[Rule] | None:
    """A rule by code, name or alias (case-insensitive for codes)."""
    rules = all_rules()
    upper = key.upper()
    if upper in rules:
        return rules[upper]
    for rule in rules.values():
        if key == rule.name or key in rule.aliases or upper in rule.aliases:
            return rule
    return None
