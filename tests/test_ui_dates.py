"""Date fields take dates as people write them, offer a calendar, and say what is wrong."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCalendarWidget, QTableView

from planner.domain.model import Phase
from planner.domain.operations import InsertRow
from planner.ui.fields import BoundField
from tests.ui_helpers import create_plan, edit_cell, type_into


def _date_field(page, name):
    return next(
        f
        for f in page.findChildren(BoundField)
        if f.column.field == name and f.path == ("steps", page.number)
    )


def test_step_dates_typed_in_every_usual_form(window, qtbot):
    doc = create_plan(window, qtbot)
    page = window.workspace.page(1)
    start = _date_field(page, "start")
    for text, expected in (
        ("R7.11.5", date(2025, 11, 5)),
        ("2025/12/1", date(2025, 12, 1)),
        ("令和8年1月15日", date(2026, 1, 15)),
        ("２０２６－０２－０３", date(2026, 2, 3)),
        ("2026-03-31", date(2026, 3, 31)),
    ):
        type_into(qtbot, start, text)
        assert doc.plan.steps[1].start == expected, text
        assert not start.error.isVisibleTo(start)
        assert start.editor.text() == expected.isoformat()


def test_a_wrong_date_gets_a_message_beside_the_field(window, qtbot):
    doc = create_plan(window, qtbot)
    end = _date_field(window.workspace.page(1), "end")
    type_into(qtbot, end, "R7.2.30")
    assert end.error.isVisibleTo(end), end.error.text()
    assert end.error.text() == "「R7.2.30」という日付はありません。"
    assert doc.plan.steps[1].end is None  # the plan keeps its old value
    assert end.editor.text() == "R7.2.30"  # what the user typed stays to be corrected
    type_into(qtbot, end, "R7.2.28")
    assert not end.error.isVisibleTo(end)
    assert doc.plan.steps[1].end == date(2025, 2, 28)


# a pop-up asks the offscreen platform to raise it and grab the keyboard, which it cannot
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_calendar_popup_enters_the_picked_day(window, qtbot):
    doc = create_plan(window, qtbot)
    start = _date_field(window.workspace.page(1), "start")
    qtbot.waitUntil(start.isVisible)  # the new workspace is shown by a queued call
    qtbot.mouseClick(start.calendar_button, Qt.MouseButton.LeftButton)
    calendar = window.findChild(QCalendarWidget, "calendarPopup")
    assert calendar is not None and calendar.isVisible()
    calendar.setSelectedDate(QDate(2025, 12, 24))
    table = calendar.findChild(QTableView)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert doc.plan.steps[1].start == date(2025, 12, 24)
    assert start.editor.text() == "2025-12-24"
    qtbot.waitUntil(lambda: window.findChild(QCalendarWidget, "calendarPopup") is None)


def test_date_cells_take_era_dates(window, qtbot):
    doc = create_plan(window, qtbot)
    doc.apply(InsertRow(("phases",), 0, Phase("試行")))
    model = window.workspace.page(10).phases.model
    assert edit_cell(model, 0, "start", "令和7年10月1日")
    assert edit_cell(model, 0, "end", "R7.12.26")
    assert (doc.plan.phases[0].start, doc.plan.phases[0].end) == (
        date(2025, 10, 1),
        date(2025, 12, 26),
    )
    assert not edit_cell(model, 0, "end", "令和元年4月30日")
    assert doc.plan.phases[0].end == date(2025, 12, 26)
