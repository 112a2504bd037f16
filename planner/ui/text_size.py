"""The text size (表示 › 文字の大きさ, issue 22): 標準 / 大 / 特大, kept in QSettings.

The size is a preference, not a plan edit: it is not undone with the plan's edits.
It scales the application font, which every widget follows; page titles take their
size from it too (``title_font()``), and the few heights given in pixels are scaled
with ``px()``. The main window builds its pages again on a change, as it does for a
language change, so every page shows the new size at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

KEY = "ui/text_size"
# level -> (factor of the standard size, Japanese, English)
LEVELS = {
    "normal": (1.0, "標準", "Standard"),
    "large": (1.25, "大", "Large"),
    "x-large": (1.5, "特大", "Extra large"),
}
TITLE = 1.6  # a page title against the body text (16pt over 10pt before issue 22)
WELCOME_TITLE = 1.8
_state = {"level": "normal", "base": 0.0}


def level() -> str:
    return _state["level"]


def factor() -> float:
    return LEVELS[_state["level"]][0]


def px(pixels: int) -> int:
    """A size in pixels that holds text, scaled with the text size."""
    return round(pixels * factor())


def saved_level() -> str:
    value = QSettings().value(KEY, "normal")
    return value if value in LEVELS else "normal"  # anything else in the file: standard


def base() -> float:
    return _state["base"]


def set_base(point_size: float) -> None:
    """The standard size in points (set once, when the fonts are registered)."""
    _state["base"] = point_size


def set_level(code: str, *, remember: bool = True) -> None:
    """Apply a text size to the application font (every widget that has no font of its own)."""
    _state["level"] = code if code in LEVELS else "normal"
    if remember:
        QSettings().setValue(KEY, _state["level"])
    app = QApplication.instance()
    if app is None:
        return
    if not _state["base"]:
        _state["base"] = max(app.font().pointSizeF(), 10.0)
    font = QFont(app.font())
    font.setPointSizeF(_state["base"] * factor())
    app.setFont(font)


def refresh(window) -> None:
    """Give an open window the application font now. Qt tells open windows itself only
    while its event loop runs (not before app.exec(), not in tests); the window passes
    the font on to its children."""
    if window is not None:
        QApplication.sendEvent(window, QEvent(QEvent.Type.ApplicationFontChange))


def title_font(scale: float = TITLE) -> QFont:
    """A page title's font: bold, ``scale`` times the body text at the size chosen."""
    font = QFont(QApplication.font())
    font.setPointSizeF(QApplication.font().pointSizeF() * scale)
    font.setBold(True)
    return font
