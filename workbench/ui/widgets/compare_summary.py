"""The comparison's summary strip: overall similarity, the entities every article names and those
only one names, the numbers that differ between them, and the quotations each one carries (by speaker).

It is rich text in a read-only browser (it may be longer than its strip, so it scrolls). Article
texts (names, numbers, quotations) are wrapped in isolates so an Arabic name keeps its order in an
English sentence and the other way round.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QWidget

from workbench.core.compare import Comparison, Quote
from workbench.ui.bidi import isolated
from workbench.ui.fonts import arabic_font
from workbench.ui.i18n import Retranslating
from workbench.ui.numbers import decimal, number

MAX_LISTED = 8
"""Names, numbers or quotations listed per article at most (the rest are counted)."""
SUMMARY_HEIGHT = 130


class CompareSummary(Retranslating, QTextBrowser):
    """What the compared articles share and where they differ, for the articles shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_summary")
        self.setOpenLinks(False)
        self.setFont(arabic_font(11))
        self.setMaximumHeight(SUMMARY_HEIGHT)
        self._comparison: Comparison | None = None
        self._shown: list[int] = []
        self._similarity = 0.0
        self._shared = 0

    def show_summary(self, comparison: Comparison | None, shown: Sequence[int] = (), similarity: float = 0.0,
                     shared_passages: int = 0) -> None:
        """Summarise ``comparison`` over its articles ``shown`` (indexes, in pane order)."""
        self._comparison, self._shown = comparison, list(shown)
        self._similarity, self._shared = similarity, shared_passages
        self.retranslate()

    def retranslate(self) -> None:
        """Write the summary in the interface language."""
        comparison = self._comparison
        if comparison is None:
            self.clear()
            return
        lines = [escape(self.tr("Overall similarity: {percent}% · {count} shared passages").format(
            percent=decimal(100 * self._similarity, 0), count=number(self._shared)))]
        shared = comparison.shared_entities
        lines.append(escape(self.tr("Named in all: {names}")).format(names=self._listed(shared) or self.tr("none")))
        for position, index in enumerate(self._shown, 1):
            compared = comparison.articles[index]
            parts = []
            if compared.entities_only:
                parts.append(escape(self.tr("only here: {names}")).format(names=self._listed(compared.entities_only)))
            if compared.differing:
                parts.append(escape(self.tr("differing numbers: {numbers}")).format(
                    numbers=self._listed([mention.text for mention in compared.differing])))
            parts.append(self._quotes(compared.quotes))
            source = compared.article.source
            label = self.tr("Article {number} ({source})").format(number=number(position), source=isolated(source)) \
                if source else self.tr("Article {number}").format(number=number(position))
            lines.append(f"<b>{escape(label)}</b>: " + " · ".join(parts))
        direction = "rtl" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"
        self.setHtml("".join(f'<p dir="{direction}" style="margin: 0 0 2px 0">{line}</p>' for line in lines))

    def _quotes(self, quotes: Sequence[Quote]) -> str:
        """How many quotations an article carries, by speaker, most quoted first."""
        if not quotes:
            return escape(self.tr("no quotations"))
        speakers = Counter(quote.entity or quote.speaker or self.tr("unnamed") for quote in quotes)
        by_speaker = [f"{speaker} ({number(count)})"
                      for speaker, count in speakers.most_common()]
        return escape(self.tr("{count} quotations:").format(count=number(len(quotes)))) + " " + self._listed(by_speaker)

    def _listed(self, texts: Sequence[str]) -> str:
        """Texts, isolated and escaped, the first MAX_LISTED of them, with how many more."""
        listed = ", ".join(escape(isolated(text)) for text in texts[:MAX_LISTED])
        more = len(texts) - MAX_LISTED
        return listed + (" " + escape(self.tr("and {count} more").format(count=number(more))) if more > 0 else "")
