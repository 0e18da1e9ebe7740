"""RE004 media-break."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class MediaBreak(Rule):
    """Data changes medium where it crosses from one lane (or pool) to another."""

    code = "RE004"
    name = "media-break"
    gap = "G05"
    summary = Msg("Medienbruch", "Media break")
    what = Msg(
        "Ein Schritt liest ein Datenobjekt, das in einer anderen Lane oder außerhalb der Kommune entsteht, und "
        "schreibt ein Datenobjekt in einem anderen Medium (z. B. E-Mail/Excel → Fachverfahren, Papier → GIS).",
        "A step reads a data object produced in another lane or outside the municipality and writes a data object "
        "in a different medium (e.g. e-mail/Excel → registration software, paper → GIS).",
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
    _msg = Msg("Medienbruch an „{name}“: „{source}“ ({m1}) aus {origin} wird als „{target}“ ({m2}) weitergeführt.",
               "Media break at '{name}': '{source}' ({m1}) from {origin_en} continues as '{target}' ({m2}).")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report steps that turn data from another lane into a different medium."""
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
                if not foreign or not src.medium:
                    continue
                for dst_id in writes.get(step.id, []):
                    dst = objects[dst_id]
                    if dst.medium and dst.medium.casefold() != src.medium.casefold():
                        origin = ", ".join(sorted({o.lane or o.pool or "?" for o in origins})) or "extern"
                        yield self.report(step.id, self._msg, name=step.name or step.id, source=src.name or src.id,
                                          m1=src.medium, target=dst.name or dst.id, m2=dst.medium, origin=origin,
                                          origin_en=origin.replace("extern", "outside"))
