"""OB004 unknown-obligation."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class UnknownObligation(Rule):
    """A step refers to an obligation id the catalogue does not have."""

    code = "OB004"
    name = "unknown-obligation"
    severity = "error"
    gap = "G11"
    needs_catalogue = True
    summary = Msg("Unbekannte Pflicht", "Unknown obligation")
    what = Msg(
        "Ein Schritt verweist auf eine Pflicht-Id, die der Katalog des Modells nicht kennt.",
        "A step refers to an obligation id that the model's catalogue does not contain.",
    )
    why = Msg(
        "Ein falscher Verweis täuscht Abdeckung vor und verdeckt die echte Lücke.",
        "A wrong reference pretends coverage and hides the real gap.",
    )
    invalid = """law: WPG
steps:
  - {id: Task_1, name: Bestandsanalyse, obligations: [WPG.W99]}"""
    valid = """law: WPG
steps:
  - {id: Task_1, name: Bestandsanalyse, obligations: [WPG.W08]}"""
    _msg = Msg("„{name}“ verweist auf unbekannte Pflicht {id} (Katalog {law}).",
               "'{name}' refers to unknown obligation {id} (catalogue {law}).")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report obligation ids not in the catalogue."""
        for step in ctx.model.steps:
            for oid in step.obligations:
                if oid not in ctx.obligations:
                    yield self.report(step.id, self._msg, name=step.name or step.id, id=oid, law=ctx.model.law)
