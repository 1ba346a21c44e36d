"""Search on the seed corpus: Arabic-aware matching, the query language, snippets and offsets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEEDS_DIR
from workbench.core.errors import QueryError
from workbench.core.search import SearchRequest
from workbench.core.workspace import Workspace

ALEPPO_ARTICLES = {
    "000_9f63ee594d7e422c.txt",
    "001_31c937c15296effc.txt",
    "003_8cc3dc5a9f835ed2.txt",
    "004_e1c235ee45bedba9.txt",
}


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One index of the read-only seeds/ folder, shared by the tests of this module."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_HOME", str(tmp_path_factory.mktemp("search-home")))
        index = Workspace.open(SEEDS_DIR)
        index.update()
    yield index
    index.close()


def paths(index: Workspace, query: str, **options: object) -> set[str]:
    results = index.engine.search(SearchRequest(query, **options))
    return {hit.path for hit in results}


def test_clitic_form_finds_the_four_aleppo_articles_and_not_the_fifth(seed_index: Workspace) -> None:
    assert paths(seed_index, "بحلب") == ALEPPO_ARTICLES


def test_phrase_matches_the_lam_alef_lam_contraction(seed_index: Workspace) -> None:
    found = paths(seed_index, '"الصليب الأحمر"')
    assert found == {"002_2f2c9e1598c61b02.txt"}


def test_spelling_variant_is_added_and_reported(seed_index: Workspace) -> None:
    results = seed_index.engine.search(SearchRequest("سيرغي لافروف"))
    assert "004_e1c235ee45bedba9.txt" in {hit.path for hit in results}  # writes سيرجي لافروف
    assert results.variants == {"سيرغي": ["سيرجي"]}


def test_taa_marbuta_and_alef_variants_match(seed_index: Workspace) -> None:
    assert "003_8cc3dc5a9f835ed2.txt" in paths(seed_index, "سورية")  # 003 writes سوريا
    assert paths(seed_index, "الأميركي") >= paths(seed_index, "الأمريكي")


def test_boolean_operators(seed_index: Workspace) -> None:
    with_lavrov = paths(seed_index, "لافروف")
    assert paths(seed_index, "حلب -لافروف") == ALEPPO_ARTICLES - with_lavrov
    assert paths(seed_index, "شويغو OR كيري") == paths(seed_index, "شويغو") | paths(seed_index, "كيري")
    assert paths(seed_index, "(شويغو OR كيري) أثينا") == {"001_31c937c15296effc.txt"}


def test_prefix_and_fuzzy(seed_index: Workspace) -> None:
    assert paths(seed_index, "ميستور*") == {"003_8cc3dc5a9f835ed2.txt", "004_e1c235ee45bedba9.txt"}
    assert "003_8cc3dc5a9f835ed2.txt" in paths(seed_index, "ميستوري~")


def test_fields_and_date_range(seed_index: Workspace) -> None:
    assert paths(seed_index, "source:تشرين") == {"002_2f2c9e1598c61b02.txt"}
    assert paths(seed_index, "date:2016-11") == {"001_31c937c15296effc.txt"}
    assert paths(seed_index, "لافروف date:2016-11-01..2016-11-30") == {"001_31c937c15296effc.txt"}
    assert paths(seed_index, "title:واشنطن") == {"003_8cc3dc5a9f835ed2.txt"}


def test_filters_and_date_sort(seed_index: Workspace) -> None:
    assert paths(seed_index, "حلب", sources=("سانا",)) <= ALEPPO_ARTICLES
    results = seed_index.engine.search(SearchRequest("حلب", sort="date"))
    dates = [hit.date for hit in results if hit.date]
    assert dates == sorted(dates, reverse=True)


def test_boilerplate_is_not_searchable(seed_index: Workspace) -> None:
    assert paths(seed_index, "تيلغرام") == set()
    assert paths(seed_index, "Only a member of this blog") == set()


def test_match_any_ranks_by_how_many_words_match(seed_index: Workspace) -> None:
    results = seed_index.engine.search(SearchRequest("ماورير شويغو الصليب كيري", match="any"))
    assert results.total >= 2
    assert results.hit(0).path == "002_2f2c9e1598c61b02.txt"


def test_snippet_highlights_land_on_the_original_characters(seed_index: Workspace) -> None:
    results = seed_index.engine.search(SearchRequest("بحلب"))
    for hit in results:
        article = seed_index.index.article(hit.id)
        assert hit.snippets, hit.path
        for snippet in hit.snippets:
            assert article.text[snippet.start:snippet.start + len(snippet.text)].replace("\n", " ") == snippet.text
            for start, end in snippet.highlights:
                assert "حلب" in snippet.text[start:end]


def test_match_spans_cover_every_whole_token_match(seed_index: Workspace) -> None:
    article_id = "002_2f2c9e1598c61b02.txt"
    article = seed_index.index.article(article_id)
    spans = seed_index.engine.match_spans(article_id, '"الصليب الأحمر"')
    matched = [article.text[start:end] for start, end in spans]
    assert "للصليب الأحمر" in matched
    assert len(matched) == 4
    assert all(text.endswith("لصليب الأحمر") for text in matched)


def test_diacritics_in_the_original_are_kept_inside_highlights(seed_index: Workspace) -> None:
    article_id = "003_8cc3dc5a9f835ed2.txt"
    article = seed_index.index.article(article_id)
    spans = seed_index.engine.match_spans(article_id, "يود")
    assert [article.text[s:e] for s, e in spans] == ["يَوَد"]


def test_malformed_query_raises_query_error(seed_index: Workspace) -> None:
    with pytest.raises(QueryError, match="closing quote"):
        seed_index.engine.search(SearchRequest('"حلب'))


def test_total_counts_all_hits_beyond_the_limit(seed_index: Workspace) -> None:
    results = seed_index.engine.search(SearchRequest("حلب", limit=2))
    assert len(results) == 2
    assert results.total == 4


def test_sources_and_info(seed_index: Workspace) -> None:
    sources = seed_index.index.sources()
    assert sources.get("سانا", 0) >= 2
    info = seed_index.index.info()
    assert info.articles == 5
    assert info.files == 5
    assert info.index_bytes > 0


def test_phrase_whose_last_position_gap_is_46_is_found(tmp_path: Path) -> None:
    """Regression: whoosh-ng misread such postings as its legacy format (UnpicklingError)."""
    filler = " ".join(["كلمة"] * 44)
    (tmp_path / "gap.txt").write_text(f"مجلس الوزراء {filler} مجلس الوزراء", encoding="utf-8")
    index = Workspace.open(tmp_path)
    index.update()
    assert index.engine.search(SearchRequest('"مجلس الوزراء"')).total == 1
    index.close()


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('حلبسيرغجلافروف ال"()-*~:|ORNTtiedasourc 01٣.«»“”')), max_size=30))
def test_search_never_crashes_on_arbitrary_queries(seed_index: Workspace, text: str) -> None:
    """Whatever is typed, the user gets results or a QueryError with a message, never a traceback."""
    for match in ("all", "any"):
        try:
            results = seed_index.engine.search(SearchRequest(text, match=match, limit=5))
        except QueryError as error:
            assert str(error)
        else:
            assert results.total >= len(results)


@pytest.fixture(scope="module")
def many_words_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """An index whose vocabulary has 600 words starting with مر (مراب, مرات, ...)."""
    corpus = tmp_path_factory.mktemp("many-words")
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    words = [f"مر{a}{b}" for a in letters for b in letters][:600]
    for start in range(0, len(words), 100):
        (corpus / f"{start}.txt").write_text("خبر عن " + " ".join(words[start:start + 100]), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_HOME", str(tmp_path_factory.mktemp("many-words-home")))
        workspace = Workspace.open(corpus)
        workspace.update()
    yield workspace
    workspace.close()


def test_a_wildcard_over_many_words_is_capped_and_says_so(many_words_index: Workspace) -> None:
    results = many_words_index.engine.search(SearchRequest("مر*"))
    assert results.total == 2  # the first 200 words (alphabetically) are in the first two files
    (notice,) = results.notices
    assert "مر*" in str(notice) and "first 200" in str(notice)
    narrower = many_words_index.engine.search(SearchRequest("مرا*"))
    assert narrower.notices == [] and narrower.total == 1


def test_the_expansion_budget_is_shared_by_the_whole_query(many_words_index: Workspace) -> None:
    query = " OR ".join(["مر*"] * 6)
    results = many_words_index.engine.search(SearchRequest(query))
    assert len(results.notices) == 6 and results.total == 2
