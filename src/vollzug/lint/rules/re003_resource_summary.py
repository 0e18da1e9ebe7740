"""RE003 resource-summary."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from vollzug.i18n import Msg, Text
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.locale import bilingual, format_currency, format_decimal
from vollzug.model.resources import BudgetResource, ExternalServiceResource, StaffResource, staff_and_money


class ResourceSummary(Rule):
    """Totals of staff and money per org unit (information, never a failure)."""

    code = "RE003"
    name = "resource-summary"
    severity = "info"
    groups = ("strict",)
    gap = "G07"
    summary = Msg("Ressourcen je Organisationseinheit", "Resources per org unit")
    what = Msg(
        "Summiert Personal (VZÄ) und Geld (Haushaltsmittel und Fremdleistungen, EUR) je Organisationseinheit "
        "(die Einheit der Personalangabe, sonst die Lane des Schritts) und meldet die Summen als Hinweis am "
        "Element der Einheit. Nur im Preset `strict` (oder mit `--select RE003`), damit die normale Ausgabe "
        "kurz bleibt.",
        "Adds up staff (FTE) and money (budget and external services, EUR) per org unit (the unit of the staff "
        "entry, else the step's lane) and reports the totals as information at the unit's element. Only in the "
        "`strict` preset (or with `--select RE003`) to keep the normal output short.",
    )
    why = Msg(
        "Die Summen zeigen, ob eine Einheit überlastet ist, und machen den Ressourcenbedarf mit der Konnexitäts"
        "zahlung vergleichbar.",
        "The totals show whether a unit is overloaded and make the resource need comparable with the Land's "
        "funding.",
    )
    invalid = """org_units:
  - {id: GIS, name: GIS/Vermessung}
steps:
  - {id: Task_1, name: Daten erheben, lane: GIS, resources: [{kind: staff, fte: 0.5}, {kind: budget, eur: 2000}]}
  - {id: Task_2, name: Karten erstellen, lane: GIS, resources: [{kind: staff, fte: 0.25}]}"""
    valid = """# information only: every model with resources gets one summary per org unit"""
    _msg = Msg("Summe für „{unit}“: {fte} VZÄ, {eur} in {steps} Schritt(en).",
               "Total for '{unit}': {fte} FTE, {eur} in {steps} step(s).")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report one total per unit that has resources."""
        fte: dict[str, float] = defaultdict(float)
        eur: dict[str, float] = defaultdict(float)
        steps: dict[str, set[str]] = defaultdict(set)
        for step in ctx.index.own_steps:
            for res in step.resources:
                unit = (res.unit if isinstance(res, StaffResource) else None) or step.lane or "-"
                if not isinstance(res, StaffResource | BudgetResource | ExternalServiceResource):
                    continue  # IT systems and data sources have no staff or money figure
                staff, money = staff_and_money(res)
                fte[unit] += staff
                eur[unit] += money
                steps[unit].add(step.id)
        names = {u.id: u.name for u in ctx.model.org_units}
        for unit in sorted(steps):
            known = unit in names
            yield self.report(unit if known else ctx.model.id, self._msg,
                              unit=Text.same(names[unit]) if known else Text(de="ohne Einheit", en="no unit"),
                              fte=bilingual(format_decimal, fte[unit]), eur=bilingual(format_currency, eur[unit]),
                              steps=len(steps[unit]))
