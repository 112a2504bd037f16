"""One table model for every list of the plan (members, KPIs, units, cost lines, …).

A table is declared as columns over a list path of the plan. Every cell edit
becomes a domain SetValue operation through the document, so it is validated
and undoable like any other edit; text that is not a valid value is refused
with a message and the plan stays unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, is_dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ..domain.errors import ValidationError
from ..domain.kinds import KINDS
from ..domain.operations import (
    Batch,
    InsertRow,
    Operation,
    Path,
    RemoveRow,
    SetValue,
    Touch,
    resolve,
)
from ..domain.records import Record, field_at, record_at
from ..domain.text import L10n
from ..loading import words
from .document import PlanDocument
from .fonts import figures_font
from .i18n import lang, plain_tip, tx

Index = QModelIndex | QPersistentModelIndex
ROW = L10n("行", "row")
SORT_ROLE = Qt.ItemDataRole.UserRole + 10  # a value that sorts as users expect (numbers as numbers)


@dataclass(frozen=True)
class Column:
    """A column of a page's table, declared once with everything it needs: its cell (a
    declared field of the rows, ``"unit_price"``, ``"factors.paper"``, or ``display`` for a
    computed one), its header and its width.

    Its kind and choices follow from the field's declaration (``planner/domain/model.py``)
    unless given; the header is the page's own, often shorter than the declared label.
    The width follows the column's content, header and choices (``fit.py``); a ``wrap``
    column gets a reading width instead and its text wraps onto as many lines as it needs.
    """

    field: str
    header: L10n | None = None  # None: the declared label
    kind: str | None = None  # text | int | money | decimal | bool | choice | date | fy
    choices: tuple[tuple[str, L10n], ...] = ()
    editable: bool = True
    display: Callable[[Any], str] | None = None  # computed, read-only columns
    tooltip: Callable[[Any], str] | None = None
    values: tuple[tuple[str, Any], ...] = ()  # choice key → stored value, where they differ
    sort_key: Callable[[Any], Any] | None = (
        None  # for computed columns (e.g. the suitability level)
    )
    choice_note: Callable[[Any], str] | None = None  # said after a choice in its picker only
    wrap: bool = False  # long text: a reading width, wrapping (fit.py)

    def declared_in(self, record: Record) -> Column:
        """This column with what the declaration says filled in (computed columns as they are).
        A choice that may be unset gets its word as the first choice (issue 19)."""
        if self.display is not None or not self.field:
            return self if self.kind else replace(self, kind="text")
        f = field_at(record.cls, self.field) if "." in self.field else record.field(self.field)
        kind = self.kind or f.type.screen
        choices = self.choices or (words.choices(f.words) if f.words else ())
        values = self.values
        if f.unset is not None and not any(k == UNSET for k, _w in choices):
            choices, values = ((UNSET, f.unset), *choices), ((UNSET, None), *values)
        return replace(
            self, header=self.header or f.label, kind=kind, choices=choices, values=values
        )

    def key_of(self, value: Any) -> Any:
        return next((k for k, v in self.values if v == value and type(v) is type(value)), value)

    def value_of(self, key: Any) -> Any:
        return next((v for k, v in self.values if k == key), key)


UNSET = ""  # the key of a choice's unset state ("区分から自動"): None in the plan


def declared_columns(path: Path, columns: list[Column]) -> list[Column]:
    """The columns of the records at ``path``, completed from their declaration."""
    record = record_at(tuple(path))
    return [c.declared_in(record) for c in columns]


def get_field(obj: Any, dotted: str) -> Any:
    for name in dotted.split("."):
        obj = getattr(obj, name)
    return obj


def parse_cell(column: Column, text: Any) -> Any:
    """The value a typed cell text stands for (the column's kind parses it, ``kinds.py``);
    ValidationError if it is none. A choice's key stands for its stored value."""
    return KINDS[column.kind].parse(column.value_of(text), tx(column.header), column.field)


def format_cell(column: Column, value: Any) -> str:
    """A value as its cell shows it: a choice by its words, else as its kind formats it."""
    if column.choices:
        key = column.key_of(value)
        return next((tx(label) for k, label in column.choices if k == key), str(value))
    return KINDS[column.kind].format(value, lang())


def _same(a: list[Any], b: list[Any]) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


class RowTableModel(QAbstractTableModel):
    rejected = Signal(object)  # a ValidationError for an edit that was not kept

    def __init__(
        self,
        doc: PlanDocument,
        list_path: Path,
        columns: list[Column],
        new_row: Callable[[], Any] | None = None,
        noun: L10n = ROW,
    ) -> None:
        super().__init__()
        self.doc = doc
        self.list_path = list_path
        self.columns = declared_columns(list_path, columns)
        self.new_row = new_row
        self.noun = noun
        self._rows: list[Any] = self._read()
        # the row add_row() just added (its key) and the undo index after it, until edited;
        # where a table says so, a refusal of that row's first edit takes the row back too
        self._fresh: tuple[Any, int] | None = None
        self.drop_refused_new_row = False
        doc.subscribe(self.on_changed)

    def _read(self) -> list[Any]:
        try:
            return list(resolve(self.doc.plan, self.list_path))
        except (ValidationError, KeyError, IndexError):
            return []  # the list's owner (a unit, a scenario) was removed

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self._read()
        self.endResetModel()

    def on_changed(self, touched: tuple[Touch, ...] = ()) -> None:
        """Refresh only what the change touched: a row, a row in or out, or (rarely) all."""
        n = len(self.list_path)
        outside = False
        for touch in touched:
            path = touch.path
            if touch.kind in ("insert", "remove") and path == self.list_path:
                if not self._row_moved(touch):
                    break
            elif path[:n] == self.list_path and len(path) > n:
                self._row_changed(path[n])
            elif self.list_path[: len(path)] == path:
                break  # the list itself (or its owner) was replaced or removed
            else:
                outside = True
        if not _same(self._rows, self._read()):
            self.refresh()  # whatever the change did to the list that the steps above did not say
        elif outside:
            self._computed_changed()

    def _row_moved(self, touch: Touch) -> bool:
        """Follow one row in or out (named by its id); False if the change cannot be
        followed row by row."""
        if touch.kind == "insert":
            final = self._read()
            index = next((i for i, r in enumerate(final) if r.id == touch.row), None)
            if index is None or index > len(self._rows):
                return False
            self.beginInsertRows(QModelIndex(), index, index)
            self._rows.insert(index, final[index])
            self.endInsertRows()
            return True
        index = next((i for i, r in enumerate(self._rows) if r.id == touch.row), None)
        if index is None:
            return False
        self.beginRemoveRows(QModelIndex(), index, index)
        del self._rows[index]
        self.endRemoveRows()
        return True

    def _row_changed(self, key: Any) -> None:
        """A value in one row changed: that row (its computed cells follow the row)."""
        row = next((r for r in range(len(self._rows)) if self._row_key(r) == key), None)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def _computed_changed(self) -> None:
        """Computed columns (a line's yearly amount, a task's mark) may follow an edit elsewhere."""
        computed = [c for c, col in enumerate(self.columns) if col.display is not None]
        if computed and self._rows:
            self.dataChanged.emit(
                self.index(0, min(computed)), self.index(len(self._rows) - 1, max(computed))
            )

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def _row_key(self, row: int) -> Any:
        return self._rows[row].id  # every row of the plan has an id (issue 19)

    # -- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.columns):
                return tx(self.columns[section].header)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        col = self.columns[index.column()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if col.editable and col.display is None and not self.doc.read_only:
            flags |= (
                Qt.ItemFlag.ItemIsUserCheckable
                if col.kind == "bool"
                else Qt.ItemFlag.ItemIsEditable
            )
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        col = self.columns[index.column()]
        obj = self._rows[index.row()]
        if role == SORT_ROLE:
            return self._sort_value(col, obj)
        if role == Qt.ItemDataRole.FontRole and col.kind == "money":
            return figures_font()  # amounts line up in the fixed-width face
        if col.display is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                return col.display(obj)
            if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
                return plain_tip(col.tooltip(obj))
            return None
        value = get_field(obj, col.field)
        if col.kind == "bool":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return format_cell(col, value)
        if role == Qt.ItemDataRole.EditRole:
            return (
                col.key_of(value) if col.kind == "choice" else ("" if value is None else str(value))
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(col.tooltip(obj)) if col.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in ("int", "money"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _sort_value(col: Column, obj: Any) -> Any:
        if col.sort_key is not None:
            return col.sort_key(obj)
        if col.display is not None:
            return col.display(obj)
        value = get_field(obj, col.field)
        if col.kind in ("int", "money", "fy", "bool"):
            return -1 if value is None else int(value)
        return format_cell(col, value)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.doc.read_only:
            return False
        col = self.columns[index.column()]
        fresh = self.drop_refused_new_row and self._fresh == (
            self._row_key(index.row()),
            self.doc.undo_stack.index(),
        )
        if col.kind == "bool":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            parsed: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            try:
                parsed = parse_cell(col, value)
            except ValidationError as err:
                return self._refused(err, fresh)
        else:
            return False
        if parsed == get_field(self._rows[index.row()], col.field):
            return True
        row_path = (*self.list_path, self._row_key(index.row()))
        *inner, name = col.field.split(".")
        label = L10n(f"「{col.header.ja}」の変更", f"Change {col.header.en}")
        holder = get_field(self._rows[index.row()], ".".join(inner)) if inner else None
        if is_dataclass(holder) and holder.__dataclass_params__.frozen:  # e.g. a task's factors
            op = SetValue(
                (*row_path, *inner[:-1]), inner[-1], replace(holder, **{name: parsed}), label
            )
        else:
            op = SetValue((*row_path, *inner), name, parsed, label)
        err = self.doc.apply(op)
        return True if err is None else self._refused(err, fresh)

    def _refused(self, err: ValidationError, fresh: bool) -> bool:
        """Say why an edit was not kept. A row just added whose first edit is refused (a new
        unit typed with a taken name, where ``drop_refused_new_row``) goes with it: nothing
        stays behind, not even in the undo history."""
        if fresh:
            self._fresh = None
            self.doc.retract()
        self.rejected.emit(err)  # after the retraction, whose change clears the old message
        return False

    def _apply(self, op: Operation) -> bool:
        err = self.doc.apply(op)
        if err is not None:
            self.rejected.emit(err)
        return err is None

    # -- rows -------------------------------------------------------------------------------

    def add_row(self, row: Any = None, at: int | None = None) -> bool:
        row = row if row is not None else (self.new_row() if self.new_row else None)
        if row is None or self.doc.read_only:
            return False
        index = len(self._rows) if at is None else at
        label = L10n(f"{self.noun.ja}の追加", f"Add {self.noun.en}")
        if not self._apply(InsertRow(self.list_path, index, row, label)):
            return False
        self._fresh = (self._row_key(index), self.doc.undo_stack.index())
        return True

    def remove_rows(self, rows: list[int]) -> bool:
        if not rows or self.doc.read_only:
            return False
        ops = [RemoveRow(self.list_path, self._row_key(r)) for r in sorted(set(rows), reverse=True)]
        label = L10n(f"{self.noun.ja}の削除", f"Remove {self.noun.en}")
        return self._apply(Batch(ops, label))
