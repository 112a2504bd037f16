"""Issue 20, section 1 in the window: the File menu's export and import, drag and drop,
the preview, one undo step, replies from elsewhere; openpyxl not loaded at start-up."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QListWidget,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItemIterator,
)

from planner.ui import dialogs
from planner.ui.mnemonics import strip  # texts as read, without the Alt+letter
from tests.test_issue18_ui_dropdown import open_sample


def drive(qtbot, steps):
    """``dialogs.run_dialog`` for a test: show the dialog, let ``steps`` click in it (they
    end with OK or Cancel), and say whether it was accepted. Records each dialog."""
    seen = []

    def run(dialog: QDialog) -> bool:
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        steps.pop(0)(dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        return dialog.result() == QDialog.DialogCode.Accepted

    return run, seen


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tree_lines(tree: QTreeWidget) -> list[str]:
    out, it = [], QTreeWidgetItemIterator(tree)
    while it.value():
        item = it.value()
        depth, parent = 0, item.parent()
        while parent is not None:
            depth, parent = depth + 1, parent.parent()
        out.append("  " * depth + item.text(0))
        it += 1
    return out


def export_from_menu(window, qtbot, monkeypatch, folder, *, skip_first=False, one_book=False):
    def choose(dialog):
        units = dialog.findChild(QListWidget, "surveyUnits")
        if skip_first:  # the first unit unticked with the space bar
            units.setFocus()
            units.setCurrentRow(0)
            qtbot.keyClick(units, Qt.Key.Key_Space)
        if one_book:  # on its circle: the button is as wide as the form
            radio = dialog.findChild(QRadioButton, "oneWorkbook")
            qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
            assert radio.isChecked()
        click(qtbot, dialog.ok)

    run, seen = drive(qtbot, [choose])
    monkeypatch.setattr(dialogs, "run_dialog", run)
    monkeypatch.setattr(dialogs, "choose_folder", lambda _p, _title, _start: folder)
    window.findChild(QAction, "actionExportSurvey").trigger()
    return seen


def test_export_from_the_file_menu_writes_the_chosen_units(
    window, qtbot, tmp_path, replies, monkeypatch
):
    doc = open_sample(window, qtbot)
    export_from_menu(window, qtbot, monkeypatch, tmp_path, skip_first=True)
    names = [u.name for u in doc.plan.units[1:]]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.xlsx" for n in names)
    title, text = replies["infos"][-1]
    assert title == "調査票を書き出しました" and f"・{names[0]}.xlsx" in text
    sheet = load_workbook(tmp_path / f"{names[0]}.xlsx")[names[0]]
    assert [sheet.cell(row=r, column=2).value for r in range(5, 5 + len(doc.plan.units[1].tasks))] == [
        t.name for t in doc.plan.units[1].tasks]  # fmt: skip


def fill(path, unit):
    wb = load_workbook(path)
    ws = wb[unit]
    ws["E5"] = "一部" if ws["E5"].value != "一部" else "なし"
    last = 5 + sum(1 for r in range(5, 200) if ws.cell(row=r, column=2).value)
    ws[f"B{last + 1}"] = "庁内報の編集"
    ws[f"E{last + 1}"] = "すこし"  # not a word of the list
    ws[f"B{last + 2}"] = "会議資料の作成　"
    ws[f"F{last + 2}"] = "×"
    wb.save(path)
    return last


def test_import_from_the_menu_previews_then_applies_one_undoable_step(
    window, qtbot, tmp_path, replies, monkeypatch
):
    doc = open_sample(window, qtbot)
    unit = doc.plan.units[0]
    export_from_menu(window, qtbot, monkeypatch, tmp_path, one_book=True)
    book = tmp_path / "業務の洗い出し調査.xlsx"
    last = fill(book, unit.name)
    before = [t.name for t in unit.tasks]
    count = doc.undo_stack.count()
    shown = []

    def look_and_apply(dialog):
        shown.extend(tree_lines(dialog.findChild(QTreeWidget, "surveyPreview")))
        click(qtbot, dialog.apply_button)

    run, _seen = drive(qtbot, [look_and_apply])
    monkeypatch.setattr(dialogs, "run_dialog", run)
    monkeypatch.setattr(dialogs, "choose_open_files", lambda *_a: [book])
    window.findChild(QAction, "actionImportSurvey").trigger()
    assert f"{unit.name}（業務の洗い出し調査.xlsx［{unit.name}］）" == shown[0]
    assert "  追加 1件" in shown and "  変更 1件" in shown
    assert any(line.startswith("    ＋ 会議資料の作成 — ") for line in shown)
    assert (f"    業務の洗い出し調査.xlsx［{unit.name}］{last + 1}行目 紙への依存（E列）: "
            "『すこし』は選べません（なし／一部／多い）") in shown  # fmt: skip
    assert [t.name for t in doc.plan.units[0].tasks] == [*before, "会議資料の作成"]
    assert doc.undo_stack.count() == count + 1
    assert doc.undo_stack.undoText() == f"調査票の回答の取り込み（{unit.name}）"
    assert window.statusBar().currentMessage().startswith("調査票の回答を取り込みました（1課）")
    window.findChild(QAction, "actionUndo").trigger()
    assert [t.name for t in doc.plan.units[0].tasks] == before


def test_cancel_in_the_preview_changes_nothing(window, qtbot, tmp_path, replies, monkeypatch):
    doc = open_sample(window, qtbot)
    export_from_menu(window, qtbot, monkeypatch, tmp_path)
    path = tmp_path / f"{doc.plan.units[0].name}.xlsx"
    fill(path, doc.plan.units[0].name)
    count = doc.undo_stack.count()
    run, seen = drive(
        qtbot, [lambda d: click(qtbot, d.buttons.button(d.buttons.StandardButton.Cancel))]
    )
    monkeypatch.setattr(dialogs, "run_dialog", run)
    assert not window.survey.import_files([path])
    assert doc.undo_stack.count() == count and not doc.dirty


def test_replies_dropped_on_the_window_are_previewed(window, qtbot, tmp_path, replies, monkeypatch):
    doc = open_sample(window, qtbot)
    export_from_menu(window, qtbot, monkeypatch, tmp_path)
    a, b = (tmp_path / f"{u.name}.xlsx" for u in doc.plan.units[:2])
    fill(a, doc.plan.units[0].name)
    shown = []
    run, _seen = drive(
        qtbot, [lambda d: (shown.extend(tree_lines(d.tree)), click(qtbot, d.apply_button))]
    )
    monkeypatch.setattr(dialogs, "run_dialog", run)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(a)), QUrl.fromLocalFile(str(b))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.dragEnterEvent(event)
    assert event.isAccepted()
    window.dropEvent(event)
    qtbot.waitUntil(lambda: doc.dirty)
    assert (
        shown[0].startswith(doc.plan.units[0].name) and f"{doc.plan.units[1].name}（" in shown[-2]
    )
    assert shown[-1] == "  変更はありません。"
    assert doc.plan.units[0].tasks[-1].name == "会議資料の作成"


def test_a_reply_from_another_plan_is_taken_only_when_confirmed(
    window, qtbot, tmp_path, replies, monkeypatch
):
    from planner.office.survey_files import export_survey
    from planner.resources import resource_path
    from planner.store.project import open_plan

    other = open_plan(resource_path("samples", "kawasemi-town.twplan"))
    other.municipality.name = "かわせみ町（昨年度の計画）"
    path = export_survey(other, tmp_path, units=[other.units[0].name])[0]
    doc = open_sample(window, qtbot)
    fill(path, other.units[0].name)
    before = [t.name for t in doc.plan.units[0].tasks]
    for answer in (False, True):
        replies["yes_no"] = answer
        run, _seen = drive(qtbot, [lambda d: click(qtbot, d.apply_button)])
        monkeypatch.setattr(dialogs, "run_dialog", run)
        assert window.survey.import_files([path]) is answer
        kind, asked = replies["asked"][-1]
        assert (
            kind == "yes_no"
            and "別の計画（かわせみ町（昨年度の計画）／2025）の調査票です。" in asked[1]
        )
        if not answer:  # "No": the others only — here there are none
            assert replies["infos"][-1] == ("調査票の回答", "計画は変わりません。")
            assert [t.name for t in doc.plan.units[0].tasks] == before
    assert [t.name for t in doc.plan.units[0].tasks] == [*before, "会議資料の作成"]


def test_openpyxl_is_not_loaded_by_the_window_nor_a_plan(tmp_path):
    code = (
        "import sys\n"
        "from planner.ui.app import create_app\n"
        "from planner.ui.main_window import MainWindow\n"
        "from planner.resources import resource_path\n"
        "app = create_app()\n"
        "w = MainWindow(recovery_dir=__import__('pathlib').Path(sys.argv[1]))\n"
        "w.open_sample(resource_path('samples', 'kawasemi-town.twplan'))\n"
        "w.workspace.go(10)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'openpyxl'"
        " or m.startswith(('planner.office.survey_book', 'planner.office.survey_reply'))))\n"
        "w.doc.undo_stack.setClean()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                         text=True, timeout=60, env=env)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_menu_names_the_survey(window, qtbot, language):
    from planner.ui import i18n

    open_sample(window, qtbot)
    window.set_language(language)
    texts = {a.objectName(): strip(a.text()) for a in window.findChildren(QAction)}
    expected = {"ja": ("業務の洗い出し調査票（Excel）を書き出す…", "調査票の回答を読み込む…"),
                "en": ("Export the task survey (Excel)…", "Import survey replies…")}[language]  # fmt: skip
    assert (texts["actionExportSurvey"], texts["actionImportSurvey"]) == expected
    i18n.set_language("ja", remember=False)
