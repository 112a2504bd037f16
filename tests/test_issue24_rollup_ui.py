"""Issue 24, section 1: ファイル › 複数の計画を集計… from the window."""

from __future__ import annotations

from PySide6.QtGui import QAction

from planner.ui import dialogs
from tests.rollup_plans import PERIOD, save_three


def test_the_file_menu_rolls_up_a_folder_of_plans(window, replies, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    folder = tmp_path / "towns"
    save_three(folder)
    (folder / "broken.twplan").write_bytes(b"not a plan")
    monkeypatch.setattr(dialogs, "choose_folder", lambda *_a, **_k: folder)
    replies["save"] = tmp_path / "集計.xlsx"
    action = window.findChild(QAction, "actionRollup")
    assert action is not None and action.isEnabled()  # no plan needs to be open
    action.trigger()
    assert replies["errors"] == []
    [(_title, text)] = replies["infos"]
    assert "計画 3件を集計し、「集計.xlsx」に書き出しました。" in text
    assert "broken.twplan" in text
    rows = list(load_workbook(tmp_path / "集計.xlsx", data_only=True)["計画一覧"]
                .iter_rows(min_row=8, max_row=8, values_only=True))  # fmt: skip
    assert rows[0][0] == "合計" and rows[0][12:16] == tuple(PERIOD.values())


def test_cancelling_the_progress_keeps_what_was_read(window, replies, monkeypatch, tmp_path):
    from planner.ui import rollup_dialog

    save_three(tmp_path / "towns")
    monkeypatch.setattr(dialogs, "choose_folder", lambda *_a, **_k: tmp_path / "towns")
    replies["save"] = tmp_path / "out.json"
    made = []

    def cancelling(parent):
        box = progress(parent)
        made.append(box)
        box.setValue = lambda v, b=box: b.cancel() if v >= 1 else None  # 中止 after one plan
        return box

    progress = rollup_dialog.progress_dialog
    monkeypatch.setattr(rollup_dialog, "progress_dialog", cancelling)
    window.findChild(QAction, "actionRollup").trigger()
    [(_title, text)] = replies["infos"]
    assert "計画 1件を集計" in text and "未読のファイルが 2件" in text
    import json

    data = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert data["cancelled"] is True and len(data["plans"]) == 1
