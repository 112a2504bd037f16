"""Issue 23, section 2 in the window: the File menu's trial survey export and import,
step 10's results and criteria with their outcomes, one undo step."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPlainTextEdit

from planner.ui import dialogs
from tests.test_issue18_ui_dropdown import open_sample
from tests.test_issue23_trial import counter_csv


def test_export_and_import_from_the_file_menu(window, qtbot, tmp_path, monkeypatch):
    doc = open_sample(window, qtbot)
    assert len(doc.plan.trial_responses) == 27  # the sample has a trial with results
    monkeypatch.setattr(dialogs, "choose_folder", lambda _p, _t, _s: tmp_path)
    monkeypatch.setattr(dialogs, "show_info", lambda *_a: None)
    window.findChild(QAction, "actionExportTrialSurvey").trigger()
    assert len(list(tmp_path.glob("試行アンケート_*.xlsx"))) == 4
    asked = []
    monkeypatch.setattr(dialogs, "choose_open_files", lambda *_a: [counter_csv(tmp_path)])
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text: asked.append(text) or True)
    window.findChild(QAction, "actionImportTrialAnswers").trigger()
    assert asked[0].startswith("試行アンケート_窓口.csv: 窓口・現場の職員 3人")
    assert len(doc.plan.trial_responses) == 30
    page = window.workspace.page(10)
    results = page.findChild(QPlainTextEdit, "trialResults").toPlainText()
    assert "■ 窓口・現場の職員: 8人" in results
    assert "[未達成] 端末・通信環境の満足度が平均3.5点以上" in results
    doc.undo_stack.undo()
    assert len(doc.plan.trial_responses) == 27
    assert "■ 窓口・現場の職員: 5人" in page.findChild(QPlainTextEdit, "trialResults").toPlainText()
