"""Indexing progress text, cancel and skipped files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from workbench.core.index import UpdateReport
from workbench.core.ingest import SKIP_REASONS, WARNING_REASONS, SkippedFile
from workbench.core.progress import Progress
from workbench.ui.i18n import qm_path
from workbench.ui.main_window import MainWindow
from workbench.ui.widgets.indexing_panel import (
    SKIP_REASON_LABELS,
    WARNING_REASON_LABELS,
    IndexingPanel,
    format_duration,
)

OpenAndIndex = Callable[[MainWindow, Path], UpdateReport]


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
    assert panel.detail_label.text() == "120 / 5,000 files  ·  120 of ~5,000 articles  ·  350 articles/s  ·  1:15 left"
    panel.update_progress(Progress("index", 0, 1, articles=1234, rate=30.0, eta_seconds=40, fraction=0.41))
    assert panel.detail_label.text() == "1,234 of ~3,010 articles  ·  30 articles/s  ·  0:40 left"
    panel.update_progress(Progress("index", 0, 1, articles=1, rate=3.0))
    assert panel.detail_label.text() == "1 article  ·  3 articles/s"
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


def test_every_reason_the_core_gives_has_a_label_in_both_languages() -> None:
    assert set(SKIP_REASON_LABELS) == SKIP_REASONS and set(WARNING_REASON_LABELS) == WARNING_REASONS
    translator = QTranslator()
    assert translator.load(str(qm_path("ar")))
    for label in [*SKIP_REASON_LABELS.values(), *WARNING_REASON_LABELS.values()]:
        assert translator.translate("IndexingPanel", label) not in ("", label)


def test_links_and_file_warnings_are_listed_with_their_reasons(window: MainWindow, tmp_path: Path,
                                                                open_and_index: OpenAndIndex) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [json.dumps({"title": f"خبر {n}", "content": f"أعلنت وزارة الخارجية خبرا رقم {n}."}, ensure_ascii=False)
               for n in range(5)]
    (corpus / "news.jsonl").write_text("\n".join([*records, "{not json", ""]), encoding="utf-8")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    report = open_and_index(window, corpus)
    assert report.articles == 5
    panel = window.indexing_panel
    rows = {(panel.skipped_tree.topLevelItem(n).text(0), panel.skipped_tree.topLevelItem(n).text(1))
            for n in range(panel.skipped_count())}
    assert rows == {("passwd.txt", "link outside the corpus"), ("news.jsonl", "invalid records left out")}
    assert panel.isVisible() and panel.skipped_button.text() == "Skipped files: 1  ·  Files with warnings: 1"


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
