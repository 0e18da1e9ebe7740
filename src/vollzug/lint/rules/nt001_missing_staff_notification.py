"""NT001 missing-staff-notification."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.model.process import Step


def notification_steps(ctx: RuleContext) -> list[Step]:
    """Steps that are staff notifications (Inkenntnissetzung)."""
    return [s for s in ctx.index.own_steps if s.notification is not None]


class NotificationOptions(BaseModel):
    """Options of NT001."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    require_all: bool = False
    """Also require every modelled obligation (not only those a notification lists) to be notified first."""


class MissingStaffNotification(Rule):
    """A SOLL introduces obligations without informing staff before the steps that depend on them."""

    code = "NT001"
    name = "missing-staff-notification"
    gap = "G10"
    needs_catalogue = True
    options_model = NotificationOptions
    summary = Msg("Inkenntnissetzung des Personals fehlt", "Missing staff notification")
    what = Msg(
        "Ein Modell der Variante, die `checks.yaml` unter `notification.variants` nennt (Standard: SOLL), bildet "
        "Pflichten ab, aber keinen Schritt mit `notification` (Dienstanweisung, Schulung, Rundschreiben …); oder "
        "ein Schritt einer Pflicht, die eine Inkenntnissetzung nennt, liegt nicht hinter ihr (er ist von ihr aus "
        "nicht erreichbar; Schritte auf einem getrennten Pfad mit eigenem Startereignis werden nicht beurteilt). "
        "Mit `require_all = true` muss jede abgebildete Pflicht (außer `notification.exempt`) "
        "vorher bekannt gemacht werden; eine Inkenntnissetzung ohne Pflichtliste gilt für alle.",
        "A model of a variant listed under `notification.variants` in `checks.yaml` (default: SOLL) covers "
        "obligations but has no step with `notification` (service instruction, training, circular …); or a step of "
        "an obligation a notification lists does not come after it (is not reachable from it; steps on a separate "
        "path with a start event of their own are not judged). With "
        "`require_all = true` every modelled obligation (except `notification.exempt`) must be announced first; a "
        "notification without an obligation list covers all.",
    )
    why = Msg(
        "Neue oder geänderte Pflichten wirken nur, wenn die Bearbeitenden sie kennen; die Inkenntnissetzung muss "
        "vor den Schritten stehen, die von ihr abhängen.",
        "New or changed obligations only work if staff know them; notification has to come before the steps that "
        "depend on it.",
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
     notification: {recipients: [FB_Planung], obligations: [WPG.W01], channel: Dienstanweisung,
                    acknowledgement: true}}
  - {id: Task_1, name: Beschluss vorbereiten, obligations: [WPG.W01]}
sequence_flows:
  - {id: F0, source: Start_1, target: Task_0}
  - {id: F1, source: Task_0, target: Task_1}"""
    _none = Msg("Das {variant}-Modell führt Pflichten ein, modelliert aber keine Inkenntnissetzung des Personals.",
                "The {variant} model introduces obligations but models no staff notification.")
    _late = Msg("Pflicht {obligation}: keine Inkenntnissetzung des Personals vor „{name}“.",
                "Obligation {obligation}: no staff notification before '{name}'.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report a missing notification, and obligation steps not preceded by the notification naming them."""
        cfg = ctx.checks.notification
        opts = self.options
        assert isinstance(opts, NotificationOptions)
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
        listed = {o for n in notes if n.notification for o in n.notification.obligations}
        starts = [s for s in ctx.index.own_steps if s.type == "startEvent" and s.parent is None]
        start_reach = [ctx.index.reachable(s.id) for s in starts]
        for obligation, steps in sorted(pending.items()):
            if not opts.require_all and obligation not in listed:
                continue
            relevant = [n for n in notes if n.notification and (not n.notification.obligations
                                                                   or obligation in n.notification.obligations)]
            reached = [ctx.index.reachable(n.id) for n in relevant]
            for step in steps:
                if any(step.id in r for r in reached):
                    continue
                if not relevant or any(self._ordered(ctx, step.id, n.id, start_reach) for n in relevant):
                    yield self.report(step.id, self._late, obligation=obligation, name=step.name or step.id)
                break

    @staticmethod
    def _ordered(ctx: RuleContext, step: str, note: str, start_reach: list[frozenset[str]]) -> bool:
        """Whether the order of ``step`` and ``note`` can be told: one reaches the other, or a start event reaches
        both (on a separate path from another start event the notification may well come first in time)."""
        return note in ctx.index.reachable(step) or any(step in r and note in r for r in start_reach)
