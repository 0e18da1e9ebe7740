"""DP001 personal-data-flow."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.lint.rules._lawutil import is_publication
from vollzug.model.law import Obligation
from vollzug.model.resources import DataSourceResource


class PersonalDataFlow(Rule):
    """Personal (building) data flows into a step whose obligation forbids it."""

    code = "DP001"
    name = "personal-data-flow"
    severity = "error"
    gap = "G14"
    needs_catalogue = True
    summary = Msg("Personenbezogene Daten im falschen Schritt", "Personal data in a forbidden step")
    what = Msg(
        "Ein Datenobjekt oder eine Datenquelle mit personenbezogenen Daten (`personal: true`) fließt in einen "
        "Schritt, dessen Pflicht sie verbietet (`personal_data: forbidden`, z. B. die Potenzialanalyse) oder der "
        "eine Veröffentlichungspflicht erfüllt (§ 12 WPG). Bei `personal_data: aggregated_only` (z. B. die "
        "Datenerhebung) dürfen personenbezogene Daten einfließen, aber mindestens ein Schritt der Pflicht muss ein "
        "nicht personenbezogenes, aggregiertes Datenobjekt erzeugen.",
        "A data object or data source with personal data (`personal: true`) flows into a step whose obligation "
        "forbids it (`personal_data: forbidden`, e.g. the potential analysis) or that fulfils a publication duty "
        "(§ 12 WPG). With `personal_data: aggregated_only` (e.g. data collection) personal data may flow in, but "
        "at least one step of the obligation must produce a non-personal, aggregated data object.",
    )
    why = Msg(
        "Gebäudescharfe Verbrauchsdaten sind personenbezogen; die Potenzialanalyse verarbeitet keine "
        "personenbezogenen Daten (§ 10 Abs. 1 Satz 3 WPG), Veröffentlichungen enthalten keine (§ 12 WPG).",
        "Building-level consumption data are personal; the potential analysis processes no personal data (§ 10 "
        "Abs. 1 Satz 3 WPG) and publications contain none (§ 12 WPG).",
    )
    invalid = """law: WPG
data_objects:
  - {id: D_Verbrauch, name: Verbrauch je Gebäude, personal: true}
steps:
  - {id: Task_9, name: Potenzialanalyse, obligations: [WPG.W09]}
data_associations:
  - {id: A1, source: D_Verbrauch, target: Task_9}"""
    valid = """law: WPG
data_objects:
  - {id: D_Aggregiert, name: Verbrauch je Baublock (≥ 5 Hausnummern), personal: false}
steps:
  - {id: Task_9, name: Potenzialanalyse, obligations: [WPG.W09]}
data_associations:
  - {id: A1, source: D_Aggregiert, target: Task_9}"""
    _msg = Msg("Personenbezogene Daten „{data}“ fließen in „{name}“ ({obligation}: {rule}).",
               "Personal data '{data}' flow into '{name}' ({obligation}: {rule_en}).")
    _unaggregated = Msg(
        "Pflicht {obligation} darf personenbezogene Daten nur aggregiert weitergeben, aber keiner ihrer Schritte "
        "erzeugt ein nicht personenbezogenes (aggregiertes) Datenobjekt.",
        "Obligation {obligation} may pass on personal data only aggregated, but none of its steps produces a "
        "non-personal (aggregated) data object.",
    )
    _rules: ClassVar[dict[str, tuple[str, str]]] = {
        "forbidden": ("verboten", "forbidden"),
        "publication": ("Veröffentlichung", "publication"),
    }

    def _restriction(self, ctx: RuleContext, obligation: Obligation) -> str | None:
        if obligation.personal_data == "forbidden":
            return "forbidden"
        if ctx.checks.personal_data_sinks_include_publication and is_publication(ctx, obligation):
            return "publication"
        return None

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report personal data reaching forbidden or publication steps, and non-aggregating obligations."""
        personal = {d.id: d.name or d.id for d in ctx.model.data_objects if d.personal}
        plain = {d.id for d in ctx.model.data_objects if not d.personal}
        inputs: dict[str, list[str]] = {}
        writes_plain: set[str] = set()
        for a in ctx.model.data_associations:
            if a.source in personal:
                inputs.setdefault(a.target, []).append(personal[a.source])
            if a.target in plain:
                writes_plain.add(a.source)
        aggregating: dict[str, list[str]] = {}
        for step in ctx.model.steps:
            data = list(inputs.get(step.id, []))
            data += [r.name or "Datenquelle" for r in step.resources
                     if isinstance(r, DataSourceResource) and r.personal]
            if not data:
                continue
            for oid in step.obligations:
                obligation = ctx.obligations.get(oid)
                if obligation is None:
                    continue
                if obligation.personal_data == "aggregated_only":
                    aggregating.setdefault(oid, []).append(step.id)
                restriction = self._restriction(ctx, obligation)
                if restriction is None:
                    continue
                de, en = self._rules[restriction]
                for item in data:
                    yield self.report(step.id, self._msg, obligation.citations[0] if obligation.citations else None,
                                      data=item, name=step.name or step.id, obligation=oid, rule=de, rule_en=en)
        for oid, step_ids in aggregating.items():
            own = {s.id for s in ctx.index.steps_by_obligation.get(oid, [])}
            if not own & writes_plain:
                obligation = ctx.obligations[oid]
                yield self.report(step_ids[0], self._unaggregated,
                                  obligation.citations[0] if obligation.citations else None, obligation=oid)
