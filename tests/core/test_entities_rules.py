"""The entity rules on news text: names, not fragments, titles, credits or closed classes.

The sentences are written the way Saudi and Levantine news copy writes them (bylines,
wire datelines, royal titles, facility names), one rule per test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.core.arabic import name_key
from workbench.core.entities.credits import CLOSING, OPENING, credit_spans
from workbench.core.entities.extraction import articles_mentions
from workbench.core.entities.lexicon import default_lexicon
from workbench.core.entities.merge import link_in_article
from workbench.core.entities.service import ALL, HIDDEN
from workbench.core.entities.tagger import extract_mentions
from workbench.core.ingest import Article
from workbench.core.workspace import Workspace


def found(text: str) -> set[tuple[str, str]]:
    """(type, text) of the mentions the tagger (with its rules) finds."""
    return {(m.type, m.text) for m in extract_mentions(text)}


def article(text: str, number: int = 1) -> Article:
    return Article(id=f"a{number}.txt", path=f"a{number}.txt", title="", source="", date="", url="", author="",
                   text=text, boilerplate=(), content_hash="")


# -- mentions that are names -------------------------------------------------------------------


def test_a_byline_a_wire_dateline_and_a_closing_credit_are_not_mentions() -> None:
    byline = ("فهد الغبيوي - سبق - مكة المكرمة: كشف فرع الهيئة العامة للسياحة والتراث الوطني بالعاصمة "
              "المقدسة أن نسبة الإشغال ارتفعت خلال العيد.")
    wire = ("الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\nاستقبل صاحب السمو الملكي الأمير فيصل بن "
            "بندر بن عبدالعزيز أمير منطقة الرياض في مكتبه اليوم مدير شرطة المنطقة.")
    closing = ("أعلنت وزارة الصحة افتتاح مستشفى جديد في جازان بسعة مئتي سرير.\nرابط الخبر بصحيفة الوئام: "
               "الصحة تفتتح مستشفى جديدا في جازان")
    mentions = [{(m.type, m.text) for m in ms} for ms in articles_mentions([article(byline), article(wire, 2),
                                                                            article(closing, 3)])]
    assert ("PERSON", "فهد الغبيوي") not in mentions[0] and ("ORGANIZATION", "سبق") not in mentions[0]
    assert ("LOCATION", "مكة") in mentions[0]  # the dateline's place is where the news happened
    assert ("ORGANIZATION", "الهيئة العامة للسياحة والتراث الوطني") in mentions[0]
    assert not any(text == "واس" for _, text in mentions[1])
    assert ("PERSON", "فيصل بن بندر بن عبدالعزيز") in mentions[1]
    assert not any("الوئام" in text for _, text in mentions[2]) and ("ORGANIZATION", "وزارة الصحة") in mentions[2]
    assert [kind for _, _, kind in credit_spans(closing)] == [CLOSING]
    assert [kind for _, _, kind in credit_spans(byline)] == [OPENING]


def test_an_agency_the_text_cites_is_a_mention() -> None:
    text = "وقالت مصادر لرويترز إن المحادثات ستستأنف الأسبوع المقبل في جنيف."
    assert credit_spans(text) == []
    assert ("ORGANIZATION", "رويترز") in {(m.type, m.text) for m in articles_mentions([article(text)])[0]}


def test_a_king_in_a_hospital_or_airport_name_is_not_a_person() -> None:
    mentions = found("نقل المصابون إلى مستشفى الملك فهد بالدمام، فيما وصل الوفد إلى مطار الملك خالد الدولي "
                     "بالرياض ثم زار جامعة الإمام محمد بن سعود الإسلامية.")
    assert not {text for kind, text in mentions if kind == "PERSON"}
    assert ("ORGANIZATION", "مستشفى الملك فهد") in mentions
    assert ("LOCATION", "مطار الملك خالد الدولي") in mentions
    assert ("ORGANIZATION", "جامعة الإمام محمد بن سعود الإسلامية") in mentions


def test_titles_come_off_a_name_but_a_rank_title_names_a_king() -> None:
    mentions = found("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في جدة رئيس الوزراء اللبناني. "
                     "والتقى صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني "
                     "لرئيس مجلس الوزراء وزير الدفاع الوفد. وأكد الملك سلمان دعم المملكة لليمن.")
    assert ("PERSON", "سلمان بن عبدالعزيز") in mentions
    assert ("PERSON", "محمد بن سلمان بن عبدالعزيز") in mentions
    assert ("PERSON", "الملك سلمان") in mentions
    assert not any(text.endswith("ولي") for _, text in mentions)


def test_a_name_is_cut_at_a_word_that_carries_a_preposition() -> None:
    mentions = found("أكد مدير عام جمارك مطار الملك فهد بالدمام يوسف بن ابراهيم الزاكان أن العمل مستمر. "
                     "وبحث الرئيس علي عبدالله صالح لعبد ربه منصور هادي.")
    assert ("PERSON", "يوسف بن ابراهيم الزاكان") in mentions
    assert ("PERSON", "عبد ربه منصور هادي") in mentions
    assert not any("بالدمام" in text or "لعبد" in text for _, text in mentions)


def test_months_currencies_weekdays_and_spelled_letters_are_not_names() -> None:
    mentions = found("بلغت قيمة المشروعات 171.4 مليار ريال في أبريل (نيسان) الماضي، وأعلنت شركة بي إم "
                     "دبليو يوم الخميس أنها ستفتتح مصنعا جديدا.")
    texts = {text for _, text in mentions}
    assert not texts & {"ريال", "نيسان", "أبريل", "الخميس", "بي"}


def test_an_organisation_head_takes_its_complement_or_is_no_name() -> None:
    mentions = found("حدد الاتحاد السعودي لكرة القدم موعد المباراة، ورفع اللاعبون تقريرا إلى مجلس الإدارة. "
                     "وشاركت جمعية الثقافة والفنون بالدمام في المهرجان.")
    assert ("ORGANIZATION", "الاتحاد السعودي لكرة القدم") in mentions
    assert ("ORGANIZATION", "جمعية الثقافة والفنون") in mentions
    assert not any(text == "مجلس الإدارة" for _, text in mentions)


# -- grouping --------------------------------------------------------------------------------------


def test_abd_is_one_word_with_the_next() -> None:
    assert name_key("عبد العزيز") == name_key("عبدالعزيز") == "عبدالعزيز"
    assert name_key("عبد الفتاح السيسي") == name_key("عبدالفتاح السيسي")
    assert name_key(name_key("علي عبد الله صالح")) == name_key("علي عبد الله صالح")


def test_a_fathers_name_is_not_the_son_and_a_lone_given_name_links_to_one_full_name() -> None:
    lexicon = default_lexicon()
    mentions = [("PERSON", "محمد بن سلمان بن عبدالعزيز", "الامير"), ("PERSON", "سلمان بن عبدالعزيز", "الملك"),
                ("PERSON", "محمد", ""), ("PERSON", "الملك سلمان", "")]
    assert link_in_article(mentions, lexicon) == ["محمد بن سلمان بن عبدالعزيز", "سلمان بن عبدالعزيز",
                                                  "محمد بن سلمان بن عبدالعزيز", "سلمان بن عبدالعزيز"]
    two_full_names = [("PERSON", "محمد بن سلمان", ""), ("PERSON", "محمد بن نايف", ""), ("PERSON", "محمد", "")]
    assert link_in_article(two_full_names, lexicon)[2] == "محمد"  # which one? neither
    other_rank = [("PERSON", "عبدالعزيز بن سعود", "الامير"), ("PERSON", "الملك عبدالعزيز", "")]
    assert link_in_article(other_rank, lexicon)[1] == "الملك عبدالعزيز"


@pytest.fixture
def news_corpus(tmp_path: Path) -> Iterator[Workspace]:
    """Five short articles about the same people and places, spelled as different outlets spell them."""
    texts = [
        "أكد وزير الخارجية أن المملكة العربية السعودية تدعم الحل السياسي في اليمن، وقال الرئيس عبد الفتاح "
        "السيسي إن مصر تقف مع السعودية.",
        "استقبل الرئيس عبدالفتاح السيسي في القاهرة وزير الخارجية السعودي، وبحثا العلاقات بين السعودية ومصر.",
        "أعلنت وزارة الداخلية في السعودية القبض على خلية تابعة لتنظيم داعش في الرياض، وقال المتحدث إن "
        "داعش يستهدف الشباب.",
        "قالت مصادر إن تنظيم داعش تبنى الهجوم، وإن محمد شارك في التخطيط له.",
        "وصل محمد إلى الرياض أمس، وقال محمد إن الرحلة كانت طويلة.",
    ]
    for number, text in enumerate(texts, 1):
        (tmp_path / f"{number:03d}.txt").write_text(text + "\n", encoding="utf-8")
    workspace = Workspace.open(tmp_path)
    workspace.update(processes=0)
    yield workspace
    workspace.close()


def test_saudi_arabia_by_both_names_is_one_entity_that_says_why(news_corpus: Workspace) -> None:
    service = news_corpus.entities
    saudi = service.entity("LOCATION:السعوديه")
    assert saudi == service.entity("LOCATION:المملكه العربيه السعوديه")
    assert {saudi.name, *saudi.aliases} >= {"السعودية", "المملكة العربية السعودية"}
    assert saudi.docs == ("001.txt", "002.txt", "003.txt")
    rules = {spelling.text: spelling.rule for spelling in service.explain(saudi.id)}
    assert "alias" in rules.values()


def test_abd_al_fattah_al_sisi_in_both_spellings_is_one_person(news_corpus: Workspace) -> None:
    sisi = news_corpus.entities.entity("PERSON:عبدالفتاح السيسي")
    assert sisi.docs == ("001.txt", "002.txt") and sisi.type == "PERSON"
    assert {sisi.name, *sisi.aliases} == {"عبد الفتاح السيسي", "عبدالفتاح السيسي"}


def test_isis_with_and_without_its_head_word_is_one_organisation(news_corpus: Workspace) -> None:
    isis = news_corpus.entities.entity("ORGANIZATION:داعش")
    assert isis == news_corpus.entities.entity("ORGANIZATION:تنظيم داعش")
    assert set(isis.docs) == {"003.txt", "004.txt"}


def test_a_lone_given_name_is_left_out_of_the_lists_but_kept(news_corpus: Workspace) -> None:
    service = news_corpus.entities
    mohammed = service.entity("PERSON:محمد")
    assert mohammed.fragment and not mohammed.hidden and "005.txt" in mohammed.docs
    assert mohammed.id not in {e.id for e in service.entities()}
    assert mohammed.id in {e.id for e in service.entities(listing=HIDDEN)}
    assert mohammed.id in {e.id for e in service.entities(listing=ALL)}
    service.unhide(mohammed.id)  # the user knows who this is: listed from now on
    assert mohammed.id in {e.id for e in service.entities()}


def test_an_agency_credited_in_brackets_at_the_end_is_not_a_mention() -> None:
    text = "افتتح أمير منطقة عسير مهرجان الصيف في أبها أمس بحضور عدد من المسؤولين.\n( واس )"
    assert [kind for _, _, kind in credit_spans(text)] == [CLOSING]
    assert not any(m.text == "واس" for m in articles_mentions([article(text)])[0])
