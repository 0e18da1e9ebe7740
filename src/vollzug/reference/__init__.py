"""Referenzprozess: one reference model merged from what many towns actually do, and cooperation candidates.

``merge`` clusters the activities of N models through the diff engine's matcher, ``order`` lays the clusters out in
the majority order, ``build`` turns the result into a BPMN model with a full diagram (core steps in sequence,
rarely modelled steps as optional variants), ``table`` gives the per-step support and each town's distance to the
reference, ``cooperation`` finds towns that do the same small jobs separately.
"""
