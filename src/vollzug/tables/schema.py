"""The table schema: every exported table, its columns, their types and meaning (one place; docs/tables.md).

Types are written once as DuckDB/Arrow-neutral names: ``text``, ``int``, ``float``, ``bool``, ``date``, ``fte``
(DECIMAL(10,3)), ``eur`` (DECIMAL(16,2)), ``texts`` (list of text). AGS is always text (leading zero kept).
Every table has ``law`` and ``ags``; tables about one obligation have ``obligation`` too, so they join on
``(law, ags, obligation)``; ``town_key`` tells towns without an AGS apart.
"""

from __future__ import annotations

Column = tuple[str, str, str]
"""(name, type, description)."""

_KEY: tuple[Column, ...] = (
    ("law", "text", "Catalogue id, e.g. WPG"),
    ("ags", "text", "Amtlicher Gemeindeschlüssel as text (leading zero kept); NULL if the model has none"),
    ("town_key", "text", "Unique key of the town in this run (slug of its name)"),
)
_OBLIGATION: Column = ("obligation", "text", "Obligation id, e.g. WPG.W04")

TABLES: dict[str, tuple[Column, ...]] = {
    "obligations": (
        ("law", "text", "Catalogue id"),
        _OBLIGATION,
        ("title", "text", "German title"),
        ("citations", "texts", "Handlungsgrundlagen, e.g. § 13 Abs. 2 WPG"),
        ("kind", "text", "Pflichtart"),
        ("optional", "bool", "The addressee may choose to perform it"),
    ),
    "towns": (
        *_KEY,
        ("name", "text", "Display name"),
        ("kind", "text", "Gemeinde / Stadt / Kreis"),
        ("population", "int", "Inhabitants"),
        ("variant", "text", "IST or SOLL"),
        ("overall", "float", "Similarity to the reference (0–1)"),
        ("obligations_score", "float", "Similarity: same obligations covered"),
        ("responsibility", "float", "Similarity: same kind of unit accountable"),
        ("resources_score", "float", "Similarity: staff and budget"),
        ("stakeholders", "float", "Similarity: same stakeholder kinds"),
        ("structure", "float", "Similarity: same order of obligations"),
        ("covered", "int", "Obligations covered"),
        ("deviating", "int", "Obligations deviating"),
        ("missing", "int", "Obligations missing"),
        ("not_applicable", "int", "Obligations not applicable"),
        ("gaps", "int", "Number of gaps and findings"),
        ("fte", "fte", "Staff in VZÄ (DECIMAL(10,3))"),
        ("eur", "eur", "Budget and external services in EUR (DECIMAL(16,2))"),
        ("cluster", "int", "Cluster number (NULL without clustering)"),
        ("synthetic", "bool", "Made-up example data"),
        ("path", "text", "Source file"),
        ("run_date", "date", "Date of the run (UTC)"),
    ),
    "cells": (
        *_KEY, _OBLIGATION,
        ("status", "text", "covered / deviating / missing / not_applicable"),
        ("responsible", "text", "Accountable org unit id (RACI A, else R, else lane)"),
        ("responsible_name", "text", "Its display name"),
        ("notified", "bool", "Staff have been notified of the obligation"),
        ("reasons", "texts", "Why deviating / not applicable"),
        ("steps", "texts", "Step ids carrying the obligation"),
    ),
    "resources": (
        *_KEY, _OBLIGATION,
        ("fte", "fte", "Staff (VZÄ) on the obligation's steps"),
        ("eur", "eur", "Budget and external services in EUR"),
        ("it_systems", "texts", "IT systems used"),
    ),
    "units": (
        *_KEY,
        ("unit", "text", "Org unit id"),
        ("unit_name", "text", "Display name"),
        ("fte", "fte", "Staff (VZÄ) of the unit"),
        ("eur", "eur", "EUR of the unit"),
        ("it_systems", "texts", "IT systems of the unit"),
    ),
    "raci": (
        *_KEY, _OBLIGATION,
        ("unit", "text", "Org unit id"),
        ("letter", "text", "R, A, C or I"),
    ),
    "stakeholders": (
        *_KEY, _OBLIGATION,
        ("stakeholder", "text", "Stakeholder kind involved through message flows"),
    ),
    "gaps": (
        *_KEY, _OBLIGATION,
        ("category", "text", "Gap category G01–G15"),
        ("code", "text", "Comparison code (CMP…)"),
        ("message", "text", "German message"),
        ("citation", "text", "Norm concerned"),
        ("element", "text", "Element id in the town's model"),
        ("source", "text", "compare or diff"),
    ),
    "findings": (
        *_KEY, _OBLIGATION,
        ("category", "text", "Gap category G01–G15"),
        ("code", "text", "Rule code, e.g. RS002"),
        ("message", "text", "German message"),
        ("citation", "text", "Norm concerned"),
        ("element", "text", "Element id in the town's model"),
        ("source", "text", "rules"),
    ),
    "outliers": (
        *_KEY, _OBLIGATION,
        ("reason", "text", "Why the town stands out (German)"),
    ),
    "similarity": (
        ("law", "text", "Catalogue id"),
        ("ags_a", "text", "AGS of the first town"),
        ("town_a", "text", "Key of the first town"),
        ("ags_b", "text", "AGS of the second town"),
        ("town_b", "text", "Key of the second town"),
        ("overall", "float", "Mean over the dimensions"),
        ("obligations_score", "float", "Same obligations covered"),
        ("responsibility", "float", "Same kind of unit accountable"),
        ("resources_score", "float", "Staff and budget"),
        ("stakeholders", "float", "Same stakeholder kinds"),
        ("structure", "float", "Same order of obligations"),
    ),
}
"""Table name → columns. ``similarity`` has one row per unordered pair of towns (a before b in town order)."""
