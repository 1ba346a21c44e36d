"""Browsing, sort orders, the timeline's histogram and the concordance, on generated Arabic articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice

import pytest

from workbench.core.errors import QueryError
from workbench.core.search import SearchRequest
from workbench.core.search.histogram import build_histogram, suggested_bucket
from workbench.core.search.kwic import concordance, concordance_chunk, sort_key, sorted_lines
from workbench.core.workspace import Workspace

ARTICLES = [
    # title, source, date, text
    ("ألف: هدنة في حلب", "سانا", "2016-11-03", "أعلن الجيش هدنة في حلب اليوم. وقال المتحدث إن حلب هادئة."),
    ("باء: لافروف في جنيف", "سانا", "2016-11-01", "التقى لافروف كيري في جنيف لبحث الوضع في حلب الشرقية."),
    ("«تاء» مساعدات لسكان حلب", "تشرين", "2016-10-24", "وصلت قافلة مساعدات إلى سكان مدينة حلب المحاصرة."),
    ("ثاء: اجتماع أمني", "الحياة", "2016-10-25", "عقد اجتماع أمني في دمشق دون ذكر للمدينة."),
    ("جيم: بلا تاريخ", "تشرين", "", "مقال بلا تاريخ يذكر بحلب مرة واحدة."),
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A .jsonl corpus of five articles with known sources and dates."""
    corpus = tmp_path_factory.mktemp("browse")
    with (corpus / "news.jsonl").open("w", encoding="utf-8") as out:
        for title, source, date, text in ARTICLES:
            out.write(json.dumps({"title": title, "source": source, "date": date, "content": text},
                                 ensure_ascii=False) + "\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_HOME", str(tmp_path_factory.mktemp("browse-home")))
        opened = Workspace.open(corpus)
        opened.update()
    yield opened
    opened.close()


def titles(workspace: Workspace, query: str = "", **options: object) -> list[str]:
    return [hit.title for hit in workspace.engine.search(SearchRequest(query, **options))]


@pytest.mark.parametrize("query", ["", "*", "  "])
def test_an_empty_query_lists_every_article_newest_first_undated_last(workspace: Workspace, query: str) -> None:
    results = workspace.engine.search(SearchRequest(query))
    assert results.total == 5 and results.browsing
    assert [hit.date for hit in results] == ["2016-11-03", "2016-11-01", "2016-10-25", "2016-10-24", ""]
    assert all(hit.snippets and not hit.snippets[0].highlights for hit in results)  # the lead, nothing marked


def test_every_sort_order(workspace: Workspace) -> None:
    assert [h.date for h in workspace.engine.search(SearchRequest("", sort="date-asc"))] == [
        "2016-10-24", "2016-10-25", "2016-11-01", "2016-11-03", ""]
    by_source = workspace.engine.search(SearchRequest("", sort="source"))
    assert [hit.source for hit in by_source] == ["الحياة", "تشرين", "تشرين", "سانا", "سانا"]
    assert [hit.date for hit in by_source][1:3] == ["2016-10-24", ""]  # within a source: newest first, undated last
    # Alphabetical on the normalised title: أ and ا are one letter, quotes do not count.
    assert titles(workspace, sort="title") == ["ألف: هدنة في حلب", "باء: لافروف في جنيف", "«تاء» مساعدات لسكان حلب",
                                               "ثاء: اجتماع أمني", "جيم: بلا تاريخ"]
    assert titles(workspace, "حلب", sort="date-desc") == titles(workspace, "حلب", sort="date")
    with pytest.raises(QueryError, match="Unknown sort order"):
        workspace.engine.search(SearchRequest("", sort="size"))


def test_relevance_still_ranks_a_query_and_filters_apply_to_a_browse(workspace: Workspace) -> None:
    ranked = workspace.engine.search(SearchRequest("حلب"))
    assert ranked.hit(0).title == "ألف: هدنة في حلب"  # two mentions
    assert not ranked.browsing
    assert titles(workspace, sources=("تشرين", "الحياة")) == ["ثاء: اجتماع أمني", "«تاء» مساعدات لسكان حلب",
                                                              "جيم: بلا تاريخ"]
    assert titles(workspace, date_from="2016-10-25", date_to="2016-11-01") == ["باء: لافروف في جنيف", "ثاء: اجتماع أمني"]


def test_histogram_counts_every_match_per_day_and_source(workspace: Workspace) -> None:
    results = workspace.engine.search(SearchRequest("حلب", limit=1))
    assert len(results) == 1 and results.total == 4
    histogram = results.histogram("day")
    assert histogram.starts[0] == "2016-10-24" and histogram.starts[-1] == "2016-11-03"
    assert len(histogram.starts) == 11  # empty days included
    assert histogram.sources == ("سانا", "تشرين")
    assert sum(histogram.totals()) == 3 and histogram.undated == 1
    weekly = results.histogram("week")
    assert weekly.starts == ("2016-10-24", "2016-10-31")  # Mondays
    assert weekly.totals() == [1, 2]
    assert histogram.regrouped("week") == weekly
    assert weekly.end_of(0) == "2016-10-30"
    assert weekly.to_json()["buckets"][1] == {"start": "2016-10-31", "end": "2016-11-06", "total": 2,
                                              "sources": {"سانا": 2}}


def test_histogram_edge_cases() -> None:
    empty = build_histogram([("", "a"), ("not a date", "b")])
    assert empty.starts == () and empty.undated == 2
    monthly = build_histogram([("2016-01-31", "a"), ("2016-03-01", "a")], "month")
    assert monthly.starts == ("2016-01-01", "2016-02-01", "2016-03-01") and monthly.totals() == [1, 0, 1]
    assert monthly.bucket_of("2015-05-05") == 0 and monthly.bucket_of("2016-02-10") == 1
    assert suggested_bucket(60, 100) == "day" and suggested_bucket(300, 100) == "week"
    assert suggested_bucket(3000, 100) == "month"
    with pytest.raises(QueryError, match="time bucket"):
        build_histogram([], "year")


def test_concordance_lists_every_occurrence_on_the_original_text(workspace: Workspace) -> None:
    results = workspace.engine.search(SearchRequest("حلب"))
    lines = list(concordance(results, width=20))
    assert len(lines) == 5  # twice in the first article, once in three others (بحلب too)
    first = [line for line in lines if line.title == "ألف: هدنة في حلب"]
    assert [line.occurrence for line in first] == [0, 1]
    for line in lines:
        article = workspace.index.article(line.article_id)
        assert article.text[line.start:line.end] == line.match
        assert article.text[:line.start].endswith(line.left)
        assert article.text[line.end:].startswith(line.right)
        assert len(line.left) <= 20 and len(line.right) <= 20
    assert {line.match for line in lines} == {"حلب", "بحلب"}
    assert [line.match for line in lines if line.source == "تشرين"] == ["حلب", "بحلب"]
    only = list(concordance(results, sources=("تشرين",)))
    assert {line.source for line in only} == {"تشرين"} and len(only) == 2


def test_context_keeps_whole_words() -> None:
    from workbench.core.search.kwic import _context_end, _context_start

    text = "واحد اثنان ثلاثة MATCH اربعة خمسة ستة"
    start = text.index("MATCH")
    left = text[_context_start(text, start, 12):start]
    assert left == "اثنان ثلاثة "  # "واحد" does not fit whole
    end = start + len("MATCH")
    assert text[end:_context_end(text, end, 11)] == " اربعة خمسة"


def test_concordance_sorts_by_the_words_left_or_right(workspace: Workspace) -> None:
    results = workspace.engine.search(SearchRequest("حلب"))
    lines = list(concordance(results))
    by_left = sorted_lines(lines, "left")
    assert [sort_key(line, "left")[0][:1] for line in by_left] == sorted(sort_key(line, "left")[0][:1] for line in lines)
    assert by_left[0].left.split()[-1] == "إن"  # "إن" (normalised ان) sorts first among the words before
    by_right = sorted_lines(lines, "right")
    assert by_right[0].right.split()[0] == "الشرقية."
    with pytest.raises(QueryError):
        sorted_lines(lines, "middle")


def test_concordance_chunks_resume_where_they_stopped(workspace: Workspace) -> None:
    results = workspace.engine.search(SearchRequest("حلب"))
    first, next_row = concordance_chunk(results, 0, max_lines=2)
    assert len(first) == 2 and next_row == 1  # the first article gave both lines
    rest, end = concordance_chunk(results, next_row)
    assert end == len(results)
    assert first + rest == list(concordance(results))
    assert list(islice(concordance(results, first_row=1), 1)) == rest[:1]
