"""Search results as the user sees them: hits with metadata and keyword-in-context snippets.

Highlight spans are offsets into the ORIGINAL article text, computed by running the same
analyzers that built the index over the stored original (``MatchPlan.spans``), so what is
highlighted is exactly what matched.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from workbench.core.index.schema import article_from_stored
from workbench.core.ingest import Article
from workbench.core.messages import Message
from workbench.core.search.columns import DocumentColumns
from workbench.core.search.compiler import MatchPlan
from workbench.core.search.histogram import Histogram, build_histogram

SNIPPETS_PER_HIT = 3
SNIPPET_CONTEXT = 70
LEAD_SNIPPET_CHARS = 160


@dataclass(frozen=True)
class Snippet:
    """A keyword-in-context excerpt: ``highlights`` are offsets into ``text``; ``start`` is where
    ``text`` begins in the article's original text."""

    text: str
    highlights: list[tuple[int, int]]
    start: int


@dataclass(frozen=True)
class Hit:
    """One matching article with the metadata a results list shows."""

    id: str
    path: str
    title: str
    source: str
    date: str
    url: str
    score: float
    snippets: list[Snippet]


def make_snippets(text: str, spans: list[tuple[int, int]], boilerplate: tuple[tuple[int, int], ...] = (),
                  limit: int = SNIPPETS_PER_HIT) -> list[Snippet]:
    """Keyword-in-context excerpts around the densest groups of matches (or the lead, if none)."""
    if not spans:
        start = _first_content_offset(text, boilerplate)
        end = word_end(text, min(len(text), start + LEAD_SNIPPET_CHARS))
        return [Snippet(flatten(text[start:end]), [], start)] if end > start else []
    windows: list[list[Any]] = []
    for start, end in spans:
        win_start = word_start(text, max(0, start - SNIPPET_CONTEXT))
        win_end = word_end(text, min(len(text), end + SNIPPET_CONTEXT))
        if windows and win_start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], win_end)
            windows[-1][2].append((start, end))
        else:
            windows.append([win_start, win_end, [(start, end)]])
    best = sorted(windows, key=lambda w: (-len(w[2]), w[0]))[:limit]
    snippets = []
    for win_start, win_end, inside in sorted(best, key=lambda w: w[0]):
        highlights = [(s - win_start, e - win_start) for s, e in inside]
        snippets.append(Snippet(flatten(text[win_start:win_end]), highlights, win_start))
    return snippets


def flatten(excerpt: str) -> str:
    """An excerpt on one line: line breaks become spaces one for one, so highlight offsets stay valid."""
    return excerpt.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def word_start(text: str, index: int) -> int:
    """The start of the word ``index`` is in (``index`` itself after a space)."""
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def word_end(text: str, index: int) -> int:
    """The end of the word ``index`` is in (``index`` itself at a space)."""
    while index < len(text) and not text[index].isspace():
        index += 1
    return index


def _first_content_offset(text: str, boilerplate: tuple[tuple[int, int], ...]) -> int:
    offset = 0
    for start, end in sorted(boilerplate):
        if start <= offset < end:
            offset = end
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


class SearchResults:
    """The hits of one search, materialised lazily: ``hit(i)`` reads and explains one hit.

    Holds the searcher it came from, so hits stay consistent even if the index is updated
    meanwhile; a GUI table can show 30,000 hits while only building the visible rows.
    ``docnums`` are ALL the matching documents (also beyond a limit), for counting them over
    time (``histogram``); ``indexed`` is how many articles the snapshot searched held (fewer than
    the corpus while indexing continues).
    """

    def __init__(self, *, query: str, total: int, refs: list[tuple[int, float]], variants: dict[str, list[str]],
                 plan: MatchPlan, searcher: Searcher, lock: threading.RLock, notices: Sequence[Message] = (),
                 docnums: np.ndarray | None = None, columns: DocumentColumns | None = None, indexed: int = 0) -> None:
        self.query = query
        self.total = total
        self.variants = variants
        self.notices = list(notices)
        """What the user should know about how the query was searched (a wildcard cut short)."""
        self.plan = plan
        self.indexed = indexed
        self._refs = refs
        self._searcher = searcher
        self._lock = lock
        self._cache: dict[int, Hit] = {}
        self._docnums = docnums if docnums is not None else np.array([ref[0] for ref in refs], dtype=np.int64)
        self._columns = columns if columns is not None else DocumentColumns(searcher)

    @property
    def browsing(self) -> bool:
        """True when the search has no words to match (every article, or only filters)."""
        return not self.plan.has_terms()

    def source(self, i: int) -> str:
        """The source of the i-th hit (from the snapshot's columns: no article is read)."""
        with self._lock:
            return str(self._columns.sources()[self._refs[i][0]])

    def histogram(self, bucket: str = "day") -> Histogram:
        """Every matching article (beyond a limit too) counted per ``bucket`` and source."""
        with self._lock:
            dates = self._columns.dates()[self._docnums].tolist()
            sources = self._columns.sources()[self._docnums].tolist()
        return build_histogram(zip(dates, sources, strict=True), bucket)

    def ids(self) -> list[str]:
        """The article id of every hit, in order (from the snapshot's columns: no article is read)."""
        return self._hits_column(self._columns.ids)

    def sources(self) -> list[str]:
        """The source of every hit, in order (from the snapshot's columns)."""
        return self._hits_column(self._columns.sources)

    def _hits_column(self, column: Callable[[], np.ndarray]) -> list[str]:
        with self._lock:
            if not self._refs:
                return []
            docnums = np.array([docnum for docnum, _ in self._refs], dtype=np.int64)
            values: list[str] = column()[docnums].tolist()
            return values

    def excluding(self, article_ids: Collection[str]) -> SearchResults:
        """These results without the articles of ``article_ids`` (the copies of a story when the
        user wants one article per story): hits, total and the timeline's counts alike."""
        unwanted = set(article_ids)
        if not unwanted or not self._refs:
            return self
        with self._lock:
            ids = self._columns.ids()
        refs = [ref for ref in self._refs if ids[ref[0]] not in unwanted]
        docnums = self._docnums[~np.isin(ids[self._docnums], list(unwanted))]
        return SearchResults(query=self.query, total=self.total - (len(self._docnums) - len(docnums)), refs=refs,
                             variants=self.variants, plan=self.plan, searcher=self._searcher, lock=self._lock,
                             notices=self.notices, docnums=docnums, columns=self._columns, indexed=self.indexed)

    def __len__(self) -> int:
        return len(self._refs)

    def hit(self, i: int) -> Hit:
        """The i-th hit with metadata and snippets (computed on first access)."""
        if i not in self._cache:
            docnum, score = self._refs[i]
            with self._lock:
                stored = self._searcher.stored_fields(docnum)
            self._cache[i] = hit_from_stored(stored, score, self.plan)
        return self._cache[i]

    def __iter__(self) -> Iterator[Hit]:
        return (self.hit(i) for i in range(len(self)))

    def article(self, i: int, spans: bool = True) -> tuple[Article, list[tuple[int, int]]]:
        """The i-th hit's whole article, read from the same index snapshot as the hit, and the
        spans of its original text that match the query (what a reader highlights; finding them
        costs more than reading the article, so ``spans=False`` skips it and gives none)."""
        docnum, _ = self._refs[i]
        with self._lock:
            stored = self._searcher.stored_fields(docnum)
        article = article_from_stored(stored)
        return article, self.plan.spans(article.indexable_text()) if spans else []


def hit_from_stored(stored: dict[str, Any], score: float, plan: MatchPlan) -> Hit:
    """Build a Hit (with snippets) from a document's stored fields."""
    article = article_from_stored(stored)
    snippets = make_snippets(article.text, plan.spans(article.indexable_text()), article.boilerplate)
    return Hit(
        id=article.id, path=article.path, title=article.title, source=article.source, date=article.date,
        url=article.url, score=round(float(score), 4), snippets=snippets,
    )
