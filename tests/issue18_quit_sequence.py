"""Run by tests/test_issue18_ui_quit.py in a child process: the program as run_gui starts it,
then N times save → export the PDF → close the plan → open it again, and at the end Quit.

A crash on the way out (``Fatal Python error``) ends this process, not the test run.
Usage: python tests/issue18_quit_sequence.py FOLDER N
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

folder, rounds = Path(sys.argv[1]), int(sys.argv[2])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HOME"] = str(folder)
os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
os.environ["XDG_DATA_HOME"] = str(folder / "data")
os.environ["TELEWORK_PLANNER_RULES_DIR"] = ""

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from planner.domain.model import Municipality  # noqa: E402
from planner.ui import dialogs  # noqa: E402
from planner.ui.app import create_app, install_error_handler  # noqa: E402
from planner.ui.main_window import MainWindow  # noqa: E402

PLAN, PDF = folder / "plan.twplan", folder / "plan.pdf"
dialogs.choose_save_file = lambda _parent, _suggested, file_filter=dialogs.PLAN_FILTER: (
    PDF if file_filter == dialogs.PDF_FILTER else PLAN
)
dialogs.show_info = lambda *_args: None
dialogs.show_error = lambda _parent, title, text: print("ERROR", title, text, file=sys.stderr)
dialogs.ask_save_changes = lambda *_args: "discard"

app = create_app([sys.argv[0]])
window = MainWindow(recovery_dir=folder / "recovery")
install_error_handler(window)
window.show()
done: list[str] = []


def press(name: str) -> None:
    """The action's own key, as a person presses it; its menu entry where the platform's
    key scheme gives it none (offscreen has no key for Quit)."""
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    action = window.findChild(QAction, name)
    if action.shortcut().isEmpty():
        action.trigger()
    else:
        QTest.keySequence(window.windowHandle(), action.shortcut())
    done.append(name)


def start() -> None:
    if window.doc is None and not PLAN.exists():
        window.files.create(Municipality("さくら町", "長野県", 120, 180, 2025))
    elif window.doc is None:
        window.files.open(PLAN)
    window.workspace.go(10)  # the summary page, where the export button is
    done.append("open")


steps = [start, lambda: press("actionSave"), lambda: press("actionExportPdf"),
         lambda: press("actionClose")] * rounds + [lambda: press("actionQuit")]  # fmt: skip


def run(i: int = 0) -> None:
    """One step per turn of the event loop, so deferred deletions run between them."""
    if i < len(steps):
        steps[i]()
        QTimer.singleShot(0, lambda: run(i + 1))


QTimer.singleShot(0, run)
code = app.exec()
print(f"rounds {done.count('actionClose')} quit {done.count('actionQuit')} code {code}")
sys.exit(code)
