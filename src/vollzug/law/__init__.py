"""Gesetze und Pflichten: citation parser, law catalogues, applicability, municipality master data, skeletons.

Modules: :mod:`~vollzug.law.citation` (parse, contains, resolve), :mod:`~vollzug.law.catalogue` (load and
validate ``rules/<id>/catalogue.yaml``), :mod:`~vollzug.law.applicability`, :mod:`~vollzug.law.municipalities`,
:mod:`~vollzug.law.decompose` (SOLL skeletons) and :mod:`~vollzug.law.present` (views for ``vollzug law``).
Import the submodules directly; this package imports nothing so that ``vollzug --help`` stays fast.
"""
