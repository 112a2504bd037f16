"""Driving the real window the way a user does, for the UI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit


def create_plan(window, qtbot, name="さくら町", general="120", all_staff="180", fy=2025):
    form = window.welcome.form
    form.name.setText(name)  # Japanese text: setText, not keyClicks (see pitfalls.md)
    form.prefecture.setCurrentIndex(form.prefecture.findData("長野県"))
    form.general.clear()
    qtbot.keyClicks(form.general, general)
    form.all_staff.clear()
    qtbot.keyClicks(form.all_staff, all_staff)
    form.fiscal_year.setValue(fy)
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    assert window.doc is not None
    return window.doc


def type_into(qtbot, bound_field, text: str) -> None:
    """Type into a bound form field and finish editing (Enter)."""
    editor = bound_field.editor
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        editor.setText(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def choose(bound_field, data) -> None:
    combo = bound_field.editor
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def edit_cell(model, row: int, column_field: str, value, role=Qt.ItemDataRole.EditRole) -> bool:
    col = next(i for i, c in enumerate(model.columns) if c.field == column_field)
    return model.setData(model.index(row, col), value, role)


def check_cell(model, row: int, column_field: str, on: bool = True) -> bool:
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    return edit_cell(model, row, column_field, state.value, Qt.ItemDataRole.CheckStateRole)


def column_texts(model, header_ja: str) -> list[str]:
    col = next(
        i
        for i in range(model.columnCount())
        if model.headerData(i, Qt.Orientation.Horizontal) == header_ja
    )
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]
