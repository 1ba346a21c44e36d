"""Quotes: the rules on short texts, then speakers on the indexed seeds (Lavrov's, Borodavkin's)."""

from __future__ import annotations

import pytest

from workbench.core.compare.quotes import find_quotes
from workbench.core.workspace import Workspace


def quotes(text: str) -> list[tuple[str, str, str, str]]:
    """(kind, verb, head, text) of each quote found."""
    return [(q.kind, text[q.verb_start:q.verb_end], text[q.head_start:q.head_end], text[q.start:q.end])
            for q in find_quotes(text)]


def test_direct_quote_in_marks_after_a_verb_and_its_subject() -> None:
    text = "وقال بورودافكين في حديث صحفي اليوم “إن مسألة التهدئة يتم بحثها” مبينا أن الجانب الروسي لم يشكك."
    assert quotes(text) == [
        ("direct", "وقال", "بورودافكين", "إن مسألة التهدئة يتم بحثها"),
        ("reported", "مبينا", "", "أن الجانب الروسي لم يشكك"),
    ]


def test_reported_speech_ends_at_a_participle_or_a_coordinated_verb() -> None:
    text = "أكد الوزير أن الحل سياسي مؤكدا أن الحوار مستمر وبين أن الوفد يصل غدا. وأضاف أن الاجتماع انتهى."
    assert [(kind, verb, body) for kind, verb, _, body in quotes(text)] == [
        ("reported", "أكد", "أن الحل سياسي"),
        ("reported", "مؤكدا", "أن الحوار مستمر"),
        ("reported", "وبين", "أن الوفد يصل غدا"),
        ("reported", "وأضاف", "أن الاجتماع انتهى"),
    ]


def test_colon_quotes_headlines_and_verbs_with_prepositions() -> None:
    text = ("لافروف: تنظيم جبهة النصرة يحتجز المدنيين\n"
            "وقال شويغو خلال لقائه ماورير: حان وقت المرحلة الجديدة.\n"
            "كما طالب وزير الخارجية الروسي سيرغي لافروف أمس بتحديث قوائم المجموعات الإرهابية.\n"
            "وأعرب بورودافكين عن أسفه من أن بعض التنظيمات تنضم إلى النصرة.")
    assert quotes(text) == [
        ("direct", "", "لافروف", "تنظيم جبهة النصرة يحتجز المدنيين"),
        ("direct", "وقال", "شويغو", "حان وقت المرحلة الجديدة"),
        ("reported", "طالب", "وزير الخارجية الروسي سيرغي لافروف", "بتحديث قوائم المجموعات الإرهابية"),
        ("reported", "وأعرب", "بورودافكين", "أن بعض التنظيمات تنضم إلى النصرة"),
    ]


def test_scare_quotes_inanimate_subjects_and_unclosed_quotes() -> None:
    assert quotes("تنضم إلى تنظيم “جبهة النصرة” تحت ما يسمى “المعارضة المعتدلة”.") == []
    assert quotes("إجراءات المعاينة الأولية أوضحت وجود آثار لسحجات.") == []
    text = "وقال المتحدث «لن نتراجع عن موقفنا\nسطر آخر لا علاقة له"
    assert quotes(text) == [("direct", "وقال", "المتحدث", "لن نتراجع عن موقفنا")]


def test_a_news_agency_passing_a_quote_on_is_a_channel_not_a_speaker() -> None:
    text = "ذكرت وكالة الإعلام الروسية أن وزير الخارجية سيرجي لافروف قال اليوم إن الجيش أوقف العمليات."
    assert quotes(text) == [("reported", "قال", "وزير الخارجية سيرجي لافروف", "إن الجيش أوقف العمليات")]
    nested = "ونقلت وكالة سبوتنيك عن لافروف قوله: “أتذكر أننا تبنينا قرارا”"
    assert quotes(nested) == [("direct", "قوله", "لافروف", "أتذكر أننا تبنينا قرارا")]


def test_a_short_aside_in_marks_before_the_content_is_skipped() -> None:
    text = "موضحا “بحسب معطياته” أن “الولايات المتحدة قررت تأجيل التقدم”."
    assert quotes(text) == [("direct", "موضحا", "", "الولايات المتحدة قررت تأجيل التقدم")]


@pytest.fixture
def workspace(seeds_workspace: Workspace) -> Workspace:
    return seeds_workspace


def test_lavrovs_quotes_are_his_by_name_by_surname_and_by_title(workspace: Workspace) -> None:
    found = workspace.compare.quotes(speaker="لافروف")
    in_001 = [q for q in found if q.article_id.startswith("001_")]
    assert {q.entity for q in found} == {"سيرغي لافروف"}
    assert len(in_001) >= 12
    by_title = next(q for q in in_001 if q.text.startswith("محاولات البدء بالعملية السياسية"))
    assert (by_title.speaker, by_title.entity) == ("وزير الخارجية الروسي", "سيرغي لافروف")
    surname = next(q for q in in_001 if q.text.startswith("كانت لدينا إمكانية"))
    assert (surname.speaker, surname.kind, surname.verb) == ("لافروف", "direct", "قال")


def test_borodavkins_quotes_and_the_participles_that_inherit_him(workspace: Workspace) -> None:
    found = [q for q in workspace.compare.quotes() if q.entity == "أليكسي بورودافكين"]
    texts = [q.text[:25] for q in found]
    assert texts[:5] == ["خبراء من روسيا والولايات ", "أن خبراء من روسيا والولاي", "إن مسألة التهدئة في حلب ي",
                         "أن الجانب الروسي لم يشكك ", "أن بعض التنظيمات الإرهابي"]
    headline = found[0]  # "مندوب روسيا في جنيف: …", resolved through "مندوب روسيا لدى … أليكسي بورودافكين"
    assert (headline.speaker, headline.verb, headline.kind) == ("مندوب روسيا في جنيف", "", "direct")
    article = workspace.index.article(found[0].article_id)
    assert all(article.text[q.start:q.end] == q.text for q in found)
    kerry = workspace.compare.quotes(speaker="جون كيري")
    assert kerry and all(q.entity == "جون كيري" for q in kerry)


def test_speakers_follow_the_users_curation(workspace: Workspace) -> None:
    lavrov = next(e for e in workspace.entities.entities() if e.name == "سيرغي لافروف")
    workspace.entities.rename(lavrov.id, "Sergey Lavrov")
    try:
        assert {q.entity for q in workspace.compare.quotes(speaker="لافروف")} == {"Sergey Lavrov"}
    finally:
        workspace.entities.rename(lavrov.id, "سيرغي لافروف")
