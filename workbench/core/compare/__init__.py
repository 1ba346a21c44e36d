"""Comparing articles: passage alignment, quotes and their speakers, near-duplicate stories.

The pipeline, in the order data flows: ``passages`` cuts an article into keyed sentences and
``alignment`` matches them across articles; ``numbers`` reads quantities and dates; ``quotes``
finds quotations by rule and ``quote_store`` runs that as an indexing stage, ``attribution``
names their speakers from the entity mentions; ``minhash`` and ``duplicates`` find republished
stories corpus-wide as another indexing stage, and ``folding`` folds a result list by story;
``service`` is the API the CLI and the GUI use.
"""

from workbench.core.compare.alignment import DEFAULT_THRESHOLD, PassageLink
from workbench.core.compare.attribution import Quote
from workbench.core.compare.duplicates import DEFAULT_DUPLICATE_THRESHOLD, DuplicateGroup, DuplicateStage, DuplicateStore
from workbench.core.compare.folding import Story, StoryFolding, fold_stories
from workbench.core.compare.numbers import NumberMention
from workbench.core.compare.quote_store import QuoteStage, QuoteStore
from workbench.core.compare.service import MAX_ARTICLES, ComparedArticle, CompareService, Comparison

__all__ = ["DEFAULT_DUPLICATE_THRESHOLD", "DEFAULT_THRESHOLD", "MAX_ARTICLES", "CompareService", "ComparedArticle",
           "Comparison", "DuplicateGroup", "DuplicateStage", "DuplicateStore", "NumberMention", "PassageLink", "Quote",
           "QuoteStage", "QuoteStore", "Story", "StoryFolding", "fold_stories"]
