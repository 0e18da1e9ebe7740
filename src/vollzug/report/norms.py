"""The wording of a cited norm, for the details panel and the action list: the one hook to the statute texts.

``vollzug.law.norm_text(citation, version=None)`` (the norm tree) provides the text once it exists; until then, and
for citations it does not know, there is no text and the reports show the citation with the obligation's title.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any


def norm_text(citation: str) -> str | None:
    """The text of a cited norm, or None."""
    provider: Any = getattr(importlib.import_module("vollzug.law"), "norm_text", None)
    if not callable(provider):
        return None
    try:
        text = provider(citation)
    except Exception:  # a citation the norm tree cannot resolve: no text, the citation is still shown
        return None
    return str(text) if text else None


def norm_texts(citations: Iterable[str]) -> dict[str, str]:
    """Citation → text for those that have one."""
    out: dict[str, str] = {}
    for citation in dict.fromkeys(citations):
        text = norm_text(citation)
        if text:
            out[citation] = text
    return out
