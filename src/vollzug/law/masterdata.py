"""Kommunale Stammdaten aus Dateien: the Destatis Gemeindeverzeichnis (GV100AD) and a plain CSV.

GV100AD is the fixed-width text file of the Gemeindeverzeichnis-Informationssystem (GV-ISys) that users download
from Destatis. One record per line; the record type (Satzart) in columns 1–2: 10 Land, 20 Regierungsbezirk,
30 Region (Baden-Württemberg), 40 Kreis, 50 Gemeindeverband, 60 Gemeinde. The columns read here (1-based,
inclusive; sources in docs/masterdata.md):

==========  ===================================================================
1–2         Satzart
3–10        Gebietsstand (JJJJMMTT)
11–18       AGS: Land (11–12), Regierungsbezirk (13), Kreis (14–15), Gemeinde (16–18)
19–22       Gemeindeverband
23–72       Name
73–122      Sitz der Verwaltung (Satzarten 10–50)
123–124     Textkennzeichen (Satzart 40: 41–45, 60: 60–67)
129–139     Fläche in ha (Satzart 60)
140–150     Bevölkerung insgesamt (Satzart 60)
151–161     Bevölkerung männlich (Satzart 60)
166–170     Postleitzahl (Satzart 60)
==========  ===================================================================

The CSV has a header row with at least ``ags,name,kind,population,reference_date`` (optional ``land``, ``kreis``,
``status``), comma or semicolon separated. AGS stays text everywhere: an AGS with 7 digits (a leading zero lost in
a spreadsheet) is an error, not a guess.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from vollzug.errors import InputError
from vollzug.model.actors import Municipality, MunicipalityKind, Population

LANDS: dict[str, str] = {
    "01": "SH", "02": "HH", "03": "NI", "04": "HB", "05": "NRW", "06": "HE", "07": "RP", "08": "BW", "09": "BY",
    "10": "SL", "11": "BE", "12": "BB", "13": "MV", "14": "SN", "15": "ST", "16": "TH",
}
"""Land code (AGS digits 1–2) → the abbreviation the catalogues use."""

_KIND_60: dict[str, tuple[MunicipalityKind, str | None]] = {
    "60": ("Gemeinde", "Markt"), "61": ("kreisfreie Stadt", None), "62": ("kreisfreie Stadt", "Stadtkreis"),
    "63": ("Stadt", None), "64": ("Gemeinde", None), "67": ("Stadt", "Große Kreisstadt"),
}
"""Textkennzeichen of a Gemeinde → (kind, status). 65/66 (gemeindefreies Gebiet) are no municipalities."""
_NOT_MUNICIPALITY = {"65", "66"}
_KIND_CODE: dict[str, str] = {"kreisfreie Stadt": "61", "Stadt": "63", "Gemeinde": "64"}
RECORD_WIDTH = 220
"""Width the writer pads every record to."""


@dataclass(frozen=True)
class MasterData:
    """Municipalities read from a master-data file, with where they came from."""

    source: str
    """File name."""
    format: str
    """gv100ad, csv or yaml."""
    municipalities: tuple[Municipality, ...]
    """Gemeinden and Städte (and Kreise, if the file has them) in file order."""
    skipped: int = 0
    """Records that are no municipality (gemeindefreie Gebiete) or of other Satzarten."""
    area_ha: tuple[tuple[str, int], ...] = ()
    """(AGS, area in hectares) where the file gives one (GV100AD)."""

    def gemeinden(self) -> list[Municipality]:
        """The municipalities without the Kreise."""
        return [m for m in self.municipalities if m.kind != "Kreis"]


def _field(line: str, start: int, end: int) -> str:
    return line[start - 1:end].strip()


def _int(line: str, start: int, end: int, what: str, path: Path, number: int) -> int | None:
    text = _field(line, start, end)
    if not text:
        return None
    if not text.isdigit():
        raise InputError(f"GV100AD: {what} (columns {start}–{end}) is not a number: {text!r}", file=path, line=number)
    return int(text)


def _date(text: str, path: Path, number: int) -> dt.date:
    try:
        return dt.date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as exc:
        raise InputError(f"GV100AD: Gebietsstand (columns 3–10) is not a date JJJJMMTT: {text!r}", file=path,
                         line=number) from exc


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("iso-8859-1")  # GV100AD files before 2019 are Latin-1


def read_gv100ad(path: Path) -> MasterData:
    """Kreise (Satzart 40) and Gemeinden (Satzart 60) of a GV100AD file."""
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", file=path) from exc
    kreise: dict[str, str] = {}
    synthetic_lands: set[str] = set()
    found: list[Municipality] = []
    areas: list[tuple[str, int]] = []
    skipped = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        kind = line[:2]
        if kind not in {"10", "20", "30", "40", "50", "60"}:
            raise InputError(f"GV100AD: unknown Satzart {kind!r} (columns 1–2; expected 10, 20, 30, 40, 50 or 60)",
                             file=path, line=number)
        if len(line) < 23:  # trailing blanks may have been trimmed; the name must be there
            raise InputError(f"GV100AD: record too short ({len(line)} characters; the name starts at column 23)",
                             file=path, line=number)
        stand = _date(line[2:10], path, number)
        ags = line[10:18].replace(" ", "")
        name = _field(line, 23, 72)
        if not name:
            raise InputError("GV100AD: empty name (columns 23–72)", file=path, line=number)
        land = LANDS.get(line[10:12], line[10:12])
        if kind == "10" and "synthet" in name.lower():  # files written by `vollzug municipalities --synthetic`
            synthetic_lands.add(line[10:12])
        if kind == "40":
            kreise[ags[:5]] = name
            found.append(Municipality(ags=ags[:5], name=name, kind="Kreis", land=land))
            continue
        if kind != "60":
            skipped += 1
            continue
        if len(ags) != 8 or not ags.isdigit():
            raise InputError(f"GV100AD: AGS (columns 11–18) must be 8 digits, got {ags!r}", file=path, line=number)
        code = _field(line, 123, 124)
        if code in _NOT_MUNICIPALITY:
            skipped += 1
            continue
        mkind, status = _KIND_60.get(code, ("Gemeinde", None))
        area = _int(line, 129, 139, "Fläche", path, number)
        people = _int(line, 140, 150, "Bevölkerung insgesamt", path, number)
        made_up = line[10:12] in synthetic_lands
        population = Population(count=people, reference_date=stand,
                                source=f"GV100AD {path.name}" + (" (synthetisch)" if made_up else ""),
                                quality="synthetic" if made_up else "unverified") if people is not None else None
        kreis = kreise.get(ags[:5]) if mkind != "kreisfreie Stadt" else None
        found.append(Municipality(ags=ags, name=name, kind=mkind, population=population, land=land, kreis=kreis,
                                  status=status))
        if area is not None:
            areas.append((ags, area))
    if not found:
        raise InputError("GV100AD: no Kreis (40) or Gemeinde (60) records found", file=path)
    return MasterData(str(path), "gv100ad", tuple(found), skipped, tuple(areas))


_CSV_REQUIRED = ("ags", "name", "kind", "population", "reference_date")
_KINDS: dict[str, MunicipalityKind] = {"gemeinde": "Gemeinde", "stadt": "Stadt", "kreis": "Kreis",
                                       "kreisfreie stadt": "kreisfreie Stadt"}


def read_csv(path: Path) -> MasterData:
    """Municipalities of a master-data CSV (header: ags, name, kind, population, reference_date, …)."""
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", file=path) from exc
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in _CSV_REQUIRED if c not in header]
    if missing:
        raise InputError(f"CSV: missing column(s) {', '.join(missing)} (need {', '.join(_CSV_REQUIRED)})",
                         file=path, line=1)
    reader.fieldnames = header
    found: list[Municipality] = []
    seen: dict[str, int] = {}
    for row in reader:
        number = reader.line_num
        get = {k: (v or "").strip() for k, v in row.items() if k is not None}
        ags = get["ags"]
        if not ags.isdigit() or len(ags) not in (5, 8):
            hint = " (a leading zero lost? keep AGS as text)" if ags.isdigit() and len(ags) in (4, 7) else ""
            raise InputError(f"CSV: ags must be 8 digits (5 for a Kreis), got {ags!r}{hint}", file=path, line=number)
        if ags in seen:
            raise InputError(f"CSV: duplicate AGS {ags} (also line {seen[ags]})", file=path, line=number)
        seen[ags] = number
        kind = _KINDS.get(get["kind"].lower())
        if kind is None:
            raise InputError(f"CSV: kind must be Gemeinde, Stadt, Kreis or kreisfreie Stadt, got {get['kind']!r}",
                             file=path, line=number)
        population = None
        if get["population"]:
            if not get["population"].isdigit():
                raise InputError(f"CSV: population is not a whole number: {get['population']!r}", file=path,
                                 line=number)
            try:
                day = dt.date.fromisoformat(get["reference_date"])
            except ValueError as exc:
                raise InputError(f"CSV: reference_date must be YYYY-MM-DD, got {get['reference_date']!r}",
                                 file=path, line=number) from exc
            population = Population(count=int(get["population"]), reference_date=day, source=f"CSV {path.name}",
                                    quality="unverified")
        found.append(Municipality(ags=ags, name=get["name"], kind=kind, population=population,
                                  land=get.get("land") or LANDS.get(ags[:2], "NRW"), kreis=get.get("kreis") or None,
                                  status=get.get("status") or None))
    if not found:
        raise InputError("CSV: no municipalities", file=path)
    return MasterData(str(path), "csv", tuple(found))


def _looks_gv100ad(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError:
        return False
    return len(head) >= 10 and head[:2] in {b"10", b"20", b"30", b"40", b"50", b"60"} and head[2:10].isdigit()


def load_master_data(path: str | Path | None = None) -> MasterData:
    """Master data from a GV100AD text file, a CSV, or a ``rules/municipalities``-style YAML file or folder;
    without a path the shipped Kreis Steinfurt data."""
    from vollzug.law.municipalities import load_municipalities

    if path is None:
        return MasterData("rules/municipalities", "yaml", tuple(load_municipalities()))
    p = Path(path)
    if p.is_dir():
        return MasterData(str(p), "yaml", tuple(load_municipalities(p)))
    if not p.exists():
        raise InputError("file not found", file=p)
    if p.suffix.lower() in {".yaml", ".yml"}:
        from vollzug.law.municipalities import _load

        records = _load(((str(p), p.stat().st_mtime_ns),))
        return MasterData(str(p), "yaml", tuple(r.municipality for r in records))
    if p.suffix.lower() == ".csv" or not _looks_gv100ad(p):
        return read_csv(p)
    return read_gv100ad(p)


def find_in(data: MasterData, ags_or_name: str) -> Municipality:
    """The municipality with this AGS or (case-insensitive) name in ``data``."""
    from vollzug.errors import ConfigError
    from vollzug.law.municipalities import _fold

    key = ags_or_name.strip()
    for m in data.municipalities:
        if m.ags == key:
            return m
    matches = [m for m in data.municipalities if _fold(m.name) == _fold(key)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ConfigError(f"municipality {ags_or_name!r} is ambiguous in {data.source}: "
                          + ", ".join(f"{m.name} ({m.ags})" for m in matches) + "; use the AGS")
    raise ConfigError(f"unknown municipality {ags_or_name!r} in {data.source}")


def _record(satzart: str, stand: dt.date, ags: str, name: str, seat: str = "", code: str = "",
            area: int | None = None, people: int | None = None) -> str:
    line = f"{satzart}{stand:%Y%m%d}{ags:<8}{'':4}{name[:50]:<50}{seat[:50]:<50}{code:<2}{'':4}"
    if area is not None or people is not None:
        line += f"{'' if area is None else area:>11}{'' if people is None else people:>11}{'':>11}"
    return line.ljust(RECORD_WIDTH)


def write_gv100ad(municipalities: Iterable[Municipality], stand: dt.date, lands: dict[str, str] | None = None
                  ) -> str:
    """Municipalities as GV100AD records (Land 10, Kreis 40, Gemeinde 60; UTF-8). Kreise are taken from the
    municipalities of kind Kreis, or written with the name "Kreis AGS" when only their Gemeinden are given."""
    items = sorted(municipalities, key=lambda m: m.ags)
    land_names = lands or {}
    lines: list[str] = []
    seen_land: set[str] = set()
    seen_kreis: set[str] = set()
    kreis_names = {m.ags[:5]: m.name for m in items if m.kind == "Kreis"}
    for m in items:
        code = m.ags[:2]
        if code not in seen_land:
            seen_land.add(code)
            lines.append(_record("10", stand, code, land_names.get(code, LANDS.get(code, code))))
        if m.kind == "Kreis" or m.kind == "kreisfreie Stadt":
            if m.kind == "Kreis" and m.ags[:5] not in seen_kreis:
                seen_kreis.add(m.ags[:5])
                lines.append(_record("40", stand, m.ags[:5], m.name, code="43"))
            if m.kind == "Kreis":
                continue
        elif m.ags[:5] not in seen_kreis:
            seen_kreis.add(m.ags[:5])
            lines.append(_record("40", stand, m.ags[:5], kreis_names.get(m.ags[:5], m.kreis or f"Kreis {m.ags[:5]}"),
                                 code="43"))
        people = m.population.count if m.population else None
        code60 = "67" if m.status == "Große Kreisstadt" else _KIND_CODE.get(m.kind, "64")
        lines.append(_record("60", stand, m.ags, m.name, code=code60, people=people))
    return "\n".join(lines) + "\n"


_PREFIXES = ("Nord", "Süd", "Ost", "West", "Alt", "Neu", "Hoh", "Tief", "Grün", "Stein", "Lind", "Birk", "Eich",
             "Wald", "Heid", "Brun", "Mühl", "Ober", "Nieder", "Klein", "Groß", "Ems", "Vecht", "Aa")
_SUFFIXES = ("hagen", "feld", "dorf", "horst", "beck", "kirchen", "lage", "hausen", "stedt", "burg", "loh", "brück",
             "wede", "ingen", "rode", "heim", "berg", "au", "wald", "venne")


def synthetic_municipalities(count: int, *, seed: int = 0, land: str = "05", median: float = 11_000.0,
                             sigma: float = 1.0, stand: dt.date = dt.date(2024, 1, 1)) -> list[Municipality]:
    """``count`` made-up municipalities of one Land (Regierungsbezirk 9, which no Land uses: AGS ``LL9KKGGG``),
    25 per Kreis, populations log-normal around ``median`` — synthetic test data, not statistics."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    if count > 99 * 999:
        raise InputError(f"at most {99 * 999} synthetic municipalities")
    used: set[str] = set()
    out: list[Municipality] = []
    for index in range(count):
        kreis, number = divmod(index, 25)
        name = rng.choice(_PREFIXES) + rng.choice(_SUFFIXES)
        if name in used:
            name = f"{name} {index}"
        used.add(name)
        people = int(min(max(rng.lognormvariate(math.log(median), sigma), 400), 1_500_000))
        kind: MunicipalityKind = "Stadt" if people > 25_000 or rng.random() < 0.3 else "Gemeinde"
        out.append(Municipality(
            ags=f"{land}9{kreis + 1:02d}{number + 1:03d}", name=name, kind=kind,
            land=LANDS.get(land, land), kreis=f"Kreis {land}9{kreis + 1:02d} (synthetisch)",
            population=Population(count=people, reference_date=stand, source="synthetisch", quality="synthetic")))
    return out


def to_csv(municipalities: Sequence[Municipality]) -> str:
    """Master data as CSV (AGS as text)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["ags", "name", "kind", "population", "reference_date", "land", "kreis", "status"])
    for m in municipalities:
        p = m.population
        writer.writerow([m.ags, m.name, m.kind, p.count if p else "", p.reference_date.isoformat() if p else "",
                         m.land, m.kreis or "", m.status or ""])
    return buffer.getvalue()
