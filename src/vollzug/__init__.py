"""vollzug: make the municipal operationalisation of German laws explicit, comparable and checkable."""

__version__ = "0.1.0"

__all__ = ["__version__"]
