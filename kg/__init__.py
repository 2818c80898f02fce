"""Ata Zan: a knowledge graph of the Constitution of the Republic of Kazakhstan."""

__version__ = "0.1.0"
