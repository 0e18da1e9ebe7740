"""Shared paths for the diff tests."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"
REPO = Path(__file__).resolve().parents[2]


def case_files(case: Path) -> tuple[Path, Path]:
    """The left and right model file of a fixture case."""
    left = next(p for p in sorted(case.iterdir()) if p.stem == "left")
    right = next(p for p in sorted(case.iterdir()) if p.stem == "right")
    return left, right
