"""Boilerplate spans on the seed articles and on the traps around them."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from workbench.core.ingest.boilerplate import find_boilerplate

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


def seed_text(prefix: str) -> str:
    """The text of the seed whose file name starts with ``prefix``."""
    (path,) = SEEDS_DIR.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def marked(text: str) -> list[str]:
    """The boilerplate pieces of ``text``."""
    return [text[start:end] for start, end in find_boilerplate(text)]


def kept(text: str) -> str:
    """``text`` with the boilerplate cut out."""
    pieces, position = [], 0
    for start, end in find_boilerplate(text):
        pieces.append(text[position:start])
        position = end
    return "".join(pieces) + text[position:]


def test_seed_000_social_footer_is_one_span_to_the_end() -> None:
    text = seed_text("000")
    (footer,) = marked(text)
    assert footer.startswith("تابعوا آخر الأخبار السياسية")
    assert "https://telegram.me/SyrianArabNewsAgency" in footer
    assert "0940777186" in footer
    assert text.endswith(footer)
    assert footer.endswith("http://vk.com/syrianarabnewsagency")


def test_seed_000_body_and_dateline_are_content() -> None:
    body = kept(seed_text("000"))
    assert body.startswith("موسكو-جنيف-سانا\nأعلنت وزارة الدفاع الروسية")
    assert "مندوب روسيا في جنيف: خبراء من روسيا" in body
    assert "فلا ينبغي لاحد أن يفلت من العقاب." in body
    assert "تيلغرام" not in body and "VK" not in body


def test_seed_001_attribution_line_only() -> None:
    text = seed_text("001")
    assert marked(text) == ["(المصدر: وكالة سانا للأنباء، بتاريخ 3/11/2016)"]


def test_seed_002_posted_from_and_blog_note() -> None:
    assert marked(seed_text("002")) == [
        "Posted from صحيفة تشرين\nNote: Only a member of this blog may post a comment."]


def test_seed_003_breadcrumb_and_byline_but_not_the_title_line() -> None:
    text = seed_text("003")
    assert marked(text) == ["الرئيسية / دولي / موسكو وواشنطن تبحثان عملية مشتركة في حلب\nelmaouid"]
    assert kept(text).lstrip().startswith("موسكو وواشنطن تبحثان عملية مشتركة في حلب\n")


def test_seed_004_second_copy_of_title_and_lede_and_comments_heading() -> None:
    text = seed_text("004")
    copy, comments = marked(text)
    first_title_end = text.index("\n")
    start, _ = find_boilerplate(text)[0]
    assert start > first_title_end
    assert copy.startswith("هدنة بحلب وجيش النظام يوقف عملياته\n\nذكرت وكالة الإعلام الروسية")
    assert copy.endswith("لإجلاء المدنيين من المنطقة.")
    assert "،" not in copy  # the copy is the one that lost its commas
    assert comments == "التعليقات"
    body = kept(text)
    assert body.startswith("هدنة بحلب وجيش النظام يوقف عملياته\n\nذكرت وكالة الإعلام الروسية أن")
    assert "وأضاف لافروف أنه تم الاتفاق" in body


@pytest.mark.parametrize("text", [
    "عنوان الخبر\nاشترك في المؤتمر وزراء من عشرين دولة على موقع الحدث.\nفقرة.",
    "عنوان الخبر\nانضم فريق الرائد إلى قائمة الفرق على موقع الاتحاد.\nفقرة.",
    "قصيدة\nيا شاكي الهم زيح الهم من راسك\nبيت ثان من القصيدة هنا\nبيت ثالث من القصيدة\n"
    "بيت رابع من القصيدة\nبيت خامس من القصيدة\nبيت سادس من القصيدة\n"
    "يا شاكي الهم زيح الهم من راسك",
    "تعليقات القراء على القرار كانت كثيرة جدا\nالتعليقات\nوقال الوزير إن القرار نهائي.",
])
def test_content_that_only_looks_like_boilerplate_is_kept(text: str) -> None:
    assert find_boilerplate(text) == ()


def test_follow_line_mid_text_takes_its_url_but_not_the_next_paragraph() -> None:
    text = ("عنوان\nفقرة أولى من الخبر.\nتابعونا على فيسبوك:\nhttps://facebook.com/x\n"
            "وقال الوزير إن القرار نهائي.")
    assert marked(text) == ["تابعونا على فيسبوك:\nhttps://facebook.com/x"]


def test_spans_are_sorted_and_within_the_text() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed_text(prefix)
        spans = find_boilerplate(text)
        assert list(spans) == sorted(spans)
        assert all(0 <= start < end <= len(text) for start, end in spans)
        assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))
