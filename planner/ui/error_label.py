"""The red line under a field or a form that says what is wrong with a value.

A module of its own (issue 25): the welcome screen's form shows one, without the
plan's fields and tables (``fields.py``) that a plan's pages need.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..domain.errors import PlannerError
from .i18n import lang


class ErrorLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.setObjectName("fieldError")
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages quote user text: never markup
        self.hide()

    def show_error(self, err: PlannerError | None) -> None:
        self.setText(err.text(lang()) if err else "")
        self.setVisible(err is not None)
