"""Lohnkostensätze, Jahresarbeitszeit und Größenklassen as data (``rules/effort/wages.yaml``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from vollzug.law.yamlsource import YamlSource, rules_dir
from vollzug.model.base import Frozen


class Grade(Frozen):
    """Laufbahngruppe with its hourly wage cost."""

    name: str
    """German name, e.g. "gehobener Dienst"."""
    name_en: str = ""
    """English name."""
    eur_per_hour: float = Field(gt=0)
    """Lohnkosten in EUR per hour."""
    verified: bool = False
    """Checked against the source."""


class Hours(Frozen):
    """Jahresarbeitsstunden einer Vollzeitkraft."""

    value: float = Field(gt=0)
    """Hours per person-year (VZÄ)."""
    verified: bool = False
    """Checked against the source."""
    note: str = ""
    """Where the figure comes from."""


class SizeClass(Frozen):
    """Größenklasse: municipalities with population below ``upper`` (and at least the previous class's upper)."""

    id: str
    """Short id, e.g. "10k-20k"."""
    name: str
    """German label."""
    upper: int | None = None
    """Exclusive upper bound; None for the last class."""


class WageTable(Frozen):
    """The wage data an estimate uses, with its provenance."""

    source: str
    """Where the rates come from."""
    year: int
    """Year of the rates."""
    verified: bool = False
    """All figures checked against the source."""
    note: str = ""
    """Caveats."""
    hours_per_person_year: Hours
    """Hours per VZÄ and year."""
    grades: dict[str, Grade]
    """Laufbahngruppe id → rate."""
    default_grade: str
    """Grade of staff whose unit family has none."""
    grade_by_unit_family: dict[str, str] = Field(default_factory=dict)
    """Unit family (vollzug.compare.features.unit_family) → grade id."""
    population_classes: tuple[SizeClass, ...]
    """Größenklassen in increasing order."""
    min_sample: int = Field(default=3, ge=1)
    """Fewer towns with a figure in a class than this: the class borrows the figure of all towns."""
    file: str = ""
    """The file read."""

    def rate(self, family: str) -> tuple[str, float]:
        """(grade id, EUR per hour) for staff of a unit family."""
        grade = self.grade_by_unit_family.get(family, self.default_grade)
        return grade, self.grades[grade].eur_per_hour

    def size_class(self, population: int | None) -> str | None:
        """Id of the class a population falls into (None without a population)."""
        if population is None:
            return None
        for size in self.population_classes:
            if size.upper is None or population < size.upper:
                return size.id
        return self.population_classes[-1].id


def load_wages(path: Path | None = None) -> WageTable:
    """The wage table (default ``rules/effort/wages.yaml``); errors name file, line and key."""
    file = path if path is not None else rules_dir() / "effort" / "wages.yaml"
    source = YamlSource(file)
    if not isinstance(source.data, dict):
        raise source.error("expected a mapping", ())
    table = source.validate(WageTable, {**source.data, "file": str(file)}, ())
    unknown = [g for g in (table.default_grade, *table.grade_by_unit_family.values()) if g not in table.grades]
    if unknown:
        raise source.error(f"unknown grade(s) {', '.join(sorted(set(unknown)))} (known: {', '.join(table.grades)})",
                           ("grade_by_unit_family",))
    uppers = [c.upper for c in table.population_classes]
    if not uppers or uppers[-1] is not None or any(u is None for u in uppers[:-1]) \
            or uppers[:-1] != sorted(uppers[:-1]):  # type: ignore[type-var]
        raise source.error("population_classes need increasing 'upper' bounds and a last class with upper: null",
                           ("population_classes",))
    return table
