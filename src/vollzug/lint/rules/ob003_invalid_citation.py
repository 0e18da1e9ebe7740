"""OB003 invalid-citation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.law.citation import CitationError, contains, parse_citation, parse_citations, resolve
from vollzug.law.texts import cited_units
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.lint.rules._memo import OwnerMemo
from vollzug.locale import bilingual, format_date
from vollzug.model.citation import Citation
from vollzug.model.law import Catalogue, Law

_Verdicts = tuple[tuple[Msg, dict[str, object]], ...]
_RESOLVED: OwnerMemo[str, bool] = OwnerMemo(50_000)
"""Whether a citation key resolves, per catalogue (resolving re-parses the catalogue's citations, which dominated
the run time of ``vollzug check``)."""
_VERDICTS: OwnerMemo[str, _Verdicts] = OwnerMemo(50_000)
"""Findings per catalogue and citation text (towns repeat the same citations; a district compare checks thousands
of models against one catalogue)."""


def _resolves(catalogue: Catalogue, citation: Citation) -> bool:
    def work_out() -> bool:
        result = resolve(citation, catalogue)
        return bool(result.norms or result.obligations)

    return _RESOLVED.get(catalogue, citation.key, work_out)


class InvalidCitation(Rule):
    """A citation does not parse, names no law, does not resolve in the catalogue, or uses an old number."""

    code = "OB003"
    name = "invalid-citation"
    gap = "G11"
    summary = Msg("Ungültiges Normzitat", "Invalid citation")
    what = Msg(
        "Ein Normzitat eines Schritts folgt nicht der Zitiergrammatik, nennt kein Gesetz, verweist auf eine Norm, "
        "die der Katalog nicht kennt, oder auf eine alte Nummer einer neu nummerierten Verordnung (z. B. § 23 FZV "
        "a. F. → § 49 FZV); dann wird die neue Nummer vorgeschlagen. Zitate von Gesetzen außerhalb des Katalogs "
        "werden nur auf ihre Form geprüft. Ist der Gesetzestext mitgeliefert (rules/<gesetz>/text/), muss die "
        "zitierte Stelle im Normbaum der Fassung existieren, die am valid_from des Modells galt (bis hinunter zu "
        "Absatz, Satz, Nummer und Buchstabe).",
        "A step's citation does not follow the citation grammar, names no law, points to a norm the catalogue does "
        "not know, or uses an old number of a renumbered regulation (e.g. § 23 FZV a. F. → § 49 FZV), in which "
        "case the new number is suggested. Citations of laws outside the catalogue are checked for form only. "
        "Where the law's text is shipped (rules/<law>/text/), the citation must exist in the norm tree of the "
        "version in force at the model's valid_from (down to Absatz, Satz, Nummer and Buchstabe).",
    )
    why = Msg(
        "Nur ein auflösbares Zitat macht einen Schritt auf seine Handlungsgrundlage rückführbar; veraltete Nummern "
        "führen Bearbeitende in die falsche Fassung.",
        "Only a resolvable citation traces a step to its legal basis; outdated numbers send staff to the wrong "
        "version.",
    )
    invalid = """law: FZV
steps:
  - {id: Task_1, name: eVB prüfen, citations: ["§ 23 FZV a. F."]}
  - {id: Task_2, name: Antrag prüfen, citations: ["Paragraf 18 FZV"]}"""
    valid = """law: FZV
steps:
  - {id: Task_1, name: eVB prüfen, citations: ["§ 49 FZV"]}
  - {id: Task_2, name: Antrag prüfen, citations: ["§ 18 FZV"]}"""
    _unparsable = Msg("Zitat „{text}“ an „{name}“ ist kein gültiges Normzitat: {error}",
                      "Citation '{text}' on '{name}' is not a valid citation: {error}")
    _no_law = Msg("Zitat „{text}“ an „{name}“ nennt kein Gesetz.", "Citation '{text}' on '{name}' names no law.")
    _renumbered = Msg("Zitat „{text}“ an „{name}“ ist veraltet: seit {date} gilt {new}.",
                      "Citation '{text}' on '{name}' is outdated: since {date} it is {new}.")
    _unresolved = Msg("Zitat „{text}“ an „{name}“ verweist auf keine Norm des Katalogs {law}.",
                      "Citation '{text}' on '{name}' refers to no norm of catalogue {law}.")
    _not_in_text = Msg("Zitat „{text}“ an „{name}“ verweist auf eine Stelle, die es im Gesetzestext ({law}, Fassung "
                       "{version}) nicht gibt: {missing}.",
                       "Citation '{text}' on '{name}' points to a unit that does not exist in the law text ({law}, "
                       "version {version}): {missing}.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Check every citation of every step (the verdict per citation text is worked out once per catalogue)."""
        version = ctx.model.valid_from
        for step in ctx.model.steps:
            label = step.name or step.id
            for text in step.citations:
                for msg, extra in self._verdicts(ctx.catalogue, text, version):
                    yield self.report(step.id, msg, text, text=text, name=label, **extra)

    def _verdicts(self, catalogue: Catalogue | None, text: str, version: dt.date | None) -> _Verdicts:
        """What is wrong with one citation text: (message, message fields) per finding, once per catalogue and
        text version (a model is checked against the text in force at its ``valid_from``)."""
        return _VERDICTS.get(catalogue, f"{text}@{version}", lambda: self._work_out(catalogue, text, version))

    def _work_out(self, catalogue: Catalogue | None, text: str, version: dt.date | None) -> _Verdicts:
        found: list[tuple[Msg, dict[str, object]]] = []
        try:
            parsed = [parse_citation(text)]
        except CitationError as exc:
            parsed = parse_citations(text)
            if len(parsed) < 2:
                found.append((self._unparsable, {"error": str(exc)}))
                parsed = []
        for citation in parsed:
            found.extend(self._resolve(catalogue, citation, version))
        return tuple(found)

    def _resolve(self, catalogue: Catalogue | None, citation: Citation,
                 version: dt.date | None) -> Iterator[tuple[Msg, dict[str, object]]]:
        if citation.law is None:
            yield self._no_law, {}
            return
        law = next((item for item in catalogue.laws if item.id == citation.law), None) if catalogue else None
        if catalogue is None or law is None:
            return
        renumbered = self._renumbering(law, citation)
        if renumbered is not None:
            yield self._renumbered, {"date": bilingual(format_date, renumbered[1]), "new": renumbered[0]}
            return
        tree, found = cited_units(citation, version)
        if tree is not None:  # the norm tree of the shipped text decides
            if not found.found:
                yield self._not_in_text, {"law": tree.law, "version": tree.version.id, "missing": found.missing}
            return
        if law.norms and not _resolves(catalogue, citation):
            yield self._unresolved, {"law": catalogue.id}

    @staticmethod
    def _renumbering(law: Law, citation: Citation) -> tuple[str, dt.date] | None:
        bare = citation.model_copy(update={"units": ()})
        for entry in law.renumbering:
            try:
                old = parse_citation(entry.old)
            except CitationError:
                continue
            if old.version and not citation.version:
                continue
            if contains(old, bare):
                return entry.new, entry.effective
        return None
