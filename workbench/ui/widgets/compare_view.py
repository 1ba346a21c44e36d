"""The comparison view: two to four articles side by side, what they share coloured alike.

The core (``CompareService.compare``) cuts each article into passages and scores every pair of
passages across articles; here a slider picks the similarity a pair needs to count as shared,
and every group of passages linked at that level gets one colour in every pane. Clicking a
shared passage scrolls the other panes to its counterparts (most similar first); next/previous
walk the shared passages of the first pane. Panes can be moved and closed: links and colours
are then worked out again among the articles still shown. Scrolling can be synchronised.

The comparison runs in the session's reading lane; the view only paints what comes back.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSlider, QSplitter, QToolButton, QVBoxLayout, QWidget

from workbench.core.compare import DEFAULT_THRESHOLD, Comparison, PassageLink
from workbench.core.compare.alignment import colour_groups
from workbench.core.entities.service import EntityMention
from workbench.core.progress import CancelToken, ProgressCallback
from workbench.core.search.compiler import MatchPlan
from workbench.ui.i18n import Retranslating
from workbench.ui.numbers import decimal, number
from workbench.ui.session import CorpusSession
from workbench.ui.widgets.article_text import Highlight
from workbench.ui.widgets.compare_pane import FOCUS_COLOUR, ComparePane
from workbench.ui.widgets.compare_summary import CompareSummary
from workbench.ui.workers import Task

PASSAGE_COLOURS = tuple(QColor(name) for name in (
    "#c8e6c9", "#bbdefb", "#f8bbd0", "#ffe0b2", "#d1c4e9", "#b2dfdb", "#f0f4c3", "#ffccbc", "#cfd8dc", "#e1bee7"))
"""One pastel per group of shared passages (cycled); light enough for black text over it."""
SLIDER_STEPS = 100
"""The threshold slider counts hundredths of similarity."""
MIN_THRESHOLD = 0.2
"""Below this almost any two sentences of one story look alike."""


class CompareOutcome(NamedTuple):
    """A comparison with what each pane paints besides it: the query's matches and the entity
    filter's mentions, per article."""

    comparison: Comparison
    spans: list[list[tuple[int, int]]]
    mentions: list[list[EntityMention]]


class CompareView(Retranslating, QWidget):
    """Panes over a summary strip, with the threshold slider and navigation above them."""

    comparison_shown = Signal()
    """A comparison is painted (after the job that made it)."""
    failed = Signal(object)
    """The comparison could not be made; carries the exception (the window words it)."""

    def __init__(self, session: CorpusSession, font_size: int = 14, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_view")
        self._session = session
        self._font_size = font_size
        self._task: Task | None = None
        self._outcome: CompareOutcome | None = None
        self._corpus: Path | None = None
        self._order: list[int] = []
        """Comparison article indexes, in pane order (moving and closing panes changes it)."""
        self._links: list[PassageLink] = []
        self._groups: dict[tuple[int, int], int] = {}
        self._focus: tuple[int, int] | None = None
        """(article index, passage index) of the shared passage in focus."""
        self._syncing = False

        self.threshold_label = QLabel()
        self.threshold_slider = QSlider(Qt.Orientation.Horizontal)
        self.threshold_slider.setRange(int(MIN_THRESHOLD * SLIDER_STEPS), SLIDER_STEPS - 1)
        self.threshold_slider.setValue(round(DEFAULT_THRESHOLD * SLIDER_STEPS))
        self.threshold_slider.setMaximumWidth(220)
        self.threshold_slider.valueChanged.connect(self._on_threshold_slider_value_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("shared_count")
        self.previous_action = QAction(self)
        self.previous_action.setShortcuts([QKeySequence("Shift+F8"), QKeySequence("Alt+Up")])
        self.previous_action.triggered.connect(self.previous_passage)
        self.next_action = QAction(self)
        self.next_action.setShortcuts([QKeySequence("F8"), QKeySequence("Alt+Down")])
        self.next_action.triggered.connect(self.next_passage)
        self.close_action = QAction(self)
        self.close_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Escape")])
        self.close_action.triggered.connect(self.close)
        self.addActions([self.previous_action, self.next_action, self.close_action])
        self.previous_button = QToolButton()
        self.previous_button.setDefaultAction(self.previous_action)
        self.next_button = QToolButton()
        self.next_button.setDefaultAction(self.next_action)
        self.sync_box = QCheckBox()
        self.sync_box.setChecked(False)
        tools = QHBoxLayout()
        tools.addWidget(self.threshold_label)
        tools.addWidget(self.threshold_slider)
        tools.addWidget(self.count_label)
        tools.addStretch(1)
        tools.addWidget(self.previous_button)
        tools.addWidget(self.next_button)
        tools.addWidget(self.sync_box)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.panes: list[ComparePane] = []
        self.summary = CompareSummary()
        self.status_label = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(tools)
        layout.addWidget(self.status_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    # ----- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.setWindowTitle(self.tr("Compare articles"))
        self.previous_action.setText(self.tr("Previous shared passage"))
        self.previous_action.setToolTip(self.tr("Previous shared passage (Shift+F8)"))
        self.next_action.setText(self.tr("Next shared passage"))
        self.next_action.setToolTip(self.tr("Next shared passage (F8)"))
        self.sync_box.setText(self.tr("Scroll together"))
        self.threshold_slider.setToolTip(self.tr("How alike two passages must be to count as shared"))
        self._update_labels()

    def _update_labels(self) -> None:
        self.threshold_label.setText(self.tr("Passage similarity at least {value}").format(
            value=decimal(self.threshold(), 2)))
        self.count_label.setText(self.tr("{count} shared passages").format(count=number(self.shared_count())))
        loading = self._task is not None
        self.status_label.setText(self.tr("Comparing…") if loading else "")
        self.status_label.setVisible(loading)
        has_links = bool(self._first_pane_passages())
        self.previous_action.setEnabled(has_links)
        self.next_action.setEnabled(has_links)
        if self._outcome is not None:
            self.summary.show_summary(self._outcome.comparison, self._order, self._outcome.comparison.similarity,
                                      self.shared_count())

    # ----- comparing --------------------------------------------------------------------------

    def compare(self, article_ids: Sequence[str], corpus: Path | None = None, plan: MatchPlan | None = None,
                entity_ids: Sequence[str] = ()) -> None:
        """Compare these articles (2 to 4) in the reading lane; ``plan`` paints a search's matches
        and ``entity_ids`` the filter's entity mentions, as the reader does."""
        workspace = self._session.workspace
        if workspace is None:
            return
        if self._task is not None:
            self._task.cancel()
        ids = list(article_ids)
        threshold = self.threshold()

        def job(progress: ProgressCallback, cancel: CancelToken) -> CompareOutcome | None:
            comparison = workspace.compare.compare(ids, threshold)
            if cancel.cancelled:
                return None
            texts = [compared.article.indexable_text() for compared in comparison.articles]
            spans = [plan.spans(text) if plan is not None else [] for text in texts]
            mentions = [workspace.entities.mentions(article_id, entity_ids) if entity_ids else []
                        for article_id in ids]
            return CompareOutcome(comparison, spans, mentions)

        self._corpus = corpus
        self._task = self._session.submit("compare", job, succeeded=self._on_task_succeeded,
                                          failed=self._on_task_failed)
        self._update_labels()

    def show_outcome(self, outcome: CompareOutcome) -> None:
        """Paint a finished comparison: one pane per article, in the order asked for."""
        self._outcome = outcome
        self._order = list(range(len(outcome.comparison.articles)))
        self._focus = None
        self._rebuild_panes()

    @property
    def comparison(self) -> Comparison | None:
        """The comparison shown, or None."""
        return self._outcome.comparison if self._outcome is not None else None

    def shown_ids(self) -> list[str]:
        """The ids of the articles shown, in pane order."""
        comparison = self.comparison
        return [comparison.articles[i].article.id for i in self._order] if comparison is not None else []

    def order(self) -> list[int]:
        """The comparison's article indexes, in pane order."""
        return list(self._order)

    def threshold(self) -> float:
        """The similarity two passages need to count as shared."""
        return self.threshold_slider.value() / SLIDER_STEPS

    def set_threshold(self, value: float) -> None:
        """Move the slider (links and colours follow)."""
        self.threshold_slider.setValue(round(value * SLIDER_STEPS))

    def shared_count(self) -> int:
        """Pairs of shared passages among the articles shown, at the threshold."""
        return len(self._links)

    # ----- panes ------------------------------------------------------------------------------

    def _rebuild_panes(self) -> None:
        outcome = self._outcome
        for pane in self.panes:
            pane.setParent(None)
            pane.deleteLater()
        self.panes = []
        if outcome is None:
            return
        for index in self._order:
            pane = ComparePane(self._font_size)
            pane.show_compared(outcome.comparison.articles[index], self._corpus, outcome.spans[index],
                               outcome.mentions[index])
            pane.offset_clicked.connect(self._on_pane_offset_clicked)
            pane.move_requested.connect(self._on_pane_move_requested)
            pane.close_requested.connect(self._on_pane_close_requested)
            pane.text.verticalScrollBar().valueChanged.connect(self._on_pane_scrolled)
            self.splitter.addWidget(pane)
            self.panes.append(pane)
        for position, pane in enumerate(self.panes):
            pane.set_positions(position == 0, position == len(self.panes) - 1)
        self.splitter.setSizes([1] * len(self.panes))
        self._relink()

    def move_pane(self, position: int, step: int) -> None:
        """Move the pane at ``position`` by ``step`` places (swapping it with its neighbour)."""
        target = position + step
        if 0 <= position < len(self._order) and 0 <= target < len(self._order):
            self._order[position], self._order[target] = self._order[target], self._order[position]
            self._rebuild_panes()

    def close_pane(self, position: int) -> None:
        """Take the pane at ``position`` out of the comparison (one article at least stays)."""
        if len(self._order) > 1 and 0 <= position < len(self._order):
            del self._order[position]
            self._focus = None
            self._rebuild_panes()

    def _relink(self) -> None:
        """Work the shared passages out again (threshold or panes changed) and repaint them."""
        comparison = self.comparison
        if comparison is None:
            self._links, self._groups = [], {}
            self._update_labels()
            return
        shown = set(self._order)
        self._links = [link for link in comparison.links(self.threshold()) if link.a in shown and link.b in shown]
        self._groups = dict(colour_groups(self._links))
        if self._focus is not None and self._focus not in self._groups:
            self._focus = None
        for pane, index in zip(self.panes, self._order, strict=True):
            passages = comparison.articles[index].passages
            pane.text.set_layer("passages", [
                Highlight(passages[passage_no].start, passages[passage_no].end, PASSAGE_COLOURS[group % len(PASSAGE_COLOURS)],
                          str(group))
                for (article, passage_no), group in sorted(self._groups.items()) if article == index])
        self._paint_focus()
        self._update_labels()

    def _paint_focus(self) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        focused = set(self._counterpart_passages(self._focus)) if self._focus is not None else set()
        for pane, index in zip(self.panes, self._order, strict=True):
            passages = comparison.articles[index].passages
            pane.text.set_layer("focus", [Highlight(passages[passage_no].start, passages[passage_no].end, FOCUS_COLOUR)
                                          for article, passage_no in sorted(focused) if article == index])

    def _counterpart_passages(self, node: tuple[int, int]) -> list[tuple[int, int]]:
        """A passage and the passages linked to it directly, most similar first."""
        found = [(link.similarity, (link.b, link.b_passage)) for link in self._links if (link.a, link.a_passage) == node]
        found += [(link.similarity, (link.a, link.a_passage)) for link in self._links if (link.b, link.b_passage) == node]
        return [node] + [other for _, other in sorted(found, key=lambda item: -item[0])]

    def focus_passage(self, article: int, passage: int) -> None:
        """Put a shared passage in focus: highlight it and its counterparts, and scroll every pane to them."""
        comparison = self.comparison
        if comparison is None or (article, passage) not in self._groups:
            return
        self._focus = (article, passage)
        self._paint_focus()
        scrolled: set[int] = set()
        for other, passage_no in self._counterpart_passages(self._focus):
            if other in scrolled or other not in self._order:
                continue
            scrolled.add(other)
            self.panes[self._order.index(other)].text.scroll_to(comparison.articles[other].passages[passage_no].start)

    def focused_passage(self) -> tuple[int, int] | None:
        """(article index, passage index) of the shared passage in focus, or None."""
        return self._focus

    def _first_pane_passages(self) -> list[int]:
        """The shared passages of the first pane, in text order."""
        if not self._order:
            return []
        first = self._order[0]
        return sorted(passage_no for article, passage_no in self._groups if article == first)

    def next_passage(self) -> None:
        """Focus the next shared passage of the first pane (wrapping around)."""
        self._step(1)

    def previous_passage(self) -> None:
        """Focus the previous shared passage of the first pane (wrapping around)."""
        self._step(-1)

    def _step(self, step: int) -> None:
        passages = self._first_pane_passages()
        if not passages:
            return
        first = self._order[0]
        if self._focus is None or self._focus[0] != first or self._focus[1] not in passages:
            target = passages[0] if step > 0 else passages[-1]
        else:
            target = passages[(passages.index(self._focus[1]) + step) % len(passages)]
        self.focus_passage(first, target)

    # ----- slots ------------------------------------------------------------------------------

    def _on_task_succeeded(self, outcome: CompareOutcome | None) -> None:
        if self.sender() is not self._task or outcome is None:
            return
        self._task = None
        self.show_outcome(outcome)
        self.comparison_shown.emit()

    def _on_task_failed(self, exc: BaseException) -> None:
        if self.sender() is not self._task:
            return
        self._task = None
        self._update_labels()
        self.failed.emit(exc)

    def _on_threshold_slider_value_changed(self, _value: int) -> None:
        self._relink()

    def _on_pane_offset_clicked(self, offset: int) -> None:
        pane = self.sender()
        comparison = self.comparison
        if not isinstance(pane, ComparePane) or pane not in self.panes or comparison is None:
            return
        article = self._order[self.panes.index(pane)]
        passage = next((passage_no for passage_no, found in enumerate(comparison.articles[article].passages)
                        if found.start <= offset < found.end), None)
        if passage is not None:
            self.focus_passage(article, passage)

    def _on_pane_move_requested(self, step: int) -> None:
        pane = self.sender()
        if isinstance(pane, ComparePane) and pane in self.panes:
            self.move_pane(self.panes.index(pane), step)

    def _on_pane_close_requested(self) -> None:
        pane = self.sender()
        if isinstance(pane, ComparePane) and pane in self.panes:
            self.close_pane(self.panes.index(pane))

    def _on_pane_scrolled(self, value: int) -> None:
        """With "scroll together", keep every pane at the same share of its text."""
        if not self.sync_box.isChecked() or self._syncing:
            return
        source = self.sender()
        moved = next((pane.text.verticalScrollBar() for pane in self.panes
                      if pane.text.verticalScrollBar() is source), None)
        if moved is None:
            return
        share = value / max(1, moved.maximum())
        self._syncing = True
        try:
            for pane in self.panes:
                bar = pane.text.verticalScrollBar()
                if bar is not moved:
                    bar.setValue(round(share * bar.maximum()))
        finally:
            self._syncing = False
