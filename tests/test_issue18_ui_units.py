"""Issue 18, items 2 and 5: removing and adding units from the tables.

2. Step 5's 選択行を削除 removed the whole unit with its tasks and ticks without asking.
   It now asks first, naming what goes (Cancel is the default); OK removes it as one
   undoable step.
5. A unit typed with a taken name was refused, but its empty 「(新しい課)」 row stayed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton

from planner.ui import dialogs


def open_sample(window, qtbot):
    button = window.welcome.findChild(QPushButton, "sample_kawasemi-town")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.isVisible())
    return window.doc


def click_row(qtbot, view, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier,
                     view.visualRect(index).center())  # fmt: skip


def press_undo(window) -> None:
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    QTest.keySequence(window.windowHandle(), QKeySequence(QKeySequence.StandardKey.Undo))


def snapshot(plan):
    return [(u.id, u.name, [(t.id, t.selected) for t in u.tasks]) for u in plan.units]


def test_step5_remove_asks_and_cancel_keeps_everything(window, qtbot, replies):
    doc = open_sample(window, qtbot)
    page = window.workspace.page(5)
    window.workspace.go(4)
    before, undo_count = snapshot(doc.plan), doc.undo_stack.count()
    click_row(qtbot, page.units.view, 0)
    replies["yes_no"] = False  # Cancel
    qtbot.mouseClick(page.units.remove_button, Qt.MouseButton.LeftButton)
    kind, (title, text, *rest) = replies["asked"][-1]
    assert kind == "yes_no" and title == "課の削除"
    assert text == "総務課と、その業務 7件・選択 2件を削除します。よろしいですか？"
    assert snapshot(doc.plan) == before and doc.undo_stack.count() == undo_count


def test_step5_remove_ok_is_one_undoable_step(window, qtbot, replies):
    doc = open_sample(window, qtbot)
    page = window.workspace.page(5)
    window.workspace.go(4)
    before, undo_count = snapshot(doc.plan), doc.undo_stack.count()
    click_row(qtbot, page.units.view, 0)
    replies["yes_no"] = True  # OK
    qtbot.mouseClick(page.units.remove_button, Qt.MouseButton.LeftButton)
    assert [u.name for u in doc.plan.units][:2] == ["総務課 人事係", "企画政策課"]
    assert len(doc.plan.units) == len(before) - 1
    assert doc.undo_stack.count() == undo_count + 1
    press_undo(window)  # Ctrl+Z: the unit, its tasks and its ticks are back
    assert snapshot(doc.plan) == before


def test_step5_remove_several_names_the_counts(window, qtbot, replies):
    doc = open_sample(window, qtbot)
    page = window.workspace.page(5)
    window.workspace.go(4)
    before = snapshot(doc.plan)
    view = page.units.view
    click_row(qtbot, view, 0)
    click_row(qtbot, view, 2, Qt.KeyboardModifier.ShiftModifier)
    replies["yes_no"] = False
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # the Delete key asks the same
    _kind, (_title, text, *_rest) = replies["asked"][-1]
    assert text == (
        "総務課・総務課 人事係・企画政策課の3課と、その業務 21件・選択 13件を削除します。"
        "よろしいですか？"
    )
    assert snapshot(doc.plan) == before
    replies["yes_no"] = True
    qtbot.mouseClick(page.units.remove_button, Qt.MouseButton.LeftButton)
    assert len(doc.plan.units) == len(before) - 3
    press_undo(window)
    assert snapshot(doc.plan) == before


def test_step4_unit_removal_asks_too(window, qtbot, replies):
    doc = open_sample(window, qtbot)
    page = window.workspace.page(4)
    window.workspace.go(3)
    before = snapshot(doc.plan)
    click_row(qtbot, page.unit_table.view, 1)
    replies["yes_no"] = False
    qtbot.mouseClick(page.unit_table.remove_button, Qt.MouseButton.LeftButton)
    _kind, (_title, text, *_rest) = replies["asked"][-1]
    assert text == "総務課 人事係と、その業務 7件・選択 5件を削除します。よろしいですか？"
    assert snapshot(doc.plan) == before


def test_the_question_in_english(window, qtbot, replies):
    window.set_language("en")
    doc = open_sample(window, qtbot)
    page = window.workspace.page(5)
    window.workspace.go(4)
    click_row(qtbot, page.units.view, 0)
    qtbot.mouseClick(page.units.remove_button, Qt.MouseButton.LeftButton)
    _kind, (title, text, *_rest) = replies["asked"][-1]
    assert title == "Delete units"
    assert text == "This deletes 総務課 with its 7 tasks (2 selected). Delete?"
    assert len(doc.plan.units) == 19


def test_the_question_defaults_to_cancel(app, qtbot):
    """Enter or Esc on the question keeps the units: Cancel is its default and escape."""
    box = dialogs.question_box(None, "課の削除", "総務課と…", confirm="削除")
    qtbot.addWidget(box)
    buttons = QMessageBox.StandardButton
    assert box.defaultButton() is box.button(buttons.Cancel)
    assert box.escapeButton() is box.button(buttons.Cancel)
    assert box.button(buttons.Ok).text() == "削除"


def name_editor(qtbot, view, row: int):
    """F2 on the unit's name cell, as a person starts typing over it."""
    from PySide6.QtWidgets import QLineEdit

    view.setCurrentIndex(view.model().index(row, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    return editor


def enter(qtbot, view, editor, text: str) -> None:
    """Japanese text goes in with setText (see pitfalls.md); Enter commits it, as typed
    (the delegate commits at the next turn of the event loop)."""
    from PySide6.QtWidgets import QAbstractItemView

    editor.setText(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_a_new_unit_with_a_taken_name_leaves_nothing_behind(window, qtbot, replies):
    doc = open_sample(window, qtbot)
    page = window.workspace.page(4)
    window.workspace.go(3)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    table = page.unit_table
    before = snapshot(doc.plan)
    undo_count, undo_index = doc.undo_stack.count(), doc.undo_stack.index()
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    assert doc.plan.units[-1].name == "（新しい課）"
    editor = name_editor(qtbot, table.view, len(doc.plan.units) - 1)
    enter(qtbot, table.view, editor, "総務課")
    assert snapshot(doc.plan) == before  # no 「（新しい課）」 left behind
    assert table.model.rowCount() == len(before)
    assert (doc.undo_stack.count(), doc.undo_stack.index()) == (undo_count, undo_index)
    assert not doc.undo_stack.canRedo()
    assert table.error.text() == "課「総務課」はすでにあります。同じ名前の課は2つ作れません。"
    assert table.error.isVisible()


def test_a_new_unit_named_well_stays_and_undoes_in_one_step_each(window, qtbot, replies):
    doc = open_sample(window, qtbot)
    page = window.workspace.page(4)
    window.workspace.go(3)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    table = page.unit_table
    before = snapshot(doc.plan)
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    editor = name_editor(qtbot, table.view, len(doc.plan.units) - 1)
    enter(qtbot, table.view, editor, "監査委員事務局")
    assert doc.plan.units[-1].name == "監査委員事務局"
    assert table.error.text() == ""
    press_undo(window)  # the name
    assert doc.plan.units[-1].name == "（新しい課）"
    press_undo(window)  # the row
    assert snapshot(doc.plan) == before


def test_a_taken_name_typed_over_an_existing_unit_keeps_the_unit(window, qtbot, replies):
    """Only a row just added goes with the refusal; a unit that was there stays as it was."""
    doc = open_sample(window, qtbot)
    page = window.workspace.page(4)
    window.workspace.go(3)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    before = snapshot(doc.plan)
    editor = name_editor(qtbot, page.unit_table.view, 2)
    enter(qtbot, page.unit_table.view, editor, "総務課")
    assert snapshot(doc.plan) == before
    assert "すでにあります" in page.unit_table.error.text()
