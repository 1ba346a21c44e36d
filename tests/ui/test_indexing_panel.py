"""Indexing progress text, cancel and skipped files."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from workbench.core.ingest import SkippedFile
from workbench.core.progress import Progress
from workbench.ui.widgets.indexing_panel import IndexingPanel, format_duration


def test_progress_cancel_and_skipped(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    panel = IndexingPanel()
    QVBoxLayout(host).addWidget(panel)
    host.show()
    assert not panel.isVisible()
    panel.start("seeds")
    assert panel.isVisible() and panel.running
    panel.update_progress(Progress("index", 120, 5000, articles=120, rate=350.4, eta_seconds=75))
    assert panel.progress_bar.maximum() == 5000 and panel.progress_bar.value() == 120
    assert panel.detail_label.text() == "120 / 5,000 files  ·  120 articles  ·  350 articles/s  ·  1:15 left"
    panel.update_progress(Progress("index", 0, 1, articles=1, rate=3.0))
    assert panel.detail_label.text() == "0 / 1 files  ·  1 article  ·  3 articles/s"
    with qtbot.waitSignal(panel.cancel_requested):
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert not panel.cancel_button.isEnabled()
    panel.finish([SkippedFile("bad.bin", "binary", "This is a binary file, not text.")])
    assert panel.isVisible() and not panel.progress_bar.isVisible()
    assert panel.skipped_count() == 1 and panel.skipped_button.text() == "Skipped files: 1"
    panel.skipped_button.click()
    assert panel.skipped_tree.isVisible()
    item = panel.skipped_tree.topLevelItem(0)
    assert (item.text(0), item.text(1)) == ("bad.bin", "binary")
    panel.finish([])
    assert not panel.isVisible()


def test_format_duration() -> None:
    assert format_duration(5) == "0:05"
    assert format_duration(3725) == "1:02:05"


def test_saving_and_entity_phases_are_named(qtbot: QtBot) -> None:
    panel = IndexingPanel()
    qtbot.addWidget(panel)
    panel.start("seeds")
    panel.update_progress(Progress("commit", 0, 0, message="saving the index"))
    assert panel.detail_label.text() == "saving the index…"
    panel.update_progress(Progress("entities", 0, 0, message="grouping entity spellings"))
    assert panel.detail_label.text() == "grouping the spellings of entities…"
