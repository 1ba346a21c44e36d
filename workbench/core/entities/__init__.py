"""Entity extraction from Arabic news: gazetteers, features, a CRF tagger and rule layers.

``extract_mentions(text)`` is the entry point for indexing; ``conll`` reads, tags and scores
ANERcorp-style files.
"""

from workbench.core.entities.tagger import EntityTagger, Mention, default_tagger, extract_mentions

__all__ = ["EntityTagger", "Mention", "default_tagger", "extract_mentions"]
