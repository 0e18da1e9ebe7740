"""BP001 missing-start-event."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class MissingStartEvent(Rule):
    """The municipality's process has no start event."""

    code = "BP001"
    name = "missing-start-event"
    severity = "error"
    summary = Msg("Startereignis fehlt", "Missing start event")
    what = Msg(
        "Der Prozess der Kommune hat Schritte, aber kein Startereignis auf oberster Ebene.",
        "The municipality's process has steps but no top-level start event.",
    )
    why = Msg(
        "Ohne Startereignis ist unklar, was den Vollzug auslöst (Ratsbeschluss, Gesetz, Antrag, Frist).",
        "Without a start event it is unclear what triggers the procedure (resolution, law, application, deadline).",
    )
    invalid = """steps:
  - {id: Task_1, name: Daten erheben}
  - {id: End_1, type: endEvent, name: erledigt}
sequence_flows:
  - {id: F1, source: Task_1, target: End_1}"""
    valid = """steps:
  - {id: Start_1, type: startEvent, name: Beschluss gefasst}
  - {id: Task_1, name: Daten erheben}
  - {id: End_1, type: endEvent, name: erledigt}
sequence_flows:
  - {id: F0, source: Start_1, target: Task_1}
  - {id: F1, source: Task_1, target: End_1}"""
    _msg = Msg("Der Prozess „{process}“ hat kein Startereignis.", "Process '{process}' has no start event.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report the process if none of its top-level nodes is a start event."""
        top = [s for s in ctx.index.own_steps if s.parent is None]
        if top and not any(s.type == "startEvent" for s in top):
            yield self.report(ctx.model.id, self._msg, process=ctx.model.title or ctx.model.id)
