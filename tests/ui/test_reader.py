"""The reader: forced right-to-left, Amiri, background-only match highlights at original offsets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget
from pytestqt.qtbot import QtBot

from workbench.core.ingest import Article
from workbench.ui.widgets.article_text import BOILERPLATE_COLOUR, to_qt_position, utf16_positions
from workbench.ui.widgets.reader import ReaderPane

TEXT = (
    "الرئيسية / دولي\n"
    "Reuters: قال وزير الخارجية سيرغي لافروف إن المحادثات مستمرة.\n"
    "وأضاف لافروف أن الحل سياسي."
)


def article(text: str = TEXT, boilerplate: tuple[tuple[int, int], ...] = ((0, 15),)) -> Article:
    return Article(id="a.txt", path="sub/a.txt", title="لافروف في جنيف", source="سانا", date="2016-11-03", url="",
                   author="", text=text, boilerplate=boilerplate, content_hash="0")


def spans_of(text: str, word: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(word)
    while start >= 0:
        spans.append((start, start + len(word)))
        start = text.find(word, start + 1)
    return spans


def test_every_paragraph_is_right_to_left_even_if_it_starts_in_latin(qtbot: QtBot) -> None:
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_article(article(), [])
    document = reader.text_edit.document()
    assert document.defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    block = document.begin()
    directions = []
    while block.isValid():
        directions.append(block.textDirection())
        block = block.next()
    assert block_count(reader) == 3
    assert directions == [Qt.LayoutDirection.RightToLeft] * 3


def block_count(reader: ReaderPane) -> int:
    return reader.text_edit.document().blockCount()


def test_amiri_font_and_size_control(qtbot: QtBot) -> None:
    reader = ReaderPane(font_size=18)
    qtbot.addWidget(reader)
    assert QFontInfo(reader.text_edit.font()).family() == "Amiri"
    with qtbot.waitSignal(reader.font_size_changed) as blocker:
        reader.set_font_size(24)
    assert blocker.args == [24]
    assert reader.text_edit.font().pointSize() == 24


def test_matches_are_highlighted_with_background_only_and_navigable(qtbot: QtBot) -> None:
    reader = ReaderPane()
    qtbot.addWidget(reader)
    spans = spans_of(TEXT, "لافروف")
    reader.show_article(article(), spans)
    assert reader.highlighted_ranges() == spans
    for selection in reader.text_edit.extraSelections():
        fmt = selection.format
        assert fmt.background().style() != Qt.BrushStyle.NoBrush
        assert not fmt.hasProperty(fmt.Property.FontWeight) and not fmt.hasProperty(fmt.Property.FontPointSize)
        assert selection.cursor.selectedText() == "لافروف"
    assert reader.match_label.text() == "Match 1 of 2"
    reader.next_match()
    assert reader.current_match == 1 and reader.text_edit.textCursor().position() == spans[1][0]
    reader.next_match()
    assert reader.current_match == 0
    reader.previous_match()
    assert reader.current_match == 1


def test_a_narrow_reader_shows_the_match_count_in_short(qtbot: QtBot) -> None:
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_article(article(), spans_of(TEXT, "لافروف"))
    reader.show()
    qtbot.waitExposed(reader)
    label = reader.match_label
    narrowest = reader.minimumSizeHint().width()
    reader.resize(narrowest + label.fontMetrics().horizontalAdvance("Match 1 of 2") + 20, 400)
    qtbot.waitUntil(lambda: label.text() == "Match 1 of 2")
    reader.resize(narrowest + label.fontMetrics().horizontalAdvance("1/2") + 20, 400)
    qtbot.waitUntil(lambda: label.text() == "1/2")
    assert label.full_text() == label.toolTip() == "Match 1 of 2"


def test_boilerplate_is_dimmed_not_hidden(qtbot: QtBot) -> None:
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_article(article(), [])
    assert reader.text_edit.toPlainText() == TEXT
    assert reader.boilerplate_ranges() == [(0, 15)]
    cursor = reader.text_edit.textCursor()
    cursor.setPosition(3)
    assert cursor.charFormat().foreground().color() == BOILERPLATE_COLOUR


def test_offsets_after_characters_outside_the_bmp_are_mapped(qtbot: QtBot) -> None:
    text = "📰 عاجل: لافروف في جنيف"
    astral = utf16_positions(text)
    assert astral == [0]
    start = text.index("لافروف")
    assert to_qt_position(start, astral) == start + 1
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_article(article(text, ()), [(start, start + 6)])
    assert reader.text_edit.extraSelections()[0].cursor.selectedText() == "لافروف"


def test_header_shows_metadata_and_clear_resets(qtbot: QtBot) -> None:
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_article(article(), [])
    assert reader.title_label.text() == "لافروف في جنيف"
    assert "سانا" in reader.meta_label.full_text() and "2016-11-03" in reader.meta_label.full_text()
    assert reader.path_label.full_text() == "File: \u2068sub/a.txt\u2069" and reader.open_folder_button.isEnabled()
    assert reader.match_label.full_text() == "No matches in this article"
    reader.clear()
    assert reader.article is None and reader.text_edit.toPlainText() == ""
    assert not reader.open_folder_button.isEnabled()


def test_open_containing_folder_uses_the_desktop(qtbot: QtBot, monkeypatch, tmp_path) -> None:
    opened = []
    monkeypatch.setattr("workbench.ui.widgets.article_header.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_article(article(), [], corpus=tmp_path)
    qtbot.mouseClick(reader.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path / "sub")]


def collection_article() -> Article:
    text = "\n\n".join(f"فقرة رقم {n} عن الأخبار اليومية في المنطقة والعالم." for n in range(60))
    text += "\nوفي الختام قال لافروف إن الحل سياسي.\n" + "\n\n".join("سطر إضافي بعد الخبر." for _ in range(40))
    return Article(id="news.jsonl#12", path="news.jsonl", title="لافروف: الحل سياسي", source="سانا",
                   date="2016-11-03", url="https://sana.sy/?p=464217", author="مراسل سانا", text=text,
                   boilerplate=(), content_hash="1")


def test_header_shows_url_file_record_and_copies_a_citation(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.resize(600, 500)
    reader.show()
    reader.show_article(collection_article(), [])
    header = reader.header
    assert "مراسل سانا" in header.meta_label.full_text()
    assert header.url_label.href() == "https://sana.sy/?p=464217" and header.url_label.isVisible()
    assert header.location_label.full_text() == "File: \u2068news.jsonl\u2069, record 12"
    opened: list[QUrl] = []
    monkeypatch.setattr("workbench.ui.widgets.article_header.QDesktopServices.openUrl", opened.append)
    header.url_label.linkActivated.emit(header.url_label.href())
    assert opened == [QUrl("https://sana.sy/?p=464217")]
    with qtbot.waitSignal(header.citation_copied) as copied:
        qtbot.mouseClick(header.copy_button, Qt.MouseButton.LeftButton)
    citation = "سانا, 2016-11-03, “لافروف: الحل سياسي”, https://sana.sy/?p=464217"
    assert copied.args == [citation] and QGuiApplication.clipboard().text() == citation


def test_the_match_shown_is_in_the_middle_of_the_view(qtbot: QtBot) -> None:
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.resize(500, 500)
    reader.show()
    qtbot.waitExposed(reader)
    item = collection_article()
    spans = spans_of(item.text, "لافروف")
    reader.show_article(item, spans)
    assert 0.35 < reader.match_position() < 0.65
    assert reader.text_edit.verticalScrollBar().value() > 0


def test_an_article_opens_at_the_occurrence_asked_for(qtbot: QtBot) -> None:
    reader = ReaderPane()
    qtbot.addWidget(reader)
    spans = spans_of(TEXT, "لافروف")
    reader.show_article(article(), spans, current=1)
    assert reader.current_match == 1
    assert reader.text_edit.textCursor().position() == spans[1][0]
    assert reader.match_label.full_text() == "Match 2 of 2"


def test_opening_articles_never_moves_the_splitter(qtbot: QtBot) -> None:
    splitter = QSplitter()
    qtbot.addWidget(splitter)
    splitter.addWidget(QWidget())
    reader = ReaderPane()
    splitter.addWidget(reader)
    splitter.resize(900, 500)
    splitter.show()
    qtbot.waitExposed(splitter)
    splitter.setSizes([520, 380])
    sizes = splitter.sizes()
    long_title = Article(id="x", path="a/" * 40 + "very-long-file-name.txt", title="عنوان " * 40, source="سانا",
                         date="2016-11-03", url="https://example.org/" + "path/" * 50, author="", text=TEXT,
                         boilerplate=(), content_hash="2")
    for shown, spans in ((article(), spans_of(TEXT, "لافروف")), (long_title, []), (collection_article(), [])):
        reader.show_article(shown, spans)
        qtbot.wait(10)
        assert splitter.sizes() == sizes
