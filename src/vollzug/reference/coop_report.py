"""Ausgabe der Kooperationskandidaten: text and Markdown (de/en), JSON, CSV."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence

from babel.numbers import format_decimal, format_percent

from vollzug.glossary import term
from vollzug.i18n import Lang
from vollzug.output.csvsafe import Cell, to_csv
from vollzug.output.markdown import escape
from vollzug.reference.cooperation import Candidate

_TEXT: dict[str, dict[str, str]] = {
    "de": {"none": "Keine Kooperationskandidaten (Schwelle {fte} VZÄ je Kommune, Größenverhältnis bis {ratio}).",
           "head": "{n} Kooperationskandidaten (je Kommune unter {fte} VZÄ, Größenverhältnis bis {ratio}):",
           "item": "{towns} ({sizes} Einwohner) – {family}: {steps}",
           "why": "{all} erledigen diese Schritte im Bereich {family} mit je unter {fte} VZÄ; zusammen "
                  "{sum} VZÄ{money} – eine gemeinsame Stelle (Zweckverband, öffentlich-rechtliche Vereinbarung, "
                  "Dienstleistung des Kreises) könnte die Arbeit bündeln. Abstand der Prozesse zueinander: {dist}.",
           "money": " und {eur}"},
    "en": {"none": "No cooperation candidates (threshold {fte} FTE per town, size ratio up to {ratio}).",
           "head": "{n} cooperation candidates (each town below {fte} FTE, size ratio up to {ratio}):",
           "item": "{towns} ({sizes} inhabitants) – {family}: {steps}",
           "why": "{all} do these steps in {family} with less than {fte} FTE each; together {sum} FTE{money} – "
                  "a shared unit (special-purpose association, public-law agreement, a district service) "
                  "could pool the work. Distance between their processes: {dist}.",
           "money": " and {eur}"},
}


_COLUMNS = {
    "de": ("Kommunen", "AGS", "Einwohner", "Bereich", "Schritte", "Normen", "VZÄ zusammen", "EUR zusammen", "Abstand"),
    "en": ("towns", "AGS", "population", "unit kind", "steps", "norms", "FTE total", "EUR total", "distance"),
}


def _family(key: str, lang: Lang) -> str:
    return term(f"unit_family.{key}", lang, default=term(f"org_unit_kind.{key}", lang, default=key))


def render_text(cands: Sequence[Candidate], lang: Lang, max_fte: float, ratio: float, *, markdown: bool = False
                ) -> str:
    """Human-readable list with the reason for each candidate."""
    from babel.numbers import format_currency

    t = _TEXT[lang]
    fte_s, ratio_s = format_decimal(max_fte, locale=lang), format_decimal(ratio, locale=lang)
    if not cands:
        return t["none"].format(fte=fte_s, ratio=ratio_s) + "\n"
    lines = [t["head"].format(n=len(cands), fte=fte_s, ratio=ratio_s), ""]
    for c in cands:
        sizes = "–".join(format_decimal(p, locale=lang) for p in (min(c.populations), max(c.populations)))
        steps = ", ".join(f"„{label}“" if lang == "de" else f"“{label}”" for label in c.labels)
        item = t["item"].format(towns=", ".join(c.towns), sizes=sizes, family=_family(c.family, lang), steps=steps)
        every = (("Beide Kommunen" if lang == "de" else "Both towns") if len(c.towns) == 2 else
                 (f"Alle {len(c.towns)} Kommunen" if lang == "de" else f"All {len(c.towns)} towns"))
        why = t["why"].format(all=every, family=_family(c.family, lang), fte=fte_s,
                              sum=format_decimal(c.fte, locale=lang),
                              money=t["money"].format(eur=format_currency(c.eur, "EUR", locale=lang)) if c.eur else "",
                              dist=format_percent(c.distance, locale=lang))
        if markdown:
            lines += [f"- **{escape(item)}**  ", f"  {escape(why)}"]
        else:
            lines += [f"• {item}", f"  {why}"]
    return "\n".join(lines) + "\n"


def render_json(cands: Sequence[Candidate]) -> str:
    """All fields, machine formats."""
    return json.dumps({"kind": "cooperation", "candidates": [dataclasses.asdict(c) for c in cands]},
                      ensure_ascii=False, indent=2) + "\n"


def render_csv(cands: Sequence[Candidate], lang: Lang) -> str:
    """One row per candidate (semicolon-joined lists, dot decimals, AGS as text)."""
    rows: list[list[Cell]] = [
        ["; ".join(c.towns), "; ".join(c.ags), "; ".join(str(p) for p in c.populations), _family(c.family, lang),
         "; ".join(c.labels), "; ".join(c.citations), c.fte, c.eur, c.distance]
        for c in cands]
    return to_csv(_COLUMNS[lang], rows)
