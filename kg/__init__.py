"""Ata Zan: a knowledge graph of the Constitution of the Republic of Kazakhstan."""

from kg.api import KnowledgeGraph

__version__ = "0.1.0"
__all__ = ["KnowledgeGraph", "__version__"]
