"""RS002 ambiguous-accountable."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class AmbiguousAccountable(Rule):
    """An obligation has more than one Accountable across its steps (AKV principle)."""

    code = "RS002"
    name = "ambiguous-accountable"
    gap = "G02"
    summary = Msg("Mehrfache Verantwortung (AKV)", "Ambiguous accountability (AKV)")
    what = Msg(
        "Die Schritte einer Pflicht nennen zusammen mehr als eine verantwortliche Stelle (RACI „A“).",
        "The steps of one obligation name more than one accountable party (RACI 'A') between them.",
    )
    why = Msg(
        "Aufgabe, Kompetenz und Verantwortung müssen zusammenfallen (AKV-Prinzip); zwei „A“ heißen: niemand.",
        "Task, competence and responsibility must coincide (AKV principle); two 'A's mean nobody.",
    )
    invalid = """steps:
  - {id: Task_1, name: Entwurf erstellen, obligations: [WPG.W10], raci: [{party: FB_Planung, letter: A}]}
  - {id: Task_2, name: Entwurf abstimmen, obligations: [WPG.W10], raci: [{party: Klimaschutz, letter: A}]}"""
    valid = """steps:
  - {id: Task_1, name: Entwurf erstellen, obligations: [WPG.W10], raci: [{party: FB_Planung, letter: A}]}
  - {id: Task_2, name: Entwurf abstimmen, obligations: [WPG.W10], raci: [{party: FB_Planung, letter: A},
      {party: Klimaschutz, letter: R}]}"""
    _msg = Msg("Pflicht {obligation} hat {count} verantwortliche Stellen (A): {parties}.",
               "Obligation {obligation} has {count} accountable parties (A): {parties}.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report each obligation whose own steps name more than one A, at its first step."""
        own = {s.id for s in ctx.index.own_steps}
        for obligation, steps in ctx.index.steps_by_obligation.items():
            steps = [s for s in steps if s.id in own]
            parties = sorted({r.party for s in steps for r in s.raci if r.letter == "A"})
            if len(parties) > 1:
                yield self.report(steps[0].id, self._msg, obligation=obligation, count=len(parties),
                                  parties=", ".join(parties))
