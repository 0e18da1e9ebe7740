"""Regelauswahl: preset + ``select``/``ignore`` by code prefix, longest prefix wins (ruff-style).

* ``select``/``ignore`` entries are code prefixes (``RS``, ``RS00``, ``RS001``), rule names or aliases, or ``ALL``.
* For each rule the longest matching entry decides; on a tie ``ignore`` wins.
* A rule no entry matches is enabled if it is in the preset and no ``select`` was given (an explicit ``select``
  means "exactly these").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from vollzug.errors import ConfigError
from vollzug.lint.rule import Rule

PRESETS: tuple[str, ...] = ("recommended", "strict", "all")
"""Presets: ``recommended`` (default), ``strict`` (recommended + stricter rules), ``all`` (every rule)."""


def in_preset(rule: type[Rule], preset: str) -> bool:
    """Whether ``rule`` belongs to ``preset``."""
    if preset == "all":
        return True
    if preset == "strict":
        return "recommended" in rule.groups or "strict" in rule.groups
    if preset == "recommended":
        return "recommended" in rule.groups
    raise ConfigError(f"unknown preset '{preset}' (known: {', '.join(PRESETS)})")


def _specificity(rule: type[Rule], entry: str) -> int | None:
    """How specifically ``entry`` matches ``rule`` (length of the matched prefix), or None."""
    if entry.upper() == "ALL":
        return 0
    if entry == rule.name or entry in rule.aliases:
        return len(rule.code) + 1
    if rule.code.startswith(entry.upper()):
        return len(entry)
    for alias in rule.aliases:
        if alias.startswith(entry.upper()):
            return len(entry)
    return None


def _check_entries(rules: Mapping[str, type[Rule]], entries: Iterable[str], what: str) -> None:
    for entry in entries:
        if not any(_specificity(r, entry) is not None for r in rules.values()):
            raise ConfigError(f"{what}: '{entry}' matches no rule (see 'vollzug rules')")


def select_rules(
    rules: Mapping[str, type[Rule]],
    preset: str = "recommended",
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[type[Rule]]:
    """The enabled rules, sorted by code."""
    select, ignore = tuple(select), tuple(ignore)
    _check_entries(rules, select, "select")
    _check_entries(rules, ignore, "ignore")
    enabled: list[type[Rule]] = []
    for code in sorted(rules):
        rule = rules[code]
        best_select = max((s for e in select if (s := _specificity(rule, e)) is not None), default=None)
        best_ignore = max((s for e in ignore if (s := _specificity(rule, e)) is not None), default=None)
        if best_ignore is not None and (best_select is None or best_ignore >= best_select):
            continue
        if best_select is not None or (not select and in_preset(rule, preset)):
            enabled.append(rule)
    return enabled


def lookup(rules: Mapping[str, type[Rule]], key: str) -> type[Rule] | None:
    """A rule by exact code, name or alias."""
    for rule in rules.values():
        if key.upper() == rule.code or key == rule.name or key in rule.aliases or key.upper() in rule.aliases:
            return rule
    return None
