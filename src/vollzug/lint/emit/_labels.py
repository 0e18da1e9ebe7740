"""Shared labels for emitters (German/English)."""

from __future__ import annotations

from vollzug.i18n import Lang, Msg

SEVERITY: dict[str, Msg] = {
    "error": Msg("Fehler", "error"),
    "warning": Msg("Warnung", "warning"),
    "info": Msg("Hinweis", "info"),
}
"""Severity names."""

SUPPRESSED = Msg("unterdrückt", "suppressed")
SUMMARY = Msg(
    "{files} Datei(en), {findings} Befund(e): {error} Fehler, {warning} Warnung(en), {info} Hinweis(e); "
    "{suppressed} unterdrückt.",
    "{files} file(s), {findings} finding(s): {error} error(s), {warning} warning(s), {info} info; "
    "{suppressed} suppressed.",
)


def severity(name: str, lang: Lang) -> str:
    """Localised severity name."""
    return SEVERITY[name](lang)
