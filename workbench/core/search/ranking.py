"""Match and rank compiled queries with numpy over Whoosh's postings.

Whoosh stores the index and analyses text, but its matchers walk postings one document at a
time in Python: a query over common words (الملك سلمان بن عبدالعزيز) took 100-200 ms at 30,000
articles, half of it in a second pass that only counts the matches. Here each term's postings
are read a block at a time into arrays (document numbers and term frequencies, cached per
searcher), boolean structure becomes set operations on sorted arrays, and BM25F is computed
for every match at once, with Whoosh's own formula, parameters and stored field lengths. The
total is exact, and the top hits come from one ``argpartition``.

Queries this module does not evaluate itself (phrases, spans) are matched by Whoosh; their
score is the sum of their words' scores. Prefix, wildcard, fuzzy and range queries match the
same documents as in Whoosh but each expansion is scored by BM25F (Whoosh sums raw term
frequencies there), and negated parts add nothing (Whoosh adds a constant 1). Postings are read through private attributes of
whoosh-ng 5.4's block matcher (the version is pinned); ``tests/core/test_ranking.py`` compares
every path with Whoosh's public matchers, so an incompatible Whoosh fails loudly there.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.matching.mcore import ListMatcher
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

DOCNUM = np.int64
POSTINGS_CACHED = 4096
"""Terms whose posting arrays are kept per searcher (a common term at 30k articles is ~100 KB)."""
WHOOSH_MATCHES_CACHED = 256
"""Queries matched by Whoosh (phrases) whose matching documents are kept per searcher."""
_BYTE_TO_LENGTH = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
_EMPTY = (np.zeros(0, dtype=DOCNUM), np.zeros(0, dtype=np.float64))

Matches = tuple[np.ndarray, np.ndarray]
"""(sorted unique document numbers, score of each)."""


class Ranker:
    """Evaluates Whoosh queries against one searcher's index snapshot with numpy.

    Not thread-safe: callers hold the index's read lock (as for the searcher itself).
    """

    def __init__(self, searcher: Searcher, weighting: BM25F) -> None:
        self.searcher = searcher
        self.weighting = weighting
        reader = searcher.reader()
        self._leaves: list[tuple[Any, int]] = list(reader.leaf_readers())
        self._doc_count_all = reader.doc_count_all()
        self._postings: OrderedDict[tuple[str, str], Matches] = OrderedDict()
        self._whoosh_docs: OrderedDict[wq.Query, np.ndarray] = OrderedDict()
        self._lengths: dict[str, np.ndarray] = {}
        self._live: np.ndarray | None = None

    # -- public -----------------------------------------------------------------------------

    def matches(self, query: wq.Query, filter_query: wq.Query | None = None) -> Matches:
        """Every matching document with its BM25F score; ``filter_query`` restricts, unscored."""
        docs, scores = self._evaluate(query)
        if filter_query is not None and len(docs):
            keep = np.isin(docs, self._evaluate(filter_query)[0], assume_unique=True)
            docs, scores = docs[keep], scores[keep]
        return docs, scores

    @staticmethod
    def top(matches: Matches, limit: int | None) -> list[tuple[int, float]]:
        """The best ``limit`` (docnum, score) pairs: score descending, then document order."""
        docs, scores = matches
        if limit is not None and limit <= 0:
            return []
        if limit is not None and limit < len(docs):
            # Everything above the limit-th best score, then ties at it in document order.
            threshold = -np.partition(-scores, limit - 1)[limit - 1]
            above = np.flatnonzero(scores > threshold)
            ties = np.flatnonzero(scores == threshold)[: limit - len(above)]
            keep = np.concatenate([above, ties])
            docs, scores = docs[keep], scores[keep]
        order = np.lexsort((docs, -scores))
        return list(zip(docs[order].tolist(), scores[order].tolist(), strict=True))

    # -- evaluation -------------------------------------------------------------------------

    def _evaluate(self, q: wq.Query) -> Matches:
        if isinstance(q, wq.Term):
            return self._term(q.fieldname, q.text, q.boost)
        if isinstance(q, wq.And):
            return self._and(q.subqueries)
        if isinstance(q, wq.Or):
            return _union([self._evaluate(sub) for sub in q.subqueries])
        if isinstance(q, wq.Not):
            return _difference(self._all(), self._evaluate(q.query))
        if isinstance(q, wq.Every):
            return self._all()
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return _EMPTY
        if isinstance(q, (wq.PatternQuery, wq.FuzzyTerm, wq.TermRange)):
            return self._expanded(q)
        return self._by_whoosh(q)

    def _and(self, subqueries: list[wq.Query]) -> Matches:
        positive = [sub for sub in subqueries if not isinstance(sub, wq.Not)]
        negative = [sub.query for sub in subqueries if isinstance(sub, wq.Not)]
        if not positive:
            result = self._all()
        else:
            # Rarest first keeps the intermediate arrays small.
            parts = sorted((self._evaluate(sub) for sub in positive), key=lambda m: len(m[0]))
            result = parts[0]
            for docs, scores in parts[1:]:
                if not len(result[0]):
                    break
                common, left, right = np.intersect1d(result[0], docs, assume_unique=True, return_indices=True)
                result = common, result[1][left] + scores[right]
        for sub in negative:
            if not len(result[0]):
                break
            result = _difference(result, self._evaluate(sub))
        return result

    def _term(self, field: str, text: Any, boost: float = 1.0) -> Matches:
        docs, weights = self._term_postings(field, text)
        if not len(docs):
            return _EMPTY
        fieldobj = self.searcher.schema[field]
        if not fieldobj.scorable:
            return docs, weights * boost
        parent = self.searcher.get_parent()
        df = parent.doc_frequency(field, text)
        idf = math.log(parent.doc_count_all() / (df + 1)) + 1
        avgfl = parent.avg_field_length(field) or 1
        b = self.weighting._field_B.get(field, self.weighting.B)
        k1 = self.weighting.K1
        lengths = self._field_lengths(field)[docs]
        scores = idf * ((weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * lengths / avgfl)))
        return docs, scores * boost

    def _expanded(self, q: wq.Query) -> Matches:
        """Prefix, wildcard, fuzzy and range queries: the union of the terms they expand to."""
        reader = self.searcher.reader()
        return _union([self._term(field, text, q.boost) for field, text in q.expanded_terms(reader)])

    def _by_whoosh(self, q: wq.Query) -> Matches:
        """Queries matched by Whoosh (phrases): its matches, scored as the sum of their words.

        Whoosh's matching is the slow part (a common phrase takes ~40 ms at 30,000 articles),
        so the matched documents are kept per searcher like postings: the same phrase again
        (another sort order, an entity filter, the next page) costs only the scoring.
        """
        docs = self._whoosh_docs.get(q)
        if docs is None:
            docs = np.fromiter(q.docs(self.searcher), dtype=DOCNUM)
            docs.sort()
            self._whoosh_docs[q] = docs
            if len(self._whoosh_docs) > WHOOSH_MATCHES_CACHED:
                self._whoosh_docs.popitem(last=False)
        else:
            self._whoosh_docs.move_to_end(q)
        scores = np.zeros(len(docs), dtype=np.float64)
        if len(docs):
            for field, text in q.iter_all_terms():
                term_docs, term_scores = self._term(field, text, q.boost)
                _common, left, right = np.intersect1d(docs, term_docs, assume_unique=True, return_indices=True)
                scores[left] += term_scores[right]
        return docs, scores

    def _all(self) -> Matches:
        if self._live is None:
            self._live = np.array(sorted(self.searcher.reader().all_doc_ids()), dtype=DOCNUM)
        return self._live, np.zeros(len(self._live), dtype=np.float64)

    # -- reading postings ---------------------------------------------------------------------

    def _term_postings(self, field: str, text: Any) -> Matches:
        """(document numbers, term frequencies) of one term across segments, deletions removed."""
        key = (field, text)
        cached = self._postings.get(key)
        if cached is not None:
            self._postings.move_to_end(key)
            return cached
        fieldobj = self.searcher.schema[field]
        btext = fieldobj.to_bytes(text) if not isinstance(text, bytes) else text
        doc_parts: list[np.ndarray] = []
        weight_parts: list[np.ndarray] = []
        for leaf, offset in self._leaves:
            if (field, btext) not in leaf:
                continue
            docs, weights = _leaf_postings(leaf, field, btext, fieldobj.format)
            deleted = leaf.deleted_docs_set
            if deleted:
                keep = ~np.isin(docs, np.fromiter(deleted, dtype=DOCNUM))
                docs, weights = docs[keep], weights[keep]
            doc_parts.append(docs + offset)
            weight_parts.append(weights)
        result = (np.concatenate(doc_parts), np.concatenate(weight_parts)) if doc_parts else _EMPTY
        self._postings[key] = result
        if len(self._postings) > POSTINGS_CACHED:
            self._postings.popitem(last=False)
        return result

    def _field_lengths(self, field: str) -> np.ndarray:
        """Every document's stored (approximate) length of ``field``, as Whoosh's scorer sees it."""
        lengths = self._lengths.get(field)
        if lengths is None:
            parts = []
            for leaf, _ in self._leaves:
                codes = np.zeros(leaf.doc_count_all(), dtype=np.uint8)
                column = leaf._perdoc._cached_reader(f"_{field}_len", LENGTHS_COLUMN)
                if column is not None:
                    # One byte per document (a numeric "B" column); documents past its end read 0.
                    stored = min(column._count, len(codes))
                    codes[:stored] = np.frombuffer(column._dbfile.get(column._basepos, stored), dtype=np.uint8)
                parts.append(_BYTE_TO_LENGTH[codes])
            # Whoosh's scorer reads a missing length as 1.
            lengths = np.concatenate(parts) if parts else np.zeros(0)
            lengths[lengths == 0] = 1
            self._lengths[field] = lengths
        return lengths


def _leaf_postings(leaf: Any, field: str, btext: bytes, format_: Any) -> Matches:
    """Read one segment's postings of a term (whoosh-ng 5.4): inlined in the term info for rare
    terms, else block by block."""
    matcher = leaf._terms.matcher(field, btext, format_)
    if isinstance(matcher, ListMatcher):
        docs = np.asarray(matcher._ids, dtype=DOCNUM)
        if matcher._all_weights:
            return docs, np.full(len(docs), float(matcher._all_weights))
        if matcher._weights:
            return docs, np.asarray(matcher._weights, dtype=np.float64)
        return docs, np.ones(len(docs))
    doc_blocks: list[np.ndarray] = []
    weight_blocks: list[np.ndarray] = []
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        doc_blocks.append(np.asarray(matcher._ids, dtype=DOCNUM))
        weight_blocks.append(np.asarray(matcher._weights, dtype=np.float64))
        matcher._next_block()
    if not doc_blocks:
        return _EMPTY
    return np.concatenate(doc_blocks), np.concatenate(weight_blocks)


def _union(parts: list[Matches]) -> Matches:
    """Documents in any part; a document's score is the sum of its scores in the parts."""
    parts = [part for part in parts if len(part[0])]
    if not parts:
        return _EMPTY
    if len(parts) == 1:
        return parts[0]
    docs, inverse = np.unique(np.concatenate([d for d, _ in parts]), return_inverse=True)
    scores = np.bincount(inverse, weights=np.concatenate([s for _, s in parts]), minlength=len(docs))
    return docs, scores


def _difference(left: Matches, right: Matches) -> Matches:
    keep = ~np.isin(left[0], right[0], assume_unique=True)
    return left[0][keep], left[1][keep]
