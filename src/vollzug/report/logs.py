"""Ereignislogs im Bericht: ``vollzug report … --log TOWN=LOG`` (conformance and deadline compliance per town).

A town can be represented by a model, a log, or both:

* ``TOWN`` names a given model (municipality name, AGS or the model's folder, e.g. ``rheine``): the log is replayed on
  that model;
* ``TOWN`` names no model: an IST model is discovered from the log (inductive miner), its steps take the obligations
  of the reference steps their activities map to, and it enters the matrices like any other town, marked
  "aus Log entdeckt"; its log is replayed on the reference.

pm4py is imported only when a log is read (through :mod:`vollzug.mining`); this module itself does not import it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from vollzug.compare.results import ComparisonSet, TownLog, TownResult
from vollzug.errors import ConfigError
from vollzug.i18n import Lang, Msg
from vollzug.mining.render import Section, Table, deadline_table, num, pct

if TYPE_CHECKING:
    from vollzug.compare.engine import Town
    from vollzug.compare.inputs import Inputs
    from vollzug.mining.log import EventLog
    from vollzug.model.process import OperationalModel
    from vollzug.report.html.markup import Markup

TOP_STEPS = 10
"""Step rows shown per town (most deviations first)."""
TOP_UNKNOWN = 15
"""Unknown activities shown per town (most frequent first)."""

L: dict[str, Msg] = {
    "title": Msg("Ereignislog: Konformität und Fristeinhaltung", "Event log: conformance and deadline compliance"),
    "discovered": Msg("aus Log entdeckt", "discovered from log"),
    "log_line": Msg("Log {log}: {cases} Fälle, {events} Ereignisse; abgeglichen gegen {what} ({model}), Methode "
                    "{method}.", "Log {log}: {cases} cases, {events} events; replayed on {what} ({model}), method "
                    "{method}."),
    "own": Msg("das Modell der Kommune", "the town's model"),
    "reference": Msg("die Referenz", "the reference"),
    "discovered_note": Msg("Für diese Kommune wurde kein Modell angegeben: das Modell in Matrix und Diagramm ist aus "
                           "ihrem Ereignislog entdeckt (Inductive Miner).",
                           "No model was given for this town: the model in the matrix and diagram was discovered "
                           "from its event log (inductive miner)."),
    "summary": Msg("Kennzahlen", "Figures"),
    "steps": Msg("Größte Abweichungen je Schritt", "Top deviations per step"),
    "unknown": Msg("Log-Aktivitäten ohne Modellschritt", "Log activities the model does not know"),
    "deadlines": Msg("Fristeinhaltung", "Deadline compliance"),
    "notes": Msg("Hinweise", "Notes"),
    "none": Msg("keine", "none"),
}


@dataclass(frozen=True)
class LogSpec:
    """One ``--log TOWN=LOG`` option."""

    town: str
    path: Path


def parse_log_option(value: str) -> LogSpec:
    """``"Rheine=logs/rheine.xes.gz"`` → :class:`LogSpec`; ConfigError if the form is wrong."""
    town, sep, path = value.partition("=")
    if not sep or not town.strip() or not path.strip():
        raise ConfigError(f"--log expects TOWN=LOG, not '{value}'")
    return LogSpec(town.strip(), Path(path.strip()))


def _slug(text: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})
    return re.sub(r"[^a-z0-9]+", "-", text.translate(table).lower()).strip("-")


def _names(town: Town) -> set[str]:
    """The names a ``--log`` TOWN may use for a model: municipality name and AGS, the model's folder."""
    names = {_slug(Path(town.path).parent.name)} if town.path else set()
    m = town.model.municipality
    if m is not None:
        names |= {_slug(m.name), m.ags}
    return names - {""}


def _match(spec: LogSpec, towns: Sequence[Town], law: str | None) -> Town | None:
    wanted = _slug(spec.town)
    found = [t for t in towns if wanted in _names(t) and (law is None or t.model.law == law)]
    if len(found) > 1:
        found = [t for t in found if t.model.variant == "IST"] or found
    if len(found) > 1:
        paths = ", ".join(t.path for t in found)
        raise ConfigError(f"--log {spec.town}: several models match ({paths}); use --law to choose one")
    return found[0] if found else None


@dataclass
class LogPlan:
    """Logs read and analysed before the comparison; :meth:`apply` puts the results into the report."""

    logs: dict[str, TownLog] = field(default_factory=dict)
    """Town path (as in :class:`Town`) → log result."""
    discovered: set[str] = field(default_factory=set)
    """Paths of the towns whose model was discovered from their log."""

    def apply(self, result: ComparisonSet) -> ComparisonSet:
        """The comparison with each town's log result (and the discovered mark) filled in."""
        comparisons = []
        for comparison in result.comparisons:
            towns = tuple(self._town(t) for t in comparison.towns)
            comparisons.append(comparison.model_copy(update={"towns": towns}))
        return result.model_copy(update={"comparisons": tuple(comparisons)})

    def _town(self, town: TownResult) -> TownResult:
        if town.path not in self.logs:
            return town
        return town.model_copy(update={"log": self.logs[town.path], "from_log": town.path in self.discovered})


def _reference(inputs: Inputs, law: str | None) -> Town:
    refs = [r for r in inputs.references if law is None or r.model.law == law]
    if len(refs) != 1:
        raise ConfigError("a --log without a model of its town needs exactly one reference (or --law)")
    return refs[0]


def discover_town(log: EventLog, name: str, reference: OperationalModel, *, min_case_share: float = 0.0
                  ) -> OperationalModel:
    """IST model of a town from its log; steps take the obligations/citations of the mapped reference steps."""
    from vollzug.mining.discover import discover_model, ncname
    from vollzug.mining.mapping import map_activities
    from vollzug.mining.pipeline import municipality_or_named

    town = municipality_or_named(name)
    model = discover_model(log, min_case_share=min_case_share, municipality=town,
                           title=f"{name}: IST aus Ereignislog {log.path.name}")
    mapping = map_activities(log.activity_counts(), log.labels, reference)
    by_id = {ncname("Activity", activity): reference.step(step) for activity, step in mapping.steps.items()}
    steps = []
    for step in model.steps:
        ref = by_id.get(step.id)
        steps.append(step if ref is None else step.model_copy(update={"obligations": ref.obligations,
                                                                      "citations": ref.citations}))
    return model.model_copy(update={"steps": tuple(steps), "law": reference.law})


def prepare(inputs: Inputs, specs: Sequence[LogSpec], *, deadlines: Path | None = None, law: str | None = None,
            method: Literal["alignments", "tokens"] = "tokens", min_case_share: float = 0.0,
            progress: Callable[[int], None] | None = None) -> LogPlan:
    """Read every log, match it to a town (or discover the town's model) and measure conformance and deadlines.

    Discovered towns are appended to ``inputs.towns`` (path = the log file) so they enter the comparison.
    """
    from vollzug.compare.engine import Town
    from vollzug.mining.deadlines import load_rules
    from vollzug.mining.log import read_log
    from vollzug.mining.pipeline import conform_model

    rules = list(load_rules(deadlines).rules) if deadlines else []
    plan = LogPlan()
    seen: set[str] = set()
    for spec in specs:
        if _slug(spec.town) in seen:
            raise ConfigError(f"--log names the town '{spec.town}' twice")
        seen.add(_slug(spec.town))
        log = read_log(spec.path)
        town = _match(spec, inputs.towns, law)
        against: Literal["model", "reference"] = "model"
        if town is None:
            reference = _reference(inputs, law)
            town = Town(discover_town(log, spec.town, reference.model, min_case_share=min_case_share), str(spec.path))
            inputs.towns.append(town)
            plan.discovered.add(town.path)
            against, model, model_name = "reference", reference.model, Path(reference.path).name
        else:
            model, model_name = town.model, Path(town.path).name
        result = conform_model(log, model, method=method, rules=rules, model_name=model_name or model.title)
        plan.logs[town.path] = TownLog(log=str(spec.path), cases=len(log.traces), events=log.event_count,
                                       against=against, conformance=result)
        if progress:
            progress(1)
    return plan


def sections(town: TownResult, lang: Lang) -> list[Section]:
    """The log part of a town's report section as neutral sections (rendered to HTML and Markdown)."""
    assert town.log is not None
    r = town.log.conformance
    what = L["own"](lang) if town.log.against == "model" else L["reference"](lang)
    intro = [L["log_line"](lang, log=Path(town.log.log).name, cases=town.log.cases, events=town.log.events,
                           what=what, model=r.model, method=r.method)]
    if town.from_log:
        intro.append(L["discovered_note"](lang))
    figures = Table(["Fitness", "Precision", Msg("Fälle ohne Abweichung", "Perfectly fitting cases")(lang),
                     Msg("Varianten", "Variants")(lang), Msg("unbekannte Aktivitäten", "Unknown activities")(lang)],
                    [[num(r.fitness, lang, 3), num(r.precision, lang, 3), pct(r.fitting_cases, lang), str(r.variants),
                      str(len(r.unknown))]])
    step_rows = [[f"{d.name} [{d.step}]", d.lane or "", str(d.cases), str(d.skipped), str(d.out_of_order),
                  str(d.repeated), str(d.other_unit) + (f" ({', '.join(d.other_units)})" if d.other_units else "")]
                 for d in r.steps if d.total][:TOP_STEPS]
    steps = Table([Msg("Schritt", "Step")(lang), Msg("Bahn", "Lane")(lang), Msg("Fälle", "Cases")(lang),
                   Msg("übersprungen", "skipped")(lang), Msg("Reihenfolge", "out of order")(lang),
                   Msg("wiederholt", "repeated")(lang), Msg("andere Einheit", "other unit")(lang)], step_rows)
    unknown = Table([Msg("Aktivität", "Activity")(lang), Msg("Bezeichnung", "Label")(lang),
                     Msg("Ereignisse", "Events")(lang), Msg("Fälle", "Cases")(lang)],
                    [[u.activity, u.label, str(u.events), str(u.cases)] for u in r.unknown[:TOP_UNKNOWN]])
    out = [Section(L["summary"](lang), paragraphs=intro, tables=[figures]),
           Section(L["steps"](lang), tables=[steps] if step_rows else [], paragraphs=[] if step_rows
                   else [L["none"](lang)]),
           Section(f"{L['unknown'](lang)} ({len(r.unknown)})", tables=[unknown] if r.unknown else [],
                   paragraphs=[] if r.unknown else [L["none"](lang)])]
    if r.deadlines:
        out.append(Section(L["deadlines"](lang), tables=[deadline_table([(town.name, d) for d in r.deadlines],
                                                                        lang)]))
    if r.notes:
        out.append(Section(L["notes"](lang), paragraphs=list(r.notes)))
    return out


def log_section(town: TownResult, lang: Lang) -> Markup:
    """HTML of the log part of a town's section (every string escaped by the markup layer)."""
    from vollzug.mining.html import fragment
    from vollzug.report.html.markup import el

    return el("div", {"class": "town-log"}, el("h4", None, L["title"](lang)),
              fragment(sections(town, lang), heading_level=5))


def markdown_lines(town: TownResult, lang: Lang) -> list[str]:
    """Markdown of the log part of a town's section (cells escaped like the rest of the Markdown report)."""
    from vollzug.report.emitters.markdown import md

    out = [f"#### {md(L['title'](lang))}", ""]
    for section in sections(town, lang):
        out += [f"##### {md(section.title)}", ""]
        out += [md(p) for p in section.paragraphs] + ([""] if section.paragraphs else [])
        for table in section.tables:
            out += ["| " + " | ".join(md(h) for h in table.headers) + " |", "|" + "---|" * len(table.headers)]
            out += ["| " + " | ".join(md(c) for c in row) + " |" for row in table.rows]
            out.append("")
    return out


def flag(town: TownResult, lang: Lang) -> str:
    """The overview mark of a town discovered from its log ("" otherwise)."""
    return L["discovered"](lang) if town.from_log else ""
