"""The step pages, driven through their widgets and models as a user would."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from planner.domain.progress import StepState
from planner.ui.fields import BoundField
from planner.ui.step_list import STATE_ROLE
from tests.ui_helpers import check_cell, choose, column_texts, create_plan, edit_cell, type_into


def test_new_plan_form_validates_as_you_type(window, qtbot):
    form = window.welcome.form
    assert not form.create_button.isEnabled()
    assert form.error.isHidden()  # nothing red before the user types
    qtbot.keyClicks(form.name, "x")
    form.name.clear()
    assert form.error.text() == "団体名を入力してください。" and not form.error.isHidden()
    form.name.setText("さくら町")
    form.prefecture.setCurrentIndex(form.prefecture.findData("長野県"))
    qtbot.keyClicks(form.general, "abc")
    assert "一般行政職員数は数字で入力してください" in form.error.text()
    form.general.clear()
    qtbot.keyClicks(form.general, "200")
    qtbot.keyClicks(form.all_staff, "180")
    assert form.error.text() == "一般行政職員数（200人）が全職員数（180人）を超えています。"
    assert not form.create_button.isEnabled()
    form.all_staff.clear()
    qtbot.keyClicks(form.all_staff, "250")
    assert form.create_button.isEnabled() and not form.error.isVisible()


def test_new_plan_starts_with_fresh_history(window, qtbot):
    doc = create_plan(window, qtbot)
    assert doc.plan.municipality.name == "さくら町"
    assert doc.undo_stack.count() == 0 and not doc.dirty
    assert window.windowTitle().startswith("さくら町 テレワーク導入実施計画")
    doc.undo_stack.undo()  # nothing to undo: the plan stays
    assert doc.plan.municipality.name == "さくら町" and len(doc.plan.steps) == 10


def test_step1_leader_members_and_undo(window, qtbot):
    doc = create_plan(window, qtbot)
    page = window.workspace.page(1)
    field = bound(page, "leader")
    type_into(qtbot, field, "副町長 田中")
    assert doc.plan.leader == "副町長 田中"
    assert doc.dirty and window.isWindowModified()
    page.members.add_row()
    assert edit_cell(page.members.model, 0, "role", "事務局長")
    assert doc.plan.members[0].role == "事務局長"
    undo = window.findChild(QAction, "actionUndo")
    assert undo.text() == "元に戻す 「役割」の変更"
    undo.trigger()
    assert doc.plan.members[0].role == ""
    window.findChild(QAction, "actionRedo").trigger()
    assert doc.plan.members[0].role == "事務局長"


def bound(page, field_name):
    return next(f for f in page.findChildren(BoundField) if f.column.field == field_name)


def _button(page, name):
    from PySide6.QtWidgets import QPushButton

    return page.findChild(QPushButton, name)


def test_step4_pick_tasks_and_suitability_follows_access_method(window, qtbot):
    doc = create_plan(window, qtbot)
    page = window.workspace.page(4)
    for uid in ("somu", "kikaku"):
        page.catalog_units.setCurrentIndex(page.catalog_units.findData(uid))
        qtbot.mouseClick(_button(page, "addCatalogUnit"), Qt.MouseButton.LeftButton)
    assert [u.name for u in doc.plan.units] == ["総務課", "企画政策課"]
    page.select_unit(0)
    names = column_texts(page.task_model, "業務")
    row = names.index("例規の調査・条例案の審査")
    assert column_texts(page.task_model, "適性")[row] == "○ 条件付き"  # no access method yet
    assert check_cell(page.task_model, row, "selected")
    page.select_unit(1)
    assert check_cell(page.task_model, 0, "selected")
    assert [t.name for _, t in doc.plan.selected_tasks()] == [
        "例規の調査・条例案の審査",
        "総合計画の策定",
    ]
    # choose an internet-only method in step 7: the LGWAN task becomes not suitable at once
    ict = window.workspace.page(7)
    choose(ict.access, "internet_vpn")
    page.select_unit(0)
    assert column_texts(page.task_model, "適性")[row] == "× 不適"
    choose(ict.access, "jlis_lgwan")
    assert column_texts(page.task_model, "適性")[row] == "◎ 適"
    page.task_table.select_source_row(row)
    assert "LGWAN" in page.reason_panel.text()
    # filter: only unsuitable tasks of 総務課 stay visible
    page.filter.setCurrentIndex(3)
    proxy = page.task_proxy
    marks = {proxy.index(r, 3).data() for r in range(proxy.rowCount())}  # issue 23: after 非常時優先
    assert marks == {"× 不適"} and proxy.rowCount() == column_texts(page.task_model, "適性").count(
        "× 不適"
    )
    # sorted by the mark: suitable first, the plan's own order untouched
    page.filter.setCurrentIndex(0)
    page.task_table.view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, 3).data() for r in range(proxy.rowCount())]
    assert shown == sorted(shown, key=lambda m: "◎○×".index(m[0]))
    assert shown[0].startswith("◎") and shown[-1].startswith("×")
    assert [t.name for t in doc.plan.units[0].tasks][row] == "例規の調査・条例案の審査"
    # picking through the sorted view picks the right task
    first = page.task_proxy.index(0, 0)
    page.task_proxy.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    picked = page.task_model.row_object(page.task_table.source_row(first))
    assert picked.selected


def test_step5_teleworkers_above_staff_refused_with_message(window, qtbot):
    doc = create_plan(window, qtbot)
    page4 = window.workspace.page(4)
    qtbot.mouseClick(_button(page4, "addCatalogUnit"), Qt.MouseButton.LeftButton)
    page = window.workspace.page(5)
    model = page.units.model
    assert edit_cell(model, 0, "staff", "40")
    assert not edit_cell(model, 0, "teleworkers", "45")
    assert (
        page.units.error.text() == "テレワーク実施人数（45人）が課の職員数（40人）を超えています。"
    )
    assert doc.plan.units[0].teleworkers == 0
    assert not edit_cell(model, 0, "teleworkers", "たくさん")
    assert "数字で入力してください" in page.units.error.text()
    assert not edit_cell(model, 0, "staff", "-3")
    assert "負の値" in page.units.error.text()
    assert edit_cell(model, 0, "teleworkers", "12")
    assert not page.units.error.isVisible()
    assert "テレワーク実施人数の合計: 12人" in page.total.text()


class _June2025(date):
    """Today as 2025-06-01 for the cost strip, which shows the current fiscal year."""

    @classmethod
    def today(cls):
        return date(2025, 6, 1)


def test_step7_costs_and_live_totals(window, qtbot, monkeypatch):
    monkeypatch.setattr("planner.ui.cost_strip.date", _June2025)
    doc = create_plan(window, qtbot)
    qtbot.mouseClick(_button(window.workspace.page(4), "addCatalogUnit"), Qt.MouseButton.LeftButton)
    staff = window.workspace.page(5).units.model
    edit_cell(staff, 0, "staff", "20")
    edit_cell(staff, 0, "teleworkers", "10")
    page = window.workspace.page(7)
    page.catalog_items.setCurrentIndex(page.catalog_items.findData("laptop_pc"))
    qtbot.mouseClick(_button(page, "addCatalogItem"), Qt.MouseButton.LeftButton)
    lines = page.lines.model
    assert lines.rowCount() == 1
    assert edit_cell(lines, 0, "unit_price", "150,000")
    # 10 devices × 150,000 = 1,500,000; eligible; × 1/2 → 750,000 (FY2024 rule assumed)
    years = page.years
    assert [years.item(0, c).text() for c in (0, 1, 3, 4, 5)] == [
        "令和7年度 (2025)",
        "1,500,000円",
        "1,500,000円",
        "750,000円",
        "750,000円",
    ]
    assert "仮定" in years.item(0, years.NOTE).text()
    assert "保証されるものではありません" in page.note.text()
    # the multiplier changes the estimate at once
    mult = bound(page, "fiscal_capacity_multiplier")
    type_into(qtbot, mult, "0.8")
    assert years.item(0, 4).text() == "600,000円"
    strip = window.workspace.strip.label.text()
    assert "令和7年度 (2025)  事業費 1,500,000円   特別交付税措置見込 600,000円" in strip
    assert "実質負担 900,000円" in strip
    # a bad price is refused next to the table, the plan unchanged
    assert not edit_cell(lines, 0, "unit_price", "-1")
    assert "負の値" in page.lines.error.text()
    assert doc.plan.scenarios[0].lines[0].unit_price == 150_000
    doc.undo_stack.undo()  # undo the multiplier
    assert years.item(0, 4).text() == "750,000円"


def test_checklist_tick_changes_step_state(window, qtbot):
    doc = create_plan(window, qtbot)
    page = window.workspace.page(9)
    model = page.checklist_model
    steps = window.workspace.step_model
    assert steps.data(steps.index(8), STATE_ROLE) == StepState.NOT_STARTED
    assert steps.data(steps.index(8), Qt.ItemDataRole.ToolTipRole) == (
        "未着手 — チェックリスト 0/9・未入力: 研修・周知の予定\n"
        "完了の条件: 研修・周知の予定を入力し、チェックリストの9項目をすべて確認する"
    )
    model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert steps.data(steps.index(8), STATE_ROLE) == StepState.IN_PROGRESS
    tip = steps.data(steps.index(8), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("作業中 — チェックリスト 1/9・未入力: 研修・周知の予定\n")
    assert doc.plan.steps[9].checklist[page.step.checklist[0].id].done


def test_summary_lists_warnings_and_draws_charts(window, qtbot):
    doc = create_plan(window, qtbot)
    from planner.domain.model import Kpi
    from planner.domain.operations import InsertRow

    doc.apply(InsertRow(("kpis",), 0, Kpi("実施率")))
    ws = window.workspace
    ws.go(10)
    assert ws.pages.currentWidget() is ws.summary
    texts = [ws.summary.warnings.item(i).text() for i in range(ws.summary.warnings.count())]
    assert "手順 2: 指標「実施率」に目標値がありません。" in texts
    assert ws.summary.completion.text() == "完了した手順: 0 / 10"
    # each step says what is done and what is missing, beside the side list's drawn icon
    icon, title, detail = ws.summary.step_rows[1]
    assert title.text() == "2  導入目的・目標の設定"
    assert detail.text() == "作業中 — チェックリスト 0/8・未入力: 導入目的"
    assert detail.toolTip().startswith("完了の条件: 導入目的、指標（KPI）を入力し")
    assert not icon.pixmap().isNull()
    qtbot.mouseClick(_button(ws.summary, "showCharts"), Qt.MouseButton.LeftButton)
    pixmap = ws.summary.charts.pixmap()
    assert pixmap is not None and pixmap.width() >= 400 and pixmap.height() > 300


def test_form_fields_refuse_bad_input_next_to_the_field(window, qtbot):
    doc = create_plan(window, qtbot)
    page3 = window.workspace.page(3)
    devices = bound(page3, "existing_devices")
    type_into(qtbot, devices, "abc")
    assert (
        devices.error.text()
        == "既存の利用可能端末数（台）は数字で入力してください（入力値: abc）。"
    )
    type_into(qtbot, devices, "-2")
    assert "負の値は入力できません" in devices.error.text()
    assert doc.plan.existing_devices == 0 and doc.undo_stack.count() == 0
    type_into(qtbot, devices, "6")
    assert doc.plan.existing_devices == 6 and devices.error.isHidden()
    page1 = window.workspace.page(1)
    name = bound(page1, "name")
    type_into(qtbot, name, " ")
    assert name.error.text() == "団体名を入力してください。"
    assert doc.plan.municipality.name == "さくら町"
    type_into(qtbot, name, "さくら村")
    assert window.windowTitle().startswith("さくら村 テレワーク導入実施計画")
    staff = bound(page1, "general_staff")
    type_into(qtbot, staff, "500")
    assert staff.error.text() == "一般行政職員数（500人）が全職員数（180人）を超えています。"
    assert doc.plan.municipality.general_staff == 120
    page1.members.add_row()
    assert not edit_cell(page1.members.model, 0, "name", "")
    assert page1.members.error.text() == "メンバー名を入力してください。"
    assert doc.plan.members[0].name == "（氏名）"


def test_tools_and_network_layers_check_boxes(window, qtbot):
    from PySide6.QtWidgets import QCheckBox

    doc = create_plan(window, qtbot)
    ict = window.workspace.page(7)
    web = ict.findChild(QCheckBox, "tools_web_meeting")
    assert web.text() == "Web会議" and not web.isChecked()
    web.setChecked(True)
    assert doc.plan.tools == ["web_meeting"]
    layers = window.workspace.page(3).findChild(QCheckBox, "network_layers_mynumber")
    assert layers.isChecked()  # a new plan assumes all three layers
    layers.setChecked(False)
    assert doc.plan.network_layers == ["lgwan", "internet"]
    doc.undo_stack.undo()
    assert layers.isChecked() and doc.plan.network_layers == ["mynumber", "lgwan", "internet"]


def test_summary_exports_the_pdf_and_opens_it(window, qtbot, tmp_path, replies, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    create_plan(window, qtbot)
    summary = window.workspace.summary
    open_button = _button(summary, "openPdf")
    assert not open_button.isEnabled()
    replies["save"] = tmp_path / "plan.pdf"
    qtbot.mouseClick(_button(summary, "exportPdf"), Qt.MouseButton.LeftButton)
    assert (tmp_path / "plan.pdf").stat().st_size > 10_000
    assert open_button.isEnabled()
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path / "plan.pdf")]


def test_back_and_next_from_the_keyboard(window, qtbot):
    create_plan(window, qtbot)
    ws = window.workspace
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert ws.current() == 0 and not ws.back.isEnabled()
    qtbot.keyClick(ws.pages.currentWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert ws.current() == 1
    assert ws.steps.currentIndex().row() == 1  # the step list follows
    qtbot.keyClick(ws.pages.currentWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert ws.current() == 0
