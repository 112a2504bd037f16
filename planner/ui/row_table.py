"""A table of plan rows with add / remove, Delete key, context menu and inline messages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .fields import ErrorLabel
from .i18n import t, tx
from .table_model import SORT_ROLE, RowTableModel, get_field
from .text_size import px


class ChoiceEditor(QComboBox):
    """A cell's drop-down. ``picked`` says a choice was picked in its open list (as opposed
    to an arrow key or the wheel on the closed box, which only show another choice)."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._from_list = False
        self.activated.connect(self._activated)

    def showPopup(self) -> None:  # noqa: N802 (Qt API)
        self._from_list = True
        super().showPopup()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._from_list = False  # keys on the closed box: not a pick from the list
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._from_list = False
        super().wheelEvent(event)

    def _activated(self, _index: int) -> None:
        if self._from_list:
            self._from_list = False
            self.picked.emit()


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for columns with a fixed set of choices. A choice picked in its open
    list goes into the plan at once, as Excel does: Esc afterwards does not drop it."""

    def __init__(self, model: RowTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt API)
        column = self._model.columns[index.column()]
        if column.kind != "choice":
            return super().createEditor(parent, option, index)
        combo = ChoiceEditor(parent)
        for key, label in column.choices:
            note = column.choice_note(key) if column.choice_note else ""
            combo.addItem(tx(label) + note, key)
        combo.picked.connect(self._picked)
        return combo

    def _picked(self) -> None:
        """Commit the pick (a checked, undoable edit) and leave the cell."""
        combo = self.sender()
        if isinstance(combo, QComboBox):
            self.commitData.emit(combo)
            self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor, index):  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class PlanTableView(QTableView):
    """Moves as a spreadsheet does: Tab / Shift+Tab to the next / previous editable cell
    (on to the next row), Enter down. An edit never moves the current cell elsewhere."""

    _EDITABLE = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
    calendar_requested = Signal()

    def moveCursor(self, action, modifiers):  # noqa: N802 (Qt API)
        Action = QAbstractItemView.CursorAction
        if action in (Action.MoveNext, Action.MovePrevious):
            return self._next_editable(forward=action == Action.MoveNext)
        return super().moveCursor(action, modifiers)

    def _next_editable(self, forward: bool) -> QModelIndex:
        model, current = self.model(), self.currentIndex()
        rows, header = model.rowCount(), self.horizontalHeader()
        columns = [
            header.logicalIndex(v)
            for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))
        ]
        if not rows or not columns:
            return current
        if not current.isValid():
            return model.index(0, columns[0])
        cells = [(r, c) for r in range(rows) for c in columns]
        try:
            i = cells.index((current.row(), current.column()))
        except ValueError:
            return current
        step = 1 if forward else -1
        for j in range(i + step, len(cells) if forward else -1, step):
            index = model.index(*cells[j])
            if index.flags() & self._EDITABLE:
                return index
        return QModelIndex()  # the end of the table: Tab leaves it, as in a form

    def closeEditor(self, editor, hint):  # noqa: N802 (Qt API)
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter in an editor
            self._down()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.calendar_requested.emit()  # Alt+Down, as a list opens: a date's calendar
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._down()
            return
        super().keyPressEvent(event)

    def _down(self) -> None:
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(current.siblingAtRow(current.row() + 1))


class RowTable(QWidget):
    def __init__(
        self,
        model: RowTableModel,
        *,
        can_add: bool = True,
        proxy: QSortFilterProxyModel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        if model.parent() is None:
            model.setParent(self)  # it goes (and stops listening to the plan) with its table
        self.proxy = proxy  # sorting and filtering, where a table has them
        # asked before rows are removed (the plan rows, in order); False keeps them
        self.confirm_remove: Callable[[list[int]], bool] | None = None
        self.view = PlanTableView()
        if proxy is not None:
            if proxy.parent() is None:
                proxy.setParent(self)
            proxy.setSourceModel(model)
            proxy.setSortRole(SORT_ROLE)
            self.view.setModel(proxy)
            self.view.setSortingEnabled(True)
            self.view.sortByColumn(
                -1, Qt.SortOrder.AscendingOrder
            )  # the plan's own order until asked
        else:
            self.view.setModel(model)
        self.view.setItemDelegate(ChoiceDelegate(model, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        self.view.verticalHeader().setDefaultSectionSize(px(28))
        self.view.setMinimumHeight(px(140))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.error = ErrorLabel()
        noun = tx(model.noun)
        self.add_button = QPushButton(t(f"{noun}を追加", f"Add {noun}"))
        self.remove_button = QPushButton(t("選択行を削除", "Remove selected"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_button.setVisible(can_add and model.new_row is not None)
        read_only = model.doc.read_only
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)
        self.view.calendar_requested.connect(self.open_calendar)
        delete = QAction(self.view)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.remove_selected)
        self.view.addAction(delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        model.rejected.connect(self.error.show_error)
        model.doc.subscribe(self._clear_error)
        self.view.resizeColumnsToContents()

    def _clear_error(self) -> None:
        self.error.show_error(None)

    def source_row(self, index: QModelIndex) -> int:
        """The plan row behind a view index (the view may be sorted or filtered)."""
        if not index.isValid():
            return -1
        return (self.proxy.mapToSource(index) if self.proxy is not None else index).row()

    def current_row(self) -> int:
        return self.source_row(self.view.currentIndex())

    def select_source_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(
            self.proxy.mapFromSource(index) if self.proxy is not None else index
        )

    def selected_rows(self) -> list[int]:
        return sorted({self.source_row(i) for i in self.view.selectionModel().selectedRows()})

    def add_row(self) -> None:
        if self.model.add_row():
            self.select_source_row(self.model.rowCount() - 1)
            self.view.setFocus()

    def remove_selected(self) -> None:
        rows = self.selected_rows() or ([self.current_row()] if self.current_row() >= 0 else [])
        if not rows or self.model.doc.read_only:
            return
        if self.confirm_remove is not None and not self.confirm_remove(rows):
            return
        self.model.remove_rows(rows)

    def _date_cell(self, index: QModelIndex) -> QModelIndex | None:
        """The model index of an editable date cell at a view index, else None."""
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index) if self.proxy is not None else index
        column = self.model.columns[source.column()]
        editable = self.model.flags(source) & Qt.ItemFlag.ItemIsEditable
        return source if column.kind == "date" and editable else None

    def open_calendar(self, index: QModelIndex | None = None) -> QCalendarWidget | None:
        """A calendar under a date cell; the day picked is entered as if typed (checked,
        undoable). Returns the calendar, or None when the cell holds no date."""
        view_index = index if isinstance(index, QModelIndex) else self.view.currentIndex()
        cell = self._date_cell(view_index)
        if cell is None:
            return None
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setObjectName("cellCalendar")
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setGridVisible(True)
        value = get_field(
            self.model.row_object(cell.row()), self.model.columns[cell.column()].field
        )
        if value is not None:
            calendar.setSelectedDate(QDate(value.year, value.month, value.day))
        persistent = QPersistentModelIndex(cell)

        def pick(day: QDate) -> None:
            calendar.close()
            if persistent.isValid():
                self.model.setData(QModelIndex(persistent), day.toString("yyyy-MM-dd"))

        calendar.clicked.connect(pick)
        calendar.activated.connect(pick)
        rect = self.view.visualRect(view_index)
        calendar.move(self.view.viewport().mapToGlobal(rect.bottomLeft()))
        calendar.show()
        return calendar

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        noun = tx(self.model.noun)
        at = self.view.indexAt(pos)
        if self._date_cell(at) is not None:
            menu.addAction(t("カレンダーから選ぶ…", "Pick from a calendar…"),
                           lambda: self.open_calendar(at))  # fmt: skip
        if self.add_button.isVisible():
            menu.addAction(t(f"{noun}を追加", f"Add {noun}"), self.add_row)
        if self.view.indexAt(pos) != QModelIndex() or self.selected_rows():
            menu.addAction(t("削除", "Remove"), self.remove_selected)
        menu.exec(self.view.viewport().mapToGlobal(pos))
