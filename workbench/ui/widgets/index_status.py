"""The status bar's permanent part: the corpus open, how many articles its index holds, and the
state of the index (opening, indexing, up to date, cancelled, failed)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from workbench.ui.bidi import isolated
from workbench.ui.i18n import Retranslating

STATES = ("none", "opening", "open", "indexing", "cancelling", "cancelled", "current", "failed")


class IndexStatus(Retranslating, QWidget):
    """Corpus name, article count and index state, in the interface language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.corpus_label = QLabel()
        self.articles_label = QLabel()
        self.state_label = QLabel()
        self.state_label.setObjectName("index_state")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.corpus_label, self.articles_label, self.state_label):
            layout.addWidget(label)
        self._corpus = ""
        self._articles: int | None = None
        self._state = "none"
        self.retranslate()

    def set_corpus(self, name: str) -> None:
        """The corpus open ("" for none); its article count is unknown until ``set_articles``."""
        self._corpus, self._articles = name, None
        self.retranslate()

    def set_articles(self, count: int) -> None:
        """How many articles the index holds."""
        self._articles = count
        self.retranslate()

    def set_state(self, state: str) -> None:
        """One of STATES."""
        if state not in STATES:
            raise ValueError(state)
        self._state = state
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.corpus_label.setText(self.tr("Corpus: {name}").format(name=isolated(self._corpus)) if self._corpus else "")
        self.articles_label.setText(self.tr("%Ln articles", "", self._articles) if self._articles is not None else "")
        self.state_label.setText({
            "none": self.tr("No corpus open"),
            "opening": self.tr("Opening…"),
            "open": self.tr("Index open"),
            "indexing": self.tr("Indexing…"),
            "cancelling": self.tr("Cancelling…"),
            "cancelled": self.tr("Indexing cancelled: partial index"),
            "current": self.tr("Index up to date"),
            "failed": self.tr("Indexing failed"),
        }[self._state])
