"""What the report needs beyond the comparison result: the catalogue, the reference model, the town models and the
BPMN (with its diagram interchange) to draw. Loaded lazily from the paths recorded in the result; a file that has
gone or no longer reads is skipped (the report then shows no diagram for it), never an error."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vollzug.compare.results import Comparison, TownResult
from vollzug.errors import VollzugError
from vollzug.model.law import Catalogue
from vollzug.model.process import OperationalModel


@dataclass
class ReportContext:
    """Caches of loaded catalogues, models and BPMN bytes for one report run."""

    _catalogues: dict[str, Catalogue | None] = field(default_factory=dict)
    _models: dict[str, OperationalModel | None] = field(default_factory=dict)
    _xml: dict[str, bytes | None] = field(default_factory=dict)

    def seed(self, towns: Iterable[tuple[str, OperationalModel]]) -> None:
        """Models already loaded (path, model), e.g. by the comparison, so that they are not read again."""
        for path, model in towns:
            if path:
                self._models.setdefault(path, model)

    def catalogue(self, law: str) -> Catalogue | None:
        """The law catalogue of a comparison, or None."""
        if law not in self._catalogues:
            try:
                from vollzug.law.catalogue import load_catalogue

                self._catalogues[law] = load_catalogue(law)
            except (VollzugError, OSError):
                self._catalogues[law] = None
        return self._catalogues[law]

    def model(self, path: str) -> OperationalModel | None:
        """The model at ``path`` (YAML or BPMN), or None."""
        if path not in self._models:
            try:
                from vollzug.loader import load_model

                self._models[path] = load_model(path).model if path else None
            except (VollzugError, OSError, ValueError):
                self._models[path] = None
        return self._models[path]

    def bpmn(self, path: str) -> bytes | None:
        """BPMN to draw: a ``.bpmn`` file as the analyst drew it, a YAML model built with its layout; or None."""
        if path not in self._xml:
            data: bytes | None = None
            try:
                if Path(path).suffix.lower() in (".bpmn", ".xml"):
                    data = Path(path).read_bytes()
                else:
                    model = self.model(path)
                    if model is not None:
                        from vollzug.authoring.build import build_bpmn

                        data = build_bpmn(model)
            except (VollzugError, OSError, ValueError):
                data = None
            self._xml[path] = data
        return self._xml[path]

    def reference(self, comparison: Comparison) -> OperationalModel | None:
        """The reference SOLL of a comparison."""
        return self.model(comparison.reference)

    def town(self, town: TownResult) -> OperationalModel | None:
        """A town's model."""
        return self.model(town.path) if town.path and not town.from_log else None


_LAST: list[tuple[object, ReportContext]] = []


def context_for(result: object) -> ReportContext:
    """One context per comparison result, shared by the emitters of one report run."""
    if _LAST and _LAST[0][0] is result:
        return _LAST[0][1]
    ctx = ReportContext()
    _LAST[:] = [(result, ctx)]
    return ctx
