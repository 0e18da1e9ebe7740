"""VZ000 rule-crashed and VZ001 reader-warning: findings the engine itself produces."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from vollzug.i18n import Msg
from vollzug.lint.finding import Severity
from vollzug.lint.rule import Rule, RuleContext, Violation


class RuleCrashed(Rule):
    """A rule raised an exception; the run goes on and the crash is reported as a finding."""

    code = "VZ000"
    name = "rule-crashed"
    severity: ClassVar[Severity] = "error"
    groups = ("recommended",)
    summary = Msg("Regel ist abgestürzt", "Rule crashed")
    what = Msg(
        "Eine Regel hat bei der Prüfung eines Modells einen Fehler ausgelöst. Die Prüfung läuft weiter; der Absturz "
        "erscheint als eigener Befund mit Regelcode und Fehlermeldung.",
        "A rule raised an error while checking a model. The run goes on; the crash is reported as a finding of its "
        "own with the rule code and the error message.",
    )
    why = Msg(
        "Ein Fehler in einer Regel (oder einem Plugin) darf weder die übrigen Befunde verschlucken noch als "
        "„keine Befunde“ missverstanden werden.",
        "A bug in one rule (or a plugin) must neither hide the other findings nor pass for a clean result.",
    )
    invalid = "# any model that makes a rule raise an exception"
    valid = "# the same model once the rule is fixed"
    _msg = Msg("Regel {code} ({name}) ist abgestürzt: {error}", "Rule {code} ({name}) crashed: {error}")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """The engine reports crashes; this rule itself finds nothing."""
        return iter(())

    def crash(self, rule: type[Rule], exc: BaseException) -> Violation:
        """The violation for ``rule`` having raised ``exc``."""
        error = f"{type(exc).__name__}: {exc}"
        return self.report(None, self._msg, code=getattr(rule, "code", "?"), name=getattr(rule, "name", "?"),
                           error=error)


class ReaderWarning(Rule):
    """A warning of the model reader (unknown BPMN content, lax reading) shown as a finding."""

    code = "VZ001"
    name = "reader-warning"
    severity: ClassVar[Severity] = "warning"
    groups = ("recommended",)
    summary = Msg("Warnung beim Einlesen", "Reader warning")
    what = Msg(
        "Meldungen des BPMN- oder YAML-Lesers (z. B. unbekannte Elemente, die erhalten, aber nicht ausgewertet "
        "werden) erscheinen als Befunde mit Zeile und Element.",
        "Messages of the BPMN or YAML reader (e.g. unknown elements that are kept but not interpreted) appear as "
        "findings with line and element.",
    )
    why = Msg(
        "Was der Leser nicht versteht, prüfen die Regeln nicht; das soll sichtbar sein.",
        "What the reader does not understand, the rules do not check; that should be visible.",
    )
    invalid = "# a BPMN file with elements of an unknown extension"
    valid = "# the same file without them, or with the extension declared"

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """The engine reports reader diagnostics; this rule itself finds nothing."""
        return iter(())


class UnknownCatalogue(Rule):
    """The model names a law whose catalogue cannot be loaded; obligation-based rules are skipped."""

    code = "VZ002"
    name = "unknown-catalogue"
    severity: ClassVar[Severity] = "warning"
    groups = ("recommended",)
    summary = Msg("Unbekannter Pflichtenkatalog", "Unknown law catalogue")
    what = Msg(
        "Das Modell nennt ein Gesetz (`law`), zu dem kein Pflichtenkatalog geladen werden kann. Regeln, die den "
        "Katalog brauchen (Abdeckung, Beteiligung, Fristen, Datenschutz), werden für dieses Modell übersprungen.",
        "The model names a law (`law`) for which no catalogue can be loaded. Rules that need the catalogue "
        "(coverage, stakeholders, deadlines, data protection) are skipped for this model.",
    )
    why = Msg(
        "Sonst sähe ein Modell mit Tippfehler im Gesetz fälschlich „sauber“ aus.",
        "Otherwise a model with a typo in its law would wrongly look clean.",
    )
    invalid = "law: WGP"
    valid = "law: WPG"
    _msg = Msg("Kein Pflichtenkatalog für „{law}“ (bekannt: {known}); Pflichtregeln übersprungen.",
               "No catalogue for '{law}' (known: {known}); obligation rules skipped.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report a named law without a loadable catalogue."""
        if ctx.model.law and ctx.catalogue is None:
            from vollzug.lint.lawdata import known_catalogues

            yield self.report(ctx.model.id, self._msg, law=ctx.model.law, known=", ".join(known_catalogues()) or "-")
