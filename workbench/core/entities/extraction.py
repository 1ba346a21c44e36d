"""Entity extraction as the indexer runs it: tag a batch of articles, key and link their mentions.

This is the entities' indexing stage (``stage.EntityStage``): it runs where articles are
prepared (worker processes on large runs), so everything it returns is small and picklable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from workbench.core import arabic
from workbench.core.entities.merge import link_in_article
from workbench.core.entities.tagger import Mention, extract_mentions_many
from workbench.core.ingest import Article

__all__ = ["CatalogMention", "articles_mentions", "entity_term"]


class CatalogMention(NamedTuple):
    """One mention ready for the catalog: offsets into the original text, type, text, key, link.

    A tuple of strings and ints, so the garbage collector stops tracking it: a batch holds
    hundreds of thousands of them, and full collections over tracked objects stall every thread
    (the GUI's included) for up to a second.
    """

    start: int
    end: int
    type: str
    text: str
    key: str
    link: str

    @property
    def term(self) -> str:
        """The article's term in the Whoosh ``entities`` field for this mention: ``TYPE:key``."""
        return entity_term(self.type, self.key)


def entity_term(type_: str, key: str) -> str:
    """The ``entities`` field term of a (type, key): ``PERSON:سيرغي لافروف``."""
    return f"{type_}:{key}"


def articles_mentions(articles: Sequence[Article]) -> list[list[CatalogMention]]:
    """Extract, key and link the entity mentions of each article (boilerplate excluded).

    The articles are tagged as one batch, which is several times faster than one by one. The
    tagger is loaded on first use, once per process (tagger.default_tagger).
    """
    texts = [article.indexable_text() for article in articles]
    return [_keyed(mentions) for mentions in extract_mentions_many(texts)]


def _keyed(mentions: list[Mention]) -> list[CatalogMention]:
    found = [(m, key) for m in mentions if (key := arabic.name_key(m.norm))]
    links = link_in_article([(m.type, key) for m, key in found])
    return [CatalogMention(m.start, m.end, m.type, m.text, key, link)
            for (m, key), link in zip(found, links, strict=True)]
