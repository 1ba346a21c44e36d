"""``tag:``, ``selection:`` and ``has:`` in a query: the articles the user marked, as a Whoosh query.

The marks live in the corpus's store (userdata.Annotations), keyed by article id; the index
knows nothing of them. A filter is resolved to its set of article ids when the query is
compiled and matched as ``ArticleSet``, which finds those ids' documents through the index's
``id`` column in one pass (the ranker keeps the result per index snapshot, like a phrase's).
It adds nothing to a document's score: it selects, the words rank.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher
from whoosh.searching import Searcher

from workbench.core.errors import AnnotationError, QueryError
from workbench.core.messages import translatable
from workbench.core.search.query import ArticleFilter
from workbench.core.userdata import Annotations

__all__ = ["ArticleSet", "compile_article_filter"]


class ArticleSet(wq.Query):
    """Matches the documents whose ``id`` is one of ``ids`` (with a score of 0)."""

    def __init__(self, ids: frozenset[str]) -> None:
        self.ids = ids

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ArticleSet) and other.ids == self.ids

    def __hash__(self) -> int:
        return hash(self.ids)

    def __repr__(self) -> str:
        return f"ArticleSet({len(self.ids)} ids)"

    __str__ = __repr__

    def docs(self, searcher: Searcher) -> Iterator[int]:
        """The matching document numbers, ascending."""
        if not self.ids:
            return iter(())
        reader = searcher.reader()
        ids = reader.column_reader("id")
        return iter([docnum for docnum in reader.all_doc_ids() if _text(ids[docnum]) in self.ids])

    def matcher(self, searcher: Searcher, context: Any = None) -> ListMatcher:
        """A matcher over the same documents, for Whoosh's own search paths."""
        return ListMatcher(list(self.docs(searcher)), all_weights=0.0)


def compile_article_filter(node: ArticleFilter, annotations: Annotations | None) -> wq.Query:
    """The query matching the articles ``node`` names; QueryError for an unknown selection."""
    if annotations is None:
        raise QueryError(translatable("'{field}:' filters need the corpus's store of your work, which is not open "
                                      "here."), field=node.field)
    try:
        return ArticleSet(frozenset(annotations.article_ids(node.field, node.value)))
    except AnnotationError as error:
        raise QueryError(error.text.template, **error.text.params) from error


def _text(value: str | bytes) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value
