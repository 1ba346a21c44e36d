"""Comparing articles: passages, alignment on constructed and real seed pairs, quantities, the service."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from tests.conftest import SEEDS_DIR
from workbench.core.arabic import find_numerals, sentence_spans, tokenize
from workbench.core.compare.alignment import align, colour_groups, smoothed_idf
from workbench.core.compare.numbers import differing_numbers, find_quantities
from workbench.core.compare.passages import (
    MIN_PASSAGE_WORDS,
    Passage,
    article_passage_words,
    article_passages,
    text_passages,
)
from workbench.core.errors import CompareError
from workbench.core.index.analysis import exact_key
from workbench.core.ingest import read_file
from workbench.core.workspace import Workspace


def seed(prefix: str) -> str:
    return next(SEEDS_DIR.glob(f"{prefix}_*.txt")).name


def sentences(name: str) -> list[str]:
    """The content sentences of a seed of eight words or more, boilerplate left out."""
    article = read_file(SEEDS_DIR, name).articles[0]
    spans = [(p.start, p.end) for p in article_passages(article)]
    return [article.text[start:end] for start, end in spans if len(article.text[start:end].split()) >= 8]


def test_sentences_keep_decimals_and_sanas_two_dots_and_cut_long_ones_at_commas() -> None:
    text = "ارتفع المؤشر 2.5 بالمئة اليوم. وقال لافروف.. “كانت لدينا إمكانية”.\nسطر ثان؟ نعم"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "ارتفع المؤشر 2.5 بالمئة اليوم.", "وقال لافروف.. “كانت لدينا إمكانية”.", "سطر ثان؟", "نعم"]
    long = "، ".join(["كلمة أخرى هنا"] * 30)
    pieces = sentence_spans(long, clause_words=40)
    assert len(pieces) > 1 and all(len(long[s:e].split()) >= 20 for s, e in pieces)


def test_passages_leave_out_the_repeated_title_and_lede_of_seed_004() -> None:
    article = read_file(SEEDS_DIR, seed("004")).articles[0]
    texts = [article.text[p.start:p.end] for p in article_passages(article)]
    lede = "ذكرت وكالة الإعلام الروسية أن وزير الخارجية سيرجي لافروف قال"
    assert sum(text.startswith(lede) for text in texts) == 1
    assert article.text.count(lede) == 2


def test_passages_have_the_words_of_their_own_text_even_when_a_clause_cut_splits_a_number() -> None:
    """Passages take their words from the whole text's tokens; a clause cut at the comma of
    1,000 must still give the clause's own words, as tokenising the clause alone does."""
    long = " ".join(["كلمة"] * 25) + " بلغ 1,000 " + " ".join(["ثالثة"] * 25)
    assert any(long[start:end].endswith("1,") for start, end in sentence_spans(long, clause_words=40))
    texts = [long, "، ".join(["كلمة أخرى هنا"] * 15), read_file(SEEDS_DIR, seed("004")).articles[0].indexable_text()]
    for text in texts:
        expected = []
        for start, end in sentence_spans(text, clause_words=40):
            words = tokenize(text[start:end])
            if len(words) >= MIN_PASSAGE_WORDS:
                expected.append((start, end, tuple(exact_key(w.norm) for w in words)))
        assert [(p.start, p.end, p.exact) for p in text_passages(text)] == expected


def test_passage_words_are_the_exact_words_of_the_passages() -> None:
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        article = read_file(SEEDS_DIR, path.name).articles[0]
        assert article_passage_words(article) == [word for p in article_passages(article) for word in p.exact]


def rewritten(sentence: str, rng: random.Random, drop: float) -> str:
    """A sentence edited as another outlet would: words dropped, the clauses around a comma swapped."""
    words = [w.strip(".!?؟") for w in sentence.split() if rng.random() >= drop]
    middle = len(words) // 2
    return " ".join(words[middle:] + words[:middle])


def test_constructed_pair_aligns_copied_and_edited_sentences_and_nothing_else() -> None:
    rng = random.Random(7)
    original = sentences(seed("001"))
    others = sentences(seed("002")) + sentences(seed("000"))
    copied = {0: original[0], 3: rewritten(original[3], rng, 0.1), 6: rewritten(original[6], rng, 0.25)}
    noise = rng.sample(others, 6)
    second = [noise[0], copied[0], noise[1], noise[2], copied[3], noise[3], copied[6], noise[4], noise[5]]
    expected = {(0, 1), (3, 4), (6, 6)}
    passages = [text_passages("\n".join(original)), text_passages("\n".join(second))]
    assert len(passages[0]) == len(original) and len(passages[1]) == len(second)
    links = align(passages, idf_over(passages), threshold=0.4)
    assert {(link.a_passage, link.b_passage) for link in links} == expected
    verbatim = next(link for link in links if link.a_passage == 0)
    assert verbatim.similarity == pytest.approx(1.0)
    groups = colour_groups(links)
    assert len(set(groups.values())) == 3 and groups[(0, 0)] == groups[(1, 1)]


def idf_over(articles: list[list[Passage]]) -> Callable[[str], float]:
    documents = [{stem for p in passages for stem in p.stems} for passages in articles]
    return lambda stem: smoothed_idf(sum(stem in d for d in documents), len(documents))


@pytest.fixture
def workspace(seeds_workspace: Workspace) -> Workspace:
    return seeds_workspace


def test_real_pair_lavrov_and_kerry_talks_align_across_outlets(workspace: Workspace) -> None:
    comparison = workspace.compare.compare([seed("003"), seed("004")], threshold=0.2)
    texts = [(comparison.articles[link.a].article.text[comparison.articles[link.a].passages[link.a_passage].start:
                                                       comparison.articles[link.a].passages[link.a_passage].end],
              comparison.articles[link.b].article.text[comparison.articles[link.b].passages[link.b_passage].start:
                                                       comparison.articles[link.b].passages[link.b_passage].end])
             for link in comparison.links()]
    assert any("لافروف" in a and "كيري" in a and "كيري" in b and "لافروف" in b for a, b in texts)
    assert any("دى ميستورا" in a and "دي ميستورا" in b for a, b in texts)
    assert comparison.links(0.9) == []
    assert len(comparison.links(0.1)) > len(comparison.links(0.2))


def test_real_pair_the_48_hour_truce_is_the_truce_passages_counterpart(workspace: Workspace) -> None:
    comparison = workspace.compare.compare([seed("000"), seed("003")], threshold=0.05)
    first = comparison.articles[0].article.text
    truce = first.index("لمدة 48 ساعة")
    counterparts = comparison.counterparts(0, truce, threshold=0.05)
    other = comparison.articles[1].article.text
    assert counterparts and counterparts[0][0] == 1
    assert "48 ساعة" in other[counterparts[0][1]:counterparts[0][2]]


def test_the_summary_lists_differing_durations_entities_and_quotes(workspace: Workspace) -> None:
    comparison = workspace.compare.compare([seed("000"), seed("001")])
    differing = {c.article.id: [n.text for n in c.differing] for c in comparison.articles}
    assert differing[seed("000")] == ["48 ساعة"]
    assert differing[seed("001")] == ["10 ساعات", "10 ساعات"]
    assert "سيرغي لافروف" in comparison.shared_entities
    assert "أليكسي بورودافكين" in comparison.articles[0].entities_only
    assert "فاليري غيراسيموف" in comparison.articles[1].entities_only
    assert any(q.entity == "أليكسي بورودافكين" for q in comparison.articles[0].quotes)
    assert 0 < comparison.similarity < 1


def test_compare_refuses_one_five_repeated_or_unknown_articles(workspace: Workspace) -> None:
    ids = sorted(p.name for p in SEEDS_DIR.glob("*.txt"))
    for wrong in ([ids[0]], ids, [ids[0], ids[0]], [ids[0], "nothing.txt"]):
        with pytest.raises(CompareError):
            workspace.compare.compare(wrong)


def test_numerals_in_every_script_and_separator() -> None:
    values = [n.value for n in find_numerals("48 و٤٨ و۴۸ و8ر1 و٢٫٥ و1,500 و١٬٥٠٠ و3.11.2016")]
    assert values == [48, 48, 48, 1.8, 2.5, 1500, 1500]


def test_quantities_with_units_multipliers_number_words_and_dates() -> None:
    text = "هدنة ٤٨ ساعة و10 ساعات لإجلاء 80 ألف شخص و8ر1 مليون شخص لمدة خمسة أيام في 28 من تموز و5 كم"
    found = [(q.text, q.value, q.unit) for q in find_quantities(text)]
    assert found == [("٤٨ ساعة", 48, "ساع"), ("10 ساعات", 10, "ساع"), ("80 ألف شخص", 80_000, "شخص"),
                     ("8ر1 مليون شخص", 1_800_000, "شخص"), ("خمسة أيام", 5, "يوم"), ("28 من تموز", 728, "date"),
                     ("5 كم", 5, "كم")]


def test_only_contradicted_quantities_differ() -> None:
    first = find_quantities("هدنة لمدة ٤٨ ساعة لإجلاء 80 ألف شخص")
    second = find_quantities("هدنة لمدة 48 ساعة وقافلة من 8 آلاف شخص")
    third = find_quantities("تهدئة لمدة 10 ساعات")
    differing = differing_numbers([first, second, third])
    assert [[q.text for q in d] for d in differing] == [["٤٨ ساعة", "80 ألف شخص"], ["48 ساعة", "8 آلاف شخص"],
                                                        ["10 ساعات"]]
