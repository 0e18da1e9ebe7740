"""RE002 implausible-resource."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.locale import bilingual, format_currency, format_fte
from vollzug.model.resources import BudgetResource, ExternalServiceResource, StaffResource


class ResourceOptions(BaseModel):
    """Options of RE002."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_fte: float = Field(default=10.0, gt=0)
    """Largest plausible staff figure (VZÄ) for one step."""


class ImplausibleResource(Rule):
    """Staff or money figures outside plausible bounds."""

    code = "RE002"
    name = "implausible-resource"
    gap = "G07"
    options_model = ResourceOptions
    summary = Msg("Unplausible Ressourcenangabe", "Implausible resource figure")
    what = Msg(
        "Eine Personalangabe ist nicht größer als 0 oder größer als `max_fte` (Standard 10 VZÄ), oder ein "
        "Geldbetrag (Haushaltsmittel, Fremdleistung) ist negativ.",
        "A staff figure is not greater than 0 or greater than `max_fte` (default 10 FTE), or an amount of money "
        "(budget, external service) is negative.",
    )
    why = Msg(
        "Null- oder Phantasiewerte verfälschen die Summen je Organisationseinheit und den Ressourcenvergleich "
        "zwischen Kommunen.",
        "Zero or made-up values distort the totals per org unit and the comparison between towns.",
    )
    invalid = """steps:
  - {id: Task_1, name: Bestandsanalyse, resources: [{kind: staff, fte: 0}, {kind: budget, eur: -5000}]}"""
    valid = """steps:
  - {id: Task_1, name: Bestandsanalyse, resources: [{kind: staff, fte: 0.5}, {kind: budget, eur: 5000}]}"""
    _fte = Msg("„{name}“: Personalangabe {fte} VZÄ ist unplausibel (erwartet: 0 < VZÄ ≤ {max}).",
               "'{name}': staff figure {fte} FTE is implausible (expected 0 < FTE ≤ {max}).")
    _eur = Msg("„{name}“: Betrag {eur} ist negativ.", "'{name}': amount {eur} is negative.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report implausible staff and money figures."""
        opts = self.options
        assert isinstance(opts, ResourceOptions)
        for step in ctx.model.steps:
            label = step.name or step.id
            for res in step.resources:
                if isinstance(res, StaffResource) and not 0 < res.fte <= opts.max_fte:
                    yield self.report(step.id, self._fte, name=label, fte=bilingual(format_fte, res.fte),
                                      max=bilingual(format_fte, opts.max_fte))
                elif isinstance(res, BudgetResource | ExternalServiceResource) and (res.eur or 0) < 0:
                    eur = res.eur or 0.0
                    yield self.report(step.id, self._eur, name=label, eur=bilingual(format_currency, eur, 2))
