"""Kommunale Stammdaten: municipalities with AGS, kind, population and status from ``rules/municipalities/*.yaml``.

Each entry is a :class:`~vollzug.model.actors.Municipality` plus two data-only keys: ``unverified`` (field names not
checked against a primary source) and ``note``. Lookup by AGS or name is case- and umlaut-insensitive.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from vollzug.errors import ConfigError
from vollzug.law.yamlsource import YamlSource, rules_dir
from vollzug.model.actors import Municipality

__all__ = ["MunicipalityRecord", "find_municipality", "load_municipalities", "load_municipality_records"]

_EXTRA_KEYS = ("unverified", "note")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass(frozen=True)
class MunicipalityRecord:
    """Stammdatensatz: a municipality with the fields left unverified and a note."""

    municipality: Municipality
    unverified: tuple[str, ...] = ()
    note: str = ""


def _folder(folder: Path | None) -> Path:
    return folder if folder is not None else rules_dir() / "municipalities"


def load_municipality_records(folder: Path | None = None) -> list[MunicipalityRecord]:
    """All records from ``*.yaml`` in the master-data folder (default ``rules/municipalities``)."""
    base = _folder(folder)
    files = sorted(base.glob("*.yaml"))
    stamp = tuple((str(f), f.stat().st_mtime_ns) for f in files)
    return list(_load(stamp))


@functools.lru_cache(maxsize=8)
def _load(stamp: tuple[tuple[str, int], ...]) -> tuple[MunicipalityRecord, ...]:
    records: list[MunicipalityRecord] = []
    seen: dict[str, str] = {}
    for name, _mtime in stamp:
        source = YamlSource(Path(name))
        data = source.data
        if not isinstance(data, dict) or not isinstance(data.get("municipalities"), list):
            raise source.error("expected a mapping with a 'municipalities' list", ())
        for i, raw in enumerate(data["municipalities"]):
            if not isinstance(raw, dict):
                raise source.error("each municipality must be a mapping", ("municipalities", i))
            fields = {k: v for k, v in raw.items() if k not in _EXTRA_KEYS}
            municipality = source.validate(Municipality, fields, ("municipalities", i))
            if municipality.ags in seen:
                raise source.error(f"duplicate AGS {municipality.ags} (also {seen[municipality.ags]})",
                                   ("municipalities", i, "ags"))
            seen[municipality.ags] = municipality.name
            unverified = raw.get("unverified") or []
            if not isinstance(unverified, list):
                raise source.error("'unverified' must be a list of field names", ("municipalities", i, "unverified"))
            flags = tuple(str(u) for u in unverified)
            records.append(MunicipalityRecord(municipality, flags, str(raw.get("note", ""))))
    return tuple(records)


def load_municipalities(folder: Path | None = None) -> list[Municipality]:
    """All municipalities (Kreise included) from the master data."""
    return [record.municipality for record in load_municipality_records(folder)]


def _fold(text: str) -> str:
    """Case- and umlaut-insensitive form: "Ibbenbüren", "IBBENBUEREN", "ibbenburen" all fold alike."""
    lowered = text.strip().casefold().translate(_UMLAUTS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("ae", "a").replace("oe", "o").replace("ue", "u").replace("-", " ")


def find_municipality(ags_or_name: str, folder: Path | None = None) -> Municipality:
    """The municipality with this AGS or name ("05566076", "Rheine", "ibbenbueren"); ConfigError if none or several."""
    records = load_municipality_records(folder)
    key = ags_or_name.strip()
    by_ags = [r.municipality for r in records if r.municipality.ags == key]
    if by_ags:
        return by_ags[0]
    folded = _fold(key)
    matches = [r.municipality for r in records if _fold(r.municipality.name) == folded]
    if not matches:
        matches = [r.municipality for r in records if _fold(r.municipality.name).endswith(" " + folded)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        names = ", ".join(f"{m.name} ({m.ags})" for m in matches)
        raise ConfigError(f"municipality {ags_or_name!r} is ambiguous: {names}; use the AGS")
    raise ConfigError(f"unknown municipality {ags_or_name!r} (give an AGS or a name from the master data)")


def record_for(municipality: Municipality, folder: Path | None = None) -> MunicipalityRecord | None:
    """The master-data record of a municipality (for its unverified fields), if present."""
    return next((r for r in load_municipality_records(folder) if r.municipality.ags == municipality.ags), None)


