"""NT002 incomplete-notification."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.lint.rules.nt001_missing_staff_notification import notification_steps


class IncompleteNotification(Rule):
    """A staff notification lacks known recipients or an acknowledgement."""

    code = "NT002"
    name = "incomplete-notification"
    gap = "G10"
    summary = Msg("Unvollständige Inkenntnissetzung", "Incomplete staff notification")
    what = Msg(
        "Eine Inkenntnissetzung nennt keine oder unbekannte Empfänger (Organisationseinheiten oder Rollen des "
        "Modells) oder sieht keine Kenntnisnahme (`acknowledgement: true`) vor.",
        "A staff notification names no or unknown recipients (org units or roles of the model) or requires no "
        "acknowledgement (`acknowledgement: true`).",
    )
    why = Msg(
        "Nur wer weiß, wer unterrichtet wurde und ob es ankam, kann die Befolgung prüfen.",
        "Only if it is known who was informed and whether it arrived can compliance be checked.",
    )
    invalid = """org_units:
  - {id: FB_Planung, name: FB Stadtentwicklung}
steps:
  - {id: Task_0, name: Rundschreiben, basis: internal, notification: {recipients: [FB_Plan], channel: E-Mail}}"""
    valid = """org_units:
  - {id: FB_Planung, name: FB Stadtentwicklung}
steps:
  - {id: Task_0, name: Rundschreiben, basis: internal,
     notification: {recipients: [FB_Planung], channel: Umlauf, acknowledgement: true}}"""
    _recipients = Msg("Inkenntnissetzung „{name}“ hat keine bekannten Empfänger ({recipients}).",
                      "Staff notification '{name}' has no known recipients ({recipients}).")
    _ack = Msg("Inkenntnissetzung „{name}“ sieht keine Kenntnisnahme vor.",
               "Staff notification '{name}' requires no acknowledgement.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report notifications with unknown recipients or without acknowledgement."""
        known = ctx.index.org_unit_ids | {r.id for r in ctx.model.roles}
        for step in notification_steps(ctx):
            note = step.notification
            if note is None:
                continue
            label = step.name or step.id
            unknown = [r for r in note.recipients if r not in known]
            if not note.recipients or unknown:
                yield self.report(step.id, self._recipients, name=label, recipients=", ".join(unknown) or "-")
            if not note.acknowledgement:
                yield self.report(step.id, self._ack, name=label)
