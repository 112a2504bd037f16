"""Starting the Qt application and its main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from .. import APP_NAME
from .main_window import MainWindow


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("TeleworkPlanner")
    return app  # type: ignore[return-value]


def run_gui(args: list[str]) -> int:
    app = create_app(sys.argv[:1])
    window = MainWindow()
    window.show()
    return app.exec()
