"""The Whoosh analyzers: token protocol, offsets, stopwords, pickling, and a real index."""

from __future__ import annotations

import pickle
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.fields import TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.query import Phrase, Term

from workbench.core.index.analysis import exact_analyzer, keyed_candidates, stem_analyzer

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SENTENCE = "وقال البيان “إننا نتطلع إلى مزيد من الخطوات العملية”"


def test_stem_analyzer_offsets_positions_and_stopword_gaps() -> None:
    tokens = [(t.text, t.pos, SENTENCE[t.startchar : t.endchar])
              for t in stem_analyzer()(SENTENCE, positions=True, chars=True)]
    assert tokens == [
        ("قال", 0, "وقال"), ("بيان", 1, "البيان"), ("اننا", 2, "إننا"), ("نتطلع", 3, "نتطلع"),
        ("مزيد", 5, "مزيد"), ("خطو", 7, "الخطوات"), ("عمل", 8, "العملية"),
    ]


def test_stopwords_marked_not_removed_when_asked() -> None:
    tokens = [(t.text, t.stopped) for t in stem_analyzer()("من حلب", removestops=False)]
    assert tokens == [("من", True), ("حلب", False)]


def test_exact_analyzer_keeps_stopwords_and_suffixes_but_strips_clitics() -> None:
    texts = [t.text for t in exact_analyzer()("إلى الخطوات العمليّة للصليب", positions=True)]
    assert texts == ["الي", "خطوات", "عمليه", "صليب"]


def test_single_term_mode_and_start_offsets() -> None:
    assert [t.text for t in stem_analyzer()("للصليب", tokenize=False)] == ["صليب"]
    token = next(iter(exact_analyzer()("حلب", chars=True, positions=True, start_pos=4, start_char=10)))
    assert (token.pos, token.startchar, token.endchar) == (4, 10, 13)


def test_analyzers_pickle_and_compare_equal() -> None:
    for make in (exact_analyzer, stem_analyzer):
        assert pickle.loads(pickle.dumps(make())) == make()


def test_seed_index_matches_clitic_and_phrase_queries() -> None:
    schema = Schema(exact=TEXT(analyzer=exact_analyzer(), phrase=True),
                    stem=TEXT(analyzer=stem_analyzer(), phrase=True, stored=True))
    index = RamStorage().create_index(schema)
    seeds = sorted(SEEDS.glob("*.txt"))
    with index.writer() as writer:
        for path in seeds:
            text = path.read_text(encoding="utf-8")
            writer.add_document(exact=text, stem=text)
    with index.searcher() as searcher:
        assert len(searcher.search(Term("stem", "صليب"))) == 1
        assert len(searcher.search(Term("stem", "حلب"))) >= 2
        assert len(searcher.search(Phrase("exact", ["صليب", "احمر"]))) == 1
        assert len(searcher.search(Phrase("stem", ["صليب", "احمر"]))) == 1


@settings(deadline=None)  # timing is bench/'s job; a loaded CI machine must not fail these
@given(st.text())
def test_analyzers_never_crash_and_offsets_slice_the_value(text: str) -> None:
    for make in (exact_analyzer, stem_analyzer):
        for token in make()(text, positions=True, chars=True, removestops=False):
            assert 0 <= token.startchar < token.endchar <= len(text)
            assert token.text


ARABIC_WORDS = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئًٌٍَُِّْـ0123456789abcXYZ", min_size=1)


@settings(deadline=None)
@given(st.lists(ARABIC_WORDS, min_size=1, max_size=12))
def test_keyed_candidates_find_every_word_whose_terms_are_needles(words: list[str]) -> None:
    text = " ".join(words)
    # Whoosh reuses one Token object per analyzer: read each pair before pulling the next.
    every = [(e.startchar, e.text, "" if s.stopped else s.text)
             for e, s in zip(exact_analyzer()(text, chars=True, removestops=False),
                             stem_analyzer()(text, chars=True, removestops=False), strict=True)]
    needles = {key for _, exact, stem in every[::2] for key in (exact, stem) if key}

    found = {(t.start, t.exact, t.stem) for t in keyed_candidates(text, needles)}

    for start, exact, stem in every:
        if exact in needles or stem in needles:
            assert (start, exact, stem) in found


def test_keyed_candidates_on_a_seed_article_match_full_analysis() -> None:
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    needles = {"حلب", "لافروف", "روسي", "صليب"}
    stems = [(t.startchar, t.text) for t in stem_analyzer()(text, chars=True)]
    exacts = [(t.startchar, t.text) for t in exact_analyzer()(text, chars=True)]
    expected = {start for start, key in [*stems, *exacts] if key in needles}

    found = {t.start for t in keyed_candidates(text, needles) if t.exact in needles or t.stem in needles}

    assert found == expected
    assert len(found) >= 3
