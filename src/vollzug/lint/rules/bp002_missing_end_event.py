"""BP002 missing-end-event."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class MissingEndEvent(Rule):
    """The municipality's process has no end event."""

    code = "BP002"
    name = "missing-end-event"
    severity = "error"
    summary = Msg("Endereignis fehlt", "Missing end event")
    what = Msg(
        "Der Prozess der Kommune hat Schritte, aber kein Endereignis auf oberster Ebene.",
        "The municipality's process has steps but no top-level end event.",
    )
    why = Msg(
        "Ohne Endereignis ist das Ergebnis des Vollzugs (z. B. veröffentlichter Wärmeplan) nicht benannt.",
        "Without an end event the result of the procedure (e.g. the published heat plan) is not named.",
    )
    invalid = """steps:
  - {id: Start_1, type: startEvent, name: Beschluss gefasst}
  - {id: Task_1, name: Daten erheben}
sequence_flows:
  - {id: F0, source: Start_1, target: Task_1}"""
    valid = """steps:
  - {id: Start_1, type: startEvent, name: Beschluss gefasst}
  - {id: Task_1, name: Daten erheben}
  - {id: End_1, type: endEvent, name: Daten liegen vor}
sequence_flows:
  - {id: F0, source: Start_1, target: Task_1}
  - {id: F1, source: Task_1, target: End_1}"""
    _msg = Msg("Der Prozess „{process}“ hat kein Endereignis.", "Process '{process}' has no end event.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report the process if none of its top-level nodes is an end event."""
        top = [s for s in ctx.index.own_steps if s.parent is None]
        if top and not any(s.type == "endEvent" for s in top):
            yield self.report(ctx.model.id, self._msg, process=ctx.model.title or ctx.model.id)
