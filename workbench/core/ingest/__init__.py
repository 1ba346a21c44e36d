"""Reading a corpus folder: find its files, decode and parse them, and turn them into articles.

``scan_corpus`` lists a folder's supported files, ``read_file`` turns one into ``Article``
objects (or raises ``SkippedFile`` with a reason); ``formats`` decodes bytes and parses each
format, ``metadata`` finds title, source, date and author, ``boilerplate`` marks what is not
reporting. Nothing here writes anything.
"""

from workbench.core.ingest.article import SKIP_REASONS, Article, CorpusFile, SkippedFile
from workbench.core.ingest.corpus import SUPPORTED_SUFFIXES, iter_records, make_article, read_file, scan_corpus
from workbench.core.ingest.formats import RawRecord

__all__ = ["SKIP_REASONS", "SUPPORTED_SUFFIXES", "Article", "CorpusFile", "RawRecord", "SkippedFile", "iter_records",
           "make_article", "read_file", "scan_corpus"]
