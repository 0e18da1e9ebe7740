"""Prüfmaschine: runs the enabled rules over models and turns violations into findings.

The engine adds what rules never know: file, line, effective severity, suppression. A rule that raises becomes a
finding of its own (``VZ000 rule-crashed``) and the run goes on. Reader warnings become ``VZ001`` findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vollzug import __version__
from vollzug.batch import Batch, require_files
from vollzug.errors import ConfigError
from vollzug.i18n import Text
from vollzug.lint.config import Config
from vollzug.lint.finding import CheckResult, FileResult, Finding, summarise
from vollzug.lint.lawdata import applicable_obligations, load_catalogue, load_law_checks
from vollzug.lint.registry import all_rules
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.lint.rules.vz000_rule_crashed import ReaderWarning, RuleCrashed
from vollzug.lint.selection import lookup, select_rules
from vollzug.loader import LoadedModel, iter_model_files, load_model
from vollzug.model.law import Catalogue
from vollzug.model.process import OperationalModel

SUPPRESS_ANNOTATION = re.compile(
    r"^\s*vollzug:\s*ignore\s+(?P<codes>[A-Za-z0-9_,\s-]+?)\s*(?:--|—|–)\s*(?P<reason>\S.*)$", re.DOTALL
)
"""In-model suppression by text annotation: ``vollzug: ignore RS003, NT -- Begründung``.
Attached to an element it suppresses for that element; unattached, for the whole model."""


def _annotation_suppressions(model: OperationalModel) -> list[tuple[str | None, str, str]]:
    """(element or None for the model, code, reason) from suppression annotations."""
    result: list[tuple[str | None, str, str]] = []
    for note in model.annotations:
        match = SUPPRESS_ANNOTATION.match(note.text)
        if match:
            for code in re.split(r"[,\s]+", match["codes"].strip()):
                if code:
                    result.append((note.target, code, match["reason"].strip()))
    return result


def _matches(entry: str, rule: type[Rule]) -> bool:
    return rule.code.startswith(entry.upper()) or entry == rule.name or entry.upper() == "ALL"


class Engine:
    """Runs a fixed set of rules with one configuration; caches catalogues across models."""

    def __init__(self, config: Config | None = None, rules: Sequence[type[Rule]] | None = None) -> None:
        self.config = config or Config()
        available = all_rules()
        self.rules: list[type[Rule]] = list(rules) if rules is not None else select_rules(
            available, self.config.preset, self.config.select, self.config.ignore
        )
        for key in (*self.config.severity, *self.config.options):
            if lookup(available, key) is None and not any(r.code == key for r in self.rules):
                raise ConfigError(f"configuration names unknown rule '{key}'", file=self.config.source)
        self._catalogues: dict[str, Catalogue | None] = {}
        self._instances: dict[tuple[type[Rule], str | None], Rule] = {}
        """Rule objects with their validated options, per rule and law (rules keep no state between models)."""

    def _catalogue(self, law: str | None) -> Catalogue | None:
        if not law:
            return None
        if law not in self._catalogues:
            self._catalogues[law] = load_catalogue(law)
        return self._catalogues[law]

    def _options(self, rule: type[Rule], law_options: dict[str, dict[str, Any]]) -> Any:
        merged: dict[str, Any] = {}
        for source in (law_options, self.config.options):
            for key, values in source.items():
                if key.upper() == rule.code or key == rule.name:
                    merged.update(values)
        try:
            return rule.options_model.model_validate(merged)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ConfigError(f"options of {rule.code} ({rule.name}): {where}: {first['msg']}",
                              file=self.config.source) from exc

    def _severity(self, rule: type[Rule]) -> Any:
        for key, value in self.config.severity.items():
            if key.upper() == rule.code or key == rule.name:
                return value
        return rule.severity

    def context(self, model: OperationalModel, lines: dict[str, int] | None = None) -> RuleContext:
        """The rule context for a model (catalogue, applicable obligations, law check parameters)."""
        catalogue = self._catalogue(model.law)
        applicable = applicable_obligations(catalogue, model.municipality, model.choices) if catalogue else ()
        checks = load_law_checks(model.law) if model.law else load_law_checks("")
        return RuleContext(model=model, catalogue=catalogue, applicable=applicable, checks=checks, lines=lines or {})

    def check_model(self, model: OperationalModel, file: str | None = None,
                    lines: dict[str, int] | None = None) -> list[Finding]:
        """Findings for one model."""
        ctx = self.context(model, lines)
        element_sups = {s.id: s.suppressions for s in model.steps}
        note_sups = _annotation_suppressions(model)
        findings: list[Finding] = []
        for rule_cls in self.rules:
            if rule_cls.needs_catalogue and ctx.catalogue is None:
                continue
            try:
                key = (rule_cls, model.law)
                rule = self._instances.get(key)
                if rule is None:
                    rule = self._instances[key] = rule_cls(self._options(rule_cls, ctx.checks.options))
                violations = list(rule.check(ctx))
            except ConfigError:
                raise
            except Exception as exc:
                violations = [RuleCrashed().crash(rule_cls, exc)]
                rule_cls = RuleCrashed
            severity = self._severity(rule_cls)
            for v in violations:
                findings.append(self._finding(rule_cls, severity, v, file, ctx, element_sups, note_sups))
        return sorted(findings, key=Finding.sort_key)

    def _finding(self, rule: type[Rule], severity: Any, v: Violation, file: str | None, ctx: RuleContext,
                 element_sups: dict[str, Any], note_sups: list[tuple[str | None, str, str]]) -> Finding:
        reason: str | None = None
        for sup in element_sups.get(v.element or "", ()):
            if _matches(sup.code, rule):
                reason = sup.reason
                break
        if reason is None:
            reason = next((r for el, code, r in note_sups if (el is None or el == v.element) and _matches(code, rule)),
                          None)
        if reason is None and file is not None:
            file_sup = self.config.suppression_for(file, rule.code, rule.name)
            reason = file_sup.reason if file_sup else None
        line = ctx.lines.get(v.element) if v.element else None
        return Finding(code=rule.code, name=rule.name, severity=severity, message=v.message, file=file, line=line,
                       element=v.element, citation=v.citation, gap=rule.gap, suppressed=reason is not None,
                       suppression_reason=reason)

    def check_loaded(self, loaded: LoadedModel, file: str | None = None) -> FileResult:
        """Findings for a loaded model file, including reader warnings (``VZ001``)."""
        name = file if file is not None else str(loaded.path)
        findings = self.check_model(loaded.model, name, dict(loaded.lines))
        if any(r.code == ReaderWarning.code for r in self.rules):
            for diag in loaded.diagnostics:
                findings.append(Finding(
                    code=ReaderWarning.code, name=ReaderWarning.name, severity=diag.severity,
                    message=Text(de=diag.message, en=diag.message), file=name, line=diag.line,
                    element=diag.element))
        model = loaded.model
        return FileResult(file=name, title=model.title, law=model.law, variant=model.variant,
                          municipality=model.municipality.name if model.municipality else None,
                          findings=tuple(sorted(findings, key=Finding.sort_key)))

    def check_paths(self, paths: Iterable[str | Path], batch: Batch | None = None) -> CheckResult:
        """Check files and folders (folders expanded; a built ``.bpmn`` beside its ``.yaml`` is skipped, and so are
        YAML/JSON files in folders that are not models, e.g. ``models/expected-gaps.yaml``).

        With a ``batch``, a file that cannot be read is recorded there and left out; without, reading it raises.
        An empty set of files is an error."""
        given = [Path(p) for p in paths]
        files = require_files(iter_model_files(given), given)
        if batch is None:
            results = tuple(self.check_loaded(load_model(f), str(f)) for f in files)
        else:
            loaded = ((f, batch.attempt(f, partial(load_model, f))) for f in files)
            results = tuple(self.check_loaded(m, str(f)) for f, m in loaded if m is not None)
        return CheckResult(tool_version=__version__, rules=tuple(r.code for r in self.rules), files=results,
                           summary=summarise(results))
