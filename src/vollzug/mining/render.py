"""Ausgabe: conformance and comparison results as text, Markdown, JSON or a self-contained HTML page.

Results are first laid out as neutral sections (heading, paragraphs, tables); one small renderer per format turns
them into output, so every format shows the same figures. HTML escapes every string (report markup layer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import BaseModel

from vollzug.i18n import Lang, Msg
from vollzug.locale import format_decimal, format_percent
from vollzug.mining.compare import ActivityRow, LogComparison
from vollzug.mining.conform import ConformanceResult
from vollzug.mining.deadlines import DeadlineCompliance
from vollzug.output.markdown import escape

T: dict[str, Msg] = {
    "conf_title": Msg("Konformität {log} gegen {model}", "Conformance of {log} against {model}"),
    "comp_title": Msg("Vergleich der Ereignislogs", "Comparison of event logs"),
    "summary": Msg("Übersicht", "Summary"), "steps": Msg("Abweichungen je Modellschritt", "Deviations per step"),
    "unknown": Msg("Log-Aktivitäten ohne Modellschritt", "Log activities the model does not know"),
    "mapping": Msg("Verwendete Zuordnung Log → Modell", "Mapping used (log → model)"),
    "deadlines": Msg("Fristeinhaltung", "Deadline compliance"), "notes": Msg("Hinweise", "Notes"),
    "profiles": Msg("Kennzahlen je Kommune", "Key figures per town"),
    "coverage": Msg("Aktivitäten: Anteil der Fälle", "Activities: share of cases"),
    "durations": Msg("Dauer je Schritt (Median Tage seit vorigem Ereignis)", "Days per step (median since previous)"),
    "performers": Msg("Wer führt den Schritt aus (Mehrheit)", "Who performs each step (majority)"),
    "edges": Msg("Direkte Nachfolge: größte Unterschiede", "Directly-follows: largest differences"),
    "conformance": Msg("Konformität gegen das Referenzmodell", "Conformance against the reference model"),
    "step": Msg("Schritt", "Step"), "lane": Msg("Bahn", "Lane"), "cases": Msg("Fälle", "Cases"),
    "skipped": Msg("übersprungen", "skipped"), "order": Msg("Reihenfolge", "out of order"),
    "repeated": Msg("wiederholt", "repeated"), "other": Msg("andere Einheit", "other unit"),
    "activity": Msg("Aktivität", "Activity"), "label": Msg("Bezeichnung", "Label"), "events": Msg("Ereignisse",
                                                                                                 "Events"),
    "how": Msg("gefunden über", "found by"), "rule": Msg("Frist", "Deadline"), "town": Msg("Kommune", "Town"),
    "measured": Msg("gemessen", "measured"), "open": Msg("offen", "open"), "within": Msg("fristgerecht", "in time"),
    "within_ext": Msg("mit Verlängerung", "with extension"), "worst": Msg("längste Fälle", "longest cases"),
    "unverified": Msg(" (zu prüfen)", " (to be verified)"), "figure": Msg("Kennzahl", "Figure"),
    "value": Msg("Wert", "Value"), "none": Msg("keine", "none"),
}


@dataclass
class Table:
    """A table of strings."""

    headers: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    """A heading with paragraphs and tables."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def pct(value: float | None, lang: Lang) -> str:
    """A share as percent with one decimal (Babel, in the language's format), or a dash."""
    return "–" if value is None else format_percent(value, lang, 1)


def num(value: float | None, lang: Lang, digits: int = 1) -> str:
    """A number in the language's format, or a dash."""
    return "–" if value is None else format_decimal(value, lang, digits)


def deadline_table(rows: list[tuple[str, DeadlineCompliance]], lang: Lang) -> Table:
    """Deadline compliance rows (town, result)."""
    return Table(
        [T["town"](lang), T["rule"](lang), T["measured"](lang), T["open"](lang), T["within"](lang),
         T["within_ext"](lang), "Median", "p90", "Max", T["worst"](lang)],
        [[town, f"{d.title} ({d.duration}{' + ' + d.extension if d.extension else ''}"
          + (f"; {d.citation})" if d.citation else ")")
          + (T["unverified"](lang) if not d.verified else ""), str(d.measured), str(d.open), pct(d.share, lang),
          pct(d.share_extended, lang), num(d.median_days, lang), num(d.p90_days, lang), num(d.max_days, lang),
          ", ".join(f"{w.case_id} ({w.days:.0f})" for w in d.worst[:3])] for town, d in rows],
    )


def conformance_sections(r: ConformanceResult, lang: Lang = "de") -> list[Section]:
    """Sections of a conformance result."""
    summary = Table([T["figure"](lang), T["value"](lang)], [
        ["Fitness", num(r.fitness, lang, 4)], ["Precision", num(r.precision, lang, 4)],
        [Msg("Fälle ohne Abweichung", "Perfectly fitting cases")(lang), pct(r.fitting_cases, lang)],
        [T["cases"](lang), str(r.cases)], ["Varianten" if lang == "de" else "Variants", str(r.variants)],
        [Msg("abgeglichene Varianten", "Replayed variants")(lang), f"{r.replayed_variants} ({r.replayed_cases} "
                                                                     f"{T['cases'](lang)})"],
        [Msg("Methode", "Method")(lang), r.method], [Msg("Laufzeit", "Wall time")(lang), f"{r.seconds:.1f} s"],
    ])
    steps = Table([T["step"](lang), T["lane"](lang), T["cases"](lang), T["skipped"](lang), T["order"](lang),
                   T["repeated"](lang), T["other"](lang)],
                  [[f"{d.name} [{d.step}]", d.lane or "", str(d.cases), str(d.skipped), str(d.out_of_order),
                    str(d.repeated), f"{d.other_unit}" + (f" ({', '.join(d.other_units)})" if d.other_units else "")]
                   for d in r.steps])
    unknown = Table([T["activity"](lang), T["label"](lang), T["events"](lang), T["cases"](lang)],
                    [[u.activity, u.label, str(u.events), str(u.cases)] for u in r.unknown[:40]])
    mapping = Table([T["activity"](lang), T["step"](lang), T["how"](lang)],
                    [[a, s, r.mapping.how.get(a, "")] for a, s in sorted(r.mapping.steps.items())])
    sections = [Section(T["summary"](lang), tables=[summary]), Section(T["steps"](lang), tables=[steps]),
                Section(f"{T['unknown'](lang)} ({len(r.unknown)})", tables=[unknown] if r.unknown else [],
                        paragraphs=[] if r.unknown else [T["none"](lang)]),
                Section(T["mapping"](lang), tables=[mapping])]
    if r.deadlines:
        sections.insert(2, Section(T["deadlines"](lang), tables=[deadline_table([(r.log, d) for d in r.deadlines],
                                                                                lang)]))
    if r.notes:
        sections.append(Section(T["notes"](lang), paragraphs=list(r.notes)))
    return sections


def comparison_sections(c: LogComparison, lang: Lang = "de", top_activities: int = 40) -> list[Section]:
    """Sections of a log comparison."""
    labels = list(c.labels)
    profiles = Table(
        [T["town"](lang), "Log", T["cases"](lang), T["events"](lang), Msg("Aktivitäten", "Activities")(lang),
         "Varianten" if lang == "de" else "Variants", "Top-1", "Top-10", Msg("Median Tage", "Median days")(lang),
         Msg("p90 Tage", "p90 days")(lang), Msg("Ausführende", "Performers")(lang)],
        [[p.label, p.log, str(p.cases), str(p.events), str(p.activities), str(p.variants),
          pct(p.top_variant_share, lang), pct(p.top10_variant_share, lang), num(p.median_case_days, lang),
          num(p.p90_case_days, lang), str(p.performers)]
         for p in c.profiles])
    rows = c.activities[:top_activities]
    head = [T["activity"](lang), T["label"](lang), *labels]
    sections = [
        Section(T["profiles"](lang), paragraphs=[Msg(
            "{a} Aktivitäten kommen in allen Logs vor, {v} Varianten in allen Logs.",
            "{a} activities occur in every log, {v} variants in every log.")(lang, a=c.shared_activities,
                                                                             v=c.shared_variants)],
                tables=[profiles]),
        Section(T["coverage"](lang),
                tables=[_per_town(head, rows, labels, lambda r, lb: pct(r.case_share.get(lb), lang))]),
        Section(T["durations"](lang),
                tables=[_per_town(head, rows, labels, lambda r, lb: num(r.median_days.get(lb), lang))]),
        Section(T["performers"](lang), tables=[_per_town(head, rows, labels, lambda r, lb: r.performer.get(lb, "–"))]),
        Section(T["edges"](lang), tables=[Table(["a", "b", *labels, "Δ"], [
            [e.source, e.target, *(pct(e.case_share.get(lb), lang) for lb in labels), pct(e.spread, lang)]
            for e in c.edges])]),
    ]
    if c.deadlines:
        sections.append(Section(T["deadlines"](lang), tables=[deadline_table(
            [(town, d) for town, results in c.deadlines.items() for d in results], lang)]))
    if c.conformance:
        sections.append(Section(T["conformance"](lang), tables=[Table(
            [T["town"](lang), "Fitness", "Precision", Msg("ohne Abweichung", "fitting")(lang),
             Msg("größte Abweichungen", "top deviations")(lang)],
            [[town, num(r.fitness, lang, 3), num(r.precision, lang, 3), pct(r.fitting_cases, lang),
              "; ".join(r.top_deviations)]
             for town, r in c.conformance.items()])]))
    if c.excluded:  # first, so that nobody takes the comparison for complete
        sections.insert(0, Section(Msg("Ausgeschlossene Logs (nicht lesbar)", "Excluded logs (unreadable)")(lang),
                                   paragraphs=list(c.excluded)))
    sections.append(Section(T["notes"](lang), paragraphs=list(c.notes)))
    return sections


def _per_town(head: list[str], rows: tuple[ActivityRow, ...], labels: list[str],
              cell: Callable[[ActivityRow, str], str]) -> Table:
    return Table(head, [[r.activity, r.label, *(cell(r, lb) for lb in labels)] for r in rows])


def to_text(title: str, sections: list[Section]) -> str:
    """Plain text with aligned columns."""
    out = [title, "=" * len(title)]
    for section in sections:
        out += ["", section.title, "-" * len(section.title), *section.paragraphs]
        for table in section.tables:
            widths = [max(len(str(x)) for x in col) for col in zip(table.headers, *table.rows, strict=True)]
            for row in [table.headers, *table.rows]:
                out.append("  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(out) + "\n"


def _md(value: object) -> str:
    return escape(value)


def to_markdown(title: str, sections: list[Section]) -> str:
    """GitHub-flavoured Markdown."""
    out = [f"# {_md(title)}"]
    for section in sections:
        out += ["", f"## {_md(section.title)}", *(["", *map(_md, section.paragraphs)] if section.paragraphs else [])]
        for table in section.tables:
            out += ["", "| " + " | ".join(map(_md, table.headers)) + " |",
                    "|" + "---|" * len(table.headers)]
            out += ["| " + " | ".join(_md(v) for v in row) + " |" for row in table.rows]
    return "\n".join(out) + "\n"


def _title(result: BaseModel, lang: Lang) -> str:
    if isinstance(result, ConformanceResult):
        return T["conf_title"](lang, log=result.log, model=result.model)
    return T["comp_title"](lang)


def sections_of(result: BaseModel, lang: Lang) -> list[Section]:
    """The sections of a conformance result or a log comparison."""
    if isinstance(result, ConformanceResult):
        return conformance_sections(result, lang)
    if isinstance(result, LogComparison):
        return comparison_sections(result, lang)
    raise TypeError(f"cannot render {type(result).__name__}")


def _html(result: BaseModel, lang: Lang) -> str:
    from vollzug.mining.html import page

    return page(_title(result, lang), sections_of(result, lang), lang)


EMITTERS: dict[str, Callable[[BaseModel, Lang], str]] = {
    "text": lambda r, lang: to_text(_title(r, lang), sections_of(r, lang)),
    "markdown": lambda r, lang: to_markdown(_title(r, lang), sections_of(r, lang)),
    "json": lambda r, _lang: r.model_dump_json(indent=2) + "\n",
    "html": _html,
}
"""Output format → emitter."""
