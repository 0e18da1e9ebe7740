"""OB006 obligation-order."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class ObligationOrder(Rule):
    """An obligation is modelled before an obligation it depends on."""

    code = "OB006"
    name = "obligation-order"
    gap = "G04"
    groups = ("strict",)
    needs_catalogue = True
    summary = Msg("Pflichten in falscher Reihenfolge", "Obligations in the wrong order")
    what = Msg(
        "Der Katalog legt fest, dass eine Pflicht erst nach einer anderen erfüllt wird (`depends_on`, z. B. "
        "Beschluss des Wärmeplans nach seiner Zusammenstellung). Im Modell folgt aber keiner ihrer Schritte auf einen "
        "Schritt der Vorgängerpflicht, während ein Schritt der Vorgängerpflicht auf sie folgt. Nur im Preset `strict`, "
        "weil `depends_on` im Katalog teils nicht verifiziert ist und eine Pflicht mehrere Schritte haben kann "
        "(z. B. eVB-Prüfung nach Antragseingang).",
        "The catalogue says an obligation is met only after another (`depends_on`, e.g. adopting the heat plan "
        "after compiling it). In the model, however, none of its steps follows a step of the prerequisite, while a "
        "step of the prerequisite follows it. Only in the `strict` preset, because `depends_on` is partly unverified "
        "in the catalogue and an obligation may have several steps (e.g. checking the eVB after the application).",
    )
    why = Msg(
        "Die Reihenfolge ist oft rechtlich vorgegeben (§ 13 WPG: Eignungsprüfung → Bestands- und Potenzialanalyse → "
        "Entwurf); ein vertauschter Ablauf ist ein Verfahrensfehler.",
        "The order is often set by law (§ 13 WPG: suitability test → analyses → draft); a swapped sequence is a "
        "procedural error.",
    )
    invalid = """law: WPG
steps:
  - {id: T15, name: Wärmeplan beschließen, obligations: [WPG.W15]}
  - {id: T14, name: Wärmeplan zusammenstellen, obligations: [WPG.W14]}
sequence_flows:
  - {id: F1, source: T15, target: T14}"""
    valid = """law: WPG
steps:
  - {id: T14, name: Wärmeplan zusammenstellen, obligations: [WPG.W14]}
  - {id: T15, name: Wärmeplan beschließen, obligations: [WPG.W15]}
sequence_flows:
  - {id: F1, source: T14, target: T15}"""
    _msg = Msg("Pflicht {obligation} („{name}“) liegt vor ihrer Vorgängerpflicht {before} („{before_name}“).",
               "Obligation {obligation} ('{name}') comes before its prerequisite {before} ('{before_name}').")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report obligations that only occur before their prerequisites."""
        by_obligation = ctx.index.steps_by_obligation
        for obligation in ctx.applicable:
            steps = by_obligation.get(obligation.id, [])
            for before in obligation.depends_on:
                prior = by_obligation.get(before, [])
                if not steps or not prior:
                    continue
                after_prior = set().union(*(ctx.index.reachable(p.id) for p in prior)) - {p.id for p in prior}
                after_own = set().union(*(ctx.index.reachable(s.id) for s in steps)) - {s.id for s in steps}
                if not any(s.id in after_prior for s in steps) and any(p.id in after_own for p in prior):
                    yield self.report(steps[0].id, self._msg, obligation.citations[0] if obligation.citations else None,
                                      obligation=obligation.id, name=steps[0].name or steps[0].id, before=before,
                                      before_name=prior[0].name or prior[0].id)
