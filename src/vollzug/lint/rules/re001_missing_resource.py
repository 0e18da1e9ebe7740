"""RE001 missing-resource."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class MissingResource(Rule):
    """An activity has no resources (staff, budget, IT system, data, external service)."""

    code = "RE001"
    name = "missing-resource"
    gap = "G07"
    summary = Msg("Ressource fehlt", "Missing resource")
    what = Msg(
        "Eine Tätigkeit der Kommune hat keine Ressource (Personal/VZÄ, Haushaltsmittel, IT-Fachverfahren, "
        "Datenquelle, Fremdleistung). Teilprozesse, deren Teilschritte Ressourcen haben, sind ausgenommen.",
        "An activity of the municipality has no resource (staff/FTE, budget, IT system, data source, external "
        "service). Sub-processes whose nested steps have resources are exempt.",
    )
    why = Msg(
        "Eine Aufgabe ohne Personal, Budget oder System wird nicht erledigt; der Ressourcenbedarf gehört in die "
        "Prozessanalyse (Organisationshandbuch 2.3.6).",
        "A task without staff, budget or system does not get done; resource use belongs in process analysis "
        "(Orghandbuch 2.3.6).",
    )
    invalid = """steps:
  - {id: Task_1, name: Bestandsanalyse durchführen}"""
    valid = """steps:
  - {id: Task_1, name: Bestandsanalyse durchführen,
     resources: [{kind: staff, fte: 0.5, name: GIS-Fachkraft}, {kind: it_system, name: GIS}]}"""
    _msg = Msg("„{name}“ hat keine Ressourcen (Personal, Budget, IT).",
               "'{name}' has no resources (staff, budget, IT).")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report own activities without resources."""
        with_resources = {s.parent for s in ctx.model.steps if s.resources and s.parent}
        for step in ctx.index.activities:
            if step.resources or step.id in with_resources:
                continue
            yield self.report(step.id, self._msg, name=step.name or step.id)
