"""OB005 missing-publication."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.lint.rules._lawutil import covered, expected, first_citation, is_publication


class MissingPublication(Rule):
    """An applicable publication duty is not modelled."""

    code = "OB005"
    name = "missing-publication"
    gap = "G13"
    needs_catalogue = True
    summary = Msg("Veröffentlichungspflicht fehlt", "Publication duty missing")
    what = Msg(
        "Eine geltende Veröffentlichungs- oder Informationspflicht (Pflichtart `publication` im Katalog oder in "
        "`checks.yaml` unter `publication` genannt) wird von keinem Schritt erfüllt. Diese Pflichten prüft OB005 "
        "statt OB001, damit die Lücke als G13 (Fehlende Veröffentlichung) erscheint.",
        "An applicable publication or information duty (kind `publication` in the catalogue, or listed under "
        "`publication` in `checks.yaml`) is fulfilled by no step. OB005 checks these instead of OB001 so that the "
        "gap is filed as G13 (missing publication).",
    )
    why = Msg(
        "Veröffentlichungen (z. B. § 13 Abs. 2, § 23 Abs. 3 WPG) machen Planung überprüfbar; ohne sie fehlt die "
        "Information der Öffentlichkeit.",
        "Publications (e.g. § 13 Abs. 2, § 23 Abs. 3 WPG) make planning verifiable; without them the public is "
        "not informed.",
    )
    invalid = """law: WPG
steps:
  - {id: Task_15, name: Wärmeplan beschließen, obligations: [WPG.W15]}"""
    valid = """law: WPG
steps:
  - {id: Task_15, name: Wärmeplan beschließen, obligations: [WPG.W15]}
  - {id: Task_16, name: Wärmeplan im Internet veröffentlichen, obligations: [WPG.W16]}"""
    _msg = Msg("Veröffentlichungspflicht {id} „{title_de}“ ist nicht abgebildet.",
               "Publication duty {id} '{title_en}' is not modelled.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report each expected publication duty no step refers to."""
        done = covered(ctx)
        for obligation in expected(ctx):
            if obligation.id not in done and is_publication(ctx, obligation):
                citation = first_citation(obligation)
                yield self.report(ctx.model.id, self._msg, citation, id=obligation.id, title_de=obligation.title,
                                  title_en=obligation.title_en or obligation.title)
