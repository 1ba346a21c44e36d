"""The Arabic text rules, checked on sentences from the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import arabic
from workbench.core.arabic import normalize, normalize_digits, spelling_variants, stem, strip_clitics, tokenize

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_tokens_slice_the_original_seed_text_including_diacritics() -> None:
    text = seed_text("002")
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    diacritised = next(t for t in tokens if t.text == "نشاطاً")
    assert diacritised.norm == "نشاطا"
    assert [t.norm for t in tokens if t.text == "للصليب"] == ["للصليب"] * 4


def test_tokenize_keeps_tatweel_and_diacritics_inside_the_word() -> None:
    text = "قال: «إنَّ الـحلَّ قريب»"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["قال", "إنَّ", "الـحلَّ", "قريب"]
    assert [t.norm for t in tokens] == ["قال", "ان", "الحل", "قريب"]
    assert text[tokens[2].start : tokens[2].end] == "الـحلَّ"


def test_tokenize_numbers_dates_and_latin() -> None:
    tokens = tokenize("في ٣/١١/٢٠١٦ ارتفع 8ر1 بالمئة و2.5 Reuters COVID19")
    assert [t.norm for t in tokens] == [
        "في", "3", "11", "2016", "ارتفع", "8", "ر", "1", "بالمءه", "و", "2.5", "reuters", "covid19",
    ]


def test_normalize_letters_hamza_and_punctuation() -> None:
    assert normalize("أحمد إبراهيم آمال ٱلله") == "احمد ابراهيم امال الله"
    assert normalize("مدينة دى") == "مدينه دي"
    assert normalize("مسئول") == normalize("مسؤول") == "مسءول"
    assert normalize("هل قال؟ «نعم»، ثم؛ ١٠٪") == 'هل قال? "نعم", ثم; 10%'
    assert normalize("Café CAFÉ") == "cafe cafe"


def test_normalize_digits_keeps_length() -> None:
    text = "٢٠١٦/١١/٣ و۱۳۹۵"
    assert normalize_digits(text) == "2016/11/3 و1395"
    assert len(normalize_digits(text)) == len(text)


@pytest.mark.parametrize(
    ("word", "key"),
    [("للصليب", "صليب"), ("الصليب", "صليب"), ("بحلب", "حلب"), ("وصربيا", "صربيا"),
     ("بألمانيا", "المانيا"), ("لدمشق", "دمشق"), ("وبالحرب", "حرب")],
)
def test_strip_clitics_from_seed_words(word: str, key: str) -> None:
    assert strip_clitics(normalize(word)) == key


@pytest.mark.parametrize("word", ["وزير", "بيان", "لبنان", "فلسطين", "كبير", "والدة", "علي", "بوتين"])
def test_strip_clitics_keeps_words_whose_first_letter_is_a_root_letter(word: str) -> None:
    assert strip_clitics(normalize(word)) == normalize(word)


def test_stem_conflates_inflections_but_not_short_names() -> None:
    assert stem(normalize("للوزير")) == stem(normalize("ووزيرة")) == stem(normalize("وزير"))
    assert stem(normalize("سورية")) == stem(normalize("السوريين")) == stem(normalize("سوري"))
    assert stem(normalize("المسئولين")) == stem(normalize("مسؤول"))
    for name in ("علي", "حلب", "بوش", "عمر"):
        assert stem(normalize(name)) == normalize(name)
    assert stem("reuters") == "reuters"


def test_spelling_variants_of_transliterated_names() -> None:
    assert normalize("سيرغي") in spelling_variants(normalize("سيرجي"))
    assert normalize("هامبورغ") in spelling_variants(normalize("هامبورج"))
    assert normalize("أمريكي") in spelling_variants(normalize("أميركي"))
    assert normalize("سورية") in spelling_variants(normalize("سوريا"))
    assert normalize("يونيه") in spelling_variants(normalize("يونيو"))
    assert normalize("دى") == normalize("دي")
    assert normalize("حلب") not in spelling_variants(normalize("حلب"))
    assert spelling_variants("reuters") == set()


def test_stopwords_cover_question_words_and_english() -> None:
    for word in ("ما", "ماذا", "متى", "أين", "كيف", "هل", "من", "ومن", "في", "the"):
        assert arabic.is_stopword(normalize(word))
    assert not arabic.is_stopword(normalize("حلب"))


@settings(deadline=None)  # timing is bench/'s job; a loaded CI machine must not fail these
@given(st.text())
def test_tokenize_never_crashes_and_offsets_slice_the_original(text: str) -> None:
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert token.norm == normalize(token.text)


@settings(deadline=None)  # timing is bench/'s job; a loaded CI machine must not fail these
@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=12))
def test_word_rules_never_crash_and_variants_stay_small(word: str) -> None:
    norm = normalize(word)
    assert len(stem(norm)) <= len(strip_clitics(norm)) <= len(norm)
    assert len(spelling_variants(norm)) <= 16
    arabic.is_stopword(norm)


def test_the_sentence_around_a_span_ends_at_arabic_and_latin_marks_and_line_breaks() -> None:
    text = "قال لافروف. وأكد الوزير سيرغي لافروف أن الهدنة صامدة؟ ثم غادر\nسطر آخر بلا نقطة"
    sentences = arabic.Sentences(text)

    def around(word: str) -> str:
        start = text.index(word)
        begin, end = sentences.around(start, start + len(word))
        assert (begin, end) == arabic.sentence_bounds(text, start, start + len(word))
        return text[begin:end]

    assert around("سيرغي") == "وأكد الوزير سيرغي لافروف أن الهدنة صامدة؟"
    assert around("قال") == "قال لافروف."
    assert around("غادر") == "ثم غادر"
    assert around("بلا") == "سطر آخر بلا نقطة"
    endless = "كلمة " * 2000
    begin, end = arabic.sentence_bounds(endless, 5000, 5004)
    assert 5000 - begin <= 1000 and end - 5004 <= 1000


def _scanned(text: str) -> list[arabic.Token]:
    """Tokens found afresh, whatever the memo of recent texts holds."""
    return arabic._scan(text)


def test_memoised_tokens_are_those_of_a_fresh_scan_and_callers_cannot_change_them() -> None:
    text = seed_text("002")
    first = tokenize(text)
    first.clear()
    assert tokenize(text) == _scanned(text)
    assert tokenize(text) is not tokenize(text)


def test_a_title_line_before_a_memoised_text_gets_the_tokens_of_the_whole() -> None:
    """The index's body field is the title, a line break and the article tokenised just before."""
    text = seed_text("004")
    tokenize(text)
    for title in ("وزير الخارجية: ٣/١١/٢٠١٦", "", "2.5 ", "عنوان\nمن سطرين"):
        body = f"{title}\n{text}"
        tokens = tokenize(body)
        assert tokens == _scanned(body)
        assert all(body[t.start:t.end] == t.text for t in tokens)


def test_the_memo_of_recent_texts_stays_within_its_character_budget() -> None:
    texts = [f"{seed_text('001')} {number}" for number in range(arabic._RECENT_CHARACTERS // 1000)]
    for text in texts:
        tokenize(text)
    assert arabic._RECENT.characters <= arabic._RECENT_CHARACTERS
    assert arabic._RECENT.characters == sum(map(len, arabic._RECENT.tokens))
    assert texts[-1] in arabic._RECENT.tokens and texts[0] not in arabic._RECENT.tokens
