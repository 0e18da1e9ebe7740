"""RS001 missing-responsible."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class MissingResponsible(Rule):
    """An activity has neither a lane nor a RACI "R"."""

    code = "RS001"
    name = "missing-responsible"
    gap = "G01"
    summary = Msg("Zuständigkeit fehlt", "Missing responsible unit")
    what = Msg(
        "Eine Tätigkeit der Kommune liegt in keiner Lane (Organisationseinheit) und hat keine RACI-Zuordnung „R“.",
        "An activity of the municipality lies in no lane (org unit) and has no RACI assignment 'R'.",
    )
    why = Msg(
        "Fehlende Zuständigkeiten sind die häufigste Schwachstelle im Vollzug (Organisationshandbuch, Anhang A1).",
        "Missing responsibilities are the most common weakness in administrative processes (Orghandbuch, annex A1).",
    )
    invalid = """steps:
  - {id: Task_1, name: Bestandsanalyse durchführen}"""
    valid = """org_units:
  - {id: FB_Planung, name: FB Stadtentwicklung}
steps:
  - {id: Task_1, name: Bestandsanalyse durchführen, lane: FB_Planung}"""
    _msg = Msg("„{name}“ hat keine zuständige Stelle (keine Lane, kein R).",
               "'{name}' has no responsible unit (no lane, no R).")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report own activities without lane and without R."""
        for step in ctx.index.activities:
            if step.lane is None and not any(r.letter == "R" for r in step.raci):
                yield self.report(step.id, self._msg, name=step.name or step.id)
