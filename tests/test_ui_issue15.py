"""Issue 15 on the screen: the network model (step 3), the allowance's staff and the
sensitive-data policy (step 5), other revenue, the running-cost switch and the rule notes
(step 7), and rule files loaded from the File menu. The user's keys and clicks drive it;
the tests read the plan and the texts the user sees."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from planner.ui.fields import BoundField
from tests.ui_helpers import choose, column_texts, create_plan, edit_cell, type_into

ELIGIBLE, SUBSIDY, NET, OTHER = 3, 4, 5, 2  # columns of the yearly table


def _button(page, name):
    return page.findChild(QPushButton, name)


def _bound(page, field):
    return next(f for f in page.findChildren(BoundField) if f.column.field == field)


def _column(model, field):
    return next(i for i, c in enumerate(model.columns) if c.field == field)


def _teleworkers(window, qtbot, unit="somu", staff="20", teleworkers="10"):
    """One unit from the catalog with its staff and teleworkers (set-up, not under test)."""
    p4 = window.workspace.page(4)
    p4.catalog_units.setCurrentIndex(p4.catalog_units.findData(unit))
    qtbot.mouseClick(_button(p4, "addCatalogUnit"), Qt.MouseButton.LeftButton)
    units = window.workspace.page(5).units.model
    assert edit_cell(units, 0, "staff", staff) and edit_cell(units, 0, "teleworkers", teleworkers)


def _add_cost(window, qtbot, item):
    window.workspace.go(6)
    page = window.workspace.page(7)
    page.catalog_items.setCurrentIndex(page.catalog_items.findData(item))
    qtbot.mouseClick(_button(page, "addCatalogItem"), Qt.MouseButton.LeftButton)
    return page


def _hidden(widget) -> bool:
    """Hidden by the page itself (the page may not be the one shown)."""
    return widget.isHidden()


def _year(page, fy_row, col):
    return page.years.item(fy_row, col).text()


def _type_in_cell(qtbot, window, view, row, col, text):
    """Click a cell, type as the keyboard does, Enter."""
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    index = view.model().index(row, col)
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    for ch in text:
        QTest.keyClick(QApplication.focusWidget(), ch)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call


# -- 1. step 3: the network model re-marks step 4's tasks --------------------------------------


def test_beta_prime_makes_document_work_reachable_by_a_vpn_to_the_internet(window, qtbot):
    doc = create_plan(window, qtbot)
    ws = window.workspace
    p4 = ws.page(4)
    p4.catalog_units.setCurrentIndex(p4.catalog_units.findData("kikaku"))
    qtbot.mouseClick(_button(p4, "addCatalogUnit"), Qt.MouseButton.LeftButton)
    p4.select_unit(0)
    row = column_texts(p4.task_model, "業務").index("総合計画の策定")
    choose(ws.page(7).access, "internet_vpn")
    assert column_texts(p4.task_model, "適性")[row] == "× 不適"  # α: documents on the LGWAN side
    assert column_texts(p4.task_model, "業務の対象")[row] == "文書・メール等"
    assert column_texts(p4.task_model, "ネットワーク")[row] == "LGWAN接続系"

    ws.go(2)
    p3 = ws.page(3)
    assert "LGWAN接続系" in p3.model_note.text()
    combo = p3.network_model.editor
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_End)  # the last model: β′
    assert doc.plan.network_model == "beta_prime"
    assert combo.currentText() == "β′モデル"
    assert "インターネット接続系" in p3.model_note.text()
    assert column_texts(p4.task_model, "適性")[row] == "◎ 適"
    assert column_texts(p4.task_model, "ネットワーク")[row] == "インターネット接続系"  # the model's
    doc.undo_stack.undo()
    assert doc.plan.network_model == "alpha" and combo.currentText() == "αモデル"
    assert column_texts(p4.task_model, "適性")[row] == "× 不適"


# -- 2. step 5: the allowance's staff and the sensitive-data policy -----------------------------


def test_allowance_staff_sets_the_allowance_line_in_the_yearly_table(window, qtbot):
    doc = create_plan(window, qtbot)
    page = _add_cost(window, qtbot, "telework_allowance")  # ¥36,000 a year per person
    amount = column_texts(page.lines.model, "年額")
    assert amount == ["0円"] and _year(page, 0, 1) == "0円"  # nobody paid it yet (default 0)
    p5 = window.workspace.page(5)
    assert "3,000円" in p5.findChild(type(page.note), "allowanceNote").text()
    type_into(qtbot, p5.allowance, "4")
    assert doc.plan.home_allowance_staff == 4
    assert "年額 144,000円（4人 × 36,000円）" in p5.allowance_cost.text()
    assert column_texts(page.lines.model, "年額") == ["144,000円"]
    assert [_year(page, r, 1) for r in range(3)] == ["144,000円"] * 3
    assert _year(page, 0, ELIGIBLE) == "0円" and _year(page, 0, NET) == "144,000円"
    type_into(qtbot, p5.allowance, "x")  # refused beside the field; the plan keeps 4
    assert not _hidden(p5.allowance.error) and "数字" in p5.allowance.error.text()
    assert doc.plan.home_allowance_staff == 4 and _year(page, 0, 1) == "144,000円"


def test_the_sensitive_data_policy_is_set_in_step_5_and_shown_in_step_8(window, qtbot):
    doc = create_plan(window, qtbot)
    ws = window.workspace
    p5, p8 = ws.page(5), ws.page(8)
    assert doc.plan.personal_data_at_home == "not_allowed"
    assert "庁外では扱わない" in p8.policy.text() and "手順5" in p8.policy.text()
    combo = p5.policy.editor
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "画面転送方式に限り可",
        "庁外では扱わない",
    ]
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    assert doc.plan.personal_data_at_home == "screen_transfer_only"
    assert "画面転送方式に限り可" in p8.policy.text()


# -- 3. step 7: the running-cost switch ---------------------------------------------------------


def _click_box(qtbot, box):
    """Click the check box's indicator (the row is as wide as the form)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_the_running_cost_switch_needs_a_reason_and_marks_what_it_adds(window, qtbot):
    doc = create_plan(window, qtbot)
    _teleworkers(window, qtbot)
    page = _add_cost(window, qtbot, "vdi_remote_desktop_licence")  # annual, FY2025–27
    line = doc.plan.scenarios[0].lines[0]
    yearly = line.unit_price * 10
    yen = f"{yearly:,}円"
    # introduction only: the licence counts in FY2025, not in FY2026 (a running cost)
    assert _year(page, 1, 1) == yen and _year(page, 1, ELIGIBLE) == "0円"
    assert _year(page, 1, 6) == yen  # 対象外の運用経費
    assert "対象経費に含めていません" in page.excluded_note.text()
    box, switch = page.switch.box, page.switch
    # ticked without a reason: the domain's message beside it, the plan unchanged
    edits = doc.undo_stack.count()
    _click_box(qtbot, box)
    assert not _hidden(switch.error)
    assert "根拠" in switch.error.text() and "県からの回答" in switch.error.text()
    assert doc.plan.running_costs_eligible is False and not box.isChecked()
    assert _year(page, 1, ELIGIBLE) == "0円" and doc.undo_stack.count() == edits
    # with a reason it counts, marked ◆ (as in the PDF) with its legend
    type_into(qtbot, switch.reason, "Pref. answer 2026-01-15")
    _click_box(qtbot, box)
    assert doc.plan.running_costs_eligible is True and box.isChecked()
    assert _hidden(switch.error)
    assert _year(page, 1, ELIGIBLE) == f"◆{yen}"
    assert _year(page, 1, SUBSIDY) == f"◆{yearly // 2 // 1000 * 1000:,}円"
    assert "運用経費" in _year(page, 1, page.years.NOTE)
    assert not _hidden(page.switch_legend)
    assert "◆運用経費も対象とする設定による" in page.switch_legend.text()
    assert "Pref. answer 2026-01-15" in page.switch_legend.text()
    assert _year(page, 1, 6) == "0円" and _hidden(page.excluded_note)
    # the reason cannot be emptied while the switch is on
    editor = switch.reason.editor
    editor.setFocus()
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert not _hidden(switch.reason.error) and "根拠" in switch.reason.error.text()
    assert doc.plan.running_costs_reason == "Pref. answer 2026-01-15"


# -- 4. step 7: other revenue -------------------------------------------------------------------


def test_other_revenue_typed_in_the_cost_table_lowers_the_net_burden(window, qtbot):
    doc = create_plan(window, qtbot)
    _teleworkers(window, qtbot)
    page = _add_cost(window, qtbot, "laptop_pc")  # 10 × 135,000, one-time FY2025
    assert [_year(page, 0, c) for c in (1, OTHER, ELIGIBLE, SUBSIDY, NET)] == [
        "1,350,000円", "0円", "1,350,000円", "675,000円", "675,000円",
    ]  # fmt: skip
    view, model = page.lines.view, page.lines.model
    _type_in_cell(qtbot, window, view, 0, _column(model, "other_revenue"), "300000")
    assert doc.plan.scenarios[0].lines[0].other_revenue == 300_000
    assert column_texts(model, "特定財源（期間計）") == ["300,000円"]
    # 1,350,000 − 300,000 = 1,050,000 eligible; half 525,000; net 1,350,000 − 300,000 − 525,000
    assert [_year(page, 0, c) for c in (1, OTHER, ELIGIBLE, SUBSIDY, NET)] == [
        "1,350,000円", "300,000円", "1,050,000円", "525,000円", "525,000円",
    ]  # fmt: skip
    assert _year(page, 3, NET) == "525,000円"  # the period's total
    # more than the line's whole cost: said under the table, the excess unused
    _type_in_cell(qtbot, window, view, 0, _column(model, "other_revenue"), "2000000")
    assert (
        not _hidden(page.revenue_note) and "超える分は計算に用いません" in page.revenue_note.text()
    )
    assert _year(page, 0, ELIGIBLE) == "0円" and _year(page, 0, NET) == "0円"


# -- 5. step 7: the rule notes --------------------------------------------------------------------


def test_step_7_says_where_the_multiplier_comes_from_and_warns_when_it_stays_one(window, qtbot):
    doc = create_plan(window, qtbot)
    page = _add_cost(window, qtbot, "laptop_pc")
    wording = page.findChild(type(page.note), "multiplierWording").text()
    assert "特別交付税に関する省令" in wording and "県の通知" not in wording
    assert _hidden(page.multiplier_warning)
    type_into(qtbot, _bound(page, "fiscal_capacity_index"), "0.45")
    assert doc.plan.municipality.fiscal_capacity_index is not None
    assert not _hidden(page.multiplier_warning)
    assert "財政力指数（0.45）" in page.multiplier_warning.text()
    type_into(qtbot, _bound(page, "fiscal_capacity_multiplier"), "0.9")
    assert _hidden(page.multiplier_warning)
    note = page.note.text()
    assert "12月と3月" in note and "一般財源" in note
    assert "令和7年度：この年度の措置の通知は確認できていないため" in note
    assert "令和6年度のルール" in note and "令和5年12月27日付け" in note


# -- 6. File menu: a rule file ------------------------------------------------------------------

RULE_FY2026 = """schema = 1
[[rules]]
fiscal_year = 2026
rate = "1/3"
eligible_categories = ["ict_equipment", "connection_system", "software", "licence", "security", "server", "support"]
rounding = { unit = 1000, mode = "down" }
coverage = "introduction"
coverage_source = "unconfirmed"
source.ja = "総務省通知（令和8年度の例）"
source.en = "MIC notice (FY2026 example)"
date = "2026-01-20"
note.ja = "例"
note.en = "example"
"""


def _import(window, replies, path):
    replies["open"] = path
    window.findChild(QAction, "actionImportRules").trigger()


def test_a_rule_file_loaded_from_the_file_menu_changes_the_estimate_at_once(
    window, qtbot, tmp_path, replies, monkeypatch
):
    monkeypatch.setenv("TELEWORK_PLANNER_RULES_DIR", str(tmp_path / "rules"))
    doc = create_plan(window, qtbot, fy=2026)  # FY2026–28
    _teleworkers(window, qtbot)
    page = _add_cost(window, qtbot, "laptop_pc")  # 1,350,000 in FY2026
    assert _year(page, 0, SUBSIDY) == "675,000円"  # the FY2024 rule assumed: 1/2
    assert "令和6年度のルールを仮定" in _year(page, 0, page.years.NOTE)
    source = tmp_path / "r8.toml"
    source.write_text(RULE_FY2026, encoding="utf-8")
    _import(window, replies, source)
    assert replies["errors"] == []
    title, text = replies["infos"][-1]
    assert "令和8年度の特別交付税措置のルールを読み込みました" in text
    assert "総務省通知（令和8年度の例）" in text and "2026-01-20" in text
    assert (tmp_path / "rules" / "fy2026.toml").is_file()
    # 1,350,000 × 1/3 = 450,000; net 900,000; no undo step, the plan unchanged
    assert _year(page, 0, SUBSIDY) == "450,000円" and _year(page, 0, NET) == "900,000円"
    assert _year(page, 0, page.years.NOTE) == "取り込んだルール"
    assert "取り込んだ令和8年度のルールを仮定" in _year(page, 1, page.years.NOTE)
    note = page.note.text()
    assert "措置率1/3" in note
    assert (
        "令和8年度：令和8年度のルール — 総務省通知（令和8年度の例）（令和8年1月20日付け）" in note
    )
    assert "取り込んだルールファイル fy2026.toml" in note
    assert doc.catalog is window.catalog and doc.catalog.subsidy_rules[-1].fiscal_year == 2026
    assert doc.undo_stack.count() == 4  # unit, staff, teleworkers, cost line: the import is none
    # a stored file that cannot be used is said on the page (its year keeps the bundled rule)
    (tmp_path / "rules" / "broken.toml").write_text("schema = [", encoding="utf-8")
    _import(window, replies, source)
    assert not _hidden(page.rule_problems) and "broken.toml" in page.rule_problems.text()
    assert _year(page, 0, SUBSIDY) == "450,000円"


def test_a_bad_rule_file_names_the_file_and_the_field(
    window, qtbot, tmp_path, replies, monkeypatch
):
    monkeypatch.setenv("TELEWORK_PLANNER_RULES_DIR", str(tmp_path / "rules"))
    doc = create_plan(window, qtbot)
    rules_before = doc.catalog.subsidy_rules
    source = tmp_path / "bad-r8.toml"
    source.write_text(RULE_FY2026.replace('rate = "1/3"', 'rate = "one third"'), encoding="utf-8")
    _import(window, replies, source)
    assert replies["infos"] == []
    title, text = replies["errors"][-1]
    assert title == "ルールファイルを読み込めません"
    assert "bad-r8.toml" in text and "rules[0].rate" in text
    assert doc.catalog.subsidy_rules == rules_before
    assert not (tmp_path / "rules").exists()
