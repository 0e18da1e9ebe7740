"""ST001 missing-stakeholder-involvement."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.lint.rules._lawutil import obligation_steps


def involved_kinds(ctx: RuleContext, step_ids: list[str]) -> set[str]:
    """Stakeholder kinds evidenced for these steps: message flows to/from their pools (or nodes), RACI entries."""
    index = ctx.index
    kind_of, pool_kind, node_pool = index.stakeholder_kind, index.pool_kind, index.step_pool
    incoming, steps, partners = index.incoming, index.steps, index.message_partners
    ids = set(step_ids)
    for sid in step_ids:  # the message event that triggers a step is part of it
        for seq in incoming.get(sid, ()):
            trigger = steps.get(seq.source)
            if trigger and trigger.event is not None and trigger.event.kind == "message":
                ids.add(trigger.id)
    kinds: set[str] = set()
    for own in ids:
        for other in partners.get(own, ()):
            pool = other if other in pool_kind else node_pool.get(other)
            if pool in pool_kind:
                kinds.add(pool_kind[pool])
        step = steps.get(own)
        for r in step.raci if step else ():
            if r.party in kind_of:
                kinds.add(kind_of[r.party])
    return kinds


class MissingStakeholderInvolvement(Rule):
    """A must-involve stakeholder of a covered obligation has no message flow or participation entry."""

    code = "ST001"
    name = "missing-stakeholder-involvement"
    gap = "G08"
    needs_catalogue = True
    summary = Msg("Pflichtbeteiligung fehlt", "Required stakeholder not involved")
    what = Msg(
        "Für eine abgebildete Pflicht verlangt der Katalog die Beteiligung einer Beteiligtenart (`involvement: "
        "must`), aber keiner ihrer Schritte (einschließlich Teilschritte) hat einen Nachrichtenfluss zum Pool einer "
        "Beteiligten dieser Art oder nennt sie in der RACI-Zuordnung. Ein Nachrichtenereignis, das direkt in einen "
        "Schritt der Pflicht führt, zählt zur Pflicht. Gemeldet wird am ersten Schritt der Pflicht (dort fehlt der "
        "Nachrichtenfluss). Gleichwertige Arten stehen in `checks.yaml` (`stakeholder_equivalents`).",
        "For a modelled obligation the catalogue requires a stakeholder kind to be involved (`involvement: must`), "
        "but none of its steps (including nested ones) has a message flow to the pool of a stakeholder of that kind "
        "or names one in its RACI assignments. A message event leading directly into a step of the obligation counts "
        "as part of it. The finding is reported at the obligation's first step (where the message flow is "
        "missing). Equivalent kinds are set in `checks.yaml` (`stakeholder_equivalents`).",
    )
    why = Msg(
        "Ein Nachrichtenfluss zu einer Muss-Beteiligten (z. B. § 7 Abs. 2 WPG: Netzbetreiber) ist der Nachweis, "
        "dass sie beteiligt wurde.",
        "A message flow to a must-involve party (e.g. § 7 Abs. 2 WPG: network operators) is the evidence that it "
        "was involved.",
    )
    invalid = """law: WPG
stakeholders:
  - {id: Netzbetreiber, name: Netzbetreiber Strom/Gas, kind: network_operator}
pools:
  - {id: Netzbetreiber, name: Netzbetreiber, stakeholder: Netzbetreiber, collapsed: true}
steps:
  - {id: Task_4, name: Netzbetreiber beteiligen, obligations: [WPG.W04]}"""
    valid = """# ... as above, plus:
message_flows:
  - {id: Msg_4, source: Task_4, target: Netzbetreiber, name: Beteiligung}"""
    _msg = Msg("Pflicht {obligation}: „{kind}“ muss beteiligt werden, es fehlt ein Nachrichtenfluss.",
               "Obligation {obligation}: '{kind}' must be involved; a message flow is missing.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report must-involve stakeholder kinds without evidence, at the obligation's first step."""
        names = {k.id: k.name for k in ctx.catalogue.stakeholder_kinds} if ctx.catalogue else {}
        equivalents = ctx.checks.stakeholder_equivalents
        for obligation in ctx.applicable:
            steps = obligation_steps(ctx, obligation.id)
            if not steps:
                continue
            kinds = involved_kinds(ctx, steps)
            for req in obligation.stakeholders:
                if req.involvement == "must" and req.stakeholder not in kinds \
                        and kinds.isdisjoint(equivalents.get(req.stakeholder, ())):
                    yield self.report(steps[0], self._msg, req.citation or None,
                                      obligation=obligation.id, kind=names.get(req.stakeholder, req.stakeholder))
