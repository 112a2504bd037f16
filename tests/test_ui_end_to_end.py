"""One plan made from start to finish in the real window, then checked from outside."""

import json
import subprocess
import sys
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt

from planner.ui.fields import BoundField
from tests.ui_helpers import check_cell, choose, column_texts, create_plan, edit_cell, type_into


def bound(page, name):
    return next(f for f in page.findChildren(BoundField) if f.column.field == name)


def click(qtbot, page, name):
    from PySide6.QtWidgets import QPushButton

    qtbot.mouseClick(page.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_a_plan_from_start_to_pdf(window, qtbot, tmp_path, replies):
    doc = create_plan(window, qtbot, name="みどり村", general="45", all_staff="60")
    ws = window.workspace
    plan = doc.plan

    # 1 promotion structure
    p1 = ws.page(1)
    type_into(qtbot, bound(p1, "leader"), "副村長 山本")
    p1.members.add_row()
    edit_cell(p1.members.model, 0, "name", "佐藤 一郎")
    # 2 purposes and KPIs
    p2 = ws.page(2)
    p2.purpose_list.item(0).setCheckState(Qt.CheckState.Checked)
    p2.kpis.add_row()
    edit_cell(p2.kpis.model, 0, "name", "テレワーク実施職員数")
    edit_cell(p2.kpis.model, 0, "target", "15")
    # 3 current state
    type_into(qtbot, bound(ws.page(3), "existing_devices"), "2")
    # 4 units and tasks: pick one task in each of two units
    p4 = ws.page(4)
    for uid in ("somu", "kikaku"):
        p4.catalog_units.setCurrentIndex(p4.catalog_units.findData(uid))
        click(qtbot, p4, "addCatalogUnit")
    p4.select_unit(0)
    row = column_texts(p4.task_model, "業務").index("例規の調査・条例案の審査")
    check_cell(p4.task_model, row, "selected")
    p4.select_unit(1)
    check_cell(p4.task_model, 0, "selected")
    # 5 staff and teleworkers
    staff = ws.page(5).units.model
    for r, (n, tw) in enumerate(((10, 4), (8, 3))):
        assert edit_cell(staff, r, "staff", str(n)) and edit_cell(staff, r, "teleworkers", str(tw))
    # 6 rules
    assert edit_cell(ws.page(6).rules.model, 0, "status", "done")
    # 7 access method changes suitability at once; costs
    p7 = ws.page(7)
    choose(p7.access, "internet_vpn")
    p4.select_unit(0)
    assert column_texts(p4.task_model, "適性")[row] == "× 不適"
    choose(p7.access, "jlis_lgwan")
    assert column_texts(p4.task_model, "適性")[row] == "◎ 適"
    for item in ("laptop_pc", "web_meeting_licence"):
        p7.catalog_items.setCurrentIndex(p7.catalog_items.findData(item))
        click(qtbot, p7, "addCatalogItem")
    # 7 teleworkers, 5 devices needed: 5 × 135,000 + 7 × 23,100 = 836,700; half, rounded down
    first = [p7.years.item(0, c).text() for c in (0, 1, 3, 4, 5)]
    assert first == ["令和7年度 (2025)", "836,700円", "836,700円", "418,000円", "418,700円"]
    # FY2026: the licence's second year is a running cost, not eligible by default (issue 15)
    assert p7.years.item(1, 1).text() == "161,700円" and p7.years.item(1, 4).text() == "0円"
    # undo and redo a cell edit
    lines = p7.lines.model
    assert edit_cell(lines, 0, "unit_price", "140000")
    assert p7.years.item(0, 1).text() == "861,700円"
    doc.undo_stack.undo()
    assert p7.years.item(0, 1).text() == "836,700円"
    doc.undo_stack.redo()
    assert p7.years.item(0, 1).text() == "861,700円"
    doc.undo_stack.undo()
    # 8 security, 9 training, 10 phases
    assert edit_cell(ws.page(8).measures.model, 0, "status", "done")
    p9 = ws.page(9)
    p9.events.add_row()
    edit_cell(p9.events.model, 0, "name", "管理職向け説明会")
    edit_cell(p9.events.model, 0, "day", "2025-06-10")
    p10 = ws.page(10)
    p10.phases.add_row()
    edit_cell(p10.phases.model, 0, "name", "第1次試行")
    edit_cell(p10.phases.model, 0, "start", "2025-10-01")
    edit_cell(p10.phases.model, 0, "end", "2025-12-26")
    assert plan.phases[0].end == date(2025, 12, 26) and plan.training[0].day == date(2025, 6, 10)

    # save, close, reopen
    path = tmp_path / "midori.twplan"
    replies["save"] = path
    assert window.files.save()
    assert window.files.close_plan()
    assert window.files.open(path)
    plan = window.doc.plan
    assert plan.leader == "副村長 山本" and plan.members[0].name == "佐藤 一郎"
    assert [t.name for _, t in plan.selected_tasks()] == [
        "例規の調査・条例案の審査",
        "総合計画の策定",
    ]
    assert plan.access_method == "jlis_lgwan" and plan.teleworkers() == 7

    # the saved file, from the command line
    out = subprocess.run(
        [sys.executable, "-m", "planner", "summary", str(path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(out.stdout)
    assert summary["municipality"]["name"] == "みどり村"
    assert [(y["fiscal_year"], y["total"], y["subsidy"], y["net"]) for y in summary["years"]] == [
        (2025, 836_700, 418_000, 418_700),
        (2026, 161_700, 0, 161_700),  # running costs: not eligible by default (issue 15)
        (2027, 161_700, 0, 161_700),
    ]

    # the PDF
    pdf = tmp_path / "midori.pdf"
    replies["save"] = pdf
    assert window.files.export_pdf() == pdf
    assert "ページ" in replies["infos"][-1][1]
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    for expected in (
        "みどり村",
        "例規の調査・条例案の審査",
        "総合計画の策定",
        "836,700",
        "418,000",
        "副村長 山本",
        "管理職向け説明会",
    ):
        assert expected in text, expected
