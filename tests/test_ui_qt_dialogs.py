"""Qt's own dialogs speak the UI's language (qtbase_ja.qm plus the strings it lacks)."""

import re

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from planner.ui import i18n


def _file_dialog(qtbot, mode=QFileDialog.AcceptMode.AcceptOpen) -> QFileDialog:
    dialog = QFileDialog(None, "x", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own widgets
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize(
    "mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave]
)
def test_file_dialog_in_japanese(app, qtbot, mode):
    dialog = _file_dialog(qtbot, mode)
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel) if w.text()}
    assert labels["lookInLabel"] == "場所(&L):"
    assert labels["fileTypeLabel"] == "ファイルの種類(&T):"
    assert labels["fileNameLabel"] == "ファイル名(&N):"
    buttons = [b.text() for b in dialog.findChildren(QPushButton) if b.text()]
    assert "キャンセル" in buttons
    # no English word left on a label or button (the &-accelerator letter aside)
    for text in [*labels.values(), *buttons]:
        assert not re.search(r"[A-Za-z]{2,}", text), text


def test_file_dialog_in_english(app, qtbot):
    i18n.set_language("en", remember=False)
    dialog = _file_dialog(qtbot)
    assert dialog.findChild(QLabel, "lookInLabel").text() == "&Look in:"
