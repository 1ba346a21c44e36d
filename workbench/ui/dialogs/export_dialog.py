"""File ▸ Export…: write a selection, the current results or the whole corpus to Excel, CSV or
JSON Lines, with a progress bar and Cancel, and open the file (or its folder) when it is done.

The format is the file name's extension (.xlsx: the tables chosen, each a sheet; .csv and
.jsonl: one table). The export runs in the session's exporting lane, beside the reading lane the
searches use, so the user can search on while it runs; the dialog is not modal for that reason.
A cancelled or failed export leaves no file (and an existing one as it was, ``core.export``);
the core's messages name the file and say what to do (a locked, read-only or missing folder).

``choose_file`` (the save dialog) and ``QDesktopServices.openUrl`` are what tests replace.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.export import FORMATS, SHEETS, ExportReport, ExportRequest
from workbench.core.progress import Progress
from workbench.core.search import SearchRequest
from workbench.ui.bidi import isolated
from workbench.ui.core_text import core_text
from workbench.ui.i18n import translate_noop
from workbench.ui.marks import UserMarks
from workbench.ui.numbers import decimal, number
from workbench.ui.session import CorpusSession

SHEET_TITLES = {
    "articles": translate_noop("ExportDialog", "Articles"),
    "hits": translate_noop("ExportDialog", "Hits (the concordance)"),
    "entities": translate_noop("ExportDialog", "Entities"),
    "mentions": translate_noop("ExportDialog", "Mentions"),
    "about": translate_noop("ExportDialog", "About (what was exported, and how)"),
}
"""What each table is called in the dialog (translated in the ExportDialog context)."""
WHAT = ("selection", "results", "corpus")
"""What can be exported: a selection, the results shown, every article."""


def choose_file(parent: QWidget, title: str, start: str, filters: str) -> str:
    """Ask where to save the export ("" when the user cancels)."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
    return path


class ExportDialog(QDialog):
    """Choose what, where and which tables; export with progress; open what was written."""

    def __init__(self, session: CorpusSession, marks: UserMarks, results: SearchRequest | None,
                 results_count: int = 0, selection: str = "", parent: QWidget | None = None) -> None:
        """``results``: the search the results show (None: no results to export);
        ``selection``: the selection to offer first (default: the current one)."""
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(560)
        self._session = session
        self._results = results
        self._report: ExportReport | None = None
        self._running = False

        what_box = QGroupBox(self.tr("What to export"))
        self.what_group = QButtonGroup(self)
        self.selection_radio = QRadioButton(self.tr("The &selection"))
        self.selection_box = QComboBox()
        self.selection_box.setObjectName("export_selection")
        names = [s.name for s in marks.snapshot.selections]
        for selection_entry in marks.snapshot.selections:
            self.selection_box.addItem(self.tr("{name} ({count})").format(
                name=isolated(selection_entry.name), count=number(selection_entry.articles)), selection_entry.name)
        chosen = selection or marks.current
        if chosen in names:
            self.selection_box.setCurrentIndex(names.index(chosen))
        self.results_radio = QRadioButton(self.tr("The current &results (%Ln articles)", "", results_count))
        self.corpus_radio = QRadioButton(self.tr("The whole &corpus"))
        what_layout = QGridLayout(what_box)
        what_layout.addWidget(self.selection_radio, 0, 0)
        what_layout.addWidget(self.selection_box, 0, 1)
        what_layout.addWidget(self.results_radio, 1, 0, 1, 2)
        what_layout.addWidget(self.corpus_radio, 2, 0, 1, 2)
        what_layout.setColumnStretch(1, 1)
        for key, radio in zip(WHAT, (self.selection_radio, self.results_radio, self.corpus_radio), strict=True):
            radio.setObjectName(f"export_{key}")
            self.what_group.addButton(radio)
        self.selection_radio.setEnabled(bool(names))
        self.selection_box.setEnabled(bool(names))
        self.results_radio.setEnabled(results is not None)
        default = self.selection_radio if chosen in names else \
            self.results_radio if results is not None else self.corpus_radio
        default.setChecked(True)

        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("export_file")
        self.file_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right
        self.file_edit.setPlaceholderText(self.tr("a file ending in .xlsx, .csv or .jsonl"))
        self.file_edit.textChanged.connect(self._on_file_edit_text_changed)
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File:")))
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)

        sheets_box = QGroupBox(self.tr("Tables"))
        sheets_layout = QVBoxLayout(sheets_box)
        self.sheet_boxes: dict[str, QCheckBox] = {}
        for sheet in SHEETS:
            box = QCheckBox(self.tr(SHEET_TITLES[sheet]))
            box.setObjectName(f"export_sheet_{sheet}")
            box.setChecked(True)
            box.toggled.connect(self._on_sheet_box_toggled)
            sheets_layout.addWidget(box)
            self.sheet_boxes[sheet] = box
        self.sheets_hint = QLabel()
        self.sheets_hint.setWordWrap(True)
        sheets_layout.addWidget(self.sheets_hint)

        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("export_progress")
        self.progress_bar.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("export_status")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setObjectName("export_start")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("export_cancel")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.open_button = QPushButton(self.tr("&Open the file"))
        self.open_button.setObjectName("export_open")
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.folder_button = QPushButton(self.tr("Show in &folder"))
        self.folder_button.setObjectName("export_folder")
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(what_box)
        layout.addLayout(file_row)
        layout.addWidget(sheets_box)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

        session.export_progressed.connect(self._on_session_export_progressed)
        session.export_finished.connect(self._on_session_export_finished)
        session.export_failed.connect(self._on_session_export_failed)
        self._update_controls()

    # ----- state ------------------------------------------------------------------------------

    @property
    def report(self) -> ExportReport | None:
        """What the last export of this dialog did."""
        return self._report

    def set_what(self, what: str) -> None:
        """Choose what to export: one of WHAT."""
        dict(zip(WHAT, (self.selection_radio, self.results_radio, self.corpus_radio), strict=True))[what].setChecked(True)

    def request(self) -> ExportRequest | None:
        """The export the dialog describes (None while no file is given)."""
        text = self.file_edit.text().strip()
        if not text:
            return None
        sheets = tuple(sheet for sheet, box in self.sheet_boxes.items() if box.isChecked() and box.isEnabled())
        out = Path(text).expanduser()
        if self.selection_radio.isChecked():
            return ExportRequest(out, selection=str(self.selection_box.currentData()), sheets=sheets)
        if self.results_radio.isChecked() and self._results is not None:
            return ExportRequest(out, search=self._results, sheets=sheets)
        return ExportRequest(out, sheets=sheets)

    # ----- running ----------------------------------------------------------------------------

    def start(self) -> None:
        """Start the export described (in the exporting lane); progress and outcome are shown here."""
        request = self.request()
        if request is None or self._running:
            return
        if not self._session.export(request):
            self._show_status(self.tr("Another export is running; wait for it to finish."), error=True)
            return
        self._running = True
        self._report = None
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self._show_status(self.tr("Exporting to {file}…").format(file=isolated(str(request.out))))
        self._update_controls()

    def cancel(self) -> None:
        """Stop the running export: no file is left."""
        if self._running:
            self._session.cancel_export()
            self._show_status(self.tr("Cancelling…"))

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b71c1c;" if error else "")

    def _update_controls(self) -> None:
        suffix = Path(self.file_edit.text().strip()).suffix.lower()
        spreadsheet = suffix not in (".csv", ".jsonl")
        for sheet, box in self.sheet_boxes.items():
            box.setEnabled(not self._running and (spreadsheet or sheet != "about"))
        chosen = [sheet for sheet, box in self.sheet_boxes.items() if box.isChecked() and box.isEnabled()]
        problem = ""
        if self.file_edit.text().strip() and suffix not in FORMATS:
            problem = self.tr("The file name must end in .xlsx, .csv or .jsonl.")
        elif not chosen:
            problem = self.tr("Choose at least one table.")
        elif not spreadsheet and len(chosen) != 1:
            problem = self.tr("A .csv or .jsonl file holds one table: tick only one (or export to .xlsx).")
        self.sheets_hint.setText(problem)
        self.sheets_hint.setStyleSheet("color: #b71c1c;" if problem else "")
        self.export_button.setEnabled(not self._running and not problem and bool(self.file_edit.text().strip()))
        for widget in (self.file_edit, self.choose_button, self.selection_radio, self.results_radio, self.corpus_radio,
                       self.selection_box):
            widget.setEnabled(not self._running and (widget not in (self.selection_radio, self.selection_box)
                                                     or self.selection_box.count() > 0)
                              and (widget is not self.results_radio or self._results is not None))
        self.cancel_button.setText(self.tr("Cancel") if self._running else self.tr("Close"))
        written = self._report is not None and not self._report.cancelled and not self._running
        self.open_button.setVisible(written)
        self.folder_button.setVisible(written)

    # ----- slots ------------------------------------------------------------------------------

    def _on_choose_button_clicked(self) -> None:
        start = self.file_edit.text().strip() or str(Path.home() / self.tr("export.xlsx"))
        path = choose_file(self, self.tr("Export to"), start,
                           self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv);;JSON Lines (*.jsonl)"))
        if path:
            self.file_edit.setText(path)

    def _on_file_edit_text_changed(self, _text: str) -> None:
        self._update_controls()

    def _on_sheet_box_toggled(self, _checked: bool) -> None:
        self._update_controls()

    def _on_cancel_button_clicked(self) -> None:
        if self._running:
            self.cancel()
        else:
            self.close()

    def _on_open_button_clicked(self) -> None:
        if self._report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._report.path)))

    def _on_folder_button_clicked(self) -> None:
        if self._report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._report.path.parent)))

    def _on_session_export_progressed(self, progress: Progress) -> None:
        if not self._running:
            return
        if progress.total:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(progress.done)

    def _on_session_export_finished(self, report: ExportReport) -> None:
        if not self._running:
            return
        self._running = False
        self._report = report
        self.progress_bar.hide()
        if report.cancelled:
            self._show_status(self.tr("The export was cancelled: no file was written (an existing file "
                                      "was left as it was)."))
        else:
            text = self.tr("Exported %Ln articles to {file} in {seconds} s.", "", report.articles).format(
                file=isolated(str(report.path)), seconds=decimal(report.seconds, 1))
            if report.missing:
                text += " " + self.tr("%Ln of them are missing from the corpus (exported as remembered).", "",
                                      report.missing)
            text += self._cleanup_summary(report)
            self._show_status(text)
        self._update_controls()

    def _cleanup_summary(self, report: ExportReport) -> str:
        """What the core changed so that the file is safe and complete (" ..." or "")."""
        changes = []
        if report.neutralised:
            changes.append(self.tr("%Ln cells that began like a formula (=, +, -, @) kept as text", "",
                                   report.neutralised))
        if report.split:
            changes.append(self.tr("%Ln texts too long for one cell continued in the next columns", "",
                                   report.split))
        if report.removed_characters:
            changes.append(self.tr("%Ln characters a spreadsheet cannot hold removed", "", report.removed_characters))
        if not changes:
            return ""
        listed = self.tr("; ").join(changes)
        if report.path.suffix.lower() == ".xlsx":  # only a workbook has an About sheet
            return " " + self.tr("Cleaned for safety: {changes} (the About sheet lists them).").format(changes=listed)
        return " " + self.tr("Cleaned for safety: {changes}.").format(changes=listed)

    def _on_session_export_failed(self, exc: BaseException, _trace: str) -> None:
        if not self._running:
            return
        self._running = False
        self.progress_bar.hide()
        if isinstance(exc, WorkbenchError):
            message = core_text(exc.text)
        else:
            message = self.tr("The export failed: {reason}").format(reason=isolated(str(exc)))
        self._show_status(message, error=True)
        self._update_controls()

    def reject(self) -> None:
        self.cancel()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)
