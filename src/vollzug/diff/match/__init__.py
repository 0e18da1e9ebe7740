"""Zuordnung der Schritte: candidate index (:mod:`.index`), label evidence (:mod:`.evidence`), obligation keys
(:mod:`.obligation`), type compatibility (:mod:`.types`), relative position (:mod:`.position`) and their
combination into one-to-one, split and merge matches with confidence bands (:mod:`.combine`); see
``docs/matching.md``. Every signal is symmetric in the two sides.
"""

from __future__ import annotations

from vollzug.diff.match.context import MatchContext, Side

__all__ = ["MatchContext", "Side"]
