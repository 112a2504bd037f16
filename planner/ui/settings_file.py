"""The settings file is input too: checked before Qt reads it (issue 18).

On Linux and other Unix systems QSettings keeps the program's settings (language,
recent files, window geometry) in INI files, ``…/TeleworkPlanner/Telework Planner.conf``
and the organisation's ``…/TeleworkPlanner.conf``. Qt reads them whole at the first
``QSettings()``: a FIFO there blocks the start for ever, a huge file fills memory.
Such a file is left alone; this session's settings go to a private folder instead,
and the window's status bar names the file. (Windows keeps the settings in the
registry and macOS in a property list: nothing to check there.)

The values themselves are checked where they are read (i18n.saved_language,
file_actions.recent_files, window_state): any value of any type is possible.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from ..domain.datafile import file_kind
from ..domain.text import L10n

MAX_SETTINGS_BYTES = 1024 * 1024  # the program writes a few kilobytes

_state: dict[str, object] = {"problem": None, "private": None}


def settings_files() -> list[Path]:
    """The INI files QSettings reads for this program (none on Windows and macOS)."""
    if os.name == "nt" or sys.platform == "darwin":
        return []
    base = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    )
    org, app = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    return [base / org / f"{app}.conf", base / f"{org}.conf"]


def _unusable(path: Path) -> L10n | None:
    """Why Qt must not read ``path`` (not a regular file, too large), or None."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None  # nothing there (or nothing we can see): QSettings starts empty
    if not stat.S_ISREG(st.st_mode):
        kind = file_kind(st.st_mode)
        return L10n(
            f"通常のファイルではありません（{kind.ja}）", f"it is not a regular file but {kind.en}"
        )
    if st.st_size > MAX_SETTINGS_BYTES:
        return L10n(
            f"大きすぎます（{st.st_size:,}バイト）", f"it is too large ({st.st_size:,} bytes)"
        )
    return None


def check_settings_files() -> L10n | None:
    """Before the first QSettings(): if a settings file cannot be read safely, keep this
    session's settings in a private folder and return the warning that names the file."""
    for path in settings_files():
        why = _unusable(path)
        if why is not None:
            private = tempfile.TemporaryDirectory(prefix="telework-planner-settings-")
            _state["private"] = private  # removed at exit; kept alive while Qt writes there
            QSettings.setPath(
                QSettings.Format.NativeFormat, QSettings.Scope.UserScope, private.name
            )
            problem = L10n(
                f"設定ファイル {path} を読み込みません（{why.ja}）。今回の設定（言語・最近使ったファイル・ウィンドウの位置）は保存されません。",
                f"The settings file {path} is not read ({why.en}). This session's settings (language, recent files, window position) are not kept.",
            )
            _state["problem"] = problem
            return problem
    return None


def settings_problem() -> L10n | None:
    """The warning of ``check_settings_files`` for the window's status bar, if any."""
    problem = _state["problem"]
    return problem if isinstance(problem, L10n) else None


def restore_settings_path() -> None:
    """Settings back in the user's folder (tests that had a bad settings file call this)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, base)
    _state["problem"] = None
