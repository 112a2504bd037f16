"""Every modal question goes through these few functions, so tests can replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from .i18n import t

PLAN_FILTER = "テレワーク計画 / Telework plan (*.twplan)"
JSON_FILTER = "JSON (*.json)"
PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"


def message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    """A message box that shows its text as typed: messages quote names from files (never markup)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    box = message_box(parent, QMessageBox.Icon.Warning, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = message_box(parent, QMessageBox.Icon.Information, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def question_box(parent: QWidget | None, title: str, text: str, confirm: str = "") -> QMessageBox:
    """Yes / No; or, for a step that removes something (``confirm``: what OK says, e.g.
    「削除」), OK / Cancel with Cancel the default, so Enter or Esc keeps everything."""
    buttons = QMessageBox.StandardButton
    box = message_box(parent, QMessageBox.Icon.Question, title, text)
    if not confirm:
        box.setStandardButtons(buttons.Yes | buttons.No)
        return box
    box.setStandardButtons(buttons.Ok | buttons.Cancel)
    box.button(buttons.Ok).setText(confirm)
    box.setDefaultButton(buttons.Cancel)
    box.setEscapeButton(buttons.Cancel)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str, confirm: str = "") -> bool:
    """True for Yes (or the ``confirm`` button); see ``question_box``."""
    answer = QMessageBox.StandardButton(question_box(parent, title, text, confirm).exec())
    return answer in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok)


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        t("変更の保存", "Save changes"),
        t(f"「{name}」への変更を保存しますか？", f"Save the changes to '{name}'?"),
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {
        QMessageBox.StandardButton.Save: "save",
        QMessageBox.StandardButton.Discard: "discard",
    }.get(QMessageBox.StandardButton(answer), "cancel")


def choose_open_file(
    parent: QWidget | None, file_filter: str = PLAN_FILTER, folder: str = ""
) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, t("開く", "Open"), folder, file_filter)
    return Path(name) if name else None


def choose_save_file(
    parent: QWidget | None, suggested: str, file_filter: str = PLAN_FILTER
) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, t("名前を付けて保存", "Save as"), suggested, file_filter
    )
    return Path(name) if name else None


def choose_open_files(
    parent: QWidget | None, file_filter: str = XLSX_FILTER, folder: str = ""
) -> list[Path]:
    """Several files to read at once (survey replies)."""
    names, _ = QFileDialog.getOpenFileNames(parent, t("開く", "Open"), folder, file_filter)
    return [Path(n) for n in names]


def choose_folder(parent: QWidget | None, title: str, folder: str = "") -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, folder)
    return Path(name) if name else None


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog of the program's own and wait; True if the user accepted it
    (tests drive the dialog instead)."""
    return dialog.exec() == QDialog.DialogCode.Accepted
