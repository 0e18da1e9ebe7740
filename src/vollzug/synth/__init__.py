"""Synthetische Kommunen: seeded variations of a reference model for examples, tests and benchmarks."""

from vollzug.synth.generate import SynthOptions, synth_towns

__all__ = ["SynthOptions", "synth_towns"]
