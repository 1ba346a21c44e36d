"""The results model stays fast on 30,000 hits: rows are exposed in batches, hits built on demand."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from workbench.core.search import Hit, Snippet
from workbench.ui.models.results_model import BATCH_SIZE, HIT_ROLE, SNIPPET_HTML_ROLE, ResultsModel, snippet_html
from workbench.ui.widgets.results_view import ResultsView


class FakeResults:
    """Stands in for core SearchResults, counting how many hits were materialised."""

    def __init__(self, count: int) -> None:
        self.query = "حلب"
        self.total = count
        self.variants: dict[str, list[str]] = {}
        self.built: set[int] = set()
        self._count = count

    def __len__(self) -> int:
        return self._count

    def hit(self, i: int) -> Hit:
        self.built.add(i)
        snippet = Snippet(text=f"معارك في حلب رقم {i}", highlights=[(9, 12)], start=0)
        return Hit(id=f"{i}.txt", path=f"{i}.txt", title=f"خبر {i}", source="سانا", date="2016-11-03", url="",
                   score=1.0 / (i + 1), snippets=[snippet])


def test_thirty_thousand_hits_are_exposed_lazily(qtbot: QtBot) -> None:
    results = FakeResults(30_000)
    model = ResultsModel()
    model.set_results(results)  # type: ignore[arg-type]
    assert model.rowCount() == BATCH_SIZE and model.canFetchMore(QModelIndex())
    assert results.built == set()
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * BATCH_SIZE
    assert model.index(5, ResultsModel.TITLE).data() == "خبر 5"
    assert model.index(5, ResultsModel.SCORE).data() == "0.17"
    assert model.index(5, 0).data(HIT_ROLE).id == "5.txt"
    assert results.built == {5}


def test_view_materialises_only_visible_rows(qtbot: QtBot) -> None:
    results = FakeResults(30_000)
    model = ResultsModel()
    view = ResultsView(model)
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.show()
    qtbot.waitExposed(view)
    model.set_results(results)  # type: ignore[arg-type]
    qtbot.wait(50)
    assert 0 < len(results.built) < 100
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > BATCH_SIZE)
    assert len(results.built) < 500


def test_snippet_html_bolds_matches_and_escapes() -> None:
    snippet = Snippet(text="a<b> حلب", highlights=[(5, 8)], start=0)
    assert snippet_html(snippet) == "a&lt;b&gt; <b>حلب</b>"
    model = ResultsModel()
    model.set_results(FakeResults(1))  # type: ignore[arg-type]
    assert model.index(0, ResultsModel.SNIPPET).data(SNIPPET_HTML_ROLE) == "معارك في <b>حلب</b> رقم 0"
    assert model.headerData(ResultsModel.SNIPPET, Qt.Orientation.Horizontal) == "Snippet"


def test_enter_on_a_row_activates_its_hit(qtbot: QtBot) -> None:
    model = ResultsModel()
    model.set_results(FakeResults(3))  # type: ignore[arg-type]
    view = ResultsView(model)
    qtbot.addWidget(view)
    view.show()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.row_activated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args[0] == 1


def test_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = ResultsModel()
    model.set_results(FakeResults(450))  # type: ignore[arg-type]
    qtmodeltester.check(model)


def test_table_snippet_starts_shortly_before_the_first_match() -> None:
    text = "كلمة " * 20 + "حلب والباقي"
    start = text.index("حلب")
    html_text = snippet_html(Snippet(text, [(start, start + 3)], 0), lead=12)
    assert html_text.startswith("… ")
    assert "<b>حلب</b>" in html_text
    assert len(html_text) < len(text)
    assert snippet_html(Snippet("حلب اليوم", [(0, 3)], 0), lead=12) == "<b>حلب</b> اليوم"
