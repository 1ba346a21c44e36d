"""The user's own work on a corpus (entity curation; selections, tags and notes), kept in a
per-corpus SQLite store outside the index so it survives re-indexing and upgrades, verified on
open and backed up (backups.py)."""

from workbench.core.userdata.marks import AnnotatedArticle, Annotations, ArticleMarks, ArticleRecord, Selection
from workbench.core.userdata.store import Store

__all__ = ["AnnotatedArticle", "Annotations", "ArticleMarks", "ArticleRecord", "Selection", "Store"]
