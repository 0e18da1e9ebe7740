"""Outputs of ``vollzug effort``: text, Markdown, JSON, XLSX and an SVG chart (also used by the HTML report)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from html import escape

from vollzug.effort.estimate import EffortEstimate, ObligationEffort
from vollzug.effort.labels import L, eur, num
from vollzug.errors import ConfigError, MissingExtraError
from vollzug.i18n import Lang

FORMATS = ("text", "markdown", "json", "xlsx", "svg")


def _kind(o: ObligationEffort, lang: Lang) -> str:
    if o.recurrence == "one_off":
        return L["one_off"](lang)
    return L["recurring"](lang, years=num(o.period_years, lang, 0))


def _extrapolated(o: ObligationEffort, lang: Lang) -> str:
    return L["too_small"](lang) if o.too_small else eur(o.extrapolated_eur, lang)


def _interval(low: float | None, high: float | None, lang: Lang) -> str:
    return "–" if low is None else f"{eur(low, lang)} – {eur(high, lang)}"


def _header_lines(e: EffortEstimate, lang: Lang) -> Iterator[str]:
    rates = ", ".join(f"{k} {num(v, lang)}" for k, v in e.rates.items())
    yield L["sample"](lang, n=e.sample_towns, m=e.master_municipalities, source=e.master_data, stat=e.statistic,
                      b=e.bootstrap, seed=e.seed, k=e.min_sample)
    yield L["wages"](lang, source=" ".join(e.wages_source.split()), year=e.wages_year,
                     hours=num(e.hours_per_person_year, lang, 0), rates=rates)
    if not e.wages_verified:
        yield L["unverified"](lang)


def _totals(e: EffortEstimate, lang: Lang) -> Iterator[tuple[str, str, str, str]]:
    pct = str(round(e.confidence * 100))
    for key, total in (("total_once", e.one_off), ("total_year", e.annual)):
        left = L["left_out"](lang, ids=", ".join(total.left_out)) if total.left_out else ""
        yield (L[key](lang), eur(total.eur, lang),
               L["interval"](lang, pct=pct) + ": " + _interval(total.ci_low_eur, total.ci_high_eur, lang), left)


def to_text(e: EffortEstimate, lang: Lang = "de") -> str:
    """A plain-text summary."""
    lines = [L["title"](lang, law=e.law), *_header_lines(e, lang), ""]
    for label, value, interval, left in _totals(e, lang):
        lines.append(f"{label}: {value} ({interval}){' – ' + left if left else ''}")
    lines.append("")
    width = max((len(o.obligation) for o in e.obligations), default=8)
    lines.append(f"{L['obligation'](lang):<{width}}  {L['towns'](lang):>6}  {L['median'](lang):>14}  "
                 f"{L['extrapolated'](lang):>16}  {L['recurrence'](lang)}")
    for o in e.obligations:
        flag = "" if not o.borrowed_classes or o.too_small else f"  ({L['borrowed'](lang, n=o.borrowed_classes)})"
        lines.append(f"{o.obligation:<{width}}  {o.towns:>6}  {eur(o.median_eur, lang):>14}  "
                     f"{_extrapolated(o, lang):>16}  {_kind(o, lang)}{flag}")
    if e.skipped:
        lines += ["", L["skipped"](lang) + ":", *(f"  {s}" for s in e.skipped)]
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(e: EffortEstimate, lang: Lang = "de") -> str:
    """Markdown: header, totals, one row per obligation, the towns."""
    pct = str(round(e.confidence * 100))
    out = [f"# {L['title'](lang, law=e.law)}", "", *(f"- {line}" for line in _header_lines(e, lang)), ""]
    for label, value, interval, left in _totals(e, lang):
        out.append(f"- **{label}: {value}** ({interval}){' – ' + left if left else ''}")
    heads = [L["obligation"](lang), L["recurrence"](lang), L["towns"](lang), L["median"](lang), L["p10"](lang),
             L["p90"](lang), L["mean"](lang), L["municipalities"](lang), L["extrapolated"](lang),
             L["interval"](lang, pct=pct)]
    out += ["", "| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for o in e.obligations:
        extra = f" ({L['borrowed'](lang, n=o.borrowed_classes)})" if o.borrowed_classes and not o.too_small else ""
        out.append("| " + " | ".join(_md_cell(c) for c in (
            f"{o.obligation} {o.title}", _kind(o, lang), str(o.towns), eur(o.median_eur, lang), eur(o.p10_eur, lang),
            eur(o.p90_eur, lang), eur(o.mean_eur, lang), num(o.municipalities, lang, 1),
            _extrapolated(o, lang) + extra, _interval(o.ci_low_eur, o.ci_high_eur, lang))) + " |")
    heads = [L["town"](lang), "AGS", L["population"](lang), L["size_class"](lang), L["once_eur"](lang),
             L["year_eur"](lang), L["fte"](lang)]
    out += ["", "| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for t in e.towns:
        out.append("| " + " | ".join(_md_cell(c) for c in (
            t.name, t.ags or "", num(t.population, lang, 0), t.size_class or "", eur(t.one_off_eur, lang),
            eur(t.annual_eur, lang), num(t.fte, lang, 2))) + " |")
    if e.skipped:
        out += ["", f"**{L['skipped'](lang)}:**", "", *(f"- {_md_cell(s)}" for s in e.skipped)]
    return "\n".join(out) + "\n"


def to_xlsx(e: EffortEstimate, lang: Lang = "de") -> bytes:
    """Sheets: obligations, classes, towns, notes (amounts as numbers, AGS as text)."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as exc:
        raise MissingExtraError("openpyxl", "xlsx", "The XLSX output") from exc
    book = Workbook()
    ws = book.active
    ws.title = "obligations"
    ws.append(["obligation", "title", "recurrence", "period_years", "towns", "towns_applicable", "median_eur",
               "p10_eur", "p90_eur", "mean_eur", "staff_eur", "material_eur", "fte_median", "uptake",
               "municipalities", "extrapolated_eur", "ci_low_eur", "ci_high_eur", "too_small", "borrowed_classes"])
    for o in e.obligations:
        ws.append([o.obligation, o.title, o.recurrence, o.period_years, o.towns, o.towns_applicable, o.median_eur,
                   o.p10_eur, o.p90_eur, o.mean_eur, o.staff_eur, o.material_eur, o.fte_median, o.uptake,
                   o.municipalities, o.extrapolated_eur, o.ci_low_eur, o.ci_high_eur, o.too_small,
                   o.borrowed_classes])
    classes = book.create_sheet("classes")
    classes.append(["obligation", "size_class", "towns", "municipalities", "per_town_eur", "borrowed"])
    for o in e.obligations:
        for c in o.classes:
            classes.append([o.obligation, c.size_class, c.towns, c.municipalities, c.per_town_eur, c.borrowed])
    towns = book.create_sheet("towns")
    towns.append(["ags", "name", "population", "size_class", "one_off_eur", "annual_eur", "fte"])
    for t in e.towns:
        towns.append([t.ags, t.name, t.population, t.size_class, t.one_off_eur, t.annual_eur, t.fte])
        towns.cell(row=towns.max_row, column=1).number_format = "@"  # AGS stays text
    notes = book.create_sheet("notes")
    for line in [L["title"](lang, law=e.law), *_header_lines(e, lang),
                 *(" ".join(x for x in row if x) for row in _totals(e, lang)), *e.skipped]:
        notes.append([line])
    for sheet in book.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_svg(e: EffortEstimate, lang: Lang = "de") -> str:
    """Horizontal bars: the extrapolated cost per obligation with its bootstrap interval as a whisker."""
    rows = [o for o in e.obligations if o.municipalities > 0]
    top = max((o.ci_high_eur or o.extrapolated_eur or 0.0 for o in rows), default=0.0) or 1.0
    left, width, bar_h, gap = 190, 420, 14, 6
    height = 40 + len(rows) * (bar_h + gap)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="effort-chart" width="{left + width + 130}" '
           f'height="{height}" role="img" aria-label="{escape(L["chart"](lang))}">',
           f'<text x="4" y="16" font-size="13" font-weight="bold">{escape(L["chart"](lang))}</text>']
    for i, o in enumerate(rows):
        y = 30 + i * (bar_h + gap)
        label = f"{o.obligation} ({L['one_off'](lang) if o.recurrence == 'one_off' else 'p. a.'})"
        out.append(f'<text x="4" y="{y + bar_h - 3}" font-size="11">{escape(label)}</text>')
        if o.too_small or o.extrapolated_eur is None:
            out.append(f'<text x="{left}" y="{y + bar_h - 3}" font-size="11" fill="#a33">'
                       f'{escape(L["too_small"](lang))} (n = {o.towns})</text>')
            continue
        w = max(1.0, o.extrapolated_eur / top * width)
        colour = "#4a7ab5" if o.recurrence == "one_off" else "#c27c2c"
        out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}">'
                   f'<title>{escape(o.obligation)}: {escape(eur(o.extrapolated_eur, lang))} (n = {o.towns})</title>'
                   '</rect>')
        if o.ci_low_eur is not None and o.ci_high_eur is not None:
            x1, x2 = left + o.ci_low_eur / top * width, left + o.ci_high_eur / top * width
            mid = y + bar_h / 2
            out.append(f'<line x1="{x1:.1f}" y1="{mid}" x2="{x2:.1f}" y2="{mid}" stroke="#222"/>'
                       f'<line x1="{x1:.1f}" y1="{y + 2}" x2="{x1:.1f}" y2="{y + bar_h - 2}" stroke="#222"/>'
                       f'<line x1="{x2:.1f}" y1="{y + 2}" x2="{x2:.1f}" y2="{y + bar_h - 2}" stroke="#222"/>')
        flag = " *" if o.borrowed_classes else ""
        out.append(f'<text x="{left + width + 6}" y="{y + bar_h - 3}" font-size="11">'
                   f'{escape(eur(o.extrapolated_eur, lang))} n={o.towns}{flag}</text>')
    out.append("</svg>")
    return "\n".join(out)


def html_section(e: EffortEstimate, lang: Lang = "de") -> str:
    """A ``<section>`` for the HTML report: totals, caveats and the chart (inline SVG)."""
    items = "".join(f"<li>{escape(line)}</li>" for line in _header_lines(e, lang))
    totals = "".join(f"<li><strong>{escape(a)}: {escape(b)}</strong> ({escape(c)}){escape(' – ' + d) if d else ''}"
                     "</li>" for a, b, c, d in _totals(e, lang))
    law = escape(e.law.lower())
    return (f'<section id="{law}-effort"><h2>{escape(L["title"](lang, law=e.law))}</h2><ul>{items}{totals}</ul>'
            f"{to_svg(e, lang)}</section>")


def render(e: EffortEstimate, fmt: str, lang: Lang = "de") -> bytes:
    """One output format as bytes."""
    if fmt == "text":
        return to_text(e, lang).encode("utf-8")
    if fmt == "markdown":
        return to_markdown(e, lang).encode("utf-8")
    if fmt == "json":
        return (e.model_dump_json(indent=2) + "\n").encode("utf-8")
    if fmt == "xlsx":
        return to_xlsx(e, lang)
    if fmt == "svg":
        return to_svg(e, lang).encode("utf-8")
    raise ConfigError(f"unknown format '{fmt}' ({', '.join(FORMATS)})")
