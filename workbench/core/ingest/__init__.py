"""Reading a corpus folder: find its files, decode and parse them, and turn them into articles.

``scan_corpus`` lists a folder's supported files (and the links it will not follow);
``read_articles`` streams one file's ``Article`` objects and, at the end, its ``FileWarning``
list, or raises ``SkippedFile`` with a reason; ``read_file`` does the same in one call.
``formats`` and ``streams`` parse each format, ``decoding`` detects encodings and repairs text,
``metadata`` finds title, source, date and author, ``boilerplate`` marks what is not reporting.
Nothing here writes anything.
"""

from workbench.core.ingest.article import (
    SKIP_REASONS,
    WARNING_REASONS,
    Article,
    CorpusFile,
    FileWarning,
    SkippedFile,
)
from workbench.core.ingest.corpus import (
    MAX_ARTICLE_BYTES,
    SUPPORTED_SUFFIXES,
    ArticleStream,
    FileContents,
    checked_root,
    read_articles,
    read_file,
    scan_corpus,
)

__all__ = [
    "MAX_ARTICLE_BYTES",
    "SKIP_REASONS",
    "SUPPORTED_SUFFIXES",
    "WARNING_REASONS",
    "Article",
    "ArticleStream",
    "CorpusFile",
    "FileContents",
    "FileWarning",
    "SkippedFile",
    "checked_root",
    "read_articles",
    "read_file",
    "scan_corpus",
]
