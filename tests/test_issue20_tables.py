"""Issue 20, section 3: every table of the summary page copies to the clipboard as
tab-separated text (Ctrl+C, context menu) and saves as CSV (UTF-8 with a BOM)."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from planner.domain.fiscal import fiscal_year_label
from planner.report.tabular import csv_bytes, spreadsheet_text, tsv
from tests.test_issue18_ui_dropdown import open_sample


def summary(window, qtbot):
    doc = open_sample(window, qtbot)
    window.workspace.go(10)
    page = window.workspace.pages.currentWidget()
    qtbot.waitUntil(page.isVisible)
    return doc, page


def lines(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines()]


def press_copy(qtbot, view, *, everything=False):
    """Ctrl+C on the table (after Ctrl+A: the whole table)."""
    QGuiApplication.clipboard().clear()
    view.setFocus()
    if everything:
        qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    return QGuiApplication.clipboard().text()


def click_cell(qtbot, view, row, column):
    rect = view.visualRect(view.model().index(row, column))
    view.scrollTo(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_ctrl_c_copies_the_selected_cell_or_the_whole_costs_per_year(window, qtbot):
    doc, page = summary(window, qtbot)
    est = doc.adopted_estimate()
    view = page.years
    click_cell(qtbot, view, 0, 1)
    assert lines(press_copy(qtbot, view)) == [["事業費"], [str(est.years[0].total)]]
    rows = lines(press_copy(qtbot, view, everything=True))
    assert rows[0][:6] == ["年度", "事業費", "特定財源", "うち対象経費", "措置見込額", "実質負担額"]
    first = est.years[0]
    assert rows[1][:6] == [fiscal_year_label(first.fiscal_year), str(first.total),
                           str(first.other_revenue), str(first.eligible), str(first.subsidy),
                           str(first.net)]  # fmt: skip
    assert rows[-1][:2] == ["合計", str(est.period.total)]
    assert len(rows) == len(est.years) + 2


def test_the_cost_lines_and_the_selected_tasks_are_shown_and_copied(window, qtbot):
    doc, page = summary(window, qtbot)
    lines_view, tasks_view = page.cost_lines, page.tasks
    scenario = doc.plan.adopted_scenario()
    rows = lines(press_copy(qtbot, lines_view, everything=True))
    assert rows[0] == [
        "品目",
        "区分",
        "予算の節",
        "単価",
        "数量",
        "年度額",
        "計上年度",
        "措置対象（根拠）",
    ]
    assert [r[0] for r in rows[1:]] == [line.name for line in scenario.lines]
    assert rows[1][3] == str(scenario.lines[0].unit_price)
    picked = doc.plan.selected_tasks()
    rows = lines(press_copy(qtbot, tasks_view, everything=True))
    assert rows[0] == ["課", "業務", "適性", "主な理由"]
    assert [(r[0], r[1]) for r in rows[1:]] == [(u.name, t.name) for u, t in picked]
    assert {r[2] for r in rows[1:]} <= {"◎ 適", "○ 条件付き", "× 不適"}
    click_cell(qtbot, tasks_view, 1, 1)
    qtbot.keyClick(tasks_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert lines(press_copy(qtbot, tasks_view)) == [
        ["業務"],
        [picked[1][1].name],
        [picked[2][1].name],
    ]


def test_a_task_named_like_a_formula_is_copied_as_text(window, qtbot):
    doc, page = summary(window, qtbot)
    from planner.domain.operations import SetValue

    unit, task = doc.plan.selected_tasks()[0]
    doc.apply(SetValue(("units", unit.id, "tasks", task.id), "name", "=cmd|' /C calc'!A0"))
    assert lines(press_copy(qtbot, page.tasks, everything=True))[1][1] == "'=cmd|' /C calc'!A0"


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_the_context_menu_saves_a_csv_that_excel_reads(window, qtbot, tmp_path, replies):
    doc, page = summary(window, qtbot)
    view = page.years
    target = tmp_path / "年度別"
    replies["save"] = target  # typed without .csv
    pos = view.visualRect(view.model().index(0, 0)).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    assert [a.text() for a in menu.actions()] == ["コピー", "表全体をコピー", "CSVファイルに保存…"]
    menu.actions()[2].trigger()
    menu.close()
    raw = (tmp_path / "年度別.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    est = doc.adopted_estimate()
    assert rows[0][:2] == ["年度", "事業費"]
    assert rows[-1][:5] == ["合計", str(est.period.total), str(est.period.other_revenue),
                            str(est.period.eligible), str(est.period.subsidy)]  # fmt: skip
    assert replies["asked"][-1][0] == "save"


def test_the_english_headers_follow_the_language(window, qtbot):
    doc, page = summary(window, qtbot)
    window.set_language("en")
    window.workspace.go(10)
    page = window.workspace.pages.currentWidget()
    assert lines(press_copy(qtbot, page.tasks, everything=True))[0] == [
        "Unit", "Task", "Fit", "Main reason"]  # fmt: skip
    from planner.ui import i18n

    i18n.set_language("ja", remember=False)


@pytest.mark.parametrize(("value", "shown"), [
    ("=1+1", "'=1+1"), ("+81 3", "'+81 3"), ("@SUM(A1)", "'@SUM(A1)"), ("-cmd", "'-cmd"),
    ("-1200", "-1200"), ("総務課", "総務課"), (1234567, "1234567"), (None, ""),
])  # fmt: skip
def test_a_text_is_never_a_formula(value, shown):
    assert spreadsheet_text(value) == shown


def test_tabs_and_line_breaks_stay_inside_a_cell():
    assert tsv([["a\tb", "c\nd"], [1, "x"]]) == "a b\tc d\n1\tx\n"
    raw = csv_bytes([["名前", "備考"], ["a,b", "1行目\n2行目"]])
    assert raw == '\ufeff名前,備考\r\n"a,b","1行目\n2行目"\r\n'.encode()
