"""BP006 missing-label."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.model.process import ACTIVITY_TYPES, EVENT_TYPES


class MissingLabel(Rule):
    """An activity, event or deciding gateway has no label."""

    code = "BP006"
    name = "missing-label"
    summary = Msg("Beschriftung fehlt", "Missing label")
    what = Msg(
        "Tätigkeiten, Ereignisse und verzweigende exklusive/inklusive Gateways brauchen eine Beschriftung.",
        "Activities, events and diverging exclusive/inclusive gateways need a label.",
    )
    why = Msg(
        "Unbeschriftete Elemente sind für Fachbereiche, Rat und Prüfer nicht lesbar.",
        "Unlabelled elements cannot be read by departments, council or auditors.",
    )
    invalid = """steps:
  - {id: Task_1, type: userTask}"""
    valid = """steps:
  - {id: Task_1, type: userTask, name: Bestandsanalyse durchführen}"""
    _msg = Msg("Element {id} ({type}) hat keine Beschriftung.", "Element {id} ({type}) has no label.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report unlabelled activities, events and deciding gateways."""
        for step in ctx.model.steps:
            if step.name.strip():
                continue
            deciding = step.type in {"exclusiveGateway", "inclusiveGateway", "complexGateway"} and len(
                ctx.index.outgoing.get(step.id, [])) > 1
            if step.type in ACTIVITY_TYPES or step.type in EVENT_TYPES or deciding:
                yield self.report(step.id, self._msg, id=step.id, type=step.type)
