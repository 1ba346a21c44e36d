"""A document never fails a run: what cannot be analysed or indexed is skipped with its reason.

One article whose entity tagging raises, one record of a collection whose analysis raises, and
texts that used to break Whoosh itself (a word repeated 70,000 times, lines of 20,000 distinct
words) go through ``CorpusIndex.update``: everything else is indexed, the failures are reported
as ``index_error`` with the exception named, and the long texts are indexed and found.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.core.test_index import total, write_articles
from workbench.core.entities.extraction import CatalogMention
from workbench.core.entities.stage import EntityStage
from workbench.core.index import CorpusIndex
from workbench.core.ingest import Article
from workbench.core.search import SearchEngine, SearchRequest
from workbench.core.workspace import Workspace

POISON = "قنبلة-موقوتة"


class FailingStage(EntityStage):
    """Entity extraction that raises on any article containing POISON."""

    def analyse(self, articles: Sequence[Article]) -> list[list[CatalogMention]]:
        if any(POISON in article.text for article in articles):
            raise RuntimeError("the tagger choked")
        return super().analyse(articles)


def test_an_article_whose_tagging_fails_is_skipped_with_its_reason(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, 20)
    (corpus / "bad.txt").write_text(f"خبر عن حلب فيه {POISON} لا يحلل", encoding="utf-8")
    records = [{"content": f"خبر رقم {n} عن حلب" + (f" {POISON}" if n == 3 else "")} for n in range(1, 6)]
    (corpus / "news.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    index = CorpusIndex.open(corpus, [FailingStage()])
    report = index.update()
    assert report.articles == 20 + 4
    problems = {s.relpath: s for s in report.skipped}
    assert set(problems) == {"bad.txt", "news.jsonl#3"}
    assert all(s.reason == "index_error" and "RuntimeError: the tagger choked" in s.message for s in problems.values())
    assert SearchEngine(index).search(SearchRequest("حلب")).total == 24
    again = index.update()
    assert again.indexed_articles == 0 and {s.relpath for s in again.skipped} == {"bad.txt", "news.jsonl#3"}
    index.close()


def test_an_article_whose_analysis_fails_is_skipped_and_the_run_goes_on(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.index import preparing

    real = preparing.document_fields

    def fields_or_fail(article: Article, terms: object = None) -> dict[str, object]:
        if POISON in article.text:
            raise ValueError("cannot analyse this")
        return real(article, terms)  # type: ignore[arg-type]

    monkeypatch.setattr(preparing, "document_fields", fields_or_fail)
    corpus = tmp_path / "corpus"
    write_articles(corpus, 10)
    (corpus / "bad.txt").write_text(f"خبر عن حلب {POISON}", encoding="utf-8")
    workspace = Workspace.open(corpus)
    report = workspace.update()
    assert report.articles == 10
    assert [(s.relpath, s.reason) for s in report.skipped] == [("bad.txt", "index_error")]
    assert "ValueError: cannot analyse this" in report.skipped[0].message
    workspace.close()


def test_a_word_repeated_70000_times_and_lines_of_20000_distinct_words_are_indexed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "repeated.txt").write_text("تقرير\n" + " ".join(["حلب"] * 70_000), encoding="utf-8")
    distinct = "\n".join(" ".join(f"كلمة{line}x{word}" for word in range(20_000)) for line in range(10))
    (corpus / "distinct.txt").write_text(distinct + "\nوقف إطلاق النار", encoding="utf-8")
    write_articles(corpus, 3, place="دمشق")
    workspace = Workspace.open(corpus)
    report = workspace.update()
    assert report.skipped == [] and report.articles == 5
    assert total(workspace, "حلب") == 1
    assert total(workspace, '"إطلاق النار"') == 1
    assert total(workspace, "دمشق") == 3
    workspace.close()
