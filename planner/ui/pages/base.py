"""What every step page has: title, guidance, its own inputs, checklist, notes, dates.

A page subclass sets ``number`` and adds its own inputs in ``build_inputs()``; its
fields and tables are bound to the plan through the document and refresh
themselves when it changes. The workspace builds each page when it is first shown
(``workspace.PAGES``); the summary's warnings come from ``domain.progress``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.catalog import StepDef
from ...domain.operations import SetValue
from ...domain.text import L10n
from ..document import PlanDocument
from ..fields import BoundField
from ..fit import fit_columns
from ..help_button import with_help
from ..i18n import t, tx
from ..row_table import RowTable
from ..table_model import ROW, Column, RowTableModel


class ChecklistModel(QAbstractTableModel):
    """The step's checklist: tick and a note per item; edits are undoable."""

    def __init__(self, doc: PlanDocument, step: StepDef) -> None:
        super().__init__()
        self.doc, self.step = doc, step
        doc.subscribe(self._refresh)

    def _refresh(self, touched: tuple = ()) -> None:
        mine = ("steps", self.step.number)
        if any(touch.path[:2] == mine for touch in touched):
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 1))

    def _entry(self, row: int) -> Any:
        return self.doc.plan.steps[self.step.number].checklist[self.step.checklist[row].id]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.step.checklist)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (t("確認項目", "Item"), t("メモ", "Note"))[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.doc.read_only:
            return base
        return base | (
            Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else Qt.ItemFlag.ItemIsEditable
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._entry(index.row())
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return tx(self.step.checklist[index.row()].text)
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if entry.done else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return entry.note
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        item_id = self.step.checklist[index.row()].id
        path = ("steps", self.step.number, "checklist", item_id)
        if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            label = L10n("チェックリストの確認", "Tick checklist item")
            return self.doc.apply(SetValue(path, "done", done, label)) is None
        if index.column() == 1 and role == Qt.ItemDataRole.EditRole:
            label = L10n("チェックリストのメモ", "Checklist note")
            return self.doc.apply(SetValue(path, "note", str(value), label)) is None
        return False


class Guidance(QWidget):
    """The step's guidance, one click away, folded by default after the first visit."""

    def __init__(self, step: StepDef) -> None:
        super().__init__()
        self.toggle = QToolButton()
        self.toggle.setText(
            t("ガイダンス（手引きのポイント）", "Guidance (from the national guide)")
        )
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.body = QLabel(
            "".join(
                f'<p style="line-height: {LINE_HEIGHT}%">{_escape(p)}</p>'
                for p in tx(step.guidance).strip().split("\n\n")
            )
        )
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setObjectName("guidanceText")
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(frame)
        inner.addWidget(self.body)
        self.frame = frame
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(frame)
        self.toggle.toggled.connect(self._set_open)
        self._set_open(False)

    def _set_open(self, open_: bool) -> None:
        self.frame.setVisible(open_)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.toggle.setChecked(open_)


LINE_HEIGHT = 135  # percent: wrapped paragraphs in the proportional face need air


def _escape(text: str) -> str:
    from html import escape

    return escape(text).replace("\n", "<br>")


class StepPage(QScrollArea):
    number: int = 0

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.doc = doc
        self.step = doc.catalog.step(self.number)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(16, 12, 16, 16)
        self.layout_.setSpacing(10)
        title = QLabel(f"{self.number}  {tx(self.step.title)}")
        title.setObjectName("pageTitle")
        purpose = QLabel(
            f'<p style="line-height: {LINE_HEIGHT}%">{_escape(tx(self.step.purpose))}</p>'
        )
        purpose.setTextFormat(Qt.TextFormat.RichText)
        purpose.setObjectName("pagePurpose")
        purpose.setWordWrap(True)
        self.guidance = Guidance(self.step)
        self.layout_.addLayout(with_help(title))  # issue 22: 「?」 opens the manual at this step
        self.layout_.addWidget(purpose)
        self.layout_.addWidget(self.guidance)
        self.build_inputs()
        self.layout_.addWidget(self._checklist_box())
        self.layout_.addWidget(self._notes_box())
        self.layout_.addStretch(1)
        self.setWidget(body)

    # -- for subclasses ------------------------------------------------------------------

    def build_inputs(self) -> None:
        """Add the step's own inputs to ``self.layout_``."""

    def section(self, title_ja: str, title_en: str) -> QGroupBox:
        box = QGroupBox(t(title_ja, title_en))
        self.layout_.addWidget(box)
        return box

    def form(self, box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # a long label puts its field on the next line rather than widen the page (text size)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return form

    def field(self, path: tuple, column: Column, multiline: bool = False) -> BoundField:
        return BoundField(self.doc, path, column, multiline=multiline)

    def add_field(
        self, form: QFormLayout, path: tuple, column: Column, multiline: bool = False
    ) -> BoundField:
        bound = self.field(path, column, multiline)
        form.addRow(tx(bound.column.header), bound)
        return bound

    def table(
        self,
        title: L10n,
        list_path: tuple,
        columns: list[Column],
        new_row: Callable[[], Any] | None = None,
        noun: L10n = ROW,
    ) -> RowTable:
        """A table of one list of the plan; its columns fit their content (``fit.py``)."""
        box = QGroupBox(tx(title))
        table = RowTable(RowTableModel(self.doc, list_path, columns, new_row, noun))
        fit_columns(table)
        QVBoxLayout(box).addWidget(table)
        self.layout_.addWidget(box)
        return table

    # -- common parts --------------------------------------------------------------------

    def _checklist_box(self) -> QGroupBox:
        box = QGroupBox(t("チェックリスト", "Checklist"))
        view = QTableView()
        view.setObjectName("checklist")
        self.checklist_model = ChecklistModel(self.doc, self.step)
        self.checklist_model.setParent(view)  # it goes (and stops listening) with its view
        view.setModel(self.checklist_model)
        view.setWordWrap(True)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 260)
        # rows follow their wrapped text as the page is resized, never taller than needed
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.verticalHeader().setMinimumSectionSize(28)
        view.setMinimumHeight(len(self.step.checklist) * 28 + 32)
        layout = QVBoxLayout(box)
        layout.addWidget(view)
        self.checklist_view = view
        return box

    def _notes_box(self) -> QGroupBox:
        box = QGroupBox(t("メモ・予定", "Notes and schedule"))
        form = QFormLayout(box)
        path = ("steps", self.number)
        form.addRow(
            t("メモ", "Notes"),
            self.field(path, Column("notes", L10n("メモ", "Notes")), multiline=True),
        )
        dates = QHBoxLayout()
        dates.addWidget(self.field(path, Column("start", L10n("開始日", "Start"))))
        dates.addWidget(QLabel("〜"))
        dates.addWidget(self.field(path, Column("end", L10n("終了日", "End"))))
        form.addRow(t("この手順の予定", "Planned dates"), dates)
        return box
