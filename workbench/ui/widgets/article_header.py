"""The reader's header: which article this is and where it came from.

Title; source, date and author; the URL (a link that opens the browser); the file and, for a
collection file (``.jsonl``, ``.csv``, ``.json``), the record number; "Copy citation" (source,
date, title, URL) and "Open containing folder". A widget of its own so the reader (and the
compare view, and tags or notes later) can show or extend it. Every line elides rather than
widens the pane.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from workbench.ui.bidi import isolated
from workbench.ui.fonts import arabic_font
from workbench.ui.i18n import Retranslating
from workbench.ui.numbers import digits, number
from workbench.ui.widgets.elided_label import ElidedLabel

if TYPE_CHECKING:
    from workbench.core.ingest import Article


def record_number(article: Article) -> int | None:
    """The 1-based record of an article read from a collection file (id ``path#n``), else None."""
    prefix = f"{article.path}#"
    if article.id.startswith(prefix) and article.id[len(prefix):].isdigit():
        return int(article.id[len(prefix):])
    return None


class ArticleHeader(Retranslating, QWidget):
    """Title, metadata, URL, file and record of one article, with citation and folder buttons."""

    citation_copied = Signal(str)
    """The citation was put on the clipboard; carries it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_header")
        self._article: Article | None = None
        self._corpus: Path | None = None
        self.title_label = QLabel()
        self.title_label.setObjectName("reader_title")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.meta_label = ElidedLabel(elide_mode=Qt.TextElideMode.ElideRight)
        self.meta_label.setObjectName("reader_meta")
        self.url_label = ElidedLabel()
        self.url_label.setObjectName("reader_url")
        self.url_label.linkActivated.connect(self._on_url_label_link_activated)
        self.location_label = ElidedLabel(elide_mode=Qt.TextElideMode.ElideLeft)  # the file's name and record stay
        self.location_label.setObjectName("reader_location")
        self.copy_button = QToolButton()
        self.copy_button.setObjectName("copy_citation")
        self.copy_button.clicked.connect(self.copy_citation)
        self.folder_button = QToolButton()
        self.folder_button.clicked.connect(self._on_folder_button_clicked)

        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.url_label)
        layout.addWidget(self.location_label)
        layout.addLayout(buttons)
        self.retranslate()

    @property
    def article(self) -> Article | None:
        """The article described, or None."""
        return self._article

    def show_article(self, article: Article | None, corpus: Path | None = None) -> None:
        """Describe ``article`` (None: say that nothing is open)."""
        self._article, self._corpus = article, corpus
        self._show()

    def citation(self) -> str:
        """Source, date, title and URL of the article, as one line to paste into notes."""
        article = self._article
        if article is None:
            return ""
        title = self.tr("“{title}”").format(title=article.title) if article.title else ""
        parts = [article.source, digits(article.date), title, article.url]
        return self.tr(", ").join(part for part in parts if part)

    def copy_citation(self) -> None:
        """Put the citation on the clipboard."""
        citation = self.citation()
        if citation:
            QGuiApplication.clipboard().setText(citation)
            self.citation_copied.emit(citation)

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.copy_button.setText(self.tr("Copy citation"))
        self.copy_button.setToolTip(self.tr("Copy source, date, title and URL to the clipboard"))
        self.folder_button.setText(self.tr("Open containing folder"))
        self._show()

    def _show(self) -> None:
        article = self._article
        has_article = article is not None
        self.copy_button.setEnabled(has_article)
        self.folder_button.setEnabled(has_article)
        if article is None:
            self.title_label.setFont(QFont())
            self.title_label.setText(self.tr("No article open"))
            for label in (self.meta_label, self.url_label, self.location_label):
                label.set_full_text("")
            self.meta_label.hide()
            self.url_label.hide()
            return
        title_font = arabic_font(self.font().pointSize() + 3)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setText(article.title or Path(article.path).name)
        meta = [article.source, isolated(digits(article.date)) if article.date else "", article.author]
        self.meta_label.set_full_text("  ·  ".join(part for part in meta if part))
        self.meta_label.setVisible(any(meta))
        self.url_label.set_full_text(article.url, href=article.url)
        self.url_label.setVisible(bool(article.url))
        record = record_number(article)
        if record is None:
            location = self.tr("File: {path}").format(path=isolated(article.path))
        else:
            location = self.tr("File: {path}, record {record}").format(path=isolated(article.path), record=number(record))
        self.location_label.set_full_text(location)

    def _on_url_label_link_activated(self, link: str) -> None:
        QDesktopServices.openUrl(QUrl(link))

    def _on_folder_button_clicked(self) -> None:
        if self._article is None:
            return
        path = Path(self._article.path)
        if not path.is_absolute() and self._corpus is not None:
            path = self._corpus / path
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
