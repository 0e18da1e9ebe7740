"""German/English labels and number formats of the effort outputs."""

from __future__ import annotations

from vollzug.i18n import Lang, Msg

L: dict[str, Msg] = {
    "title": Msg("Erfüllungsaufwand der Kommunen: {law}", "Municipal compliance cost: {law}"),
    "obligation": Msg("Pflicht", "Obligation"),
    "recurrence": Msg("Art", "Type"),
    "one_off": Msg("einmalig", "one-off"),
    "recurring": Msg("jährlich (alle {years} Jahre)", "per year (every {years} years)"),
    "towns": Msg("Kommunen mit Angabe", "Towns with a figure"),
    "median": Msg("Median je Kommune", "Median per town"),
    "p10": Msg("P10", "P10"),
    "p90": Msg("P90", "P90"),
    "mean": Msg("Mittel je Kommune", "Mean per town"),
    "municipalities": Msg("Kommunen (Stammdaten)", "Municipalities (master data)"),
    "extrapolated": Msg("Hochrechnung", "Extrapolated"),
    "interval": Msg("{pct} %-Intervall", "{pct} % interval"),
    "too_small": Msg("Stichprobe zu klein", "sample too small"),
    "borrowed": Msg("{n} Größenklasse(n) mit zu kleiner Stichprobe: Wert aller Kommunen verwendet",
                    "{n} size class(es) with too small a sample: figure of all towns used"),
    "total_once": Msg("Einmaliger Erfüllungsaufwand (alle Kommunen)", "One-off compliance cost (all municipalities)"),
    "total_year": Msg("Jährlicher Erfüllungsaufwand (alle Kommunen)", "Annual compliance cost (all municipalities)"),
    "left_out": Msg("nicht enthalten (Stichprobe zu klein): {ids}", "not included (sample too small): {ids}"),
    "wages": Msg("Lohnkosten: {source} ({year}); {hours} Stunden je VZÄ und Jahr; Sätze {rates}",
                 "Wage rates: {source} ({year}); {hours} hours per FTE and year; rates {rates}"),
    "unverified": Msg("ACHTUNG: Lohnkostensätze/Arbeitszeit nicht verifiziert (verified: false) – "
                      "Ergebnisse nur zur Methodendemonstration.",
                      "WARNING: wage rates/working hours not verified (verified: false) – "
                      "results demonstrate the method only."),
    "sample": Msg("Stichprobe: {n} Kommunen; Hochrechnung auf {m} Kommunen aus {source}; Statistik: {stat}; "
                  "Bootstrap {b} Ziehungen, Seed {seed}; eigene Zahl je Größenklasse ab {k} Kommunen",
                  "Sample: {n} towns; extrapolated to {m} municipalities of {source}; statistic: {stat}; "
                  "bootstrap {b} resamples, seed {seed}; own figure per size class from {k} towns"),
    "skipped": Msg("Nicht verwendet", "Not used"),
    "town": Msg("Kommune", "Town"),
    "population": Msg("Einwohner", "Inhabitants"),
    "size_class": Msg("Größenklasse", "Size class"),
    "once_eur": Msg("einmalig EUR", "one-off EUR"),
    "year_eur": Msg("jährlich EUR", "annual EUR"),
    "fte": Msg("VZÄ", "FTE"),
    "uptake": Msg("Anteil (Wahl)", "Uptake (choice)"),
    "chart": Msg("Hochrechnung je Pflicht (EUR, mit Intervall)", "Extrapolation per obligation (EUR, with interval)"),
}


def eur(value: float | None, lang: Lang) -> str:
    """An amount in whole euros in the locale's format ("1.234.567 €" / "€1,234,567"); "–" for None."""
    if value is None:
        return "–"
    text = f"{round(value):,}"
    return text.replace(",", ".") + " €" if lang == "de" else "€" + text


def num(value: float | None, lang: Lang, digits: int = 2) -> str:
    """A number in the locale's format."""
    if value is None:
        return "–"
    text = f"{value:,.{digits}f}"
    if lang == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text
