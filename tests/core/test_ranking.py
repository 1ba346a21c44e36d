"""The numpy ranker agrees with Whoosh's own matchers: same matches, same BM25F scores.

The corpus is generated from seed sentences (300 articles, so common words span several
posting blocks and rare ones are inlined), then edited and re-indexed so the index has two
segments and deleted documents: every path the ranker reads postings through.
"""

from __future__ import annotations

import random
import re
from typing import Any

import numpy as np
import pytest
from whoosh import query as wq

from tests.conftest import SEEDS_DIR
from workbench.core.search import SearchRequest
from workbench.core.search.engine import _compile, _filters
from workbench.core.search.ranking import Ranker
from workbench.core.workspace import Workspace

QUERIES = [
    "سوريا",
    "لافروف",
    "حلب الروسية",
    "حلب OR جنيف",
    "(موسكو OR واشنطن) المعارضة",
    "سوريا -حلب",
    "-حلب",
    '"وزير الخارجية"',
    '"الصليب الأحمر" سوريا',
    "الخارج*",
    "لافروف~",
    "title:حلب",
    "source:sana",
    "date:2016-01-01..2016-12-31 سوريا",
    "كلمةغيرموجودة",
]


def _sentences() -> list[str]:
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS_DIR.glob("*.txt")))
    return [s.strip() for s in re.split(r"[.\n]+", text) if len(s.split()) >= 4]


@pytest.fixture(scope="module")
def edited_index(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    corpus = tmp_path_factory.mktemp("generated")
    sentences = _sentences()
    rng = random.Random(7)
    for i in range(300):
        body = "\n".join(rng.sample(sentences, rng.randint(2, 8)))
        source = rng.choice(["sana", "tishreen", "aljazeera"])
        (corpus / f"a{i:03}.txt").write_text(f"عنوان {i}\n{body}\n(المصدر: {source}، بتاريخ {rng.randint(1, 28)}/11/2016)",
                                              encoding="utf-8")
    index = Workspace.open(corpus)
    index.update(processes=0)
    for i in range(0, 300, 7):
        (corpus / f"a{i:03}.txt").unlink()
    for i in range(3, 300, 11):
        (corpus / f"a{i:03}.txt").write_text(f"عنوان معدل\n{rng.choice(sentences)} حلب", encoding="utf-8")
    index.update(processes=0)
    yield index
    index.close()


def test_fixture_has_segments_and_deletions(edited_index: Workspace) -> None:
    reader = edited_index.index._get_searcher().reader()
    leaves = [leaf for leaf, _ in reader.leaf_readers()]
    assert len(leaves) >= 2
    assert any(leaf.has_deletions() for leaf in leaves)


@pytest.mark.parametrize("text", QUERIES)
def test_matches_and_scores_equal_whoosh(edited_index: Workspace, text: str) -> None:
    searcher = edited_index.index._get_searcher()
    request = SearchRequest(text, limit=10)
    query = _compile(request, searcher).query
    whoosh_results = searcher.search(query, limit=None, filter=_filters(request))
    expected = {whoosh_results.docnum(i): whoosh_results.score(i) for i in range(len(whoosh_results))}

    docs, scores = Ranker(searcher, searcher.weighting).matches(query, _filters(request))

    assert sorted(expected) == docs.tolist()
    if any(mark in text for mark in "*~") or "date:" in text:
        return  # expansions are scored by BM25 here; Whoosh gives them raw term frequencies
    differences = {round(expected[d] - s, 9) for d, s in zip(docs.tolist(), scores.tolist(), strict=True)}
    # Whoosh scores a negated part (and "every article") 1 per document: a constant, same order.
    assert differences <= ({0.0} if not _negations(query) else {float(d) for d in range(1, 3)})
    assert len(differences) <= 1


def _negations(query: wq.Query) -> int:
    return int(isinstance(query, wq.Not)) + sum(_negations(child) for child in query.children())


def test_scores_equal_whoosh_for_intersections(edited_index: Workspace) -> None:
    searcher = edited_index.index._get_searcher()
    query = _compile(SearchRequest("حلب الروسية"), searcher).query
    whoosh_results = searcher.search(query, limit=None)
    expected = {whoosh_results.docnum(i): whoosh_results.score(i) for i in range(len(whoosh_results))}

    docs, scores = Ranker(searcher, searcher.weighting).matches(query)

    assert len(docs) > 5
    assert scores.tolist() == pytest.approx([expected[d] for d in docs.tolist()], rel=1e-9)


def test_search_pages_follow_score_then_document_order(edited_index: Workspace) -> None:
    everything = edited_index.engine.search(SearchRequest("حلب", limit=1000))
    page = edited_index.engine.search(SearchRequest("حلب", limit=7))

    assert page.total == everything.total > 7
    ranked = [(hit.score, hit.id) for hit in everything][:7]
    assert [(hit.score, hit.id) for hit in page] == ranked
    scores = [hit.score for hit in everything]
    assert scores == sorted(scores, reverse=True)


def test_entity_filter_and_search_ids_agree(edited_index: Workspace) -> None:
    request = SearchRequest("سوريا", limit=5)
    results = edited_index.engine.search(request)
    ids = edited_index.engine.search_ids(request)

    assert len(ids) == results.total
    assert {hit.id for hit in results} <= set(ids)


def test_top_handles_empty_and_zero_limits() -> None:
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0))
    assert Ranker.top(empty, 10) == []
    assert Ranker.top((np.array([1, 2]), np.array([0.5, 0.7])), 0) == []
    assert Ranker.top((np.array([1, 2, 3]), np.array([0.5, 0.7, 0.7])), 2) == [(2, 0.7), (3, 0.7)]


def test_phrase_matches_are_reused_within_a_searcher(edited_index: Workspace,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    searcher = edited_index.index._get_searcher()
    query = _compile(SearchRequest('"وزير الخارجية"'), searcher).query
    ranker = Ranker(searcher, searcher.weighting)
    first_docs, first_scores = ranker.matches(query)
    assert len(first_docs)
    whoosh_matching: list[wq.Query] = []
    original_docs = wq.Query.docs

    def counted_docs(self: wq.Query, searcher: Any) -> Any:
        whoosh_matching.append(self)
        return original_docs(self, searcher)

    monkeypatch.setattr(wq.Query, "docs", counted_docs)
    again_docs, again_scores = ranker.matches(query)
    assert whoosh_matching == []
    assert again_docs.tolist() == first_docs.tolist()
    assert again_scores.tolist() == first_scores.tolist()
    Ranker(searcher, searcher.weighting).matches(query)
    assert whoosh_matching, "a new ranker (a new index snapshot) matches afresh"
