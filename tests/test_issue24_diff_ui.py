"""Issue 24 §2 in the window: ファイル › 前回保存時と比較 and ファイル › 別の版と比較… show the
変更点一覧 by step; the list is saved as a PDF of its own, as the plan's appendix, and
printed through the print preview."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from planner.domain.operations import RemoveRow, SetValue
from planner.ui import dialogs
from tests.test_issue18_ui_dropdown import open_sample

pypdf = pytest.importorskip("pypdf")


def trigger(window, name: str) -> None:
    window.findChild(QAction, name).trigger()


def look(qtbot, steps):
    """``dialogs.run_dialog`` for a test: show the dialog, run ``steps`` on it, close it."""
    seen = []

    def run(dialog: QDialog) -> bool:
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        for step in steps:
            step(dialog)
        dialog.reject()
        return False

    return run, seen


def saved_sample(window, qtbot, replies, path, *, opened=False):
    if not opened:
        open_sample(window, qtbot)
    replies["save"] = path
    trigger(window, "actionSave")
    assert window.doc.path == path and not window.doc.dirty
    return window.doc


def test_compare_with_the_last_save_lists_the_edit_by_step(window, qtbot, replies, monkeypatch, tmp_path):  # fmt: skip
    open_sample(window, qtbot)
    trigger(window, "actionCompareSaved")  # never saved: nothing to compare with, said so
    assert replies["infos"][-1][1].startswith("この計画はまだ保存されていないため")
    doc = saved_sample(window, qtbot, replies, tmp_path / "v1.twplan", opened=True)
    unit = doc.plan.units[0]
    before = unit.teleworkers
    assert doc.apply(SetValue(("units", unit.id), "teleworkers", before + 2)) is None
    shown = {}

    def read(dialog):
        shown["lines"] = dialog.lines()
        shown["summary"] = dialog.summary.text()
        qtbot.mouseClick(dialog.swap, Qt.MouseButton.LeftButton)
        shown["swapped"] = dialog.lines()

    run, seen = look(qtbot, [read])
    monkeypatch.setattr(dialogs, "run_dialog", run)
    trigger(window, "actionCompareSaved")
    assert seen and seen[0].objectName() == "changesDialog"
    assert shown["summary"].startswith(
        "変更前: v1.twplan（前回保存時）　→　変更後: v1.twplan（編集中）"
    )
    assert "変更 1件・追加 0件・削除 0件" in shown["summary"]
    assert shown["lines"][:2] == [
        "手順5 対象者・実施形態（1）",
        f"  変更　{unit.name} › テレワーク実施人数 | {before} | {before + 2}",
    ]
    assert f"  変更　{unit.name} › テレワーク実施人数 | {before + 2} | {before}" in shown["swapped"]


def test_compare_with_another_version_then_save_and_print_the_list(window, qtbot, replies, monkeypatch, tmp_path):  # fmt: skip
    doc = saved_sample(window, qtbot, replies, tmp_path / "v1.twplan")
    unit = doc.plan.units[0]
    task = unit.tasks[0]
    doc.apply(RemoveRow(("units", unit.id, "tasks"), task.id))
    doc.apply(SetValue((), "access_method", "none"))  # every remote task waits for a method
    replies["open"] = tmp_path / "v1.twplan"
    made = {}

    def save_and_print(dialog):
        made["lines"] = dialog.lines()
        replies["save"] = tmp_path / "changes.pdf"
        qtbot.mouseClick(dialog.save_pdf, Qt.MouseButton.LeftButton)
        replies["save"] = tmp_path / "plan.pdf"
        qtbot.mouseClick(dialog.save_plan, Qt.MouseButton.LeftButton)
        preview = dialog.print_list()
        made["pages"] = preview.count
        made["document"] = preview.document.currentText()
        preview.reject()

    run, _seen = look(qtbot, [save_and_print])
    monkeypatch.setattr(dialogs, "run_dialog", run)
    trigger(window, "actionCompareFile")
    lines = made["lines"]
    assert f"  削除　{unit.name} › 業務「{task.name}」 | （削除） | —" in lines
    assert any(x.startswith("適性の変わった業務（") for x in lines)
    assert any(" — 接続方式が未定です。" in x and x.endswith("| ◎ | ○") for x in lines)
    assert replies["errors"] == []
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(tmp_path / "changes.pdf")).pages)
    assert "変更点一覧" in text and task.name in text and "v1.twplan" in text
    whole = [p.extract_text() for p in pypdf.PdfReader(str(tmp_path / "plan.pdf")).pages]
    appendix = max(i for i, page in enumerate(whole) if "付録D" in page)  # (and in the contents)
    assert appendix > 20 and "第1章" in "".join(whole[:appendix])  # the plan, then the list
    assert made["document"] == "変更点一覧" and made["pages"] >= 1
