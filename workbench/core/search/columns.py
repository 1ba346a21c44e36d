"""Per-article values of one index snapshot as numpy arrays: what sorting, the timeline and the
concordance's source filter read for thousands of articles at once.

Dates and sources are Whoosh columns (``sortable`` fields), read in one pass the first time they
are asked for; titles are stored fields only, read once when a search first sorts by title.
Everything is kept as long as the snapshot (searcher) lives, like the ranker's posting caches.
Callers hold the index's read lock, as for the searcher itself.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from workbench.core.arabic import normalize

_LEADING_MARKS = re.compile(r"^[\W_]+")
"""Quotes, dashes and spaces before a title's first word: they do not decide its place."""

UNDATED = ""
"""The date of an article without one (sorts after every dated article in either direction)."""


class DocumentColumns:
    """Ids, dates, sources and title sort keys of every document of one searcher, by document number."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self._ids: np.ndarray | None = None
        self._dates: np.ndarray | None = None
        self._sources: np.ndarray | None = None
        self._titles: np.ndarray | None = None

    def ids(self) -> np.ndarray:
        """Article ids, a unicode array indexed by document number (for grouping results by story)."""
        if self._ids is None:
            self._ids = np.array(self._column("id"), dtype=np.str_)
        return self._ids

    def dates(self) -> np.ndarray:
        """ISO dates (``UNDATED`` where unknown), a unicode array indexed by document number."""
        if self._dates is None:
            self._dates = np.array(self._column("date"), dtype="<U10")
        return self._dates

    def sources(self) -> np.ndarray:
        """Source names, a unicode array indexed by document number."""
        if self._sources is None:
            self._sources = np.array(self._column("source"), dtype=np.str_)
        return self._sources

    def title_keys(self) -> np.ndarray:
        """Titles normalised for alphabetical order (hamza seats, taa marbuta and diacritics do
        not split what reads as one title), indexed by document number; read from stored fields
        once per snapshot (about a second at 30,000 articles)."""
        if self._titles is None:
            reader = self.searcher.reader()
            keys = [""] * reader.doc_count_all()
            for docnum, stored in reader.iter_docs():
                keys[docnum] = _LEADING_MARKS.sub("", normalize(stored.get("title", "") or stored.get("path", "")))
            self._titles = np.array(keys, dtype=np.str_)
        return self._titles

    def _column(self, field: str) -> list[str]:
        reader = self.searcher.reader()
        count = reader.doc_count_all()
        if not count:
            return []
        return [_text(value) for value in reader.column_reader(field)]


def _text(value: Any) -> str:
    """A column value as text (Whoosh hands back bytes for some field types)."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return value if isinstance(value, str) else ""
