"""The results list: lazy rows for 30,000 hits, two-line rows with the match visible, header sorts,
selecting a row opens it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from pytestqt.qtbot import QtBot

from workbench.core.search import Hit, Snippet
from workbench.ui.models.results_model import BATCH_SIZE, COLUMNS, HIT_ROLE, KWIC_ROLE, ResultsModel, kwic_line
from workbench.ui.widgets.results_view import ResultsView


class FakeResults:
    """Stands in for core SearchResults, counting how many hits were materialised."""

    def __init__(self, count: int, browsing: bool = False) -> None:
        self.query = "" if browsing else "حلب"
        self.total = count
        self.browsing = browsing
        self.variants: dict[str, list[str]] = {}
        self.built: set[int] = set()
        self._count = count

    def __len__(self) -> int:
        return self._count

    def hit(self, i: int) -> Hit:
        self.built.add(i)
        snippet = Snippet(text=f"معارك عنيفة في حلب رقم {i}", highlights=[] if self.browsing else [(15, 18)], start=0)
        return Hit(id=f"{i}.txt", path=f"{i}.txt", title=f"خبر {i}", source="سانا", date="2016-11-03", url="",
                   score=1.0 / (i + 1), snippets=[snippet])


def make_view(qtbot: QtBot, results: FakeResults, width: int = 560) -> tuple[ResultsModel, ResultsView]:
    model = ResultsModel()
    view = ResultsView(model)
    qtbot.addWidget(view)
    view.resize(width, 400)
    view.show()
    qtbot.waitExposed(view)
    model.set_results(results)  # type: ignore[arg-type]
    return model, view


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
    assert model.index(5, ResultsModel.DATE).data() == "2016-11-03"
    assert model.index(5, 0).data(HIT_ROLE).id == "5.txt"
    assert results.built == {5}


def test_view_materialises_only_visible_rows(qtbot: QtBot) -> None:
    results = FakeResults(30_000)
    model, view = make_view(qtbot, results, width=800)
    qtbot.wait(50)
    assert 0 < len(results.built) < 100
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > BATCH_SIZE)
    assert len(results.built) < 500


def test_each_row_carries_a_kwic_line_with_the_match_and_the_lead_when_browsing() -> None:
    assert kwic_line(Snippet("قبل حلب بعد", [(4, 7)], 0)) == ("قبل ", "حلب", " بعد")
    assert kwic_line(Snippet("بداية المقال", [], 0)) == ("بداية المقال", "", "")
    model = ResultsModel()
    model.set_results(FakeResults(1))  # type: ignore[arg-type]
    assert model.index(0, ResultsModel.TITLE).data(KWIC_ROLE) == ("معارك عنيفة في ", "حلب", " رقم 0")
    browse = FakeResults(1, browsing=True)
    model.set_results(browse)  # type: ignore[arg-type]
    assert model.index(0, ResultsModel.TITLE).data(KWIC_ROLE)[1] == ""
    assert model.index(0, ResultsModel.SCORE).data() == ""  # no score without a query


def test_columns_fit_a_laptop_pane_and_the_title_takes_the_rest(qtbot: QtBot) -> None:
    _model, view = make_view(qtbot, FakeResults(20))
    header = view.horizontalHeader()
    assert header.length() <= view.viewport().width() + 1  # no sideways scrolling
    others = sum(view.columnWidth(c) for c in range(len(COLUMNS)) if c != ResultsModel.TITLE)
    assert view.columnWidth(ResultsModel.TITLE) >= view.viewport().width() - others - 1
    assert view.columnWidth(ResultsModel.TITLE) > 250
    assert view.rowHeight(0) >= 2 * view.fontMetrics().height()  # title over the KWIC line
    date_width = view.fontMetrics().horizontalAdvance("2016-11-03")
    assert view.columnWidth(ResultsModel.DATE) >= date_width


def test_clicking_a_header_asks_for_that_sort(qtbot: QtBot) -> None:
    model, view = make_view(qtbot, FakeResults(3))
    header = view.horizontalHeader()
    asked: list[str] = []
    model.sort_requested.connect(asked.append)
    for column in (ResultsModel.DATE, ResultsModel.DATE, ResultsModel.SOURCE, ResultsModel.TITLE, ResultsModel.SCORE):
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert asked[0] in ("date", "date-asc") and {asked[0], asked[1]} == {"date", "date-asc"}
    assert asked[2:] == ["source", "title", "relevance"]
    view.show_sort("date-asc")
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (ResultsModel.DATE, Qt.SortOrder.AscendingOrder)
    assert len(asked) == 5  # showing the order does not ask for it again


def test_click_or_arrows_select_and_open_a_row(qtbot: QtBot) -> None:
    model, view = make_view(qtbot, FakeResults(3))
    rect = view.visualRect(model.index(1, ResultsModel.TITLE))
    with qtbot.waitSignal(view.row_selected) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [1]
    with qtbot.waitSignal(view.row_selected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert blocker.args == [2]
    with qtbot.waitSignal(view.row_selected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [2]


def test_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = ResultsModel()
    model.set_results(FakeResults(450))  # type: ignore[arg-type]
    qtmodeltester.check(model)

