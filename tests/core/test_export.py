"""Exports read back with openpyxl: every sheet, Arabic exactly, hostile text inert, long text
split as documented, right-to-left sheets, real dates; and a file that is complete or not there."""

from __future__ import annotations

import csv
import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from workbench.core.errors import AnnotationError, ExportError
from workbench.core.export import SHEETS, ExportRequest, cells, target
from workbench.core.export.cells import EXCEL_CELL_LIMIT
from workbench.core.progress import CancelToken, Progress
from workbench.core.search import SearchRequest
from workbench.core.workspace import Workspace

LAVROV = "001_31c937c15296effc.txt"
LONG = "long.txt"
FEED = "feed.jsonl"
HOSTILE_NOTE = "=HYPERLINK(\"http://evil.example\",\"اضغط\")\x01\x07\ufffe\uffff"
LONG_WORDS = ("هدنة حلب وقف إطلاق النار في سورية ومفاوضات جنيف. " * 900)


@pytest.fixture
def corpus(seeds_copy: Path) -> Path:
    text = "مقال طويل جدا عن الهدنة\n" + LONG_WORDS
    assert len(text) > 40_000
    (seeds_copy / LONG).write_text(text, encoding="utf-8")
    records = [
        {"title": "+1+2 عنوان يبدأ بعلامة", "content": "@SUM(A1) نص عن حلب والهدنة", "source": "-سانا",
         "date": "2016-11-05", "url": "https://example.org/خبر?id=1"},
        {"title": "رابط خطر", "content": "نص آخر عن حلب", "source": "تشرين", "date": "2016-13-40",
         "url": "javascript:alert(1)"},
    ]
    (seeds_copy / FEED).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return seeds_copy


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """A folder for export files only (the corpus is beside it)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def workspace(corpus: Path) -> Iterator[Workspace]:
    opened = Workspace.open(corpus)
    opened.update()
    yield opened
    opened.close()


def _rows(sheet: Worksheet) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def _by_id(sheet: Worksheet) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in _rows(sheet)}


def test_every_sheet_reads_back_with_the_articles_their_marks_and_the_concordance(
        workspace: Workspace, out_dir: Path) -> None:
    workspace.userdata.tag([LAVROV], ["هدنة", "لافروف"])
    workspace.userdata.set_note(LAVROV, "تصريح مهم\nيستحق المتابعة")
    out = out_dir / "حلب.xlsx"
    report = workspace.export(ExportRequest(out, SearchRequest("حلب")))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Articles", "Hits", "Entities", "Mentions", "About"]

    articles = _by_id(book["Articles"])
    assert set(articles) == set(workspace.engine.search_ids(SearchRequest("حلب"))) == set(articles)
    lavrov = articles[LAVROV]
    original = workspace.index.article(LAVROV)
    assert (lavrov["title"], lavrov["source"], lavrov["text"]) == (original.title, original.source, original.text)
    assert lavrov["tags"] == "هدنة; لافروف" and lavrov["note"] == "تصريح مهم\nيستحق المتابعة"
    assert lavrov["words"] == len(original.text.split()) and lavrov["status"] is None
    assert "سيرغي لافروف" in lavrov["top entities"]

    hits = _rows(book["Hits"])
    assert len(hits) == report.hits > len(articles)
    for hit in hits:
        text = workspace.index.article(hit["article id"]).text
        assert text[hit["offset"]:hit["offset"] + len(hit["match"])] == hit["match"]
        assert "حلب" in hit["match"] and hit["context before"] in text.replace("\n", " ")

    entities = _rows(book["Entities"])
    assert len(entities) == report.entities and all(isinstance(e["articles"], int) for e in entities)
    mentions = _rows(book["Mentions"])
    assert len(mentions) == report.mentions
    first = mentions[0]
    text = workspace.index.article(first["article id"]).text
    assert text[first["offset"]:first["offset"] + len(first["as written"])] == first["as written"]
    assert first["as written"] in first["sentence"]

    about = {row["item"]: row["value"] for row in _rows(book["About"])}
    assert about["query"] == "حلب" and about["articles"] == len(articles) and about["hits"] == len(hits)
    assert about["corpus"] == str(workspace.corpus)


def test_sheets_are_right_to_left_with_a_bold_frozen_filtered_header(workspace: Workspace, out_dir: Path) -> None:
    out = out_dir / "all.xlsx"
    workspace.export(ExportRequest(out))
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        assert sheet.sheet_view.rightToLeft == (sheet.title != "About")
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.b for cell in sheet[1])
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    articles = book["Articles"]
    assert articles.column_dimensions["M"].width == 90 and articles["M2"].alignment.wrap_text


def test_dates_are_dates_numbers_numbers_and_only_web_links_are_links(workspace: Workspace, out_dir: Path) -> None:
    out = out_dir / "feed.xlsx"
    workspace.export(ExportRequest(out, SearchRequest("حلب"), sheets=("articles",)))
    sheet = openpyxl.load_workbook(out)["Articles"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0].value: dict(zip(header, row, strict=False)) for row in sheet.iter_rows(min_row=2)}
    first, second = rows[f"{FEED}#1"], rows[f"{FEED}#2"]
    assert first["date"].is_date and first["date"].value == datetime.datetime(2016, 11, 5)
    assert first["date"].number_format == "yyyy-mm-dd"
    assert second["date"].value is None  # 2016-13-40 is no date
    assert first["words"].data_type == "n"
    assert first["url"].hyperlink.target == "https://example.org/خبر?id=1"
    assert second["url"].value == "javascript:alert(1)" and second["url"].hyperlink is None


def test_hostile_text_stays_text_and_forbidden_characters_are_removed_and_counted(
        workspace: Workspace, out_dir: Path) -> None:
    workspace.userdata.set_note(LAVROV, HOSTILE_NOTE)
    workspace.userdata.tag([LAVROV], ["=cmd|' /C calc'!A0"])
    out = out_dir / "hostile.xlsx"
    report = workspace.export(ExportRequest(out, SearchRequest("حلب")))
    book = openpyxl.load_workbook(out)
    articles = {row[0].value: row for row in book["Articles"].iter_rows(min_row=2)}
    header = [cell.value for cell in book["Articles"][1]]
    lavrov = dict(zip(header, articles[LAVROV], strict=False))
    assert lavrov["note"].value == '=HYPERLINK("http://evil.example","اضغط")' and lavrov["note"].data_type == "s"
    assert lavrov["tags"].value.startswith("=cmd") and lavrov["tags"].data_type == "s"
    feed = dict(zip(header, articles[f"{FEED}#1"], strict=False))
    assert feed["title"].value.startswith("+1+2") and feed["source"].value == "-سانا"
    assert all(cell.data_type != "f" for sheet in book.worksheets for row in sheet.iter_rows() for cell in row)
    about = [row[1] for row in book["About"].iter_rows(min_row=2, values_only=True)]
    assert any("4 characters that a spreadsheet file cannot hold" in str(value) for value in about)
    assert any("stored as text, never as formulas" in note for note in report.notes)
    assert report.removed_characters == 4 and report.neutralised >= 4  # note, tag, title, source (and more)


def test_a_40000_character_article_continues_in_the_next_columns(workspace: Workspace, out_dir: Path) -> None:
    out = out_dir / "long.xlsx"
    report = workspace.export(ExportRequest(out, SearchRequest("title:طويل"), sheets=("articles", "about")))
    book = openpyxl.load_workbook(out)
    sheet = book["Articles"]
    header = [cell.value for cell in sheet[1]]
    assert header[-2:] == ["text", "text (2)"]
    row = dict(zip(header, next(sheet.iter_rows(min_row=2, values_only=True)), strict=True))
    text = workspace.index.article(LONG).text
    assert len(row["text"]) == EXCEL_CELL_LIMIT and row["text"] + row["text (2)"] == text
    about = " ".join(str(v) for _, v in book["About"].iter_rows(min_row=2, values_only=True))
    assert f"{LONG}: text, {len(text):,} characters in 2 cells" in about
    assert any("continue in the next columns" in note for note in report.notes) and report.split == 1


def test_curation_is_applied_to_the_entities_and_mentions(workspace: Workspace, out_dir: Path) -> None:
    lavrov = next(e for e in workspace.entities.entities() if e.name == "سيرغي لافروف")
    aleppo = next(e for e in workspace.entities.entities() if e.name == "حلب")
    workspace.entities.rename(lavrov.id, "Sergey Lavrov")
    workspace.entities.hide(aleppo.id)
    out = out_dir / "curated.xlsx"
    workspace.export(ExportRequest(out, SearchRequest("لافروف")))
    book = openpyxl.load_workbook(out)
    names = {row["name"] for row in _rows(book["Entities"])}
    assert "Sergey Lavrov" in names and "سيرغي لافروف" not in names and "حلب" not in names
    mentioned = {row["entity"] for row in _rows(book["Mentions"])}
    assert "Sergey Lavrov" in mentioned and "حلب" not in mentioned


def test_a_selection_exports_its_missing_articles_from_the_store(corpus: Path, out_dir: Path) -> None:
    workspace = Workspace.open(corpus)
    workspace.update()
    workspace.userdata.add_to_selection("Aleppo truce", [LAVROV, LONG])
    workspace.userdata.set_note(LAVROV, "مفقود الآن")
    title = workspace.index.article(LAVROV).title
    (corpus / LAVROV).unlink()
    workspace.update()
    out = out_dir / "selection.xlsx"
    report = workspace.export(ExportRequest(out, selection="aleppo truce"))
    workspace.close()
    articles = _by_id(openpyxl.load_workbook(out)["Articles"])
    assert set(articles) == {LAVROV, LONG} and report.missing == 1
    assert (articles[LAVROV]["status"], articles[LAVROV]["note"], articles[LAVROV]["title"]) == (
        "missing", "مفقود الآن", title)


def test_csv_is_utf8_with_bom_and_neutralises_formulas(workspace: Workspace, out_dir: Path) -> None:
    workspace.userdata.set_note(LAVROV, HOSTILE_NOTE)
    out = out_dir / "articles.csv"
    report = workspace.export(ExportRequest(out, SearchRequest("حلب")))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = {row["id"]: row for row in csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True))}
    assert rows[LAVROV]["note"] == "'" + HOSTILE_NOTE  # CSV can hold any character: only formulas are disarmed
    assert rows[f"{FEED}#1"]["title"].startswith("'+1+2") and rows[f"{FEED}#1"]["source"] == "'-سانا"
    assert rows[LAVROV]["text"] == workspace.index.article(LAVROV).text
    assert report.articles == len(rows) and any("leading '" in note for note in report.notes)
    assert report.neutralised == sum(value.startswith("'") for row in rows.values() for value in row.values())


def test_json_lines_hold_one_table_with_whole_texts(workspace: Workspace, out_dir: Path) -> None:
    out = out_dir / "hits.jsonl"
    workspace.export(ExportRequest(out, SearchRequest("هدنة"), sheets=("hits",)))
    hits = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert hits and all(set(hit) == {"context before", "match", "context after", "offset", "article id", "title",
                                     "source", "date"} for hit in hits)
    out = out_dir / "articles.jsonl"
    workspace.export(ExportRequest(out, SearchRequest("title:طويل")))
    [article] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert article["text"] == workspace.index.article(LONG).text and article["date"] is None


@pytest.mark.parametrize("name, sheets, message", [
    ("out.xls", SHEETS, "must end in .xlsx, .csv or .jsonl"),
    ("out.csv", ("articles", "hits"), "holds one table"),
    ("out.xlsx", ("articles", "charts"), "Unknown table 'charts'"),
])
def test_impossible_requests_are_refused_before_anything_is_written(
        workspace: Workspace, out_dir: Path, name: str, sheets: tuple[str, ...], message: str) -> None:
    with pytest.raises(ExportError, match=message):
        workspace.export(ExportRequest(out_dir / name, sheets=sheets))
    assert list(out_dir.iterdir()) == []


def test_an_unknown_selection_is_refused(workspace: Workspace, out_dir: Path) -> None:
    with pytest.raises(AnnotationError, match="no selection named 'nope'"):
        workspace.export(ExportRequest(out_dir / "x.xlsx", selection="nope"))


def test_cancel_leaves_no_file_and_keeps_the_existing_one(workspace: Workspace, out_dir: Path) -> None:
    out = out_dir / "kept.xlsx"
    out.write_bytes(b"the previous export")
    cancel = CancelToken()
    seen: list[Progress] = []

    def progress(report: Progress) -> None:
        seen.append(report)
        cancel.cancel()

    report = workspace.export(ExportRequest(out), progress=progress, cancel=cancel)
    assert report.cancelled and seen[0].phase == "export" and seen[0].total > 0
    assert out.read_bytes() == b"the previous export" and [p.name for p in out_dir.iterdir()] == ["kept.xlsx"]


def test_a_failed_export_leaves_no_file_and_keeps_the_existing_one(
        workspace: Workspace, out_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = out_dir / "kept.csv"
    out.write_text("previous", encoding="utf-8")

    def failing(text: str) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cells.CellCleaner, "csv_text", lambda self, text: failing(text))
    with pytest.raises(ExportError, match="the disk is full"):
        workspace.export(ExportRequest(out))
    assert out.read_text(encoding="utf-8") == "previous" and [p.name for p in out_dir.iterdir()] == ["kept.csv"]


def test_a_missing_folder_or_a_folder_as_target_gets_a_message_naming_the_file(
        workspace: Workspace, out_dir: Path) -> None:
    with pytest.raises(ExportError, match=r"Cannot write .*nowhere.*out\.xlsx: the folder .* does not exist"):
        workspace.export(ExportRequest(out_dir / "nowhere" / "out.xlsx"))
    (out_dir / "folder.xlsx").mkdir()
    with pytest.raises(ExportError, match=r"folder\.xlsx: it is a folder"):
        workspace.export(ExportRequest(out_dir / "folder.xlsx"))


def test_a_locked_target_or_a_read_only_folder_gets_a_message_naming_the_file(
        workspace: Workspace, out_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = out_dir / "open-in-excel.xlsx"
    out.write_bytes(b"kept")

    def locked(source: str, destination: str) -> None:
        raise PermissionError(13, "Permission denied", destination)

    with monkeypatch.context() as patch:  # Windows refuses to replace a file Excel has open
        patch.setattr(target.os, "replace", locked)
        with pytest.raises(ExportError, match=r"open-in-excel\.xlsx: it is open in another program"):
            workspace.export(ExportRequest(out))
    assert out.read_bytes() == b"kept" and len(list(out_dir.iterdir())) == 1

    def read_only(self: Path, *args: Any, **kwargs: Any) -> Any:
        raise OSError(30, "Read-only file system", str(self))

    monkeypatch.setattr(target.Path, "open", read_only)
    with pytest.raises(ExportError, match=r"new\.xlsx: the folder .* is read-only"):
        workspace.export(ExportRequest(out_dir / "new.xlsx"))
