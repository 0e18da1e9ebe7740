"""OB001 uncovered-obligation."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.lint.rules._lawutil import covered, expected, first_citation, is_publication


class UncoveredObligation(Rule):
    """An applicable obligation of the catalogue is covered by no step."""

    code = "OB001"
    name = "uncovered-obligation"
    gap = "G01"
    needs_catalogue = True
    summary = Msg("Pflicht nicht abgebildet", "Obligation not covered")
    what = Msg(
        "Eine Pflicht des Katalogs, die für die Kommune gilt (nach Einwohnerzahl, Landesoptionen und Wahl der "
        "Kommune, z. B. vereinfachtes Verfahren), wird von keinem Schritt erfüllt. Optionale Pflichten und die in "
        "`rules/<gesetz>/checks.yaml` unter `coverage_exempt` genannten sind ausgenommen; Veröffentlichungspflichten "
        "prüft OB005.",
        "An obligation of the catalogue that applies to the municipality (by population, Land options and the "
        "municipality's choices, e.g. the simplified procedure) is fulfilled by no step. Optional obligations and "
        "those listed under `coverage_exempt` in `rules/<law>/checks.yaml` are exempt; publication duties are "
        "checked by OB005.",
    )
    why = Msg(
        "Eine Pflicht ohne Schritt hat niemanden, der sie erfüllt: eine Vollzugslücke.",
        "An obligation without a step has nobody fulfilling it: a gap in execution.",
    )
    invalid = """law: WPG
municipality: {ags: "05566076", name: Rheine, kind: Stadt, population: {count: 76344, reference_date: 2024-01-01}}
steps:
  - {id: Task_1, name: Beschluss, obligations: [WPG.W01]}
# ... no step for WPG.W08 (Bestandsanalyse)"""
    valid = """steps:
  - {id: Task_1, name: Beschluss, obligations: [WPG.W01]}
  - {id: Task_8, name: Bestandsanalyse, obligations: [WPG.W08]}"""
    _msg = Msg("Pflicht {id} „{title_de}“ wird von keinem Schritt erfüllt.",
               "Obligation {id} '{title_en}' is covered by no step.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report each expected, non-publication obligation no step refers to."""
        done = covered(ctx)
        for obligation in expected(ctx):
            if obligation.id not in done and not is_publication(ctx, obligation):
                citation = first_citation(obligation)
                yield self.report(ctx.model.id, self._msg, citation, id=obligation.id, title_de=obligation.title,
                                  title_en=obligation.title_en or obligation.title)
