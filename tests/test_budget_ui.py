"""Issue 20 on screen: a lease, its months and its contract in step 7's line table, the
device life for 後年度負担, and File › 予算要求書（Excel）を書き出す…"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from planner.ui.fields import BoundField
from planner.ui.mnemonics import strip  # texts as read, without the Alt+letter
from tests.test_issue18_ui_dropdown import column_of, open_sample, pick_in_cell
from tests.ui_helpers import type_into

POPUP = ("does not support raise", "does not support grabbing the keyboard")


def type_in_cell(qtbot, view, row: int, column: int, text: str) -> None:
    """Select the cell, F2, type over it (ASCII) and Enter, as a person does."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    (editor,) = [e for e in view.findChildren(QLineEdit) if e.isVisible()]  # not an old one
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


@pytest.mark.qt_log_ignore(*POPUP)
def test_a_line_becomes_a_lease_under_a_debt_burden_act(window, qtbot, replies):
    doc = open_sample(window, qtbot)
    page = window.workspace.page(7)
    window.workspace.go(6)
    view, model = page.lines.view, page.lines.model
    line = doc.plan.adopted_scenario().lines[2]  # 貸与用ノートPC, 64 × ¥135,000, one-time
    pick_in_cell(qtbot, view, 2, column_of(model, "recurrence"), "リース（月額）")
    type_in_cell(qtbot, view, 2, column_of(model, "unit_price"), "3000")
    type_in_cell(qtbot, view, 2, column_of(model, "lease_start_month"), "10")
    type_in_cell(qtbot, view, 2, column_of(model, "lease_months"), "60")
    pick_in_cell(qtbot, view, 2, column_of(model, "contract"), "債務負担行為")
    assert (line.recurrence, line.unit_price, line.lease_start_month, line.lease_months,
            line.contract) == ("lease", 3000, 10, 60, "debt_burden")  # fmt: skip
    # 64 × ¥3,000 = ¥192,000 a month, 60 months
    amount = next(i for i, c in enumerate(model.columns) if c.header.ja == "年額")
    assert model.index(2, amount).data() == "月額192,000円（計11,520,000円）"
    tip = model.index(2, column_of(model, "lease_months")).data(Qt.ItemDataRole.ToolTipRole)
    tip = QTextDocumentFragment.fromHtml(tip).toPlainText().replace("\xa0", " ")
    assert tip.startswith("リース期間: 令和7年10月〜令和12年9月（令和7年度 6か月、令和8年度 12か月")
    # the estimate follows: FY2025 has 6 months of it, and the years run to FY2030
    est = doc.estimate(doc.plan.adopted_scenario_id)
    assert est.years[-1].fiscal_year == 2030 and est.year(2030).total == 6 * 192_000
    # a month that is not one is refused with a message, and the plan keeps 10
    type_in_cell(qtbot, view, 2, column_of(model, "lease_start_month"), "13")
    assert line.lease_start_month == 10
    assert page.lines.error.text() == "リース開始月が大きすぎます（13、上限12）。"
    for _ in range(5):
        doc.undo_stack.undo()
    assert (line.recurrence, line.unit_price, line.contract) == ("one_time", 135_000, None)


def test_the_device_life_is_typed_in_step_7(window, qtbot, replies):
    doc = open_sample(window, qtbot)
    page = window.workspace.page(7)
    window.workspace.go(6)
    field = next(f for f in page.findChildren(BoundField) if f.column.field == "device_life_years")
    type_into(qtbot, field, "7")
    assert doc.plan.device_life_years == 7
    doc.undo_stack.undo()
    assert doc.plan.device_life_years == 5


def test_the_file_menu_writes_the_budget_request(window, qtbot, replies, tmp_path):
    assert not window.findChild(QAction, "actionExportBudget").isEnabled()  # no plan yet
    doc = open_sample(window, qtbot)
    action = window.findChild(QAction, "actionExportBudget")
    assert action.isEnabled() and strip(action.text()) == "予算要求書（Excel）を書き出す…"
    replies["save"] = tmp_path / "budget.xlsx"
    replies["yes_no"] = True  # every scenario
    action.trigger()
    assert replies["infos"][-1] == ("予算要求書を書き出しました",
                                    f"{tmp_path / 'budget.xlsx'} に書き出しました。")  # fmt: skip
    names = load_workbook(tmp_path / "budget.xlsx").sheetnames
    assert len(names) == 2 * len(doc.plan.scenarios) and names[0].startswith("明細1 ")
    replies["yes_no"] = False  # the adopted scenario only
    action.trigger()
    assert load_workbook(tmp_path / "budget.xlsx").sheetnames == ["経費明細", "集計"]
    replies["save"] = tmp_path  # a folder: refused with the writer's message
    action.trigger()
    assert replies["errors"][-1][0] == "予算要求書を書き出せません"
    assert "フォルダ" in replies["errors"][-1][1]
