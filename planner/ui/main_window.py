"""The main window: the ten steps at the side, the current step's page beside them."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from .. import APP_NAME, APP_NAME_JA


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(f"{APP_NAME_JA} — {APP_NAME}")
        self.resize(1366, 768)
