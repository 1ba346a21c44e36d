"""Metadata rules: date parsing, source names, title/source/date/author from text, sidecar."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.core.ingest.metadata import (
    SIDECAR_NAME,
    apply_sidecar,
    attribution,
    breadcrumb_tail,
    canonical_source,
    dateline_source,
    extract_metadata,
    load_sidecar,
    parse_date,
)

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


def seed_text(prefix: str) -> str:
    """The text of the seed whose file name starts with ``prefix``."""
    (path,) = SEEDS_DIR.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "iso"), [
    ("3/11/2016", "2016-11-03"),
    ("2016-11-03", "2016-11-03"),
    ("2015-07-21 02:51:32", "2015-07-21"),
    ("2016-11-03T08:15:00+03:00", "2016-11-03"),
    ("3-11-2016", "2016-11-03"),
    ("03.11.2016", "2016-11-03"),
    ("2016/11/3", "2016-11-03"),
    ("12/25/2016", "2016-12-25"),  # day first is impossible, so month first
    ("٣/١١/٢٠١٦", "2016-11-03"),
    ("۳/۱۱/۲۰۱۶", "2016-11-03"),
    ("3 تشرين الثاني 2016", "2016-11-03"),
    ("3 كانون الأول 2016", "2016-12-03"),
    ("1 آذار 2017", "2017-03-01"),
    ("1 اذار 2017", "2017-03-01"),
    ("3 نوفمبر 2016", "2016-11-03"),
    ("3 نوفمبر، 2016", "2016-11-03"),
    ("9 أبريل 2016", "2016-04-09"),
    ("9 ابريل 2016", "2016-04-09"),
    ("15 أيلول/سبتمبر 2016", "2016-09-15"),
    ("15 سبتمبر (أيلول) 2016", "2016-09-15"),
    ("٢٨ من تموز ٢٠١٦", "2016-07-28"),
    ("5 جويلية 2016", "2016-07-05"),
    ("وقال في 3 تشرين الثاني 2016 إن", "2016-11-03"),
])
def test_parse_date_reads_numeric_and_named_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", [
    "", "نوفمبر", "نوفمبر 2016", "31/02/2016", "13/13/2016", "3/11/16", "0940777186",
    "في 28 من تموز الماضي", "3 مايكل 2016", "1/1/1437",
])
def test_parse_date_rejects_partial_or_impossible_dates(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_returns_the_first_date_in_the_text() -> None:
    assert parse_date("بين 1/2/2015 و 3 آذار 2014") == "2015-02-01"


@pytest.mark.parametrize("name", [
    "سانا", "وكالة سانا", "وكالة سانا للأنباء", "وكالة سانا للانباء", "SANA", "sana", "«سانا»",
])
def test_canonical_source_merges_agency_aliases(name: str) -> None:
    assert canonical_source(name) == "سانا"


def test_canonical_source_keeps_unknown_outlets_as_written() -> None:
    assert canonical_source("  صحيفة   تشرين ") == "صحيفة تشرين"
    assert canonical_source("aawsat") == "aawsat"
    assert canonical_source("أ ف ب") == canonical_source("ا.ف.ب") == "فرانس برس"


@pytest.mark.parametrize(("prefix", "title", "source", "date", "author"), [
    ("000", "أعلنت وزارة الدفاع الروسية أن روسيا وجهت دعوات للعديد من الدول للمساهمة في "
            "العملية الإنسانية…", "سانا", "", ""),
    ("001", "أكد وزير الخارجية الروسي سيرغي لافروف أن قنوات التواصل مع الولايات المتحدة "
            "الأمريكية بشأن سورية…", "سانا", "2016-11-03", ""),
    ("002", "أكد الرئيس الروسي فلاديمير بوتين أن روسيا تتعاون مع العديد من الدول من أجل الحفاظ "
            "على وحدة سورية…", "صحيفة تشرين", "", ""),
    ("003", "موسكو وواشنطن تبحثان عملية مشتركة في حلب", "", "", "elmaouid"),
    ("004", "هدنة بحلب وجيش النظام يوقف عملياته", "", "", ""),
])
def test_seed_metadata(prefix: str, title: str, source: str, date: str, author: str) -> None:
    found = extract_metadata(seed_text(prefix))
    assert (found.title, found.source, found.date, found.author) == (title, source, date, author)


def test_dateline_is_never_the_title() -> None:
    found = extract_metadata("موسكو-جنيف-سانا\nأعلنت الوزارة اليوم أمرا.\nفقرة ثانية.")
    assert found.title == "أعلنت الوزارة اليوم أمرا"
    assert found.source == "سانا"


def test_breadcrumb_with_missing_first_letter_gives_the_title() -> None:
    assert breadcrumb_tail("لرئيسية / دولي / موسكو وواشنطن تبحثان") == "موسكو وواشنطن تبحثان"
    assert breadcrumb_tail("الرئيسية » أخبار » عنوان الخبر") == "عنوان الخبر"
    assert breadcrumb_tail("الرئيسية للبلاد") is None


def test_dateline_needs_a_known_agency_or_the_compact_agency_style() -> None:
    assert dateline_source("القاهرة - رويترز") == "رويترز"
    assert dateline_source("دمشق-سانا") == "سانا"
    assert dateline_source("روسيا - تركيا") is None
    assert dateline_source("أعلنت وزارة الدفاع الروسية أن روسيا") is None


def test_short_headline_after_a_spaced_hyphen_is_kept_as_title() -> None:
    assert extract_metadata("روسيا - تركيا\nبدأت القمة اليوم.").title == "روسيا - تركيا"


def test_attribution_lines() -> None:
    assert attribution("(المصدر: وكالة سانا للأنباء، بتاريخ 3/11/2016)") == ("سانا", "2016-11-03")
    assert attribution("Posted from صحيفة تشرين") == ("صحيفة تشرين", "")
    assert attribution("المصدر: رويترز") == ("رويترز", "")
    assert attribution("وقال المصدر إن الاجتماع انتهى") is None


def test_prefixed_byline_and_short_date_line() -> None:
    found = extract_metadata("بقلم: سامي العلي\n٥ آذار ٢٠١٧\nعنوان قصير\nنص الخبر الطويل هنا.")
    assert found.author == "سامي العلي"
    assert found.date == "2017-03-05"


def test_first_sentence_title_is_cut_at_a_word_boundary() -> None:
    words = " ".join(["كلمة"] * 60)
    title = extract_metadata(words + ".\nفقرة ثانية.").title
    assert title.endswith("…")
    assert len(title) <= 101
    assert title[:-1].split() == ["كلمة"] * len(title[:-1].split())


def test_body_dates_do_not_become_the_article_date() -> None:
    text = "عنوان\nقال الوزير إن اتفاق 3/11/2016 ما زال ساريا رغم كل الخروقات التي وقعت منذ ذلك اليوم."
    assert extract_metadata(text).date == ""


def write_sidecar(root: Path, text: str) -> Path:
    path = root / SIDECAR_NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_sidecar_overrides_by_file_and_by_record(tmp_path: Path) -> None:
    write_sidecar(tmp_path, "Path,Title,Date,Source\n"
                            "a.txt,عنوان مصحح,3/11/2016,\n"
                            "news.jsonl,,,رويترز\n"
                            "news.jsonl#2,خبر ثان,,\n"
                            ".\\sub\\b.txt,,,سانا\n")
    sidecar = load_sidecar(tmp_path)
    assert sidecar.problems == ()
    assert apply_sidecar(sidecar, "a.txt", "a.txt") == {"title": "عنوان مصحح",
                                                         "date": "2016-11-03"}
    assert apply_sidecar(sidecar, "news.jsonl", "news.jsonl#1") == {"source": "رويترز"}
    assert apply_sidecar(sidecar, "news.jsonl", "news.jsonl#2") == {"source": "رويترز",
                                                                  "title": "خبر ثان"}
    assert apply_sidecar(sidecar, "sub/b.txt", "sub/b.txt") == {"source": "سانا"}


def test_sidecar_reports_bad_dates_and_keeps_other_cells(tmp_path: Path) -> None:
    write_sidecar(tmp_path, "path,title,date\na.txt,عنوان,أمس\n")
    sidecar = load_sidecar(tmp_path)
    assert apply_sidecar(sidecar, "a.txt", "a.txt") == {"title": "عنوان"}
    assert len(sidecar.problems) == 1
    assert "Row 2" in str(sidecar.problems[0]) and "أمس" in str(sidecar.problems[0])


def test_sidecar_without_path_column_is_a_problem(tmp_path: Path) -> None:
    write_sidecar(tmp_path, "file,title\na.txt,x\n")
    sidecar = load_sidecar(tmp_path)
    assert sidecar.overrides == {}
    assert "path" in str(sidecar.problems[0])


def test_sidecar_is_cached_until_it_changes(tmp_path: Path) -> None:
    path = write_sidecar(tmp_path, "path,title\na.txt,أول\n")
    first = load_sidecar(tmp_path)
    assert load_sidecar(tmp_path) is first
    later = path.stat().st_mtime_ns + 10**9
    path.write_text("path,title\na.txt,ثان\n", encoding="utf-8")  # same size as before
    os.utime(path, ns=(later, later))
    assert apply_sidecar(load_sidecar(tmp_path), "a.txt", "a.txt") == {"title": "ثان"}


def test_missing_sidecar_is_empty(tmp_path: Path) -> None:
    assert load_sidecar(tmp_path).overrides == {}


def test_cp1256_sidecar(tmp_path: Path) -> None:
    (tmp_path / SIDECAR_NAME).write_bytes("path,title\na.txt,عنوان عربي قديم\n".encode("cp1256"))
    assert apply_sidecar(load_sidecar(tmp_path), "a.txt", "a.txt") == {"title": "عنوان عربي قديم"}
