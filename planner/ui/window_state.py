"""Where the window opens: inside the screen's free area the first time, as left after that.

Geometry, the maximized state and splitter positions are kept in QSettings
(``window/…``, ``splitters/…``) beside the UI language (see i18n.py).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

PREFERRED = QSize(1440, 900)
MINIMUM = QSize(1024, 640)
# room the window manager's frame takes around the client area (title bar, borders),
# which Qt only knows once the window is shown
FRAME = QSize(16, 40)


def available_area(widget: QWidget | None = None) -> QRect:
    """The screen's area less taskbars and docks."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def minimum_size(area: QRect) -> QSize:
    """The program's minimum, but never more than the screen can show."""
    return QSize(
        min(MINIMUM.width(), area.width() - FRAME.width()),
        min(MINIMUM.height(), area.height() - FRAME.height()),
    )


def first_geometry(area: QRect) -> tuple[QRect, bool]:
    """The window's client rectangle at the first start, and whether to maximize it.

    It fits inside ``area`` with its frame, centred. On a laptop-sized screen (up to
    1440×900 free) it opens maximized, so the status bar and Back/Next are on screen.
    """
    width = min(PREFERRED.width(), area.width() - FRAME.width())
    height = min(PREFERRED.height(), area.height() - FRAME.height())
    rect = QRect(0, 0, width, height)
    rect.moveCenter(area.center())
    rect.moveTop(max(area.top() + FRAME.height() - 8, rect.top()))
    small = area.width() <= PREFERRED.width() or area.height() <= PREFERRED.height()
    return rect, small


def place_window(window: QMainWindow, area: QRect | None = None) -> bool:
    """Restore the last geometry if it still fits the screen, else fit it; True: maximize."""
    area = area if area is not None else available_area(window)
    window.setMinimumSize(minimum_size(area))
    settings = QSettings()
    saved = settings.value("window/rect")
    maximized = str(settings.value("window/maximized", "")).lower() == "true"
    if isinstance(saved, QRect) and area.contains(saved):
        window.setGeometry(saved)
        return maximized
    rect, maximize = first_geometry(area)
    window.setGeometry(rect)
    return maximize or maximized


def save_window(window: QMainWindow) -> None:
    """The window's normal (not maximized) rectangle and whether it is maximized."""
    settings = QSettings()
    settings.setValue("window/rect", window.normalGeometry())
    settings.setValue("window/maximized", window.isMaximized())


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """Give the splitter its last position, and keep each position the user drags it to."""
    saved = QSettings().value(f"splitters/{key}")
    if isinstance(saved, QByteArray):
        splitter.restoreState(saved)
    splitter.splitterMoved.connect(
        lambda _pos, _index: QSettings().setValue(f"splitters/{key}", splitter.saveState())
    )
