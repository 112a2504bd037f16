"""The summary page's cost table shows every year and the total whatever the text size:
when its columns are wider than the page (English headers at 大 or 特大) its sideways
scroll bar takes room of its own instead of covering the total row."""

from __future__ import annotations

import pytest

from planner.ui import i18n, text_size
from tests.test_issue20_tables import summary


@pytest.mark.parametrize("level", ["normal", "large", "x-large"])
def test_every_row_of_the_cost_table_is_shown(window, qtbot, level):
    i18n.set_language("en", remember=False)
    window.resize(1366, 768)
    doc, page = summary(window, qtbot)
    text_size.set_level(level, remember=False)
    window.workspace.go(10)
    page = window.workspace.pages.currentWidget()
    qtbot.waitUntil(page.isVisible)
    table = page.years
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "FY2025 (Reiwa 7)", "FY2026 (Reiwa 8)", "FY2027 (Reiwa 9)", "Total"
    ]  # fmt: skip
    rows = lambda: sum(table.rowHeight(r) for r in range(table.rowCount()))  # noqa: E731
    qtbot.waitUntil(lambda: table.viewport().height() >= rows())
    assert table.verticalScrollBar().maximum() == 0
    if level == "x-large":  # the case that hid the total row: the columns scroll sideways
        assert table.horizontalScrollBar().maximum() > 0
