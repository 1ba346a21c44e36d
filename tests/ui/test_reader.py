"""The reader: forced right-to-left, Amiri, background-only match highlights at original offsets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from pytestqt.qtbot import QtBot

from workbench.core.ingest import Article
from workbench.ui.widgets.reader import BOILERPLATE_COLOUR, ReaderPane, to_qt_position, utf16_positions

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
    assert "سانا" in reader.meta_label.text() and "2016-11-03" in reader.meta_label.text()
    assert reader.path_label.text() == "sub/a.txt" and reader.open_folder_button.isEnabled()
    assert reader.match_label.text() == "No matches in this article"
    reader.clear()
    assert reader.article is None and reader.text_edit.toPlainText() == ""
    assert not reader.open_folder_button.isEnabled()


def test_open_containing_folder_uses_the_desktop(qtbot: QtBot, monkeypatch, tmp_path) -> None:
    opened = []
    monkeypatch.setattr("workbench.ui.widgets.reader.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()))
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_article(article(), [], corpus=tmp_path)
    qtbot.mouseClick(reader.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path / "sub")]
