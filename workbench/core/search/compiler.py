"""Turn a parsed query into a Whoosh query and a plan of what to highlight.

Every word is looked up in two fields and scored in both (BM25F): ``body_exact`` holds the
normalised, unstemmed form (phrases, exact matches) and ``body`` the light stem (recall). A word
also matches the spelling variants of it that actually occur in the index (سيرغي/سيرجي), and the
caller is told which were added. The ``MatchPlan`` finds the matching words in an article's
original text with the same analyzers that built the index.

Prefix and fuzzy words are expanded here, against the index's word list, into at most
MAX_EXPANSIONS words each and MAX_QUERY_EXPANSIONS per query (``ا*`` matches tens of thousands
of words, and searching them all took seconds); when a word is cut short the caller gets a
notice saying so (``CompiledQuery.notices``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq
from whoosh.reading import IndexReader

from workbench.core.arabic import spelling_variants
from workbench.core.errors import QueryError
from workbench.core.index.analysis import exact_analyzer, keyed_candidates, stem_analyzer
from workbench.core.messages import Message, translatable
from workbench.core.search import query as qlang
from workbench.core.search.article_filters import compile_article_filter
from workbench.core.userdata import Annotations

EXACT_ANALYZER = exact_analyzer()
STEM_ANALYZER = stem_analyzer()

# Field boosts for BM25F. A word matches its stem field and, when spelled the same, its exact
# field too; bench/qa_retrieval.py found an exact boost of 0.25-0.5 best (1.0 lost 1 MRR point).
BOOST_EXACT = 0.5
BOOST_STEM = 1.0

MAX_EXPANSIONS = 200
"""The most index words one prefix or fuzzy word is expanded to."""
MAX_QUERY_EXPANSIONS = 1000
"""The most index words all the prefix and fuzzy words of one query are expanded to."""


@dataclass
class MatchPlan:
    """What to highlight in an article's text for one query (positive parts only)."""

    exact_terms: set[str] = field(default_factory=set)
    stem_terms: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)

    def has_terms(self) -> bool:
        """True when something can be highlighted (False for a browse, a date or a source search)."""
        return bool(self.exact_terms or self.stem_terms or self.phrases)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sorted, merged [start, end) spans of every whole token of ``text`` that matches."""
        if not self.has_terms():
            return []
        exact_terms, stem_terms = self.exact_terms, self.stem_terms
        tokens = keyed_candidates(text, exact_terms | stem_terms | {word for phrase in self.phrases for word in phrase})
        spans = [(t.start, t.end) for t in tokens if t.exact in exact_terms or t.stem in stem_terms]
        at = {t.position: t for t in tokens}
        for phrase in self.phrases:
            for first in tokens:
                if first.exact != phrase[0]:
                    continue
                words = [at.get(first.position + i) for i in range(len(phrase))]
                last = words[-1]
                if last is not None and all(w is not None and w.exact == word for w, word in zip(words, phrase, strict=True)):
                    spans.append((first.start, last.end))
        return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@dataclass
class CompiledQuery:
    """A Whoosh query plus what the user should be told about it and what to highlight."""

    query: wq.Query
    plan: MatchPlan
    variants: dict[str, list[str]]
    notices: list[Message] = field(default_factory=list)
    """What the user should know about how the query was searched (a wildcard cut short)."""


def _keys(analyzer: Any, text: str) -> list[str]:
    return [token.text for token in analyzer(text, mode="query")]


class _Compiler:
    """Compiles one parsed query against one index reader."""

    def __init__(self, reader: IndexReader, keep_stopwords: bool, annotations: Annotations | None) -> None:
        self.reader = reader
        self.keep_stopwords = keep_stopwords
        self.annotations = annotations
        self.plan = MatchPlan()
        self.variants: dict[str, list[str]] = {}
        self.notices: list[Message] = []
        self.expansions_left = MAX_QUERY_EXPANSIONS

    def compile(self, node: qlang.Node, positive: bool = True) -> wq.Query | None:
        if isinstance(node, qlang.Word):
            return self._word(node, positive)
        if isinstance(node, qlang.Phrase):
            return self._phrase(node, positive)
        if isinstance(node, qlang.DateRange):
            return wq.TermRange("date", node.start or "0000-00-00", node.end or "9999-99-99")
        if isinstance(node, qlang.ArticleFilter):
            return compile_article_filter(node, self.annotations)
        if isinstance(node, qlang.Not):
            inner = self.compile(node.item, positive=False)
            return wq.Not(inner) if inner is not None else None
        parts = [q for q in (self.compile(item, positive) for item in node.items) if q is not None]
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        return wq.And(parts) if isinstance(node, qlang.And) else wq.Or(parts)

    @staticmethod
    def _fields(node_field: str | None) -> list[tuple[str, str, float, float]]:
        """(exact field, stem field, exact boost, stem boost) a word is searched in. The body
        fields also hold the title (schema.document_fields), so one pair serves by default."""
        if node_field == "title":
            return [("title_exact", "title", BOOST_EXACT, BOOST_STEM)]
        return [("body_exact", "body", BOOST_EXACT, BOOST_STEM)]

    def _word(self, node: qlang.Word, positive: bool) -> wq.Query | None:
        if node.field == "source":
            return self._source(node.text)
        keys = _keys(EXACT_ANALYZER, node.text)
        if not keys:
            return None
        if len(keys) > 1:
            return self._phrase(qlang.Phrase(node.text, node.field), positive)
        key = keys[0]
        highlight = positive and node.field != "title"
        if node.prefix or node.fuzzy:
            return self._multi_term(node, key, highlight)
        stems = _keys(STEM_ANALYZER, node.text)
        if not stems and not self.keep_stopwords:
            return None
        found = sorted(v for v in spelling_variants(key) if ("body_exact", v) in self.reader)
        if found and positive:
            self.variants[node.text] = found
        all_keys = [key, *found]
        all_stems = sorted({s for k in all_keys for s in _keys(STEM_ANALYZER, k)} | set(stems))
        subqueries: list[wq.Query] = []
        for exact_field, stem_field, exact_boost, stem_boost in self._fields(node.field):
            subqueries += [wq.Term(exact_field, k, boost=exact_boost) for k in all_keys]
            subqueries += [wq.Term(stem_field, s, boost=stem_boost) for s in all_stems]
        if highlight:
            self.plan.exact_terms.update(all_keys)
            self.plan.stem_terms.update(all_stems)
        return wq.Or(subqueries)

    def _multi_term(self, node: qlang.Word, key: str, highlight: bool) -> wq.Query:
        """A prefix or fuzzy word as the index words it matches, within the expansion budget."""
        subqueries: list[wq.Query] = []
        for exact_field, _, boost, _ in self._fields(node.field):
            if node.prefix:
                pattern: wq.Query = wq.Prefix(exact_field, key)
            else:
                pattern = wq.FuzzyTerm(exact_field, key, maxdist=node.fuzzy, prefixlength=1)
            budget = min(MAX_EXPANSIONS, self.expansions_left)
            words = [_text(text) for _, text in itertools.islice(pattern.expanded_terms(self.reader), budget + 1)]
            if len(words) > budget:
                words = words[:budget]
                self.notices.append(Message(translatable(
                    "{word} matches more words than are searched at once: only the first {count} (in alphabetical "
                    "order) were searched. Type more letters to narrow it."),
                    {"word": _display(node), "count": budget}))
            self.expansions_left -= len(words)
            subqueries += [wq.Term(exact_field, word, boost=boost) for word in words]
            if highlight and exact_field == "body_exact":
                self.plan.exact_terms.update(words)
        return wq.Or(subqueries) if subqueries else wq.NullQuery

    def _phrase(self, node: qlang.Phrase, positive: bool) -> wq.Query | None:
        if node.field == "source":
            return self._source(node.text)
        keys = _keys(EXACT_ANALYZER, node.text)
        if not keys:
            return None
        fields = [exact for exact, _, _, _ in self._fields(node.field)]
        if len(keys) == 1:
            subqueries: list[wq.Query] = [wq.Term(f, keys[0]) for f in fields]
        else:
            subqueries = [wq.Phrase(f, keys) for f in fields]
        if positive and node.field != "title":
            if len(keys) == 1:
                self.plan.exact_terms.add(keys[0])
            else:
                self.plan.phrases.append(tuple(keys))
        return wq.Or(subqueries)

    @staticmethod
    def _source(text: str) -> wq.Query | None:
        keys = _keys(EXACT_ANALYZER, text)
        if not keys:
            return None
        return wq.Term("source_text", keys[0]) if len(keys) == 1 else wq.Phrase("source_text", keys)


def _text(term: str | bytes) -> str:
    """An index word as text (Whoosh hands back bytes from some readers)."""
    return term.decode("utf-8") if isinstance(term, bytes) else term


def _display(node: qlang.Word) -> str:
    """The word as the user typed it (``لافرو*``, ``لافروف~2``)."""
    return node.text + ("*" if node.prefix else f"~{node.fuzzy}" if node.fuzzy else "")


def _has_content_word(node: qlang.Node) -> bool:
    """True when the query has a positive word that is not a stopword (so stopwords can be dropped)."""
    if isinstance(node, qlang.Word):
        return node.field != "source" and (node.prefix or bool(node.fuzzy) or bool(_keys(STEM_ANALYZER, node.text)))
    if isinstance(node, qlang.Phrase):
        return True
    if isinstance(node, (qlang.And, qlang.Or)):
        return any(_has_content_word(item) for item in node.items)
    return False


def compile_query(text: str, match: str, reader: IndexReader, annotations: Annotations | None = None) -> CompiledQuery:
    """Parse and compile a user query; raises QueryError with a message for the user.

    ``annotations`` resolves the ``tag:``, ``selection:`` and ``has:`` filters (the user's marks).
    """
    node = qlang.parse(text, match)
    compiler = _Compiler(reader, keep_stopwords=not _has_content_word(node), annotations=annotations)
    compiled = compiler.compile(node)
    if compiled is None:
        raise QueryError(translatable("The query has no searchable words: type at least one word, phrase or field."))
    if _only_negative(compiled):
        compiled = wq.And([wq.Every(), compiled])
    return CompiledQuery(compiled, compiler.plan, compiler.variants, compiler.notices)


def _only_negative(q: wq.Query) -> bool:
    if isinstance(q, wq.Not):
        return True
    if isinstance(q, wq.And):
        return all(_only_negative(sub) for sub in q.subqueries)
    return False
