"""Every modal question goes through these few functions, so tests can replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .i18n import t

PLAN_FILTER = "テレワーク計画 / Telework plan (*.twplan)"
JSON_FILTER = "JSON (*.json)"
PDF_FILTER = "PDF (*.pdf)"


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


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    box = message_box(parent, QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return QMessageBox.StandardButton(box.exec()) == QMessageBox.StandardButton.Yes


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
