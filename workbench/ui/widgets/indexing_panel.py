"""Indexing progress with Cancel, and the list of files with problems.

Shows what the core reports (``core.progress.Progress``), phase by phase: files and articles
read ("1,234 of ~3,000 articles", estimated by bytes, so it moves inside one large collection
file too), with the rate and the time left; then saving the index and grouping the entities'
spellings, which have no count but are named and can be cancelled like the rest. Numbers follow
the interface's digit style. The list below names the files that could not be read and those
read with something left out or repaired (file warnings), with reasons and explanations in the
interface language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.bidi import isolated
from workbench.ui.core_text import core_text
from workbench.ui.i18n import Retranslating, translate_noop
from workbench.ui.numbers import duration, number

if TYPE_CHECKING:
    from workbench.core.ingest import FileWarning, SkippedFile
    from workbench.core.progress import Progress

SKIP_REASON_LABELS = {
    "binary": translate_noop("IndexingPanel", "binary"),
    "encoding": translate_noop("IndexingPanel", "encoding"),
    "permission": translate_noop("IndexingPanel", "permission"),
    "vanished": translate_noop("IndexingPanel", "vanished"),
    "too_large": translate_noop("IndexingPanel", "too large"),
    "empty": translate_noop("IndexingPanel", "empty"),
    "parse_error": translate_noop("IndexingPanel", "parse error"),
    "outside_link": translate_noop("IndexingPanel", "link outside the corpus"),
    "link_loop": translate_noop("IndexingPanel", "link loop"),
    "broken_link": translate_noop("IndexingPanel", "broken link"),
    "index_error": translate_noop("IndexingPanel", "indexing error"),
}
"""The core's skip reason codes (``SkippedFile.reason``) as the list shows them."""
WARNING_REASON_LABELS = {
    "invalid_records": translate_noop("IndexingPanel", "invalid records left out"),
    "empty_records": translate_noop("IndexingPanel", "empty records left out"),
    "too_large_records": translate_noop("IndexingPanel", "records too large, left out"),
    "unclosed_quote": translate_noop("IndexingPanel", "unclosed quote"),
    "truncated": translate_noop("IndexingPanel", "reading stopped early"),
    "replaced_bytes": translate_noop("IndexingPanel", "invalid bytes replaced"),
    "replaced_surrogates": translate_noop("IndexingPanel", "invalid characters replaced"),
    "removed_controls": translate_noop("IndexingPanel", "control characters removed"),
}
"""The core's warning codes (``FileWarning.reason``): files indexed with something left out or repaired."""
FRACTION_STEPS = 1000
"""Steps of the progress bar when the core reports the share of work done (``Progress.fraction``)."""


def _label(labels: dict[str, str], reason: str) -> str:
    """A reason code as the list shows it, in the interface language (an unknown code as it is)."""
    return QCoreApplication.translate("IndexingPanel", labels[reason]) if reason in labels else reason


def format_duration(seconds: float) -> str:
    """Seconds as H:MM:SS or M:SS, in the interface's digit style."""
    return duration(seconds)


class IndexingPanel(Retranslating, QWidget):
    """Shown while a corpus is indexed, and afterwards while there are skipped files to review."""

    cancel_requested = Signal()
    """The user pressed Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indexing_panel")
        self.status_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("indexing_progress")
        self.progress_bar.setMinimumWidth(120)
        self.progress_bar.setTextVisible(False)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("indexing_detail")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel_indexing")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.skipped_button = QPushButton()
        self.skipped_button.setCheckable(True)
        self.skipped_button.setFlat(True)
        self.skipped_button.toggled.connect(self._on_skipped_button_toggled)
        self.skipped_tree = QTreeWidget()
        self.skipped_tree.setObjectName("skipped_files")
        self.skipped_tree.setRootIsDecorated(False)
        self.skipped_tree.setMaximumHeight(140)
        self.skipped_tree.setColumnCount(3)  # file, reason, explanation
        header = self.skipped_tree.header()
        for column in (0, 1):  # file and reason whole; the explanation takes the rest (tooltip if longer)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
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
        self._corpus_name = ""
        self._progress: Progress | None = None
        self._cancelling = False
        self._skipped: list[SkippedFile] = []
        self._warnings: list[FileWarning] = []
        self.retranslate()
        self.set_problems([])
        self._show_running(False)

    @property
    def running(self) -> bool:
        """True between start() and finish()."""
        return self._running

    def start(self, corpus_name: str) -> None:
        """Reset and show the progress row for a new indexing run."""
        self._running = True
        self._cancelling = False
        self._corpus_name = corpus_name
        self._progress = None
        self.progress_bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.set_problems([])
        self._show_running(True)
        self._show_texts()

    def update_progress(self, progress: Progress) -> None:
        """Show a core progress report."""
        self._progress = progress
        if progress.fraction is not None:  # by bytes: moves inside one large collection too
            self.progress_bar.setRange(0, FRACTION_STEPS)
            self.progress_bar.setValue(round(progress.fraction * FRACTION_STEPS))
        elif progress.total:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(min(progress.done, progress.total))
        else:
            self.progress_bar.setRange(0, 0)
        self._show_texts()

    def cancelling(self) -> None:
        """Acknowledge a cancel request while the core reaches a safe point."""
        self._cancelling = True
        self.cancel_button.setEnabled(False)
        self._show_texts()

    def finish(self, skipped: Sequence[SkippedFile] = (), warnings: Sequence[FileWarning] = ()) -> None:
        """Hide the progress row; keep the panel only if files were skipped or have warnings."""
        self._running = False
        self.set_problems(skipped, warnings)
        self._show_running(False)

    def set_problems(self, skipped: Sequence[SkippedFile], warnings: Sequence[FileWarning] = ()) -> None:
        """List the files the indexer could not read, then those it read with something left out
        or repaired, each with the reason and the core's explanation (what to do)."""
        self._skipped, self._warnings = list(skipped), list(warnings)
        self.skipped_tree.clear()
        rows = [(item.relpath, _label(SKIP_REASON_LABELS, item.reason), core_text(item.text)) for item in self._skipped]
        rows += [(item.relpath, _label(WARNING_REASON_LABELS, item.reason), core_text(item.text))
                 for item in self._warnings]
        for relpath, reason, explanation in rows:
            row = QTreeWidgetItem([relpath, reason, explanation])
            row.setToolTip(2, explanation)
            self.skipped_tree.addTopLevelItem(row)
        counts = []
        if self._skipped:
            counts.append(self.tr("Skipped files: %Ln", "", len(self._skipped)))
        if self._warnings:
            counts.append(self.tr("Files with warnings: %Ln", "", len({w.relpath for w in self._warnings})))
        self.skipped_button.setText("  ·  ".join(counts))
        self.skipped_button.setVisible(bool(rows))
        if not rows:
            self.skipped_button.setChecked(False)
        self.setVisible(self._running or bool(rows))

    def skipped_count(self) -> int:
        """Number of rows in the list of problems (skipped files and warnings)."""
        return self.skipped_tree.topLevelItemCount()

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.cancel_button.setText(self.tr("Cancel"))
        self.skipped_tree.setHeaderLabels([self.tr("File"), self.tr("Reason"), self.tr("Details")])
        self.set_problems(self._skipped, self._warnings)
        self._show_texts()

    def _show_texts(self) -> None:
        if self._running:
            self.status_label.setText(self.tr("Indexing {corpus}…").format(corpus=isolated(self._corpus_name)))
        if self._cancelling:
            self.detail_label.setText(self.tr("Cancelling, keeping the work done so far…"))
            return
        progress = self._progress
        if progress is None:
            self.detail_label.setText(self.tr("Scanning files…"))
            return
        if progress.phase == "commit":
            self.detail_label.setText(self.tr("saving the index…"))
            return
        if progress.phase == "entities":
            self.detail_label.setText(self.tr("grouping the spellings of entities…"))
            return
        parts = []
        if progress.total > 1:  # one collection file: its records are what moves
            parts.append(self.tr("{done} / {total} files").format(done=number(progress.done), total=number(progress.total)))
        expected = progress.expected_articles()
        if expected is not None and expected > progress.articles:
            parts.append(self.tr("{done} of ~%Ln articles", "", expected).format(done=number(progress.articles)))
        elif progress.articles:
            parts.append(self.tr("%Ln articles", "", progress.articles))
        if progress.rate:
            parts.append(self.tr("{rate} articles/s").format(rate=number(round(progress.rate))))
        if progress.eta_seconds is not None:
            parts.append(self.tr("{time} left").format(time=format_duration(progress.eta_seconds)))
        self.detail_label.setText("  ·  ".join(parts) if parts else self.tr("Scanning files…"))

    def _show_running(self, running: bool) -> None:
        for widget in (self.status_label, self.progress_bar, self.detail_label, self.cancel_button):
            widget.setVisible(running)
        self.setVisible(running or self.skipped_count() > 0)

    def _on_cancel_button_clicked(self) -> None:
        self.cancelling()
        self.cancel_requested.emit()

    def _on_skipped_button_toggled(self, checked: bool) -> None:
        self.skipped_tree.setVisible(checked)
