"""Issue 21: how the documents are reached — the 「書類の作成」 page and ``planner documents``;
the new choices of steps 2, 5 and 6 reach the documents."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt

from planner.cli import run_cli
from planner.resources import resource_path
from tests.test_issue21_documents import docx_text
from tests.ui_helpers import choose, create_plan, edit_cell, type_into

docx = pytest.importorskip("docx")


def test_the_documents_page_follows_the_summary_and_creates_into_a_folder(
    window, qtbot, tmp_path, monkeypatch
):
    from planner.ui.pages import documents

    opened = []
    monkeypatch.setattr(documents, "choose_folder", lambda _parent, _start: str(tmp_path))
    monkeypatch.setattr(documents, "open_folder", opened.append)
    doc = create_plan(window, qtbot, name="さくら町")
    ws = window.workspace
    ws.go(10)
    qtbot.mouseClick(ws.next, Qt.MouseButton.LeftButton)  # the page after the summary
    page = ws.pages.currentWidget()
    assert page is ws.documents
    assert ws.step_model.data(ws.step_model.index(11)).strip() == "書類の作成"
    # step 5: fiscal-year appointees excluded too, the approver the appointing authority
    ws.go(4)
    elig = ws.page(5)
    box = next(f for f in elig.findChildren(type(elig.allowance)) if f.column.field == "exclude_fiscal_year")
    elig.ensureWidgetVisible(box.editor)
    # on its box (the check box is as wide as the form; its middle is empty space)
    qtbot.mouseClick(box.editor, Qt.MouseButton.LeftButton, pos=QPoint(8, box.editor.height() // 2))
    approver = next(f for f in elig.findChildren(type(elig.allowance)) if f.column.field == "approver")
    choose(approver, "appointer")
    assert doc.plan.eligibility.exclude_fiscal_year and doc.plan.eligibility.approver == "appointer"
    ws.go(11)
    open_button = page.open_buttons["rules"]
    assert not open_button.isEnabled()
    qtbot.mouseClick(page.create_buttons["rules"], Qt.MouseButton.LeftButton)
    rules = tmp_path / "実施要綱案.docx"
    assert page.status.text() == "作成しました: 実施要綱案.docx"
    text = docx_text(rules)
    assert "さくら町職員テレワーク実施要綱（案）" in text
    assert "（３）地方公務員法第22条の2に規定する会計年度任用職員" in text
    assert "意見を付して任命権者に提出し" in text
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path]


def test_related_plans_and_union_dates_typed_on_screen_reach_the_documents(
    window, qtbot, tmp_path, monkeypatch
):
    from planner.ui.pages import documents

    monkeypatch.setattr(documents, "choose_folder", lambda _parent, _start: str(tmp_path))
    doc = create_plan(window, qtbot, name="もみじ村")
    ws = window.workspace
    purpose = ws.page(2)
    field = next(f for f in purpose.findChildren(type(ws.page(5).allowance))
                 if f.column.field == "comprehensive")  # fmt: skip
    type_into(qtbot, field, "第3次もみじ村総合計画")
    assert doc.plan.related_plans.comprehensive == "第3次もみじ村総合計画"
    rules = ws.page(6).rules.model
    row = next(i for i, r in enumerate(doc.plan.rules) if r.template_id == "allowance")
    assert edit_cell(rules, row, "union_date", "R7.6.10")
    assert edit_cell(rules, row, "decided_when", "令和7年9月定例会")
    ws.go(11)
    qtbot.mouseClick(ws.documents.create_buttons["amend"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ws.documents.create_buttons["council"], Qt.MouseButton.LeftButton)
    amend = docx_text(tmp_path / "制定改正規程一覧.docx")
    assert "R7.6.10" in amend and "令和7年9月定例会" in amend and "村長" in amend
    assert "第3次もみじ村総合計画" in docx_text(tmp_path / "議会説明資料.docx")


def test_planner_documents_writes_the_named_documents(tmp_path, capsys):
    plan = resource_path("samples", "yamanami-village.twplan")
    code = run_cli(["documents", str(plan), "-o", str(tmp_path), "--only", "council",
                    "--only", "loan_register"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0 and out == ""
    names = ["議会説明資料.pdf", "議会説明資料.docx", "端末貸与簿.xlsx"]
    assert err.splitlines() == [str(tmp_path / n) for n in names]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


def test_planner_documents_refuses_a_missing_folder_in_one_line(tmp_path, capsys):
    plan = resource_path("samples", "yamanami-village.twplan")
    code = run_cli(["--lang", "en", "documents", str(plan), "-o", str(tmp_path / "no")])
    _out, err = capsys.readouterr()
    assert code == 1
    assert err == f"planner: The folder '{tmp_path / 'no'}' does not exist. Choose an existing folder.\n"


def test_no_office_library_is_imported_at_start_up():
    code = ("import sys, planner.cli, planner.report, planner.report.documents, "
            "planner.ui.pages.documents; "
            "print([m for m in ('docx', 'docxtpl', 'openpyxl', 'reportlab', 'matplotlib') "
            "if m in sys.modules])")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
