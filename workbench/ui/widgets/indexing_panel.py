"""Indexing progress (files, articles/s, time left) with Cancel, and the list of skipped files."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from workbench.ui.core_text import core_text

if TYPE_CHECKING:
    from workbench.core.ingest import SkippedFile
    from workbench.core.progress import Progress


def format_duration(seconds: float) -> str:
    """Seconds as H:MM:SS or M:SS."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class IndexingPanel(QWidget):
    """Shown while a corpus is indexed, and afterwards while there are skipped files to review."""

    cancel_requested = Signal()
    """The user pressed Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indexing_panel")
        self.status_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("indexing_progress")
        self.progress_bar.setMinimumWidth(200)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("indexing_detail")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_indexing")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.skipped_button = QPushButton()
        self.skipped_button.setCheckable(True)
        self.skipped_button.setFlat(True)
        self.skipped_button.toggled.connect(self._on_skipped_button_toggled)
        self.skipped_tree = QTreeWidget()
        self.skipped_tree.setObjectName("skipped_files")
        self.skipped_tree.setHeaderLabels([self.tr("File"), self.tr("Reason"), self.tr("Details")])
        self.skipped_tree.setRootIsDecorated(False)
        self.skipped_tree.setMaximumHeight(140)
        self.skipped_tree.hide()

        row = QHBoxLayout()
        row.addWidget(self.status_label)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.detail_label)
        row.addWidget(self.cancel_button)
        row.addWidget(self.skipped_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addLayout(row)
        layout.addWidget(self.skipped_tree)
        self._running = False
        self.set_skipped([])
        self._show_running(False)

    @property
    def running(self) -> bool:
        """True between start() and finish()."""
        return self._running

    def start(self, corpus_name: str) -> None:
        """Reset and show the progress row for a new indexing run."""
        self._running = True
        self.status_label.setText(self.tr("Indexing {corpus}…").format(corpus=corpus_name))
        self.progress_bar.setRange(0, 0)
        self.detail_label.setText(self.tr("Scanning files…"))
        self.cancel_button.setEnabled(True)
        self.set_skipped([])
        self._show_running(True)

    def update_progress(self, progress: Progress) -> None:
        """Show a core progress report."""
        if progress.total:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(min(progress.done, progress.total))
        parts = []
        if progress.total:
            parts.append(self.tr("{done} / {total} files").format(done=f"{progress.done:,}", total=f"{progress.total:,}"))
        if progress.rate:
            parts.append(self.tr("{rate} articles/s").format(rate=f"{progress.rate:,.0f}"))
        if progress.eta_seconds is not None:
            parts.append(self.tr("{time} left").format(time=format_duration(progress.eta_seconds)))
        if progress.phase == "commit":
            parts.append(self.tr("saving the index…"))
        elif progress.phase == "entities":
            parts.append(self.tr("grouping the spellings of entities…"))
        if parts:
            self.detail_label.setText("  ·  ".join(parts))

    def cancelling(self) -> None:
        """Acknowledge a cancel request while the core reaches a safe point."""
        self.cancel_button.setEnabled(False)
        self.detail_label.setText(self.tr("Cancelling, keeping the work done so far…"))

    def finish(self, skipped: Sequence[SkippedFile] = ()) -> None:
        """Hide the progress row; keep the panel only if files were skipped."""
        self._running = False
        self.set_skipped(skipped)
        self._show_running(False)

    def set_skipped(self, skipped: Sequence[SkippedFile]) -> None:
        """List files the indexer could not read, with the reason."""
        self.skipped_tree.clear()
        for item in skipped:
            explanation = core_text(item.text)
            row = QTreeWidgetItem([item.relpath, item.reason, explanation])
            row.setToolTip(2, explanation)
            self.skipped_tree.addTopLevelItem(row)
        count = len(skipped)
        self.skipped_button.setText(self.tr("Skipped files: {count}").format(count=count))
        self.skipped_button.setVisible(count > 0)
        if count == 0:
            self.skipped_button.setChecked(False)
        self.setVisible(self._running or count > 0)

    def skipped_count(self) -> int:
        """Number of files listed as skipped."""
        return self.skipped_tree.topLevelItemCount()

    def _show_running(self, running: bool) -> None:
        for widget in (self.status_label, self.progress_bar, self.detail_label, self.cancel_button):
            widget.setVisible(running)
        self.setVisible(running or self.skipped_count() > 0)

    def _on_cancel_button_clicked(self) -> None:
        self.cancelling()
        self.cancel_requested.emit()

    def _on_skipped_button_toggled(self, checked: bool) -> None:
        self.skipped_tree.setVisible(checked)
