"""Accessible names and descriptions for screen readers (issue 22): derived in one place.

Every widget a user can tab to gets a name that a screen reader (NVDA on Windows) reads
out, in the UI language at the time it is built (the window builds its pages again on a
language change). The name comes from what a sighted user reads beside the widget:

- a button: its text without the mnemonic (``作成(&C)`` → 作成);
- a form field: its column's header (``fields.BoundField``), else the label of its form
  row or the label that names it as buddy;
- a spin box's or combo box's own line edit: the name of its box;
- a table or list: the title of the group box it sits in;
- a page: its title; anything else: its placeholder text, else its tooltip.

Descriptions say what the name alone does not: the tooltip, the keys of an editable
table, and for a table's buttons which table they act on. A widget named by hand
(``setAccessibleName``) keeps its name.
"""

from __future__ import annotations

import re
import sys

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from .i18n import t
from .mnemonics import strip

_MARKUP = re.compile(r"<[^>]+>")


def _clean(text: str | None) -> str:
    """A text as read aloud: no mnemonic, no markup, no arrows or trailing colon."""
    if not text:
        return ""
    text = strip(_MARKUP.sub("", text))
    text = text.replace("◀", "").replace("▶", "").replace("\n", " ")
    return text.strip().rstrip(":：").strip()


def _ancestor(widget: QWidget, kind: type, depth: int = 8):
    parent = widget.parentWidget()
    while parent is not None and depth > 0:
        if isinstance(parent, kind):
            return parent
        parent = parent.parentWidget()
        depth -= 1
    return None


def _loaded(module: str, name: str) -> type | None:
    """A widget class of this package, if its module is loaded: no widget of a class not
    yet imported can exist, and the welcome screen needs neither (issue 25)."""
    found = sys.modules.get(f"{__package__}.{module}")
    return getattr(found, name) if found is not None else None


def _bound_field(widget: QWidget):
    kind = _loaded("fields", "BoundField")
    return _ancestor(widget, kind, 2) if kind is not None else None


def _row_table(widget: QWidget):
    kind = _loaded("row_table", "RowTable")
    return _ancestor(widget, kind, 2) if kind is not None else None


def _layouts_holding(layout: QLayout, widget: QWidget) -> list[QLayout]:
    """``layout`` and its nested layouts that hold ``widget`` directly.

    Nested layouts are found as the layout's QObject children: PySide's wrappers of the
    QLayoutItems that ``itemAt()`` returns can free Qt's own items when collected."""
    found = [layout] if layout.indexOf(widget) >= 0 else []
    return found + [sub for sub in layout.findChildren(QLayout) if sub.indexOf(widget) >= 0]


def _form_label(widget: QWidget) -> str:
    """The label of the form row that holds ``widget`` (or the field around it)."""
    for candidate in (widget, _bound_field(widget)):
        if candidate is None or candidate.parentWidget() is None:
            continue
        form = candidate.parentWidget().layout()
        if not isinstance(form, QFormLayout):
            continue
        label = form.labelForField(candidate)
        if label is None:  # in a row of its own (a field and a note beside it)
            for sub in _layouts_holding(form, candidate):
                label = label or (form.labelForField(sub) if sub is not form else None)
        text = _clean(label.text()) if isinstance(label, QLabel) else ""
        if text.endswith("*"):  # 「団体名 *」: read as a required field, not a star
            return text.rstrip("* ") + t("（必須）", " (required)")
        if text:
            return text
    return ""


def _row_heading(widget: QWidget) -> str:
    """The label at the start of the grid row that holds ``widget`` (a list of documents)."""
    holder = widget.parentWidget()
    if holder is None or holder.layout() is None:
        return ""
    for grid in _layouts_holding(holder.layout(), widget):
        if not isinstance(grid, QGridLayout):
            continue
        row = grid.getItemPosition(grid.indexOf(widget))[0]
        for label in holder.findChildren(QLabel):
            index = grid.indexOf(label)
            if index >= 0 and grid.getItemPosition(index)[:2] == (row, 0):
                return _clean(label.text())
    return ""


def _buddy_label(widget: QWidget) -> str:
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and _clean(label.text()):
            return _clean(label.text())
    return ""


def _group_title(widget: QWidget) -> str:
    box = _ancestor(widget, QGroupBox)
    return _clean(box.title()) if box is not None else ""


def _page_title(widget: QWidget) -> str:
    title = widget.findChild(QLabel, "pageTitle") or widget.findChild(QLabel, "welcomeTitle")
    return _clean(title.text()) if title is not None else ""


def table_name(widget: QWidget) -> str:
    """The name a table is read by: its own, else its group box's title."""
    table = _row_table(widget)
    view = table.view if table is not None else widget
    return view.accessibleName() or _group_title(view)


def derive_name(widget: QWidget) -> str:
    """What a screen reader should call ``widget``: '' if nothing names it."""
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, QAbstractSpinBox | QComboBox):
        return parent.accessibleName() or derive_name(parent)
    bound = _bound_field(widget)
    if isinstance(widget, QAbstractButton):
        text = _clean(widget.text())
        if text:
            return text
        tip = _clean(widget.toolTip())
        if bound is not None and tip:  # a field's calendar button: say whose
            from .i18n import tx

            return f"{tx(bound.column.header)}: {tip}"
        return tip
    if bound is not None and widget is bound.editor:
        from .i18n import tx

        return _clean(tx(bound.column.header))
    for found in (_form_label(widget), _buddy_label(widget)):
        if found:
            return found
    if isinstance(widget, QAbstractItemView):
        return _group_title(widget)
    if isinstance(widget, QAbstractScrollArea) and not isinstance(
        widget, QPlainTextEdit | QTextEdit
    ):
        found = _page_title(widget)
        if found:
            return found
    placeholder = getattr(widget, "placeholderText", None)
    if callable(placeholder) and _clean(placeholder()):
        return _clean(placeholder())
    return _clean(widget.toolTip()) or _group_title(widget)


def derive_description(widget: QWidget, name: str) -> str:
    tip = _clean(widget.toolTip())
    if tip and tip != name and not name.endswith(tip):
        return tip
    table = _row_table(widget)
    if table is not None and widget is table.view:
        return t(
            "表。矢印キーで移動、文字を入力すると編集、Enter で下の行へ、Delete で選択行を削除",
            "Table. Arrow keys move, typing edits, Enter goes down, Delete removes the selected rows",
        )
    if table is not None and isinstance(widget, QAbstractButton):
        title = table_name(table.view)
        if title:
            return t(f"表「{title}」", f"Table '{title}'")
    heading = _row_heading(widget)
    return heading if heading != name else ""


def name_widgets(root: QWidget) -> None:
    """Name every focusable widget under ``root`` that has no name yet (and describe it)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        name = widget.accessibleName()
        if not name:
            name = derive_name(widget)
            if name:
                widget.setAccessibleName(name)
        if not widget.accessibleDescription():
            description = derive_description(widget, name)
            if description:
                widget.setAccessibleDescription(description)


class _NameDialogs(QObject):
    """Names a window's widgets when it is shown: every dialog (the comparison, the print
    preview, the roll-up's progress, the survey's and Qt's own) and the help window,
    without each naming its own. The main window names its pages as it builds them.

    A filter on each window (given to it when the application's style polishes it, before
    it is first shown), not on the whole application (issue 25): that one met every event
    of every object, and its first meeting with an object of a class of Qt's own (the
    gesture manager, made with the first combo box) made PySide create some 140 enum
    classes — ~20 ms at every start."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show and _is_dialog(obj):
            name_widgets(obj)
        return False

    def watch(self, widget: QWidget) -> None:
        """Follow a window of the application (a widget polished while it is one)."""
        if _is_dialog(widget):
            widget.installEventFilter(self)  # once: installing it again only moves it


def _is_dialog(obj: QObject) -> bool:
    """A window other than the main window and the menus."""
    return isinstance(obj, QWidget) and obj.isWindow() and not isinstance(obj, (QMenu, QMainWindow))


def install(app: QApplication) -> None:
    """Name the widgets of every dialog as it is shown (once per application)."""
    if app.findChild(_NameDialogs) is not None:
        return
    names = _NameDialogs(app)
    from .wheel_guard import on_polish

    if not on_polish(app, names.watch):  # without the program's style: every event, as before
        app.installEventFilter(names)
