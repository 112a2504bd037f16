"""Issue 18, item 3: step 4, task list scrolled to the bottom. Ticking row 10's box ticked
it and the list jumped up about two rows, so the next click at the same place hit row 8.

The table refitted itself after each edit and set its style sheet again, which laid the
list out anew and clamped its scroll position. Now nothing moves under the pointer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QPushButton, QStyle, QStyleOptionViewItem

from planner.domain.model import Task, TaskFactors
from planner.domain.operations import Batch, InsertRow

LONG = "（住民からの問い合わせ、関係課との調整、資料の作成と決裁、台帳への記録を含む）"


def settle() -> None:
    """Let the deferred refits and layouts run (the table refits one turn after an edit)."""
    for _ in range(5):
        QCoreApplication.sendPostedEvents(None, 0)
        QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def open_long_unit(window, qtbot):
    """The sample's first unit with 17 tasks, some with names that wrap onto more lines."""
    button = window.welcome.findChild(QPushButton, "sample_kawasemi-town")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.isVisible())
    doc = window.doc
    unit = doc.plan.units[0]
    start = len(unit.tasks)
    factors = (TaskFactors(), TaskFactors(paper="heavy", counter=True), TaskFactors(onsite=True))
    new = [
        Task(name=f"追加業務{i + 1}" + (LONG if i % 3 == 0 else ""), factors=factors[i % 3])
        for i in range(10)
    ]
    ops = [InsertRow(("units", unit.id, "tasks"), start + i, t) for i, t in enumerate(new)]
    assert doc.apply(Batch(ops)) is None
    for task in unit.tasks:
        task.selected = False  # a clean slate: the ticks asserted are the clicks'
    window.workspace.go(3)
    page = window.workspace.page(4)
    page.select_unit(0)
    settle()
    return doc, page


def check_point(view, row: int):
    """The centre of the check box of the view's row, where a person clicks."""
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    option.index = index
    rect = view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
    )
    return rect.center()


def task_at(page, point):
    """The task whose row is under ``point`` of the task list's viewport."""
    index = page.task_table.view.indexAt(point)
    return (
        page.task_model.row_object(page.task_table.source_row(index)) if index.isValid() else None
    )


def picked(doc) -> set[str]:
    return {t.id for t in doc.plan.units[0].tasks if t.selected}


def test_ticks_at_the_bottom_hit_the_rows_aimed_at(window, qtbot):
    doc, page = open_long_unit(window, qtbot)
    view = page.task_table.view
    heights = {view.rowHeight(r) for r in range(view.model().rowCount())}
    assert len(heights) > 1  # rows of different heights (wrapped names)
    view.scrollToBottom()
    settle()
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum()
    rows = view.model().rowCount()
    aims = [rows - 7, rows - 6, rows - 4]  # three rows near the bottom, as in the report
    points = [check_point(view, r) for r in aims]
    aimed = [task_at(page, p) for p in points]
    assert all(aimed) and len({t.id for t in aimed}) == 3
    for point, task in zip(points, aimed, strict=True):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        settle()
        assert task_at(page, point).id == task.id  # nothing moved under the pointer
    assert picked(doc) == {t.id for t in aimed}
    # a second click at the first place unticks the same task
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=points[0])
    settle()
    assert picked(doc) == {aimed[1].id, aimed[2].id}
    assert bar.value() == bar.maximum()  # still at the bottom


def test_ticks_in_the_middle_keep_the_scroll_position(window, qtbot):
    doc, page = open_long_unit(window, qtbot)
    view = page.task_table.view
    view.verticalScrollBar().setValue(3)
    settle()
    point = check_point(view, 5)
    task = task_at(page, point)
    for _ in range(2):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        settle()
        assert view.verticalScrollBar().value() == 3
        assert task_at(page, point).id == task.id
    assert picked(doc) == set()
