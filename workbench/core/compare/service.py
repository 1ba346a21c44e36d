"""The comparison API the CLI and the GUI use: compare articles, list quotes, list duplicate groups.

``CompareService`` reads what the indexing stages stored (``quote_store``, ``duplicates``),
the articles and document frequencies from the index, and the entity mentions from the entity
service (curation applied). The workspace builds it; it opens and closes nothing itself.

The result of a comparison (``Comparison``) keeps every pair's passage similarities, so the
GUI's threshold slider re-aligns (``links``) without reading or scoring anything again.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np

from workbench.core.arabic import name_key
from workbench.core.compare.alignment import (
    DEFAULT_THRESHOLD,
    PassageLink,
    colour_groups,
    document_similarity,
    pair_scores,
    passage_links,
    smoothed_idf,
)
from workbench.core.compare.attribution import Quote, attribute
from workbench.core.compare.duplicates import DEFAULT_DUPLICATE_THRESHOLD, DuplicateGroup, DuplicateStore
from workbench.core.compare.folding import StoryFolding, fold_stories
from workbench.core.compare.numbers import NumberMention, differing_numbers, find_quantities
from workbench.core.compare.passages import Passage, article_passages
from workbench.core.compare.quote_store import QuoteStore
from workbench.core.entities.service import EntityService
from workbench.core.errors import CompareError
from workbench.core.index import CorpusIndex
from workbench.core.ingest import Article
from workbench.core.messages import translatable
from workbench.core.search import SearchResults

__all__ = ["MAX_ARTICLES", "CompareService", "ComparedArticle", "Comparison"]

MAX_ARTICLES = 4
"""The comparison view has room for four panes; the CLI keeps the same limit."""


@dataclass(frozen=True)
class ComparedArticle:
    """One article of a comparison with everything its pane and the summary strip show."""

    article: Article
    passages: list[Passage]
    """Its sentences and clauses (boilerplate left out); ``Comparison.links`` index into them."""
    quotes: list[Quote]
    numbers: list[NumberMention]
    """Every quantity and date it states."""
    differing: list[NumberMention]
    """Those another compared article contradicts (48 ساعة against 10 ساعات)."""
    entities_only: list[str]
    """Names of the entities that only this article mentions, by name."""


@dataclass(frozen=True)
class Comparison:
    """Two to four articles compared. Links and colour groups are computed for any threshold."""

    articles: list[ComparedArticle]
    similarity: float
    """Mean cosine of the whole texts' TF-IDF vectors, 0..1."""
    shared_entities: list[str]
    """Names of the entities every article mentions, by name."""
    threshold: float
    _scores: dict[tuple[int, int], np.ndarray] = field(repr=False)

    @property
    def ids(self) -> list[str]:
        """The compared article ids, in pane order."""
        return [compared.article.id for compared in self.articles]

    def links(self, threshold: float | None = None) -> list[PassageLink]:
        """The aligned passages at ``threshold`` (the comparison's own by default)."""
        level = self.threshold if threshold is None else threshold
        return [link for (a, b), scores in sorted(self._scores.items()) for link in passage_links(a, b, scores, level)]

    def groups(self, threshold: float | None = None) -> dict[tuple[int, int], int]:
        """(article index, passage index) -> colour group, for every aligned passage."""
        return dict(colour_groups(self.links(threshold)))

    def counterparts(self, article: int, offset: int, threshold: float | None = None) -> list[tuple[int, int, int]]:
        """Where the passage at ``offset`` of article ``article`` is echoed: (article, start, end) in
        the other articles, most similar first (what a click in one pane scrolls the others to)."""
        passage = next((i for i, p in enumerate(self.articles[article].passages) if p.start <= offset < p.end), None)
        if passage is None:
            return []
        found = []
        for link in self.links(threshold):
            if (link.a, link.a_passage) == (article, passage):
                other, number = link.b, link.b_passage
            elif (link.b, link.b_passage) == (article, passage):
                other, number = link.a, link.a_passage
            else:
                continue
            target = self.articles[other].passages[number]
            found.append((link.similarity, other, target.start, target.end))
        found.sort(key=lambda item: -item[0])
        return [(other, start, end) for _, other, start, end in found]


class CompareService:
    """Comparisons, quotes and duplicate groups of one indexed corpus; safe to share between threads."""

    def __init__(self, index: CorpusIndex, entities: EntityService, quotes: QuoteStore,
                 duplicates: DuplicateStore) -> None:
        self._index = index
        self._entities = entities
        self._quotes = quotes
        self._duplicates = duplicates

    # -- comparing ------------------------------------------------------------------------------

    def compare(self, article_ids: Sequence[str], threshold: float = DEFAULT_THRESHOLD) -> Comparison:
        """Compare two to four articles; CompareError for fewer, more, repeated or unknown ids."""
        if not 2 <= len(article_ids) <= MAX_ARTICLES or len(set(article_ids)) != len(article_ids):
            raise CompareError(translatable("Compare two to four different articles (got {count})."),
                               count=len(article_ids))
        articles = [self._article(article_id) for article_id in article_ids]
        passages = [article_passages(article) for article in articles]
        idf = self._idf(passages).__getitem__
        scores = pair_scores(passages, idf)
        numbers = [find_quantities(article.indexable_text()) for article in articles]
        differing = differing_numbers(numbers)
        names = self._entity_names(article_ids)
        shared = set.intersection(*map(set, names))
        quotes = self.quotes(article_ids)
        compared = [ComparedArticle(article, passages[i], [q for q in quotes if q.article_id == article.id],
                                    numbers[i], differing[i],
                                    sorted(set(names[i]).difference(*(names[j] for j in range(len(names)) if j != i))))
                    for i, article in enumerate(articles)]
        return Comparison(compared, document_similarity(passages, idf), sorted(shared), threshold, scores)

    def _article(self, article_id: str) -> Article:
        try:
            return self._index.article(article_id)
        except KeyError:
            raise CompareError(translatable("There is no article '{article_id}' in this corpus: use an id from "
                                            "`workbench search --json`."), article_id=article_id) from None

    def _idf(self, passages: Sequence[Sequence[Passage]]) -> dict[str, float]:
        """The corpus IDF of every stem of the passages (from the index's ``body`` field)."""
        stems = {stem for article in passages for passage in article for stem in passage.stems}
        with self._index.reading() as searcher:
            documents = int(searcher.doc_count_all())
            return {stem: smoothed_idf(int(searcher.doc_frequency("body", stem)), documents) for stem in stems}

    def _entity_names(self, article_ids: Sequence[str]) -> list[list[str]]:
        """Per article, the display names of the (visible) entities it mentions."""
        names: dict[str, str] = {}
        found = []
        for article_id in article_ids:
            ids = {entity_id for _, _, _, entity_id in self._entities.mentions(article_id)}
            for entity_id in ids - names.keys():
                names[entity_id] = self._entities.entity(entity_id).name
            found.append(sorted({names[entity_id] for entity_id in ids}))
        return found

    # -- quotes ---------------------------------------------------------------------------------

    def quotes(self, article_ids: Collection[str] | None = None, speaker: str | None = None) -> list[Quote]:
        """The quotes of these articles (all when None) with their speakers, article by article in
        text order; with ``speaker``, only those whose speaker's name or entity contains it as words."""
        found: list[Quote] = []
        names: dict[str, str] = {}

        def entity_name(entity_id: str) -> str:
            if entity_id not in names:
                names[entity_id] = self._entities.entity(entity_id).name
            return names[entity_id]

        for article_id, records in self._quotes.quotes(article_ids).items():
            found.extend(attribute(article_id, records, self._entities.mentions(article_id), entity_name))
        if speaker is not None:
            wanted = name_key(speaker)
            found = [q for q in found if any(_contains_words(name_key(name), wanted)
                                               for name in (q.entity, q.speaker) if name)]
        return found

    # -- duplicates -----------------------------------------------------------------------------

    def duplicate_groups(self, threshold: float = DEFAULT_DUPLICATE_THRESHOLD) -> list[DuplicateGroup]:
        """Groups of near-duplicate articles, largest first (see ``duplicates``)."""
        return self._duplicates.groups(threshold)

    def duplicates_by_article(self, threshold: float = DEFAULT_DUPLICATE_THRESHOLD) -> dict[str, DuplicateGroup]:
        """Article id -> its group, for every article that has near-duplicates (to fold result rows)."""
        return {article_id: group for group in self.duplicate_groups(threshold) for article_id in group.ids}

    def stories(self, results: SearchResults, one_per_story: bool = False,
                threshold: float = DEFAULT_DUPLICATE_THRESHOLD) -> tuple[SearchResults, StoryFolding]:
        """The results folded by story (see ``folding``); with ``one_per_story``, the results
        without the copies, and the folding over what is left."""
        folding = fold_stories(results.ids(), results.sources(), self.duplicates_by_article(threshold))
        if not one_per_story or not folding.stories:
            return results, folding
        shown = results.excluding(folding.copy_ids())
        return shown, folding.without_copies(shown.ids())


def _contains_words(name: str, wanted: str) -> bool:
    """True when ``wanted``'s words appear in ``name`` in a row (لافروف in سيرغي لافروف)."""
    return bool(wanted) and f" {wanted} " in f" {name} "
