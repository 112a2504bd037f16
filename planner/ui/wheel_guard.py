"""The mouse wheel scrolls the page; it never changes a choice the user is not editing.

One mechanism for the whole application: the application's style (a proxy of the
platform's) meets every widget once, when Qt polishes it, and gives each combo box
and spin box the guard: a wheel turned over such a box without the keyboard focus
goes to the nearest scrollable area around it instead (the page), and the box no
longer takes the focus from the wheel. Only those boxes' events pass through
Python (an application-wide event filter cost ~17 ms at every start).

The same style hands every widget it polishes to the hooks given to ``on_polish``:
``accessible.py`` meets each window there (issue 25).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QProxyStyle,
    QWidget,
)

_GUARDED = (QComboBox, QAbstractSpinBox)


def _guarded(obj: QObject) -> QWidget | None:
    """The combo or spin box a wheel event is aimed at (its own line edit included)."""
    if isinstance(obj, _GUARDED):
        return obj
    if isinstance(obj, QLineEdit) and isinstance(obj.parentWidget(), _GUARDED):
        return obj.parentWidget()
    return None


def _scroll_target(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest enclosing area that can scroll vertically (else the nearest at all)."""
    first = None
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            first = first or parent
            bar = parent.verticalScrollBar()
            if bar.maximum() > bar.minimum():
                return parent
        parent = parent.parentWidget()
    return first


class WheelGuard(QObject):
    def guard(self, box: QWidget) -> None:
        if box.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel gives no focus
        box.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.Wheel:
            return False
        box = _guarded(obj)
        if box is None or box.hasFocus():
            return False
        area = _scroll_target(box)
        if area is not None:
            QApplication.sendEvent(area.viewport(), event.clone())
        event.accept()
        return True  # the box itself never sees it


class _GuardingStyle(QProxyStyle):
    """The platform's style, handing every combo and spin box to the guard once."""

    def __init__(self, guard: WheelGuard) -> None:
        super().__init__()
        self._guard = guard
        self.hooks: list[Callable[[QWidget], None]] = []

    def polish(self, target):  # noqa: ANN001 - QWidget, QApplication or QPalette (overloads)
        if isinstance(target, _GUARDED):
            self._guard.guard(target)
        if self.hooks and isinstance(target, QWidget):
            for hook in self.hooks:
                hook(target)
        return super().polish(target)


def on_polish(app: QApplication, hook: Callable[[QWidget], None]) -> bool:
    """Call ``hook`` with every widget the application's style polishes from now on (once
    a widget, before it is first shown); False if the guard's style is not installed."""
    style = app.style()
    if not isinstance(style, _GuardingStyle):
        return False
    if hook not in style.hooks:
        style.hooks.append(hook)
    return True


def install(app: QApplication) -> WheelGuard:
    """Install the guard once per application."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        style = _GuardingStyle(guard)
        style.setParent(app)
        app.setStyle(style)
    return guard
