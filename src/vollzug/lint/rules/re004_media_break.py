"""RE004 media-break."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.lint.rules._memo import OwnerMemo

_CLASSES: OwnerMemo[str, str] = OwnerMemo(10_000)
"""Media class per options object and medium."""


class MediaOptions(BaseModel):
    """Options of RE004: media grouped into classes; a break is a change of class."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    paper: tuple[str, ...] = ("papier", "brief", "post", "fax", "ausdruck", "akte")
    """Paper media."""
    office: tuple[str, ...] = ("e-mail", "email", "excel", "word", "pdf", "datei", "csv", "telefon")
    """Unstructured digital media (documents, mail attachments)."""
    structured: tuple[str, ...] = (
        "fachverfahren", "gis", "dms", "e-akte", "portal", "schnittstelle", "datenbank", "xöv", "api",
        "wärmekataster", "alkis", "ris", "cms", "website", "beteiligungsportal",
    )
    """Structured systems (registration software, GIS, document management, portals, interfaces)."""
    across_lanes_only: bool = False
    """Report only when the data come from another lane or pool (otherwise re-keying within a lane counts too)."""

    def media_class(self, medium: str) -> str:
        """Class of a medium: by the first class one of whose names the medium starts with, else the medium
        (remembered per medium: the options are frozen and towns name the same media again and again)."""
        return _CLASSES.get(self, medium, lambda: self._classify(medium))

    def _classify(self, medium: str) -> str:
        text = medium.casefold().strip()
        for name, members in (("paper", self.paper), ("office", self.office), ("structured", self.structured)):
            if any(text.startswith(m) for m in members):
                return name
        return text


class MediaBreak(Rule):
    """Data change their media class at a step (re-keying), reported at the data object that is re-keyed."""

    code = "RE004"
    name = "media-break"
    gap = "G05"
    options_model = MediaOptions
    summary = Msg("Medienbruch", "Media break")
    what = Msg(
        "Ein Schritt liest ein Datenobjekt und schreibt ein Datenobjekt in einer anderen Medienklasse (Papier, "
        "Büro-Dateien wie E-Mail/Excel/PDF, "
        "strukturierte Systeme wie Fachverfahren/GIS/DMS; z. B. Excel per E-Mail → GIS). Ein Wechsel zwischen "
        "strukturierten Systemen (Fachverfahren → GIS) ist kein Medienbruch. Gemeldet wird am gelesenen Datenobjekt; "
        "die Meldung nennt die Herkunft (Lane oder „extern“). Mit `across_lanes_only = true` nur, wenn die Daten "
        "aus einer anderen Lane oder von außen kommen. Die Klassen sind Optionen.",
        "A step reads a data object and writes a data object in another media class (paper; office files such as "
        "e-mail/Excel/PDF; structured systems such as "
        "registration software/GIS/DMS; e.g. Excel by e-mail → GIS). Moving between structured systems "
        "(registration software → GIS) is not a media break. The finding is reported at the data object read; the "
        "message names its origin (lane or outside). With `across_lanes_only = true` only when the data come from "
        "another lane or from outside. The classes are options.",
    )
    why = Msg(
        "Medienbrüche bedeuten Abtippen und Doppelerfassung; der Bundesrechnungshof nennt sie als Hauptmangel.",
        "Media breaks mean re-keying and double entry; the federal audit office names them as a main weakness.",
    )
    invalid = """org_units:
  - {id: Klimaschutz, name: Klimaschutz}
  - {id: GIS, name: GIS}
data_objects:
  - {id: D_Kehrbuch, name: Kehrbuchdaten, medium: Excel}
  - {id: D_GIS, name: Gebäudedaten, medium: GIS}
steps:
  - {id: Task_1, name: Daten anfordern, lane: Klimaschutz}
  - {id: Task_2, name: Daten einpflegen, lane: GIS}
data_associations:
  - {id: A1, source: Task_1, target: D_Kehrbuch}
  - {id: A2, source: D_Kehrbuch, target: Task_2}
  - {id: A3, source: Task_2, target: D_GIS}"""
    valid = """# ... the data arrive through the GIS interface and are read by Task_2 as medium GIS:
data_objects:
  - {id: D_Kehrbuch, name: Kehrbuchdaten, medium: GIS}
  - {id: D_GIS, name: Gebäudedaten, medium: GIS}"""
    _msg = Msg("Medienbruch an „{name}“: „{source}“ ({m1}, {origin}) wird als „{target}“ ({m2}) weitergeführt.",
               "Media break at '{name}': '{source}' ({m1}, {origin_en}) continues as '{target}' ({m2}).")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report steps that turn data from another lane into a different media class."""
        opts = self.options
        assert isinstance(opts, MediaOptions)
        objects = {d.id: d for d in ctx.model.data_objects}
        writers: dict[str, list[str]] = {}
        reads: dict[str, list[str]] = {}
        writes: dict[str, list[str]] = {}
        for a in ctx.model.data_associations:
            if a.target in objects:
                writers.setdefault(a.target, []).append(a.source)
                writes.setdefault(a.source, []).append(a.target)
            elif a.source in objects:
                reads.setdefault(a.target, []).append(a.source)
        for step in ctx.model.steps:
            for src_id in reads.get(step.id, []):
                src = objects[src_id]
                origins = [ctx.index.steps[w] for w in writers.get(src_id, []) if w in ctx.index.steps]
                foreign = not origins or any((o.lane, o.pool) != (step.lane, step.pool) for o in origins)
                if (opts.across_lanes_only and not foreign) or not src.medium:
                    continue
                for dst_id in writes.get(step.id, []):
                    dst = objects[dst_id]
                    if dst.medium and opts.media_class(dst.medium) != opts.media_class(src.medium):
                        lanes = ", ".join(sorted({o.lane or o.pool or "?" for o in origins}))
                        yield self.report(src.id, self._msg, name=step.name or step.id, source=src.name or src.id,
                                          m1=src.medium, target=dst.name or dst.id, m2=dst.medium,
                                          origin=f"aus {lanes}" if lanes else "von außen",
                                          origin_en=f"from {lanes}" if lanes else "from outside")
