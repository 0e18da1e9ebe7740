"""NT001 missing-staff-notification."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.model.process import Step


def notification_steps(ctx: RuleContext) -> list[Step]:
    """Steps that are staff notifications (Inkenntnissetzung)."""
    return [s for s in ctx.index.own_steps if s.notification is not None]


class MissingStaffNotification(Rule):
    """A SOLL introduces obligations without informing staff before the steps that depend on them."""

    code = "NT001"
    name = "missing-staff-notification"
    gap = "G10"
    needs_catalogue = True
    summary = Msg("Inkenntnissetzung des Personals fehlt", "Missing staff notification")
    what = Msg(
        "In einem Modell der Variante, die `checks.yaml` unter `notification.variants` nennt (Standard: SOLL), "
        "muss jede abgebildete Pflicht der Kommune durch einen Schritt mit `notification` (Dienstanweisung, "
        "Schulung, Rundschreiben …) bekannt gemacht werden, der vor ihrem ersten Schritt liegt. Eine "
        "Inkenntnissetzung ohne Pflichtliste gilt für alle Pflichten. Ausgenommen: `notification.exempt`.",
        "In a model of a variant listed under `notification.variants` in `checks.yaml` (default: SOLL), every "
        "modelled obligation of the municipality must be announced by a step with `notification` (service "
        "instruction, training, circular …) that comes before the obligation's first step. A notification without "
        "an obligation list covers all obligations. Exempt: `notification.exempt`.",
    )
    why = Msg(
        "Neue oder geänderte Pflichten wirken nur, wenn die Bearbeitenden sie kennen; die Inkenntnissetzung muss "
        "vor dem Echtbetrieb stehen.",
        "New or changed obligations only work if staff know them; notification has to come before go-live.",
    )
    invalid = """law: WPG
variant: SOLL
steps:
  - {id: Start_1, type: startEvent, name: LWPG in Kraft}
  - {id: Task_1, name: Beschluss vorbereiten, obligations: [WPG.W01]}
sequence_flows:
  - {id: F1, source: Start_1, target: Task_1}"""
    valid = """law: WPG
variant: SOLL
steps:
  - {id: Start_1, type: startEvent, name: LWPG in Kraft}
  - {id: Task_0, name: Dienstanweisung Wärmeplanung, basis: internal,
     notification: {recipients: [FB_Planung], channel: Dienstanweisung, acknowledgement: true}}
  - {id: Task_1, name: Beschluss vorbereiten, obligations: [WPG.W01]}
sequence_flows:
  - {id: F0, source: Start_1, target: Task_0}
  - {id: F1, source: Task_0, target: Task_1}"""
    _none = Msg("Das {variant}-Modell führt Pflichten ein, modelliert aber keine Inkenntnissetzung des Personals.",
                "The {variant} model introduces obligations but models no staff notification.")
    _late = Msg("Pflicht {obligation}: keine Inkenntnissetzung des Personals vor „{name}“.",
                "Obligation {obligation}: no staff notification before '{name}'.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report obligations whose first step is not preceded by a notification covering them."""
        cfg = ctx.checks.notification
        if ctx.model.variant not in cfg.variants:
            return
        own = {s.id for s in ctx.index.own_steps}
        pending = {o: [s for s in steps if s.id in own] for o, steps in ctx.index.steps_by_obligation.items()
                   if o in ctx.obligations and o not in cfg.exempt}
        pending = {o: steps for o, steps in pending.items() if steps}
        if not pending:
            return
        notes = notification_steps(ctx)
        if not notes:
            yield self.report(ctx.model.id, self._none, variant=ctx.model.variant)
            return
        for obligation, steps in sorted(pending.items()):
            relevant = [n for n in notes if n.notification and (not n.notification.obligations
                                                                   or obligation in n.notification.obligations)]
            reached = set().union(*(ctx.index.reachable(n.id) for n in relevant)) if relevant else set()
            first = next((s for s in steps if s.id not in reached), None)
            if first is not None:
                yield self.report(first.id, self._late, obligation=obligation, name=first.name or first.id)
