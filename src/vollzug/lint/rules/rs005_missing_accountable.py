"""RS005 missing-accountable."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class MissingAccountable(Rule):
    """No step of an obligation names an Accountable (RACI "A")."""

    code = "RS005"
    name = "missing-accountable"
    gap = "G01"
    summary = Msg("Verantwortliche Stelle fehlt", "Missing accountable party")
    what = Msg(
        "Keiner der Schritte einer Pflicht nennt eine verantwortliche Stelle (RACI „A“).",
        "None of the steps of an obligation names an accountable party (RACI 'A').",
    )
    why = Msg(
        "Ohne „A“ trägt niemand die Ergebnisverantwortung, etwa wenn die Planung ganz an Dritte vergeben ist.",
        "Without an 'A' nobody answers for the result, e.g. when planning is fully outsourced.",
    )
    invalid = """steps:
  - {id: Task_1, name: Bestandsanalyse, obligations: [WPG.W08], raci: [{party: Planungsbuero, letter: R}]}"""
    valid = """steps:
  - {id: Task_1, name: Bestandsanalyse, obligations: [WPG.W08], raci: [{party: Planungsbuero, letter: R},
      {party: FB_Planung, letter: A}]}"""
    _msg = Msg("Pflicht {obligation} hat keine verantwortliche Stelle (kein A an ihren Schritten).",
               "Obligation {obligation} has no accountable party (no A on its steps).")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report each obligation whose own steps name no A, at its first step."""
        own = {s.id for s in ctx.index.own_steps}
        for obligation, steps in ctx.index.steps_by_obligation.items():
            steps = [s for s in steps if s.id in own]
            if steps and not any(r.letter == "A" for s in steps for r in s.raci):
                yield self.report(steps[0].id, self._msg, obligation=obligation)
