"""Starting the Qt application: fonts, language, the main window, a file to open."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import APP_NAME
from ..resources import resource_path


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("TeleworkPlanner")
    from .settings_file import check_settings_files

    check_settings_files()  # before the first QSettings(): a FIFO there would block the start
    app.setWindowIcon(QIcon(str(resource_path("icons", "telework-planner-256.png"))))
    from . import i18n
    from .fonts import register_fonts

    register_fonts(app)  # after the QApplication exists (see pitfalls.md)
    from . import text_size

    text_size.set_level(text_size.saved_level(), remember=False)  # 文字の大きさ (issue 22)
    from .contrast import readable_palette

    app.setPalette(readable_palette(app.palette()))  # text at 4.5:1 at least (issue 22)
    from .wheel_guard import install

    install(app)  # the wheel scrolls pages, never changes an unfocused choice
    from . import accessible

    accessible.install(app)  # every dialog's widgets named for screen readers (issue 22)
    i18n.set_language(i18n.saved_language(), remember=False)
    return app  # type: ignore[return-value]


PRELOAD_DELAY_MS = 1500


# What creating or opening a plan imports that the welcome screen does not (issue 25):
# no Qt in them, so a background thread may import them.
PLAN_MODULES = ("planner.domain.builders", "planner.domain.catalog", "planner.loading.defaults",
                "planner.store.project", "planner.store.recovery")  # fmt: skip


def start_report_preload() -> threading.Thread:
    """Import the plan's machinery and load the PDF libraries and fonts in the background
    (see ``planner.report.preload``): the first new plan, plan opened and PDF exported
    then wait for no import.

    Not a daemon: interpreter shutdown waits for the imports to finish (at most
    about a second) rather than tearing them down halfway.
    """
    thread = threading.Thread(target=_preload, name="report-preload")
    thread.start()
    return thread


def _preload() -> None:
    import importlib

    from ..report import preload

    for name in PLAN_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - creating or opening a plan reports it, with its message
            pass
    preload()


def install_error_handler(window) -> None:
    """An unexpected error becomes a message and an autosave, never a silent traceback."""
    import logging
    import traceback

    def handler(kind, value, tb) -> None:
        logging.getLogger("planner").error("".join(traceback.format_exception(kind, value, tb)))
        saved = window.autosave.save_now() if window.doc is not None and window.doc.dirty else None
        from . import dialogs
        from .i18n import t

        note = (
            t("作業中の計画は自動保存しました。", "Your open plan was autosaved.") if saved else ""
        )
        dialogs.show_error(
            window,
            t("予期しないエラー", "Unexpected error"),
            t(
                f"予期しないエラーが発生しました（{kind.__name__}）。{note}",
                f"An unexpected error occurred ({kind.__name__}). {note}",
            ),  # fmt: skip
        )

    sys.excepthook = handler


def run_gui(args: list[str]) -> int:
    app = create_app(sys.argv[:1])
    from .main_window import MainWindow

    window = MainWindow()
    install_error_handler(window)
    window.show_restored()
    files = [a for a in args if not a.startswith("-")]
    if files:
        window.files.open(Path(files[0]))
    # after the window is up and idle: the first PDF export then takes no import time
    QTimer.singleShot(PRELOAD_DELAY_MS, start_report_preload)
    return app.exec()
