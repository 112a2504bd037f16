"""The settings file is input too: checked before Qt reads it (issue 18).

On Linux and other Unix systems QSettings keeps the program's settings (language,
recent files, window geometry) in INI files, ``…/TeleworkPlanner/Telework Planner.conf``
and the organisation's ``…/TeleworkPlanner.conf``. Qt reads them whole at the first
``QSettings()``: a FIFO there blocks the start for ever, a huge file fills memory.
So is one with values Qt deserializes (see _SERIALIZED below).
Such a file is left alone; this session's settings go to a private folder instead,
and the window's status bar names the file. (Windows keeps the settings in the
registry and macOS in a property list: nothing to check there.)

The values themselves are checked where they are read (i18n.saved_language,
file_actions.recent_files, window_state): any value of any type is possible.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from ..domain.errors import ResourceError
from ..domain.text import L10n
from ..loading.datafile import read_small_file

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
    """Why Qt must not read ``path`` (not a regular file, too large, values Qt would
    deserialize), or None."""
    try:
        data = read_small_file(path, MAX_SETTINGS_BYTES)
    except ResourceError as e:
        return e.problem
    except (OSError, ValueError):
        return None  # nothing there (or nothing we can read): QSettings starts empty
    if _SERIALIZED.search(_unescaped(data.decode("utf-8", "replace"))):
        return L10n(
            "このプログラムが書かない値（@Variant、@DateTime）があります",
            "it holds values this program never writes (@Variant, @DateTime)",
        )
    return None


# QSettings reads "@Variant(…)" and "@DateTime(…)" values through QDataStream, and a
# crafted one (a list claiming 2^31 items) aborts the program (std::bad_alloc) when its
# section is read. The program never writes either. The file is searched after undoing,
# as Qt does, quotes, line continuations and \x / octal escapes (\x40 is "@"); more
# is found than Qt would read (also inside other values), never less.
_SERIALIZED = re.compile(r"@(Variant|DateTime)\(")
_ESCAPE = re.compile(r'\\(x[0-9a-fA-F]+|[0-7]{1,3})|\\\r?\n|"')


def _unescaped(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        if code is None:
            return ""  # a quote or a line continuation: Qt drops them
        value = int(code[1:], 16) if code[0] == "x" else int(code, 8)
        return chr(value & 0xFFFF)  # Qt keeps the low 16 bits (a QChar)

    return _ESCAPE.sub(one, text)


def check_settings_files() -> L10n | None:
    """Before the first QSettings(): if a settings file cannot be read safely, keep this
    session's settings in a private folder and return the warning that names the file."""
    for path in settings_files():
        why = _unusable(path)
        if why is not None:
            import tempfile

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
