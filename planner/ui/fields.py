"""Form fields bound to one value of the plan, with their message beside them.

A field applies its value when editing finishes; an invalid value is refused
by the domain, the message appears next to the field in red, and the plan
keeps its old value (the field shows what the user typed until corrected).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import ValidationError
from ..domain.kinds import KINDS
from ..domain.operations import Path, SetValue, resolve
from ..domain.text import L10n
from .document import PlanDocument
from .error_label import ErrorLabel as ErrorLabel  # re-exported: the pages take it from here
from .i18n import t, tx
from .table_model import Column, declared_columns, parse_cell
from .text_size import px


class BoundField(QWidget):
    """A labelled editor for ``resolve(plan, path).field``."""

    def __init__(
        self,
        doc: PlanDocument,
        path: Path,
        column: Column,
        *,
        multiline: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        column = declared_columns(path, [column])[0]
        self.doc, self.path, self.column = doc, path, column
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.editor: QWidget
        if column.kind == "choice":
            combo = QComboBox()
            for key, label in column.choices:
                combo.addItem(tx(label), key)
            combo.activated.connect(lambda _i: self._commit(combo.currentData()))
            self.editor = combo
        elif column.kind == "bool":
            box = QCheckBox(tx(column.header))
            box.toggled.connect(self._commit)
            self.editor = box
        elif multiline:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            # Japanese has no spaces to break at: wrap anywhere rather than scroll sideways
            text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            text.setFixedHeight(px(80))  # three lines at any text size
            text.focusOutEvent = self._wrap_focus_out(text.focusOutEvent)  # type: ignore[method-assign]
            self.editor = text
        else:
            line = QLineEdit()
            line.editingFinished.connect(lambda: self._commit(line.text()))
            if KINDS[column.kind].numeric:  # figures line up on the right
                line.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.editor = line
        self.editor.setObjectName(f"field_{column.field}")
        self.editor.setEnabled(not doc.read_only and column.editable)
        self.error = ErrorLabel()
        self.calendar_button: QToolButton | None = None
        if column.kind == "date":
            layout.addLayout(self._date_row())
        else:
            layout.addWidget(self.editor)
        layout.addWidget(self.error)
        doc.changed.connect(self.load)
        self.load()

    def _date_row(self) -> QHBoxLayout:
        """The date's text field and a button that opens a calendar."""
        line = self.editor
        assert isinstance(line, QLineEdit)
        line.setPlaceholderText(t("例: 2025/11/5、R7.11.5", "e.g. 2025/11/5, R7.11.5"))
        line.setToolTip(
            t("2025/11/5、2025-11-05、令和7年11月5日、R7.11.5 のどれでも入力できます。",
              "Type 2025/11/5, 2025-11-05, 令和7年11月5日 or R7.11.5.")
        )  # fmt: skip
        button = QToolButton()
        button.setObjectName(f"calendar_{self.column.field}")
        button.setArrowType(Qt.ArrowType.DownArrow)
        button.setToolTip(t("カレンダーから選ぶ", "Pick from a calendar"))
        button.setEnabled(line.isEnabled())
        button.clicked.connect(self.open_calendar)
        self.calendar_button = button
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(line, 1)
        row.addWidget(button)
        return row

    def open_calendar(self) -> QCalendarWidget:
        """A calendar pop-up under the field; picking a day enters it."""
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setObjectName("calendarPopup")
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setGridVisible(True)
        value = self.value()
        if value is not None:
            calendar.setSelectedDate(QDate(value.year, value.month, value.day))

        def picked(day: QDate) -> None:
            calendar.close()
            text = day.toString("yyyy-MM-dd")
            self.editor.setText(text)  # type: ignore[attr-defined]
            self._commit(text)

        calendar.clicked.connect(picked)
        calendar.activated.connect(picked)
        calendar.move(self.editor.mapToGlobal(self.editor.rect().bottomLeft()))
        calendar.show()
        return calendar

    def _wrap_focus_out(self, original: Any) -> Any:
        def handler(event: Any) -> None:
            original(event)
            self._commit(self.editor.toPlainText())  # type: ignore[attr-defined]

        return handler

    def value(self) -> Any:
        try:
            return getattr(resolve(self.doc.plan, self.path), self.column.field)
        except (ValidationError, KeyError, IndexError):
            return None

    def load(self) -> None:
        value = self.value()
        ed = self.editor
        ed.blockSignals(True)
        if isinstance(ed, QComboBox):
            ed.setCurrentIndex(max(0, ed.findData(self.column.key_of(value))))
        elif isinstance(ed, QCheckBox):
            ed.setChecked(bool(value))
        elif isinstance(ed, QPlainTextEdit):
            if ed.toPlainText() != (value or ""):
                ed.setPlainText(value or "")
        elif isinstance(ed, QLineEdit) and not self.error.isVisible():
            ed.setText("" if value is None else str(value))  # what parse_cell reads back
        ed.blockSignals(False)

    def _commit(self, raw: Any) -> None:
        if self.doc.read_only:
            return
        try:
            value = parse_cell(self.column, raw)
        except ValidationError as err:
            self.error.show_error(err)
            return
        if value == self.value():
            self.error.show_error(None)
            return
        header = self.column.header
        op = SetValue(
            self.path,
            self.column.field,
            value,
            L10n(f"「{header.ja}」の変更", f"Change {header.en}"),
        )
        err = self.doc.apply(op)
        self.error.show_error(err)
        if err is None:
            self.load()


class BoundCheckBoxes(QWidget):
    """Check boxes for a list field of choices (network layers, tools), two to a row, so
    a long list never makes the page wider than the window."""

    def __init__(
        self, doc: PlanDocument, field: str, choices: tuple[tuple[str, L10n], ...], label: L10n
    ) -> None:
        super().__init__()
        self.doc, self.field, self.choices, self.label = doc, field, choices, label
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, (key, text) in enumerate(choices):
            box = QCheckBox(tx(text))
            box.setObjectName(f"{field}_{key}")
            box.toggled.connect(self._commit)
            self.boxes[key] = box
            grid.addWidget(box, i // 2, i % 2)
        grid.setColumnStretch(2, 1)
        doc.subscribe(self.load)
        self.load()

    def load(self) -> None:
        chosen = getattr(self.doc.plan, self.field)
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(key in chosen)
            box.setEnabled(not self.doc.read_only)
            box.blockSignals(False)

    def _commit(self) -> None:
        chosen = [k for k, _text in self.choices if self.boxes[k].isChecked()]
        label = L10n(f"「{self.label.ja}」の変更", f"Change {self.label.en}")
        self.doc.apply(SetValue((), self.field, chosen, label))
