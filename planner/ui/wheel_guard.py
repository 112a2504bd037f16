"""The mouse wheel scrolls the page; it never changes a choice the user is not editing.

One filter on the application: a wheel turned over a combo box or a spin box that
does not have the keyboard focus goes to the nearest scrollable area around it
instead (the page), and such boxes no longer take the focus from the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
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
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(obj, _GUARDED):
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel gives no focus
            return False
        if kind != QEvent.Type.Wheel:
            return False
        box = _guarded(obj)
        if box is None or box.hasFocus():
            return False
        area = _scroll_target(box)
        if area is not None:
            QApplication.sendEvent(area.viewport(), event.clone())
        event.accept()
        return True  # the box itself never sees it


def install(app: QApplication) -> WheelGuard:
    """Install the guard once per application."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
