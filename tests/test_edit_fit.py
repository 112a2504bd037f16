"""An edit widens its column to the new text at once, measuring only the edited row (issue 25)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QPushButton

from tests.ui_helpers import create_plan


def test_a_longer_cost_item_name_widens_its_column(window, qtbot):
    create_plan(window, qtbot)
    window.workspace.go(6)
    page = window.workspace.page(7)
    qtbot.mouseClick(page.findChild(QPushButton, "addCatalogItem"), Qt.MouseButton.LeftButton)
    table = page.lines
    model, view = table.model, table.view
    assert model.rowCount() >= 1
    col = next(i for i, c in enumerate(model.columns) if c.field == "unit_price")
    before = view.columnWidth(col)
    model.setData(model.index(0, col), "123456789012", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: view.columnWidth(col) > before, timeout=2000)
    index = model.index(0, col)
    font = index.data(Qt.ItemDataRole.FontRole) or view.font()
    assert view.columnWidth(col) >= QFontMetrics(font).horizontalAdvance(index.data())
