"""The query language parser: grammar, fields, dates and clear errors on malformed input."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.search.query import (
    And,
    ArticleFilter,
    DateRange,
    Not,
    Or,
    Phrase,
    QueryError,
    Word,
    parse,
    parse_date_range,
    quoted,
)


def test_words_are_joined_by_and_in_all_mode_and_by_or_in_any_mode() -> None:
    assert parse("حلب لافروف") == And((Word("حلب"), Word("لافروف")))
    assert parse("حلب لافروف", match="any") == Or((Word("حلب"), Word("لافروف")))


def test_phrases_accept_straight_and_arabic_quotes() -> None:
    assert parse('"الصليب الأحمر"') == Phrase("الصليب الأحمر")
    assert parse("«الصليب الأحمر»") == Phrase("الصليب الأحمر")
    assert parse("“جبهة النصرة” حلب") == And((Phrase("جبهة النصرة"), Word("حلب")))


def test_a_backslash_makes_a_quote_mark_part_of_a_phrase() -> None:
    assert parse(r'selection:"the \"Aleppo\" file"') == ArticleFilter("selection", 'the "Aleppo" file')
    assert parse(r'"بيان \«الخارجية\»" حلب') == And((Phrase("بيان «الخارجية»"), Word("حلب")))
    assert parse(r'"C:\temp"') == Phrase(r"C:\temp")  # a backslash before anything else stays
    assert quoted('«هدنة» "حلب"') == r'"\«هدنة\» \"حلب\""'
    with pytest.raises(QueryError, match="Missing closing quote"):
        parse(r'"an escaped end\"')


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('"“”«»„\\ab حلب:()*~-'), min_size=1).filter(str.strip))
def test_any_name_quoted_names_exactly_that_selection(name: str) -> None:
    assert parse("selection:" + quoted(name)) == ArticleFilter("selection", name.strip())


def test_or_binds_looser_than_and_and_parentheses_group() -> None:
    assert parse("حلب دمشق OR موسكو") == Or((And((Word("حلب"), Word("دمشق"))), Word("موسكو")))
    assert parse("(حلب OR دمشق) لافروف") == And((Or((Word("حلب"), Word("دمشق"))), Word("لافروف")))
    assert parse("حلب | دمشق") == Or((Word("حلب"), Word("دمشق")))


def test_not_and_minus_exclude() -> None:
    assert parse("حلب NOT داعش") == And((Word("حلب"), Not(Word("داعش"))))
    assert parse("حلب -داعش") == And((Word("حلب"), Not(Word("داعش"))))


def test_hyphen_inside_a_word_is_not_an_exclusion() -> None:
    assert parse("موسكو-جنيف") == Word("موسكو-جنيف")


def test_prefix_and_fuzzy() -> None:
    assert parse("لافرو*") == Word("لافرو", prefix=True)
    assert parse("لافروف~") == Word("لافروف", fuzzy=1)
    assert parse("لافروف~2") == Word("لافروف", fuzzy=2)


def test_fields_apply_to_words_phrases_and_groups() -> None:
    assert parse("title:حلب") == Word("حلب", field="title")
    assert parse('source:"صحيفة تشرين"') == Phrase("صحيفة تشرين", field="source")
    assert parse("title:(حلب OR دمشق)") == Or((Word("حلب", field="title"), Word("دمشق", field="title")))


def test_unknown_field_is_plain_text() -> None:
    assert parse("http://vk.com") == Word("http://vk.com")


def test_date_ranges_in_every_documented_form() -> None:
    assert parse("date:2016-11-01..2016-12-31") == DateRange("2016-11-01", "2016-12-31")
    assert parse("date:2016-11") == DateRange("2016-11-01", "2016-11-30")
    assert parse("date:2016") == DateRange("2016-01-01", "2016-12-31")
    assert parse("date:2016-02..") == DateRange("2016-02-01", None)
    assert parse("date:..2016-02") == DateRange(None, "2016-02-29")
    assert parse_date_range("٢٠١٦-١١-٠٣") == DateRange("2016-11-03", "2016-11-03")


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ('"الصليب الأحمر', "closing quote"),
        ("(حلب OR دمشق", "closing parenthesis"),
        ("حلب)", "Unexpected closing parenthesis"),
        ("()", "Empty parentheses"),
        ("حلب OR", "needs a word after"),
        ("OR حلب", "needs a word before"),
        ("حلب NOT", "needs a word to exclude"),
        ("title:", "needs a value"),
        ("date:2016-13", "month 13"),
        ("date:2016-02-30", "day 30"),
        ("date:tomorrow", "not a date range"),
        ("date:2017..2016", "ends before it starts"),
        ("*", "wildcard without a word"),
        ("لافروف~3", "fuzzy distance"),
    ],
)
def test_malformed_queries_get_a_clear_message(query: str, fragment: str) -> None:
    with pytest.raises(QueryError, match=fragment):
        parse(query)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('حلبدمشق ال"()-*~:|ORNTADtiedasourc 0123٣.«»“”')), max_size=40))
def test_parser_never_crashes_on_arbitrary_input(text: str) -> None:
    try:
        parse(text)
        parse(text, match="any")
    except QueryError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_parser_never_crashes_on_arbitrary_unicode(text: str) -> None:
    with contextlib.suppress(QueryError):
        parse(text)


@pytest.mark.parametrize("query", [
    "(" * 250 + "حلب" + ")" * 250,
    "-(" * 200 + "حلب" + ")" * 200,
    "NOT " * 1000 + "حلب",
    "NOT -(" * 20 + "حلب" + ")" * 20,
])
def test_deep_nesting_is_a_clear_error_not_a_recursion_error(query: str) -> None:
    with pytest.raises(QueryError, match="nested more than 32 deep"):
        parse(query)


def test_nesting_up_to_the_limit_parses() -> None:
    assert parse("(" * 32 + "حلب" + ")" * 32) == Word("حلب")
    assert parse("NOT " * 31 + "(حلب)") is not None


def test_length_and_word_limits() -> None:
    with pytest.raises(QueryError, match="at most 300 are searched at once"):
        parse(" OR ".join(["حلب"] * 301))
    with pytest.raises(QueryError, match="at most 300"):
        parse('"' + " ".join(["حلب"] * 301) + '"')
    with pytest.raises(QueryError, match="10001 characters long"):
        parse("ا" * 10_001)
    assert isinstance(parse(" OR ".join(["حلب"] * 300)), Or)
