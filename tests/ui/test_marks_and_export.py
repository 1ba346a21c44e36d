"""Selections, tags, notes and export through the GUI: tick articles in the results, the
concordance and the reader, tag one, write a note, manage selections in the dock, export through
File ▸ Export… and read the workbook back; the marks survive a re-index, an index rebuild and a
restart of the app; a cancelled export leaves no file."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QDesktopServices, Qt
from pytestqt.qtbot import QtBot

from workbench.core import paths
from workbench.core.export import ExportReport
from workbench.core.index import UpdateReport
from workbench.core.search import SearchResults
from workbench.core.workspace import Workspace
from workbench.ui import settings as S
from workbench.ui.dialogs import export_dialog
from workbench.ui.main_window import MainWindow
from workbench.ui.models.results_model import ResultsModel
from workbench.ui.widgets import selections_panel

from .conftest import type_text

OpenAndIndex = Callable[[MainWindow, Path], UpdateReport]
TypeSearch = Callable[[MainWindow, str], SearchResults]
TRUCE = "004_e1c235ee45bedba9.txt"
TIMEOUT = 30_000


def wait_marks(qtbot: QtBot, window: MainWindow, action: Callable[[], object]) -> None:
    """Do something that changes the marks and wait until the views have the new snapshot."""
    with qtbot.waitSignal(window.marks.changed, timeout=TIMEOUT):
        action()


def row_of(window: MainWindow, article_id: str) -> int:
    model = window.results_model
    return next(row for row in range(model.rowCount()) if model.hit(row).id == article_id)


def check_state(window: MainWindow, row: int) -> Qt.CheckState:
    return Qt.CheckState(window.results_model.index(row, ResultsModel.TICKED).data(Qt.ItemDataRole.CheckStateRole))


def click_checkbox(qtbot: QtBot, window: MainWindow, row: int) -> None:
    view = window.results_view
    rect = view.visualRect(window.results_model.index(row, ResultsModel.TICKED))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_tick_tag_note_and_export_through_the_gui(
    qtbot: QtBot, window: MainWindow, seeds_copy: Path, open_and_index: OpenAndIndex, type_search: TypeSearch,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_and_index(window, seeds_copy)
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 5, timeout=TIMEOUT)
    assert window.marks.current == ""

    # A click on a checkbox ticks the article into a selection the first tick makes.
    wait_marks(qtbot, window, lambda: click_checkbox(qtbot, window, 0))
    assert window.marks.current == "My selection"
    assert check_state(window, 0) == Qt.CheckState.Checked
    assert _items(window) == ["My selection (1)"]

    # Space ticks the selected rows (two at once, Shift+Down extends the selection).
    window.results_view.setFocus()
    window.results_view.select_row(1)
    qtbot.keyClick(window.results_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert window.results_view.selected_rows() == [1, 2]
    wait_marks(qtbot, window, lambda: qtbot.keyClick(window.results_view, Qt.Key.Key_Space))
    assert [check_state(window, row) for row in range(5)] == [Qt.CheckState.Checked] * 3 + [Qt.CheckState.Unchecked] * 2
    # ... and again unticks them.
    wait_marks(qtbot, window, lambda: qtbot.keyClick(window.results_view, Qt.Key.Key_Space))
    assert [check_state(window, row) for row in range(3)] == [Qt.CheckState.Checked] + [Qt.CheckState.Unchecked] * 2

    # A new selection (named through the dock) becomes the current one; ticks go into it.
    monkeypatch.setattr(selections_panel, "ask_name", lambda *args, **kwargs: "هدنة حلب")
    wait_marks(qtbot, window, window.selections_panel.new_selection)
    assert window.marks.current == "هدنة حلب"
    assert check_state(window, 0) == Qt.CheckState.Unchecked  # the checkboxes show the current selection

    # The reader: open the truce article, tick it, tag it (completion from the corpus's tags), write a note.
    results = type_search(window, "هدنة")
    assert TRUCE in {results.hit(i).id for i in range(len(results))}
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        window.results_view.select_row(row_of(window, TRUCE))
    panel = window.article_marks
    assert panel.article_id == TRUCE and "هدنة حلب" in panel.tick_box.text()
    box = panel.tick_box
    wait_marks(qtbot, window, lambda: qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2)))
    assert check_state(window, row_of(window, TRUCE)) == Qt.CheckState.Checked
    panel.tags_edit.setFocus()
    type_text(panel.tags_edit, "هدنة، حلب")
    wait_marks(qtbot, window, lambda: qtbot.keyClick(panel.tags_edit, Qt.Key.Key_Return))
    assert window.marks.marks_of(TRUCE).tags == ("هدنة", "حلب")
    index = window.results_model.index(row_of(window, TRUCE), ResultsModel.TITLE)
    assert "هدنة" in index.data(Qt.ItemDataRole.ToolTipRole)
    panel.note_edit.setFocus()
    type_text(panel.note_edit, "مصدر مهم")
    wait_marks(qtbot, window, lambda: qtbot.wait(50))  # saved after a short pause in typing
    assert window.marks.marks_of(TRUCE).note == "مصدر مهم"

    # The concordance: Space ticks the article of the current line.
    window.show_concordance()
    table = window.concordance_view.table
    qtbot.waitUntil(lambda: window.concordance_view.line_count() > 0, timeout=TIMEOUT)
    untick_line = next(row for row in range(window.concordance_view.model.rowCount())
                       if window.results_model.hit(window.concordance_view.model.line(row).row).id != TRUCE)
    other = window.results_model.hit(window.concordance_view.model.line(untick_line).row).id
    table.setFocus()
    window.concordance_view.select_line(untick_line)
    wait_marks(qtbot, window, lambda: qtbot.keyClick(table, Qt.Key.Key_Space))
    assert window.marks.is_ticked(other)

    # "Add all results to the selection" puts every hit in it.
    wait_marks(qtbot, window, window.menus.add_results_action.trigger)
    assert {s.name: s.articles for s in window.marks.snapshot.selections} == {"My selection": 1,
                                                                             "هدنة حلب": len(results)}

    # File ▸ Export…: the selection, every sheet, to an .xlsx chosen in the (patched) save dialog.
    out = tmp_path / "out" / "هدنة.xlsx"
    out.parent.mkdir()
    monkeypatch.setattr(export_dialog, "choose_file", lambda *args: str(out))
    window.menus.export_action.trigger()
    dialog = window.export_dialog
    assert dialog is not None and dialog.isVisible() and dialog.selection_radio.isChecked()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.file_edit.text() == str(out)
    with qtbot.waitSignal(window.session.export_finished, timeout=TIMEOUT) as finished:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        # Searching goes on while the file is written.
        type_search(window, "لافروف")
    report: ExportReport = finished.args[0]
    assert not report.cancelled and report.articles == len(results)
    assert dialog.open_button.isVisible() and "هدنة.xlsx" in dialog.status_label.text()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(out), str(out.parent)]

    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Articles", "Hits", "Entities", "Mentions", "About"]
    articles = workbook["Articles"]
    header = [cell.value for cell in articles[1]]
    rows = {row[0]: dict(zip(header, row, strict=False)) for row in articles.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {results.hit(i).id for i in range(len(results))}
    assert rows[TRUCE]["note"] == "مصدر مهم" and "هدنة" in rows[TRUCE]["tags"] and "حلب" in rows[TRUCE]["tags"]
    assert articles.sheet_view.rightToLeft
    about = {row[0]: row[1] for row in workbook["About"].iter_rows(values_only=True)}
    assert any("هدنة حلب" in str(value) for value in about.values())


def test_a_cancelled_export_leaves_no_file(
    qtbot: QtBot, window: MainWindow, seeds_copy: Path, open_and_index: OpenAndIndex, tmp_path: Path,
) -> None:
    open_and_index(window, seeds_copy)
    dialog = window.show_export()
    assert dialog is not None and not dialog.selection_radio.isEnabled()  # no selection yet
    dialog.set_what("corpus")
    out = tmp_path / "corpus.xlsx"
    dialog.file_edit.setText(str(out))
    # Cancel before the export's first row: the job is queued behind nothing, so cancel at once.
    with qtbot.waitSignal(window.session.export_finished, timeout=TIMEOUT) as finished:
        dialog.start()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].cancelled
    assert not out.exists() and list(tmp_path.glob("*.xlsx*")) == []
    assert "no file was written" in dialog.status_label.text() and not dialog.open_button.isVisible()

    # A target in a folder that does not exist: a clear message naming the file.
    dialog.file_edit.setText(str(tmp_path / "nowhere" / "x.csv"))
    dialog.sheet_boxes["hits"].setChecked(False)
    dialog.sheet_boxes["entities"].setChecked(False)
    assert "one table" in dialog.sheets_hint.text() and not dialog.export_button.isEnabled()
    dialog.sheet_boxes["mentions"].setChecked(False)
    assert dialog.export_button.isEnabled()
    with qtbot.waitSignal(window.session.export_failed, timeout=TIMEOUT):
        dialog.start()
    assert "x.csv" in dialog.status_label.text() and "does not exist" in dialog.status_label.text()


def test_selections_are_renamed_opened_and_deleted_in_the_dock(
    qtbot: QtBot, window: MainWindow, seeds_copy: Path, open_and_index: OpenAndIndex, monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_and_index(window, seeds_copy)
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 5, timeout=TIMEOUT)
    monkeypatch.setattr(selections_panel, "ask_name", lambda *args, **kwargs: "Aleppo truce")
    wait_marks(qtbot, window, window.selections_panel.new_selection)
    wait_marks(qtbot, window, lambda: window.marks.tick([window.results_model.hit(row).id for row in (0, 3)], True))
    panel = window.selections_panel
    panel.list.setCurrentRow(0)
    renamed = 'SANA "only" «سانا»'  # quote marks in a name survive into the query that lists it
    monkeypatch.setattr(selections_panel, "ask_name", lambda *args, **kwargs: renamed)
    wait_marks(qtbot, window, panel.rename_selection)
    assert _items(window) == [f"{renamed} (2)"] and window.marks.current == renamed

    with qtbot.waitSignal(window.search_finished, timeout=TIMEOUT) as searched:
        panel.list.itemActivated.emit(panel.list.item(0))
    assert window.search_panel.query_edit.text() == r'selection:"SANA \"only\" \«سانا\»"'
    assert len(searched.args[0]) == 2

    monkeypatch.setattr(selections_panel, "confirm", lambda *args: False)
    panel.delete_selection()
    assert _items(window) == [f"{renamed} (2)"]
    monkeypatch.setattr(selections_panel, "confirm", lambda *args: True)
    wait_marks(qtbot, window, panel.delete_selection)
    assert _items(window) == [] and window.marks.current == ""


def test_marks_survive_a_reindex_a_rebuilt_index_and_a_restart(
    qtbot: QtBot, window: MainWindow, seeds_copy: Path, open_and_index: OpenAndIndex,
) -> None:
    open_and_index(window, seeds_copy)
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 5, timeout=TIMEOUT)
    wait_marks(qtbot, window, lambda: window.marks.tick([TRUCE], True))
    wait_marks(qtbot, window, lambda: window.marks.set_tags(TRUCE, ["هدنة"]))
    wait_marks(qtbot, window, lambda: window.marks.set_note(TRUCE, "ملاحظة تبقى"))
    gone = next(window.results_model.hit(row).id for row in range(5) if window.results_model.hit(row).id != TRUCE)
    wait_marks(qtbot, window, lambda: window.marks.set_note(gone, "ملفه سيحذف"))

    def expect_marks(main: MainWindow, missing: int) -> None:
        qtbot.waitUntil(lambda: main.marks.marks_of(TRUCE).note == "ملاحظة تبقى", timeout=TIMEOUT)
        assert main.marks.marks_of(TRUCE).tags == ("هدنة",)
        assert main.marks.current == "My selection" and main.marks.is_ticked(TRUCE)
        qtbot.waitUntil(lambda: len(main.marks.snapshot.missing) == missing, timeout=TIMEOUT)

    (seeds_copy / gone).unlink()  # re-index: one file gone, its note kept, shown as missing
    with qtbot.waitSignal(window.marks.changed, timeout=TIMEOUT), \
            qtbot.waitSignal(window.indexing_finished, timeout=TIMEOUT):
        window.update_index()
    expect_marks(window, 1)
    assert window.marks.snapshot.missing[gone].note == "ملفه سيحذف"

    window.close()  # restart, the index rebuilt from nothing
    shutil.rmtree(paths.index_dir(seeds_copy))
    again = MainWindow(S.Settings())
    qtbot.addWidget(again)
    open_and_index(again, seeds_copy)
    expect_marks(again, 1)
    qtbot.waitUntil(lambda: again.results_model.rowCount() == 4, timeout=TIMEOUT)
    assert check_state(again, row_of(again, TRUCE)) == Qt.CheckState.Checked
    again.close()
    workspace = Workspace.open(seeds_copy)  # the core reads what the GUI wrote
    try:
        assert workspace.userdata.note(TRUCE) == "ملاحظة تبقى"
    finally:
        workspace.close()


def _items(window: MainWindow) -> list[str]:
    """The texts of the selections dock's list, without the isolate marks around names."""
    panel = window.selections_panel
    return [re.sub("[\u2066-\u2069]", "", panel.list.item(row).text()) for row in range(panel.list.count())]


def test_the_current_selection_is_remembered_for_the_next_run(
    qtbot: QtBot, window: MainWindow, seeds_copy: Path, open_and_index: OpenAndIndex, monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_and_index(window, seeds_copy)
    for name in ("Aleppo truce", "SANA only"):  # each new selection becomes the current one
        monkeypatch.setattr(selections_panel, "ask_name", lambda *args, name=name, **kwargs: name)
        window.selections_panel.new_selection()
        qtbot.waitUntil(lambda name=name: window.marks.current == name, timeout=TIMEOUT)
    assert [selection.name for selection in window.marks.snapshot.selections] == ["Aleppo truce", "SANA only"]
    window.close()

    def restarted() -> MainWindow:
        again = MainWindow(S.Settings())
        qtbot.addWidget(again)
        with qtbot.waitSignal(again.marks.changed, timeout=TIMEOUT):
            open_and_index(again, seeds_copy)
        return again

    again = restarted()
    assert again.marks.current == "SANA only"
    again.marks.tick([TRUCE], True)  # ticks go where they went last time
    qtbot.waitUntil(lambda: again.marks.marks_of(TRUCE).selections == ("SANA only",), timeout=TIMEOUT)
    again.marks.delete_selection("SANA only")  # gone: the first selection is current, and remembered
    qtbot.waitUntil(lambda: again.marks.current == "Aleppo truce", timeout=TIMEOUT)
    again.close()
    assert restarted().marks.current == "Aleppo truce"


def test_the_export_message_says_what_was_cleaned(
    qtbot: QtBot, window: MainWindow, seeds_copy: Path, open_and_index: OpenAndIndex, tmp_path: Path,
) -> None:
    """Hostile text (a formula-like title and note, a control character, a 40,000-character article)
    is exported safely, and the dialog's message counts each kind of clean-up, as the core did it."""
    body = "أعلنت الوزارة " + "هدنة حلب " * 4500  # about 40,000 characters
    (seeds_copy / "hostile.txt").write_text("=HYPERLINK(\"http://x\") عنوان\n" + body, encoding="utf-8")
    open_and_index(window, seeds_copy)
    wait_marks(qtbot, window, lambda: window.marks.set_note("hostile.txt", "@SUM(A1) ملاحظة\x07"))
    dialog = window.show_export()
    assert dialog is not None
    dialog.set_what("corpus")
    for name, out in (("xlsx", tmp_path / "all.xlsx"), ("csv", tmp_path / "all.csv")):
        dialog.file_edit.setText(str(out))
        if name == "csv":
            for sheet, box in dialog.sheet_boxes.items():
                box.setChecked(sheet == "articles")
        with qtbot.waitSignal(window.session.export_finished, timeout=TIMEOUT) as finished:
            dialog.start()
        report: ExportReport = finished.args[0]
        text = re.sub("[\u2066-\u2069]", "", dialog.status_label.text())
        assert report.neutralised >= 2  # the title and the note (and the title's copy in the text)
        assert f"{report.neutralised} cells that began like a formula (=, +, -, @) kept as text" in text
        if name == "xlsx":
            assert report.split == 1 and "1 text too long for one cell continued in the next columns" in text
            assert report.removed_characters == 1 and "1 character a spreadsheet cannot hold removed" in text
            assert "the About sheet lists them" in text
            rows = list(openpyxl.load_workbook(out)["Articles"].iter_rows(values_only=True))
            hostile = next(row for row in rows if row[0] == "hostile.txt")
            assert "=HYPERLINK(\"http://x\") عنوان" in hostile and "@SUM(A1) ملاحظة" in hostile
        else:  # a CSV cell has no length limit and holds a BEL
            assert report.split == 0 and report.removed_characters == 0 and "About" not in text


def test_a_selection_is_compared_from_the_dock(
    qtbot: QtBot, window: MainWindow, seeds_copy: Path, open_and_index: OpenAndIndex,
) -> None:
    """The dock's context menu compares a selection of two to four articles; with more or fewer,
    a message says why not (counting the articles missing from the corpus)."""
    open_and_index(window, seeds_copy)
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 5, timeout=TIMEOUT)
    ids = [window.results_model.hit(row).id for row in range(5)]
    wait_marks(qtbot, window, lambda: window.marks.tick(ids[:3], True))
    panel = window.selections_panel
    panel.list.setCurrentRow(0)
    assert panel.compare_action in panel.list.actions() and panel.compare_action.isEnabled()
    panel.compare_action.trigger()
    compare = window.comparisons.view
    assert compare is not None
    qtbot.waitUntil(lambda: compare.comparison is not None and set(compare.shown_ids()) == set(ids[:3]),
                    timeout=TIMEOUT)
    assert len(compare.panes) == 3
    compare.close()

    wait_marks(qtbot, window, lambda: window.marks.tick(ids[3:], True))
    panel.compare_action.trigger()
    messages = [text for level, text in window.message_bar.messages() if level == "info"]
    assert any("two to four articles" in text and "has 5" in text for text in messages)
    assert not compare.isVisible()

    wait_marks(qtbot, window, lambda: window.marks.tick(ids[1:], False))
    (seeds_copy / ids[0]).unlink()  # the last article's file is gone: nothing left to compare
    with qtbot.waitSignal(window.indexing_finished, timeout=TIMEOUT):
        window.update_index()
    qtbot.waitUntil(lambda: len(window.marks.snapshot.missing) == 1, timeout=TIMEOUT)
    panel.compare_action.trigger()
    messages = [text for level, text in window.message_bar.messages() if level == "info"]
    assert any("has 0" in text and "1 more is missing from the corpus" in text for text in messages)
