"""Entity extraction as an indexing stage (``workbench.core.index.stages.IndexStage``).

While indexing, each article's mentions are found in the worker processes (``extraction``),
stored in the index folder's entity catalog (``catalog``), and indexed as ``TYPE:key`` terms
in the ``entities`` field, which the entity filter searches.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workbench.core.entities.catalog import EntityCatalog
from workbench.core.entities.extraction import CatalogMention, articles_mentions
from workbench.core.ingest import Article

__all__ = ["EntityStage"]


class EntityStage:
    """People, places and organisations of every indexed article. Stateless, so it pickles for free."""

    name = "entities"
    version = 1
    """Bump when extraction changes: the tagger's model or rules, the gazetteers, keying or linking."""

    def analyse(self, articles: Sequence[Article]) -> list[list[CatalogMention]]:
        """The keyed and linked mentions of each article (the tagger loads once per process)."""
        return articles_mentions(articles)

    def terms(self, result: list[CatalogMention]) -> list[str]:
        """The article's distinct ``TYPE:key`` terms, sorted."""
        return sorted({mention.term for mention in result})

    def open_store(self, index_dir: Path) -> EntityCatalog:
        """The catalog (``entities.sqlite3``) in the index folder."""
        return EntityCatalog(index_dir)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))
