"""The About dialog: the version, the folder where the user's work is kept, and the licences.

``show_about(parent)`` is what a Help ▸ About menu item calls. The dialog has two tabs:

- **About**: name and version, the data folder in use (with why it is there: the user data
  folder, portable mode, or WORKBENCH_HOME / --home) and a button that opens it, and, while
  the shipped resources include data under a non-commercial licence, the notice that this copy
  may be used only for non-commercial purposes;
- **Licences**: what each part of the app is licensed under (code, font, entity model, word
  clusters and, in an installed bundle, the third-party software beside the program), then
  ``resources/LICENCES.md`` itself, the project's record of every shipped resource's source.

Whether the non-commercial notice shows is read from LICENCES.md, so rebuilding the resources
from permissively licensed text and updating that file (as it explains) removes the notice.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbench.core import paths

LICENCES_FILE = "LICENCES.md"
NON_COMMERCIAL_MARK = "CC BY-NC"
"""A licence LICENCES.md names for a shipped resource that allows only non-commercial use."""


def licences_text() -> str:
    """The shipped resources' licence record (resources/LICENCES.md), or "" when it is missing."""
    try:
        return (paths.resources_dir() / LICENCES_FILE).read_text(encoding="utf-8")
    except OSError:
        return ""


def non_commercial() -> bool:
    """Whether a shipped resource is under a non-commercial licence (LICENCES.md says which)."""
    return NON_COMMERCIAL_MARK in licences_text()


def show_about(parent: QWidget | None = None) -> None:
    """Show the About dialog, modal to ``parent``."""
    AboutDialog(parent).exec()


class AboutDialog(QDialog):
    """Version, data folder and licences; see the module's docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from workbench import __version__

        self.setWindowTitle(self.tr("About Arabic News Workbench"))
        self.setMinimumSize(560, 480)
        self.data_folder = paths.data_home()
        tabs = QTabWidget()
        tabs.addTab(self._about_tab(__version__), self.tr("About"))
        tabs.addTab(self._licences_tab(), self.tr("Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def _about_tab(self, version: str) -> QWidget:
        name = QLabel(self.tr("Arabic News Workbench"))
        font = QFont(name.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        name.setFont(font)
        self.version_label = QLabel(self.tr("Version {version}").format(version=version))
        summary = _wrapped(self.tr("Arabic-aware search, reading and entities for folders of news articles, "
                                   "on your own computer, without a network connection."))
        self.folder_label = QLabel(str(self.data_folder))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.folder_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right
        self.origin_label = _wrapped(self._origin_text())
        self.open_folder_button = QPushButton(self.tr("Open data folder"))
        self.open_folder_button.clicked.connect(self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder_button)

        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(name)
        layout.addWidget(self.version_label)
        layout.addWidget(summary)
        layout.addSpacing(12)
        layout.addWidget(_heading(self.tr("Your data")))
        layout.addLayout(folder_row)
        layout.addWidget(self.origin_label)
        self.notice_label: QLabel | None = None
        if non_commercial():
            layout.addSpacing(12)
            self.notice_label = _wrapped(self.tr(
                "For non-commercial use only. This copy includes word lists derived from the SaudiNewsNet "
                "corpus, which is licensed CC BY-NC-SA 4.0: it may be used and shared only for "
                "non-commercial purposes, with attribution and under the same licence. See Licences."))
            self.notice_label.setFrameShape(QFrame.Shape.StyledPanel)
            self.notice_label.setMargin(8)
            layout.addWidget(self.notice_label)
        layout.addStretch(1)
        return tab

    def _origin_text(self) -> str:
        origin = paths.data_home_origin()
        if origin == "portable":
            return self.tr("Portable mode: the file {marker} next to the program keeps all data in this folder, "
                           "beside the program.").format(marker=paths.PORTABLE_MARKER)
        if origin == "override":
            return self.tr("Chosen with WORKBENCH_HOME or --home.")
        return self.tr("Indexes, settings and your own work (selections, tags, notes, entity corrections) are "
                       "kept here, never in the corpus folders; upgrading the workbench keeps them.")

    def _licences_tab(self) -> QWidget:
        parts = [
            self.tr("Program code: MIT licence."),
            self.tr("Amiri font: SIL Open Font License 1.1."),
            self.tr("Entity model: trained on ANERcorp (CC BY-SA 4.0); it uses the word clusters below as "
                    "features, so it is also under CC BY-NC-SA 4.0."),
            self.tr("Word clusters and word counts: derived from the SaudiNewsNet corpus, CC BY-NC-SA 4.0 "
                    "(non-commercial use, attribution, share alike)."),
        ]
        if getattr(sys, "frozen", False):
            parts.append(self.tr("Third-party software in this installation (Python, Qt and PySide6 under the "
                                 "LGPL v3, PyArabic under the GPL v3, numpy and others): their licences are in "
                                 "the licenses folder and NOTICE.txt beside the program."))
        self.licences_view = QTextBrowser()
        self.licences_view.setOpenExternalLinks(True)
        record = licences_text() or self.tr("The licence record ({file}) is missing from this installation.").format(
            file=LICENCES_FILE)
        self.licences_view.setMarkdown("\n\n".join(f"- {part}" for part in parts) + "\n\n---\n\n" + record)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.licences_view)
        return tab

    def open_data_folder(self) -> bool:
        """Show the data folder in the system's file manager (created first if need be)."""
        try:
            self.data_folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label

