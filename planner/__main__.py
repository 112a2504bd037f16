"""Entry point: ``planner`` starts the program; ``planner COMMAND …`` runs the CLI."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from .cli import invocation, no_display, run_cli, unknown_command

    kind = invocation(args)
    if kind == "cli":
        return run_cli(args)
    if kind == "unknown":
        return unknown_command(args)
    if not _display_available():
        return no_display(_window_language())
    from .ui.app import run_gui  # Qt is imported only for the GUI

    return run_gui(args)


def _display_available() -> bool:
    """Whether Qt can open a window. On Linux and other X11/Wayland systems it needs a display
    (or a platform chosen with QT_QPA_PLATFORM); without one Qt aborts the process."""
    if os.name == "nt" or sys.platform == "darwin":
        return True
    return any(os.environ.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _window_language() -> str:
    """The language the user chose in the window (read only when no window can open)."""
    try:
        from PySide6.QtCore import QCoreApplication

        from . import APP_NAME
        from .ui.i18n import saved_language

        # the names planner/ui/app.py gives the application: QSettings finds the same file
        QCoreApplication.setOrganizationName("TeleworkPlanner")
        QCoreApplication.setApplicationName(APP_NAME)
        return saved_language()
    except Exception:  # noqa: BLE001 - no Qt, unreadable settings: Japanese, the default
        return "ja"


if __name__ == "__main__":
    sys.exit(main())
