"""OB002 missing-citation."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class MissingCitation(Rule):
    """An activity has no Handlungsgrundlage and is not marked internal."""

    code = "OB002"
    name = "missing-citation"
    gap = "G11"
    summary = Msg("Handlungsgrundlage fehlt", "Missing legal basis")
    what = Msg(
        "Eine Tätigkeit der Kommune hat weder ein Normzitat (`citations`) noch eine Pflicht (`obligations`) und "
        "ist nicht als intern markiert (`basis: internal`). `basis: none` wird immer gemeldet.",
        "An activity of the municipality has neither a citation (`citations`) nor an obligation (`obligations`) "
        "and is not marked internal (`basis: internal`). `basis: none` is always reported.",
    )
    why = Msg(
        "FIM verlangt, dass jeder Prozessschritt auf eine Handlungsgrundlage zurückführbar ist.",
        "FIM requires every process step to be traceable to a legal (or internal) basis.",
    )
    invalid = """steps:
  - {id: Task_1, name: Daten erheben}"""
    valid = """steps:
  - {id: Task_1, name: Daten erheben, citations: ["§ 10 Abs. 1 WPG"]}
  - {id: Task_2, name: Team-Besprechung, basis: internal}"""
    _msg = Msg("„{name}“ hat keine Handlungsgrundlage und ist nicht als intern markiert.",
               "'{name}' has no legal basis and is not marked internal.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report own activities without citation or obligation that are not internal."""
        for step in ctx.index.activities:
            if step.basis == "internal":
                continue
            if step.basis == "none" or not (step.citations or step.obligations):
                yield self.report(step.id, self._msg, name=step.name or step.id)
