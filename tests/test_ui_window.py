"""The window fits the screen's free area at the first start and reopens as it was left."""

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtTest import QTest

from planner.ui.window_state import FRAME, first_geometry, minimum_size
from tests.ui_helpers import create_plan

# a 1366×768 screen with a 40-pixel taskbar at the bottom
LAPTOP = QRect(0, 0, 1366, 728)
FULL_HD = QRect(0, 0, 1920, 1040)


@pytest.fixture
def fresh_settings(app):
    """No window state saved yet, and none left behind for the next test."""
    settings = QSettings()
    for group in ("window", "splitters"):
        settings.remove(group)
    yield settings
    for group in ("window", "splitters"):
        settings.remove(group)


def _new_window(tmp_path, qtbot):
    from planner.ui.main_window import MainWindow

    w = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(w)
    return w


def _inside(window, widget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("area", [LAPTOP, FULL_HD, QRect(0, 30, 1024, 700)])
def test_first_start_fits_the_free_area(area):
    rect, maximize = first_geometry(area)
    framed = rect.adjusted(-FRAME.width() // 2, -FRAME.height() + 8, FRAME.width() // 2, 8)
    assert area.contains(framed), (rect, area)
    assert maximize == (area.width() <= 1440 or area.height() <= 900)
    assert minimum_size(area).height() <= area.height() - FRAME.height()


def test_first_start_on_a_laptop_shows_back_next_and_the_strip(
    fresh_settings, tmp_path, qtbot, replies, monkeypatch
):
    window = _new_window(tmp_path, qtbot)
    window.show_restored(LAPTOP)
    qtbot.waitExposed(window)
    assert window.isMaximized()  # a laptop-sized screen is used whole
    rect, _maximize = first_geometry(LAPTOP)
    window.showNormal()
    window.setGeometry(rect)  # the client area a maximized window gets on that screen
    create_plan(window, qtbot)
    ws = window.workspace
    qtbot.waitUntil(ws.isVisible)
    assert window.height() <= LAPTOP.height() - FRAME.height()
    for widget in (ws.back, ws.next, ws.strip):
        assert _inside(window, widget), widget.objectName()
    window.doc.undo_stack.setClean()


def test_geometry_maximized_state_and_splitters_come_back(fresh_settings, tmp_path, qtbot, replies):
    first = _new_window(tmp_path, qtbot)
    first.show_restored(FULL_HD)
    qtbot.waitExposed(first)
    assert not first.isMaximized()
    first.setGeometry(QRect(40, 50, 1200, 760))
    create_plan(first, qtbot)
    splitter = first.workspace.splitter
    qtbot.waitUntil(splitter.isVisible)
    before = splitter.sizes()[0]
    handle = splitter.handle(1)
    centre = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseMove(handle, centre + QPoint(90, 0))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=centre + QPoint(90, 0))
    moved = splitter.sizes()
    assert moved[0] == before + 90
    first.doc.undo_stack.setClean()
    first.close()

    second = _new_window(tmp_path, qtbot)
    second.show_restored(FULL_HD)
    qtbot.waitExposed(second)
    assert second.geometry() == QRect(40, 50, 1200, 760)
    assert not second.isMaximized()
    create_plan(second, qtbot)
    assert second.workspace.splitter.sizes()[0] == moved[0]
    second.showMaximized()
    qtbot.waitUntil(second.isMaximized)
    second.doc.undo_stack.setClean()
    second.close()

    third = _new_window(tmp_path, qtbot)
    third.show_restored(FULL_HD)
    qtbot.waitUntil(third.isMaximized)


def test_saved_geometry_off_the_screen_is_fitted_again(fresh_settings, tmp_path, qtbot):
    first = _new_window(tmp_path, qtbot)
    first.show_restored(FULL_HD)
    first.setGeometry(QRect(1500, 700, 1200, 760))  # on a second monitor since unplugged
    first.close()
    second = _new_window(tmp_path, qtbot)
    second.show_restored(LAPTOP)
    assert second.isMaximized() or LAPTOP.contains(second.geometry())


def test_ctrl_q_quits_on_every_platform(window, qtbot):
    """Windows has no standard Quit key: Ctrl+Q is set explicitly, as the menu says."""
    from PySide6.QtGui import QAction

    quit_action = window.findChild(QAction, "actionQuit")
    assert quit_action.shortcut().toString() == "Ctrl+Q"
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
