"""Boutique: the clienteling desk of a small jewelry boutique."""

__version__ = "0.1.0"
