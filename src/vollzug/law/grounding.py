"""Zitate gegen den Gesetzestext prüfen (``vollzug law verify``): every citation of a catalogue, of the law's
``checks.yaml`` and of the models resolves in the text version it refers to; catalogue norm titles equal the
headings of the text; items still ``verified: false`` are listed with their reason.

Version rule: a catalogue refers to the newest of its ``versions`` of a law (by ``in_force``); a model to the
text in force at its ``valid_from`` (the oldest shipped text if ``valid_from`` lies before it); a citation marked
"a. F." refers to a version before every shipped text and cannot be checked against one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from vollzug.errors import CatalogueError, VollzugError
from vollzug.law.catalogue import catalogue_path, iter_citations, load_catalogue
from vollzug.law.citation import CitationError, parse_citation, parse_citations
from vollzug.law.texts import cited_units, tree_for
from vollzug.law.yamlsource import YamlSource, dotted
from vollzug.model.citation import Citation
from vollzug.model.law import Catalogue

__all__ = ["CitationCheck", "TitleCheck", "Unverified", "VerifyResult", "catalogue_version", "check_text",
           "verify"]

Status = str  # "ok" | "missing" | "unparsable" | "no_text" | "old_version"


@dataclass(frozen=True, slots=True)
class CitationCheck:
    """One citation and what the text says about it."""

    file: str
    line: int | None
    where: str
    text: str
    status: Status
    version: str = ""
    detail: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class TitleCheck:
    """A catalogue norm heading compared with the text's heading."""

    file: str
    line: int | None
    citation: str
    catalogue_title: str
    text_title: str
    version: str


@dataclass(frozen=True, slots=True)
class Unverified:
    """An item still marked ``verified: false``, with the reason the catalogue gives."""

    file: str
    line: int | None
    item: str
    reason: str


@dataclass(slots=True)
class VerifyResult:
    """Everything ``vollzug law verify`` found."""

    catalogue: str
    citations: list[CitationCheck] = field(default_factory=list)
    titles: list[TitleCheck] = field(default_factory=list)
    unverified: list[Unverified] = field(default_factory=list)
    models: list[str] = field(default_factory=list)

    @property
    def unresolved(self) -> list[CitationCheck]:
        """Citations that do not parse or do not exist in their text."""
        return [c for c in self.citations if c.status in ("missing", "unparsable")]

    @property
    def failed(self) -> bool:
        """Exit 1: unresolved citations, title mismatches or unverified items."""
        return bool(self.unresolved or self.titles or self.unverified)


def catalogue_version(catalogue: Catalogue, law: str) -> dt.date | None:
    """The in-force date of the newest version of ``law`` the catalogue lists (None if it lists none)."""
    entry = next((item for item in catalogue.laws if item.id == law), None)
    if entry is None or not entry.versions:
        return None
    return max(v.in_force for v in entry.versions)


def _check_one(citation: Citation, version: dt.date | None) -> tuple[Status, str, str, str]:
    """(status, version id, detail, first address) of one parsed citation."""
    if citation.law is None:
        return "unparsable", "", "", ""
    if citation.version == "aF":
        return "old_version", "", citation.law, ""
    tree, result = cited_units(citation, version)
    if tree is None:
        return "no_text", "", citation.law, ""
    if result.found:
        return "ok", tree.version.id, result.coarser, result.units[0].address
    return "missing", tree.version.id, result.missing, ""


def check_text(text: str, version: dt.date | None, *, file: str, line: int | None, where: str,
               chain: bool = True) -> list[CitationCheck]:
    """Check one citation string (a chain gives one check per member)."""
    try:
        parsed = [parse_citation(text)]
    except CitationError as exc:
        parsed = parse_citations(text) if chain else []
        if len(parsed) < 2:
            return [CitationCheck(file, line, where, text, "unparsable", detail=exc.message)]
    out = []
    for citation in parsed:
        status, vid, detail, address = _check_one(citation, version)
        out.append(CitationCheck(file, line, where, citation.text if len(parsed) > 1 else text, status, vid,
                                 detail, address))
    return out


def _norm_title(text: str) -> str:
    return " ".join(text.replace("–", "-").split())


def _catalogue(catalogue: Catalogue, path: Path, result: VerifyResult) -> None:
    source = YamlSource(path)
    file = display_path(path)
    versions = {law.id: catalogue_version(catalogue, law.id) for law in catalogue.laws}
    for text, loc in iter_citations(catalogue):
        try:
            cited_law = parse_citation(text).law
        except CitationError:
            cited_law = None
        result.citations += check_text(text, versions.get(cited_law or ""), file=file, line=source.line(loc),
                                       where=dotted(loc), chain=False)
    for li, law in enumerate(catalogue.laws):
        for ni, norm in enumerate(law.norms):
            if not norm.verified:
                result.unverified.append(Unverified(file, source.line(("laws", li, "norms", ni)), norm.citation,
                                                    _line_comment(path, source.line(("laws", li, "norms", ni)))
                                                    or "norm heading marked verified: false"))
        tree = tree_for(law.id, versions[law.id])
        if tree is None:
            continue
        if tree.title and tree.title not in law.title:
            result.titles.append(TitleCheck(file, source.line(("laws", li, "title")), law.id, law.title, tree.title,
                                            tree.version.id))
        for ni, norm in enumerate(law.norms):
            citation = parse_citation(norm.citation)
            _tree, found = cited_units(citation, versions[law.id])
            if not found.found or citation.units:
                continue
            text_title = "; ".join(f"{u.citation.removesuffix(' ' + law.id)} {u.title}" for u in found.units) \
                if len(found.units) > 1 else found.units[0].title
            if _norm_title(norm.title) != _norm_title(text_title):
                result.titles.append(TitleCheck(file, source.line(("laws", li, "norms", ni, "title")), norm.citation,
                                                norm.title, text_title, tree.version.id))
    for oi, ob in enumerate(catalogue.obligations):
        if not ob.verified:
            result.unverified.append(Unverified(file, source.line(("obligations", oi)), ob.id,
                                                ob.note or "(no reason given)"))
    for pi, option in enumerate(catalogue.land_options):
        if not option.verified:
            comment = _line_comment(path, source.line(("land_options", pi, "verified")))
            result.unverified.append(Unverified(file, source.line(("land_options", pi)), f"land option {option.id}",
                                                comment or "(no reason given)"))


def display_path(path: Path) -> str:
    """``path`` relative to the working directory where it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _line_comment(path: Path, line: int | None) -> str:
    if line is None:
        return ""
    try:
        raw = path.read_text(encoding="utf-8").splitlines()[line - 1]
    except (OSError, IndexError):
        return ""
    return raw.split("#", 1)[1].strip() if "#" in raw else ""


def _checks_file(path: Path, version: dt.date | None, result: VerifyResult) -> None:
    """Citations in ``checks.yaml`` (values and comments: the comments state the legal basis of a parameter)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CatalogueError(f"cannot read file: {exc.strerror}", file=path) from None
    for number, raw in enumerate(lines, 1):
        for citation in parse_citations(raw):
            if citation.law is None:
                continue
            status, vid, detail, address = _check_one(citation, version)
            result.citations.append(CitationCheck(display_path(path), number, "checks.yaml", citation.text, status, vid,
                                                  detail, address))


def _model(path: Path, catalogue: Catalogue, result: VerifyResult) -> None:
    from vollzug.loader import load_model

    loaded = load_model(path)
    model = loaded.model
    if model.law and model.law != catalogue.id:
        return
    file = display_path(path)
    result.models.append(file)
    version = model.valid_from
    for step in model.steps:
        line = loaded.line_of(step.id)
        for text in step.citations:
            result.citations += check_text(text, version, file=file, line=line, where=step.id)
        for deadline in step.deadlines:
            if deadline.citation:
                result.citations += check_text(deadline.citation, version, file=file, line=line, where=step.id)
    for stakeholder in model.stakeholders:
        for text in stakeholder.citations:
            result.citations += check_text(text, version, file=file, line=loaded.line_of(stakeholder.id),
                                           where=stakeholder.id)


def verify(catalogue_ref: str | Path, models: list[Path] | None = None) -> VerifyResult:
    """Verify a catalogue, its ``checks.yaml`` and the models (files or folders) that use it."""
    from vollzug.loader import iter_model_files

    path = catalogue_path(catalogue_ref)
    catalogue = load_catalogue(path)
    result = VerifyResult(catalogue=catalogue.id)
    _catalogue(catalogue, path, result)
    checks = path.parent / "checks.yaml"
    if checks.is_file():
        first_law = catalogue.laws[0].id if catalogue.laws else catalogue.id
        _checks_file(checks, catalogue_version(catalogue, first_law), result)
    for file in iter_model_files(models or []):
        try:
            _model(file, catalogue, result)
        except VollzugError as exc:
            result.citations.append(CitationCheck(str(file), exc.line, "model", "", "unparsable",
                                                  detail=re.sub(r"\s+", " ", exc.message)))
    return result
