"""Running a search over a corpus index: the request, filters, ranking and sort order.

``SearchEngine`` reads an open ``CorpusIndex`` through its ``reading()`` snapshot and keeps the
numpy ranker (ranking.py) and the per-article columns (columns.py) of the current snapshot,
whose caches live as long as the snapshot does. It is safe to share between threads: every read
holds the index's read lock.

An empty query (or ``*``) browses: every article the filters let through, newest first unless
another order is asked for.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq
from whoosh.searching import Searcher

from workbench.core.errors import QueryError
from workbench.core.index import CorpusIndex
from workbench.core.index.corpus_index import WEIGHTING
from workbench.core.messages import translatable
from workbench.core.search.article_filters import ArticleSet
from workbench.core.search.columns import UNDATED, DocumentColumns
from workbench.core.search.compiler import CompiledQuery, MatchPlan, compile_query
from workbench.core.search.ranking import Matches, Ranker
from workbench.core.search.results import SearchResults
from workbench.core.userdata import Annotations, ArticleRecord

__all__ = ["BROWSE_QUERIES", "SORT_ORDERS", "SearchEngine", "SearchRequest", "is_browse"]

SORT_ORDERS = ("relevance", "date", "date-asc", "source", "title")
"""relevance (best first; newest first when browsing), date (newest first), date-asc (oldest
first), source and title (alphabetical, newest first within one)."""
SORT_ALIASES = {"date-desc": "date"}
BROWSE_QUERIES = ("", "*")
"""Queries that list every article (the filters still apply)."""


def is_browse(query: str) -> bool:
    """True for a query that lists every article rather than matching words."""
    return query.strip() in BROWSE_QUERIES
FEW_IDS = 64
"""Up to this many ids are looked up one by one; more in one pass over the id column."""


@dataclass(frozen=True)
class SearchRequest:
    """A search as the user asked for it."""

    query: str
    sort: str = "relevance"
    match: str = "all"
    sources: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    limit: int | None = None
    entities: tuple[tuple[str, ...], ...] = ()
    """Entity filter: per selected entity, its ``entities`` field terms (EntityService.entity_filter_terms);
    a hit mentions every selected entity (AND), each through any of its terms (OR)."""
    article_ids: frozenset[str] | None = None
    """Only these articles (a selection opened as a result list, an export of a selection)."""


class SearchEngine:
    """Searches one corpus index; ``annotations`` (the user's marks) resolve ``tag:``,
    ``selection:`` and ``has:`` in queries."""

    def __init__(self, index: CorpusIndex, annotations: Annotations | None = None) -> None:
        self.index = index
        self.annotations = annotations
        self._ranker: Ranker | None = None
        self._columns: DocumentColumns | None = None

    def _get_ranker(self, searcher: Searcher) -> Ranker:
        """The numpy ranker of ``searcher`` (its posting caches live as long as the snapshot)."""
        if self._ranker is None or self._ranker.searcher is not searcher:
            self._ranker = Ranker(searcher, WEIGHTING)
        return self._ranker

    def _get_columns(self, searcher: Searcher) -> DocumentColumns:
        """The per-article columns of ``searcher`` (read once per snapshot)."""
        if self._columns is None or self._columns.searcher is not searcher:
            self._columns = DocumentColumns(searcher)
        return self._columns

    def search(self, request: SearchRequest) -> SearchResults:
        """Run a search; raises QueryError (message for the user) on a malformed query."""
        sort = checked_sort(request.sort)
        with self.index.reading() as searcher:
            compiled = _compile(request, searcher, self.annotations)
            matches = self._get_ranker(searcher).matches(compiled.query, _filters(request))
            columns = self._get_columns(searcher)
            if sort == "relevance" and compiled.plan.has_terms():
                refs = Ranker.top(matches, request.limit)
            else:
                refs = _sorted(matches, "date" if sort == "relevance" else sort, columns, request.limit)
            indexed = int(searcher.doc_count())
        return SearchResults(query=request.query, total=len(matches[0]), refs=refs, variants=compiled.variants,
                             plan=compiled.plan, searcher=searcher, lock=self.index.read_lock, docnums=matches[0],
                             columns=columns, indexed=indexed, notices=compiled.notices)

    def search_ids(self, request: SearchRequest) -> list[str]:
        """The ids of every article matching ``request`` (sort and limit ignored), for counting."""
        with self.index.reading() as searcher:
            compiled = _compile(request, searcher, self.annotations)
            docnums, _ = self._get_ranker(searcher).matches(compiled.query, _filters(request))
            if not len(docnums):
                return []  # an empty index has no columns to read (Whoosh raises NotImplementedError)
            ids = searcher.reader().column_reader("id")  # a column: no stored text is unpickled
            return [_text(ids[docnum]) for docnum in docnums.tolist()]

    def records(self, article_ids: Collection[str]) -> dict[str, ArticleRecord]:
        """The metadata of those of ``article_ids`` that are in the index now (for the user's marks)."""
        wanted = set(article_ids)
        if not wanted:
            return {}
        with self.index.reading() as searcher:
            if len(wanted) <= FEW_IDS:
                docnums = [searcher.document_number(id=article_id) for article_id in wanted]
            else:
                docnums = list(ArticleSet(frozenset(wanted)).docs(searcher))
            stored = [searcher.stored_fields(docnum) for docnum in docnums if docnum is not None]
        return {fields["id"]: ArticleRecord(fields["id"], fields["path"], fields.get("title", ""),
                                            fields.get("source", ""), fields.get("date", "")) for fields in stored}

    def match_spans(self, article_id: str, query: str, match: str = "all") -> list[tuple[int, int]]:
        """Every whole-token match of ``query`` in the article's ORIGINAL text, as [start, end) spans."""
        if is_browse(query):
            return []
        with self.index.reading() as searcher:
            compiled = compile_query(query, match, searcher.reader(), self.annotations)
        article = self.index.article(article_id)
        return compiled.plan.spans(article.indexable_text())


def _text(value: str | bytes) -> str:
    """A column value as text (Whoosh hands back bytes for some field types)."""
    return value.decode("utf-8") if isinstance(value, bytes) else value


def checked_sort(sort: str) -> str:
    """The sort order ``sort`` names (aliases resolved); QueryError when there is none."""
    sort = SORT_ALIASES.get(sort, sort)
    if sort not in SORT_ORDERS:
        raise QueryError(translatable("Unknown sort order '{sort}': use one of {orders}."),
                         sort=sort, orders=", ".join(SORT_ORDERS))
    return sort


def _compile(request: SearchRequest, searcher: Searcher, annotations: Annotations | None = None) -> CompiledQuery:
    """The request's query; a browse query lists every article (the filters decide)."""
    if is_browse(request.query):
        return CompiledQuery(wq.Every(), MatchPlan(), {})
    return compile_query(request.query, request.match, searcher.reader(), annotations)


def _sorted(matches: Matches, sort: str, columns: DocumentColumns, limit: int | None) -> list[tuple[int, float]]:
    """The matches in ``sort`` order (not relevance), the first ``limit`` of them.

    Articles without a date (or a source) come after the others in every order; ties keep the
    newest first, then the best score, then index order.
    """
    docs, scores = matches
    if (limit is not None and limit <= 0) or not len(docs):
        return []
    dates = columns.dates()[docs]
    undated = dates == UNDATED
    date_rank = _ranks(dates)
    keys: list[np.ndarray] = [docs, -scores]  # np.lexsort: the LAST key is the primary one
    if sort == "date-asc":
        keys += [date_rank, undated]
    else:
        keys += [-date_rank, undated]
    if sort == "source":
        sources = columns.sources()[docs]
        keys += [_ranks(sources), sources == ""]
    elif sort == "title":
        keys.append(_ranks(columns.title_keys()[docs]))
    order = np.lexsort(keys)[:limit]
    return list(zip(docs[order].tolist(), scores[order].tolist(), strict=True))


def _ranks(values: np.ndarray) -> np.ndarray:
    """Each value's rank among the distinct values (equal values, equal ranks): sortable numbers."""
    return np.unique(values, return_inverse=True)[1].reshape(-1)


def _filters(request: SearchRequest) -> wq.Query | None:
    parts: list[wq.Query] = []
    if request.sources:
        parts.append(wq.Or([wq.Term("source", s) for s in request.sources]))
    if request.date_from or request.date_to:
        parts.append(wq.TermRange("date", request.date_from or "0000-00-00", request.date_to or "9999-99-99"))
    for terms in request.entities:
        parts.append(wq.Or([wq.Term("entities", t) for t in terms]) if terms else wq.NullQuery)
    if request.article_ids is not None:
        parts.append(ArticleSet(request.article_ids))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)
