"""The timeline strip: stacked bars per day, regrouped to fit, dragging chooses a date range."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from workbench.core.search.histogram import build_histogram
from workbench.ui.widgets.timeline import SOURCE_COLOURS, TimelineWidget


def days(first: str, count: int, per_day: int = 1, source: str = "سانا") -> list[tuple[str, str]]:
    start = dt.date.fromisoformat(first)
    return [((start + dt.timedelta(days=n)).isoformat(), source) for n in range(count) for _ in range(per_day)]


def make(qtbot: QtBot, width: int = 600) -> TimelineWidget:
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.resize(width, timeline.sizeHint().height())
    timeline.show()
    qtbot.waitExposed(timeline)
    return timeline


def centre(timeline: TimelineWidget, bar: int) -> QPoint:
    return timeline.bar_rect(bar).center().toPoint()


def test_dragging_across_bars_selects_their_days(qtbot: QtBot) -> None:
    timeline = make(qtbot)
    timeline.set_histogram(build_histogram(days("2016-11-01", 10) + days("2016-11-03", 1, 3, "تشرين")))
    shown = timeline.histogram()
    assert shown is not None and shown.bucket == "day" and len(shown.starts) == 10
    with qtbot.waitSignal(timeline.range_selected) as blocker:
        qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=centre(timeline, 6))
        qtbot.mouseMove(timeline, centre(timeline, 4))
        qtbot.mouseMove(timeline, centre(timeline, 2))
        qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=centre(timeline, 2))
    assert blocker.args == ["2016-11-03", "2016-11-07"]
    with qtbot.waitSignal(timeline.range_selected) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=centre(timeline, 9))
    assert blocker.args == ["2016-11-10", "2016-11-10"]
    with qtbot.waitSignal(timeline.range_cleared):
        qtbot.mouseDClick(timeline, Qt.MouseButton.LeftButton, pos=centre(timeline, 9))


def test_bars_are_stacked_by_source_in_their_colours(qtbot: QtBot) -> None:
    timeline = make(qtbot)
    timeline.set_histogram(build_histogram(days("2016-11-01", 3, 2) + days("2016-11-02", 1, 2, "تشرين")))
    image: QImage = timeline.grab().toImage()
    bar = timeline.bar_rect(1)
    x = int(bar.center().x())
    colours = {QColor(image.pixel(x, y)).name() for y in range(int(bar.top()), int(bar.bottom()))}
    assert SOURCE_COLOURS[0].name() in colours and SOURCE_COLOURS[1].name() in colours
    tall = [y for y in range(int(bar.top()), int(bar.bottom())) if QColor(image.pixel(x, y)).name() != "#ffffff"]
    short_x = int(timeline.bar_rect(0).center().x())
    short = [y for y in range(int(bar.top()), int(bar.bottom())) if QColor(image.pixel(short_x, y)).name() != "#ffffff"]
    assert len(tall) > len(short) > 0  # day 2 has twice the articles of day 1


def test_many_days_are_regrouped_to_fit_the_width(qtbot: QtBot) -> None:
    timeline = make(qtbot, width=300)
    timeline.set_histogram(build_histogram(days("2015-01-01", 400)))
    shown = timeline.histogram()
    assert shown is not None and shown.bucket == "week" and sum(shown.totals()) == 400
    timeline.resize(1600, timeline.height())
    qtbot.waitUntil(lambda: timeline.histogram() is not None and timeline.histogram().bucket == "day")


def test_nothing_dated_is_said_and_the_selection_follows_the_filter(qtbot: QtBot) -> None:
    timeline = make(qtbot)
    timeline.set_histogram(build_histogram([("", "سانا"), ("", "سانا")]))
    assert "None of these 2 articles has a date" in timeline._empty_text(timeline.histogram())
    timeline.set_histogram(build_histogram(days("2016-11-01", 5)))
    timeline.set_selection("2016-11-02", None)
    assert timeline._selection == ("2016-11-02", "")



def test_axis_labels_never_overlap(qtbot: QtBot) -> None:
    timeline = make(qtbot)
    for count in (1, 2, 30, 90, 400):
        timeline.set_histogram(build_histogram(days("2016-11-01", count)))
        labels = timeline.axis_labels()
        assert labels and labels[0][1] == timeline.histogram().starts[0]
        for (left, _), (right, _) in pairwise(labels):
            assert left.right() < right.left()
        assert labels[-1][0].right() <= timeline.width()
