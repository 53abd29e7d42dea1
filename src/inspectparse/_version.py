"""The package version, alone in its module so that anything may import it without a cycle."""

__version__ = "0.1.0"
