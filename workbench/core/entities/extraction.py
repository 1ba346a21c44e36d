"""Entity extraction as the indexer runs it: tag a batch of articles, key and link their mentions.

This is the entities' indexing stage (``stage.EntityStage``): it runs where articles are
prepared (worker processes on large runs), so everything it returns is small and picklable.
Mentions inside the article's own credits (byline, dateline, source credit: credits.py) are
left out, except a dateline's places.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from workbench.core import arabic
from workbench.core.entities.credits import OPENING, credit_spans
from workbench.core.entities.lexicon import Lexicon, default_lexicon
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
    lexicon = default_lexicon()
    return [_keyed(_not_credits(text, mentions), lexicon)
            for text, mentions in zip(texts, extract_mentions_many(texts), strict=True)]


def _not_credits(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions outside the article's credits (a place in the opening credit stays)."""
    credits = credit_spans(text)
    if not credits:
        return mentions
    return [m for m in mentions if not any(
        start <= m.start < end and (kind != OPENING or m.type != "LOCATION") for start, end, kind in credits)]


def _keyed(mentions: list[Mention], lexicon: Lexicon) -> list[CatalogMention]:
    found = [(m, key) for m in mentions if (key := arabic.name_key(m.norm))]
    links = link_in_article([(m.type, key, _rank(m, key, lexicon)) for m, key in found], lexicon)
    return [CatalogMention(m.start, m.end, m.type, m.text, key, link)
            for (m, key), link in zip(found, links, strict=True)]


def _rank(mention: Mention, key: str, lexicon: Lexicon) -> str:
    """The name key of the rank title a person mention starts with or follows ("" when none)."""
    first = key.split(" ", 1)[0]
    if first in lexicon.rank_names:
        return first
    return mention.title if mention.title in lexicon.rank_names else ""
