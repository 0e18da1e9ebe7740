"""ST002 single-shot-participation."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.lint.rules._lawutil import obligation_steps


def is_continuous(ctx: RuleContext, step_id: str) -> bool:
    """A step repeats or runs alongside: loop marker, inside a looping/ad-hoc sub-process, on a sequence-flow cycle,
    or on a branch of a parallel gateway."""
    step = ctx.index.steps.get(step_id)
    seen: set[str] = set()
    while step is not None and step.id not in seen:
        seen.add(step.id)
        if step.loop != "none" or step.type == "adHocSubProcess":
            return True
        if _on_cycle(ctx, step.id):
            return True
        if any(ctx.index.steps[f.source].type in {"parallelGateway", "inclusiveGateway"}
               for f in ctx.index.incoming.get(step.id, []) if f.source in ctx.index.steps):
            return True
        step = ctx.index.steps.get(step.parent) if step.parent else None
    return False


def _on_cycle(ctx: RuleContext, start: str) -> bool:
    """Whether ``start`` can reach itself along sequence flows."""
    return any(start in ctx.index.reachable(f.target) for f in ctx.index.outgoing.get(start, []))


class SingleShotParticipation(Rule):
    """'Early and continuous' participation is modelled as a single task."""

    code = "ST002"
    name = "single-shot-participation"
    gap = "G08"
    needs_catalogue = True
    summary = Msg("Fortlaufende Beteiligung nur einmalig", "Continuous participation modelled once")
    what = Msg(
        "Der Katalog verlangt eine „frühzeitige und fortlaufende“ Beteiligung (`continuous: true`), aber kein Schritt "
        "der Pflicht wiederholt sich (Schleife, Teilprozess mit Schleife, Ad-hoc-Teilprozess, Rückkante) oder läuft "
        "als paralleler Zweig neben der Planung.",
        "The catalogue requires 'early and continuous' participation (`continuous: true`), but no step of the "
        "obligation repeats (loop marker, looping sub-process, ad-hoc sub-process, back edge) or runs as a parallel "
        "branch alongside the planning.",
    )
    why = Msg(
        "Eine einmalige Anhörung erfüllt „fortlaufend“ (§ 7 Abs. 2 WPG) nicht; Netzbetreiber müssen die ganze "
        "Planung begleiten.",
        "A one-off hearing does not satisfy 'continuous' (§ 7 Abs. 2 WPG); network operators must accompany the "
        "whole planning.",
    )
    invalid = """law: WPG
steps:
  - {id: Task_4, name: Netzbetreiber beteiligen, obligations: [WPG.W04]}"""
    valid = """law: WPG
steps:
  - {id: Task_4, name: Netzbetreiber fortlaufend beteiligen, obligations: [WPG.W04], loop: standard}"""
    _msg = Msg("Pflicht {obligation}: Beteiligung von „{kind}“ muss frühzeitig und fortlaufend sein, ist "
               "aber ein einmaliger Schritt.",
               "Obligation {obligation}: involvement of '{kind}' must be early and continuous but is a "
               "single step.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report continuous-participation obligations none of whose steps repeats or runs in parallel."""
        names = {k.id: k.name for k in ctx.catalogue.stakeholder_kinds} if ctx.catalogue else {}
        for obligation in ctx.applicable:
            steps = obligation_steps(ctx, obligation.id)
            continuous = [r for r in obligation.stakeholders if r.continuous]
            if not steps or not continuous:
                continue
            if not any(is_continuous(ctx, s) for s in steps):
                req = continuous[0]
                kinds = ", ".join(names.get(r.stakeholder, r.stakeholder) for r in continuous)
                yield self.report(steps[0], self._msg, req.citation or None, obligation=obligation.id, kind=kinds)
