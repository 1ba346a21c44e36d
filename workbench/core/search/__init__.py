"""Searching an indexed corpus: the query language, its compilation, ranking and results.

``SearchEngine(index).search(SearchRequest(...))`` is the entry point; ``query`` parses the
query language, ``compiler`` turns it into Whoosh queries and a highlight plan, ``ranking``
scores matches with numpy over Whoosh's postings, ``results`` builds hits and snippets,
``histogram`` counts them over time and ``kwic`` lists every occurrence in context.
"""

from workbench.core.errors import QueryError
from workbench.core.search.engine import SORT_ORDERS, SearchEngine, SearchRequest, is_browse
from workbench.core.search.histogram import BUCKETS, Histogram
from workbench.core.search.results import Hit, SearchResults, Snippet

__all__ = ["BUCKETS", "SORT_ORDERS", "Histogram", "Hit", "QueryError", "SearchEngine", "SearchRequest",
           "SearchResults", "Snippet", "is_browse"]
